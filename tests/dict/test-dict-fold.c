/* test-dict-fold.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dictionary's folding, alphabet order and language table, on real
 * Vietnamese, Tai Viet, Cham and Mông words.
 */

#include <glib.h>
#include <string.h>

#include "banso-dict-fold.h"
#include "banso-dict-language.h"

static void
assert_fold (const char         *input,
             BansoDictFoldFlags  flags,
             const char         *expected)
{
  g_autofree char *key = banso_dict_fold (input, flags);

  g_assert_cmpstr (key, ==, expected);
}

static void
assert_same_key (const char *a,
                 const char *b)
{
  g_autofree char *ka = banso_dict_fold (a, 0);
  g_autofree char *kb = banso_dict_fold (b, 0);

  g_assert_cmpstr (ka, ==, kb);
}

static void
test_fold_vietnamese (void)
{
  assert_fold ("Đặng Thị Hường", 0, "dang thi huong");
  assert_fold ("ĐỒNG BÀO", 0, "dong bao");
  assert_fold ("nhà", 0, "nha");
  /* Decomposed input (as some keyboards type it) folds the same. */
  assert_same_key ("ngựa", "ngu\xcc\x9b\xcc\xa3" "a");
  assert_same_key ("Ê Đê", "e de");
}

static void
test_fold_tai_viet (void)
{
  g_autofree char *me = banso_dict_fold ("ꪵꪢ꪿", 0);          /* mẹ: pre-base e */
  g_autofree char *muang = banso_dict_fold ("ꪹꪢꪉ", 0);       /* mường: pre-base ưa */
  g_autofree char *kin = banso_dict_fold ("ꪁꪲꪙ", 0);         /* kin: vowel sign i above */
  g_autofree char *typed = NULL;

  /* The pre-base vowel goes after its consonant: the key begins with it. */
  g_assert_cmpstr (me, ==, "ꪢꪵ");
  g_assert_true (g_str_has_prefix (muang, "ꪢ"));
  g_assert_cmpstr (muang, ==, "ꪢꪹꪉ");
  /* The name of the language in CLDR's blt.xml: ai before the consonant. */
  assert_fold ("ꪼꪕꪒꪾ", 0, "ꪕꪼꪒꪾ");
  /* Vowel signs stay. */
  g_assert_nonnull (strstr (kin, "ꪲ"));
  g_assert_cmpstr (kin, ==, "ꪁꪲꪙ");
  /* Both placements of a tone mark (MAI THO after the consonant or after
   * the vowel), and none at all, give one key. */
  assert_same_key ("ꪢꪱ꫁", "ꪢ꫁ꪱ");
  assert_same_key ("ꪢꪱ꫁", "ꪢꪱ");
  assert_same_key ("ꪵꪢ꪿", "ꪵ꪿ꪢ");
  /* The tone letters MAI NUENG and MAI SONG fold away too. */
  assert_same_key ("ꪣꪱꫀ", "ꪣꪱ");
  assert_same_key ("ꪣꪱꫂ", "ꪣꪱ");
  /* Typed in visual order: the pre-base vowel waits for its consonant. */
  typed = banso_dict_fold_typed ("ꪵ", 0);
  g_assert_cmpstr (typed, ==, "");
  g_clear_pointer (&typed, g_free);
  typed = banso_dict_fold_typed ("ꪵꪢ", 0);
  g_assert_cmpstr (typed, ==, me);
  g_clear_pointer (&typed, g_free);
  typed = banso_dict_fold_typed ("ꪢꪱ ꪹ", 0);
  g_assert_cmpstr (typed, ==, "ꪢꪱ");
}

static void
test_fold_cham (void)
{
  /* ꨌꩌ "Cam" (the Cham) and ꨌꨪꩌ "cim" (bird) differ by the vowel sign I. */
  g_autofree char *cam = banso_dict_fold ("ꨌꩌ", 0);
  g_autofree char *cim = banso_dict_fold ("ꨌꨪꩌ", 0);

  g_assert_cmpstr (cam, !=, cim);
  g_assert_cmpstr (cim, ==, "ꨌꨪꩌ");
}

