/* banso-fold.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "banso-fold.h"

/*
 * The fold is defined on the canonical decomposition (NFD) of the text, so that precomposed
 * and decomposed input give the same key. Normalising every string would be far too slow for
 * the CSV import, so the common cases are answered from tables: ASCII byte by byte, Latin
 * letters from latin_table, which already holds the fold of each letter's decomposition.
 * Only characters that have a canonical decomposition outside those tables, or that are
 * combining marks we keep, go through fold_segment(), which decomposes and reorders one
 * base-plus-marks segment, the same way NFD would.
 */

/* Markers in the first byte of a table entry; real entries start with a printable byte. */
#define FOLD_DROP  '\x01'
#define FOLD_SPACE '\x02'

#define D FOLD_DROP
#define S FOLD_SPACE

static const char ascii_map[128] = {
  D, D, D, D, D, D, D, D, D, S, S, S, S, S, D, D,
  D, D, D, D, D, D, D, D, D, D, D, D, D, D, D, D,
  S, '!', '"', '#', '$', '%', '&', '\'', '(', ')', '*', '+', ',', '-', '.', '/',
  '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':', ';', '<', '=', '>', '?',
  '@', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
  'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', '[', '\\', ']', '^', '_',
  '`', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
  'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', '{', '|', '}', '~', D,
};

#undef D
#undef S

/*
 * The fold of U+0080–U+02AF, U+1E00–U+1EFF and U+2C60–U+2C7F, generated from the Unicode
 * Character Database by this rule: take the canonical decomposition (the compatibility one
 * for the ligatures Ĳ ĳ Ǆ–ǌ Ǳ–ǳ, ŉ, ſ and ẛ), drop the combining marks, lower-case
 * the rest; a lower-case letter named "LATIN … LETTER X WITH …" (stroke, hook, bar …) or
 * "DOTLESS X" becomes x, the ligatures æ œ ß become ae oe ss, and ð becomes d because Ð is
 * often typed for Đ. Letters that are not a base letter plus a mark (ŋ, ə, ɛ, þ …) are only
 * lower-cased. Each capital's entry is its small letter's entry, and the IPA and Latin
 * Extended-C blocks are included because several capitals of Latin Extended-B have their
 * small letters there.
 */
