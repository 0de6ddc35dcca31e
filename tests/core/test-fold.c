/* test-fold.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib.h>
#include <string.h>

#include "banso-fold.h"
#include "banso-test-util.h"

typedef struct
{
  const char *input;
  const char *expected;
} FoldCase;

static void
assert_fold (const char *input,
             const char *expected)
{
  g_autofree char *folded = banso_fold (input, -1);

  g_assert_cmpstr (folded, ==, expected);
  g_assert_true (g_utf8_validate (folded, -1, NULL));
}

static void
test_fold_vietnamese (void)
{
  static const FoldCase cases[] = {
    { "Lò Văn Pơm", "lo van pom" },
    { "lo van pom", "lo van pom" },
    { "LÒ VĂN PƠM", "lo van pom" },
    { "Đặng Thị", "dang thi" },
    { "DANG THI", "dang thi" },
    { "đặng thị", "dang thi" },
    { "ÐẶNG THỊ", "dang thi" }, /* U+00D0 ETH typed for Đ */
    { "Giàng A Sùng", "giang a sung" },
    { "Khơ-mú", "kho-mu" },
    { "Ê Đê", "e de" },
    { "H’Mông", "h'mong" },
    { "H'Mông", "h'mong" },
    { "H‘Mông", "h'mong" },
    { "HʼMông", "h'mong" },
    { "Nguyễn Thị Ánh Tuyết", "nguyen thi anh tuyet" },
    { "Hà Nhì, Lô Lô; Pà Thẻn.", "ha nhi, lo lo; pa then." },
    { "Ơ Đu Ư Ă Â Ê Ô", "o du u a a e o" },
    { "ăắằẳẵặâấầẩẫậ", "aaaaaaaaaaaa" },
    { "ƯỨỪỬỮỰ ơớờởỡợ", "uuuuuu oooooo" },
    { "ỳýỷỹỵ ÌÍỈĨỊ", "yyyyy iiiii" },
    /* Ê Đê Latin orthography */
    { "Ĕ Ŏ Ŭ ĕŏŭ Ñ ñ", "e o u eou n n" },
    /* Mông RPA is plain ASCII */
    { "Vaj Tsab Lis", "vaj tsab lis" },
    /* Other Latin letters with diacritics and ligatures */
    { "Øresund Łódź Ærø Œuvre Straße ẞ", "oresund lodz aero oeuvre strasse ss" },
    { "Ǆ ǅ ǆ Ĳ ĳ", "dz dz dz ij ij" },
    { "ƁƊƳ ɓɗƴ Ɨ ɨ", "bdy bdy i i" },
    { "İ ı", "i i" },
    /* Letters that are not a base letter with a mark are only lower-cased */
    { "Ŋ Ə Ɛ Þ", "ŋ ə ɛ þ" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_fold (cases[i].input, cases[i].expected);
}

