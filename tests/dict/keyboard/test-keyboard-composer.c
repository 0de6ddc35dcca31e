/* test-keyboard-composer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-test"

#include "config.h"

#include <string.h>

#include "banso-keyboard-composer.h"

/* Articles 1 and 2 of the Universal Declaration of Human Rights in Tai Dam, as Unicode's
 * UDHR project gives them (visual order, as stored). */
static const char udhr_tai_dam[] =
  "ꪭꪴꪒ 1 ꪹꪕꪸꪉ ꪀꪱ ꪋꪴ ꫛ ꪎꪲꪉ ꪮꪮꪀ ꪣꪱ ꪻꪠ ꪁꪷ ꪻꪬ ꪼꪒ ꪕꪳ ꪕꪱꪉ ꪀꪾꪚ ꪹꪋꪷꪉ ꪝꪸꪉ ꪕꪮꪥ ꪩꪾ ꫛ "
  "ꪶꪔꪙ ꪠꪴ - ꪋꪴ ꪬꪺ ꫛ ꪻꪠ ꪁꪷ ꪻꪬ ꪣꪲ ꪁꪫꪸꪙ ꪎꪱꪉ ꪶꪎꪣ ꪩꪺꪉ ꪹꪥꪸꪒ ꫛ ꪀꪾꪚ ꪹꪥꪸꪒ ꪻꪊ ꪚꪴꪙ "
  "ꪀꪾꪚ ꪼꪒ ꪹꪚꪷꪉ ꪒꪲ ꪀꪾꪚ ꪫꪸꪀ ꪭꪰꪀ ꪵꪝꪉ ꪹꪏꪉ ꪹꪭꪙ ꪒꪸꪫ. "
  "ꪭꪴꪒ 2 ꪋꪴ ꫛ ꪻꪠ ꪁꪷ ꪝꪮꪣ ꪼꪒ ꪹꪬꪉ ꪝꪳꪉ ꪁꪫꪸꪙ ꪹꪜꪸꪙ ꪹꪊꪱ ꪀꪾꪚ ꪕꪳ ꪕꪱꪉ ꪹꪏꪉ ꪹꪫꪱ ꪀꪺꪉ "
  "ꪻꪚ ꪜꪱꪫ ꪁꪫꪱꪣ ꪙꪲ, ꪹꪚꪱ ꪜꪽ ꪵꪊꪀ ꪹꪋ ꪡꪽ - ꪹꪙ ꪘꪰꪉ - ꪻꪊ ꪈꪾ - ꪁꪫꪱꪣ ꪜꪱꪀ - ꪭꪲꪒ "
  "ꪅꪮꪉ - ꪩꪺꪉ ꪜꪴꪙ ꪵꪔꪉ ꪀꪨꪰꪒ ꪄꪮꪉ ꪹꪊꪱ ꪭꪳ ꪫꪱ ꪩꪺꪉ ꪀꪨꪰꪒ ꪮꪳꪙ, ꪶꪀꪀ ꪹꪅꪱ ꪹꪬꪱ ꪭꪱꪀ "
  "ꪚꪱꪙ ꪹꪣꪉ ꪬꪱꪀ ꪣꪲ ꪭꪳ ꪫꪱ ꪚꪱꪙ ꪹꪣꪉ ꪙꪾ ꪣꪲꪉ ꪎꪲꪉ ꪄꪮꪉ. ꪄꪮꪉ ꪹꪊꪱ ꪬꪱꪀ ꪼꪒ ꪬꪱꪀ ꪣꪲ "
  "ꪭꪳ ꪫꪱ ꪹꪜꪸꪙ ꪵꪔ ꪚꪱꪙ ꪹꪣꪉ ꪕꪰꪒ ꪮꪮꪀ.";

/* A text field: the text and the cursor (in characters). */
typedef struct {
  GString *text;
  guint    cursor;
} Field;

