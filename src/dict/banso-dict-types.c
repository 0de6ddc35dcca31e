/* banso-dict-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Registers the dictionary's document types, its tables, its FTS5 tokenizer
 * on every connection, and its part of the demo, with the core and the
 * records, neither of which knows them by name.
 */

#define G_LOG_DOMAIN "banso-dict"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-demo.h"
#include "banso-dict.h"
#include "banso-dict-demo.h"
#include "banso-dict-tokenizer.h"
#include "banso-doc-type.h"
#include "banso-schema.h"

/* 11: dictionaries and their entries, and the lexicographer's role. The
 * users' role check is widened in place (a CHECK constraint changes nothing
 * on disk; SQLite documents this way of changing one), the schema then
 * reloaded; the tables after it change the schema cookie, so that every
 * other connection reloads it too. Numbered in the sequence of the whole
 * schema (banso-schema.c); never edited once released. */
static const char step_11[] =
  "PRAGMA writable_schema = ON;"
  "UPDATE sqlite_schema SET sql = replace (sql, '''trainer'')', '''trainer'', ''lexicographer'')')"
  " WHERE type = 'table' AND name = 'users' AND sql NOT LIKE '%lexicographer%';"
  "PRAGMA writable_schema = RESET;"
  "CREATE TABLE dict_dictionary_index ("
  "  docno INTEGER PRIMARY KEY REFERENCES documents (docno) ON DELETE CASCADE,"
  "  title TEXT NOT NULL,"
  "  lang TEXT NOT NULL,"
  "  sample INTEGER NOT NULL DEFAULT 0,"
  "  reference INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE dict_entry_index ("
  "  docno INTEGER PRIMARY KEY REFERENCES documents (docno) ON DELETE CASCADE,"
  "  dictionary TEXT NOT NULL,"
  "  lang TEXT NOT NULL,"
  "  headword TEXT NOT NULL,"
  "  glosses TEXT NOT NULL,"
  /* What a result line shows when the entry has no glosses (a StarDict
   * or dictd entry has only its definition); NULL: the glosses. */
  "  summary TEXT,"
  "  text TEXT NOT NULL,"
  "  sort_key BLOB NOT NULL"
  ");"
  "CREATE INDEX dict_entry_by_sort ON dict_entry_index (lang, sort_key);"
  "CREATE INDEX dict_entry_by_dictionary ON dict_entry_index (dictionary);"
  /* Exact and prefix lookups of the folded headwords and variants are range
   * scans of this B-tree: a keystroke reads a page or two. The key's
   * columns come first: SQLite 3.40's integrity check misreads a WITHOUT
   * ROWID table whose other columns come between them. */
  "CREATE TABLE dict_headword_keys ("
  "  key TEXT NOT NULL,"
  "  docno INTEGER NOT NULL,"
  "  kind INTEGER NOT NULL,"
  "  lang TEXT NOT NULL,"
  "  PRIMARY KEY (key, docno, kind)"
  ") WITHOUT ROWID;"
  "CREATE INDEX dict_headword_keys_by_docno ON dict_headword_keys (docno);"
  /* Suggestions compare the keys of nearly the same length only. */
  "CREATE TABLE dict_fuzzy_keys ("
  "  klen INTEGER NOT NULL,"
  "  key TEXT NOT NULL,"
  "  PRIMARY KEY (klen, key)"
  ") WITHOUT ROWID;"
  "CREATE VIRTUAL TABLE dict_gloss_fts USING fts5 ("
  "  glosses, content = 'dict_entry_index', content_rowid = 'docno', prefix = '2 3',"
  "  detail = none, tokenize = '" BANSO_DICT_TOKENIZER "'"
  ");"
  "CREATE VIRTUAL TABLE dict_text_fts USING fts5 ("
  "  text, content = 'dict_entry_index', content_rowid = 'docno', prefix = '2 3',"
  "  detail = none, tokenize = '" BANSO_DICT_TOKENIZER "'"
  ");";