static void
test_fold_equal_pairs (void)
{
  static const char *pairs[][2] = {
    { "Lò Văn Pơm", "lo van pom" },
    { "DANG THI", "Đặng Thị" },
    { "Giàng A Sùng", "GIANG A SUNG" },
    { "H’Mông", "H'MONG" },
    { "Ê Đê", "E DE" },
    { "Khơ-mú", "KHO-MU" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autofree char *a = banso_fold (pairs[i][0], -1);
      g_autofree char *b = banso_fold (pairs[i][1], -1);

      g_assert_cmpstr (a, ==, b);
    }
}

static void
test_fold_space (void)
{
  static const FoldCase cases[] = {
    { "", "" },
    { "   ", "" },
    { "  Lò   Văn\tPơm \n", "lo van pom" },
    { "a\u00A0b\u2003c\u3000d\u2028e", "a b c d e" },
    { "a \t\r\n b", "a b" },
    { "\u00A0a\u00A0", "a" },
    /* invisible characters are dropped, not turned into spaces */
    { "Lò\u200BVăn\u00ADPơm\uFEFF", "lovanpom" },
    { "a\x01\x1f\x7f b", "a b" },
    { "\u202Ba\u202C", "a" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_fold (cases[i].input, cases[i].expected);
}

static void
test_fold_nfd (void)
{
  static const char *names[] = {
    "Lò Văn Pơm", "Đặng Thị Hường", "Giàng A Sùng", "Khơ-mú", "Ê Đê", "H’Mông",
    "Nguyễn Thị Ánh Tuyết", "Phạm Ngọc Ẩn", "Ǻ ǻ Ǿ ǿ Ǣ ǣ", "Ἀθῆναι", "한국어", "が ぱ",
    "\uAA80\uAAB2\uAAB4", "\uAA80\uAAB4\uAAB2",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *nfc = g_utf8_normalize (names[i], -1, G_NORMALIZE_NFC);
      g_autofree char *nfd = g_utf8_normalize (names[i], -1, G_NORMALIZE_NFD);
      g_autofree char *a = banso_fold (nfc, -1);
      g_autofree char *b = banso_fold (nfd, -1);
      g_autofree char *c = banso_fold (names[i], -1);

      g_assert_cmpstr (a, ==, b);
      g_assert_cmpstr (a, ==, c);
    }

  /* Vietnamese typed with a decomposing keyboard: base letter, then horn, then tone. */
  assert_fold ("PO\u031B\u0300m \u01A0\u0300", "pom o");
  /* The marks after a letter may come in either order. */
  assert_fold ("a\u0323\u0302 a\u0302\u0323 \u1EAD", "a a a");
}

static gboolean
is_interesting (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type != G_UNICODE_UNASSIGNED && type != G_UNICODE_SURROGATE
         && type != G_UNICODE_PRIVATE_USE;
}

/* The fold is defined on canonical equivalence, for every character of Unicode. */
static void
test_fold_nfd_every_character (void)
{
  static const char *suffixes[] = {
    "", "\u0323\u0302", "\u0301", "\u05B0\u0591", "\uAAB2\uAAB4", "\u0F72\u0F73", "\u11A8",
  };
  guint n_suffixes = g_test_thorough () ? G_N_ELEMENTS (suffixes) : 3;

  for (gunichar c = 1; c <= 0x10FFFF; c++)
    {
      char buf[64];
      gint len;

      if (!is_interesting (c))
        continue;

      buf[0] = 'x';
      len = 1 + g_unichar_to_utf8 (c, buf + 1);
      buf[len] = '\0';
      for (guint i = 0; i < n_suffixes; i++)
        {
          g_autofree char *s = g_strconcat (buf, suffixes[i], NULL);
          g_autofree char *nfc = g_utf8_normalize (s, -1, G_NORMALIZE_NFC);
          g_autofree char *nfd = g_utf8_normalize (s, -1, G_NORMALIZE_NFD);
          g_autofree char *a = banso_fold (nfc, -1);
          g_autofree char *b = banso_fold (nfd, -1);
          g_autofree char *d = banso_fold (s, -1);

          if (g_strcmp0 (a, b) != 0 || g_strcmp0 (a, d) != 0)
            g_error ("U+%04X%s: NFC folds to “%s”, NFD to “%s”, as typed to “%s”",
                     c, suffixes[i], a, b, d);
        }
    }
}

/* Case never matters: a character folds like its lower-case form. */
static void
test_fold_case_every_character (void)
{
  for (gunichar c = 1; c <= 0x10FFFF; c++)
    {
      char upper[8] = { 0, };
      char lower[8] = { 0, };

      if (!is_interesting (c))
        continue;

      g_unichar_to_utf8 (c, upper);
      g_unichar_to_utf8 (g_unichar_tolower (c), lower);
      {
        g_autofree char *a = banso_fold (upper, -1);
        g_autofree char *b = banso_fold (lower, -1);

        if (g_strcmp0 (a, b) != 0)
          g_error ("U+%04X folds to “%s” but its lower case to “%s”", c, a, b);
      }
    }
}

/* Folding a key again changes nothing, except for Tai Viet, whose vowels move. */
static void
test_fold_idempotent (void)
{
  /* Marks separated only by characters that fold to nothing (found by fuzzing). */
  static const char *strings[] = {
    "\x05\u0F75\x05\u0F75  ",
    "a\u0591\u200B\u05B0",
    "a\u0591\u00AD\u05B0\u0301\u05B0",
    "\u0F72\uAAC0\u0F71",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      g_autofree char *once = banso_fold (strings[i], -1);
      g_autofree char *twice = banso_fold (once, -1);

      g_assert_cmpstr (once, ==, twice);
    }

  for (gunichar c = 1; c <= 0x10FFFF; c++)
    {
      char buf[16] = { 0, };

      if (!is_interesting (c) || (c >= 0xAA80 && c <= 0xAADF))
        continue;

      buf[0] = 'A';
      g_unichar_to_utf8 (c, buf + 1);
      {
        g_autofree char *once = banso_fold (buf, -1);
        g_autofree char *twice = banso_fold (once, -1);

        if (g_strcmp0 (once, twice) != 0)
          g_error ("U+%04X: “%s” folds again to “%s”", c, once, twice);
      }
    }
}

static void
test_fold_tai_viet (void)
{
  static const FoldCase cases[] = {
    /* Words from the Tai Dam translation of the UDHR: pre-base vowel + consonant. */
    { "\uAAB9\uAA95\uAAB8\uAA89", "\uAA95\uAAB9\uAAB8\uAA89" },  /* ꪹꪕꪸꪉ */
    { "\uAAB5\uAA9D\uAA89", "\uAA9D\uAAB5\uAA89" },              /* ꪵꪝꪉ */
    { "\uAAB6\uAA94\uAA99", "\uAA94\uAAB6\uAA99" },              /* ꪶꪔꪙ */
    { "\uAABB\uAAA0", "\uAAA0\uAABB" },                          /* ꪻꪠ */
    { "\uAABC\uAA92", "\uAA92\uAABC" },                          /* ꪼꪒ */
    { "\uAAB9\uAA8B\uAAB7\uAA89", "\uAA8B\uAAB9\uAAB7\uAA89" },  /* ꪹꪋꪷꪉ */
    { "\uAAB5\uAA80 \uAAB9\uAA99", "\uAA80\uAAB5 \uAA99\uAAB9" }, /* ꪵꪀ ꪹꪙ */
    /* The script's name, ꪎꪳ ꪼꪕ: vowel signs above and after the consonant stay put. */
    { "\uAA8E\uAAB3 \uAABC\uAA95", "\uAA8E\uAAB3 \uAA95\uAABC" },
    /* Combining and spacing tone marks are dropped, vowel signs never. */
    { "\uAA80\uAABF\uAAB1", "\uAA80\uAAB1" },
    { "\uAAB9\uAA81\uAAC1\uAAB1", "\uAA81\uAAB9\uAAB1" },
    { "\uAA80\uAAB1\uAAC0", "\uAA80\uAAB1" },
    { "\uAA80\uAAB1\uAAC2", "\uAA80\uAAB1" },
    { "\uAA8E\uAAB2\uAA89", "\uAA8E\uAAB2\uAA89" },              /* ꪎꪲꪉ */
    { "\uAAAD\uAAB4\uAA92", "\uAAAD\uAAB4\uAA92" },              /* ꪭꪴꪒ */
    { "\uAA80\uAABE\uAA9A", "\uAA80\uAABE\uAA9A" },              /* ꪀꪾꪚ */
    { "\uAA80\uAAB0\uAA80", "\uAA80\uAAB0\uAA80" },
    /* A pre-base vowel with no consonant after it stays where it is. */
    { "\uAAB5", "\uAAB5" },
    { "\uAAB5 \uAA80", "\uAAB5 \uAA80" },
    { "\uAAB5\uAAB6\uAA80", "\uAAB5\uAA80\uAAB6" },
    { "\uAAB5a", "\uAAB5a" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_fold (cases[i].input, cases[i].expected);
}

static void
test_fold_cham (void)
{
  static const char *words[] = {
    "\uAA00\uAA07\uAA49 \uAA0C\uAA4C", /* ꨀꨇꩉ ꨌꩌ, Akhar Cham */
    "\uAA0C\uAA2E\uAA06",
    "\uAA15\uAA2A\uAA23",
    "\uAA00\uAA29\uAA2B\uAA2C\uAA2D\uAA2F\uAA30\uAA31\uAA32\uAA33\uAA34\uAA35\uAA36\uAA43",
    "\uAA50\uAA51 \uAA5C\uAA5D",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (words); i++)
    assert_fold (words[i], words[i]);
}

static void
test_fold_other_scripts (void)
{
  static const FoldCase cases[] = {
    { "ПРИВЕТ Мир", "привет мир" },
    { "ΑΘΗΝΑ", "αθηνα" },
    { "中文 名字", "中文 名字" },
    { "ไทย", "ไทย" },
    { "ＡＢＣ", "ａｂｃ" },
    { "\u212A\u212B", "ka" }, /* KELVIN SIGN, ANGSTROM SIGN */
    { "Ⱥⱥ", "aa" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_fold (cases[i].input, cases[i].expected);
}

static void
test_fold_invalid_utf8 (void)
{
  static const struct
  {
    const char *input;
    gssize      length;
    const char *expected;
  } cases[] = {
    { "a\xff" "b", -1, "a\uFFFDb" },
    { "a\xff\xfe\xfd" "b", -1, "a\uFFFDb" },
    { "\xc0\xaf", -1, "\uFFFD" },         /* overlong */
    { "\xed\xa0\x80x", -1, "\uFFFDx" },   /* surrogate */
    { "\xf4\x90\x80\x80", -1, "\uFFFD" }, /* beyond U+10FFFF */
    { "L\xc3", -1, "l\uFFFD" },           /* truncated */
    { "\xe1\xbb", -1, "\uFFFD" },
    { "\x80" "A", -1, "\uFFFDa" },
    { "a\0b", 3, "ab" },                  /* NUL inside an explicit length */
    { "Lò Văn", 4, "lo" },                /* length cuts the text */
    { "Lò Văn", 2, "l\uFFFD" },           /* length cuts inside a character */
    { "\xff \xff", -1, "\uFFFD \uFFFD" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = banso_fold (cases[i].input, cases[i].length);

      g_assert_cmpstr (folded, ==, cases[i].expected);
      g_assert_true (g_utf8_validate (folded, -1, NULL));
    }
}

static void
test_fold_append (void)
{
  g_autoptr(GString) out = g_string_new ("key:");

  banso_fold_append (out, "  Lò Văn  ", -1);
  g_assert_cmpstr (out->str, ==, "key:lo van");
  g_string_append_c (out, '|');
  banso_fold_append (out, "Đặng", -1);
  g_assert_cmpstr (out->str, ==, "key:lo van|dang");
  banso_fold_append (out, "", -1);
  banso_fold_append (out, "   ", -1);
  banso_fold_append (out, NULL, 0);
  g_assert_cmpstr (out->str, ==, "key:lo van|dang");
  g_assert_cmpuint (out->len, ==, strlen (out->str));

  /* Output longer than the input: every bad byte run becomes three bytes. */
  g_string_truncate (out, 0);
  banso_fold_append (out, "\xff" "a\xff" "a\xff" "a\xff", -1);
  g_assert_cmpstr (out->str, ==, "\uFFFDa\uFFFDa\uFFFDa\uFFFD");
}

static void
test_fold_long (void)
{
  g_autoptr(GString) in = g_string_new (NULL);
  g_autoptr(GString) valid = g_string_new (NULL);
  g_autofree char *folded = NULL;
  g_autofree char *nfd = NULL;
  g_autofree char *folded_nfd = NULL;

  for (guint i = 0; i < 10000; i++)
    {
      g_string_append (in, "Hàn\u1EE8  \xff ");
      g_string_append (valid, "Hàn\u1EE8  \uFFFD ");
    }
  /* A long run of marks takes the stable-sort path. */
  for (guint i = 0; i < 5000; i++)
    {
      g_string_append (in, i == 0 ? " a\u05B0\u0591\u0301" : "\u05B0\u0591\u0301");
      g_string_append (valid, i == 0 ? " a\u05B0\u0591\u0301" : "\u05B0\u0591\u0301");
    }

  folded = banso_fold (in->str, in->len);
  g_assert_true (g_utf8_validate (folded, -1, NULL));
  g_assert_true (g_str_has_prefix (folded, "hanu \uFFFD hanu \uFFFD"));
  /* marks in canonical order: SHEVA (class 10) before ETNAHTA (220), acute dropped */
  g_assert_nonnull (strstr (folded, "\uFFFD a\u05B0\u05B0\u05B0"));
  g_assert_true (g_str_has_suffix (folded, "\u0591\u0591"));
  g_assert_true (g_str_has_suffix (strstr (folded, "\u05B0\u0591"), "\u0591\u0591"));

  nfd = g_utf8_normalize (valid->str, -1, G_NORMALIZE_NFD);
  folded_nfd = banso_fold (nfd, -1);
  g_assert_cmpstr (folded, ==, folded_nfd);
}

typedef struct
{
  const char *query;
  const char *expected;
} QueryCase;

/* Each token is a double-quoted string with inner quotes doubled, followed by '*'. */
static gboolean
is_valid_prefix_expression (const char *expr)
{
  const char *p = expr;

  while (*p != '\0')
    {
      if (*p++ != '"')
        return FALSE;
      for (;;)
        {
          if (*p == '\0')
            return FALSE;
          if (*p == '"')
            {
              if (p[1] == '"')
                {
                  p += 2;
                  continue;
                }
              p++;
              break;
            }
          p++;
        }
      if (*p++ != '*')
        return FALSE;
      if (*p == ' ')
        {
          p++;
          if (*p == '\0')
            return FALSE;
        }
      else if (*p != '\0')
        {
          return FALSE;
        }
    }
  return p != expr;
}

static void
test_fold_query (void)
{
  static const QueryCase cases[] = {
    { "lo van po", "\"lo\"* \"van\"* \"po\"*" },
    { "Lò Văn Pơ", "\"lo\"* \"van\"* \"po\"*" },
    { "  Đặng  ", "\"dang\"*" },
    { "H’Mông", "\"h\"* \"mong\"*" },
    { "Khơ-mú", "\"kho\"* \"mu\"*" },
    { "0912 345", "\"0912\"* \"345\"*" },
    { "", NULL },
    { "   ", NULL },
    { "\"\"\"", NULL },
    { "* ^ : ( ) - + ,", NULL },
    /* hostile input: operators and syntax become plain words or disappear */
    { "lo\" OR 1=1 --", "\"lo\"* \"or\"* \"1\"* \"1\"*" },
    { "NEAR(lo van, 2)", "\"near\"* \"lo\"* \"van\"* \"2\"*" },
    { "a AND b NOT c", "\"a\"* \"and\"* \"b\"* \"not\"* \"c\"*" },
    { "col:lo ^van po*", "\"col\"* \"lo\"* \"van\"* \"po\"*" },
    { "{x y}: z", "\"x\"* \"y\"* \"z\"*" },
    { "\"lo van\"", "\"lo\"* \"van\"*" },
    { "a\xff" "b", "\"a\"* \"b\"*" },
    /* Tai Viet and Cham vowel signs stay inside their tokens */
    { "\uAAB5\uAA9D\uAA89 \uAA8E\uAAB2\uAA89", "\"\uAA9D\uAAB5\uAA89\"* \"\uAA8E\uAAB2\uAA89\"*" },
    { "\uAA0C\uAA2E\uAA06 \uAA0C\uAA4C", "\"\uAA0C\uAA2E\uAA06\"* \"\uAA0C\uAA4C\"*" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *expr = banso_fold_query_to_fts (cases[i].query);

      g_assert_cmpstr (expr, ==, cases[i].expected);
      if (expr != NULL)
        g_assert_true (is_valid_prefix_expression (expr));
    }
}

static void
test_fold_query_many_tokens (void)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autofree char *expr = NULL;
  guint stars = 0;

  for (guint i = 0; i < 1000; i++)
    g_string_append (query, "từ ");
  expr = banso_fold_query_to_fts (query->str);
  g_assert_nonnull (expr);
  g_assert_true (is_valid_prefix_expression (expr));
  for (const char *p = expr; *p != '\0'; p++)
    stars += *p == '*';
  g_assert_cmpuint (stars, ==, 32);
}

static void
test_fold_query_random (void)
{
  static const char alphabet[] =
    "aZ \"'*^:()-+,.{}[]\\NEAROTD\t\xc3\xa0\xff\xea\xaa\xb5\xea\xaa\x80";

  for (guint i = 0; i < 20000; i++)
    {
      char query[24];
      guint len = g_test_rand_int_range (0, sizeof query);
      g_autofree char *expr = NULL;

      for (guint j = 0; j < len; j++)
        query[j] = alphabet[g_test_rand_int_range (0, sizeof alphabet - 1)];
      query[len] = '\0';

      expr = banso_fold_query_to_fts (query);
      if (expr != NULL)
        g_assert_true (is_valid_prefix_expression (expr));
    }
}

/* The search index keeps no positions (schema 9): every word of a query must
 * be one word to its tokenizer, or the query is a phrase, which it refuses.
 * Tried against the real index with each character between two letters. */
static void
test_fold_query_single_terms (void)
{
  g_autoptr(BansoUser) admin = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  BansoStore *store = banso_test_open_tmp_store (&dir, &admin);
  sqlite3 *db = banso_store_acquire_reader (store, &error);
  guint tried = 0;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM household_fts"
                                           " WHERE household_fts MATCH ?1", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  for (gunichar c = 0x21; c < 0x40000; c++)
    {
      char word[16] = "a";
      g_autofree char *expr = NULL;
      int len;

      if (!g_unichar_validate (c))
        continue;
      len = g_unichar_to_utf8 (c, word + 1);
      word[1 + len] = 'b';
      expr = banso_fold_query_to_fts (word);
      if (expr == NULL)
        continue;
      sqlite3_bind_text (stmt, 1, expr, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        g_error ("U+%04X: %s: %s", c, expr, sqlite3_errmsg (db));
      sqlite3_reset (stmt);
      tried++;
    }
  g_assert_cmpuint (tried, >, 100000);

  g_clear_pointer (&stmt, sqlite3_finalize);
  banso_store_release_reader (store, db);
  banso_test_close_tmp_store (store, g_steal_pointer (&admin), g_steal_pointer (&dir));
}

/* Run with -m perf: the CSV import folds millions of names. */
static void
test_fold_perf (void)
{
  static const char *names[] = {
    "Lò Văn Pơm", "Đặng Thị Hường", "Giàng A Sùng", "Nguyễn Thị Ánh Tuyết",
    "Hà Văn Khánh", "Vàng Seo Phìn", "Y Đức Niê", "H’Hen Niê", "Lý Thị Mẩy", "Sùng A Páo",
  };
  g_autoptr(GString) out = g_string_sized_new (64);
  gsize bytes = 0;
  gdouble seconds;

  g_test_timer_start ();
  for (guint i = 0; i < 2000000; i++)
    {
      const char *name = names[i % G_N_ELEMENTS (names)];

      g_string_truncate (out, 0);
      banso_fold_append (out, name, -1);
      bytes += strlen (name);
    }
  seconds = g_test_timer_elapsed ();
  g_test_minimized_result (seconds, "%.1f MB/s", bytes / seconds / 1e6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fold/vietnamese", test_fold_vietnamese);
  g_test_add_func ("/fold/equal-pairs", test_fold_equal_pairs);
  g_test_add_func ("/fold/space", test_fold_space);
  g_test_add_func ("/fold/nfd", test_fold_nfd);
  g_test_add_func ("/fold/nfd-every-character", test_fold_nfd_every_character);
  g_test_add_func ("/fold/case-every-character", test_fold_case_every_character);
  g_test_add_func ("/fold/idempotent", test_fold_idempotent);
  g_test_add_func ("/fold/tai-viet", test_fold_tai_viet);
  g_test_add_func ("/fold/cham", test_fold_cham);
  g_test_add_func ("/fold/other-scripts", test_fold_other_scripts);
  g_test_add_func ("/fold/invalid-utf8", test_fold_invalid_utf8);
  g_test_add_func ("/fold/append", test_fold_append);
  g_test_add_func ("/fold/long", test_fold_long);
  g_test_add_func ("/fold/query", test_fold_query);
  g_test_add_func ("/fold/query-many-tokens", test_fold_query_many_tokens);
  g_test_add_func ("/fold/query-random", test_fold_query_random);
  g_test_add_func ("/fold/query-single-terms", test_fold_query_single_terms);
  if (g_test_perf ())
    g_test_add_func ("/fold/perf", test_fold_perf);

  return g_test_run ();
}
