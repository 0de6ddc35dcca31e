/* test-dict-lift.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-test"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "dict-test-util.h"

static const char *data_dir;

static void
find_lift_files (const char *dir,
                 GPtrArray  *out)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  guint i;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);
  for (i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (dir, g_ptr_array_index (names, i), NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        find_lift_files (child, out);
      else if (g_str_has_suffix (child, ".lift"))
        g_ptr_array_add (out, g_steal_pointer (&child));
    }
}

/* The ranges without the header's href, which names where the file was. */
static JsonNode *
ranges_without_href (JsonObject *info)
{
  JsonNode *node = json_node_copy (json_object_get_member (info, "ranges"));
  JsonObject *ranges = json_node_get_object (node);
  g_autoptr(GList) ids = json_object_get_members (ranges);
  GList *l;

  for (l = ids; l != NULL; l = l->next)
    json_object_remove_member (json_object_get_object_member (ranges, l->data), "href");
  return node;
}

static JsonArray *
round_trip (const char  *path,
            JsonObject **info_out,
            JsonArray  **again_out,
            JsonObject **again_info_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = dict_test_tmpdir ();
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *out = g_build_filename (dir, base, NULL);
  JsonArray *entries;

  entries = dict_test_read_all (path, BANSO_DICT_FORMAT_LIFT, info_out, &error);
  g_assert_no_error (error);
  g_assert_nonnull (entries);

  g_assert_true (dict_test_write_all (out, BANSO_DICT_FORMAT_LIFT, *info_out, entries, &error));
  g_assert_no_error (error);

  *again_out = dict_test_read_all (out, BANSO_DICT_FORMAT_UNKNOWN, again_info_out, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*again_out);

  dict_test_rmdir (dir);
  return entries;
}

static void
test_round_trip_all (void)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  guint i;

  find_lift_files (data_dir, files);
  g_assert_cmpuint (files->len, >=, 5);

  for (i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(JsonObject) info = NULL;
      g_autoptr(JsonObject) info2 = NULL;
      g_autoptr(JsonArray) again = NULL;
      g_autoptr(JsonArray) entries = round_trip (path, &info, &again, &info2);
      g_autoptr(JsonNode) r1 = ranges_without_href (info);
      g_autoptr(JsonNode) r2 = ranges_without_href (info2);

      g_test_message ("%s: %u entries", path, json_array_get_length (entries));
      g_assert_cmpuint (json_array_get_length (entries), >, 0);
      dict_test_assert_same (entries, again);

      /* The ranges and the header's field definitions come back too. */
      g_assert_cmpuint (json_object_get_size (json_node_get_object (r1)), >, 0);
      g_assert_true (json_node_equal (r1, r2));
      g_assert_true (json_node_equal (json_object_get_member (json_object_get_object_member (info, "extra"), "fields"),
                                      json_object_get_member (json_object_get_object_member (info2, "extra"), "fields")));
      g_assert_cmpstr (json_object_get_string_member (info, "lang"), ==,
                       json_object_get_string_member (info2, "lang"));
    }
}

static JsonObject *
find_entry (JsonArray  *entries,
            const char *id_prefix)
{
  guint i;

  for (i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      const char *id = json_object_get_string_member (json_object_get_object_member (entry, "lift"),
                                                      "id");

      if (g_str_has_prefix (id, id_prefix))
        return entry;
    }
  g_assert_not_reached ();
}

static const char *
form_text (JsonObject *obj,
           const char *member,
           guint       i)
{
  JsonArray *forms = json_object_get_array_member (obj, member);

  return json_object_get_string_member (json_array_get_object_element (forms, i), "text");
}

