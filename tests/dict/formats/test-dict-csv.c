/* test-dict-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-test"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "dict-test-util.h"

static const char sample_csv[] =
  "\xEF\xBB\xBF" "id,headword,headword_ws,headword_blt-Latn,ipa,audio,variant,pos,gloss_vi,gloss_en,"
  "definition_vi,example,example_vi,domain,note_vi,picture,comment\n"
  "kau_1,\xea\xaa\xb9\xea\xaa\x80\xea\xaa\xb7,blt-Tavt,kâu,kaw˨,audio/kau.wav,\xea\xaa\x80\xea\xaa\xb7,Numeral,chín,nine,"
  "số chín,\xea\xaa\xb9\xea\xaa\x80\xea\xaa\xb7 tô,chín con,8.1.1 Number; 8.1 Quantity,\"Ghi chú, có dấu phẩy\",pictures/9.jpg,ignored\n"
  ",,,,,,,Adjective,thứ chín,ninth,,,,,,,\n"
  "\n"
  ",pảu,blt-Latn,,,,,Noun,bố,father,\"người cha\nđẻ ra mình\",,,2.1 Family,,,\n"
  ",mẹ,,,,,,,,mother,,,,,,,\n";

static JsonObject *
entry_at (JsonArray *entries,
          guint      i)
{
  return json_array_get_object_element (entries, i);
}

static const char *
text_at (JsonObject *obj,
         const char *member,
         guint       i)
{
  JsonArray *forms = json_object_get_array_member (obj, member);

  return json_object_get_string_member (json_array_get_object_element (forms, i), "text");
}

static JsonObject *
sense_at (JsonObject *entry,
          guint       i)
{
  return json_array_get_object_element (json_object_get_array_member (entry, "senses"), i);
}

static void
test_read_and_round_trip (void)
{
  g_autofree char *dir = dict_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sample.csv", NULL);
  g_autofree char *out = g_build_filename (dir, "out.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) info = NULL;
  g_autoptr(JsonObject) info2 = NULL;
  g_autoptr(JsonArray) entries = NULL;
  g_autoptr(JsonArray) again = NULL;
  JsonObject *kau;
  JsonObject *sense;
  JsonObject *example;

  dict_test_write_file (path, sample_csv, -1);
  g_assert_cmpint (banso_dict_format_guess (path), ==, BANSO_DICT_FORMAT_CSV);
  entries = dict_test_read_all (path, BANSO_DICT_FORMAT_UNKNOWN, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (entries), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (json_object_get_object_member (info, "extra"),
                                                                                "ignored_columns"), 0), ==, "comment");

  kau = entry_at (entries, 0);
  g_assert_cmpstr (json_object_get_string_member (kau, "lang"), ==, "blt");
  g_assert_cmpstr (text_at (kau, "forms", 0), ==, "\xea\xaa\xb9\xea\xaa\x80\xea\xaa\xb7");
  g_assert_cmpstr (text_at (kau, "forms", 1), ==, "kâu");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (kau, "lift"), "id"), ==, "kau_1");
  g_assert_cmpstr (json_object_get_string_member (kau, "pos"), ==, "Numeral");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (kau, "senses")), ==, 2);
  sense = sense_at (kau, 0);
  g_assert_cmpstr (text_at (sense, "glosses", 0), ==, "chín");
  g_assert_cmpstr (text_at (sense, "glosses", 1), ==, "nine");
  g_assert_cmpstr (text_at (sense, "definitions", 0), ==, "số chín");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (sense, "domains")), ==, 2);
  example = json_array_get_object_element (json_object_get_array_member (sense, "examples"), 0);
  g_assert_cmpstr (text_at (json_array_get_object_element (json_object_get_array_member (example, "translations"), 0),
                            "forms", 0), ==, "chín con");
  g_assert_cmpstr (text_at (json_array_get_object_element (json_object_get_array_member (sense, "notes"), 0),
                            "forms", 0), ==, "Ghi chú, có dấu phẩy");
  g_assert_cmpstr (json_object_get_string_member (sense_at (kau, 1), "pos"), ==, "Adjective");
  g_assert_cmpstr (text_at (sense_at (entry_at (entries, 1), 0), "definitions", 0), ==,
                   "người cha\nđẻ ra mình");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (entry_at (entries, 2), "forms"), 0),
                                                  "ws"), ==, "und");

  g_assert_true (dict_test_write_all (out, BANSO_DICT_FORMAT_CSV, info, entries, &error));
  g_assert_no_error (error);
  again = dict_test_read_all (out, BANSO_DICT_FORMAT_CSV, &info2, &error);
  g_assert_no_error (error);
  dict_test_assert_same (entries, again);
  dict_test_rmdir (dir);
}

static void
test_semicolons (void)
{
  g_autofree char *dir = dict_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "excel.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) entries = NULL;

  dict_test_write_file (path, "Headword;Gloss_vi;POS\r\nnhà;ngôi nhà;Noun\r\n", -1);
  entries = dict_test_read_all (path, BANSO_DICT_FORMAT_CSV, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (entries), ==, 1);
  g_assert_cmpstr (text_at (sense_at (entry_at (entries, 0), 0), "glosses", 0), ==, "ngôi nhà");
  dict_test_rmdir (dir);
}

static void
test_from_lift (void)
{
  g_autofree char *lift = g_build_filename (g_getenv ("BANSO_DICT_DATA_DIR"), "sena", "Sena.lift", NULL);
  g_autofree char *dir = dict_test_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "sena.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) info = NULL;
  g_autoptr(JsonArray) entries = dict_test_read_all (lift, BANSO_DICT_FORMAT_LIFT, &info, &error);
  g_autoptr(JsonArray) back = NULL;
  guint i;

  g_assert_no_error (error);
  g_assert_true (dict_test_write_all (out, BANSO_DICT_FORMAT_CSV, info, entries, &error));
  g_assert_no_error (error);
  back = dict_test_read_all (out, BANSO_DICT_FORMAT_CSV, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (back), ==, json_array_get_length (entries));
  for (i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *a = entry_at (entries, i);
      JsonObject *b = entry_at (back, i);

      g_assert_cmpstr (text_at (a, "forms", 0), ==, text_at (b, "forms", 0));
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (a, "lift"), "id"), ==,
                       json_object_get_string_member (json_object_get_object_member (b, "lift"), "id"));
      if (json_object_has_member (a, "senses"))
        g_assert_cmpuint (json_array_get_length (json_object_get_array_member (a, "senses")), ==,
                          json_array_get_length (json_object_get_array_member (b, "senses")));
    }
  dict_test_rmdir (dir);
}

static void
assert_refused (const char *contents,
                gssize      len,
                const char *needle)
{
  g_autofree char *dir = dict_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "bad.csv", NULL);
  g_autoptr(GError) error = NULL;

  dict_test_write_file (path, contents, len);
  g_assert_null (dict_test_read_all (path, BANSO_DICT_FORMAT_CSV, NULL, &error));
  g_assert_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, needle));
  dict_test_rmdir (dir);
}

static void
test_bad (void)
{
  assert_refused ("word,gloss_vi\nnhà,ngôi nhà\n", -1, "line 1");
  assert_refused ("headword,gloss_vi\n,ngôi nhà\n", -1, "line 2");
  assert_refused ("headword,gloss_vi\nnh\xe0,ng\xf4i\n", -1, "UTF-8");
  assert_refused ("headword,gloss_vi\n\"nhà,ngôi\n", -1, "line 2");
  assert_refused ("", 0, "empty");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dict/csv/read-and-round-trip", test_read_and_round_trip);
  g_test_add_func ("/dict/csv/semicolons", test_semicolons);
  g_test_add_func ("/dict/csv/from-lift", test_from_lift);
  g_test_add_func ("/dict/csv/bad", test_bad);

  return g_test_run ();
}
