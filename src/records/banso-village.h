/* banso-village.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-store.h"

G_BEGIN_DECLS

#define BANSO_VILLAGE_TYPE "village"

/* Villages (thôn, bản) are documents, added by the people who know them,
 * inside a commune of their scope. */

char      *banso_village_create          (BansoTxn    *txn,
                                          const char  *commune,
                                          const char  *name,
                                          const char  *kind,
                                          GError     **error);
char      *banso_village_create_with_id  (BansoTxn    *txn,
                                          const char  *id,
                                          const char  *commune,
                                          const char  *name,
                                          const char  *kind,
                                          GError     **error);
char      *banso_village_find            (BansoTxn    *txn,
                                          const char  *commune,
                                          const char  *name);
gboolean   banso_village_in_commune      (BansoTxn    *txn,
                                          const char  *village,
                                          const char  *commune);
gboolean   banso_village_index           (BansoTxn    *txn,
                                          gint64       docno,
                                          const char  *commune,
                                          const char  *name,
                                          GError     **error);
GPtrArray *banso_village_list            (sqlite3     *db,
                                          const char  *commune_code,
                                          GError     **error);

G_END_DECLS
