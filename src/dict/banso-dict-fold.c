/* banso-dict-fold.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dictionary's folding and alphabet order. Folding is the core's
 * banso_fold(), the same every search of Banso uses, with the options of a
 * language on top; sort keys follow the alphabet of the language table.
 */

#define G_LOG_DOMAIN "banso-dict"

#include "config.h"

#include <string.h>

#include "banso-dict-fold.h"
#include "banso-fold.h"

/* Mông RPA writes a syllable's tone as its last letter. */
static inline gboolean
is_rpa_tone (char c)
{
  return c == 'b' || c == 's' || c == 'j' || c == 'v' || c == 'm' || c == 'd' || c == 'g';
}

static inline gboolean
is_rpa_vowel (char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'w';
}

/* Drops the tone letter ending each word of a folded key. */
static void
drop_final_tones (char *key)
{
  char *out = key;

  for (char *p = key; *p; p++)
    {
      gboolean word_end = p[1] == '\0' || p[1] == ' ';

      if (word_end && p > key && is_rpa_tone (*p) && is_rpa_vowel (p[-1]))
        continue;
      *out++ = *p;
    }
  *out = '\0';
}

/**
 * banso_dict_fold:
 *
 * Returns: (transfer full): the search key of @text
 */
char *
banso_dict_fold (const char         *text,
                 BansoDictFoldFlags  flags)
{
  char *key = banso_fold (text != NULL ? text : "", -1);

  if (flags & BANSO_DICT_FOLD_IGNORE_FINAL_TONE)
    drop_final_tones (key);
  return key;
}

static inline gboolean
is_tai_viet_prebase (gunichar c)
{
  return c == 0xAAB5 || c == 0xAAB6 || c == 0xAAB9 || c == 0xAABB || c == 0xAABC;
}

static inline gboolean
is_tai_viet_tone (gunichar c)
{
  return c >= 0xAABF && c <= 0xAAC2;
}

/**
 * banso_dict_fold_typed:
 *
 * Returns: (transfer full): the search key of the text being typed
 */
char *
banso_dict_fold_typed (const char         *text,
                       BansoDictFoldFlags  flags)
{
  g_autofree char *copy = g_strdup (text != NULL ? text : "");
  char *end = copy + strlen (copy);

  /* A tone mark may be typed before the consonant too: look past it. */
  while (end > copy)
    {
      char *prev = g_utf8_find_prev_char (copy, end);
      gunichar c = g_utf8_get_char (prev);

      if (is_tai_viet_tone (c))
        {
          end = prev;
          continue;
        }
      if (is_tai_viet_prebase (c))
        *prev = '\0';
      break;
    }
  return banso_dict_fold (copy, flags);
}

/* Alphabets {{{ */

typedef struct
{
  GHashTable *weights;   /* letter → weight (GUINT) */
  guint       max_chars; /* of the longest letter */
} Alphabet;

static GMutex alphabets_lock;
static GHashTable *alphabets; /* "code/index" → Alphabet */

#define WEIGHT_SPACE   0x0001
#define WEIGHT_FIRST   0x0100
#define WEIGHT_UNKNOWN 0x8000

static const Alphabet *
get_alphabet (const BansoDictLanguage *language,
              guint                    index)
{
  g_autofree char *name = g_strdup_printf ("%s/%u", language->code, index);
  Alphabet *a;

  g_mutex_lock (&alphabets_lock);
  if (alphabets == NULL)
    alphabets = g_hash_table_new (g_str_hash, g_str_equal);
  a = g_hash_table_lookup (alphabets, name);
  if (a == NULL)
    {
      g_auto(GStrv) letters = g_strsplit (language->alphabets[index], " ", -1);
      guint n = 0;

      a = g_new0 (Alphabet, 1);
      a->weights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; letters[i] != NULL; i++)
        {
          if (*letters[i] == '\0')
            continue;
          g_hash_table_insert (a->weights, g_strdup (letters[i]),
                               GUINT_TO_POINTER (WEIGHT_FIRST + n++));
          a->max_chars = MAX (a->max_chars, (guint)g_utf8_strlen (letters[i], -1));
        }
      /* Kept for the life of the program, like the language table. */
      g_hash_table_insert (alphabets, g_steal_pointer (&name), a);
    }
  g_mutex_unlock (&alphabets_lock);
  return a;
}

