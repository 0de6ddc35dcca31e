/* test-dict-stardict.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-test"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "dict-test-util.h"

#define DEBIAN_CZECH "/usr/share/stardict/dic/czech-cizi.ifo"

static const char tab_words[] =
  "apple\tquả táo\\nmột loại quả\n"
  "book\tquyển sách\n"
  "nhà\thouse, home\n"
  "\xea\xaa\xb9\xea\xaa\x80\xea\xaa\xb7\tchín (số 9)\n"
  "Zebra\tngựa vằn\n";

/* Builds @dir/words.{ifo,idx,dict.dz} with Debian's tabfile. */
static char *
build_with_tabfile (const char *dir)
{
  g_autofree char *tabfile = dict_test_find_tool ("tabfile");
  g_autofree char *txt = g_build_filename (dir, "words.txt", NULL);
  const char *argv[] = { tabfile, txt, NULL };

  if (tabfile == NULL)
    return NULL;
  dict_test_write_file (txt, tab_words, -1);
  g_assert_cmpint (dict_test_run (argv, NULL), ==, 0);
  return g_build_filename (dir, "words.ifo", NULL);
}

static const char *
headword (JsonArray *entries,
          guint      i)
{
  JsonObject *entry = json_array_get_object_element (entries, i);

  return json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (entry, "forms"), 0),
                                        "text");
}

static const char *
definition (JsonArray *entries,
            guint      i)
{
  JsonObject *entry = json_array_get_object_element (entries, i);
  JsonObject *sense = json_array_get_object_element (json_object_get_array_member (entry, "senses"), 0);

  return json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (sense, "definitions"), 0),
                                        "text");
}

static guint
find_word (JsonArray  *entries,
           const char *word)
{
  guint i;

  for (i = 0; i < json_array_get_length (entries); i++)
    {
      if (g_strcmp0 (headword (entries, i), word) == 0)
        return i;
    }
  g_assert_not_reached ();
}

static void
test_debian_czech (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) info = NULL;
  g_autoptr(JsonArray) entries = NULL;
  JsonObject *entry;
  JsonObject *form;
  guint i;

  if (!g_file_test (DEBIAN_CZECH, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("Debian's stardict-czech is not installed");
      return;
    }
  g_assert_cmpint (banso_dict_format_guess (DEBIAN_CZECH), ==, BANSO_DICT_FORMAT_STARDICT);
  g_assert_cmpint (banso_dict_format_guess ("/usr/share/stardict/dic/czech-cizi.dict.dz"), ==,
                   BANSO_DICT_FORMAT_STARDICT);

  entries = dict_test_read_all (DEBIAN_CZECH, BANSO_DICT_FORMAT_UNKNOWN, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (entries), ==, 18259);
  g_assert_cmpstr (json_object_get_string_member (info, "title"), ==, "Slovník cizích slov");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (info, "extra"), "sametypesequence"),
                   ==, "g");

  /* Pango markup: plain text for searching, the markup kept beside it; the
   * last articles sit in the last of the 23 chunks of the .dict.dz. */
  for (i = 0; i < json_array_get_length (entries); i += 997)
    {
      const char *text = definition (entries, i);

      g_assert_nonnull (text);
      g_assert_cmpuint (strlen (text), >, 0);
      g_assert_null (strchr (text, '<'));
    }
  entry = json_array_get_object_element (entries, json_array_get_length (entries) - 1);
  form = json_array_get_object_element (json_object_get_array_member (json_array_get_object_element (json_object_get_array_member (entry, "senses"), 0),
                                                                      "definitions"), 0);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (form, "markup"), "type"), ==, "g");

  /* The same article as sdcv shows. */
  {
    g_autofree char *sdcv = g_find_program_in_path ("sdcv");
    g_autofree char *out = NULL;
    g_autofree char *dir = dict_test_tmpdir ();
    const char *word = headword (entries, 5000);
    const char *argv[] = { sdcv, "-n", "--utf8-output", "--data-dir", "/usr/share/stardict/dic", word, NULL };
    g_autofree char *first_line = g_strdup (definition (entries, 5000));

    if (sdcv != NULL)
      {
        g_setenv ("HOME", dir, TRUE);
        g_assert_cmpint (dict_test_run (argv, &out), ==, 0);
        if (strchr (first_line, '\n') != NULL)
          *strchr (first_line, '\n') = '\0';
        g_assert_nonnull (strstr (out, g_strstrip (first_line)));
      }
    dict_test_rmdir (dir);
  }
}

