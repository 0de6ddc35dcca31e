/* banso-dict-index.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dictionary's search tables, brought in line with an entry or a
 * dictionary whose winning revision changed (a save, an import, a pull):
 *  - dict_headword_keys: the folded headwords and variants, for exact and
 *    prefix lookup in a B-tree (kind 0 a form, 1 a variant, 2 a form without
 *    its tone letters for the languages that offer it);
 *  - dict_fuzzy_keys: the distinct keys by length, for suggestions;
 *  - dict_entry_index: what a result line shows and the alphabet order;
 *  - dict_gloss_fts, dict_text_fts: the glosses (reverse lookup) and the
 *    definitions and examples, tokenized by Banso's own tokenizer.
 */

#define G_LOG_DOMAIN "banso-dict"

#include "config.h"

#include <string.h>

#include "banso-dict.h"
#include "banso-json.h"
#include "banso-dict-fold.h"
#include "banso-dict-language.h"

static gboolean
step_done (BansoTxn      *txn,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return banso_sql_error (banso_txn_get_db (txn), rc, error);
  return TRUE;
}

static JsonObject *
parse (const char *body)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, body, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return json_object_ref (json_node_get_object (root));
}

/* Dictionaries {{{ */

static gboolean
index_dictionary (BansoTxn    *txn,
                  gint64       docno,
                  const char  *body,
                  GError     **error)
{
  g_autoptr(JsonObject) o = NULL;
  sqlite3_stmt *stmt;

  stmt = banso_txn_prepare (txn, "DELETE FROM dict_dictionary_index WHERE docno = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docno);
  if (!step_done (txn, stmt, error))
    return FALSE;
  if (body == NULL || (o = parse (body)) == NULL)
    return TRUE;

  stmt = banso_txn_prepare (txn,
                            "INSERT INTO dict_dictionary_index (docno, title, lang, sample, reference)"
                            " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docno);
  sqlite3_bind_text (stmt, 2, json_object_get_string_member_with_default (o, "title", ""), -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, json_object_get_string_member_with_default (o, "lang", "und"), -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, json_object_get_boolean_member_with_default (o, "sample", FALSE));
  sqlite3_bind_int (stmt, 5, json_object_get_boolean_member_with_default (o, "reference", FALSE));
  return step_done (txn, stmt, error);
}

/* }}} */

/* Entries {{{ */

static gboolean
unindex_entry (BansoTxn    *txn,
               gint64       docno,
               GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *glosses = NULL;
  g_autofree char *text = NULL;
  int rc;

  stmt = banso_txn_prepare (txn, "SELECT glosses, text FROM dict_entry_index WHERE docno = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docno);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      glosses = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      text = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return banso_sql_error (banso_txn_get_db (txn), rc, error);

  if (glosses != NULL)
    {
      stmt = banso_txn_prepare (txn,
                                "INSERT INTO dict_gloss_fts (dict_gloss_fts, rowid, glosses)"
                                " VALUES ('delete', ?1, ?2)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, docno);
      sqlite3_bind_text (stmt, 2, glosses, -1, SQLITE_STATIC);
      if (!step_done (txn, stmt, error))
        return FALSE;
      stmt = banso_txn_prepare (txn,
                                "INSERT INTO dict_text_fts (dict_text_fts, rowid, text)"
                                " VALUES ('delete', ?1, ?2)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, docno);
      sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
      if (!step_done (txn, stmt, error))
        return FALSE;
      stmt = banso_txn_prepare (txn, "DELETE FROM dict_entry_index WHERE docno = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, docno);
      if (!step_done (txn, stmt, error))
        return FALSE;
    }

  stmt = banso_txn_prepare (txn, "DELETE FROM dict_headword_keys WHERE docno = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docno);
  return step_done (txn, stmt, error);
}

static gboolean
is_ipa (const char *ws)
{
  return strstr (ws, "-fonipa") != NULL;
}

static gboolean
add_key (BansoTxn    *txn,
         gint64       docno,
         const char  *lang,
         const char  *key,
         int          kind,
         GError     **error)
{
  sqlite3_stmt *stmt;
  glong len;

  if (*key == '\0')
    return TRUE;
  len = g_utf8_strlen (key, -1);
  stmt = banso_txn_prepare (txn,
                            "INSERT OR IGNORE INTO dict_headword_keys (key, docno, lang, kind)"
                            " VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, docno);
  sqlite3_bind_text (stmt, 3, lang, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, kind);
  if (!step_done (txn, stmt, error))
    return FALSE;
  if (kind == 2 || len > 63)
    return TRUE;
  stmt = banso_txn_prepare (txn, "INSERT OR IGNORE INTO dict_fuzzy_keys (klen, key) VALUES (?1, ?2)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, (int)len);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  return step_done (txn, stmt, error);
}

static gboolean
add_forms (BansoTxn                *txn,
           gint64                   docno,
           const char              *lang,
           const BansoDictLanguage *language,
           JsonArray               *forms,
           int                      kind,
           GError                 **error)
{
  for (guint i = 0; forms != NULL && i < json_array_get_length (forms); i++)
    {
      JsonNode *node = json_array_get_element (forms, i);
      const char *ws, *text;
      g_autofree char *key = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      ws = json_object_get_string_member_with_default (json_node_get_object (node), "ws", "");
      text = json_object_get_string_member_with_default (json_node_get_object (node), "text", "");
      if (is_ipa (ws))
        continue;
      key = banso_dict_fold (text, BANSO_DICT_FOLD_DEFAULT);
      if (!add_key (txn, docno, lang, key, kind, error))
        return FALSE;
      if (language != NULL && language->fold_flags != BANSO_DICT_FOLD_DEFAULT)
        {
          g_autofree char *loose = banso_dict_fold (text, language->fold_flags);

          if (!g_str_equal (loose, key) && !add_key (txn, docno, lang, loose, 2, error))
            return FALSE;
        }
    }
  return TRUE;
}

static void
append_texts (GString   *out,
              JsonArray *forms)
{
  for (guint i = 0; forms != NULL && i < json_array_get_length (forms); i++)
    {
      JsonNode *node = json_array_get_element (forms, i);
      const char *text;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      text = json_object_get_string_member_with_default (json_node_get_object (node), "text", "");
      if (*text == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, text);
    }
}

static JsonArray *
array_of (JsonObject *o,
          const char *member)
{
  return _banso_json_array (o, member);
}

/* The words of definitions, examples and their translations and notes. */
static void
append_sense_text (GString    *out,
                   JsonObject *sense)
{
  JsonArray *examples = array_of (sense, "examples");
  JsonArray *subsenses = array_of (sense, "subsenses");

  append_texts (out, array_of (sense, "definitions"));
  for (guint i = 0; examples != NULL && i < json_array_get_length (examples); i++)
    {
      JsonNode *ex = json_array_get_element (examples, i);
      JsonArray *tr;

      if (!JSON_NODE_HOLDS_OBJECT (ex))
        continue;
      append_texts (out, array_of (json_node_get_object (ex), "forms"));
      tr = array_of (json_node_get_object (ex), "translations");
      for (guint j = 0; tr != NULL && j < json_array_get_length (tr); j++)
        if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (tr, j)))
          append_texts (out, array_of (json_node_get_object (json_array_get_element (tr, j)), "forms"));
    }
  for (guint i = 0; subsenses != NULL && i < json_array_get_length (subsenses); i++)
    if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (subsenses, i)))
      {
        JsonObject *sub = json_node_get_object (json_array_get_element (subsenses, i));

        append_texts (out, array_of (sub, "glosses"));
        append_sense_text (out, sub);
      }
}

static gboolean
index_entry (BansoTxn    *txn,
             gint64       docno,
             const char  *body,
             gboolean     fresh,
             GError     **error)
{
  g_autoptr(JsonObject) o = NULL;
  g_autofree char *headword = NULL;
  g_autofree char *glosses = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GBytes) sort_key = NULL;
  const BansoDictLanguage *language;
  const char *lang, *dictionary, *first = "";
  JsonArray *forms, *variants, *senses;
  sqlite3_stmt *stmt;

  if (!fresh && !unindex_entry (txn, docno, error))
    return FALSE;
  if (body == NULL || (o = parse (body)) == NULL)
    return TRUE;

  lang = json_object_get_string_member_with_default (o, "lang", "und");
  dictionary = json_object_get_string_member_with_default (o, "dictionary", "");
  language = banso_dict_language_lookup (lang);
  forms = array_of (o, "forms");
  if (!add_forms (txn, docno, lang, language, forms, 0, error) ||
      !add_forms (txn, docno, lang, language, array_of (o, "citation"), 0, error))
    return FALSE;
  variants = array_of (o, "variants");
  for (guint i = 0; variants != NULL && i < json_array_get_length (variants); i++)
    if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (variants, i)) &&
        !add_forms (txn, docno, lang, language,
                    array_of (json_node_get_object (json_array_get_element (variants, i)), "forms"),
                    1, error))
      return FALSE;

  senses = array_of (o, "senses");
  for (guint i = 0; senses != NULL && i < json_array_get_length (senses); i++)
    if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (senses, i)))
      append_sense_text (text, json_node_get_object (json_array_get_element (senses, i)));
  {
    JsonArray *notes = array_of (o, "notes");

    for (guint i = 0; notes != NULL && i < json_array_get_length (notes); i++)
      if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (notes, i)))
        append_texts (text, array_of (json_node_get_object (json_array_get_element (notes, i)), "forms"));
  }

  headword = banso_dict_entry_headword (o);
  glosses = banso_dict_entry_glosses (o);
  if (*glosses == '\0' && text->len > 0)
    summary = g_utf8_substring (text->str, 0, MIN (g_utf8_strlen (text->str, -1), 400));
  if (forms != NULL && json_array_get_length (forms) > 0 &&
      JSON_NODE_HOLDS_OBJECT (json_array_get_element (forms, 0)))
    first = json_object_get_string_member_with_default (json_node_get_object (json_array_get_element (forms, 0)),
                                                        "text", "");
  sort_key = banso_dict_sort_key (first, lang);

  stmt = banso_txn_prepare (txn,
                            "INSERT INTO dict_entry_index (docno, dictionary, lang, headword,"
                            " glosses, text, sort_key, summary) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docno);
  sqlite3_bind_text (stmt, 2, dictionary, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, lang, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, headword, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, glosses, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, text->str, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 7, g_bytes_get_data (sort_key, NULL), g_bytes_get_size (sort_key),
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, summary, -1, SQLITE_STATIC);
  if (!step_done (txn, stmt, error))
    return FALSE;

  stmt = banso_txn_prepare (txn, "INSERT INTO dict_gloss_fts (rowid, glosses) VALUES (?1, ?2)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docno);
  sqlite3_bind_text (stmt, 2, glosses, -1, SQLITE_STATIC);
  if (!step_done (txn, stmt, error))
    return FALSE;
  stmt = banso_txn_prepare (txn, "INSERT INTO dict_text_fts (rowid, text) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docno);
  sqlite3_bind_text (stmt, 2, text->str, -1, SQLITE_STATIC);
  return step_done (txn, stmt, error);
}

/* }}} */

/**
 * banso_dict_reindex_doc:
 * @body: (nullable): the winning body, or %NULL when the document is removed
 *
 * The #BansoDocType index function of both dictionary types.
 */
gboolean
banso_dict_reindex_doc (BansoTxn    *txn,
                        const char  *type,
                        gint64       docno,
                        const char  *body,
                        gboolean     fresh,
                        GError     **error)
{
  if (g_strcmp0 (type, BANSO_DICTIONARY_TYPE) == 0)
    return index_dictionary (txn, docno, body, error);
  return index_entry (txn, docno, body, fresh, error);
}

/**
 * banso_dict_reindex_all:
 *
 * Rebuilds every dictionary table from the documents.
 */
gboolean
banso_dict_reindex_all (BansoTxn  *txn,
                        GError   **error)
{
  sqlite3 *db = banso_txn_get_db (txn);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!banso_sql_exec (db,
                       "DELETE FROM dict_dictionary_index;"
                       "DELETE FROM dict_headword_keys;"
                       "DELETE FROM dict_fuzzy_keys;"
                       "DELETE FROM dict_entry_index;"
                       "INSERT INTO dict_gloss_fts (dict_gloss_fts) VALUES ('delete-all');"
                       "INSERT INTO dict_text_fts (dict_text_fts) VALUES ('delete-all');",
                       error))
    return FALSE;
  stmt = banso_sql_prepare (db,
                            "SELECT docno, type, body FROM documents WHERE deleted = 0 AND type IN ('"
                            BANSO_DICTIONARY_TYPE "', '" BANSO_DICT_ENTRY_TYPE "')"
                            " ORDER BY type = '" BANSO_DICT_ENTRY_TYPE "', docno", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!banso_dict_reindex_doc (txn, (const char *)sqlite3_column_text (stmt, 1),
                                 sqlite3_column_int64 (stmt, 0),
                                 (const char *)sqlite3_column_text (stmt, 2), TRUE, error))
      return FALSE;
  if (rc != SQLITE_DONE)
    return banso_sql_error (db, rc, error);
  return TRUE;
}

/**
 * banso_dict_optimize:
 *
 * Merges the full-text indexes into one segment each, after a large import:
 * a search then reads one list per word instead of one per segment.
 */
gboolean
banso_dict_optimize (BansoTxn  *txn,
                     GError   **error)
{
  return banso_sql_exec (banso_txn_get_db (txn),
                         "INSERT INTO dict_gloss_fts (dict_gloss_fts) VALUES ('optimize');"
                         "INSERT INTO dict_text_fts (dict_text_fts) VALUES ('optimize');",
                         error);
}
