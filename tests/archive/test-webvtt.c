/* test-webvtt.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The WebVTT parser against every case of the W3C tests kept in tests/archive/webvtt: file
 * parsing (the browsers' assertions, run by node on our cues as JSON), cue text (the DOM
 * tree each cue must give) and invalid signatures (no cue may come out), then the cases the
 * archive meets itself: other encodings, CR/LF mixes, NUL bytes, speakers. */

#define G_LOG_DOMAIN "test-webvtt"

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <unistd.h>
#include <string.h>

#include "banso-webvtt.h"

static char *
data_path (const char *part)
{
  return g_test_build_filename (G_TEST_DIST, "webvtt", part, NULL);
}

static JsonNode *
cues_to_json (BansoVttFile *file)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  static const char * const vertical[] = { "", "rl", "lr" };
  static const char * const line_align[] = { "start", "center", "end" };
  static const char * const position_align[] = { "auto", "line-left", "center", "line-right" };

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "cues");
  json_builder_begin_array (b);
  for (guint i = 0; i < file->cues->len; i++)
    {
      BansoVttCue *cue = g_ptr_array_index (file->cues, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, cue->id);
      json_builder_set_member_name (b, "startTime");
      json_builder_add_double_value (b, cue->start_ms / 1000.0);
      json_builder_set_member_name (b, "endTime");
      json_builder_add_double_value (b, cue->end_ms / 1000.0);
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, cue->text);
      json_builder_set_member_name (b, "vertical");
      json_builder_add_string_value (b, vertical[cue->vertical]);
      json_builder_set_member_name (b, "snapToLines");
      json_builder_add_boolean_value (b, cue->snap_to_lines);
      json_builder_set_member_name (b, "line");
      if (cue->line_auto)
        json_builder_add_string_value (b, "auto");
      else
        json_builder_add_double_value (b, cue->line);
      json_builder_set_member_name (b, "lineAlign");
      json_builder_add_string_value (b, line_align[cue->line_align]);
      json_builder_set_member_name (b, "position");
      if (cue->position_auto)
        json_builder_add_string_value (b, "auto");
      else
        json_builder_add_double_value (b, cue->position);
      json_builder_set_member_name (b, "positionAlign");
      json_builder_add_string_value (b, position_align[cue->position_align]);
      json_builder_set_member_name (b, "size");
      json_builder_add_double_value (b, cue->size);
      json_builder_set_member_name (b, "align");
      json_builder_add_string_value (b, banso_vtt_align_to_string (cue->align));
      json_builder_set_member_name (b, "region");
      if (cue->region == NULL)
        json_builder_add_null_value (b);
      else
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_string_value (b, cue->region->id);
          json_builder_set_member_name (b, "width");
          json_builder_add_double_value (b, cue->region->width);
          json_builder_set_member_name (b, "lines");
          json_builder_add_double_value (b, cue->region->lines);
          json_builder_set_member_name (b, "regionAnchorX");
          json_builder_add_double_value (b, cue->region->region_anchor_x);
          json_builder_set_member_name (b, "regionAnchorY");
          json_builder_add_double_value (b, cue->region->region_anchor_y);
          json_builder_set_member_name (b, "viewportAnchorX");
          json_builder_add_double_value (b, cue->region->viewport_anchor_x);
          json_builder_set_member_name (b, "viewportAnchorY");
          json_builder_add_double_value (b, cue->region->viewport_anchor_y);
          json_builder_set_member_name (b, "scroll");
          json_builder_add_string_value (b, cue->region->scroll_up ? "up" : "");
          json_builder_end_object (b);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* file-parsing/NAME.vtt against the assertions of NAME.js. */
