/* banso-dict-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Search as you type, in both directions, best first: the exact headword,
 * headwords that begin with what was typed (range scans of the folded keys),
 * then a word of a gloss (reverse lookup), then a word of a definition or an
 * example (FTS5 with Banso's tokenizer); when nothing matches, headwords at
 * an edit distance of at most two. Every path compares banso_dict_fold()
 * keys: the tokenizer folds with the same function.
 */

#define G_LOG_DOMAIN "banso-dict"

#include "config.h"

#include <string.h>

#include "banso-dict-fold.h"
#include "banso-dict-language.h"
#include "banso-dict-search.h"
#include "banso-dict-tokenizer.h"
#include "banso-store.h"

#define MAX_DISTANCE 2

BansoDictQuery *
banso_dict_query_new (const char *text)
{
  BansoDictQuery *q = g_new0 (BansoDictQuery, 1);

  q->text = g_strdup (text != NULL ? text : "");
  return q;
}

BansoDictQuery *
banso_dict_query_copy (const BansoDictQuery *query)
{
  BansoDictQuery *q = banso_dict_query_new (query->text);

  q->lang = g_strdup (query->lang);
  q->dictionary = g_strdup (query->dictionary);
  q->flags = query->flags;
  q->limit = query->limit;
  return q;
}

void
banso_dict_query_free (BansoDictQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->text);
  g_free (query->lang);
  g_free (query->dictionary);
  g_free (query);
}

void
banso_dict_hit_free (BansoDictHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->id);
  g_free (hit->headword);
  g_free (hit->glosses);
  g_free (hit->lang);
  g_free (hit);
}

const char *
banso_dict_match_to_string (BansoDictMatch match)
{
  static const char *names[] = { "exact", "prefix", "gloss", "text", "fuzzy", "browse" };

  return match <= BANSO_DICT_MATCH_BROWSE ? names[match] : "?";
}

typedef struct
{
  sqlite3              *db;
  const BansoDictQuery *query;
  guint                 limit;
  GPtrArray            *hits;
  GHashTable           *seen;   /* docnos already in @hits */
  sqlite3_stmt         *fetch;
  gboolean              count_only;  /* no filter to apply: the docnos are enough */
} Search;

static gboolean
sql_fail (sqlite3  *db,
          GError  **error)
{
  return banso_sql_error (db, sqlite3_errcode (db), error);
}

/* Adds the entry @docno to the results, unless it is there or filtered out. */
static gboolean
add_hit (Search          *s,
         gint64           docno,
         BansoDictMatch   match,
         GError         **error)
{
  int rc;

  if (s->hits->len >= s->limit ||
      g_hash_table_contains (s->seen, &docno))
    return TRUE;
  if (s->count_only)
    {
      BansoDictHit *hit = g_new0 (BansoDictHit, 1);
      gint64 *key = g_new (gint64, 1);

      hit->match = match;
      g_ptr_array_add (s->hits, hit);
      *key = docno;
      g_hash_table_add (s->seen, key);
      return TRUE;
    }
  if (s->fetch == NULL &&
      sqlite3_prepare_v2 (s->db,
                          "SELECT d.id, x.headword, coalesce (x.summary, x.glosses), x.lang FROM dict_entry_index x"
                          " JOIN documents d USING (docno) WHERE x.docno = ?1"
                          " AND (?2 IS NULL OR x.lang = ?2) AND (?3 IS NULL OR x.dictionary = ?3)",
                          -1, &s->fetch, NULL) != SQLITE_OK)
    return sql_fail (s->db, error);
  sqlite3_reset (s->fetch);
  sqlite3_bind_int64 (s->fetch, 1, docno);
  sqlite3_bind_text (s->fetch, 2, s->query->lang, -1, SQLITE_STATIC);
  sqlite3_bind_text (s->fetch, 3, s->query->dictionary, -1, SQLITE_STATIC);
  rc = sqlite3_step (s->fetch);
  if (rc == SQLITE_ROW)
    {
      BansoDictHit *hit = g_new0 (BansoDictHit, 1);
      gint64 *key = g_new (gint64, 1);

      hit->id = g_strdup ((const char *)sqlite3_column_text (s->fetch, 0));
      hit->headword = g_strdup ((const char *)sqlite3_column_text (s->fetch, 1));
      hit->glosses = g_strdup ((const char *)sqlite3_column_text (s->fetch, 2));
      hit->lang = g_strdup ((const char *)sqlite3_column_text (s->fetch, 3));
      hit->match = match;
      g_ptr_array_add (s->hits, hit);
      *key = docno;
      g_hash_table_add (s->seen, key);
    }
  else if (rc != SQLITE_DONE)
    return sql_fail (s->db, error);
  return TRUE;
}

