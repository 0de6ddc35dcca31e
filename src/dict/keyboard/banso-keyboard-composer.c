/* banso-keyboard-composer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-dict"

#include "config.h"

#include <string.h>

#include "banso-keyboard-composer.h"

/* How far back, in characters, an edit reaches into a word with no white space; it then
 * goes on back to a letter that cannot compose with the one before it. */
#define TAIL_MAX 64

#define AT(w, i) g_array_index ((w), gunichar, (i))

/* Tai Viet ------------------------------------------------------------------------------ */

#define TAI_VIET_HIGH_VO 0xAAAB   /* ꪫ after a consonant: labialisation */

static gboolean
is_tai_viet (gunichar c)
{
  return c >= 0xAA80 && c <= 0xAADF;
}

static gboolean
tv_is_consonant (gunichar c)
{
  return c >= 0xAA80 && c <= 0xAAAF;
}

/* Written before the consonant they follow in speech, and stored so. */
static gboolean
tv_is_prebase (gunichar c)
{
  return c == 0xAAB5 || c == 0xAAB6 || c == 0xAAB9 || c == 0xAABB || c == 0xAABC;
}

/* Vowel signs above or below the consonant. */
static gboolean
tv_is_sign (gunichar c)
{
  return c == 0xAAB0 || c == 0xAAB2 || c == 0xAAB3 || c == 0xAAB4 || c == 0xAAB7 ||
         c == 0xAAB8 || c == 0xAABE;
}

/* The combining tone marks; the spacing tone letters of Tai Don (U+AAC0, U+AAC2) follow
 * the syllable and are left where they are typed. */
static gboolean
tv_is_tone (gunichar c)
{
  return c == 0xAABF || c == 0xAAC1;
}

/* Vowels written after the consonant. */
static gboolean
tv_is_post (gunichar c)
{
  return c == 0xAAB1 || c == 0xAABA || c == 0xAABD;
}

/* The initial consonant (with ꪫ when it is labialised) of the syllable whose vowel signs
 * and tone end at @end: its index, or -1. *@marks is where the signs after it begin. */
static gssize
tv_find_initial (GArray *w,
                 guint   end,
                 guint  *marks)
{
  guint i = end;

  while (i > 0 && (tv_is_sign (AT (w, i - 1)) || tv_is_tone (AT (w, i - 1))))
    i--;
  *marks = i;
  if (i == 0 || !tv_is_consonant (AT (w, i - 1)))
    return -1;
  i--;
  /* "ꪀꪫ" at the start of a word is one labialised consonant; after a vowel, ꪫ begins a
   * syllable of its own (or ends the one before). */
  if (AT (w, i) == TAI_VIET_HIGH_VO && i > 0 && tv_is_consonant (AT (w, i - 1)) &&
      (i == 1 || !is_tai_viet (AT (w, i - 2))))
    i--;
  return i;
}

static void
tv_remove_tones (GArray *w,
                 guint   from,
                 guint  *to)
{
  for (guint i = from; i < *to;)
    {
      if (tv_is_tone (AT (w, i)))
        {
          g_array_remove_index (w, i);
          (*to)--;
        }
      else
        i++;
    }
}

/* A vowel written after the consonant; the letter o (ꪮ) is one right after a consonant. */
static gboolean
tv_is_post_at (GArray *w,
               guint   i)
{
  gunichar c = AT (w, i);
  guint marks;

  if (tv_is_post (c))
    return TRUE;
  return (c == 0xAAAE || c == 0xAAAF) && tv_find_initial (w, i, &marks) >= 0;
}

/* Puts the tone mark @c on the initial consonant of the syllable before the cursor, after
 * its vowel signs and before a vowel or final consonant after it; a tone mark it had goes.
 * Returns FALSE when the text before the cursor ends in no syllable with a vowel. */
