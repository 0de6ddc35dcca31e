/* banso-archive-demo.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "banso-store.h"

G_BEGIN_DECLS

gboolean banso_archive_demo_generate (BansoStore    *store,
                                      const char    *province,
                                      GCancellable  *cancellable,
                                      GError       **error);

G_END_DECLS
