/* test-dict-dictd.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-test"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "dict-test-util.h"

#define DEBIAN_FREEDICT "/usr/share/dictd/freedict-eng-swh.index"

static const char *
headword (JsonObject *entry)
{
  return json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (entry, "forms"), 0),
                                        "text");
}

static const char *
definition (JsonObject *entry)
{
  JsonObject *sense = json_array_get_object_element (json_object_get_array_member (entry, "senses"), 0);

  return json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (sense, "definitions"), 0),
                                        "text");
}

static GBytes *
gunzip_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) raw = g_file_read (file, NULL, NULL);
  g_autoptr(GZlibDecompressor) z = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GInputStream) in = g_converter_input_stream_new (G_INPUT_STREAM (raw), G_CONVERTER (z));
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static guint64
b64_decode (const char *s)
{
  static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  guint64 v = 0;

  for (; *s != '\0'; s++)
    v = (v << 6) | (guint64)(strchr (digits, *s) - digits);
  return v;
}

static void
test_debian_freedict (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) info = NULL;
  g_autoptr(JsonArray) entries = NULL;
  g_autoptr(GBytes) text = NULL;
  g_autofree char *index = NULL;
  g_auto(GStrv) lines = NULL;
  const char *all;
  guint i;
  guint n = 0;

  if (!g_file_test (DEBIAN_FREEDICT, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("Debian's dict-freedict-eng-swh is not installed");
      return;
    }
  g_assert_cmpint (banso_dict_format_guess (DEBIAN_FREEDICT), ==, BANSO_DICT_FORMAT_DICTD);
  entries = dict_test_read_all (DEBIAN_FREEDICT, BANSO_DICT_FORMAT_UNKNOWN, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (info, "title"), ==,
                   "English-Swahili xFried/FreeDict Dictionary ver. 0.2.2");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (info, "description"),
                                   "English-Swahili xFried/FreeDict Dictionary"));

  /* Every article as the whole text has it at the index's offset. */
  text = gunzip_file ("/usr/share/dictd/freedict-eng-swh.dict.dz");
  all = g_bytes_get_data (text, NULL);
  g_file_get_contents (DEBIAN_FREEDICT, &index, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (index, "\n", -1);
  for (i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = g_strsplit (lines[i], "\t", -1);
      g_autofree char *expected = NULL;
      JsonObject *entry;

      if (g_strv_length (cols) < 3 || g_str_has_prefix (cols[0], "00database"))
        continue;
      entry = json_array_get_object_element (entries, n++);
      expected = g_strndup (all + b64_decode (cols[1]), b64_decode (cols[2]));
      g_strchomp (expected);
      g_assert_cmpstr (headword (entry), ==, cols[0]);
      g_assert_cmpstr (definition (entry), ==, expected);
    }
  g_assert_cmpuint (n, ==, json_array_get_length (entries));
  g_assert_cmpuint (n, >, 1000);
}

static void
b64_encode (GString *out,
            guint64  v)
{
  static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  char buf[16];
  int i = 15;

  buf[i] = '\0';
  do
    {
      buf[--i] = digits[v & 63];
      v >>= 6;
    }
  while (v != 0);
  g_string_append (out, buf + i);
}

/* Writes @dir/test.index and test.dict with enough articles for several
 * dictzip chunks. Returns the number of articles. */
static guint
build_dictd (const char *dir)
{
  g_autoptr(GString) dict = g_string_new (NULL);
  g_autoptr(GString) index = g_string_new (NULL);
  g_autofree char *dict_path = g_build_filename (dir, "test.dict", NULL);
  g_autofree char *index_path = g_build_filename (dir, "test.index", NULL);
  guint i;
  const guint n = 6000;

  for (i = 0; i < n; i++)
    {
      gsize start = dict->len;

      g_string_append_printf (dict, "từ%05u\n   Nghĩa thứ %u của từ: ꪹꪀꪷ kâu, %s\n", i, i,
                              i % 7 == 0 ? "một câu dài hơn để các bài có độ dài khác nhau" : "ngắn");
      g_string_append_printf (index, "từ%05u\t", i);
      b64_encode (index, start);
      g_string_append_c (index, '\t');
      b64_encode (index, dict->len - start);
      g_string_append_c (index, '\n');
    }
  dict_test_write_file (dict_path, dict->str, dict->len);
  dict_test_write_file (index_path, index->str, index->len);
  return n;
}