static const char latin_table[][4] = {
  /* U+0080..U+02AF */
  "\x01", "\x01", "\x01", "\x01", "\x01", "\x02", "\x01", "\x01",
  "\x01", "\x01", "\x01", "\x01", "\x01", "\x01", "\x01", "\x01",
  "\x01", "\x01", "\x01", "\x01", "\x01", "\x01", "\x01", "\x01",
  "\x01", "\x01", "\x01", "\x01", "\x01", "\x01", "\x01", "\x01",
  "\x02", "\xc2\xa1", "\xc2\xa2", "\xc2\xa3", "\xc2\xa4", "\xc2\xa5", "\xc2\xa6", "\xc2\xa7",
  "\xc2\xa8", "\xc2\xa9", "\xc2\xaa", "\xc2\xab", "\xc2\xac", "\x01", "\xc2\xae", "\xc2\xaf",
  "\xc2\xb0", "\xc2\xb1", "\xc2\xb2", "\xc2\xb3", "\xc2\xb4", "\xc2\xb5", "\xc2\xb6", "\xc2\xb7",
  "\xc2\xb8", "\xc2\xb9", "\xc2\xba", "\xc2\xbb", "\xc2\xbc", "\xc2\xbd", "\xc2\xbe", "\xc2\xbf",
  "a", "a", "a", "a", "a", "a", "ae", "c",
  "e", "e", "e", "e", "i", "i", "i", "i",
  "d", "n", "o", "o", "o", "o", "o", "\xc3\x97",
  "o", "u", "u", "u", "u", "y", "\xc3\xbe", "ss",
  "a", "a", "a", "a", "a", "a", "ae", "c",
  "e", "e", "e", "e", "i", "i", "i", "i",
  "d", "n", "o", "o", "o", "o", "o", "\xc3\xb7",
  "o", "u", "u", "u", "u", "y", "\xc3\xbe", "y",
  "a", "a", "a", "a", "a", "a", "c", "c",
  "c", "c", "c", "c", "c", "c", "d", "d",
  "d", "d", "e", "e", "e", "e", "e", "e",
  "e", "e", "e", "e", "g", "g", "g", "g",
  "g", "g", "g", "g", "h", "h", "h", "h",
  "i", "i", "i", "i", "i", "i", "i", "i",
  "i", "i", "ij", "ij", "j", "j", "k", "k",
  "\xc4\xb8", "l", "l", "l", "l", "l", "l", "l",
  "l", "l", "l", "n", "n", "n", "n", "n",
  "n", "'n", "\xc5\x8b", "\xc5\x8b", "o", "o", "o", "o",
  "o", "o", "oe", "oe", "r", "r", "r", "r",
  "r", "r", "s", "s", "s", "s", "s", "s",
  "s", "s", "t", "t", "t", "t", "t", "t",
  "u", "u", "u", "u", "u", "u", "u", "u",
  "u", "u", "u", "u", "w", "w", "y", "y",
  "y", "z", "z", "z", "z", "z", "z", "s",
  "b", "b", "b", "b", "\xc6\x85", "\xc6\x85", "\xc9\x94", "c",
  "c", "d", "d", "d", "d", "\xc6\x8d", "\xc7\x9d", "\xc9\x99",
  "\xc9\x9b", "f", "f", "g", "\xc9\xa3", "\xc6\x95", "\xc9\xa9", "i",
  "k", "k", "l", "\xc6\x9b", "\xc9\xaf", "n", "n", "o",
  "o", "o", "\xc6\xa3", "\xc6\xa3", "p", "p", "\xca\x80", "\xc6\xa8",
  "\xc6\xa8", "\xca\x83", "\xc6\xaa", "t", "t", "t", "t", "u",
  "u", "\xca\x8a", "v", "y", "y", "z", "z", "\xca\x92",
  "\xc6\xb9", "\xc6\xb9", "\xc6\xba", "\xc6\xbb", "\xc6\xbd", "\xc6\xbd", "\xc6\xbe", "\xc6\xbf",
  "\xc7\x80", "\xc7\x81", "\xc7\x82", "\xc7\x83", "dz", "dz", "dz", "lj",
  "lj", "lj", "nj", "nj", "nj", "a", "a", "i",
  "i", "o", "o", "u", "u", "u", "u", "u",
  "u", "u", "u", "u", "u", "\xc7\x9d", "a", "a",
  "a", "a", "ae", "ae", "g", "g", "g", "g",
  "k", "k", "o", "o", "o", "o", "\xca\x92", "\xca\x92",
  "j", "dz", "dz", "dz", "g", "g", "\xc6\x95", "\xc6\xbf",
  "n", "n", "a", "a", "ae", "ae", "o", "o",
  "a", "a", "a", "a", "e", "e", "e", "e",
  "i", "i", "i", "i", "o", "o", "o", "o",
  "r", "r", "r", "r", "u", "u", "u", "u",
  "s", "s", "t", "t", "\xc8\x9d", "\xc8\x9d", "h", "h",
  "n", "d", "\xc8\xa3", "\xc8\xa3", "z", "z", "a", "a",
  "e", "e", "o", "o", "o", "o", "o", "o",
  "o", "o", "y", "y", "l", "n", "t", "j",
  "db", "qp", "a", "c", "c", "l", "t", "s",
  "z", "\xc9\x82", "\xc9\x82", "b", "u", "\xca\x8c", "e", "e",
  "j", "j", "q", "q", "r", "r", "y", "y",
  "\xc9\x90", "\xc9\x91", "\xc9\x92", "b", "\xc9\x94", "c", "d", "d",
  "\xc9\x98", "\xc9\x99", "\xc9\x9a", "\xc9\x9b", "\xc9\x9c", "\xc9\x9d", "\xc9\x9e", "j",
  "g", "g", "\xc9\xa2", "\xc9\xa3", "\xc9\xa4", "\xc9\xa5", "h", "\xc9\xa7",
  "i", "\xc9\xa9", "\xc9\xaa", "l", "l", "l", "\xc9\xae", "\xc9\xaf",
  "\xc9\xb0", "m", "n", "n", "\xc9\xb4", "o", "\xc9\xb6", "\xc9\xb7",
  "\xc9\xb8", "\xc9\xb9", "\xc9\xba", "\xc9\xbb", "r", "r", "r", "\xc9\xbf",
  "\xca\x80", "\xca\x81", "s", "\xca\x83", "j", "\xca\x85", "\xca\x86", "\xca\x87",
  "t", "u", "\xca\x8a", "v", "\xca\x8c", "\xca\x8d", "\xca\x8e", "\xca\x8f",
  "z", "z", "\xca\x92", "\xca\x93", "\xca\x94", "\xca\x95", "\xca\x96", "\xca\x97",
  "\xca\x98", "\xca\x99", "\xca\x9a", "\xca\x9b", "\xca\x9c", "j", "\xca\x9e", "\xca\x9f",
  "q", "\xca\xa1", "\xca\xa2", "dz", "\xca\xa4", "dz", "ts", "\xca\xa7",
  "tc", "\xca\xa9", "ls", "lz", "\xca\xac", "\xca\xad", "\xca\xae", "\xca\xaf",
  /* U+1E00..U+1EFF */
  "a", "a", "b", "b", "b", "b", "b", "b",
  "c", "c", "d", "d", "d", "d", "d", "d",
  "d", "d", "d", "d", "e", "e", "e", "e",
  "e", "e", "e", "e", "e", "e", "f", "f",
  "g", "g", "h", "h", "h", "h", "h", "h",
  "h", "h", "h", "h", "i", "i", "i", "i",
  "k", "k", "k", "k", "k", "k", "l", "l",
  "l", "l", "l", "l", "l", "l", "m", "m",
  "m", "m", "m", "m", "n", "n", "n", "n",
  "n", "n", "n", "n", "o", "o", "o", "o",
  "o", "o", "o", "o", "p", "p", "p", "p",
  "r", "r", "r", "r", "r", "r", "r", "r",
  "s", "s", "s", "s", "s", "s", "s", "s",
  "s", "s", "t", "t", "t", "t", "t", "t",
  "t", "t", "u", "u", "u", "u", "u", "u",
  "u", "u", "u", "u", "v", "v", "v", "v",
  "w", "w", "w", "w", "w", "w", "w", "w",
  "w", "w", "x", "x", "x", "x", "y", "y",
  "z", "z", "z", "z", "z", "z", "h", "t",
  "w", "y", "a", "s", "s", "s", "ss", "\xe1\xba\x9f",
  "a", "a", "a", "a", "a", "a", "a", "a",
  "a", "a", "a", "a", "a", "a", "a", "a",
  "a", "a", "a", "a", "a", "a", "a", "a",
  "e", "e", "e", "e", "e", "e", "e", "e",
  "e", "e", "e", "e", "e", "e", "e", "e",
  "i", "i", "i", "i", "o", "o", "o", "o",
  "o", "o", "o", "o", "o", "o", "o", "o",
  "o", "o", "o", "o", "o", "o", "o", "o",
  "o", "o", "o", "o", "u", "u", "u", "u",
  "u", "u", "u", "u", "u", "u", "u", "u",
  "u", "u", "y", "y", "y", "y", "y", "y",
  "y", "y", "ll", "ll", "v", "v", "y", "y",
  /* U+2C60..U+2C7F */
  "l", "l", "l", "\xe1\xb5\xbd", "r", "a", "t", "h",
  "h", "k", "k", "z", "z", "\xc9\x91", "m", "\xc9\x90",
  "\xc9\x92", "v", "w", "w", "v", "\xe2\xb1\xb6", "\xe2\xb1\xb6", "\xe2\xb1\xb7",
  "e", "\xe2\xb1\xb9", "o", "\xe2\xb1\xbb", "\xe2\xb1\xbc", "\xe2\xb1\xbd", "s", "z",
};

