/* banso-document.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-store.h"

G_BEGIN_DECLS

typedef enum
{
  BANSO_DOC_PUT_DEFAULT = 0,
  /* Marks the audit entry as part of a file import rather than a single edit. */
  BANSO_DOC_PUT_IMPORT  = 1 << 0,
  /* The caller rebuilds the search index once at the end of the transaction. */
  BANSO_DOC_PUT_DEFER_SEARCH = 1 << 2,
  /* A new document for certain: written without looking for the id first; an
   * id already taken fails with %BANSO_STORE_ERROR_EXISTS. */
  BANSO_DOC_PUT_NEW = 1 << 3,
  /* The caller writes the audit entries of the whole import at once at the
   * end of the transaction (the type's bulk import). */
  BANSO_DOC_PUT_DEFER_AUDIT = 1 << 4,
} BansoDocPutFlags;

typedef struct
{
  gint64    docno;
  char     *id;
  char     *type;
  char     *rev;
  gboolean  deleted;
  char     *body;
} BansoDocInfo;

char         *banso_doc_new_id          (void);
char         *banso_revision_compute    (const char        *parent_rev,
                                         gboolean           deleted,
                                         const char        *body);
guint         banso_revision_generation (const char        *rev);
gboolean      banso_doc_put             (BansoTxn          *txn,
                                         const char        *type,
                                         const char        *id,
                                         const char        *body,
                                         const char        *expected_rev,
                                         BansoDocPutFlags   flags,
                                         gint64            *out_docno,
                                         char             **out_rev,
                                         GError           **error);
gboolean      banso_doc_delete          (BansoTxn          *txn,
                                         const char        *id,
                                         const char        *expected_rev,
                                         gint64            *out_docno,
                                         char             **out_rev,
                                         GError           **error);
BansoDocInfo *banso_doc_lookup          (sqlite3           *db,
                                         const char        *id,
                                         GError           **error);
BansoDocInfo *banso_doc_lookup_typed    (sqlite3           *db,
                                         const char        *id,
                                         const char        *type,
                                         const char        *type_label,
                                         GError           **error);
void          banso_doc_info_free       (BansoDocInfo      *info);

void          banso_json_append_string  (GString           *out,
                                         const char        *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoDocInfo, banso_doc_info_free)

G_END_DECLS