static gboolean
tv_place_tone (GArray   *w,
               gunichar  c)
{
  guint end = w->len;
  guint marks, post;
  gssize initial;

  if (end == 0)
    return FALSE;

  /* The vowel after the consonant, then maybe a final consonant. */
  post = end - 1;
  if (!tv_is_post_at (w, post) && post > 0 && tv_is_consonant (AT (w, post)) &&
      tv_is_post_at (w, post - 1))
    post--;
  if (tv_is_post_at (w, post) && tv_find_initial (w, post, &marks) >= 0)
    {
      tv_remove_tones (w, marks, &post);
      g_array_insert_val (w, post, c);
      return TRUE;
    }

  /* A final consonant after a syllable whose vowel is a sign or comes before. */
  if (tv_is_consonant (AT (w, end - 1)))
    {
      guint final = end - 1;
      gboolean vowel = FALSE;

      initial = tv_find_initial (w, final, &marks);
      if (initial >= 0)
        {
          vowel = initial > 0 && tv_is_prebase (AT (w, initial - 1));
          for (guint i = marks; i < final; i++)
            vowel |= tv_is_sign (AT (w, i));
        }
      if (vowel)
        {
          tv_remove_tones (w, marks, &final);
          g_array_insert_val (w, final, c);
          return TRUE;
        }
    }
  return FALSE;
}

static void
tai_viet_type (GArray   *w,
               gunichar  c)
{
  guint marks;
  gssize initial;

  if (tv_is_prebase (c))
    {
      initial = tv_find_initial (w, w->len, &marks);
      /* A syllable has one pre-base vowel: a second one stays where it is typed. */
      if (initial >= 0 && !(initial > 0 && tv_is_prebase (AT (w, initial - 1))))
        {
          g_array_insert_val (w, initial, c);
          return;
        }
    }
  else if (tv_is_tone (c))
    {
      guint end = w->len;

      if (tv_place_tone (w, c))
        return;
      if (tv_find_initial (w, end, &marks) >= 0)
        tv_remove_tones (w, marks, &end);
    }
  else if (tv_is_sign (c))
    {
      /* The vowel sign goes next to the consonant, the tone mark above it. */
      if (tv_find_initial (w, w->len, &marks) >= 0)
        for (guint i = marks; i < w->len; i++)
          if (tv_is_tone (AT (w, i)))
            {
              g_array_insert_val (w, i, c);
              return;
            }
    }
  g_array_append_val (w, c);
}

static void
tai_viet_backspace (GArray *w)
{
  guint marks;
  gssize initial = tv_find_initial (w, w->len, &marks);

  /* Right after a pre-base vowel the composer moved: the vowel was typed last. */
  if (initial > 0 && marks == w->len && tv_is_prebase (AT (w, initial - 1)))
    {
      g_array_remove_index (w, initial - 1);
      return;
    }
  g_array_set_size (w, w->len - 1);
}

/* Cham ---------------------------------------------------------------------------------- */

static gboolean
cham_is_base (gunichar c)
{
  return (c >= 0xAA00 && c <= 0xAA28) || (c >= 0xAA40 && c <= 0xAA42) ||
         (c >= 0xAA44 && c <= 0xAA4B);
}

static gboolean
cham_is_consonant (gunichar c)
{
  return c >= 0xAA06 && c <= 0xAA28;
}

static gboolean
cham_is_vowel_sign (gunichar c)
{
  return c >= 0xAA29 && c <= 0xAA32;
}

static gboolean
cham_is_medial (gunichar c)
{
  return c >= 0xAA33 && c <= 0xAA36;
}

static gboolean
cham_is_final_sign (gunichar c)
{
  return c == 0xAA43 || c == 0xAA4C || c == 0xAA4D;
}

static gboolean
cham_is_mark (gunichar c)
{
  return cham_is_vowel_sign (c) || cham_is_medial (c) || cham_is_final_sign (c);
}

/* Vowel signs drawn before the consonant. */
static gboolean
cham_is_prebase (gunichar c)
{
  return c == 0xAA2F || c == 0xAA30;
}

/* Khmer --------------------------------------------------------------------------------- */

static gboolean
khmer_is_base (gunichar c)
{
  return c >= 0x1780 && c <= 0x17B3;
}

static gboolean
khmer_is_prebase (gunichar c)
{
  return c >= 0x17BE && c <= 0x17C5;
}

