/* banso-archive-entry.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "banso-archive.h"

G_BEGIN_DECLS

#define BANSO_TYPE_ARCHIVE_ENTRY (banso_archive_entry_get_type ())

G_DECLARE_FINAL_TYPE (BansoArchiveEntry, banso_archive_entry, BANSO, ARCHIVE_ENTRY, GObject)

BansoArchiveEntry     *banso_archive_entry_new      (BansoArchiveRow   *row);
const BansoArchiveRow *banso_archive_entry_get_row  (BansoArchiveEntry *self);
char                  *banso_archive_entry_dup_caption (BansoArchiveEntry *self);

G_END_DECLS
