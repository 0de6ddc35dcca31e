/* banso-conflicts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Sync section shows of a conflict, apart from the widgets: which
 * records have one, what each version says in words an official reads (in
 * the words of the record's type, from the registry), and the body that
 * keeps the values the official chose. The reading runs in a worker thread;
 * the rest is plain data.
 */

#define G_LOG_DOMAIN "banso-core"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-conflicts.h"
#include "banso-doc-type.h"
#include "banso-revtree.h"
#include "banso-store-async.h"

void
banso_conflict_entry_free (BansoConflictEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->id);
  g_free (entry->type);
  g_free (entry->rev);
  g_free (entry->name);
  g_free (entry);
}

void
banso_conflict_versions_free (BansoConflictVersions *versions)
{
  if (versions == NULL)
    return;
  g_free (versions->id);
  g_free (versions->type);
  g_free (versions->winner_rev);
  g_clear_pointer (&versions->versions, g_ptr_array_unref);
  g_clear_pointer (&versions->names, g_hash_table_unref);
  g_free (versions);
}

void
banso_conflict_field_free (BansoConflictField *field)
{
  if (field == NULL)
    return;
  g_free (field->key);
  g_free (field->label);
  g_clear_pointer (&field->values, g_ptr_array_unref);
  g_free (field);
}

const char *
banso_conflict_type_label (const char *type)
{
  return banso_doc_type_get_label (type);
}

static JsonNode *
parse_object (const char  *body,
              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, body ? body : "", -1, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                   _("A version of the record is not a JSON object."));
      return NULL;
    }
  return json_node_copy (root);
}

/**
 * banso_json_string_member:
 *
 * Returns: (nullable): the member @key of @object when it is a string
 */
const char *
banso_json_string_member (JsonObject *object,
                          const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static char *
name_from_object (const char *type,
                  const char *id,
                  JsonObject *object)
{
  const BansoDocType *info = banso_doc_type_lookup (type);
  g_autofree char *own = NULL;
  const char *name = NULL;

  if (object != NULL && info != NULL && info->display_name != NULL)
    name = own = info->display_name (object);
  else if (object != NULL)
    name = banso_json_string_member (object, "name");
  return g_strdup (name != NULL && *name != '\0' ? name : id);
}

/**
 * banso_conflict_name_from_body:
 *
 * Returns: what an official calls the record, in its type's words (the
 *   person a record is about), else its "name", else its id
 */
char *
banso_conflict_name_from_body (const char *type,
                               const char *id,
                               const char *body)
{
  g_autoptr(JsonNode) root = body ? parse_object (body, NULL) : NULL;

  return name_from_object (type, id, root ? json_node_get_object (root) : NULL);
}

/* Reading, in a worker thread {{{ */

/**
 * banso_conflict_entries_read:
 *
 * Returns: (transfer full) (element-type BansoConflictEntry): the records
 *   with conflicting versions, most recently changed first
 */
GPtrArray *
banso_conflict_entries_read (sqlite3  *db,
                             GError  **error)
{
  g_autoptr(GPtrArray) conflicts = banso_conflicts_list (db, error);
  g_autoptr(GPtrArray) entries = NULL;

  if (conflicts == NULL)
    return NULL;

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify)banso_conflict_entry_free);
  for (guint i = 0; i < conflicts->len; i++)
    {
      const BansoConflictInfo *info = g_ptr_array_index (conflicts, i);
      g_autoptr(GPtrArray) leaves = banso_revtree_leaves (db, info->id, TRUE, NULL);
      BansoConflictEntry *entry = g_new0 (BansoConflictEntry, 1);

      entry->id = g_strdup (info->id);
      entry->type = g_strdup (info->type);
      entry->rev = g_strdup (info->rev);
      entry->n_versions = info->n_conflicts + 1;
      if (leaves != NULL && leaves->len > 0)
        {
          const BansoRevision *winner = g_ptr_array_index (leaves, 0);
          guint live = 0;

          entry->name = banso_conflict_name_from_body (info->type, info->id, winner->body);
          for (guint j = 0; j < leaves->len; j++)
            if (!((const BansoRevision *)g_ptr_array_index (leaves, j))->deleted)
              live++;
          entry->n_versions = MAX (live, 2);
        }
      else
        entry->name = g_strdup (info->id);
      g_ptr_array_add (entries, entry);
    }
  return g_steal_pointer (&entries);
}

