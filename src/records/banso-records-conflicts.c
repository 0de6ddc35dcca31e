/* banso-records-conflicts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the conflict view shows households and prestigious persons: the
 * fields in the order of their forms, the names of the places and ethnic
 * groups their codes stand for, members and poverty years in words.
 */

#define G_LOG_DOMAIN "banso-records"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-conflicts.h"
#include "banso-household.h"
#include "banso-records-private.h"
#include "banso-reference.h"
#include "banso-village.h"

const BansoDocField banso_household_fields[6] = {
  { "commune", N_("Commune") },
  { "village", N_("Village") },
  { "address", N_("Address") },
  { "members", N_("Members") },
  { "poverty", N_("Poverty status") },
  { "notes", N_("Notes") },
};

const BansoDocField banso_prestige_fields[10] = {
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
          g_strcmp0 (banso_json_string_member (json_node_get_object (member), "relation"), "head") == 0)
        return banso_json_string_member (json_node_get_object (member), "name");
    }
  return NULL;
}


/* What an official calls a household: its head. */
char *
_banso_household_display_name (JsonObject *body)
{
  return g_strdup (head_name (body));
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
  villages = banso_village_list (db, commune, NULL);
  for (guint i = 0; villages && i < villages->len; i++)
    {
      const BansoRefItem *item = g_ptr_array_index (villages, i);
      g_hash_table_insert (names, g_strconcat ("village:", item->code, NULL),
                           g_strdup (item->name));
    }
}

/* The names of the codes a version uses, read while the database is at
 * hand, so that the dialog shows “Phường Chiềng An” and not “04030”. */
void
_banso_records_read_names (sqlite3    *db,
                           JsonObject *object,
                           GHashTable *names)
{
  const char *commune = banso_json_string_member (object, "commune");
  const char *ethnic = banso_json_string_member (object, "ethnic");

  if (commune != NULL)
    {
      g_autofree char *key = g_strconcat ("commune:", commune, NULL);
      char *name;

      if (!g_hash_table_contains (names, key) &&
          (name = banso_reference_commune_name (db, commune)) != NULL)
        g_hash_table_insert (names, g_steal_pointer (&key), name);
      add_village_names (db, commune, names);
    }
  /* All the groups, once. */
  if (ethnic != NULL && !g_hash_table_contains (names, "ethnic-groups-read"))
    {
      g_autoptr(GPtrArray) groups = banso_reference_list_ethnic_groups (db, NULL);

      g_hash_table_insert (names, g_strdup ("ethnic-groups-read"), g_strdup (""));
      for (guint i = 0; groups && i < groups->len; i++)
        {
          const BansoRefItem *item = g_ptr_array_index (groups, i);
          g_hash_table_insert (names, g_strconcat ("ethnic:", item->code, NULL),
                               g_strdup (item->name));
        }
    }
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
      name = banso_json_string_member (m, "name");
      relation = banso_json_string_member (m, "relation");
      birth = banso_json_string_member (m, "birth");

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
          const char *sex = banso_json_string_member (m, "sex");
          const char *ethnic = banso_json_string_member (m, "ethnic");
          const char *citizen_id = banso_json_string_member (m, "citizen_id");
          const char *phone = banso_json_string_member (m, "phone");

          if (sex != NULL)
            append_piece (line, banso_sex_get_label (banso_sex_from_string (sex)));
          if (ethnic != NULL)
            append_piece (line, banso_conflict_lookup_name (names, "ethnic", ethnic));
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
      const char *status = banso_json_string_member (poverty, year);

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

char *
_banso_records_format_value (const char *key,
                             JsonNode   *node,
                             GHashTable *names,
                             gboolean    detailed)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
      *json_node_get_string (node) != '\0' &&
      (g_str_equal (key, "commune") || g_str_equal (key, "village") || g_str_equal (key, "ethnic")))
    return g_strdup (banso_conflict_lookup_name (names, key, json_node_get_string (node)));
  if (g_str_equal (key, "members") && JSON_NODE_HOLDS_ARRAY (node))
    return format_members (json_node_get_array (node), names, detailed);
  if (g_str_equal (key, "poverty") && JSON_NODE_HOLDS_OBJECT (node))
    return format_poverty (json_node_get_object (node));
  return NULL;
}