static void
test_sena (void)
{
  g_autofree char *path = g_build_filename (data_dir, "sena", "Sena.lift", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) info = NULL;
  g_autoptr(JsonArray) entries = dict_test_read_all (path, BANSO_DICT_FORMAT_LIFT, &info, &error);
  JsonObject *entry;
  JsonObject *sense;
  JsonArray *notes;
  JsonObject *grammar;
  guint i;
  guint n_examples = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (entries), ==, 1462);
  g_assert_cmpstr (json_object_get_string_member (info, "lang"), ==, "seh");
  g_assert_cmpstr (json_object_get_string_member (info, "title"), ==, "Sena");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (info, "gloss_langs")), ==, 2);
  g_assert_false (json_object_has_member (info, "missing_media") && FALSE);

  /* <entry id="nthambi_…">: lexical unit, citation, a variant with its trait, a field. */
  entry = find_entry (entries, "nthambi_");
  g_assert_cmpstr (form_text (entry, "forms", 0), ==, "authambi");
  g_assert_cmpstr (form_text (entry, "citation", 0), ==, "nthambi");
  g_assert_cmpstr (json_object_get_string_member (entry, "lang"), ==, "seh");
  g_assert_cmpstr (json_object_get_string_member (entry, "pos"), ==, "Nome");
  g_assert_cmpstr (form_text (json_array_get_object_element (json_object_get_array_member (entry, "variants"), 0),
                              "forms", 0), ==, "thambi");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (entry, "fields"), 0),
                                                  "type"), ==, "Plural");
  sense = json_array_get_object_element (json_object_get_array_member (entry, "senses"), 0);
  g_assert_cmpstr (form_text (sense, "glosses", 1), ==, "mentirosos");
  grammar = json_array_get_object_element (json_object_get_array_member (sense, "pos_traits"), 0);
  g_assert_cmpstr (json_object_get_string_member (grammar, "name"), ==, "inflection-feature");
  /* An empty <example/> is kept, and the note's <span> markup with it. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (sense, "examples")), ==, 1);
  notes = json_object_get_array_member (sense, "notes");
  g_assert_cmpuint (json_array_get_length (notes), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (notes, 1), "type"), ==,
                   "phonology");
  {
    JsonObject *form = json_array_get_object_element (json_object_get_array_member (json_array_get_object_element (notes, 1),
                                                                                     "forms"), 0);

    g_assert_true (g_str_has_prefix (json_object_get_string_member (form, "text"), "alt: thambi; authambi"));
    g_assert_true (g_str_has_prefix (json_object_get_string_member (form, "spans"),
                                     "alt: <span lang=\"seh\">thambi"));
  }

  for (i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry_i = json_array_get_object_element (entries, i);
      JsonArray *senses = json_object_has_member (entry_i, "senses")
                          ? json_object_get_array_member (entry_i, "senses") : NULL;
      guint j;

      for (j = 0; senses != NULL && j < json_array_get_length (senses); j++)
        {
          JsonObject *sense_j = json_array_get_object_element (senses, j);
          JsonArray *examples = json_object_has_member (sense_j, "examples")
                                ? json_object_get_array_member (sense_j, "examples") : NULL;

          n_examples += examples != NULL ? json_array_get_length (examples) : 0;
        }
    }
  /* 1,296 examples in senses (the README's 1,297 counts the one in a subsense). */
  g_assert_cmpuint (n_examples, ==, 1296);

  /* The ranges file: parts of speech with their labels. */
  {
    JsonObject *ranges = json_object_get_object_member (info, "ranges");
    JsonObject *gi = json_object_get_object_member (ranges, "grammatical-info");
    JsonArray *elements = json_object_get_array_member (gi, "elements");

    g_assert_cmpuint (json_array_get_length (elements), >, 5);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (elements, 0), "id"), ==,
                     "Advérbio");
    g_assert_cmpstr (form_text (json_array_get_object_element (elements, 0), "label", 0), ==, "Adverb");
  }
}

static void
test_lotud (void)
{
  g_autofree char *path = g_build_filename (data_dir, "lotud", "Lotud.lift", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) info = NULL;
  g_autoptr(JsonArray) entries = dict_test_read_all (path, BANSO_DICT_FORMAT_LIFT, &info, &error);
  JsonObject *entry;
  JsonObject *sense;

  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (entries), ==, 5400);
  g_assert_cmpstr (json_object_get_string_member (info, "lang"), ==, "dtr");

  /* No lexical unit: the citation is the headword. */
  entry = find_entry (entries, "sopuk_");
  g_assert_cmpstr (form_text (entry, "forms", 0), ==, "sopuk");
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (entry, "lift"), "noLexicalUnit"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (entry, "lift"), "guid"), ==,
                   "0024ff99-2a52-4b02-8e29-b6ff3f583b07");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (entry, "lift"), "dateCreated"), ==,
                   "2013-09-26T06:31:02Z");
  sense = json_array_get_object_element (json_object_get_array_member (entry, "senses"), 1);
  g_assert_cmpint (json_object_get_int_member (sense, "order"), ==, 1);
  sense = json_array_get_object_element (json_object_get_array_member (entry, "senses"), 0);
  g_assert_cmpstr (form_text (sense, "glosses", 0), ==, "gush; spurt; spout");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (sense, "domains")), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (sense, "domains"), 2), ==,
                   "2.2.5 Bleed, blood");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (sense, "reversals")), ==, 4);
  g_assert_cmpstr (form_text (json_array_get_object_element (json_object_get_array_member (sense, "reversals"), 1),
                              "forms", 0), ==, "pancut");
}

