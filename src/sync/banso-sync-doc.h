/* banso-sync-doc.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A document as a CouchDB server sends it, split into what the store keeps. */
typedef struct
{
  char     *id;
  char     *type;        /* the "type" member, or "other" */
  GStrv     ancestry;    /* the revision, then its parent, grandparent… */
  gboolean  deleted;
  GString  *body;        /* the members without _id, _rev, … and type */
} BansoSyncDoc;

/* The two answers that carry documents. */
typedef enum
{
  BANSO_SYNC_REPLY_BULK_GET,   /* {"results": [{"id": …, "docs": [{"ok": doc}, …]}, …]} */
  BANSO_SYNC_REPLY_OPEN_REVS,  /* [{"ok": doc}, {"missing": rev}, …] */
} BansoSyncReplyKind;

void          banso_sync_doc_free       (BansoSyncDoc        *doc);
BansoSyncDoc *banso_sync_doc_read       (const char          *json,
                                         gsize                len,
                                         const char          *server,
                                         GError             **error);
GPtrArray    *banso_sync_docs_read      (const char          *json,
                                         gsize                len,
                                         BansoSyncReplyKind   kind,
                                         const char          *server,
                                         const char          *url,
                                         GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoSyncDoc, banso_sync_doc_free)

G_END_DECLS
