/* banso-store-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-document.h"
#include "banso-store.h"

G_BEGIN_DECLS

gboolean _banso_store_inspect     (const char  *path,
                                   GError     **error);
gint64   _banso_txn_next_seq      (BansoTxn    *txn);
void     _banso_txn_mark_changed  (BansoTxn    *txn,
                                   const char  *type);

gboolean _banso_doc_insert_new    (BansoTxn          *txn,
                                   const char        *type,
                                   const char        *id,
                                   const char        *rev,
                                   const char        *body,
                                   gssize             body_len,
                                   BansoDocPutFlags   flags,
                                   gint64            *out_docno,
                                   GError           **error);
gboolean _banso_doc_write_audit   (BansoTxn    *txn,
                                   const char  *id,
                                   const char  *type,
                                   const char  *action,
                                   const char  *rev_before,
                                   const char  *rev_after,
                                   GError     **error);
gboolean _banso_doc_keep_revision (BansoTxn    *txn,
                                   const char  *id,
                                   GError     **error);

G_END_DECLS