static void
test_tabfile (void)
{
  g_autofree char *dir = dict_test_tmpdir ();
  g_autofree char *ifo = build_with_tabfile (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) info = NULL;
  g_autoptr(JsonArray) entries = NULL;

  if (ifo == NULL)
    {
      g_test_skip ("Debian's stardict-tools is not installed");
      return;
    }
  entries = dict_test_read_all (ifo, BANSO_DICT_FORMAT_STARDICT, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (entries), ==, 5);
  g_assert_cmpstr (definition (entries, find_word (entries, "apple")), ==, "quả táo\nmột loại quả");
  g_assert_cmpstr (definition (entries, find_word (entries, "nhà")), ==, "house, home");
  g_assert_cmpstr (definition (entries, find_word (entries, "\xea\xaa\xb9\xea\xaa\x80\xea\xaa\xb7")), ==,
                   "chín (số 9)");
  g_assert_cmpstr (json_object_get_string_member (info, "title"), ==, "words");

  /* A gzipped .idx: idxfilesize is the size of the index unpacked. */
  {
    g_autofree char *gzip = g_find_program_in_path ("gzip");
    g_autofree char *idx = g_build_filename (dir, "words.idx", NULL);
    g_autoptr(JsonArray) again = NULL;
    const char *argv[] = { gzip, idx, NULL };

    if (gzip != NULL)
      {
        g_assert_cmpint (dict_test_run (argv, NULL), ==, 0);
        g_assert_false (g_file_test (idx, G_FILE_TEST_EXISTS));
        again = dict_test_read_all (ifo, BANSO_DICT_FORMAT_STARDICT, NULL, &error);
        g_assert_no_error (error);
        dict_test_assert_same (entries, again);
      }
  }
  dict_test_rmdir (dir);
}

static void
append_be (GByteArray *out,
           guint64     value,
           guint       bytes)
{
  while (bytes-- > 0)
    {
      guint8 b = (value >> (8 * bytes)) & 0xFF;

      g_byte_array_append (out, &b, 1);
    }
}

/* Rewrites words.idx with @offset_bytes-wide offsets and @size_bytes-wide
 * sizes (each number in the first 4 bytes of its field when @padded). */
