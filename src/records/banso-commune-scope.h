/* banso-commune-scope.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-store.h"

G_BEGIN_DECLS

/* The commune a record falls under: what a commune official's scope is
 * checked against when it is changed. */

gboolean  banso_commune_exists        (BansoTxn    *txn,
                                       const char  *code);
char     *banso_indexed_commune       (BansoTxn    *txn,
                                       const char  *index_table,
                                       const char  *id);
char     *banso_stored_commune        (BansoTxn    *txn,
                                       const char  *id);
char     *banso_records_home_province (sqlite3     *db,
                                       const char  *fallback);

G_END_DECLS