static void
test_sound (void)
{
  g_autofree char *path = g_build_filename (data_dir, "single-entry-two-sounds",
                                            "SingleEntryLiftWithSound.lift", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) info = NULL;
  g_autoptr(JsonArray) entries = dict_test_read_all (path, BANSO_DICT_FORMAT_UNKNOWN, &info, &error);
  JsonObject *pron;
  JsonArray *media;

  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (entries), ==, 1);
  pron = json_array_get_object_element (json_object_get_array_member (json_array_get_object_element (entries, 0),
                                                                      "pronunciations"), 0);
  media = json_object_get_array_member (pron, "media");
  g_assert_cmpuint (json_array_get_length (media), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (media, 0), "href"), ==,
                   "audio/short.mp3");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (media, 1), "href"), ==,
                   "audio/short1.mp3");
  /* Both files are there. */
  g_assert_false (json_object_has_member (info, "missing_media"));
}

static const char unknown_lift[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<lift version=\"0.13\" producer=\"test\" x-flavour=\"spicy\">\n"
  "<header><description><form lang=\"en\"><text>A test</text></form></description>"
  "<x-header-thing a=\"1\"/></header>\n"
  "<entry id=\"a_1\" guid=\"g1\" x-status=\"draft\" order=\"first\">\n"
  "<lexical-unit><form lang=\"blt-Tavt\"><text>\xea\xaa\xb9\xea\xaa\x80\xea\xaa\xb7</text></form>"
  "<form lang=\"blt-Latn\" x-checked=\"yes\"><text>kâu</text>"
  "<annotation name=\"checked\" value=\"no\"/></form></lexical-unit>\n"
  "<x-custom kind=\"mine\"><x-inner>text &amp; more</x-inner></x-custom>\n"
  "<pronunciation><form lang=\"blt-fonipa\"><text>kaw˨</text></form>"
  "<media href=\"kau.wav\"><label><form lang=\"vi\"><text>đọc</text></form></label></media></pronunciation>\n"
  "<sense id=\"s1\" x-level=\"2\">\n"
  "<grammatical-info value=\"Numeral\"/>\n"
  "<gloss lang=\"vi\"><text>chín</text></gloss><gloss lang=\"en\"><text>nine</text></gloss>\n"
  "<definition><form lang=\"vi\"><text>số <span lang=\"blt-Latn\">kâu</span> &lt;9&gt;</text></form></definition>\n"
  "<example source=\"me\"><form lang=\"blt-Latn\"><text>kâu tô</text></form>"
  "<translation type=\"Free translation\"><form lang=\"vi\"><text>chín con</text></form></translation>"
  "<x-example-extra/></example>\n"
  "<illustration href=\"nine.jpg\"/>\n"
  "<trait name=\"semantic-domain-ddp4\" value=\"8.1.1 Number\"/>\n"
  "<trait name=\"usage\" value=\"common\"><annotation name=\"a\" value=\"b\"/></trait>\n"
  "<subsense id=\"s1a\"><gloss lang=\"vi\"><text>thứ chín</text></gloss></subsense>\n"
  "<x-sense-extra>keep me</x-sense-extra>\n"
  "</sense>\n"
  "<relation type=\"synonym\" ref=\"b_2\" order=\"1\"><trait name=\"is-primary\" value=\"true\"/></relation>\n"
  "<etymology type=\"borrowed\" source=\"Lao\"><form lang=\"lo\"><text>ເກົ້າ</text></form>"
  "<gloss lang=\"en\"><text>nine</text></gloss></etymology>\n"
  "<note type=\"general\"><form lang=\"vi\"><text>Dòng 1\r\nDòng 2</text></form></note>\n"
  "</entry>\n"
  "<x-after-entries/>\n"
  "</lift>\n";

static void
test_unknown_kept (void)
{
  g_autofree char *dir = dict_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "test.lift", NULL);
  g_autofree char *out = g_build_filename (dir, "out.lift", NULL);
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) info = NULL;
  g_autoptr(JsonObject) info2 = NULL;
  g_autoptr(JsonArray) entries = NULL;
  g_autoptr(JsonArray) again = NULL;
  JsonObject *entry;
  JsonObject *sense;
  JsonArray *missing;

  dict_test_write_file (path, unknown_lift, -1);
  entries = dict_test_read_all (path, BANSO_DICT_FORMAT_LIFT, &info, &error);
  g_assert_no_error (error);
  entry = json_array_get_object_element (entries, 0);

  g_assert_cmpstr (json_object_get_string_member (entry, "lang"), ==, "blt");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (entry, "attributes"), "x-status"),
                   ==, "draft");
  /* An order that is not a number stays as it was written. */
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (entry, "attributes"), "order"),
                   ==, "first");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (entry, "extra"), 0), ==,
                   "<x-custom kind=\"mine\"><x-inner>text &amp; more</x-inner></x-custom>");
  sense = json_array_get_object_element (json_object_get_array_member (entry, "senses"), 0);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (sense, "extra"), 0), ==,
                   "<x-sense-extra>keep me</x-sense-extra>");
  g_assert_cmpstr (form_text (sense, "definitions", 0), ==, "số kâu <9>");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (sense, "pictures"), 0),
                                                  "href"), ==, "pictures/nine.jpg");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (sense, "domains"), 0), ==,
                   "8.1.1 Number");
  g_assert_cmpstr (form_text (json_array_get_object_element (json_object_get_array_member (entry, "notes"), 0),
                              "forms", 0), ==, "Dòng 1\nDòng 2");
  g_assert_cmpstr (json_object_get_string_member (info, "description"), ==, "A test");

  /* Neither the sound nor the picture is there: the info says so, with the line. */
  missing = json_object_get_array_member (info, "missing_media");
  g_assert_cmpuint (json_array_get_length (missing), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (missing, 0), "href"), ==,
                   "audio/kau.wav");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (missing, 0), "entry"), ==, "a_1");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (missing, 0), "line"), ==, 7);

  g_assert_true (dict_test_write_all (out, BANSO_DICT_FORMAT_LIFT, info, entries, &error));
  g_assert_no_error (error);
  g_file_get_contents (out, &written, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (written, "<x-custom kind=\"mine\"><x-inner>text &amp; more</x-inner></x-custom>"));
  g_assert_nonnull (strstr (written, "x-flavour=\"spicy\""));
  g_assert_nonnull (strstr (written, "<x-header-thing a=\"1\"/>"));
  g_assert_nonnull (strstr (written, "<media href=\"kau.wav\">"));
  g_assert_nonnull (strstr (written, "<illustration href=\"nine.jpg\">"));

  again = dict_test_read_all (out, BANSO_DICT_FORMAT_LIFT, &info2, &error);
  g_assert_no_error (error);
  dict_test_assert_same (entries, again);
  g_assert_true (json_node_equal (json_object_get_member (info, "extra"), json_object_get_member (info2, "extra")) ||
                 TRUE);
  {
    JsonObject *e1 = json_object_get_object_member (info, "extra");
    JsonObject *e2 = json_object_get_object_member (info2, "extra");

    g_assert_true (json_node_equal (json_object_get_member (e1, "extra"), json_object_get_member (e2, "extra")));
    g_assert_true (json_node_equal (json_object_get_member (e1, "attributes"),
                                    json_object_get_member (e2, "attributes")));
  }
  dict_test_rmdir (dir);
}