static gboolean
script_matches (const char *ws,
                gunichar    c)
{
  if (c >= 0xAA80 && c <= 0xAADF)
    return strstr (ws, "Tavt") != NULL;
  if (c >= 0xAA00 && c <= 0xAA5F)
    return strstr (ws, "Cham") != NULL;
  if (c >= 0x1780 && c <= 0x17FF)
    return strstr (ws, "Khmr") != NULL;
  return strstr (ws, "Tavt") == NULL && strstr (ws, "Cham") == NULL;
}

/* The script of @text among the language's: that of its first letter. */
static guint
pick_script (const BansoDictLanguage *language,
             const char              *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c) && g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        continue;
      for (guint i = 0; language->scripts[i] != NULL; i++)
        if (script_matches (language->scripts[i], c))
          return i;
      return 0;
    }
  return 0;
}

static inline guint
tone_of (gunichar c)
{
  switch (c)
    {
    case 0x0300: return 1; /* huyền */
    case 0x0309: return 2; /* hỏi */
    case 0x0303: return 3; /* ngã */
    case 0x0301: return 4; /* sắc */
    case 0x0323: return 5; /* nặng */
    default: return 0;
    }
}

static gboolean
is_native_script (gunichar c)
{
  return (c >= 0xAA00 && c <= 0xAADF) || (c >= 0x1780 && c <= 0x17FF);
}

/* The letters of @text to weigh: for Latin, lower case without the tone
 * marks (which go to @tones, one byte a word); for the native scripts, the
 * fold, which puts Tai Viet in spoken order without tones. */
static char *
primary_text (const char *text,
              GString    *tones)
{
  g_autofree char *nfd = NULL;
  g_autoptr(GString) out = NULL;
  gboolean native = FALSE;
  guint tone = 0;

  for (const char *p = text; *p && !native; p = g_utf8_next_char (p))
    native = is_native_script (g_utf8_get_char (p));
  if (native)
    return banso_fold (text, -1);

  nfd = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  if (nfd == NULL)
    return banso_fold (text, -1);
  out = g_string_sized_new (strlen (nfd));
  for (const char *p = nfd; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint t = tone_of (c);

      if (t != 0)
        {
          tone = t;
          continue;
        }
      if (g_unichar_isspace (c))
        {
          g_string_append_c (tones, (char)(tone + 1));
          tone = 0;
        }
      g_string_append_unichar (out, c);
    }
  g_string_append_c (tones, (char)(tone + 1));
  {
    g_autofree char *nfc = g_utf8_normalize (out->str, -1, G_NORMALIZE_NFC);

    return g_utf8_strdown (nfc != NULL ? nfc : out->str, -1);
  }
}

static inline void
put_weight (GByteArray *key,
            guint       w)
{
  guint8 b[2] = { (w >> 8) & 0xFF, w & 0xFF };

  g_byte_array_append (key, b, 2);
}

/* Appends the weights of @text's letters, longest letter first. */
static void
append_weights (GByteArray     *key,
                const Alphabet *a,
                const char     *text)
{
  const char *p = text;

  while (*p)
    {
      const char *end = p;
      gboolean found = FALSE;
      const char *ends[8];
      guint n = 0;

      for (guint i = 0; i < MIN (a->max_chars, 8) && *end; i++)
        {
          end = g_utf8_next_char (end);
          ends[n++] = end;
        }
      for (guint i = n; i > 0 && !found; i--)
        {
          g_autofree char *letter = g_strndup (p, ends[i - 1] - p);
          gpointer w;

          if (g_hash_table_lookup_extended (a->weights, letter, NULL, &w))
            {
              put_weight (key, GPOINTER_TO_UINT (w));
              p = ends[i - 1];
              found = TRUE;
            }
        }
      if (found)
        continue;

      {
        gunichar c = g_utf8_get_char (p);
        char buf[8] = { 0 };
        g_autofree char *folded = NULL;
        gpointer w;

        g_unichar_to_utf8 (c, buf);
        folded = banso_fold (buf, -1);
        if (g_unichar_isspace (c))
          put_weight (key, WEIGHT_SPACE);
        else if (*folded != '\0' && g_hash_table_lookup_extended (a->weights, folded, NULL, &w))
          put_weight (key, GPOINTER_TO_UINT (w));
        else if (g_unichar_isalnum (c) || g_unichar_ismark (c))
          put_weight (key, WEIGHT_UNKNOWN + (c & 0x7FFF));
        /* Punctuation does not order words. */
        p = g_utf8_next_char (p);
      }
    }
}

