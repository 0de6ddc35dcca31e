/* banso-audit-chain.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-store.h"

G_BEGIN_DECLS

/* The hash an entry names as its previous one when it is the first. */
#define BANSO_AUDIT_GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

/* The schema step that chained the audit log. */
#define BANSO_AUDIT_CHAIN_STEP 16

gboolean banso_audit_append_since      (BansoTxn    *txn,
                                        gint64       after_docno,
                                        const char  *type,
                                        const char  *action,
                                        GError     **error);
gboolean banso_audit_get_head          (sqlite3     *db,
                                        gint64      *out_entry,
                                        char       **out_hash,
                                        GError     **error);

gboolean _banso_audit_register_functions (sqlite3    *db,
                                          GError    **error);
gboolean _banso_audit_chain_migrate      (sqlite3    *db,
                                          GError    **error);
gboolean _banso_audit_guards_restore     (sqlite3    *db,
                                          GPtrArray  *restored,
                                          GError    **error);
gboolean _banso_audit_check              (sqlite3    *db,
                                          GPtrArray  *problems,
                                          GError    **error);

G_END_DECLS