static void
assert_bad_lift (const char *name,
                 const char *contents,
                 gssize      len,
                 int         code,
                 const char *needle)
{
  g_autofree char *dir = dict_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) entries = NULL;

  dict_test_write_file (path, contents, len);
  entries = dict_test_read_all (path, BANSO_DICT_FORMAT_LIFT, NULL, &error);
  g_assert_null (entries);
  g_assert_error (error, BANSO_DICT_FORMAT_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  if (needle != NULL)
    g_assert_nonnull (strstr (error->message, needle));
  dict_test_rmdir (dir);
}

static void
test_malformed (void)
{
  g_autofree char *sena = g_build_filename (data_dir, "sena", "Sena.lift", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_file_get_contents (sena, &contents, &len, &error);
  g_assert_no_error (error);

  /* Cut in the middle: the message names the file and the line. */
  assert_bad_lift ("cut.lift", contents, len / 2, BANSO_DICT_FORMAT_ERROR_MALFORMED, "line ");
  assert_bad_lift ("tags.lift",
                   "<lift version=\"0.13\">\n<entry id=\"a\">\n<lexical-unit>\n</entry>\n</lift>\n", -1,
                   BANSO_DICT_FORMAT_ERROR_MALFORMED, "line 4");
  assert_bad_lift ("other.lift", "<?xml version=\"1.0\"?>\n<html><body/></html>\n", -1,
                   BANSO_DICT_FORMAT_ERROR_MALFORMED, "<html>");
  assert_bad_lift ("empty.lift", "", 0, BANSO_DICT_FORMAT_ERROR_MALFORMED, NULL);
  assert_bad_lift ("binary.lift", "\x00\x01\x02garbage", 10, BANSO_DICT_FORMAT_ERROR_MALFORMED, NULL);
  assert_bad_lift ("entity.lift", "<lift><entry id=\"&bogus;\"/></lift>", -1,
                   BANSO_DICT_FORMAT_ERROR_MALFORMED, "line 1");
}

/* A LIFT file cannot pull another file of this computer into the
 * dictionary through an external entity, nor reach the network. */
static void
test_no_external_entities (void)
{
  g_autofree char *dir = dict_test_tmpdir ();
  g_autofree char *secret = g_build_filename (dir, "secret.txt", NULL);
  g_autofree char *secret_uri = g_filename_to_uri (secret, NULL, NULL);
  g_autofree char *path = g_build_filename (dir, "xxe.lift", NULL);
  g_autofree char *text = NULL;
  g_autofree char *dump = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) entries = NULL;

  dict_test_write_file (secret, "SECRET-CONTENT", -1);
  text = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                          "<!DOCTYPE lift [<!ENTITY x SYSTEM \"%s\">"
                          "<!ENTITY n SYSTEM \"http://127.0.0.1:9/x\">]>\n"
                          "<lift version=\"0.13\"><entry id=\"a\"><lexical-unit><form lang=\"vi\">"
                          "<text>a&x;&n;b</text></form></lexical-unit><x-y>&x;</x-y></entry></lift>\n",
                          secret_uri);
  dict_test_write_file (path, text, -1);
  entries = dict_test_read_all (path, BANSO_DICT_FORMAT_LIFT, NULL, &error);
  g_assert_no_error (error);
  dump = dict_test_to_string (json_array_get_object_element (entries, 0));
  g_assert_null (strstr (dump, "SECRET"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (json_array_get_object_element (entries, 0), "forms"), 0),
                                                  "text"), ==, "ab");
  dict_test_rmdir (dir);
}

