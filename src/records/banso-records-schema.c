/* banso-records-schema.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The records' own tables: the list and search indexes of villages,
 * households and prestigious persons. Their steps are numbered in the
 * sequence of the whole schema (banso-schema.c) and, like every step, never
 * edited once released.
 */

#define G_LOG_DOMAIN "banso-records"

#include "config.h"

#include "banso-records-private.h"
#include "banso-schema.h"

static const char step_2[] =
  /* 2: households and villages, with their typed columns and the search index. */
  "CREATE TABLE village_index ("
  "  docno INTEGER PRIMARY KEY REFERENCES documents (docno) ON DELETE CASCADE,"
  "  commune TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  fold TEXT NOT NULL"
  ");"
  "CREATE INDEX village_by_commune ON village_index (commune, fold);"
  "CREATE TABLE household_index ("
  "  docno INTEGER PRIMARY KEY REFERENCES documents (docno) ON DELETE CASCADE,"
  "  commune TEXT NOT NULL,"
  "  village TEXT,"
  "  head TEXT NOT NULL,"
  "  head_fold TEXT NOT NULL,"
  "  ethnic TEXT,"
  "  poverty TEXT NOT NULL,"
  "  members INTEGER NOT NULL,"
  "  search TEXT NOT NULL"
  ");"
  "CREATE INDEX household_by_name ON household_index (head_fold);"
  "CREATE INDEX household_by_commune ON household_index (commune, head_fold);"
  "CREATE INDEX household_by_village ON household_index (village, head_fold);"
  "CREATE INDEX household_by_ethnic ON household_index (ethnic, head_fold);"
  "CREATE INDEX household_by_poverty ON household_index (poverty, head_fold);"
  /* The search column is already folded by banso_fold(); the tokenizer must keep
   * combining marks (M*) inside words, or Tai Viet and Cham words fall apart. */
  "CREATE VIRTUAL TABLE household_fts USING fts5 ("
  "  search, content = 'household_index', content_rowid = 'docno',"
  "  tokenize = \"unicode61 remove_diacritics 0 categories 'L* N* Co M*'\""
  ");";

/* 3: prestigious persons (the drafts of forms are the core's part). */
static const char step_3[] =
  "CREATE TABLE prestige_index ("
  "  docno INTEGER PRIMARY KEY REFERENCES documents (docno) ON DELETE CASCADE,"
  "  commune TEXT NOT NULL,"
  "  village TEXT,"
  "  name TEXT NOT NULL,"
  "  name_fold TEXT NOT NULL,"
  "  ethnic TEXT,"
  "  year INTEGER,"
  "  search TEXT NOT NULL"
  ");"
  "CREATE INDEX prestige_by_name ON prestige_index (name_fold);"
  "CREATE INDEX prestige_by_commune ON prestige_index (commune, name_fold);";

static const char step_5[] =
  /* 5: the ethnic group and poverty filters used together. */
  "CREATE INDEX household_by_ethnic_poverty ON household_index (ethnic, poverty, head_fold);";

static const char step_6[] =
  /* 6: prefix indexes for the short words people type first ("lo", "van"),
   * rebuilt from the folded text the index table already holds. */
  "DROP TABLE household_fts;"
  "CREATE VIRTUAL TABLE household_fts USING fts5 ("
  "  search, content = 'household_index', content_rowid = 'docno', prefix = '2 3',"
  "  tokenize = \"unicode61 remove_diacritics 0 categories 'L* N* Co M*'\""
  ");"
  "INSERT INTO household_fts (household_fts) VALUES ('rebuild');";

static const char step_9[] =
  /* 9: the search index keeps which households hold a word, no longer where
   * in the text: a search is words and the beginnings of words, never a
   * phrase, and the smaller index takes a large import a third less time to
   * build. The query's words must stay single words of the tokenizer
   * (banso_fold_query_to_fts()): a phrase is an error without positions. */
  "DROP TABLE household_fts;"
  "CREATE VIRTUAL TABLE household_fts USING fts5 ("
  "  search, content = 'household_index', content_rowid = 'docno', prefix = '2 3',"
  "  detail = none,"
  "  tokenize = \"unicode61 remove_diacritics 0 categories 'L* N* Co M*'\""
  ");"
  "INSERT INTO household_fts (household_fts) VALUES ('rebuild');";

static const char step_15[] =
  /* 15: a row of the search index per person, so that every word of a search
   * is found in one person and a household whose head matches comes first.
   * The search column of household_index holds the persons' folded texts,
   * the head first, each ended by U+001F (banso-household-store.c); the view
   * cuts them into the index's rows, of rowid docno * 64 + the person's place.
   * FTS5 reads its content with virtual tables barred, so the view cuts with
   * a recursive query rather than json_each(). The texts are made again from
   * the documents after the migration (the household type's index_version),
   * which also fills the index: the old column joined all the persons' words
   * into one. */
  "DROP TABLE household_fts;"
  "UPDATE household_index SET search = '';"
  "CREATE VIEW household_person (pid, search) AS"
  "  WITH RECURSIVE p (docno, i, rest, part) AS ("
  "    SELECT docno, -1, search, NULL FROM household_index"
  "    UNION ALL"
  "    SELECT docno, i + 1, substr (rest, instr (rest, char (31)) + 1),"
  "           substr (rest, 1, instr (rest, char (31)) - 1)"
  "    FROM p WHERE rest <> '')"
  "  SELECT docno * 64 + i, part FROM p WHERE i >= 0;"
  "CREATE VIRTUAL TABLE household_fts USING fts5 ("
  "  search, content = 'household_person', content_rowid = 'pid', prefix = '2 3',"
  "  detail = none,"
  "  tokenize = \"unicode61 remove_diacritics 0 categories 'L* N* Co M*'\""
  ");";

void
_banso_records_add_schema (void)
{
  banso_schema_add_step (2, step_2);
  banso_schema_add_step (3, step_3);
  banso_schema_add_step (5, step_5);
  banso_schema_add_step (6, step_6);
  banso_schema_add_step (9, step_9);
  banso_schema_add_step (15, step_15);
}
