/* fuzz-sync-doc.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever a server sends as a document, decoding either refuses it with a
 * message or yields a body that is a JSON object and a history whose
 * generations count down by one.
 */

#define G_LOG_DOMAIN "banso-fuzz"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "banso-document.h"
#include "banso-sync-doc.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(BansoSyncDoc) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) again = NULL;
  guint generation;

  if (!json_parser_load_from_data (parser, (const char *)data, size, NULL))
    return 0;

  doc = banso_sync_doc_decode (json_parser_get_root (parser), "http://127.0.0.1:5984", &error);
  if (doc == NULL)
    {
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "127.0.0.1"));
      return 0;
    }

  g_assert_no_error (error);
  g_assert_true (doc->id != NULL && *doc->id != '\0');
  g_assert_true (doc->ancestry[0] != NULL);
  generation = banso_revision_generation (doc->ancestry[0]);
  for (guint i = 0; doc->ancestry[i]; i++)
    g_assert_cmpuint (banso_revision_generation (doc->ancestry[i]), ==, generation - i);

  again = json_from_string (doc->body->str, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (again));
  g_assert_false (json_object_has_member (json_node_get_object (again), "_id"));
  return 0;
}