static void
test_built (void)
{
  g_autofree char *dir = dict_test_tmpdir ();
  g_autofree char *index = g_build_filename (dir, "test.index", NULL);
  g_autofree char *dict = g_build_filename (dir, "test.dict", NULL);
  g_autofree char *dz = g_build_filename (dir, "test.dict.dz", NULL);
  g_autofree char *dictzip = g_find_program_in_path ("dictzip");
  g_autofree char *gzip = g_find_program_in_path ("gzip");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) plain = NULL;
  guint n = build_dictd (dir);

  plain = dict_test_read_all (index, BANSO_DICT_FORMAT_DICTD, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (plain), ==, n);
  g_assert_cmpstr (headword (json_array_get_object_element (plain, 4321)), ==, "từ04321");
  g_assert_cmpstr (definition (json_array_get_object_element (plain, 4321)), ==,
                   "từ04321\n   Nghĩa thứ 4321 của từ: ꪹꪀꪷ kâu, ngắn");

  /* dictzip's random access: the same articles, chunk by chunk. */
  if (dictzip != NULL)
    {
      g_autoptr(JsonArray) zipped = NULL;
      g_autofree char *list = NULL;
      const char *argv[] = { dictzip, "-k", dict, NULL };
      const char *list_argv[] = { dictzip, "-l", dz, NULL };

      g_assert_cmpint (dict_test_run (argv, NULL), ==, 0);
      g_assert_cmpint (dict_test_run (list_argv, &list), ==, 0);
      g_test_message ("%s", list);
      g_remove (dict);
      zipped = dict_test_read_all (index, BANSO_DICT_FORMAT_DICTD, NULL, &error);
      g_assert_no_error (error);
      dict_test_assert_same (plain, zipped);
    }
  else
    {
      g_test_message ("dictzip is not installed: random access not checked");
    }

  /* A plain gzip file has no table of chunks: read from the start. */
  if (gzip != NULL)
    {
      g_autoptr(JsonArray) gzipped = NULL;
      g_autofree char *rebuilt = g_build_filename (dir, "test.dict", NULL);
      g_autofree char *out = NULL;
      const char *argv[] = { gzip, "-c", rebuilt, NULL };

      g_remove (dz);
      build_dictd (dir);
      g_assert_cmpint (dict_test_run (argv, &out), ==, 0);
      g_remove (rebuilt);
      dict_test_write_file (dz, NULL, 0);
      {
        g_autofree char *gz_path = g_strconcat (rebuilt, ".gz", NULL);
        const char *gz_argv[] = { gzip, "-k", "-f", rebuilt, NULL };

        build_dictd (dir);
        g_assert_cmpint (dict_test_run (gz_argv, NULL), ==, 0);
        g_remove (rebuilt);
        g_rename (gz_path, dz);
      }
      gzipped = dict_test_read_all (index, BANSO_DICT_FORMAT_DICTD, NULL, &error);
      g_assert_no_error (error);
      dict_test_assert_same (plain, gzipped);
    }
  dict_test_rmdir (dir);
}

static void
assert_refused (const char *index,
                int         code,
                const char *needle1,
                const char *needle2)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (banso_dict_read (index, BANSO_DICT_FORMAT_DICTD, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, BANSO_DICT_FORMAT_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, needle1));
  if (needle2 != NULL)
    g_assert_nonnull (strstr (error->message, needle2));
}