static void
test_fold_rpa (void)
{
  assert_fold ("tsev", 0, "tsev");
  assert_fold ("tsev", BANSO_DICT_FOLD_IGNORE_FINAL_TONE, "tse");
  assert_fold ("Poj niam", BANSO_DICT_FOLD_IGNORE_FINAL_TONE, "po nia");
  assert_fold ("ntxhais", BANSO_DICT_FOLD_IGNORE_FINAL_TONE, "ntxhai");
  assert_fold ("kuv", BANSO_DICT_FOLD_IGNORE_FINAL_TONE, "ku");
  /* No tone letter (the mid tone), or a consonant after a consonant: kept. */
  assert_fold ("ua si", BANSO_DICT_FOLD_IGNORE_FINAL_TONE, "ua si");
  assert_fold ("Hmoob", BANSO_DICT_FOLD_IGNORE_FINAL_TONE, "hmoo");
}

static int
compare_keys (GBytes *a,
              GBytes *b)
{
  return g_bytes_compare (a, b);
}

static void
assert_order (const char * const *words,
              const char         *lang)
{
  for (guint i = 0; words[i + 1] != NULL; i++)
    {
      g_autoptr(GBytes) a = banso_dict_sort_key (words[i], lang);
      g_autoptr(GBytes) b = banso_dict_sort_key (words[i + 1], lang);

      if (compare_keys (a, b) >= 0)
        g_error ("“%s” should sort before “%s” in %s", words[i], words[i + 1], lang);
    }
}

static void
test_sort_vietnamese (void)
{
  /* Dictionary order: letters (ă, â, đ, ê… and the digraphs are letters of
   * their own), then the tones ngang, huyền, hỏi, ngã, sắc, nặng. */
  static const char * const words[] = {
    "a", "à", "ả", "ã", "á", "ạ", "an", "ăn", "ân", "ba", "bà", "cá", "cửa", "cháu", "da", "dê",
    "đá", "đi", "em", "ê", "gà", "gỗ", "ghế", "gì", "hoa", "khảu", "mạ", "mẹ", "mường", "nà",
    "nga", "ngà", "nghé", "nhà", "ơn", "phai", "quả", "thóc", "trâu", "ưa", "xòe", "y", NULL
  };

  assert_order (words, "vi");
  /* Thái in Latin letters follows the same alphabet. */
  assert_order (words, "blt-Latn");
}

static void
test_sort_rpa (void)
{
  /* Clusters are letters: "ntxh" words come after "nt" words. */
  static const char * const words[] = {
    "cawv", "cuaj", "dej", "dev", "hli", "hnub", "kaum", "ntoo", "ntses", "ntxhais", "nyab",
    "peb", "plaub", "tes", "tsev", "txiv", NULL
  };
  g_autoptr(GBytes) nt = banso_dict_letter_key ("nt", "hnj");
  g_autoptr(GBytes) ntoo = banso_dict_sort_key ("ntoo", "hnj");
  g_autoptr(GBytes) ntxhais = banso_dict_sort_key ("ntxhais", "hnj");

  assert_order (words, "hnj");
  g_assert_cmpint (memcmp (g_bytes_get_data (ntoo, NULL), g_bytes_get_data (nt, NULL),
                           g_bytes_get_size (nt)), ==, 0);
  g_assert_cmpint (memcmp (g_bytes_get_data (ntxhais, NULL), g_bytes_get_data (nt, NULL),
                           g_bytes_get_size (nt)), !=, 0);
}