static gsize
rewrite_idx (const char *dir,
             guint       offset_bytes,
             guint       size_bytes,
             gboolean    padded)
{
  g_autofree char *idx = g_build_filename (dir, "words.idx", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  gsize len;
  gsize pos = 0;

  g_file_get_contents (idx, &contents, &len, &error);
  g_assert_no_error (error);
  while (pos < len)
    {
      gsize word_len = strlen (contents + pos);
      const guchar *p = (const guchar *)contents + pos + word_len + 1;
      guint32 offset = ((guint32)p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3];
      guint32 size = ((guint32)p[4] << 24) | (p[5] << 16) | (p[6] << 8) | p[7];

      g_byte_array_append (out, (const guint8 *)contents + pos, word_len + 1);
      if (padded)
        {
          append_be (out, offset, 4);
          append_be (out, 0, 4);
          append_be (out, size, 4);
          append_be (out, 0, 4);
        }
      else
        {
          append_be (out, offset, offset_bytes);
          append_be (out, size, size_bytes);
        }
      pos += word_len + 9;
    }
  dict_test_write_file (idx, out->data, out->len);
  return out->len;
}

static void
write_ifo (const char *dir,
           const char *version,
           const char *wordcount,
           gsize       idxfilesize,
           const char *more)
{
  g_autofree char *ifo = g_build_filename (dir, "words.ifo", NULL);
  g_autofree char *text = g_strdup_printf ("StarDict's dict ifo file\nversion=%s\nwordcount=%s\n"
                                           "idxfilesize=%" G_GSIZE_FORMAT "\nbookname=words\n"
                                           "sametypesequence=m\n%s",
                                           version, wordcount, idxfilesize, more);

  dict_test_write_file (ifo, text, -1);
}

static void
test_offset_bits_64 (void)
{
  g_autofree char *dir = dict_test_tmpdir ();
  g_autofree char *ifo = build_with_tabfile (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) entries32 = NULL;
  g_autoptr(JsonArray) entries64 = NULL;
  gsize len;

  if (ifo == NULL)
    {
      g_test_skip ("Debian's stardict-tools is not installed");
      return;
    }
  entries32 = dict_test_read_all (ifo, BANSO_DICT_FORMAT_STARDICT, NULL, &error);
  g_assert_no_error (error);

  len = rewrite_idx (dir, 8, 4, FALSE);
  write_ifo (dir, "3.0.0", "5", len, "idxoffsetbits=64\n");
  entries64 = dict_test_read_all (ifo, BANSO_DICT_FORMAT_STARDICT, NULL, &error);
  g_assert_no_error (error);
  dict_test_assert_same (entries32, entries64);

  /* The same index said to be 32-bit: a record width error, not garbage. */
  write_ifo (dir, "2.4.2", "5", len, "");
  g_assert_null (dict_test_read_all (ifo, BANSO_DICT_FORMAT_STARDICT, NULL, &error));
  g_assert_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "words.idx has 12 bytes"));
  g_assert_nonnull (strstr (error->message, "idxoffsetbits=32"));
  dict_test_rmdir (dir);
}

/* stardict-tools' dictd2dic writes each 32-bit number into 8 bytes on amd64. */
static void
test_dictd2dic_width (void)
{
  g_autofree char *dictd2dic = dict_test_find_tool ("dictd2dic");
  g_autofree char *dir = dict_test_tmpdir ();
  g_autofree char *index = g_build_filename (dir, "freedict-eng-swh.index", NULL);
  g_autofree char *dz = g_build_filename (dir, "freedict-eng-swh.dict.dz", NULL);
  g_autoptr(GDir) d = NULL;
  g_autofree char *ifo = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  if (dictd2dic == NULL || !g_file_test ("/usr/share/dictd/freedict-eng-swh.index", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("stardict-tools or dict-freedict-eng-swh is not installed");
      return;
    }
  dict_test_truncate ("/usr/share/dictd/freedict-eng-swh.index", index, 19292);
  dict_test_truncate ("/usr/share/dictd/freedict-eng-swh.dict.dz", dz, 18409);
  {
    const char *argv[] = { dictd2dic, "freedict-eng-swh", NULL };
    g_autofree char *cwd = g_get_current_dir ();

    g_assert_cmpint (g_chdir (dir), ==, 0);
    g_assert_cmpint (dict_test_run (argv, NULL), ==, 0);
    g_assert_cmpint (g_chdir (cwd), ==, 0);
  }
  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      if (g_str_has_suffix (name, ".ifo"))
        ifo = g_build_filename (dir, name, NULL);
    }
  g_assert_nonnull (ifo);

  g_assert_null (dict_test_read_all (ifo, BANSO_DICT_FORMAT_STARDICT, NULL, &error));
  g_assert_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, ".idx has 16 bytes"));
  g_assert_nonnull (strstr (error->message, "dictd2dic"));
  dict_test_rmdir (dir);
}

static void
assert_refused (const char *ifo,
                int         code,
                const char *needle1,
                const char *needle2)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_false (banso_dict_read (ifo, BANSO_DICT_FORMAT_STARDICT, NULL, NULL, NULL, &n, NULL, &error));
  g_assert_error (error, BANSO_DICT_FORMAT_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, needle1));
  if (needle2 != NULL)
    g_assert_nonnull (strstr (error->message, needle2));
}

