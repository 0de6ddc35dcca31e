/* banso-schema.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* "BnSo" in ASCII: lets us tell our databases from other SQLite files. */
#define BANSO_APPLICATION_ID 0x426e536f

void     banso_schema_add_step           (guint        version,
                                          const char  *sql);
guint    banso_schema_get_latest_version (void);
gboolean banso_schema_migrate            (sqlite3  *db,
                                          guint        target_version,
                                          GError     **error);

G_END_DECLS