/* Runs @stmt, whose first column is a docno, adding its rows as @match. */
static gboolean
add_rows (Search          *s,
          sqlite3_stmt    *stmt,
          BansoDictMatch   match,
          GError         **error)
{
  int rc;

  while (s->hits->len < s->limit && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!add_hit (s, sqlite3_column_int64 (stmt, 0), match, error))
      return FALSE;
  if (s->hits->len < s->limit && rc != SQLITE_DONE)
    return sql_fail (s->db, error);
  return TRUE;
}

/* The end of the range of keys that begin with @key. */
static char *
prefix_end (const char *key)
{
  return g_strconcat (key, "\xf4\x90", NULL);
}

static gboolean
search_headwords (Search      *s,
                  const char  *key,
                  gboolean     loose,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) exact = NULL;
  g_autoptr(sqlite3_stmt) prefix = NULL;
  g_autofree char *end = prefix_end (key);
  int max_kind = loose ? 2 : 1;

  if (sqlite3_prepare_v2 (s->db,
                          "SELECT docno FROM dict_headword_keys WHERE key = ?1 AND kind <= ?2"
                          " AND (?3 IS NULL OR lang = ?3) ORDER BY kind",
                          -1, &exact, NULL) != SQLITE_OK)
    return sql_fail (s->db, error);
  sqlite3_bind_text (exact, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_int (exact, 2, max_kind);
  sqlite3_bind_text (exact, 3, s->query->lang, -1, SQLITE_STATIC);
  if (!add_rows (s, exact, BANSO_DICT_MATCH_EXACT, error))
    return FALSE;

  if (sqlite3_prepare_v2 (s->db,
                          "SELECT docno FROM dict_headword_keys WHERE key > ?1 AND key < ?2"
                          " AND kind <= ?3 AND (?4 IS NULL OR lang = ?4) ORDER BY key",
                          -1, &prefix, NULL) != SQLITE_OK)
    return sql_fail (s->db, error);
  sqlite3_bind_text (prefix, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (prefix, 2, end, -1, SQLITE_STATIC);
  sqlite3_bind_int (prefix, 3, max_kind);
  sqlite3_bind_text (prefix, 4, s->query->lang, -1, SQLITE_STATIC);
  return add_rows (s, prefix, BANSO_DICT_MATCH_PREFIX, error);
}

/* "w1" "w2"*: the words typed, each a token of its own (never a phrase), the
 * last one a prefix. A last word of one letter is left out: it begins too
 * many words to narrow anything, and merging them all takes long. */
static char *
match_expression (const char *text,
                  gboolean    prefix)
{
  g_autoptr(GPtrArray) words = banso_dict_tokenizer_split (text);
  GString *out;
  guint n = MIN (words->len, 16);

  if (n > 1)
    {
      g_autofree char *last = banso_dict_fold (g_ptr_array_index (words, n - 1), 0);

      if (g_utf8_strlen (last, -1) < 2)
        n--;
    }
  if (n == 0)
    return NULL;
  out = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      const char *w = g_ptr_array_index (words, i);

      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_c (out, '"');
      for (const char *p = w; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
      if (prefix && i == n - 1 && n == MIN (words->len, 16))
        g_string_append_c (out, '*');
    }
  return g_string_free (out, FALSE);
}

static gboolean
search_fts (Search          *s,
            const char      *table,
            const char      *expression,
            BansoDictMatch   match,
            GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;

  if (s->hits->len >= s->limit)
    return TRUE;
  if (s->query->lang != NULL)
    sql = g_strdup_printf ("SELECT f.rowid FROM %s f JOIN dict_entry_index x ON x.docno = f.rowid"
                           " WHERE %s MATCH ?1 AND x.lang = ?2", table, table);
  else
    sql = g_strdup_printf ("SELECT rowid FROM %s WHERE %s MATCH ?1", table, table);
  if (sqlite3_prepare_v2 (s->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return sql_fail (s->db, error);
  sqlite3_bind_text (stmt, 1, expression, -1, SQLITE_STATIC);
  if (s->query->lang != NULL)
    sqlite3_bind_text (stmt, 2, s->query->lang, -1, SQLITE_STATIC);
  return add_rows (s, stmt, match, error);
}

/* Whether one of the glosses of @hit ("đập nước, phai; weir") is, folded,
 * what was typed. */
static gboolean
gloss_is (const BansoDictHit *hit,
          const char         *key)
{
  g_auto(GStrv) senses = NULL;

  if (hit->glosses == NULL)
    return FALSE;
  senses = g_strsplit_set (hit->glosses, ";,", -1);
  for (guint i = 0; senses[i] != NULL; i++)
    {
      g_autofree char *folded = banso_dict_fold (g_strstrip (senses[i]), 0);

      if (g_strcmp0 (folded, key) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Among the hits from @start on, those with a gloss that is exactly what
 * was typed come first ("nước" before "ruộng nước"), in their order. */
static void
rank_whole_glosses (Search     *s,
                    guint       start,
                    const char *key)
{
  g_autoptr(GPtrArray) exact = g_ptr_array_new ();
  g_autoptr(GPtrArray) other = g_ptr_array_new ();
  guint n = 0;

  if (s->count_only)
    return;
  for (guint i = start; i < s->hits->len; i++)
    {
      BansoDictHit *hit = g_ptr_array_index (s->hits, i);

      g_ptr_array_add (gloss_is (hit, key) ? exact : other, hit);
    }
  for (guint i = 0; i < exact->len; i++)
    s->hits->pdata[start + n++] = g_ptr_array_index (exact, i);
  for (guint i = 0; i < other->len; i++)
    s->hits->pdata[start + n++] = g_ptr_array_index (other, i);
}

static BansoDictFoldFlags
query_fold_flags (const BansoDictQuery *query)
{
  return (query->flags & BANSO_DICT_SEARCH_IGNORE_TONE) ? BANSO_DICT_FOLD_IGNORE_FINAL_TONE
                                                        : BANSO_DICT_FOLD_DEFAULT;
}

static void
search_init (Search               *s,
             sqlite3              *db,
             const BansoDictQuery *query)
{
  s->db = db;
  s->query = query;
  s->limit = query->limit ? query->limit : BANSO_DICT_SEARCH_LIMIT;
  s->hits = g_ptr_array_new_with_free_func ((GDestroyNotify)banso_dict_hit_free);
  s->seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static GPtrArray *
search_finish (Search   *s,
               gboolean  ok)
{
  g_clear_pointer (&s->fetch, sqlite3_finalize);
  g_hash_table_unref (s->seen);
  if (!ok)
    g_clear_pointer (&s->hits, g_ptr_array_unref);
  return s->hits;
}

/* The search; with @count_only, the results' lines are not read when no
 * filter needs them. */
static GPtrArray *
run_search (sqlite3               *db,
            const BansoDictQuery  *query,
            gboolean               count_only,
            GError               **error)
{
  Search s = { 0 };
  g_autofree char *key = NULL;
  g_autofree char *expression = NULL;
  g_autofree char *whole = NULL;
  gboolean ok = TRUE;

  search_init (&s, db, query);
  s.count_only = count_only && query->lang == NULL && query->dictionary == NULL;
  key = banso_dict_fold_typed (query->text, query_fold_flags (query));
  if (*key == '\0')
    return search_finish (&s, TRUE);

  if (!(query->flags & BANSO_DICT_SEARCH_REVERSE_ONLY))
    ok = search_headwords (&s, key, (query->flags & BANSO_DICT_SEARCH_IGNORE_TONE) != 0, error);

  /* One letter begins too many words to look for it in the glosses. */
  /* The words as typed first, then the last one as a prefix: a whole word
   * is read lazily from its list, a prefix longer than the prefix indexes
   * merges the lists of every word it begins, and the whole word ranks
   * first anyway. */
  if (ok && g_utf8_strlen (key, -1) >= 2 && !(query->flags & BANSO_DICT_SEARCH_FORWARD_ONLY) &&
      (expression = match_expression (query->text, TRUE)) != NULL)
    {
      guint first_gloss = s.hits->len;

      whole = match_expression (query->text, FALSE);
      ok = search_fts (&s, "dict_gloss_fts", whole, BANSO_DICT_MATCH_GLOSS, error);
      if (ok)
        {
          g_autofree char *typed = banso_dict_fold (query->text, 0);

          rank_whole_glosses (&s, first_gloss, typed);
        }
      ok = ok && search_fts (&s, "dict_gloss_fts", expression, BANSO_DICT_MATCH_GLOSS, error);
      if (ok && !(query->flags & BANSO_DICT_SEARCH_NO_FULL_TEXT))
        ok = search_fts (&s, "dict_text_fts", whole, BANSO_DICT_MATCH_TEXT, error) &&
             search_fts (&s, "dict_text_fts", expression, BANSO_DICT_MATCH_TEXT, error);
    }

  if (ok && s.hits->len == 0 && !(query->flags & BANSO_DICT_SEARCH_NO_SUGGESTIONS))
    {
      search_finish (&s, TRUE);
      return banso_dict_suggest (db, query, error);
    }
  return search_finish (&s, ok);
}

typedef struct
{
  guint  distance;
  char  *key;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->distance != y->distance)
    return x->distance < y->distance ? -1 : 1;
  return strcmp (x->key, y->key);
}

static void
clear_candidate (gpointer data)
{
  g_free (((Candidate *)data)->key);
}

/**
 * banso_dict_search:
 * @db: a reader connection of the store (Banso's tokenizer registered)
 *
 * Returns: (transfer full) (element-type BansoDictHit): the entries, best
 *   first; when nothing matches, the suggestions (%BANSO_DICT_MATCH_FUZZY)
 */
GPtrArray *
banso_dict_search (sqlite3               *db,
                   const BansoDictQuery  *query,
                   GError               **error)
{
  g_return_val_if_fail (db != NULL && query != NULL, NULL);
  return run_search (db, query, FALSE, error);
}

/**
 * banso_dict_search_count:
 *
 * How many results banso_dict_search() gives, without reading what they
 * show: a list counts before it fetches its first page.
 */
gboolean
banso_dict_search_count (sqlite3               *db,
                         const BansoDictQuery  *query,
                         guint                 *n_hits,
                         GError               **error)
{
  g_autoptr(GPtrArray) hits = NULL;

  g_return_val_if_fail (db != NULL && query != NULL, FALSE);
  hits = run_search (db, query, TRUE, error);
  if (hits == NULL)
    return FALSE;
  *n_hits = hits->len;
  return TRUE;
}

/**
 * banso_dict_suggest:
 *
 * The headwords at an edit distance of at most two (one for a word of three
 * letters or fewer) from the query's key, nearest first ("Ý bạn là…"). Only
 * keys of nearly the same length that begin with the query's first or
 * second letter are compared, read from the keys by length.
 *
 * Returns: (transfer full) (element-type BansoDictHit): the suggestions
 */
GPtrArray *
banso_dict_suggest (sqlite3               *db,
                    const BansoDictQuery  *query,
                    GError               **error)
{
  Search s = { 0 };
  g_autofree char *key = banso_dict_fold (query->text, BANSO_DICT_FOLD_DEFAULT);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) exact = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Candidate));
  glong len = g_utf8_strlen (key, -1);
  guint max = len <= 3 ? 1 : MAX_DISTANCE;
  gboolean ok = TRUE;
  int rc;

  search_init (&s, db, query);
  g_array_set_clear_func (found, clear_candidate);
  if (len == 0 || len > 63)
    return search_finish (&s, TRUE);

  if (sqlite3_prepare_v2 (db,
                          "SELECT key FROM dict_fuzzy_keys WHERE klen = ?1 AND key >= ?2 AND key < ?3",
                          -1, &stmt, NULL) != SQLITE_OK)
    return search_finish (&s, sql_fail (db, error));
  /* The keys that begin with the first letter typed, or with the second (the
   * first one typed too many): a misspelt word nearly always keeps its first
   * letter, and this reads a few thousand keys instead of every one. */
  for (guint start = 0; start < 2; start++)
    {
      const char *from = start == 0 ? key : g_utf8_next_char (key);
      g_autofree char *first = NULL;
      g_autofree char *end = NULL;

      if (*from == '\0' || (start == 1 && g_utf8_get_char (from) == g_utf8_get_char (key)))
        continue;
      first = g_strndup (from, g_utf8_next_char (from) - from);
      end = prefix_end (first);
      for (glong l = MAX (1, len - (glong)max); l <= len + (glong)max; l++)
        {
          sqlite3_reset (stmt);
          sqlite3_bind_int (stmt, 1, (int)l);
          sqlite3_bind_text (stmt, 2, first, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, end, -1, SQLITE_STATIC);
          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            {
              const char *candidate = (const char *)sqlite3_column_text (stmt, 0);
              guint d = banso_dict_edit_distance (key, candidate, max);

              if (d <= max)
                {
                  Candidate c = { d, g_strdup (candidate) };
                  g_array_append_val (found, c);
                }
            }
          if (rc != SQLITE_DONE)
            return search_finish (&s, sql_fail (db, error));
        }
    }
  g_array_sort (found, compare_candidates);

  if (sqlite3_prepare_v2 (db,
                          "SELECT docno FROM dict_headword_keys WHERE key = ?1 AND kind <= 1"
                          " AND (?2 IS NULL OR lang = ?2)",
                          -1, &exact, NULL) != SQLITE_OK)
    return search_finish (&s, sql_fail (db, error));
  for (guint i = 0; ok && i < found->len && s.hits->len < s.limit; i++)
    {
      sqlite3_reset (exact);
      sqlite3_bind_text (exact, 1, g_array_index (found, Candidate, i).key, -1, SQLITE_STATIC);
      sqlite3_bind_text (exact, 2, query->lang, -1, SQLITE_STATIC);
      ok = add_rows (&s, exact, BANSO_DICT_MATCH_FUZZY, error);
    }
  return search_finish (&s, ok);
}

/* Browse {{{ */

static GBytes *
letter_end (GBytes *start)
{
  gsize n;
  const guint8 *data = g_bytes_get_data (start, &n);
  g_autofree guint8 *copy = g_memdup2 (data, n);

  for (gsize i = n; i > 0; i--)
    {
      if (copy[i - 1] != 0xFF)
        {
          copy[i - 1]++;
          return g_bytes_new (copy, i);
        }
    }
  return NULL;
}

static sqlite3_stmt *
prepare_browse (sqlite3      *db,
                const char   *what,
                const char   *lang,
                const char   *letter,
                const char   *dictionary,
                const char   *tail,
                GBytes      **start,
                GBytes      **end,
                GError      **error)
{
  g_autoptr(GString) sql = g_string_new (what);
  sqlite3_stmt *stmt = NULL;

  g_string_append (sql, " WHERE 1");
  if (lang != NULL)
    g_string_append (sql, " AND x.lang = ?1");
  if (dictionary != NULL)
    g_string_append (sql, " AND x.dictionary = ?2");
  if (lang != NULL && letter != NULL && *letter != '\0')
    {
      *start = banso_dict_letter_key (letter, lang);
      *end = letter_end (*start);
      g_string_append (sql, " AND x.sort_key >= ?3");
      if (*end != NULL)
        g_string_append (sql, " AND x.sort_key < ?4");
    }
  g_string_append (sql, tail);
  if (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      sql_fail (db, error);
      return NULL;
    }
  if (lang != NULL)
    sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_TRANSIENT);
  if (dictionary != NULL)
    sqlite3_bind_text (stmt, 2, dictionary, -1, SQLITE_TRANSIENT);
  if (*start != NULL)
    sqlite3_bind_blob (stmt, 3, g_bytes_get_data (*start, NULL), g_bytes_get_size (*start),
                       SQLITE_TRANSIENT);
  if (*end != NULL)
    sqlite3_bind_blob (stmt, 4, g_bytes_get_data (*end, NULL), g_bytes_get_size (*end),
                       SQLITE_TRANSIENT);
  return stmt;
}

/**
 * banso_dict_browse:
 * @lang: (nullable): the entries of this language; %NULL: all, by language
 * @letter: (nullable): those whose headword begins with this letter of the
 *   language's alphabet (banso_dict_language_letters())
 *
 * Returns: (transfer full) (element-type BansoDictHit): a page of entries in
 *   the alphabet order
 */
GPtrArray *
banso_dict_browse (sqlite3     *db,
                   const char  *lang,
                   const char  *letter,
                   const char  *dictionary,
                   guint        offset,
                   guint        limit,
                   GError     **error)
{
  g_autoptr(GBytes) start = NULL;
  g_autoptr(GBytes) end = NULL;
  g_autofree char *tail = g_strdup_printf (" ORDER BY x.lang, x.sort_key LIMIT %u OFFSET %u",
                                           limit, offset);
  g_autoptr(sqlite3_stmt) stmt = prepare_browse (db,
                                                 "SELECT d.id, x.headword, coalesce (x.summary, x.glosses), x.lang"
                                                 " FROM dict_entry_index x JOIN documents d USING (docno)",
                                                 lang, letter, dictionary, tail, &start, &end, error);
  GPtrArray *hits;
  int rc;

  if (stmt == NULL)
    return NULL;
  hits = g_ptr_array_new_with_free_func ((GDestroyNotify)banso_dict_hit_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BansoDictHit *hit = g_new0 (BansoDictHit, 1);

      hit->id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      hit->headword = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      hit->glosses = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      hit->lang = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      hit->match = BANSO_DICT_MATCH_BROWSE;
      g_ptr_array_add (hits, hit);
    }
  if (rc != SQLITE_DONE)
    {
      g_ptr_array_unref (hits);
      sql_fail (db, error);
      return NULL;
    }
  return hits;
}

gboolean
banso_dict_browse_count (sqlite3     *db,
                         const char  *lang,
                         const char  *letter,
                         const char  *dictionary,
                         guint       *n_entries,
                         GError     **error)
{
  g_autoptr(GBytes) start = NULL;
  g_autoptr(GBytes) end = NULL;
  g_autoptr(sqlite3_stmt) stmt = prepare_browse (db, "SELECT count (*) FROM dict_entry_index x",
                                                 lang, letter, dictionary, "", &start, &end, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return sql_fail (db, error);
  *n_entries = (guint)sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* }}} */