static gboolean
khmer_is_mark (gunichar c)
{
  return (c >= 0x17B4 && c <= 0x17D3) || c == 0x17DD;
}

/* A pre-base sign typed first, at the start of a syllable, as it is seen: the consonant
 * typed next goes before it. */
static gboolean
move_before_prebase (GArray   *w,
                     gunichar  c,
                     gboolean (*is_prebase) (gunichar),
                     gboolean (*is_base) (gunichar),
                     gboolean (*is_mark) (gunichar))
{
  guint i = w->len;

  while (i > 0 && is_prebase (AT (w, i - 1)))
    i--;
  if (i == w->len || (i > 0 && (is_base (AT (w, i - 1)) || is_mark (AT (w, i - 1)))))
    return FALSE;
  g_array_insert_val (w, i, c);
  return TRUE;
}

static void
cham_type (GArray   *w,
           gunichar  c)
{
  guint base = w->len;

  while (base > 0 && cham_is_mark (AT (w, base - 1)))
    base--;

  if (cham_is_medial (c) && base > 0 && cham_is_consonant (AT (w, base - 1)))
    {
      for (guint i = base; i < w->len; i++)
        if (cham_is_vowel_sign (AT (w, i)) || cham_is_final_sign (AT (w, i)))
          {
            g_array_insert_val (w, i, c);
            return;
          }
    }
  else if (cham_is_vowel_sign (c) && base > 0 && cham_is_base (AT (w, base - 1)))
    {
      for (guint i = base; i < w->len; i++)
        if (cham_is_final_sign (AT (w, i)))
          {
            g_array_insert_val (w, i, c);
            return;
          }
    }
  else if (cham_is_base (c) &&
           move_before_prebase (w, c, cham_is_prebase, cham_is_base, cham_is_mark))
    return;
  g_array_append_val (w, c);
}

static void
khmer_type (GArray   *w,
            gunichar  c)
{
  if (khmer_is_base (c) &&
      move_before_prebase (w, c, khmer_is_prebase, khmer_is_base, khmer_is_mark))
    return;
  g_array_append_val (w, c);
}

/* Latin --------------------------------------------------------------------------------- */

static gboolean
is_mark (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK ||
         type == G_UNICODE_ENCLOSING_MARK;
}

static gboolean
is_viet_tone (gunichar c)
{
  return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
}

static void
latin_type (GArray   *w,
            gunichar  c)
{
  if (is_viet_tone (c))
    {
      guint base = w->len;

      while (base > 0 && is_mark (AT (w, base - 1)))
        base--;
      if (base > 0 && AT (w, base - 1) < 0x80 &&
          strchr ("aeiouyAEIOUY", (int) AT (w, base - 1)) != NULL)
        for (guint i = base; i < w->len;)
          {
            if (is_viet_tone (AT (w, i)))
              g_array_remove_index (w, i);
            else
              i++;
          }
    }
  g_array_append_val (w, c);
}

/* The edit ----------------------------------------------------------------------------- */

static gboolean
is_starter (gunichar c)
{
  return g_unichar_combining_class (c) == 0 && !is_mark (c);
}

/* Where the word before the cursor begins: after the last white space, or TAIL_MAX
 * characters back and then back on to a starter that does not compose with the
 * character before it. */