static const BansoDictLanguage *
language_or_default (const char *lang)
{
  const BansoDictLanguage *language = banso_dict_language_lookup (lang);

  return language != NULL ? language : banso_dict_language_lookup ("vi");
}

/**
 * banso_dict_sort_key:
 * @lang: (nullable): the BCP 47 tag of @text; an unknown one sorts as Vietnamese
 *
 * Returns: (transfer full): the key
 */
GBytes *
banso_dict_sort_key (const char *text,
                     const char *lang)
{
  const BansoDictLanguage *language = language_or_default (lang);
  g_autoptr(GString) tones = g_string_new (NULL);
  g_autofree char *primary = NULL;
  GByteArray *key = g_byte_array_sized_new (64);
  static const guint8 zero[2] = { 0, 0 };

  text = text != NULL ? text : "";
  primary = primary_text (text, tones);
  append_weights (key, get_alphabet (language, pick_script (language, text)), primary);
  g_byte_array_append (key, zero, 2);
  g_byte_array_append (key, (const guint8 *)tones->str, tones->len);
  g_byte_array_append (key, zero, 1);
  g_byte_array_append (key, (const guint8 *)text, strlen (text));
  return g_byte_array_free_to_bytes (key);
}

/**
 * banso_dict_letter_key:
 *
 * Returns: (transfer full): the first bytes of the sort keys of the words
 *   that begin with @letter in the alphabet of @lang
 */
GBytes *
banso_dict_letter_key (const char *letter,
                       const char *lang)
{
  const BansoDictLanguage *language = language_or_default (lang);
  g_autoptr(GString) tones = g_string_new (NULL);
  g_autofree char *primary = primary_text (letter != NULL ? letter : "", tones);
  GByteArray *key = g_byte_array_sized_new (8);

  append_weights (key, get_alphabet (language, pick_script (language, letter ? letter : "")),
                  primary);
  return g_byte_array_free_to_bytes (key);
}

/* }}} */

/**
 * banso_dict_edit_distance:
 *
 * Levenshtein's distance between two keys in characters; it gives up as soon
 * as a whole row of the table is above @max.
 */
guint
banso_dict_edit_distance (const char *a,
                          const char *b,
                          guint       max)
{
  gunichar sa[64], sb[64];
  guint la = 0, lb = 0;
  guint prev[65], cur[65];

  for (const char *p = a; *p && la < 64; p = g_utf8_next_char (p))
    sa[la++] = g_utf8_get_char (p);
  for (const char *p = b; *p && lb < 64; p = g_utf8_next_char (p))
    sb[lb++] = g_utf8_get_char (p);
  if ((la > lb ? la - lb : lb - la) > max)
    return max + 1;

  for (guint j = 0; j <= lb; j++)
    prev[j] = j;
  for (guint i = 1; i <= la; i++)
    {
      guint best;

      cur[0] = best = i;
      for (guint j = 1; j <= lb; j++)
        {
          guint v = prev[j - 1] + (sa[i - 1] != sb[j - 1]);

          v = MIN (v, prev[j] + 1);
          v = MIN (v, cur[j - 1] + 1);
          cur[j] = v;
          best = MIN (best, v);
        }
      if (best > max)
        return max + 1;
      memcpy (prev, cur, sizeof (guint) * (lb + 1));
    }
  return MIN (prev[lb], max + 1);
}
