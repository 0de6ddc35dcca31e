/* banso-archive-package.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "banso-archive.h"

G_BEGIN_DECLS

#define BANSO_ARCHIVE_PACKAGE_FORMAT "banso-archive-package"
#define BANSO_ARCHIVE_PACKAGE_MANIFEST "manifest.json"

typedef struct
{
  guint items;       /* written or imported */
  guint left_out;    /* export: asked for but not the user's to see */
  guint skipped;     /* import: already here, same id */
} BansoPackageStats;

gboolean banso_archive_export (BansoStore          *store,
                               BansoUser           *user,
                               const char * const  *ids,
                               const char          *destination,
                               BansoPackageStats   *stats,
                               GCancellable        *cancellable,
                               GError             **error);
gboolean banso_archive_import (BansoStore          *store,
                               BansoUser           *user,
                               const char          *package,
                               BansoPackageStats   *stats,
                               GCancellable        *cancellable,
                               GError             **error);

G_END_DECLS