static gsize
find_tail (const char *text,
           gsize       length)
{
  const char *p = text + length;
  guint n = 0;

  while (p > text)
    {
      const char *prev = g_utf8_find_prev_char (text, p);

      if (g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      p = prev;
      if (++n < TAIL_MAX)
        continue;
      while (p > text)
        {
          gunichar here = g_utf8_get_char (p);
          gunichar composed;

          prev = g_utf8_find_prev_char (text, p);
          if (is_starter (here) && !g_unichar_compose (g_utf8_get_char (prev), here, &composed))
            break;
          p = prev;
        }
      break;
    }
  return p - text;
}

/* Where the word after the cursor ends: at the next white space, or TAIL_MAX characters on
 * and then on to a starter that does not compose with the character before it. */
static gsize
find_head (const char *text,
           gsize       length)
{
  const char *p = text;
  const char *end = text + length;
  guint n = 0;

  while (p < end && !g_unichar_isspace (g_utf8_get_char (p)))
    {
      gunichar previous = g_utf8_get_char (p);

      p = g_utf8_next_char (p);
      if (++n < TAIL_MAX)
        continue;
      while (p < end)
        {
          gunichar here = g_utf8_get_char (p);
          gunichar composed;

          if (is_starter (here) && !g_unichar_compose (previous, here, &composed))
            break;
          previous = here;
          p = g_utf8_next_char (p);
        }
      break;
    }
  return p - text;
}

static void
append_chars (GArray     *w,
              const char *text,
              gssize      length,
              gboolean    decompose)
{
  g_autofree char *nfd = decompose ? g_utf8_normalize (text, length, G_NORMALIZE_NFD) : NULL;
  const char *p = decompose ? nfd : text;
  const char *end = decompose ? NULL : text + (length < 0 ? strlen (text) : (gsize) length);

  for (; p != NULL && *p != '\0' && (end == NULL || p < end); p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_array_append_val (w, c);
    }
}

static GArray *
to_chars (const char *text,
          gssize      length)
{
  GArray *w = g_array_new (FALSE, FALSE, sizeof (gunichar));

  append_chars (w, text, length, TRUE);
  return w;
}

typedef void (*TypeFunc) (GArray *w, gunichar c);

static TypeFunc
type_func (BansoKeyboardScript script)
{
  switch (script)
    {
    case BANSO_KEYBOARD_SCRIPT_TAI_VIET:
      return tai_viet_type;
    case BANSO_KEYBOARD_SCRIPT_CHAM:
      return cham_type;
    case BANSO_KEYBOARD_SCRIPT_KHMER:
      return khmer_type;
    case BANSO_KEYBOARD_SCRIPT_LATIN:
    default:
      return latin_type;
    }
}

static gboolean
compose (BansoKeyboardScript  script,
         const char          *before,
         gssize               before_length,
         const char          *after,
         gssize               after_length,
         const char          *key,
         BansoKeyboardEdit   *edit)
{
  g_autoptr(GArray) w = NULL;
  g_autoptr(GArray) old = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autoptr(GArray) new = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autoptr(GString) result = g_string_new (NULL);
  g_autoptr(GString) insert = g_string_new (NULL);
  g_autofree char *nfc = NULL;
  gsize length, start, head;
  guint n_tail, n_head, prefix = 0, suffix = 0;

  edit->n_delete = 0;
  edit->n_delete_after = 0;
  edit->insert = NULL;

  if (before == NULL)
    before = "";
  if (after == NULL)
    after = "";
  length = before_length < 0 ? strlen (before) : (gsize) before_length;
  /* Text that is not UTF-8 gives no context: the key is typed as it is. */
  if (!g_utf8_validate (before, length, NULL))
    length = 0;
  head = after_length < 0 ? strlen (after) : (gsize) after_length;
  if (!g_utf8_validate (after, head, NULL))
    head = 0;

  start = find_tail (before, length);
  head = find_head (after, head);
  w = to_chars (before + start, length - start);

  if (key != NULL)
    {
      /* An empty key only puts the word together again. */
      g_autoptr(GArray) keys = to_chars (key, -1);
      TypeFunc type = type_func (script);

      for (guint i = 0; i < keys->len; i++)
        type (w, AT (keys, i));
    }
  else if (w->len == 0)
    {
      const char *space;

      /* Backspace over white space: the words on either side may meet. */
      if (length == 0)
        return FALSE;
      space = g_utf8_find_prev_char (before, before + length);
      compose (script, before, space - before, after, head, "", edit);
      edit->n_delete++;
      return TRUE;
    }
  else if (script == BANSO_KEYBOARD_SCRIPT_TAI_VIET)
    tai_viet_backspace (w);
  else
    g_array_set_size (w, w->len - 1);

  /* The rest of the word after the cursor: a mark there joins what comes before it. */
  append_chars (w, after, head, TRUE);
  for (guint i = 0; i < w->len; i++)
    g_string_append_unichar (result, AT (w, i));
  nfc = g_utf8_normalize (result->str, result->len, G_NORMALIZE_NFC);
  g_assert (nfc != NULL);
  append_chars (new, nfc, -1, FALSE);

  /* Leave alone what the edit did not change at the start and at the end of the word. */
  append_chars (old, before + start, length - start, FALSE);
  n_tail = old->len;
  append_chars (old, after, head, FALSE);
  n_head = old->len - n_tail;
  while (prefix < n_tail && prefix < new->len && AT (old, prefix) == AT (new, prefix))
    prefix++;
  while (suffix < n_head && suffix < new->len - prefix &&
         AT (old, old->len - 1 - suffix) == AT (new, new->len - 1 - suffix))
    suffix++;

  for (guint i = prefix; i < new->len - suffix; i++)
    g_string_append_unichar (insert, AT (new, i));
  edit->n_delete = n_tail - prefix;
  edit->n_delete_after = n_head - suffix;
  edit->insert = g_string_free (g_steal_pointer (&insert), FALSE);
  return TRUE;
}

/**
 * banso_keyboard_compose:
 * @script: whose rules apply
 * @before: the text before the cursor (UTF-8)
 * @before_length: its length in bytes, or -1 when it ends with a nul
 * @key: what the key inserts
 * @edit: (out caller-allocates): the edit to make; free with banso_keyboard_edit_clear()
 *
 * The edit for a key typed at the end of @before; @edit->n_delete_after is 0.
 *
 * Returns: %TRUE when there is an edit; %FALSE when @key is empty or not UTF-8
 */
gboolean
banso_keyboard_compose (BansoKeyboardScript  script,
                        const char          *before,
                        gssize               before_length,
                        const char          *key,
                        BansoKeyboardEdit   *edit)
{
  return banso_keyboard_compose_in (script, before, before_length, NULL, 0, key, edit);
}

/**
 * banso_keyboard_compose_in:
 * @after: (nullable): the text after the cursor
 * @after_length: its length in bytes, or -1 when it ends with a nul
 *
 * Like banso_keyboard_compose(), for a cursor inside a word: a mark after the cursor
 * composes with the letter typed before it, so the edit may also delete
 * @edit->n_delete_after characters after the cursor (the inserted text holds them again).
 * The cursor goes after the inserted text.
 */
gboolean
banso_keyboard_compose_in (BansoKeyboardScript  script,
                           const char          *before,
                           gssize               before_length,
                           const char          *after,
                           gssize               after_length,
                           const char          *key,
                           BansoKeyboardEdit   *edit)
{
  g_return_val_if_fail (edit != NULL, FALSE);

  if (key == NULL || *key == '\0' || !g_utf8_validate (key, -1, NULL))
    {
      edit->n_delete = 0;
      edit->n_delete_after = 0;
      edit->insert = NULL;
      return FALSE;
    }
  return compose (script, before, before_length, after, after_length, key, edit);
}

/**
 * banso_keyboard_compose_backspace:
 * @after: (nullable): the text after the cursor
 * @after_length: its length in bytes, or -1 when it ends with a nul
 *
 * The edit for Backspace: the last character, or the last mark of a letter, or a Tai Viet
 * pre-base vowel typed after its consonant.
 *
 * Returns: %FALSE when there is nothing before the cursor
 */
gboolean
banso_keyboard_compose_backspace (BansoKeyboardScript  script,
                                  const char          *before,
                                  gssize               before_length,
                                  const char          *after,
                                  gssize               after_length,
                                  BansoKeyboardEdit   *edit)
{
  g_return_val_if_fail (edit != NULL, FALSE);

  return compose (script, before, before_length, after, after_length, NULL, edit);
}

void
banso_keyboard_edit_clear (BansoKeyboardEdit *edit)
{
  g_return_if_fail (edit != NULL);

  edit->n_delete = 0;
  edit->n_delete_after = 0;
  g_clear_pointer (&edit->insert, g_free);
}