/* The exemplar characters of CLDR's blt.xml, in its order. */
static GArray *
read_cldr_exemplars (void)
{
  const char *data = g_getenv ("BANSO_DICT_DATA_DIR");
  g_autofree char *path = g_build_filename (data ? data : "/work/shared/data/dict", "..", "scripts",
                                            "blt.xml", NULL);
  g_autofree char *xml = NULL;
  g_autoptr(GError) error = NULL;
  GArray *chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  const char *start, *end;

  g_file_get_contents (path, &xml, NULL, &error);
  g_assert_no_error (error);
  start = strstr (xml, "<exemplarCharacters draft=\"unconfirmed\">[");
  g_assert_nonnull (start);
  start = strchr (start, '[') + 1;
  end = strchr (start, ']');
  g_assert_nonnull (end);
  for (const char *p = start; p < end;)
    {
      gunichar c;

      if (*p == ' ')
        {
          p++;
          continue;
        }
      if (p[0] == '\\' && p[1] == 'u')
        {
          char hex[5] = { p[2], p[3], p[4], p[5], 0 };

          c = (gunichar)g_ascii_strtoull (hex, NULL, 16);
          p += 6;
        }
      else
        {
          c = g_utf8_get_char (p);
          p = g_utf8_next_char (p);
        }
      g_array_append_val (chars, c);
    }
  return chars;
}

static void
test_sort_tai_viet (void)
{
  g_autoptr(GArray) chars = read_cldr_exemplars ();
  g_autoptr(GBytes) previous = NULL;
  guint letters = 0;
  static const char * const words[] = {
    /* By consonant, whatever vowel is written before it. */
    "ꪀ", "ꪁꪲꪙ", "ꪹꪁ", "ꪼꪁ꪿", "ꪏꪱꪢ", "ꪏꪲꪚ", "ꪹꪏ꫁", "ꪕ", "ꪼꪕꪒꪾ", "ꪢꪱ꫁", "ꪵꪢ꪿", "ꪹꪢꪉ", NULL
  };

  g_assert_cmpuint (chars->len, >, 50);
  for (guint i = 0; i < chars->len; i++)
    {
      gunichar c = g_array_index (chars, gunichar, i);
      char text[8] = { 0 };
      g_autoptr(GBytes) key = NULL;

      /* The tone marks CLDR lists are not letters: they fold away. */
      if (c >= 0xAABF && c <= 0xAAC2)
        {
          g_autofree char *folded = NULL;

          g_unichar_to_utf8 (c, text);
          folded = banso_dict_fold (text, 0);
          g_assert_cmpstr (folded, ==, "");
          continue;
        }
      g_unichar_to_utf8 (c, text);
      key = banso_dict_letter_key (text, "blt-Tavt");
      g_assert_cmpuint (g_bytes_get_size (key), ==, 2);
      if (previous != NULL && g_bytes_compare (previous, key) >= 0)
        g_error ("U+%04X is out of CLDR's order", c);
      g_clear_pointer (&previous, g_bytes_unref);
      previous = g_steal_pointer (&key);
      letters++;
    }
  g_assert_cmpuint (letters, >=, 50);
  assert_order (words, "blt");

  /* Browsing the letter ꪢ lists ꪵꪢ꪿ (mẹ) and ꪹꪢꪉ (mường). */
  {
    g_autoptr(GBytes) mo = banso_dict_letter_key ("ꪢ", "blt");
    g_autoptr(GBytes) me = banso_dict_sort_key ("ꪵꪢ꪿", "blt");

    g_assert_cmpint (memcmp (g_bytes_get_data (me, NULL), g_bytes_get_data (mo, NULL), 2), ==, 0);
  }
}

static void
test_edit_distance (void)
{
  g_assert_cmpuint (banso_dict_edit_distance ("tsev", "tsev", 2), ==, 0);
  g_assert_cmpuint (banso_dict_edit_distance ("tsev", "tseb", 2), ==, 1);
  g_assert_cmpuint (banso_dict_edit_distance ("tsev", "tsib", 2), ==, 2);
  g_assert_cmpuint (banso_dict_edit_distance ("ab", "abcd", 2), ==, 2);
  g_assert_cmpuint (banso_dict_edit_distance ("a", "abcd", 2), ==, 3);
  g_assert_cmpuint (banso_dict_edit_distance ("kaum", "plaub", 2), ==, 3);
  /* Characters, not bytes. */
  g_assert_cmpuint (banso_dict_edit_distance ("ꪢꪵ", "ꪢꪹ", 2), ==, 1);
  g_assert_cmpuint (banso_dict_edit_distance ("ꨌꩌ", "ꨌꨪꩌ", 2), ==, 1);
}

