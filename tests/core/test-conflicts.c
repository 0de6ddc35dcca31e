/* test-conflicts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the conflict dialog shows and writes, without a window: the fields
 * of the versions in words, which differ, and the body that keeps the
 * chosen values.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "banso-conflicts.h"

#define WINNER "{\"commune\":\"04030\",\"address\":\"Bản Mòng\"," \
               "\"members\":[{\"id\":\"m1\",\"name\":\"Lo Van Pom\",\"sex\":\"male\",\"birth\":\"1985\"," \
               "\"relation\":\"head\",\"phone\":\"0912345678\"}]," \
               "\"poverty\":{\"2025\":\"poor\",\"2024\":\"near-poor\"}}"
#define OTHER  "{\"commune\":\"04030\"," \
               "\"members\":[{\"id\":\"m1\",\"name\":\"Lò Văn Pơm\",\"sex\":\"male\",\"birth\":\"1985\"," \
               "\"relation\":\"head\",\"phone\":\"0912345678\"}," \
               "{\"id\":\"m2\",\"name\":\"Lò Thị Ban\",\"sex\":\"female\",\"birth\":\"1987\"," \
               "\"relation\":\"spouse\"}]," \
               "\"poverty\":{\"2024\":\"near-poor\",\"2025\":\"poor\"},\"extra\":7}"

static BansoConflictVersions *
versions_of (const char *type,
             const char *a,
             const char *b)
{
  const char *bodies[] = { a, b, NULL };
  g_autoptr(GError) error = NULL;
  BansoConflictVersions *versions = banso_conflict_versions_new ("h1", type, "2-fff", bodies,
                                                                 &error);

  g_assert_no_error (error);
  g_assert_nonnull (versions);
  return versions;
}

static const BansoConflictField *
field (GPtrArray  *fields,
       const char *key)
{
  for (guint i = 0; i < fields->len; i++)
    if (g_str_equal (((BansoConflictField *)g_ptr_array_index (fields, i))->key, key))
      return g_ptr_array_index (fields, i);
  return NULL;
}

static guint
field_index (GPtrArray  *fields,
             const char *key)
{
  for (guint i = 0; i < fields->len; i++)
    if (g_str_equal (((BansoConflictField *)g_ptr_array_index (fields, i))->key, key))
      return i;
  g_assert_not_reached ();
}

static void
test_fields (void)
{
  g_autoptr(BansoConflictVersions) versions = versions_of ("household", WINNER, OTHER);
  g_autoptr(GPtrArray) fields = banso_conflict_fields (versions);
  const BansoConflictField *f;

  /* The household's members in the order of its form, then the others. */
  g_assert_cmpuint (fields->len, ==, 5);
  g_assert_cmpstr (((BansoConflictField *)g_ptr_array_index (fields, 0))->key, ==, "commune");
  g_assert_cmpstr (((BansoConflictField *)g_ptr_array_index (fields, 1))->key, ==, "address");
  g_assert_cmpstr (((BansoConflictField *)g_ptr_array_index (fields, 2))->key, ==, "members");
  g_assert_cmpstr (((BansoConflictField *)g_ptr_array_index (fields, 3))->key, ==, "poverty");
  g_assert_cmpstr (((BansoConflictField *)g_ptr_array_index (fields, 4))->key, ==, "extra");
  g_assert_null (field (fields, "notes"));

  f = field (fields, "commune");
  g_assert_false (f->differs);
  g_assert_cmpstr (f->label, ==, "Commune");
  /* No name read for the code: the code itself. */
  g_assert_cmpstr (g_ptr_array_index (f->values, 0), ==, "04030");

  f = field (fields, "address");
  g_assert_true (f->differs);
  g_assert_cmpstr (g_ptr_array_index (f->values, 0), ==, "Bản Mòng");
  g_assert_null (g_ptr_array_index (f->values, 1));

  f = field (fields, "members");
  g_assert_true (f->differs);
  g_assert_cmpstr (g_ptr_array_index (f->values, 0), ==, "Lo Van Pom, Head of household, born 1985");
  g_assert_cmpstr (g_ptr_array_index (f->values, 1), ==,
                   "Lò Văn Pơm, Head of household, born 1985\n"
                   "Lò Thị Ban, Spouse, born 1987");

  /* The same years in another order are the same poverty record. */
  f = field (fields, "poverty");
  g_assert_false (f->differs);
  g_assert_cmpstr (g_ptr_array_index (f->values, 0), ==, "2024: Near-poor\n2025: Poor");

  f = field (fields, "extra");
  g_assert_true (f->differs);
  g_assert_cmpstr (f->label, ==, "extra");
  g_assert_cmpstr (g_ptr_array_index (f->values, 1), ==, "7");
}

