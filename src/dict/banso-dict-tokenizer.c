/* banso-dict-tokenizer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Banso's FTS5 tokenizer. A word is a run of letters, digits, private-use
 * characters and marks: the vowel signs of Cham and Tai Viet are marks, and
 * a word is never cut at them (unicode61 cuts there, and a Cham word then
 * matches another differing by one vowel sign). Each word is emitted as its
 * fold, the same key every other search path compares, so the text and the
 * query of a MATCH are folded by this one function.
 */

#define G_LOG_DOMAIN "banso-dict"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "banso-dict-tokenizer.h"
#include "banso-fold.h"
#include "banso-store.h"

typedef struct
{
  GString *scratch;
} Tokenizer;

static int
tok_create (void        *context,
            const char **args,
            int          n_args,
            Fts5Tokenizer **out)
{
  Tokenizer *t = g_new0 (Tokenizer, 1);

  t->scratch = g_string_sized_new (64);
  *out = (Fts5Tokenizer *)t;
  return SQLITE_OK;
}

static void
tok_delete (Fts5Tokenizer *tokenizer)
{
  Tokenizer *t = (Tokenizer *)tokenizer;

  g_string_free (t->scratch, TRUE);
  g_free (t);
}

static inline gboolean
is_word_char (gunichar c)
{
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
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_PRIVATE_USE:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Decodes one character; a byte that is not UTF-8 counts as a separator. */
static inline gunichar
next_char (const char *p,
           const char *end,
           int        *len)
{
  guchar b = (guchar)*p;
  gunichar c;

  if (b < 0x80)
    {
      *len = 1;
      return b;
    }
  c = g_utf8_get_char_validated (p, end - p);
  if (c == (gunichar)-1 || c == (gunichar)-2)
    {
      *len = 1;
      return ' ';
    }
  *len = g_utf8_skip[b];
  return c;
}

static int
tok_tokenize (Fts5Tokenizer *tokenizer,
              void          *ctx,
              int            flags,
              const char    *text,
              int            n_text,
              int          (*emit) (void *, int, const char *, int, int, int))
{
  Tokenizer *t = (Tokenizer *)tokenizer;
  const char *p = text;
  const char *end = text + n_text;

  while (p < end)
    {
      const char *start;
      int len;
      int rc;

      while (p < end && !is_word_char (next_char (p, end, &len)))
        p += len;
      if (p >= end)
        break;
      start = p;
      while (p < end && is_word_char (next_char (p, end, &len)))
        p += len;

      g_string_truncate (t->scratch, 0);
      banso_fold_append (t->scratch, start, p - start);
      if (t->scratch->len == 0)
        continue;
      rc = emit (ctx, 0, t->scratch->str, (int)t->scratch->len, (int)(start - text),
                 (int)(p - text));
      if (rc != SQLITE_OK)
        return rc;
    }
  return SQLITE_OK;
}

static fts5_api *
get_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, (void *)&api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return api;
}

/**
 * banso_dict_tokenizer_register:
 *
 * Registers the tokenizer on @db; a #BansoConnectionHook, so that every
 * connection of the store knows it before it reads a dictionary table.
 */
gboolean
banso_dict_tokenizer_register (sqlite3   *db,
                               gboolean   writer,
                               GError   **error)
{
  static fts5_tokenizer tokenizer = { tok_create, tok_delete, tok_tokenize };
  fts5_api *api = get_fts5_api (db);

  if (api == NULL || api->iVersion < 2)
    {
      g_set_error_literal (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_SQL,
                           "SQLite was built without FTS5.");
      return FALSE;
    }
  if (api->xCreateTokenizer (api, BANSO_DICT_TOKENIZER, NULL, &tokenizer, NULL) != SQLITE_OK)
    return banso_sql_error (db, sqlite3_errcode (db), error);
  return TRUE;
}

/**
 * banso_dict_tokenizer_split:
 *
 * Returns: (transfer full) (element-type utf8): the words of @text
 */
GPtrArray *
banso_dict_tokenizer_split (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;
  const char *end = text + strlen (text);

  while (p < end)
    {
      const char *start;
      int len;
      g_autofree char *word = NULL;
      g_autofree char *key = NULL;

      while (p < end && !is_word_char (next_char (p, end, &len)))
        p += len;
      if (p >= end)
        break;
      start = p;
      while (p < end && is_word_char (next_char (p, end, &len)))
        p += len;
      word = g_strndup (start, p - start);
      key = banso_fold (word, -1);
      if (*key != '\0')
        g_ptr_array_add (words, g_steal_pointer (&word));
    }
  return words;
}