static void
test_lies_and_damage (void)
{
  g_autofree char *dir = dict_test_tmpdir ();
  g_autofree char *ifo = build_with_tabfile (dir);
  g_autofree char *idx = g_build_filename (dir, "words.idx", NULL);
  g_autofree char *dz = g_build_filename (dir, "words.dict.dz", NULL);
  g_autofree char *saved_dz = g_build_filename (dir, "saved.dz", NULL);
  g_autofree char *idx_size = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  g_autofree char *contents = NULL;

  if (ifo == NULL)
    {
      g_test_skip ("Debian's stardict-tools is not installed");
      return;
    }
  g_file_get_contents (idx, &contents, &len, &error);
  g_assert_no_error (error);

  write_ifo (dir, "2.4.2", "6", len, "");
  assert_refused (ifo, BANSO_DICT_FORMAT_ERROR_MALFORMED, "wordcount=6", "holds 5 words");
  write_ifo (dir, "2.4.2", "5", len + 3, "");
  idx_size = g_strdup_printf ("idxfilesize=%" G_GSIZE_FORMAT, len + 3);
  assert_refused (ifo, BANSO_DICT_FORMAT_ERROR_MALFORMED, idx_size, "words.idx");
  write_ifo (dir, "2.4.2", "lots", len, "");
  assert_refused (ifo, BANSO_DICT_FORMAT_ERROR_MALFORMED, "wordcount", "lots");
  dict_test_write_file (ifo, "StarDict's dict ifo file\nversion=2.4.2\nbookname=x\n", -1);
  assert_refused (ifo, BANSO_DICT_FORMAT_ERROR_MALFORMED, "words.ifo has no field wordcount", NULL);
  dict_test_write_file (ifo, "Not a dictionary\n", -1);
  assert_refused (ifo, BANSO_DICT_FORMAT_ERROR_MALFORMED, "words.ifo, line 1", NULL);

  /* A damaged .idx: its last record cut short. */
  write_ifo (dir, "2.4.2", "5", len - 2, "");
  dict_test_truncate (idx, idx, len - 2);
  assert_refused (ifo, BANSO_DICT_FORMAT_ERROR_MALFORMED, "words.idx, byte", NULL);
  dict_test_write_file (idx, contents, len);
  write_ifo (dir, "2.4.2", "5", len, "");

  /* A cut .dict.dz: its chunk table says more than there is. */
  dict_test_truncate (dz, saved_dz, 0 + 1);
  g_remove (saved_dz);
  {
    g_autofree char *dz_contents = NULL;
    gsize dz_len;

    g_file_get_contents (dz, &dz_contents, &dz_len, &error);
    g_assert_no_error (error);
    dict_test_write_file (saved_dz, dz_contents, dz_len);
    dict_test_write_file (dz, dz_contents, dz_len - 20);
    assert_refused (ifo, BANSO_DICT_FORMAT_ERROR_MALFORMED, "words.dict.dz is cut short", NULL);

    /* Its compressed bytes damaged. */
    memset (dz_contents + dz_len - 40, 0xA5, 12);
    dict_test_write_file (dz, dz_contents, dz_len);
    assert_refused (ifo, BANSO_DICT_FORMAT_ERROR_MALFORMED, "words.dict.dz", NULL);
  }

  /* Missing files. */
  g_remove (dz);
  assert_refused (ifo, BANSO_DICT_FORMAT_ERROR_MISSING, "words.dict", NULL);
  g_remove (idx);
  assert_refused (ifo, BANSO_DICT_FORMAT_ERROR_MISSING, "words.idx", NULL);
  g_remove (ifo);
  {
    g_autofree char *dict = g_build_filename (dir, "words.dict", NULL);

    dict_test_write_file (dict, "x", 1);
    assert_refused (dict, BANSO_DICT_FORMAT_ERROR_MISSING, "words.ifo", NULL);
  }
  dict_test_rmdir (dir);
}

