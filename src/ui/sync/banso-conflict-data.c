/* banso-conflict-data.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Sync section shows of a conflict, apart from the widgets: which
 * records have one, what each version says in words an official reads, and
 * the body that keeps the values the official chose. The reading runs in a
 * worker thread; the rest is plain data.
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-conflict-data.h"
#include "banso-household.h"
#include "banso-prestige.h"
#include "banso-reference.h"
#include "banso-revtree.h"

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
  if (g_strcmp0 (type, BANSO_HOUSEHOLD_TYPE) == 0)
    return _("Household");
  if (g_strcmp0 (type, BANSO_PRESTIGE_TYPE) == 0)
    return _("Prestigious person");
  return type;
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

static const char *
string_member (JsonObject *object,
               const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static const char *
head_name (JsonObject *household)
{
  JsonNode *node = json_object_get_member (household, "members");
  JsonArray *members;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  members = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (members); i++)
    {
      JsonNode *member = json_array_get_element (members, i);

      if (JSON_NODE_HOLDS_OBJECT (member) &&
          g_strcmp0 (string_member (json_node_get_object (member), "relation"), "head") == 0)
        return string_member (json_node_get_object (member), "name");
    }
  return NULL;
}

static char *
name_from_object (const char *type,
                  const char *id,
                  JsonObject *object)
{
  const char *name = NULL;

  if (object != NULL && g_strcmp0 (type, BANSO_HOUSEHOLD_TYPE) == 0)
    name = head_name (object);
  else if (object != NULL)
    name = string_member (object, "name");
  return g_strdup (name != NULL && *name != '\0' ? name : id);
}

/**
 * banso_conflict_name_from_body:
 *
 * Returns: what an official calls the record: the head of the household,
 *   the prestigious person's name, or else its id
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

static void
add_village_names (sqlite3    *db,
                   const char *commune,
                   GHashTable *names)
{
  g_autofree char *key = g_strconcat ("villages-of:", commune, NULL);
  g_autoptr(GPtrArray) villages = NULL;

  if (g_hash_table_contains (names, key))
    return;
  /* Marks the commune as done; not g_hash_table_add(), which would make the
   * key its own value, freed twice. */
  g_hash_table_insert (names, g_steal_pointer (&key), g_strdup (""));
  villages = banso_reference_list_villages (db, commune, NULL);
  for (guint i = 0; villages && i < villages->len; i++)
    {
      const BansoRefItem *item = g_ptr_array_index (villages, i);
      g_hash_table_insert (names, g_strconcat ("village:", item->code, NULL),
                           g_strdup (item->name));
    }
}

/* The names of the codes the versions use, read while the database is at
 * hand, so that the dialog shows “Phường Chiềng An” and not “04030”. */