static const BansoDocField entry_fields[] = {
  { "forms", N_("Headword") },
  { "citation", N_("Citation form") },
  { "variants", N_("Variants") },
  { "pronunciations", N_("Pronunciation") },
  { "pos", N_("Part of speech") },
  { "senses", N_("Senses") },
  { "relations", N_("Related entries") },
  { "notes", N_("Notes") },
  { "dictionary", N_("Dictionary") },
};

static const BansoDocField dictionary_fields[] = {
  { "title", N_("Title") },
  { "lang", N_("Language") },
  { "gloss_langs", N_("Languages of the glosses") },
  { "description", N_("Description") },
};

static char *
entry_display_name (JsonObject *body)
{
  return banso_dict_entry_headword (body);
}

static char *
dictionary_display_name (JsonObject *body)
{
  return g_strdup (json_object_get_string_member_with_default (body, "title", ""));
}

static gboolean
save_resolved (BansoTxn    *txn,
               const char  *id,
               const char  *winner_rev,
               const char  *body,
               GError     **error)
{
  g_autoptr(JsonNode) node = json_from_string (body, NULL);
  g_autoptr(BansoDocInfo) info = banso_doc_lookup (banso_txn_get_db (txn), id, error);

  if (info == NULL)
    return FALSE;
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID,
                           _("The record is not a JSON object."));
      return FALSE;
    }
  if (g_str_equal (info->type, BANSO_DICTIONARY_TYPE))
    return banso_dictionary_save (txn, id, winner_rev, json_node_get_object (node), NULL, NULL,
                                  error);
  return banso_dict_entry_save (txn, id, winner_rev, json_node_get_object (node),
                                BANSO_DOC_PUT_DEFAULT, NULL, NULL, error);
}

static const BansoCheckQuery entry_checks[] = {
  { "SELECT d.id FROM documents d WHERE d.type = '" BANSO_DICT_ENTRY_TYPE "' AND d.deleted = 0"
    " AND NOT EXISTS (SELECT 1 FROM dict_entry_index x WHERE x.docno = d.docno)",
    N_("A dictionary entry is missing from the search index") },
  { "SELECT d.id FROM dict_entry_index x JOIN documents d USING (docno) WHERE d.deleted = 1",
    N_("A removed dictionary entry is still in the search index") },
};

static const BansoDocType entry_type = {
  .name = BANSO_DICT_ENTRY_TYPE,
  .label = N_("Dictionary entry"),
  .index = banso_dict_reindex_doc,
  .reindex_all = banso_dict_reindex_all,
  .index_version = BANSO_DICT_SCHEMA_STEP,
  .validate = banso_dict_entry_validate,
  .save_resolved = save_resolved,
  .fields = entry_fields,
  .n_fields = G_N_ELEMENTS (entry_fields),
  .display_name = entry_display_name,
  .checks = entry_checks,
  .n_checks = G_N_ELEMENTS (entry_checks),
};

/* Dictionaries are indexed with the entries, whose reindexing rebuilds both. */
static const BansoDocType dictionary_type = {
  .name = BANSO_DICTIONARY_TYPE,
  .label = N_("Dictionary"),
  .index = banso_dict_reindex_doc,
  .index_version = BANSO_DICT_SCHEMA_STEP,
  .validate = banso_dictionary_validate,
  .save_resolved = save_resolved,
  .fields = dictionary_fields,
  .n_fields = G_N_ELEMENTS (dictionary_fields),
  .display_name = dictionary_display_name,
};

/**
 * banso_dict_init:
 *
 * Registers the dictionary's types, tables, tokenizer and demo. Every
 * program that opens an office database calls it first; calling it again
 * does nothing.
 */
void
banso_dict_init (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      banso_schema_add_step (BANSO_DICT_SCHEMA_STEP, step_11);
      banso_store_add_connection_hook (banso_dict_tokenizer_register);
      banso_doc_type_register (&entry_type);
      banso_doc_type_register (&dictionary_type);
      banso_demo_add_hook (banso_dict_demo_load);
      g_once_init_leave (&done, 1);
    }
}

/* Every program that links the dictionary has it registered before main(). */
__attribute__ ((constructor)) static void
register_at_load (void)
{
  banso_dict_init ();
}