/* sametypesequence=tm: the phonetic field ends with a NUL, the last field
 * runs to the end of the article; h and x are markup kept beside the text. */
static void
test_type_sequences (void)
{
  g_autofree char *dir = dict_test_tmpdir ();
  g_autofree char *ifo = g_build_filename (dir, "t.ifo", NULL);
  g_autofree char *idx_path = g_build_filename (dir, "t.idx", NULL);
  g_autofree char *dict_path = g_build_filename (dir, "t.dict", NULL);
  g_autofree char *ifo_text = NULL;
  static const char articles[] = "paw\0(Noun) bố" "kaw\0chín";
  g_autoptr(GByteArray) idx = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) entries = NULL;
  JsonObject *entry;
  JsonObject *form;

  g_byte_array_append (idx, (const guint8 *)"kau\0", 4);
  append_be (idx, strlen ("paw") + 1 + strlen ("(Noun) bố"), 4);
  append_be (idx, strlen ("kaw") + 1 + strlen ("chín"), 4);
  g_byte_array_append (idx, (const guint8 *)"pau\0", 4);
  append_be (idx, 0, 4);
  append_be (idx, strlen ("paw") + 1 + strlen ("(Noun) bố"), 4);
  dict_test_write_file (idx_path, idx->data, idx->len);
  dict_test_write_file (dict_path, articles, sizeof articles - 1);
  ifo_text = g_strdup_printf ("StarDict's dict ifo file\nversion=2.4.2\nbookname=t\nwordcount=2\n"
                              "idxfilesize=%u\nsametypesequence=tm\n", idx->len);
  dict_test_write_file (ifo, ifo_text, -1);

  entries = dict_test_read_all (ifo, BANSO_DICT_FORMAT_STARDICT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (entries), ==, 2);
  entry = json_array_get_object_element (entries, 1);
  g_assert_cmpstr (headword (entries, 1), ==, "pau");
  g_assert_cmpstr (definition (entries, 1), ==, "(Noun) bố");
  form = json_array_get_object_element (json_object_get_array_member (json_array_get_object_element (json_object_get_array_member (entry, "pronunciations"), 0),
                                                                      "forms"), 0);
  g_assert_cmpstr (json_object_get_string_member (form, "text"), ==, "paw");
  g_assert_cmpstr (json_object_get_string_member (form, "ws"), ==, "und-fonipa");
  g_assert_cmpstr (definition (entries, 0), ==, "chín");
  g_clear_pointer (&entries, json_array_unref);

  /* One HTML and one XDXF article, each with its type. */
  {
    static const char typed[] = "h<b>bố</b>&amp;<br>cha\0" "x<k>mẹ</k> &lt;má&gt;\0";
    g_autoptr(GByteArray) idx2 = g_byte_array_new ();
    gsize first = strlen ("h<b>bố</b>&amp;<br>cha") + 1;

    g_byte_array_append (idx2, (const guint8 *)"a\0", 2);
    append_be (idx2, 0, 4);
    append_be (idx2, first, 4);
    g_byte_array_append (idx2, (const guint8 *)"b\0", 2);
    append_be (idx2, first, 4);
    append_be (idx2, sizeof typed - 1 - first, 4);
    dict_test_write_file (idx_path, idx2->data, idx2->len);
    dict_test_write_file (dict_path, typed, sizeof typed - 1);
    g_free (ifo_text);
    ifo_text = g_strdup_printf ("StarDict's dict ifo file\nversion=2.4.2\nbookname=t\nwordcount=2\n"
                                "idxfilesize=%u\n", idx2->len);
    dict_test_write_file (ifo, ifo_text, -1);
    entries = dict_test_read_all (ifo, BANSO_DICT_FORMAT_STARDICT, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (definition (entries, 0), ==, "bố&\ncha");
    g_assert_cmpstr (definition (entries, 1), ==, "mẹ <má>");
    form = json_array_get_object_element (json_object_get_array_member (json_array_get_object_element (json_object_get_array_member (json_array_get_object_element (entries, 0), "senses"), 0),
                                                                        "definitions"), 0);
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (form, "markup"), "data"), ==,
                     "<b>bố</b>&amp;<br>cha");
  }
  dict_test_rmdir (dir);
}

