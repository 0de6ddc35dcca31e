/* fuzz-sync-doc.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever a server sends, reading it either refuses it with a message naming
 * the server, or yields documents whose body is a JSON object without the
 * replication members and whose history counts down by one. A document read
 * alone must say what json-glib reads in the same text.
 */

#define G_LOG_DOMAIN "banso-fuzz"

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "banso-document.h"
#include "banso-sync-doc.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

#define SERVER "http://127.0.0.1:5984"

static void
check_doc (const BansoSyncDoc *doc)
{
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GError) error = NULL;
  guint generation;

  g_assert_true (doc->id != NULL && *doc->id != '\0');
  g_assert_true (doc->ancestry[0] != NULL);
  generation = banso_revision_generation (doc->ancestry[0]);
  for (guint i = 0; doc->ancestry[i]; i++)
    g_assert_cmpuint (banso_revision_generation (doc->ancestry[i]), ==, generation - i);

  again = json_from_string (doc->body->str, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (again));
  g_assert_false (json_object_has_member (json_node_get_object (again), "_id"));
  g_assert_false (json_object_has_member (json_node_get_object (again), "type"));
}

/* The members replication reads, as json-glib reads them. */
static void
compare_with_json_glib (const guint8       *data,
                        size_t              size,
                        const BansoSyncDoc *doc)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *o;
  JsonNode *deleted;

  g_assert_true (json_parser_load_from_data (parser, (const char *)data, size, NULL));
  o = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (o, "_id"), ==, doc->id);
  g_assert_cmpstr (json_object_get_string_member (o, "_rev"), ==, doc->ancestry[0]);
  deleted = json_object_get_member (o, "_deleted");
  g_assert_cmpint (deleted != NULL && JSON_NODE_HOLDS_VALUE (deleted) &&
                   json_node_get_value_type (deleted) == G_TYPE_BOOLEAN &&
                   json_node_get_boolean (deleted), ==, doc->deleted);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(BansoSyncDoc) doc = NULL;
  g_autoptr(GError) error = NULL;

  doc = banso_sync_doc_read ((const char *)data, size, SERVER, &error);
  if (doc != NULL)
    {
      g_assert_no_error (error);
      check_doc (doc);
      compare_with_json_glib (data, size, doc);
    }
  else
    {
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "127.0.0.1"));
    }

  for (int kind = BANSO_SYNC_REPLY_BULK_GET; kind <= BANSO_SYNC_REPLY_OPEN_REVS; kind++)
    {
      g_autoptr(GPtrArray) docs = NULL;

      g_clear_error (&error);
      docs = banso_sync_docs_read ((const char *)data, size, kind, SERVER,
                                   SERVER "/office/_bulk_get", &error);
      if (docs == NULL)
        {
          g_assert_nonnull (error);
          g_assert_nonnull (strstr (error->message, "127.0.0.1"));
          continue;
        }
      g_assert_no_error (error);
      for (guint i = 0; i < docs->len; i++)
        check_doc (g_ptr_array_index (docs, i));
    }
  return 0;
}