static void
test_file_parsing (gconstpointer data)
{
  const char *name = data;
  g_autofree char *vtt_name = g_strconcat (name, ".vtt", NULL);
  g_autofree char *js_name = g_strconcat (name, ".js", NULL);
  g_autofree char *vtt = g_test_build_filename (G_TEST_DIST, "webvtt", "file-parsing",
                                                vtt_name, NULL);
  g_autofree char *js = g_test_build_filename (G_TEST_DIST, "webvtt", "file-parsing",
                                               js_name, NULL);
  g_autofree char *harness = g_test_build_filename (G_TEST_DIST, "webvtt-assert.js", NULL);
  g_autofree char *node = g_find_program_in_path ("node");
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoVttFile) file = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *out = NULL, *err = NULL;
  int fd, status;

  if (node == NULL)
    {
      g_test_skip ("node is needed to run the W3C assertions");
      return;
    }

  file = banso_vtt_file_load (vtt, &error);
  /* A file that fails its signature gives no cue; the assertions then see an empty list. */
  if (file == NULL)
    {
      g_assert_error (error, BANSO_WEBVTT_ERROR, BANSO_WEBVTT_ERROR_SIGNATURE);
      json = json_from_string ("{\"cues\": []}", NULL);
    }
  else
    json = cues_to_json (file);
  text = json_to_string (json, FALSE);

  fd = g_file_open_tmp ("webvtt-XXXXXX.json", &tmp, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (tmp, text, -1, &error);
  g_assert_no_error (error);

  {
    const char *argv[] = { node, harness, tmp, js, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                  &status, &error);
  }
  g_assert_no_error (error);
  g_unlink (tmp);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s: %s (cues: %s)", name, err, text);
  g_test_message ("%s: %s", name, out);
}

/* cue-parsing/NAME.json: each cue's text with the tree it must give. */
static void
test_cue_parsing (gconstpointer data)
{
  const char *name = data;
  g_autofree char *json_name = g_strconcat (name, ".json", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "webvtt", "cue-parsing",
                                                 json_name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoVttFile) file = NULL;
  JsonArray *cases;
  guint failures = 0;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  cases = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (cases), >, 0);

  /* The cues come from NAME.vtt, where case i is the cue from i s to i + 1 s: the file
   * keeps the NUL bytes that a JSON string loses on its way into C. */
  {
    g_autofree char *vtt_name = g_strconcat (name, ".vtt", NULL);
    g_autofree char *vtt = g_test_build_filename (G_TEST_DIST, "webvtt", "cue-parsing",
                                                  vtt_name, NULL);

    file = banso_vtt_file_load (vtt, &error);
    g_assert_no_error (error);
  }

  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *c = json_array_get_object_element (cases, i);
      const char *text = json_object_get_string_member (c, "text");
      const char *expected = json_object_get_string_member (c, "expectedTree");
      g_autoptr(BansoVttNode) root = NULL;
      g_autofree char *dump = NULL;
      BansoVttCue *cue = NULL;

      for (guint k = 0; k < file->cues->len; k++)
        {
          BansoVttCue *candidate = g_ptr_array_index (file->cues, k);

          if (candidate->start_ms == (gint64) i * 1000)
            cue = candidate;
        }
      if (cue == NULL)
        g_error ("%s case %u (%s): no cue at %u s", name, i, text, i);
      root = banso_vtt_cue_text_parse (cue->text);
      dump = banso_vtt_node_dump (root);
      if (g_strcmp0 (dump, expected) != 0)
        {
          g_test_message ("%s case %u: %s\ngot:\n%s\nexpected:\n%s", name, i, text, dump,
                          expected);
          failures++;
        }
    }
  g_assert_cmpuint (failures, ==, 0);
}

/* The cases whose text holds a NUL, which JSON strings cannot give C: built here. */
static void
test_cue_nul (void)
{
  static const char input[] = "WEBVTT\n\n00:00.000 --> 00:01.000\nfoo\0bar\n\n"
                              "00:01.000 --> 00:02.000\n<00:\0" "00:00.500>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoVttFile) file = banso_vtt_file_parse (input, sizeof input - 1, "nul.vtt",
                                                       &error);
  g_autoptr(BansoVttNode) first = NULL;
  g_autoptr(BansoVttNode) second = NULL;
  g_autofree char *d1 = NULL, *d2 = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (file->cues->len, ==, 2);
  first = banso_vtt_cue_text_parse (((BansoVttCue *) file->cues->pdata[0])->text);
  second = banso_vtt_cue_text_parse (((BansoVttCue *) file->cues->pdata[1])->text);
  d1 = banso_vtt_node_dump (first);
  d2 = banso_vtt_node_dump (second);
  g_assert_cmpstr (d1, ==, "| \"foo\xEF\xBF\xBD" "bar\"\n");
  g_assert_cmpstr (d2, ==, "");
}

static GPtrArray *
parse_cue_list (JsonArray *array)
{
  GPtrArray *cues = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (cues, json_array_get_object_element (array, i));
  return cues;
}