static JsonObject *
make_entry (const char *word,
            const char *gloss_vi,
            const char *variant,
            const char *ipa)
{
  JsonObject *entry = json_object_new ();
  JsonArray *forms = json_array_new ();
  JsonArray *senses = json_array_new ();
  JsonObject *sense = json_object_new ();
  JsonArray *glosses = json_array_new ();
  JsonObject *form = json_object_new ();

  json_object_set_string_member (form, "ws", "blt-Latn");
  json_object_set_string_member (form, "text", word);
  json_array_add_object_element (forms, form);
  json_object_set_array_member (entry, "forms", forms);
  form = json_object_new ();
  json_object_set_string_member (form, "ws", "vi");
  json_object_set_string_member (form, "text", gloss_vi);
  json_array_add_object_element (glosses, form);
  json_object_set_array_member (sense, "glosses", glosses);
  json_object_set_string_member (sense, "pos", "Noun");
  json_array_add_object_element (senses, sense);
  json_object_set_array_member (entry, "senses", senses);
  if (variant != NULL)
    {
      JsonObject *v = json_object_new ();
      JsonArray *vforms = json_array_new ();

      form = json_object_new ();
      json_object_set_string_member (form, "ws", "blt-Latn");
      json_object_set_string_member (form, "text", variant);
      json_array_add_object_element (vforms, form);
      json_object_set_array_member (v, "forms", vforms);
      json_object_set_array_member (entry, "variants", json_array_new ());
      json_array_add_object_element (json_object_get_array_member (entry, "variants"), v);
    }
  if (ipa != NULL)
    {
      JsonObject *p = json_object_new ();
      JsonArray *pforms = json_array_new ();

      form = json_object_new ();
      json_object_set_string_member (form, "ws", "blt-fonipa");
      json_object_set_string_member (form, "text", ipa);
      json_array_add_object_element (pforms, form);
      json_object_set_array_member (p, "forms", pforms);
      json_object_set_array_member (entry, "pronunciations", json_array_new ());
      json_array_add_object_element (json_object_get_array_member (entry, "pronunciations"), p);
    }
  return entry;
}

