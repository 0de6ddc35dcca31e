/* banso-sync-doc.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading a document a server sent: every member can be missing or of the
 * wrong kind, and the message then names the record and the server.
 */

#define G_LOG_DOMAIN "banso-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "banso-document.h"
#include "banso-sync-client.h"
#include "banso-sync-doc.h"

void
banso_sync_doc_free (BansoSyncDoc *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->id);
  g_free (doc->type);
  g_strfreev (doc->ancestry);
  if (doc->body != NULL)
    g_string_free (doc->body, TRUE);
  g_free (doc);
}

void
banso_json_append_quoted (GString    *out,
                          const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p; p++)
    {
      guchar c = *p;
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

void
banso_json_append_node (GString  *out,
                        JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *o = json_node_get_object (node);
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, o);
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            banso_json_append_quoted (out, name);
            g_string_append_c (out, ':');
            banso_json_append_node (out, member);
          }
        g_string_append_c (out, '}');
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *a = json_node_get_array (node);

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (a); i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            banso_json_append_node (out, json_array_get_element (a, i));
          }
        g_string_append_c (out, ']');
      }
      break;
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          banso_json_append_quoted (out, json_node_get_string (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        default:
          {
            char buffer[G_ASCII_DTOSTR_BUF_SIZE];
            g_string_append (out, g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
          }
          break;
        }
      break;
    }
}


static const char *
string_member (JsonObject *o,
               const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static void
damaged_history (GError     **error,
                 const char  *id,
                 const char  *server)
{
  g_set_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_BAD_REPLY,
               _("The server sent record %s with a damaged revision history (%s)."), id, server);
}

/**
 * banso_sync_doc_decode:
 * @server: named in error messages
 *
 * Returns: (transfer full): the document, or %NULL with @error when a member
 *   the store needs is missing or wrong
 */
BansoSyncDoc *
banso_sync_doc_decode (JsonNode    *node,
                       const char  *server,
                       GError     **error)
{
  g_autoptr(BansoSyncDoc) doc = NULL;
  g_autoptr(GStrvBuilder) ancestry = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *o, *revisions = NULL;
  JsonNode *deleted, *revs_node, *ids_node = NULL, *start_node = NULL;
  JsonArray *ids;
  const char *id, *rev, *type, *dash;
  gint64 start;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_BAD_REPLY,
                   _("The server sent a record without a valid id or revision (%s, record %s)."),
                   server, "?");
      return NULL;
    }
  o = json_node_get_object (node);
  id = string_member (o, "_id");
  rev = string_member (o, "_rev");
  type = string_member (o, "type");

  if (id == NULL || *id == '\0' || rev == NULL || (dash = strchr (rev, '-')) == NULL ||
      dash[1] == '\0' || banso_revision_generation (rev) == 0)
    {
      g_set_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_BAD_REPLY,
                   _("The server sent a record without a valid id or revision (%s, record %s)."),
                   server, id ? id : "?");
      return NULL;
    }

  revs_node = json_object_get_member (o, "_revisions");
  if (revs_node != NULL && JSON_NODE_HOLDS_OBJECT (revs_node))
    {
      revisions = json_node_get_object (revs_node);
      ids_node = json_object_get_member (revisions, "ids");
      start_node = json_object_get_member (revisions, "start");
    }
  if (ids_node == NULL || !JSON_NODE_HOLDS_ARRAY (ids_node) ||
      start_node == NULL || !JSON_NODE_HOLDS_VALUE (start_node) ||
      json_node_get_value_type (start_node) != G_TYPE_INT64)
    {
      damaged_history (error, id, server);
      return NULL;
    }
  ids = json_node_get_array (ids_node);
  start = json_node_get_int (start_node);
  if (json_array_get_length (ids) == 0 || start != (gint64)banso_revision_generation (rev))
    {
      damaged_history (error, id, server);
      return NULL;
    }

  ancestry = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (ids) && start - (gint64)i > 0; i++)
    {
      JsonNode *hash = json_array_get_element (ids, i);
      g_autofree char *r = NULL;

      if (!JSON_NODE_HOLDS_VALUE (hash) || json_node_get_value_type (hash) != G_TYPE_STRING ||
          *json_node_get_string (hash) == '\0' ||
          (i == 0 && strcmp (json_node_get_string (hash), dash + 1) != 0))
        {
          damaged_history (error, id, server);
          return NULL;
        }
      r = g_strdup_printf ("%" G_GINT64_FORMAT "-%s", start - (gint64)i, json_node_get_string (hash));
      g_strv_builder_add (ancestry, r);
    }

  doc = g_new0 (BansoSyncDoc, 1);
  doc->id = g_strdup (id);
  doc->type = g_strdup (type && *type ? type : "other");
  doc->ancestry = g_strv_builder_end (ancestry);
  deleted = json_object_get_member (o, "_deleted");
  doc->deleted = deleted != NULL && JSON_NODE_HOLDS_VALUE (deleted) &&
                 json_node_get_value_type (deleted) == G_TYPE_BOOLEAN && json_node_get_boolean (deleted);

  /* The body is written straight from the parsed reply: no copies. */
  doc->body = g_string_sized_new (512);
  g_string_append_c (doc->body, '{');
  members = json_object_get_members (o);
  for (GList *l = members; l; l = l->next)
    {
      const char *name = l->data;

      if (name[0] == '_' || g_str_equal (name, "type"))
        continue;
      if (doc->body->len > 1)
        g_string_append_c (doc->body, ',');
      banso_json_append_quoted (doc->body, name);
      g_string_append_c (doc->body, ':');
      banso_json_append_node (doc->body, json_object_get_member (o, name));
    }
  g_string_append_c (doc->body, '}');

  return g_steal_pointer (&doc);
}
