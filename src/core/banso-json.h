/* banso-json.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Members of JSON that came from elsewhere (a server, another office's file), read
 * without trusting their types: each returns %NULL (or 0) when @o is %NULL, the member
 * is missing, or it is of another type. */

static inline JsonObject *
_banso_json_node_object (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static inline JsonArray *
_banso_json_array (JsonObject *o,
                   const char *name)
{
  JsonNode *node = o != NULL ? json_object_get_member (o, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static inline JsonObject *
_banso_json_object (JsonObject *o,
                    const char *name)
{
  return _banso_json_node_object (o != NULL ? json_object_get_member (o, name) : NULL);
}

static inline const char *
_banso_json_string (JsonObject *o,
                    const char *name)
{
  JsonNode *node = o != NULL ? json_object_get_member (o, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static inline gint64
_banso_json_int (JsonObject *o,
                 const char *name)
{
  JsonNode *node = o != NULL ? json_object_get_member (o, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return json_node_get_int (node);
}

G_END_DECLS
