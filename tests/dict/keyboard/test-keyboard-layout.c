/* test-keyboard-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-test"

#include "config.h"

#include <string.h>

#include "banso-keyboard-layout.h"

/* Every character the layout's keys type, with Shift and without. */
static GHashTable *
typed_chars (const BansoKeyboardLayout *layout)
{
  GHashTable *set = g_hash_table_new (NULL, NULL);

  for (guint r = 0; r < banso_keyboard_layout_get_n_rows (layout); r++)
    {
      guint n;
      const BansoKeyboardKey *keys = banso_keyboard_layout_get_row (layout, r, &n);

      for (guint k = 0; k < n; k++)
        for (guint s = 0; s < 2; s++)
          for (const char *p = banso_keyboard_key_get_text (&keys[k], s); *p != '\0';
               p = g_utf8_next_char (p))
            g_hash_table_add (set, GUINT_TO_POINTER (g_utf8_get_char (p)));
    }
  return set;
}

static void
assert_covers (const char *code,
               gunichar    first,
               gunichar    last)
{
  const BansoKeyboardLayout *layout = banso_keyboard_layout_lookup (code);
  g_autoptr(GHashTable) set = NULL;
  guint n = 0;

  g_assert_nonnull (layout);
  set = typed_chars (layout);
  for (gunichar c = first; c <= last; c++)
    {
      if (g_unichar_type (c) == G_UNICODE_UNASSIGNED)
        continue;
      if (!g_hash_table_contains (set, GUINT_TO_POINTER (c)))
        g_error ("%s: no key types U+%04X", code, c);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

static void
test_codes (void)
{
  static const char *const codes[] = {
    "blt-Tavt", "blt-Latn", "cjm-Cham", "rad", "bdq", "jra", "kpm", "hnj", "tyz", "nut",
    "mtq", "ium", "km",
  };

  g_assert_cmpuint (banso_keyboard_layout_get_n_layouts (), >=, 12);
  g_assert_cmpuint (banso_keyboard_layout_get_n_layouts (), ==, G_N_ELEMENTS (codes));
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      const BansoKeyboardLayout *layout = banso_keyboard_layout_lookup (codes[i]);

      g_assert_nonnull (layout);
      g_assert_cmpstr (banso_keyboard_layout_get_code (layout), ==, codes[i]);
      g_assert_true (banso_keyboard_layout_get_nth (i) == layout);
      g_assert_cmpstr (banso_keyboard_layout_get_name (layout), !=, "");
      g_assert_cmpstr (banso_keyboard_layout_get_native_name (layout), !=, "");
    }
  /* BCP 47 tags compare without case. */
  g_assert_true (banso_keyboard_layout_lookup ("BLT-tavt") ==
                 banso_keyboard_layout_lookup ("blt-Tavt"));
  g_assert_null (banso_keyboard_layout_lookup ("xx"));
  g_assert_null (banso_keyboard_layout_lookup (NULL));
  g_assert_null (banso_keyboard_layout_get_nth (banso_keyboard_layout_get_n_layouts ()));
}

static void
test_keys (void)
{
  for (guint i = 0; i < banso_keyboard_layout_get_n_layouts (); i++)
    {
      const BansoKeyboardLayout *layout = banso_keyboard_layout_get_nth (i);
      guint rows = banso_keyboard_layout_get_n_rows (layout);

      g_assert_cmpuint (rows, >=, 2);
      for (guint r = 0; r < rows; r++)
        {
          guint n;
          const BansoKeyboardKey *keys = banso_keyboard_layout_get_row (layout, r, &n);

          g_assert_cmpuint (n, >, 0);
          for (guint k = 0; k < n; k++)
            for (guint s = 0; s < 2; s++)
              {
                const char *text = banso_keyboard_key_get_text (&keys[k], s);
                g_autofree char *label = banso_keyboard_key_dup_label (&keys[k], s);
                g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);

                g_assert_true (g_utf8_validate (text, -1, NULL));
                g_assert_cmpstr (text, !=, "");
                /* What a key types is already composed. */
                g_assert_cmpstr (text, ==, nfc);
                g_assert_cmpstr (label, !=, "");
              }
        }
    }
}

static void
test_coverage (void)
{
  /* All of Tai Viet and Cham; Khmer's consonants and dependent vowels. */
  assert_covers ("blt-Tavt", 0xAA80, 0xAADF);
  assert_covers ("cjm-Cham", 0xAA00, 0xAA5F);
  assert_covers ("km", 0x1780, 0x17A2);
  assert_covers ("km", 0x17B6, 0x17C5);
}