G_STATIC_ASSERT (G_N_ELEMENTS (latin_table) == 0x230 + 0x100 + 0x20);

static inline const char *
latin_lookup (gunichar c)
{
  if (c >= 0x80 && c <= 0x2AF)
    return latin_table[c - 0x80];
  if (c >= 0x1E00 && c <= 0x1EFF)
    return latin_table[c - 0x1E00 + 0x230];
  if (c >= 0x2C60 && c <= 0x2C7F)
    return latin_table[c - 0x2C60 + 0x330];
  return NULL;
}

/*
 * Combining diacritics that belong to no script in particular. Only U+0300–U+036F occur in
 * canonical decompositions; the other blocks are dropped too so that a stray mark typed with
 * a Latin letter does not hide a match.
 */
static inline gboolean
is_dropped_mark (gunichar c)
{
  return (c >= 0x0300 && c <= 0x036F)
         || (c >= 0x1AB0 && c <= 0x1AFF)
         || (c >= 0x1DC0 && c <= 0x1DFF)
         || (c >= 0x20D0 && c <= 0x20FF)
         || (c >= 0xFE20 && c <= 0xFE2F);
}

/* Invisible characters that pasted text brings along and nobody types in a search. */
static inline gboolean
is_invisible (gunichar c)
{
  switch (c)
    {
    case 0x200B: /* zero width space */
    case 0x200E: case 0x200F: /* bidi marks */
    case 0x202A: case 0x202B: case 0x202C: case 0x202D: case 0x202E:
    case 0x2060: /* word joiner */
    case 0x2066: case 0x2067: case 0x2068: case 0x2069:
    case 0xFEFF: /* byte order mark */
      return TRUE;
    default:
      return FALSE;
    }
}