static void
field_apply (Field                   *field,
             const BansoKeyboardEdit *edit)
{
  const char *start, *end;

  g_assert_cmpuint (edit->n_delete, <=, field->cursor);
  start = g_utf8_offset_to_pointer (field->text->str, field->cursor - edit->n_delete);
  end = g_utf8_offset_to_pointer (field->text->str, field->cursor + edit->n_delete_after);
  g_string_erase (field->text, start - field->text->str, end - start);
  g_string_insert (field->text, start - field->text->str, edit->insert);
  field->cursor = field->cursor - edit->n_delete + g_utf8_strlen (edit->insert, -1);
}

static void
field_type (Field               *field,
            BansoKeyboardScript  script,
            const char          *key)
{
  BansoKeyboardEdit edit;
  const char *cursor = g_utf8_offset_to_pointer (field->text->str, field->cursor);

  g_assert_true (banso_keyboard_compose_in (script, field->text->str,
                                            cursor - field->text->str, cursor, -1, key, &edit));
  field_apply (field, &edit);
  banso_keyboard_edit_clear (&edit);
}

static void
field_backspace (Field               *field,
                 BansoKeyboardScript  script)
{
  BansoKeyboardEdit edit;
  const char *cursor = g_utf8_offset_to_pointer (field->text->str, field->cursor);

  if (banso_keyboard_compose_backspace (script, field->text->str,
                                        cursor - field->text->str, cursor, -1, &edit))
    field_apply (field, &edit);
  banso_keyboard_edit_clear (&edit);
}

static void
assert_nfc (const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);

  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpstr (text, ==, nfc);
}

/* Types each character of @keys (or, with @split, the space-separated keys) in turn. */
static char *
type_keys (BansoKeyboardScript  script,
           const char          *keys)
{
  Field field = { g_string_new (NULL), 0 };

  for (const char *p = keys; *p != '\0'; p = g_utf8_next_char (p))
    {
      char key[8] = { 0 };

      g_unichar_to_utf8 (g_utf8_get_char (p), key);
      field_type (&field, script, key);
      assert_nfc (field.text->str);
    }
  return g_string_free (field.text, FALSE);
}

static gboolean
tv_is_prebase (gunichar c)
{
  return c == 0xAAB5 || c == 0xAAB6 || c == 0xAAB9 || c == 0xAABB || c == 0xAABC;
}

/* Tai Viet text in the order it is spoken: each pre-base vowel after its consonant. */
static char *
spoken_order (const char *visual)
{
  GString *out = g_string_new (NULL);

  for (const char *p = visual; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      gunichar n = g_utf8_get_char (next);

      if (tv_is_prebase (c) && n >= 0xAA80 && n <= 0xAAAF)
        {
          g_string_append_unichar (out, n);
          g_string_append_unichar (out, c);
          p = next;
        }
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* The exemplar characters of CLDR's Tai Dam locale (shared/data/scripts/blt.xml). */
static GHashTable *
load_exemplars (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "blt.xml", NULL);
  g_autofree char *xml = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *set = g_hash_table_new (NULL, NULL);
  const char *start, *end;

  if (!g_file_get_contents (path, &xml, NULL, &error))
    g_error ("%s", error->message);
  start = strstr (xml, "<exemplarCharacters draft=\"unconfirmed\">[");
  g_assert_nonnull (start);
  start = strchr (start, '[') + 1;
  end = strchr (start, ']');
  g_assert_nonnull (end);

  for (const char *p = start; p < end;)
    {
      if (p[0] == '\\' && p[1] == 'u')
        {
          g_autofree char *hex = g_strndup (p + 2, 4);
          g_hash_table_add (set, GUINT_TO_POINTER (g_ascii_strtoull (hex, NULL, 16)));
          p += 6;
        }
      else
        {
          gunichar c = g_utf8_get_char (p);
          if (c != ' ')
            g_hash_table_add (set, GUINT_TO_POINTER (c));
          p = g_utf8_next_char (p);
        }
    }
  g_assert_cmpuint (g_hash_table_size (set), >, 60);
  return set;
}

static void
test_tai_viet_udhr (void)
{
  g_autofree char *keys = spoken_order (udhr_tai_dam);
  g_autofree char *typed = NULL;
  g_autoptr(GHashTable) exemplars = load_exemplars ();
  guint prebase = 0;

  /* The key sequence differs from the text wherever a pre-base vowel is. */
  g_assert_cmpstr (keys, !=, udhr_tai_dam);
  typed = type_keys (BANSO_KEYBOARD_SCRIPT_TAI_VIET, keys);
  g_assert_cmpstr (typed, ==, udhr_tai_dam);

  for (const char *p = typed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xAA80 && c <= 0xAADF)
        {
          if (!g_hash_table_contains (exemplars, GUINT_TO_POINTER (c)))
            g_error ("U+%04X is not among CLDR's Tai Dam exemplars", c);
          prebase += tv_is_prebase (c);
        }
      else
        g_assert_true (strchr (" 12-.,", (int) c) != NULL);
    }
  g_assert_cmpuint (prebase, >, 30);
}