static void
read_names (sqlite3               *db,
            BansoConflictVersions *versions)
{
  g_autoptr(GPtrArray) groups = NULL;

  for (guint i = 0; i < versions->versions->len; i++)
    {
      JsonObject *object = json_node_get_object (g_ptr_array_index (versions->versions, i));
      const char *commune = string_member (object, "commune");
      const char *ethnic = string_member (object, "ethnic");

      if (commune != NULL)
        {
          g_autofree char *key = g_strconcat ("commune:", commune, NULL);
          char *name;

          if (!g_hash_table_contains (versions->names, key) &&
              (name = banso_reference_commune_name (db, commune)) != NULL)
            g_hash_table_insert (versions->names, g_steal_pointer (&key), name);
          add_village_names (db, commune, versions->names);
        }
      if (ethnic != NULL && groups == NULL)
        groups = banso_reference_list_ethnic_groups (db, NULL);
    }
  for (guint i = 0; groups && i < groups->len; i++)
    {
      const BansoRefItem *item = g_ptr_array_index (groups, i);
      g_hash_table_insert (versions->names, g_strconcat ("ethnic:", item->code, NULL),
                           g_strdup (item->name));
    }
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

typedef struct
{
  const char *key;
  const char *label;
} KnownField;

static const KnownField household_fields[] = {
  { "commune", N_("Commune") },
  { "village", N_("Village") },
  { "address", N_("Address") },
  { "members", N_("Members") },
  { "poverty", N_("Poverty status") },
  { "notes", N_("Notes") },
};

static const KnownField prestige_fields[] = {
  { "name", N_("Name") },
  { "ethnic", N_("Ethnic group") },
  { "commune", N_("Commune") },
  { "village", N_("Village") },
  { "year", N_("Year recognised") },
  { "influence", N_("Area of influence") },
  { "phone", N_("Phone") },
  { "household", N_("Household") },
  { "member", N_("Member of the household") },
  { "notes", N_("Notes") },
};

static const KnownField *
known_fields (const char *type,
              guint      *n)
{
  if (g_strcmp0 (type, BANSO_HOUSEHOLD_TYPE) == 0)
    {
      *n = G_N_ELEMENTS (household_fields);
      return household_fields;
    }
  if (g_strcmp0 (type, BANSO_PRESTIGE_TYPE) == 0)
    {
      *n = G_N_ELEMENTS (prestige_fields);
      return prestige_fields;
    }
  *n = 0;
  return NULL;
}

static const char *
lookup_name (GHashTable *names,
             const char *kind,
             const char *code)
{
  g_autofree char *key = g_strconcat (kind, ":", code, NULL);
  const char *name = g_hash_table_lookup (names, key);

  return name ? name : code;
}

static void
append_piece (GString    *line,
              const char *piece)
{
  if (piece == NULL || *piece == '\0')
    return;
  if (line->len > 0)
    g_string_append (line, ", ");
  g_string_append (line, piece);
}

/* One member a line: name, relation, birth; @detailed adds what else tells
 * two versions of a member apart. */
static char *
format_members (JsonArray  *members,
                GHashTable *names,
                gboolean    detailed)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (members); i++)
    {
      JsonNode *node = json_array_get_element (members, i);
      g_autoptr(GString) line = g_string_new (NULL);
      JsonObject *m;
      const char *name, *relation, *birth;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      m = json_node_get_object (node);
      name = string_member (m, "name");
      relation = string_member (m, "relation");
      birth = string_member (m, "birth");

      append_piece (line, name && *name ? name : _("(no name)"));
      if (relation != NULL)
        append_piece (line, banso_relation_get_label (relation));
      if (birth != NULL)
        {
          /* Translators: a member's date or year of birth, e.g. "born 1985". */
          g_autofree char *born = g_strdup_printf (_("born %s"), birth);
          append_piece (line, born);
        }
      if (detailed)
        {
          const char *sex = string_member (m, "sex");
          const char *ethnic = string_member (m, "ethnic");
          const char *citizen_id = string_member (m, "citizen_id");
          const char *phone = string_member (m, "phone");

          if (sex != NULL)
            append_piece (line, banso_sex_get_label (banso_sex_from_string (sex)));
          if (ethnic != NULL)
            append_piece (line, lookup_name (names, "ethnic", ethnic));
          if (citizen_id != NULL)
            {
              g_autofree char *piece = g_strdup_printf (_("citizen ID %s"), citizen_id);
              append_piece (line, piece);
            }
          if (phone != NULL)
            {
              g_autofree char *piece = g_strdup_printf (_("phone %s"), phone);
              append_piece (line, piece);
            }
        }
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, line->str);
    }
  if (out->len == 0)
    return g_strdup (_("No members"));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static int
compare_years (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **)a, *(const char **)b);
}

static char *
format_poverty (JsonObject *poverty)
{
  g_autoptr(GList) years = json_object_get_members (poverty);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);

  for (GList *l = years; l != NULL; l = l->next)
    g_ptr_array_add (sorted, l->data);
  g_ptr_array_sort (sorted, compare_years);
  for (guint i = 0; i < sorted->len; i++)
    {
      const char *year = g_ptr_array_index (sorted, i);
      const char *status = string_member (poverty, year);

      if (out->len > 0)
        g_string_append_c (out, '\n');
      /* Translators: a year and a household's poverty status then, "2025: Poor". */
      g_string_append_printf (out, _("%s: %s"), year,
                              status ? banso_poverty_get_label (banso_poverty_from_string (status))
                                     : "?");
    }
  if (out->len == 0)
    return g_strdup (_("No years recorded"));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
format_value (const char *key,
              JsonNode   *node,
              GHashTable *names,
              gboolean    detailed)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup (_("(empty)"));

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
      if (g_str_equal (key, "commune") || g_str_equal (key, "village") ||
          g_str_equal (key, "ethnic"))
        return g_strdup (lookup_name (names, key, s));
      return g_strdup (s);
    }

  if (g_str_equal (key, "members") && JSON_NODE_HOLDS_ARRAY (node))
    return format_members (json_node_get_array (node), names, detailed);
  if (g_str_equal (key, "poverty") && JSON_NODE_HOLDS_OBJECT (node))
    return format_poverty (json_node_get_object (node));
  return json_to_string (node, TRUE);
}

static void
add_field (GPtrArray                   *fields,
           const BansoConflictVersions *versions,
           const char                  *key,
           const char                  *label)
{
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
                       node ? format_value (key, node, versions->names, FALSE) : NULL);
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
            g_ptr_array_index (field->values, i) = format_value (key, node, versions->names, TRUE);
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
  const KnownField *known;
  guint n_known;

  known = known_fields (versions->type, &n_known);
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