/* Tai Viet tone marks, combining or spacing; see fold_char(). */
static inline gboolean
is_tai_viet_tone (gunichar c)
{
  return c >= 0xAABF && c <= 0xAAC2;
}

/* Whether fold_char() writes nothing at all for @c. */
static gboolean
folds_to_nothing (gunichar c)
{
  const char *entry;

  if (c < 0x80)
    return ascii_map[c] == FOLD_DROP;
  entry = latin_lookup (c);
  if (entry != NULL)
    return entry[0] == FOLD_DROP;
  return is_dropped_mark (c) || is_invisible (c) || is_tai_viet_tone (c);
}

typedef struct
{
  gunichar c;
  guint    ccc;
} SegmentChar;

typedef struct
{
  GString  *out;
  gsize     pos;        /* bytes written; until the end, out->len is only the room we have */
  gsize     start;      /* where this call's output starts, so leading space can be trimmed */
  gboolean  want_space; /* white space seen after some output and not yet written */
  gunichar  held;       /* Tai Viet pre-base vowel waiting for its consonant, or 0 */
  GArray   *segment;    /* scratch for fold_segment(), allocated on first use */
} Folder;

static void
folder_grow (Folder *f,
             gsize   need)
{
  g_string_set_size (f->out, MAX (f->out->len * 2, f->pos + need + 64));
}

static inline char *
folder_reserve (Folder *f,
                gsize   need)
{
  if (G_UNLIKELY (f->pos + need > f->out->len))
    folder_grow (f, need);
  return f->out->str + f->pos;
}

static inline void
folder_put_unichar (Folder   *f,
                    gunichar  c)
{
  char *p = folder_reserve (f, 6);

  f->pos += g_unichar_to_utf8 (c, p);
}

/* Writes the space and the held vowel that come before the next visible character. */
static void
folder_settle (Folder *f)
{
  if (f->want_space)
    {
      *folder_reserve (f, 1) = ' ';
      f->pos++;
      f->want_space = FALSE;
    }
  if (f->held != 0)
    {
      gunichar held = f->held;

      f->held = 0;
      folder_put_unichar (f, held);
    }
}

static inline void
folder_before_output (Folder *f)
{
  if (G_UNLIKELY (f->want_space || f->held != 0))
    folder_settle (f);
}

static inline void
folder_space (Folder *f)
{
  if (f->held != 0)
    folder_settle (f);
  if (f->pos > f->start)
    f->want_space = TRUE;
}

static inline void
folder_put_visible (Folder   *f,
                    gunichar  c)
{
  folder_before_output (f);
  folder_put_unichar (f, c);
}

static inline void
folder_put_entry (Folder     *f,
                  const char *entry)
{
  char *p;

  if (entry[0] == FOLD_DROP)
    return;
  if (entry[0] == FOLD_SPACE)
    {
      folder_space (f);
      return;
    }
  folder_before_output (f);
  p = folder_reserve (f, 3);
  p[0] = entry[0];
  f->pos++;
  if (entry[1] != '\0')
    {
      p[1] = entry[1];
      f->pos++;
      if (entry[2] != '\0')
        {
          p[2] = entry[2];
          f->pos++;
        }
    }
}