static void
test_writer (void)
{
  g_autofree char *dir = dict_test_tmpdir ();
  g_autofree char *ifo = g_build_filename (dir, "thai.ifo", NULL);
  g_autofree char *syn = g_build_filename (dir, "thai.syn", NULL);
  g_autoptr(JsonArray) entries = json_array_new ();
  g_autoptr(JsonArray) back = NULL;
  g_autoptr(JsonObject) info = json_object_new ();
  g_autoptr(JsonObject) info_back = NULL;
  g_autoptr(GError) error = NULL;
  guint i;

  json_array_add_object_element (entries, make_entry ("pảu", "bố", "pẩu", "paw˧˥"));
  json_array_add_object_element (entries, make_entry ("Mè", "mẹ", NULL, NULL));
  json_array_add_object_element (entries, make_entry ("ăn", "ăn (cơm)", NULL, NULL));
  json_array_add_object_element (entries, make_entry ("bản", "làng, bản", "bạn", NULL));
  json_object_set_string_member (info, "title", "Thái – Việt (mẫu)");
  json_object_set_string_member (info, "description", "Dòng một\nDòng hai");

  g_assert_true (dict_test_write_all (ifo, BANSO_DICT_FORMAT_STARDICT, info, entries, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (syn, G_FILE_TEST_IS_REGULAR));

  back = dict_test_read_all (ifo, BANSO_DICT_FORMAT_UNKNOWN, &info_back, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (back), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (info_back, "title"), ==, "Thái – Việt (mẫu)");
  g_assert_cmpstr (json_object_get_string_member (info_back, "description"), ==, "Dòng một\nDòng hai");
  /* Sorted as StarDict searches: ASCII case folded, then bytes. */
  g_assert_cmpstr (headword (back, 0), ==, "bản");
  g_assert_cmpstr (headword (back, 1), ==, "Mè");
  g_assert_cmpstr (headword (back, 2), ==, "pảu");
  g_assert_cmpstr (headword (back, 3), ==, "ăn");
  g_assert_cmpstr (definition (back, 2), ==, "(Noun) bố");
  {
    JsonObject *pau = json_array_get_object_element (back, 2);
    JsonArray *variants = json_object_get_array_member (pau, "variants");
    JsonArray *prons = json_object_get_array_member (pau, "pronunciations");

    g_assert_cmpuint (json_array_get_length (variants), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (json_array_get_object_element (variants, 0), "forms"), 0),
                                                    "text"), ==, "pẩu");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (json_array_get_object_element (prons, 0), "forms"), 0),
                                                    "text"), ==, "paw˧˥");
  }

  /* StarDict's own tools agree: sdcv finds a word and a variant, stardict-verify passes. */
  {
    g_autofree char *sdcv = g_find_program_in_path ("sdcv");
    g_autofree char *verify = dict_test_find_tool ("stardict-verify");

    if (sdcv != NULL)
      {
        const char *words[] = { "pảu", "pẩu", "bản", "ăn" };

        g_setenv ("HOME", dir, TRUE);
        for (i = 0; i < G_N_ELEMENTS (words); i++)
          {
            g_autofree char *out = NULL;
            const char *argv[] = { sdcv, "-n", "--utf8-output", "--data-dir", dir, "-e", words[i], NULL };

            g_assert_cmpint (dict_test_run (argv, &out), ==, 0);
            g_test_message ("%s", out);
            g_assert_null (strstr (out, "Nothing similar"));
          }
      }
    if (verify != NULL)
      {
        g_autofree char *out = NULL;
        const char *argv[] = { verify, ifo, NULL };

        dict_test_run (argv, &out);
        g_assert_nonnull (strstr (out, "Verification result: OK"));
      }
  }
  dict_test_rmdir (dir);
}

/* Debian's dictionary read, written and read again keeps its articles. */
static void
test_round_trip_czech (void)
{
  g_autofree char *dir = dict_test_tmpdir ();
  g_autofree char *ifo = g_build_filename (dir, "czech.ifo", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) info = NULL;
  g_autoptr(JsonArray) entries = NULL;
  g_autoptr(JsonArray) again = NULL;

  if (!g_file_test (DEBIAN_CZECH, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("Debian's stardict-czech is not installed");
      return;
    }
  entries = dict_test_read_all (DEBIAN_CZECH, BANSO_DICT_FORMAT_STARDICT, &info, &error);
  g_assert_no_error (error);
  g_assert_true (dict_test_write_all (ifo, BANSO_DICT_FORMAT_STARDICT, info, entries, &error));
  g_assert_no_error (error);
  again = dict_test_read_all (ifo, BANSO_DICT_FORMAT_STARDICT, NULL, &error);
  g_assert_no_error (error);
  dict_test_assert_same (entries, again);
  dict_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dict/stardict/debian-czech", test_debian_czech);
  g_test_add_func ("/dict/stardict/tabfile", test_tabfile);
  g_test_add_func ("/dict/stardict/offset-bits-64", test_offset_bits_64);
  g_test_add_func ("/dict/stardict/dictd2dic-width", test_dictd2dic_width);
  g_test_add_func ("/dict/stardict/lies-and-damage", test_lies_and_damage);
  g_test_add_func ("/dict/stardict/type-sequences", test_type_sequences);
  g_test_add_func ("/dict/stardict/writer", test_writer);
  g_test_add_func ("/dict/stardict/round-trip-czech", test_round_trip_czech);

  return g_test_run ();
}