static void
test_languages (void)
{
  static const char * const codes[] = {
    "vi", "blt", "hnj", "rad", "cjm", "km", "tyz", "nut", "mtq", "bdq", "jra", "kpm", "ium", "en", NULL
  };
  const BansoDictLanguage *blt = banso_dict_language_lookup ("blt");
  g_autoptr(GPtrArray) letters = NULL;

  for (guint i = 0; codes[i] != NULL; i++)
    {
      const BansoDictLanguage *l = banso_dict_language_lookup (codes[i]);

      g_assert_nonnull (l);
      g_assert_cmpstr (l->code, ==, codes[i]);
      g_assert_nonnull (l->name_vi);
      g_assert_nonnull (l->name_own);
      g_assert_nonnull (l->scripts[0]);
      g_assert_nonnull (l->keyboard);
      for (guint j = 0; l->scripts[j] != NULL; j++)
        {
          g_assert_true (banso_dict_tag_is_valid (l->scripts[j]));
          g_assert_nonnull (l->alphabets[j]);
        }
    }
  g_assert_true (banso_dict_language_lookup ("blt-Latn") == blt);
  g_assert_true (banso_dict_language_lookup ("BLT-Tavt") == blt);
  g_assert_true (banso_dict_language_lookup ("twh") == blt);
  g_assert_null (banso_dict_language_lookup ("xx"));
  g_assert_cmpstr (banso_dict_language_get_name ("hnj-Latn"), ==, "Mông");
  g_assert_true (banso_dict_language_lookup ("hnj")->fold_flags & BANSO_DICT_FOLD_IGNORE_FINAL_TONE);
  g_assert_cmpstr (blt->scripts[0], ==, "blt-Tavt");
  g_assert_cmpstr (blt->scripts[1], ==, "blt-Latn");
  g_assert_cmpstr (banso_dict_language_lookup ("cjm")->scripts[0], ==, "cjm-Cham");

  /* Tai Viet is browsed by its 48 consonants. */
  letters = banso_dict_language_letters (blt, "blt-Tavt");
  g_assert_cmpuint (letters->len, ==, 48);
  g_assert_cmpstr (g_ptr_array_index (letters, 0), ==, "ꪀ");
  g_clear_pointer (&letters, g_ptr_array_unref);
  letters = banso_dict_language_letters (banso_dict_language_lookup ("vi"), NULL);
  g_assert_cmpstr (g_ptr_array_index (letters, 5), ==, "ch");

  g_assert_true (banso_dict_tag_is_valid ("blt-Tavt"));
  g_assert_true (banso_dict_tag_is_valid ("hnj-fonipa"));
  g_assert_false (banso_dict_tag_is_valid (""));
  g_assert_false (banso_dict_tag_is_valid ("b"));
  g_assert_false (banso_dict_tag_is_valid ("blt--x"));
  g_assert_false (banso_dict_tag_is_valid ("blt Tavt"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dict/fold/vietnamese", test_fold_vietnamese);
  g_test_add_func ("/dict/fold/tai-viet", test_fold_tai_viet);
  g_test_add_func ("/dict/fold/cham", test_fold_cham);
  g_test_add_func ("/dict/fold/rpa", test_fold_rpa);
  g_test_add_func ("/dict/sort/vietnamese", test_sort_vietnamese);
  g_test_add_func ("/dict/sort/rpa", test_sort_rpa);
  g_test_add_func ("/dict/sort/tai-viet", test_sort_tai_viet);
  g_test_add_func ("/dict/fold/edit-distance", test_edit_distance);
  g_test_add_func ("/dict/languages", test_languages);

  return g_test_run ();
}