/*
 * Tai Viet is stored in visual order: the vowels written left of the consonant come first.
 * Holding them until the consonant is written puts the key in spoken (logical) order, so that
 * words sort and match by their initial consonant.
 */
static inline gboolean
is_tai_viet_prebase_vowel (gunichar c)
{
  return c == 0xAAB5 || c == 0xAAB6 || c == 0xAAB9 || c == 0xAABB || c == 0xAABC;
}

static void
folder_put_tai_viet_consonant (Folder   *f,
                               gunichar  c)
{
  gunichar held = f->held;

  f->held = 0;
  folder_before_output (f);
  folder_put_unichar (f, c);
  if (held != 0)
    folder_put_unichar (f, held);
}

static void
folder_hold_tai_viet_vowel (Folder   *f,
                            gunichar  c)
{
  folder_before_output (f);
  f->held = c;
}

/*
 * Folds one code point. Returns FALSE, and writes nothing, when @c must first be decomposed
 * and reordered with the marks after it; @in_segment is TRUE when that was already done.
 */
static gboolean
fold_char (Folder   *f,
           gunichar  c,
           gboolean  in_segment)
{
  const char *entry;
  gunichar lower;

  if (c < 0x80)
    {
      folder_put_entry (f, (const char[]) { ascii_map[c], '\0', '\0' });
      return TRUE;
    }

  entry = latin_lookup (c);
  if (entry != NULL)
    {
      folder_put_entry (f, entry);
      return TRUE;
    }

  if (is_dropped_mark (c))
    return TRUE;

  /* Tai Viet */
  if (c >= 0xAA80 && c <= 0xAADF)
    {
      if (c <= 0xAAAF)
        {
          folder_put_tai_viet_consonant (f, c);
          return TRUE;
        }
      if (is_tai_viet_prebase_vowel (c))
        {
          folder_hold_tai_viet_vowel (f, c);
          return TRUE;
        }
      switch (c)
        {
        /*
         * The four tone marks, all named TAI VIET TONE … and charted together. MAI EK and
         * MAI THO combine above the consonant; MAI NUENG and MAI SONG are spacing tone
         * marks, general category Lo only because they do not combine, not letters of any
         * sound. All four carry only the tone, and many writers leave tones out, so all four
         * are ignored, as Vietnamese tones are.
         */
        case 0xAABF: /* MAI EK */
        case 0xAAC0: /* MAI NUENG */
        case 0xAAC1: /* MAI THO */
        case 0xAAC2: /* MAI SONG */
          return TRUE;

        /* Vowel signs with a non-zero combining class: their order is canonicalised. */
        case 0xAAB0:
        case 0xAAB2:
        case 0xAAB3:
        case 0xAAB4:
        case 0xAAB7:
        case 0xAAB8:
        case 0xAABE:
          if (!in_segment)
            return FALSE;
          break;

        default:
          break;
        }
      folder_put_visible (f, c);
      return TRUE;
    }

  /* Cham has no case and no decompositions, and its vowel signs are kept as they are. */
  if (c >= 0xAA00 && c <= 0xAA5F)
    {
      folder_put_visible (f, c);
      return TRUE;
    }

  if (is_invisible (c))
    return TRUE;

  switch (c)
    {
    case 0x1680:
    case 0x2000: case 0x2001: case 0x2002: case 0x2003: case 0x2004: case 0x2005:
    case 0x2006: case 0x2007: case 0x2008: case 0x2009: case 0x200A:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      folder_space (f);
      return TRUE;

    /* Word processors turn the apostrophe of H'Mông or Ê'Đê into these. */
    case 0x02BC:
    case 0x2018:
    case 0x2019:
      folder_put_entry (f, "'");
      return TRUE;

    default:
      break;
    }

  if (!in_segment)
    {
      gunichar a, b;

      if (g_unichar_combining_class (c) != 0 || g_unichar_decompose (c, &a, &b))
        return FALSE;
    }

  lower = g_unichar_tolower (c);
  entry = latin_lookup (lower);
  if (entry != NULL)
    folder_put_entry (f, entry);
  else
    folder_put_visible (f, lower);
  return TRUE;
}