/* invalid-signature/: the pairs of test.js, file and expected cues. */
static void
test_invalid_signature (void)
{
  g_autofree char *dir = data_path ("invalid-signature");
  g_autofree char *list_path = g_build_filename (dir, "test.js", NULL);
  g_autofree char *list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) re = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GHashTable) covered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDir) d = NULL;
  const char *entry;
  guint n = 0;

  g_file_get_contents (list_path, &list, NULL, &error);
  g_assert_no_error (error);
  re = g_regex_new ("jsonEqual(?:All)?\\(\"file-layout/([^\"]+\\.vtt)\", "
                    "\"file-layout/([^\"]+\\.json)\"", 0, 0, &error);
  g_assert_no_error (error);

  g_regex_match (re, list, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *vtt = g_match_info_fetch (match, 1);
      g_autofree char *expected = g_match_info_fetch (match, 2);
      g_autofree char *vtt_path = g_build_filename (dir, vtt, NULL);
      g_autofree char *expected_path = g_build_filename (dir, expected, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(BansoVttFile) file = NULL;
      g_autoptr(GPtrArray) want = NULL;
      g_autoptr(GError) parse_error = NULL;
      JsonObject *root;

      json_parser_load_from_file (parser, expected_path, &error);
      g_assert_no_error (error);
      root = json_node_get_object (json_parser_get_root (parser));
      want = parse_cue_list (json_object_get_array_member (root, "cues"));

      file = banso_vtt_file_load (vtt_path, &parse_error);
      if (file == NULL)
        {
          g_test_message ("%s: %s", vtt, parse_error->message);
          g_assert_error (parse_error, BANSO_WEBVTT_ERROR, BANSO_WEBVTT_ERROR_SIGNATURE);
          g_assert_cmpuint (want->len, ==, 0);
        }
      else
        {
          /* vtt.js follows an older draft here: the W3C case file-parsing/header-timings
           * has this same layout (a timing line right under WEBVTT) and wants its cue. */
          if (g_str_equal (vtt, "header-no-new-line.vtt"))
            {
              g_assert_cmpuint (file->cues->len, ==, 1);
              g_assert_cmpint (((BansoVttCue *) file->cues->pdata[0])->start_ms, ==, 11000);
              g_hash_table_add (covered, g_steal_pointer (&vtt));
              n++;
              g_match_info_next (match, NULL);
              continue;
            }
          if (file->cues->len != want->len)
            g_error ("%s: %u cues, expected %u", vtt, file->cues->len, want->len);
          for (guint i = 0; i < want->len; i++)
            {
              JsonObject *w = g_ptr_array_index (want, i);
              BansoVttCue *cue = g_ptr_array_index (file->cues, i);
              const char *align = json_object_get_string_member (w, "align");

              g_assert_cmpstr (cue->id, ==, json_object_get_string_member (w, "id"));
              g_assert_cmpstr (cue->text, ==, json_object_get_string_member (w, "text"));
              g_assert_cmpfloat (cue->start_ms / 1000.0, ==,
                                 json_object_get_double_member (w, "startTime"));
              g_assert_cmpfloat (cue->end_ms / 1000.0, ==,
                                 json_object_get_double_member (w, "endTime"));
              g_assert_cmpfloat (cue->size, ==, json_object_get_double_member (w, "size"));
              g_assert_true (cue->snap_to_lines
                             == json_object_get_boolean_member (w, "snapToLines"));
              /* vtt.js still says "middle" for what the standard now calls "center". */
              if (g_str_equal (align, "middle"))
                align = "center";
              g_assert_cmpstr (banso_vtt_align_to_string (cue->align), ==, align);
              if (json_node_get_value_type (json_object_get_member (w, "line")) == G_TYPE_STRING)
                g_assert_true (cue->line_auto);
              else
                {
                  g_assert_false (cue->line_auto);
                  g_assert_cmpfloat (cue->line, ==, json_object_get_double_member (w, "line"));
                }
            }
        }
      g_hash_table_add (covered, g_steal_pointer (&vtt));
      n++;
      g_match_info_next (match, NULL);
    }

  /* Every .vtt of the folder is one of the cases. */
  d = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((entry = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (entry, ".vtt") && !g_hash_table_contains (covered, entry))
      g_error ("%s has no expected result in test.js", entry);
  g_assert_cmpuint (n, >=, 16);
}

static void
test_not_utf8 (void)
{
  /* "Chào" in Windows-1258 on the second cue's line. */
  static const char input[] = "WEBVTT\n\n00:00.000 --> 00:01.000\nok\n\n"
                              "00:01.000 --> 00:02.000\nCh\xE0o\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoVttFile) file = banso_vtt_file_parse (input, sizeof input - 1, "tho.vtt",
                                                       &error);

  g_assert_null (file);
  g_assert_error (error, BANSO_WEBVTT_ERROR, BANSO_WEBVTT_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "tho.vtt"));
  g_assert_nonnull (strstr (error->message, "line 7"));
  g_assert_nonnull (strstr (error->message, "UTF-8"));
}