static void
test_bad (void)
{
  g_autofree char *dir = dict_test_tmpdir ();
  g_autofree char *index = g_build_filename (dir, "test.index", NULL);
  g_autofree char *dict = g_build_filename (dir, "test.dict", NULL);
  g_autofree char *dz = g_build_filename (dir, "test.dict.dz", NULL);
  g_autofree char *dictzip = g_find_program_in_path ("dictzip");
  g_autofree char *good_index = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  build_dictd (dir);
  g_file_get_contents (index, &good_index, &len, &error);
  g_assert_no_error (error);

  dict_test_write_file (index, "alpha\tA\tK\nbeta\tL\t!!\n", -1);
  assert_refused (index, BANSO_DICT_FORMAT_ERROR_MALFORMED, "test.index, line 2", "dictd number");
  dict_test_write_file (index, "alpha\tA\n", -1);
  assert_refused (index, BANSO_DICT_FORMAT_ERROR_MALFORMED, "test.index, line 1", "tabs");
  dict_test_write_file (index, "alpha\tA\tK\n\nbeta\t////\tK\n", -1);
  assert_refused (index, BANSO_DICT_FORMAT_ERROR_MALFORMED, "test.index, line 3", "past the end");
  dict_test_write_file (index, "al\xffpha\tA\tK\n", -1);
  assert_refused (index, BANSO_DICT_FORMAT_ERROR_MALFORMED, "test.index, line 1", "UTF-8");
  dict_test_write_file (index, good_index, len);

  if (dictzip != NULL)
    {
      const char *argv[] = { dictzip, dict, NULL };
      g_autofree char *contents = NULL;
      gsize dz_len;

      g_assert_cmpint (dict_test_run (argv, NULL), ==, 0);
      g_file_get_contents (dz, &contents, &dz_len, &error);
      g_assert_no_error (error);
      dict_test_write_file (dz, contents, dz_len / 2);
      assert_refused (index, BANSO_DICT_FORMAT_ERROR_MALFORMED, "test.dict.dz is cut short", NULL);
      dict_test_write_file (dz, contents, 30);
      assert_refused (index, BANSO_DICT_FORMAT_ERROR_MALFORMED, "test.dict.dz", NULL);
      /* Bytes changed in the middle of a chunk. */
      memset (contents + dz_len / 2, 0x5A, 64);
      dict_test_write_file (dz, contents, dz_len);
      assert_refused (index, BANSO_DICT_FORMAT_ERROR_MALFORMED, "test.dict.dz, byte", "damaged");
    }

  /* A plain gzip file cut short. */
  {
    g_autofree char *gzip = g_find_program_in_path ("gzip");

    if (gzip != NULL)
      {
        g_autofree char *gz = g_strconcat (dict, ".gz", NULL);
        g_autofree char *contents = NULL;
        gsize gz_len;
        const char *argv[] = { gzip, "-f", dict, NULL };

        g_remove (dz);
        build_dictd (dir);
        g_assert_cmpint (dict_test_run (argv, NULL), ==, 0);
        g_file_get_contents (gz, &contents, &gz_len, &error);
        g_assert_no_error (error);
        g_remove (gz);
        dict_test_write_file (dz, contents, gz_len - 100);
        assert_refused (index, BANSO_DICT_FORMAT_ERROR_MALFORMED, "test.dict.dz is cut short", NULL);
      }
  }

  g_remove (dz);
  g_remove (dict);
  assert_refused (index, BANSO_DICT_FORMAT_ERROR_MISSING, "test.dict.dz", NULL);
  g_remove (index);
  assert_refused (index, BANSO_DICT_FORMAT_ERROR_MISSING, "test.index", NULL);
  dict_test_rmdir (dir);
}

/* A dictionary made by Debian's dictfmt from its own "-j" format, then
 * compressed by dictzip. */
static void
test_dictfmt (void)
{
  g_autofree char *dictfmt = g_find_program_in_path ("dictfmt");
  g_autofree char *dictzip = g_find_program_in_path ("dictzip");
  g_autofree char *dir = dict_test_tmpdir ();
  g_autofree char *base = g_build_filename (dir, "thai", NULL);
  g_autofree char *index = g_build_filename (dir, "thai.index", NULL);
  g_autofree char *dict = g_build_filename (dir, "thai.dict", NULL);
  g_autofree char *cwd = g_get_current_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) info = NULL;
  g_autoptr(JsonArray) entries = NULL;
  g_autoptr(JsonArray) zipped = NULL;
  g_autoptr(GHashTable) heads = g_hash_table_new (g_str_hash, g_str_equal);
  guint i;
  int status;

  if (dictfmt == NULL)
    {
      g_test_skip ("Debian's dictfmt is not installed");
      return;
    }
  {
    const char *argv[] = { "/bin/sh", "-c", "printf ':apple:quả táo\\n:nhà:ngôi nhà, house\\n"
                           ":ꪹꪀꪷ:chín (số 9)\\n' | \"$0\" --utf8 -s 'Thái - Việt (thử)' "
                           "-u http://example.org -j \"$1\"", dictfmt, base, NULL };

    status = dict_test_run (argv, NULL);
    g_assert_cmpint (status, ==, 0);
  }
  entries = dict_test_read_all (index, BANSO_DICT_FORMAT_DICTD, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (info, "title"), ==, "Thái - Việt (thử)");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (info, "extra"), "00databaseurl"),
                   ==, "http://example.org");
  g_assert_cmpuint (json_array_get_length (entries), ==, 3);
  for (i = 0; i < 3; i++)
    g_hash_table_add (heads, (gpointer)headword (json_array_get_object_element (entries, i)));
  g_assert_true (g_hash_table_contains (heads, "apple"));
  g_assert_true (g_hash_table_contains (heads, "nhà"));
  /* Left out of dictfmt's index key: found again in its article. */
  g_assert_true (g_hash_table_contains (heads, "ꪹꪀꪷ"));

  if (dictzip != NULL)
    {
      const char *argv[] = { dictzip, dict, NULL };

      g_assert_cmpint (dict_test_run (argv, NULL), ==, 0);
      zipped = dict_test_read_all (index, BANSO_DICT_FORMAT_DICTD, NULL, &error);
      g_assert_no_error (error);
      dict_test_assert_same (entries, zipped);
    }
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  dict_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dict/dictd/debian-freedict", test_debian_freedict);
  g_test_add_func ("/dict/dictd/built", test_built);
  g_test_add_func ("/dict/dictd/dictfmt", test_dictfmt);
  g_test_add_func ("/dict/dictd/bad", test_bad);

  return g_test_run ();
}