/* The names of the codes the versions use, read while the database is at
 * hand, so that the dialog shows “Phường Chiềng An” and not “04030”. */
static void
read_names (sqlite3               *db,
            BansoConflictVersions *versions)
{
  const BansoDocType *info = banso_doc_type_lookup (versions->type);

  if (info == NULL || info->read_names == NULL)
    return;
  for (guint i = 0; i < versions->versions->len; i++)
    info->read_names (db, json_node_get_object (g_ptr_array_index (versions->versions, i)),
                      versions->names);
}

/**
 * banso_conflict_versions_new:
 * @bodies: the live versions, the winner first
 *
 * Returns: (transfer full): the versions parsed, without names for codes
 */
BansoConflictVersions *
banso_conflict_versions_new (const char          *id,
                             const char          *type,
                             const char          *winner_rev,
                             const char * const  *bodies,
                             GError             **error)
{
  g_autoptr(BansoConflictVersions) versions = g_new0 (BansoConflictVersions, 1);

  versions->id = g_strdup (id);
  versions->type = g_strdup (type);
  versions->winner_rev = g_strdup (winner_rev);
  versions->versions = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  versions->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; bodies[i] != NULL; i++)
    {
      JsonNode *node = parse_object (bodies[i], error);

      if (node == NULL)
        return NULL;
      g_ptr_array_add (versions->versions, node);
    }
  return g_steal_pointer (&versions);
}

/**
 * banso_conflict_versions_read:
 *
 * Returns: (transfer full): the live versions of the record @id, the winner
 *   first; an error of %BANSO_STORE_ERROR_CONFLICT when it has no conflict
 *   left
 */
BansoConflictVersions *
banso_conflict_versions_read (sqlite3     *db,
                              const char  *id,
                              GError     **error)
{
  g_autoptr(GPtrArray) leaves = banso_revtree_leaves (db, id, TRUE, error);
  g_autoptr(GPtrArray) bodies = g_ptr_array_new ();
  g_autoptr(GPtrArray) conflicts = NULL;
  const BansoRevision *winner;
  BansoConflictVersions *versions;
  const char *type = NULL;

  if (leaves == NULL)
    return NULL;
  for (guint i = 0; i < leaves->len; i++)
    {
      const BansoRevision *leaf = g_ptr_array_index (leaves, i);
      if (!leaf->deleted && leaf->body != NULL)
        g_ptr_array_add (bodies, leaf->body);
    }
  if (bodies->len < 2 || ((const BansoRevision *)g_ptr_array_index (leaves, 0))->deleted)
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_CONFLICT,
                   _("This record has no conflicting versions any more."));
      return NULL;
    }
  g_ptr_array_add (bodies, NULL);

  /* The type is in the list of conflicts, not in the leaves. */
  conflicts = banso_conflicts_list (db, NULL);
  for (guint i = 0; conflicts && i < conflicts->len; i++)
    {
      const BansoConflictInfo *info = g_ptr_array_index (conflicts, i);
      if (g_strcmp0 (info->id, id) == 0)
        type = info->type;
    }

  winner = g_ptr_array_index (leaves, 0);
  versions = banso_conflict_versions_new (id, type, winner->rev,
                                          (const char * const *)bodies->pdata, error);
  if (versions != NULL)
    read_names (db, versions);
  return versions;
}

/* }}} */

/* Fields, in words {{{ */

/**
 * banso_conflict_lookup_name:
 * @kind: "commune", "ethnic"…: what a type's read_names() stored the code as
 *
 * Returns: the name of @code, or @code itself when none was read
 */
const char *
banso_conflict_lookup_name (GHashTable *names,
                            const char *kind,
                            const char *code)
{
  g_autofree char *key = g_strconcat (kind, ":", code, NULL);
  const char *name = g_hash_table_lookup (names, key);

  return name ? name : code;
}