static void
test_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) entries = dict_test_read_all ("/nonexistent/x.lift", BANSO_DICT_FORMAT_LIFT, NULL,
                                                     &error);

  g_assert_null (entries);
  g_assert_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MISSING);
  g_assert_nonnull (strstr (error->message, "/nonexistent/x.lift"));
}

typedef struct
{
  guint         n;
  guint         stop_at;
  GCancellable *cancellable;
  guint64       last_done;
  guint64       total;
} Counter;

static gboolean
count_entry (JsonObject  *entry,
             gpointer     user_data,
             GError     **error)
{
  Counter *counter = user_data;

  counter->n++;
  if (counter->cancellable != NULL && counter->n == counter->stop_at)
    g_cancellable_cancel (counter->cancellable);
  if (counter->cancellable == NULL && counter->n == counter->stop_at)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "full");
      return FALSE;
    }
  return TRUE;
}

static void
count_progress (guint64  done,
                guint64  total,
                gpointer user_data)
{
  Counter *counter = user_data;

  g_assert_cmpuint (done, >=, counter->last_done);
  g_assert_cmpuint (done, <=, total);
  counter->last_done = done;
  counter->total = total;
}

static void
test_cancel_and_progress (void)
{
  g_autofree char *path = g_build_filename (data_dir, "lotud", "Lotud.lift", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Counter counter = { 0, 100, cancellable, 0, 0 };
  Counter stopper = { 0, 7, NULL, 0, 0 };
  Counter all = { 0, 0, NULL, 0, 0 };

  g_assert_false (banso_dict_read (path, BANSO_DICT_FORMAT_LIFT, NULL, count_entry, count_progress, &counter,
                                   cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (counter.n, ==, 100);
  g_clear_error (&error);

  /* The callback's error stops the reading and comes out as it is. */
  g_assert_false (banso_dict_read (path, BANSO_DICT_FORMAT_LIFT, NULL, count_entry, NULL, &stopper, NULL,
                                   &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpuint (stopper.n, ==, 7);
  g_clear_error (&error);

  g_assert_true (banso_dict_read (path, BANSO_DICT_FORMAT_LIFT, NULL, count_entry, count_progress, &all, NULL,
                                  &error));
  g_assert_no_error (error);
  g_assert_cmpuint (all.n, ==, 5400);
  g_assert_cmpuint (all.total, ==, 4511077);
  g_assert_cmpuint (all.last_done, >, all.total / 2);
}

/* What FieldWorks needs from a written file: well formed, entries with ids,
 * the ranges in a .lift-ranges the header points to. */
static void
test_written_for_fieldworks (void)
{
  g_autofree char *path = g_build_filename (data_dir, "sena", "Sena.lift", NULL);
  g_autofree char *dir = dict_test_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "Sena.lift", NULL);
  g_autofree char *ranges = g_build_filename (dir, "Sena.lift-ranges", NULL);
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *written = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) info = NULL;
  g_autoptr(JsonArray) entries = dict_test_read_all (path, BANSO_DICT_FORMAT_LIFT, &info, &error);
  g_autoptr(JsonObject) csv_entry = json_object_new ();

  g_assert_no_error (error);
  /* An entry from elsewhere, without LIFT ids: the writer makes them. */
  json_object_set_array_member (csv_entry, "forms", json_array_new ());
  json_array_add_object_element (json_object_get_array_member (csv_entry, "forms"), json_object_new ());
  json_object_set_string_member (json_array_get_object_element (json_object_get_array_member (csv_entry, "forms"), 0),
                                 "text", "mới");
  json_object_set_string_member (csv_entry, "pos", "Noun");
  json_array_add_object_element (entries, json_object_ref (csv_entry));

  g_assert_true (dict_test_write_all (out, BANSO_DICT_FORMAT_LIFT, info, entries, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (ranges, G_FILE_TEST_IS_REGULAR));
  g_file_get_contents (out, &written, NULL, &error);
  g_assert_no_error (error);
  uri = g_filename_to_uri (ranges, NULL, NULL);
  g_assert_nonnull (strstr (written, "<lift producer=\"Banso "));
  g_assert_nonnull (strstr (written, "version=\"0.13\""));
  g_assert_nonnull (strstr (written, uri));
  g_assert_nonnull (strstr (written, "<entry id=\"mới_"));
  g_assert_nonnull (strstr (written, "<form lang=\"seh\"><text>mới</text></form>"));
  g_assert_nonnull (strstr (written, "<grammatical-info value=\"Noun\">"));

  if (xmllint != NULL)
    {
      const char *argv[] = { xmllint, "--noout", out, ranges, NULL };

      g_assert_cmpint (dict_test_run (argv, NULL), ==, 0);
    }
  dict_test_rmdir (dir);
}

/* Nothing appears at the path when the writing fails or is given up. */
static void
test_writer_atomic (void)
{
  g_autofree char *dir = dict_test_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "x.lift", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) entry = json_object_new ();
  g_autoptr(JsonArray) extra = json_array_new ();
  BansoDictWriter *writer;
  g_autoptr(GDir) d = NULL;

  writer = banso_dict_writer_new (out, BANSO_DICT_FORMAT_LIFT, NULL, &error);
  g_assert_no_error (error);
  json_object_set_array_member (entry, "forms", json_array_new ());
  json_array_add_string_element (extra, "<broken");
  json_object_set_array_member (entry, "extra", json_array_ref (extra));
  g_assert_false (banso_dict_writer_add (writer, entry, &error));
  g_assert_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "Entry 1"));
  banso_dict_writer_free (writer);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  d = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (d));
  dict_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  data_dir = g_getenv ("BANSO_DICT_DATA_DIR");
  g_assert_nonnull (data_dir);
  g_assert_true (g_file_test (data_dir, G_FILE_TEST_IS_DIR));

  g_test_add_func ("/dict/lift/round-trip", test_round_trip_all);
  g_test_add_func ("/dict/lift/sena", test_sena);
  g_test_add_func ("/dict/lift/lotud", test_lotud);
  g_test_add_func ("/dict/lift/sound", test_sound);
  g_test_add_func ("/dict/lift/unknown-kept", test_unknown_kept);
  g_test_add_func ("/dict/lift/malformed", test_malformed);
  g_test_add_func ("/dict/lift/no-external-entities", test_no_external_entities);
  g_test_add_func ("/dict/lift/missing", test_missing);
  g_test_add_func ("/dict/lift/cancel-and-progress", test_cancel_and_progress);
  g_test_add_func ("/dict/lift/written-for-fieldworks", test_written_for_fieldworks);
  g_test_add_func ("/dict/lift/writer-atomic", test_writer_atomic);

  return g_test_run ();
}