static void
test_tai_viet_words (void)
{
  /* Words with tone marks from Richard Ishida's Tai Dam orthography notes, each typed in
   * several orders; spoken order puts the tone last. */
  static const struct {
    const char *keys;
    const char *word;
  } cases[] = {
    { "ꪕꪼꪒꪾ", "ꪼꪕꪒꪾ" },          /* Tai Dam, as CLDR names the language */
    { "ꪀꪵꪙ꪿", "ꪵꪀ꪿ꪙ" },
    { "ꪀ꪿ꪵꪙ", "ꪵꪀ꪿ꪙ" },
    { "ꪀꪵ꪿ꪙ", "ꪵꪀ꪿ꪙ" },
    { "ꪄꪴꪙ꪿", "ꪄꪴ꪿ꪙ" },
    { "ꪭꪮꪉ꫁", "ꪭ꫁ꪮꪉ" },
    { "ꪭꪮ꫁ꪉ", "ꪭ꫁ꪮꪉ" },
    { "ꪊꪰꪉ꪿", "ꪊꪰ꪿ꪉ" },
    { "ꪊ꪿ꪰꪉ", "ꪊꪰ꪿ꪉ" },
    { "ꪋꪱꪉ꫁", "ꪋ꫁ꪱꪉ" },
    { "ꪋ꫁ꪱꪉ", "ꪋ꫁ꪱꪉ" },
    { "ꪏꪳ꫁", "ꪏꪳ꫁" },
    { "ꪐꪱ꫁", "ꪐ꫁ꪱ" },
    { "ꪒꪼ꫁", "ꪼꪒ꫁" },
    { "ꪖꪲꪣ꫁", "ꪖꪲ꫁ꪣ" },
    { "ꪙꪰꪉ꪿", "ꪙꪰ꪿ꪉ" },
    { "ꪀꪚꪾ", "ꪀꪚꪾ" },
    { "ꪔꪶꪙ", "ꪶꪔꪙ" },
    /* A second tone mark takes the place of the first. */
    { "ꪀꪵꪙ꪿꫁", "ꪵꪀ꫁ꪙ" },
    { "ꪋꪱ꪿꫁", "ꪋ꫁ꪱ" },
    /* A pre-base vowel goes before a labialised consonant as a whole. */
    { "ꪁꪫꪹꪱ", "ꪹꪁꪫꪱ" },
    /* ꪫ after a vowel begins a syllable of its own. */
    { "ꪀꪱꪫꪹꪱ", "ꪀꪱꪹꪫꪱ" },
    /* Several words. */
    { "ꪕꪹꪸꪉ ꪀꪱ ꪋꪴ", "ꪹꪕꪸꪉ ꪀꪱ ꪋꪴ" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *typed = type_keys (BANSO_KEYBOARD_SCRIPT_TAI_VIET, cases[i].keys);

      g_test_message ("%s", cases[i].keys);
      g_assert_cmpstr (typed, ==, cases[i].word);
    }
}

static void
test_tai_viet_edit (void)
{
  BansoKeyboardEdit edit;

  /* The edit touches only the syllable: the consonant goes, vowel and consonant come. */
  g_assert_true (banso_keyboard_compose (BANSO_KEYBOARD_SCRIPT_TAI_VIET, "ꪀꪱ ꪀ", -1,
                                         "ꪵ", &edit));
  g_assert_cmpuint (edit.n_delete, ==, 1);
  g_assert_cmpstr (edit.insert, ==, "ꪵꪀ");
  banso_keyboard_edit_clear (&edit);

  /* A vowel that follows the consonant is only added. */
  g_assert_true (banso_keyboard_compose (BANSO_KEYBOARD_SCRIPT_TAI_VIET, "ꪵꪀ", -1,
                                         "ꪙ", &edit));
  g_assert_cmpuint (edit.n_delete, ==, 0);
  g_assert_cmpstr (edit.insert, ==, "ꪙ");
  banso_keyboard_edit_clear (&edit);

  /* The tone mark goes in before the final consonant. */
  g_assert_true (banso_keyboard_compose (BANSO_KEYBOARD_SCRIPT_TAI_VIET, "ꪵꪀꪙ", -1,
                                         "꪿", &edit));
  g_assert_cmpuint (edit.n_delete, ==, 1);
  g_assert_cmpstr (edit.insert, ==, "꪿ꪙ");
  banso_keyboard_edit_clear (&edit);
}

static void
test_tai_viet_backspace (void)
{
  Field field = { g_string_new (NULL), 0 };
  const BansoKeyboardScript tv = BANSO_KEYBOARD_SCRIPT_TAI_VIET;

  field_type (&field, tv, "ꪀ");
  field_type (&field, tv, "ꪵ");
  g_assert_cmpstr (field.text->str, ==, "ꪵꪀ");
  /* The vowel was typed last: it goes first. */
  field_backspace (&field, tv);
  g_assert_cmpstr (field.text->str, ==, "ꪀ");
  field_backspace (&field, tv);
  g_assert_cmpstr (field.text->str, ==, "");
  field_backspace (&field, tv);
  g_assert_cmpstr (field.text->str, ==, "");

  field_type (&field, tv, "ꪀ");
  field_type (&field, tv, " ");
  field_backspace (&field, tv);
  g_assert_cmpstr (field.text->str, ==, "ꪀ");
  g_string_free (field.text, TRUE);
}

static void
test_cham (void)
{
  static const struct {
    const char *keys;
    const char *word;
  } cases[] = {
    { "ꨌꩌ", "ꨌꩌ" },              /* Cam, the Cham */
    { "ꨀꨇꩉ", "ꨀꨇꩉ" },            /* akhar, letters */
    { "ꨔꨴꩍ", "ꨔꨴꩍ" },            /* thrah, as in Akhar Thrah */
    /* A medial typed after the final sign goes next to the consonant. */
    { "ꨔꩍꨴ", "ꨔꨴꩍ" },
    /* A vowel sign typed after the final sign goes before it. */
    { "ꨆꩌꨪ", "ꨆꨪꩌ" },
    /* A pre-base vowel sign typed first, as it is seen, goes after the consonant. */
    { "ꨰꨆ", "ꨆꨰ" },
    { "ꨀꨇꩉ ꨔꩍꨴ", "ꨀꨇꩉ ꨔꨴꩍ" },
  };
  g_autofree char *i = NULL;
  g_autofree char *ii = NULL;

  for (guint n = 0; n < G_N_ELEMENTS (cases); n++)
    {
      g_autofree char *typed = type_keys (BANSO_KEYBOARD_SCRIPT_CHAM, cases[n].keys);

      g_test_message ("%s", cases[n].keys);
      g_assert_cmpstr (typed, ==, cases[n].word);
    }

  /* Words that differ by one vowel sign stay apart. */
  i = type_keys (BANSO_KEYBOARD_SCRIPT_CHAM, "ꨆꨪ");
  ii = type_keys (BANSO_KEYBOARD_SCRIPT_CHAM, "ꨆꨫ");
  g_assert_cmpstr (i, !=, ii);
}

static void
test_khmer (void)
{
  g_autofree char *typed = type_keys (BANSO_KEYBOARD_SCRIPT_KHMER, "\u1781\u17D2\u1798\u17C2\u179A");
  g_autofree char *visual = type_keys (BANSO_KEYBOARD_SCRIPT_KHMER, "\u17C1\u1780");

  /* ខ្មែរ, Khmer, typed in logical order, is kept so. */
  g_assert_cmpstr (typed, ==, "ខ្មែរ");
  /* េ typed before ក, as it is seen: stored after it. */
  g_assert_cmpstr (visual, ==, "\u1780\u17C1");
}

static void
test_latin (void)
{
  static const struct {
    const char *keys;
    const char *word;
  } cases[] = {
    { "e\u0306", "\u0115" },                 /* ĕ */
    { "o\u0306", "\u014F" },                 /* ŏ */
    { "u\u0306", "\u016D" },                 /* ŭ */
    { "o\u031B\u0306", "\u01A1\u0306" },     /* ơ̆: no precomposed letter */
    { "\u01A1\u0306", "\u01A1\u0306" },
    { "o\u0302\u0306", "\u00F4\u0306" },     /* ô̆ */
    { "\u0180uo\u0302n", "\u0180u\u00F4n" }, /* ƀuôn, village (Ê Đê) */
    { "Lo\u0300 Va\u0306n Po\u031Bm", "Lò Văn Pơm" },
    { "a\u0306\u0301", "\u1EAF" },           /* ắ */
    /* A second tone takes the place of the first. */
    { "a\u0301\u0300", "\u00E0" },
    { "\u01B0\u0303\u0323", "\u1EF1" },      /* ư + ngã + nặng = ự */
    /* Not a vowel: marks stay. */
    { "n\u0303\u0301", "\u00F1\u0301" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *typed = type_keys (BANSO_KEYBOARD_SCRIPT_LATIN, cases[i].keys);

      g_test_message ("%s", cases[i].keys);
      g_assert_cmpstr (typed, ==, cases[i].word);
    }
}

static void
test_latin_backspace (void)
{
  Field field = { g_string_new ("Th\u1EAF"), 3 };

  field_backspace (&field, BANSO_KEYBOARD_SCRIPT_LATIN);
  g_assert_cmpstr (field.text->str, ==, "Th\u0103");
  field_backspace (&field, BANSO_KEYBOARD_SCRIPT_LATIN);
  g_assert_cmpstr (field.text->str, ==, "Tha");
  field_backspace (&field, BANSO_KEYBOARD_SCRIPT_LATIN);
  g_assert_cmpstr (field.text->str, ==, "Th");
  g_string_free (field.text, TRUE);
}

static void
test_not_nfc_before (void)
{
  BansoKeyboardEdit edit;
  g_autofree char *text = NULL;

  /* Decomposed text pasted in before: the word comes out composed. */
  g_assert_true (banso_keyboard_compose (BANSO_KEYBOARD_SCRIPT_LATIN, "x he\u0306", -1, "n",
                                         &edit));
  g_assert_cmpuint (edit.n_delete, ==, 2);
  g_assert_cmpstr (edit.insert, ==, "\u0115n");
  banso_keyboard_edit_clear (&edit);

  /* A long word without spaces: the edit reaches back far enough. */
  text = g_strnfill (200, 'a');
  g_assert_true (banso_keyboard_compose (BANSO_KEYBOARD_SCRIPT_LATIN, text, -1, "\u0306",
                                         &edit));
  g_assert_cmpuint (edit.n_delete, ==, 1);
  g_assert_cmpstr (edit.insert, ==, "\u0103");
  banso_keyboard_edit_clear (&edit);
}

static void
test_inside_word (void)
{
  Field field = { g_string_new ("ꪀꪱ"), 1 };
  Field latin = { g_string_new ("xe \u0306y"), 2 };
  const BansoKeyboardScript tv = BANSO_KEYBOARD_SCRIPT_TAI_VIET;

  /* A pre-base vowel typed after the consonant, before the vowel after it. */
  field_type (&field, tv, "ꪵ");
  g_assert_cmpstr (field.text->str, ==, "ꪵꪀꪱ");
  g_assert_cmpuint (field.cursor, ==, 2);
  g_string_free (field.text, TRUE);

  /* Backspace over the space joins the mark to the letter before it. */
  latin.cursor = 3;
  field_backspace (&latin, BANSO_KEYBOARD_SCRIPT_LATIN);
  g_assert_cmpstr (latin.text->str, ==, "x\u0115y");
  assert_nfc (latin.text->str);
  /* A letter typed before a mark takes it. */
  g_string_assign (latin.text, "\u0306b");
  latin.cursor = 0;
  field_type (&latin, BANSO_KEYBOARD_SCRIPT_LATIN, "a");
  g_assert_cmpstr (latin.text->str, ==, "\u0103b");
  g_assert_cmpuint (latin.cursor, ==, 1);
  g_string_free (latin.text, TRUE);
}

static void
test_bad_input (void)
{
  BansoKeyboardEdit edit;

  /* Not UTF-8 before the cursor: the key is typed with no context. */
  g_assert_true (banso_keyboard_compose (BANSO_KEYBOARD_SCRIPT_TAI_VIET, "\xff\xfe", -1,
                                         "ꪵ", &edit));
  g_assert_cmpuint (edit.n_delete, ==, 0);
  g_assert_cmpstr (edit.insert, ==, "ꪵ");
  banso_keyboard_edit_clear (&edit);

  g_assert_false (banso_keyboard_compose (BANSO_KEYBOARD_SCRIPT_LATIN, "a", -1, "\xc3", &edit));
  g_assert_null (edit.insert);
  g_assert_false (banso_keyboard_compose (BANSO_KEYBOARD_SCRIPT_LATIN, "a", -1, "", &edit));
  g_assert_false (banso_keyboard_compose_backspace (BANSO_KEYBOARD_SCRIPT_LATIN, "", 0, NULL, 0, &edit));
  /* A length that ends before the nul. */
  g_assert_true (banso_keyboard_compose (BANSO_KEYBOARD_SCRIPT_LATIN, "ae", 1, "\u0306", &edit));
  g_assert_cmpuint (edit.n_delete, ==, 1);
  g_assert_cmpstr (edit.insert, ==, "\u0103");
  banso_keyboard_edit_clear (&edit);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/keyboard/composer/tai-viet/udhr", test_tai_viet_udhr);
  g_test_add_func ("/keyboard/composer/tai-viet/words", test_tai_viet_words);
  g_test_add_func ("/keyboard/composer/tai-viet/edit", test_tai_viet_edit);
  g_test_add_func ("/keyboard/composer/tai-viet/backspace", test_tai_viet_backspace);
  g_test_add_func ("/keyboard/composer/cham", test_cham);
  g_test_add_func ("/keyboard/composer/khmer", test_khmer);
  g_test_add_func ("/keyboard/composer/latin", test_latin);
  g_test_add_func ("/keyboard/composer/latin/backspace", test_latin_backspace);
  g_test_add_func ("/keyboard/composer/not-nfc-before", test_not_nfc_before);
  g_test_add_func ("/keyboard/composer/inside-word", test_inside_word);
  g_test_add_func ("/keyboard/composer/bad-input", test_bad_input);

  return g_test_run ();
}