static void
test_line_endings (void)
{
  /* CR LF, lone CR and LF mixed in one file, and an id holding an arrow-like text. */
  static const char input[] = "\xEF\xBB\xBFWEBVTT\r\n\r\nfirst\r00:00.000 --> 00:01.000\r\n"
                              "one\rtwo\n\r\nid-->x\n00:01.000 --> 00:02.500 align:start\n"
                              "three\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoVttFile) file = banso_vtt_file_parse (input, sizeof input - 1, "mix.vtt",
                                                       &error);
  BansoVttCue *cue;

  g_assert_no_error (error);
  /* The line with an arrow is taken for a timing line, fails, and the next block begins
   * at the real timing line, as the W3C algorithm says. */
  g_assert_cmpuint (file->cues->len, ==, 2);
  cue = file->cues->pdata[0];
  g_assert_cmpstr (cue->id, ==, "first");
  g_assert_cmpstr (cue->text, ==, "one\ntwo");
  g_assert_cmpint (cue->end_ms, ==, 1000);
  cue = file->cues->pdata[1];
  g_assert_cmpstr (cue->id, ==, "");
  g_assert_cmpstr (cue->text, ==, "three");
  g_assert_cmpint (cue->start_ms, ==, 1000);
  g_assert_cmpint (cue->end_ms, ==, 2500);
  g_assert_cmpint (cue->align, ==, BANSO_VTT_ALIGN_START);
}

static void
test_markup (void)
{
  g_autoptr(BansoVttNode) root =
    banso_vtt_cue_text_parse ("<v Bà Lò Thị Xuân>Hát <i>khắp</i> &amp; <b>xòe</b>"
                              "<00:00:01.500><ruby>漢<rt>kan</rt></ruby> <u>&lt;x&gt;</u>");
  g_autofree char *markup = banso_vtt_node_to_markup (root);
  g_autofree char *plain = banso_vtt_node_to_plain (root);
  g_autofree char *speaker = banso_vtt_cue_speaker (root);

  g_assert_cmpstr (markup, ==, "<b>Bà Lò Thị Xuân:</b> Hát <i>khắp</i> &amp; <b>xòe</b>"
                               "漢<small>(kan)</small> <u>&lt;x&gt;</u>");
  g_assert_cmpstr (plain, ==, "Hát khắp & xòe漢kan <x>");
  g_assert_cmpstr (speaker, ==, "Bà Lò Thị Xuân");
}

/* For g_ptr_array_sort(), which passes pointers to the elements. */
static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
add_folder_tests (const char *folder,
                  const char *suffix,
                  GTestDataFunc func)
{
  g_autofree char *dir = data_path (folder);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *entry;

  g_assert_nonnull (d);
  while ((entry = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (entry, suffix))
      g_ptr_array_add (names, g_strndup (entry, strlen (entry) - strlen (suffix)));
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("/webvtt/%s/%s", folder,
                                               (char *) names->pdata[i]);

      g_test_add_data_func_full (path, names->pdata[i], func, g_free);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_folder_tests ("file-parsing", ".js", test_file_parsing);
  add_folder_tests ("cue-parsing", ".json", test_cue_parsing);
  g_test_add_func ("/webvtt/cue-parsing/nul", test_cue_nul);
  g_test_add_func ("/webvtt/invalid-signature", test_invalid_signature);
  g_test_add_func ("/webvtt/not-utf8", test_not_utf8);
  g_test_add_func ("/webvtt/line-endings", test_line_endings);
  g_test_add_func ("/webvtt/markup", test_markup);

  return g_test_run ();
}