static char *
format_value (const BansoDocType *info,
              const char         *key,
              JsonNode           *node,
              GHashTable         *names,
              gboolean            detailed)
{
  char *words;

  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup (_("(empty)"));
  if (info != NULL && info->format_value != NULL &&
      (words = info->format_value (key, node, names, detailed)) != NULL)
    return words;

  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);
      const char *s;

      if (type != G_TYPE_STRING)
        {
          g_auto(GValue) value = G_VALUE_INIT;
          g_auto(GValue) text = G_VALUE_INIT;

          json_node_get_value (node, &value);
          g_value_init (&text, G_TYPE_STRING);
          if (g_value_transform (&value, &text))
            return g_value_dup_string (&text);
          return json_to_string (node, FALSE);
        }
      s = json_node_get_string (node);
      if (*s == '\0')
        return g_strdup (_("(empty)"));
      return g_strdup (s);
    }
  return json_to_string (node, TRUE);
}

static void
add_field (GPtrArray                   *fields,
           const BansoConflictVersions *versions,
           const char                  *key,
           const char                  *label)
{
  const BansoDocType *info = banso_doc_type_lookup (versions->type);
  BansoConflictField *field = g_new0 (BansoConflictField, 1);
  JsonNode *first = NULL;
  gboolean same_words = TRUE;

  field->key = g_strdup (key);
  field->label = g_strdup (label);
  field->values = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < versions->versions->len; i++)
    {
      JsonObject *object = json_node_get_object (g_ptr_array_index (versions->versions, i));
      JsonNode *node = json_object_get_member (object, key);

      if (i == 0)
        first = node;
      else if ((first == NULL) != (node == NULL) ||
               (first != NULL && !json_node_equal (first, node)))
        field->differs = TRUE;
      g_ptr_array_add (field->values,
                       node ? format_value (info, key, node, versions->names, FALSE) : NULL);
    }

  /* Two versions that differ only in what the summary leaves out (a phone
   * number of a member) must not read the same. */
  for (guint i = 1; i < field->values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (field->values, 0), g_ptr_array_index (field->values, i)) != 0)
      same_words = FALSE;
  if (field->differs && same_words)
    for (guint i = 0; i < versions->versions->len; i++)
      {
        JsonObject *object = json_node_get_object (g_ptr_array_index (versions->versions, i));
        JsonNode *node = json_object_get_member (object, key);

        if (node != NULL)
          {
            g_free (g_ptr_array_index (field->values, i));
            g_ptr_array_index (field->values, i) = format_value (info, key, node, versions->names, TRUE);
          }
      }

  g_ptr_array_add (fields, field);
}

static gboolean
has_field (GPtrArray  *fields,
           const char *key)
{
  for (guint i = 0; i < fields->len; i++)
    if (g_str_equal (((BansoConflictField *)g_ptr_array_index (fields, i))->key, key))
      return TRUE;
  return FALSE;
}

/**
 * banso_conflict_fields:
 *
 * Returns: (transfer full) (element-type BansoConflictField): a row for each
 *   top-level member of any version: the record type's own members first, in
 *   the order of its form, then the others as they come
 */
GPtrArray *
banso_conflict_fields (const BansoConflictVersions *versions)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func ((GDestroyNotify)banso_conflict_field_free);
  const BansoDocType *info = banso_doc_type_lookup (versions->type);
  const BansoDocField *known = info ? info->fields : NULL;
  guint n_known = info ? info->n_fields : 0;

  for (guint i = 0; i < n_known; i++)
    {
      gboolean present = FALSE;

      for (guint v = 0; v < versions->versions->len; v++)
        {
          JsonNode *version = g_ptr_array_index (versions->versions, v);

          if (json_object_has_member (json_node_get_object (version), known[i].key))
            present = TRUE;
        }
      if (present)
        add_field (fields, versions, known[i].key, _(known[i].label));
    }

  for (guint v = 0; v < versions->versions->len; v++)
    {
      JsonObject *object = json_node_get_object (g_ptr_array_index (versions->versions, v));
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *key = l->data;

          /* CouchDB's own members are not the record's. */
          if (key[0] == '_' || has_field (fields, key))
            continue;
          add_field (fields, versions, key, key);
        }
    }
  return fields;
}