static void
test_details_when_summaries_agree (void)
{
  g_autoptr(BansoConflictVersions) versions = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  const BansoConflictField *f;

  versions = versions_of ("household",
                          "{\"members\":[{\"name\":\"A\",\"relation\":\"head\",\"phone\":\"1\"}]}",
                          "{\"members\":[{\"name\":\"A\",\"relation\":\"head\",\"phone\":\"2\"}]}");
  fields = banso_conflict_fields (versions);
  f = field (fields, "members");
  g_assert_true (f->differs);
  g_assert_cmpstr (g_ptr_array_index (f->values, 0), !=, g_ptr_array_index (f->values, 1));
  g_assert_nonnull (strstr (g_ptr_array_index (f->values, 1), "phone 2"));
}

static JsonObject *
parse (const char *json,
       JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_merge (void)
{
  g_autoptr(BansoConflictVersions) versions = versions_of ("household", WINNER, OTHER);
  g_autoptr(GPtrArray) fields = banso_conflict_fields (versions);
  g_autofree guint *choices = g_new0 (guint, fields->len);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *merged = NULL;
  g_autofree char *again = NULL;
  g_autofree char *unchanged = NULL;
  JsonObject *o;
  JsonArray *members;

  /* Nothing chosen: the winner as it is. */
  unchanged = banso_conflict_merge (versions, fields, choices);
  o = parse (unchanged, parser);
  g_assert_cmpstr (json_object_get_string_member (o, "address"), ==, "Bản Mòng");
  g_assert_false (json_object_has_member (o, "extra"));

  /* The other version's members, and its lack of an address. */
  choices[field_index (fields, "members")] = 1;
  choices[field_index (fields, "address")] = 1;
  merged = banso_conflict_merge (versions, fields, choices);
  o = parse (merged, parser);
  g_assert_false (json_object_has_member (o, "address"));
  g_assert_false (json_object_has_member (o, "extra"));
  g_assert_cmpstr (json_object_get_string_member (o, "commune"), ==, "04030");
  members = json_object_get_array_member (o, "members");
  g_assert_cmpuint (json_array_get_length (members), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (members, 0), "name"),
                   ==, "Lò Văn Pơm");

  /* The winner shown in the dialog is left as it was: a second try after
   * an error merges the same. */
  again = banso_conflict_merge (versions, fields, choices);
  g_assert_cmpstr (again, ==, merged);
  choices[field_index (fields, "members")] = 0;
  choices[field_index (fields, "address")] = 0;
  g_free (again);
  again = banso_conflict_merge (versions, fields, choices);
  g_assert_cmpstr (again, ==, unchanged);
}

static void
test_names (void)
{
  g_autofree char *head = banso_conflict_name_from_body ("household", "h1", OTHER);
  g_autofree char *person = banso_conflict_name_from_body ("prestige", "p1",
                                                           "{\"name\":\"Giàng A Páo\"}");
  g_autofree char *headless = banso_conflict_name_from_body ("household", "h2",
                                                             "{\"members\":[]}");
  g_autofree char *broken = banso_conflict_name_from_body ("household", "h3", "{");
  g_autofree char *other = banso_conflict_name_from_body ("village", "v1", "{\"name\":\"Bản Mòng\"}");

  g_assert_cmpstr (head, ==, "Lò Văn Pơm");
  g_assert_cmpstr (person, ==, "Giàng A Páo");
  g_assert_cmpstr (headless, ==, "h2");
  g_assert_cmpstr (broken, ==, "h3");
  g_assert_cmpstr (other, ==, "Bản Mòng");
}

static void
test_not_an_object (void)
{
  const char *bodies[] = { WINNER, "[1, 2]", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoConflictVersions) versions = NULL;

  versions = banso_conflict_versions_new ("h1", "household", "2-fff", bodies, &error);
  g_assert_null (versions);
  g_assert_nonnull (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/conflict-data/fields", test_fields);
  g_test_add_func ("/conflict-data/details-when-summaries-agree", test_details_when_summaries_agree);
  g_test_add_func ("/conflict-data/merge", test_merge);
  g_test_add_func ("/conflict-data/names", test_names);
  g_test_add_func ("/conflict-data/not-an-object", test_not_an_object);

  return g_test_run ();
}