static void
test_latin_letters (void)
{
  static const struct {
    const char *code;
    const char *letters;
  } cases[] = {
    { "rad", "ăâƀčđĕêĭñŏôơŭư\u0306" },
    { "jra", "ăâƀčđĕêĭñŏôơŭư" },
    { "bdq", "ăâĕêĭŏôơŭưđ" },
    { "kpm", "ăâĕêĭŏôơŭưñđ" },
    { "blt-Latn", "ăâđêôơư\u0300\u0301\u0303\u0309\u0323" },
    { "tyz", "ăâđêôơư\u0300\u0301\u0303\u0309\u0323" },
    { "hnj", "bjvsgmd" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GHashTable) set = typed_chars (banso_keyboard_layout_lookup (cases[i].code));

      for (const char *p = cases[i].letters; *p != '\0'; p = g_utf8_next_char (p))
        if (!g_hash_table_contains (set, GUINT_TO_POINTER (g_utf8_get_char (p))))
          g_error ("%s: no key types U+%04X", cases[i].code, g_utf8_get_char (p));
    }
}

static void
test_labels (void)
{
  const BansoKeyboardLayout *tai = banso_keyboard_layout_lookup ("blt-Tavt");
  guint n;
  const BansoKeyboardKey *keys = banso_keyboard_layout_get_row (tai, 0, &n);
  gboolean found = FALSE;

  for (guint k = 0; k < n; k++)
    if (g_str_equal (keys[k].text, "\uAABF"))
      {
        g_autofree char *label = banso_keyboard_key_dup_label (&keys[k], FALSE);
        g_autofree char *shifted = banso_keyboard_key_dup_label (&keys[k], TRUE);

        /* A combining mark shows on a dotted circle. */
        g_assert_cmpstr (label, ==, "\u25CC\uAABF");
        g_assert_cmpstr (shifted, ==, "\u25CC\uAAC1");
        found = TRUE;
      }
  g_assert_true (found);
}

static void
test_physical (void)
{
  const BansoKeyboardLayout *tai = banso_keyboard_layout_lookup ("blt-Tavt");
  const BansoKeyboardKey *k = banso_keyboard_layout_find_physical (tai, 'k');
  const BansoKeyboardKey *bracket = banso_keyboard_layout_find_physical (tai, '[');
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  /* The letters sit where the nearest English letter is: k ꪀ (ꪁ with Shift), e ꪵ. */
  g_assert_true (banso_keyboard_layout_has_physical (tai));
  g_assert_nonnull (k);
  g_assert_cmpstr (banso_keyboard_key_get_text (k, FALSE), ==, "\uAA80");
  g_assert_cmpstr (banso_keyboard_key_get_text (k, TRUE), ==, "\uAA81");
  g_assert_cmpstr (banso_keyboard_key_get_text (banso_keyboard_layout_find_physical (tai, 'e'),
                                                FALSE), ==, "\uAAB5");
  g_assert_nonnull (bracket);
  g_assert_cmpstr (banso_keyboard_key_get_text (bracket, FALSE), ==, "\uAAB7");
  g_assert_null (banso_keyboard_layout_find_physical (tai, '1'));

  /* Every letter of a US keyboard types one key, and no two keys share one. */
  for (const char *p = "abcdefghijklmnopqrstuvwxyz[]"; *p != '\0'; p++)
    {
      const BansoKeyboardKey *key = banso_keyboard_layout_find_physical (tai, *p);

      g_assert_nonnull (key);
      g_assert_false (g_hash_table_contains (seen, key));
      g_hash_table_add (seen, (gpointer) key);
    }

  /* The other scripts have no such mapping. */
  g_assert_false (banso_keyboard_layout_has_physical (banso_keyboard_layout_lookup ("cjm-Cham")));
  g_assert_false (banso_keyboard_layout_has_physical (banso_keyboard_layout_lookup ("rad")));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/keyboard/layout/codes", test_codes);
  g_test_add_func ("/keyboard/layout/keys", test_keys);
  g_test_add_func ("/keyboard/layout/coverage", test_coverage);
  g_test_add_func ("/keyboard/layout/latin-letters", test_latin_letters);
  g_test_add_func ("/keyboard/layout/labels", test_labels);
  g_test_add_func ("/keyboard/layout/physical", test_physical);

  return g_test_run ();
}
