/* banso-sync-doc.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

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

void          banso_sync_doc_free       (BansoSyncDoc  *doc);
BansoSyncDoc *banso_sync_doc_decode     (JsonNode      *node,
                                         const char    *server,
                                         GError       **error);
void          banso_json_append_quoted  (GString       *out,
                                         const char    *s);
void          banso_json_append_node    (GString       *out,
                                         JsonNode      *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoSyncDoc, banso_sync_doc_free)

G_END_DECLS