/* Returns the length of the valid UTF-8 sequence at @p, or 0 if there is none. */
static inline guint
decode_utf8 (const guchar *p,
             const guchar *end,
             gunichar     *out)
{
  gsize avail = end - p;
  guchar b0 = p[0];
  guchar lo = 0x80;
  guchar hi = 0xBF;

  if (b0 >= 0xC2 && b0 <= 0xDF)
    {
      if (avail < 2 || (p[1] & 0xC0) != 0x80)
        return 0;
      *out = ((gunichar) (b0 & 0x1F) << 6) | (p[1] & 0x3F);
      return 2;
    }
  if (b0 >= 0xE0 && b0 <= 0xEF)
    {
      if (b0 == 0xE0)
        lo = 0xA0;
      else if (b0 == 0xED)
        hi = 0x9F; /* surrogates */
      if (avail < 3 || p[1] < lo || p[1] > hi || (p[2] & 0xC0) != 0x80)
        return 0;
      *out = ((gunichar) (b0 & 0x0F) << 12) | ((gunichar) (p[1] & 0x3F) << 6) | (p[2] & 0x3F);
      return 3;
    }
  if (b0 >= 0xF0 && b0 <= 0xF4)
    {
      if (b0 == 0xF0)
        lo = 0x90;
      else if (b0 == 0xF4)
        hi = 0x8F;
      if (avail < 4 || p[1] < lo || p[1] > hi
          || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
        return 0;
      *out = ((gunichar) (b0 & 0x07) << 18) | ((gunichar) (p[1] & 0x3F) << 12)
             | ((gunichar) (p[2] & 0x3F) << 6) | (p[3] & 0x3F);
      return 4;
    }
  return 0;
}

/*
 * Whether @c belongs to the segment before it. Besides the marks, three Tibetan vowel signs
 * have combining class 0 but decompose into marks.
 */
static inline gboolean
continues_segment (gunichar c)
{
  return g_unichar_combining_class (c) != 0 || c == 0x0F73 || c == 0x0F75 || c == 0x0F81;
}

static void
segment_append (GArray   *segment,
                gunichar  c)
{
  gunichar buf[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n = g_unichar_fully_decompose (c, FALSE, buf, G_N_ELEMENTS (buf));

  for (gsize i = 0; i < n; i++)
    {
      SegmentChar sc = { buf[i], (guint) g_unichar_combining_class (buf[i]) };

      /* Dropping them now is the same as dropping them after reordering, and cheaper. */
      if (!is_dropped_mark (sc.c))
        g_array_append_val (segment, sc);
    }
}

static gint
compare_ccc (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  const SegmentChar *x = a;
  const SegmentChar *y = b;

  (void) user_data;
  return (gint) x->ccc - (gint) y->ccc;
}

/* Canonical ordering: a stable sort by combining class of each run of marks. */
static void
segment_reorder (GArray *segment)
{
  SegmentChar *s = (SegmentChar *) (void *) segment->data;
  guint n = segment->len;
  guint i = 0;

  while (i < n)
    {
      guint run_end;

      if (s[i].ccc == 0)
        {
          i++;
          continue;
        }
      for (run_end = i + 1; run_end < n && s[run_end].ccc != 0; run_end++)
        ;
      if (run_end - i <= 32)
        {
          for (guint j = i + 1; j < run_end; j++)
            {
              SegmentChar tmp = s[j];
              guint k = j;

              for (; k > i && s[k - 1].ccc > tmp.ccc; k--)
                s[k] = s[k - 1];
              s[k] = tmp;
            }
        }
      else
        {
          /* g_qsort_with_data() is a stable merge sort. */
          g_qsort_with_data (s + i, run_end - i, sizeof (SegmentChar), compare_ccc, NULL);
        }
      i = run_end;
    }
}

/*
 * Folds @c together with the combining marks after it, in the order NFD would give them.
 * Returns where the input after the segment starts.
 */
static const guchar *
fold_segment (Folder       *f,
              gunichar      c,
              const guchar *next,
              const guchar *end)
{
  if (f->segment == NULL)
    f->segment = g_array_sized_new (FALSE, FALSE, sizeof (SegmentChar), 32);
  g_array_set_size (f->segment, 0);

  segment_append (f->segment, c);
  while (next < end)
    {
      gunichar d;
      guint n;

      /*
       * Characters that fold to nothing are skipped, so that the marks on both sides end up
       * in one run and in canonical order; otherwise folding the key again would reorder them.
       */
      if (*next < 0x80)
        {
          if (ascii_map[*next] != FOLD_DROP)
            break;
          next++;
          continue;
        }
      n = decode_utf8 (next, end, &d);
      if (n == 0)
        break;
      if (continues_segment (d))
        segment_append (f->segment, d);
      else if (!folds_to_nothing (d))
        break;
      next += n;
    }

  segment_reorder (f->segment);

  for (guint i = 0; i < f->segment->len; i++)
    fold_char (f, g_array_index (f->segment, SegmentChar, i).c, TRUE);

  return next;
}

void
banso_fold_append (GString    *out,
                   const char *text,
                   gssize      length)
{
  const guchar *p = (const guchar *) text;
  const guchar *end;
  Folder f = { 0, };

  g_return_if_fail (out != NULL);
  g_return_if_fail (text != NULL || length == 0);

  if (length < 0)
    length = strlen (text);
  if (length == 0)
    return;
  end = p + length;

  f.out = out;
  f.start = f.pos = out->len;
  /* Enough for the usual case, where the key is no longer than the text. */
  g_string_set_size (out, out->len + length + 16);

  while (p < end)
    {
      gunichar c;
      guint n;

      if (G_LIKELY (*p < 0x80))
        {
          char m = ascii_map[*p++];

          if (G_LIKELY (m > FOLD_SPACE))
            {
              folder_before_output (&f);
              *folder_reserve (&f, 1) = m;
              f.pos++;
            }
          else if (m == FOLD_SPACE)
            {
              folder_space (&f);
            }
          continue;
        }

      n = decode_utf8 (p, end, &c);
      if (G_UNLIKELY (n == 0))
        {
          /* One replacement character for the whole run of bad bytes. */
          for (p++; p < end && *p >= 0x80 && decode_utf8 (p, end, &c) == 0; p++)
            ;
          folder_put_visible (&f, 0xFFFD);
          continue;
        }
      p += n;

      if (!fold_char (&f, c, FALSE))
        p = fold_segment (&f, c, p, end);
    }

  /* A pre-base vowel at the very end has no consonant to follow. */
  if (f.held != 0)
    {
      f.want_space = FALSE;
      folder_settle (&f);
    }

  g_string_truncate (out, f.pos);
  if (f.segment != NULL)
    g_array_unref (f.segment);
}

char *
banso_fold (const char *text,
            gssize      length)
{
  GString *out;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  out = g_string_sized_new (length > 0 ? (gsize) length + 16 : 32);
  banso_fold_append (out, text != NULL ? text : "", length);
  return g_string_free (out, FALSE);
}

/*
 * What FTS5's unicode61 tokenizer keeps inside a token when the table is declared with
 * categories 'L* N* Co M*': letters, numbers, private use, and the marks, which Tai Viet
 * and Cham vowel signs are.
 */
static gboolean
is_fts_token_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);

  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
      return TRUE;
    default:
      return FALSE;
    }
}

/* More words than anyone types in a search box; this also bounds the expression's size. */
#define MAX_QUERY_TOKENS 32

char *
banso_fold_query_to_fts (const char *query)
{
  g_autofree char *folded = NULL;
  g_autoptr(GString) expr = NULL;
  gboolean in_token = FALSE;
  guint tokens = 0;

  g_return_val_if_fail (query != NULL, NULL);

  folded = banso_fold (query, -1);
  expr = g_string_new (NULL);

  /* The fold's output is valid UTF-8. */
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_fts_token_char (c))
        {
          if (!in_token)
            {
              if (tokens == MAX_QUERY_TOKENS)
                break;
              tokens++;
              if (expr->len > 0)
                g_string_append_c (expr, ' ');
              g_string_append_c (expr, '"');
              in_token = TRUE;
            }
          /* Token characters never include the quote; doubling it keeps that a non-issue. */
          if (c == '"')
            g_string_append (expr, "\"\"");
          else
            g_string_append_len (expr, p, g_utf8_next_char (p) - p);
        }
      else if (in_token)
        {
          g_string_append (expr, "\"*");
          in_token = FALSE;
        }
    }
  if (in_token)
    g_string_append (expr, "\"*");

  if (expr->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&expr), FALSE);
}