/**
 * banso_conflict_merge:
 * @fields: from banso_conflict_fields()
 * @choices: for each field, the index of the version whose value to keep
 *
 * Returns: (transfer full): the winner's body with the chosen members of the
 *   other versions in place of its own (or without the member, when the
 *   chosen version has none)
 */
char *
banso_conflict_merge (const BansoConflictVersions *versions,
                      GPtrArray                   *fields,
                      const guint                 *choices)
{
  JsonObject *winner = json_node_get_object (g_ptr_array_index (versions->versions, 0));
  g_autoptr(JsonNode) merged = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(GList) members = json_object_get_members (winner);

  /* A new object: json_node_copy() would share the winner's, which the
   * dialog still shows and may merge again. */
  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (object, l->data,
                            json_node_copy (json_object_get_member (winner, l->data)));
  json_node_set_object (merged, object);

  for (guint i = 0; i < fields->len; i++)
    {
      const BansoConflictField *field = g_ptr_array_index (fields, i);
      JsonObject *chosen;
      JsonNode *node;

      if (choices[i] == 0 || choices[i] >= versions->versions->len)
        continue;
      chosen = json_node_get_object (g_ptr_array_index (versions->versions, choices[i]));
      node = json_object_get_member (chosen, field->key);
      if (node != NULL)
        json_object_set_member (object, field->key, json_node_copy (node));
      else
        json_object_remove_member (object, field->key);
    }
  return json_to_string (merged, FALSE);
}

/* }}} */

/* For the window {{{ */

static gpointer
entries_thread (sqlite3  *db,
                gpointer  data,
                GError  **error)
{
  return banso_conflict_entries_read (db, error);
}

/**
 * banso_conflict_entries_read_async:
 *
 * Returns: (transfer full) (element-type BansoConflictEntry): through
 *   banso_store_task_finish(), as banso_conflict_entries_read()
 */
void
banso_conflict_entries_read_async (BansoStore          *store,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  banso_store_read_async (store, entries_thread, NULL, NULL, (GDestroyNotify)g_ptr_array_unref,
                          cancellable, callback, user_data);
}

static gpointer
versions_thread (sqlite3  *db,
                 gpointer  data,
                 GError  **error)
{
  return banso_conflict_versions_read (db, data, error);
}

/**
 * banso_conflict_versions_read_async:
 *
 * Returns: (transfer full): through banso_store_task_finish(), as
 *   banso_conflict_versions_read()
 */
void
banso_conflict_versions_read_async (BansoStore          *store,
                                    const char          *id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  banso_store_read_async (store, versions_thread, g_strdup (id), g_free,
                          (GDestroyNotify)banso_conflict_versions_free, cancellable,
                          callback, user_data);
}

typedef struct
{
  char *id;
  char *winner_rev;
  char *body;
} ResolveJob;

static void
resolve_job_free (ResolveJob *job)
{
  g_free (job->id);
  g_free (job->winner_rev);
  g_free (job->body);
  g_free (job);
}

static gpointer
resolve_thread (BansoTxn  *txn,
                gpointer   data,
                GError   **error)
{
  ResolveJob *job = data;

  if (!banso_revtree_resolve (txn, job->id, job->winner_rev, job->body, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

/**
 * banso_conflict_resolve_async:
 * @body: the version to keep (banso_conflict_merge())
 *
 * Keeps @body as the record's one version, with the rules of its type.
 * Returns: through banso_store_task_finish(), %NULL with an error when the
 *   version was not kept
 */
void
banso_conflict_resolve_async (BansoStore          *store,
                              BansoUser           *user,
                              const char          *id,
                              const char          *winner_rev,
                              const char          *body,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  ResolveJob *job = g_new0 (ResolveJob, 1);

  job->id = g_strdup (id);
  job->winner_rev = g_strdup (winner_rev);
  job->body = g_strdup (body);
  banso_store_write_async (store, user, resolve_thread, job, (GDestroyNotify)resolve_job_free,
                           NULL, cancellable, callback, user_data);
}

/* }}} */
