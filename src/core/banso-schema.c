/* banso-schema.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-core"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-schema.h"
#include "banso-store.h"

/* Each entry moves the schema from version N to N + 1. Entries are never edited
 * once released: a database in the field may sit at any of them, and the tests
 * migrate from each one with data in it.
 */
static const char *migrations[] = {
  /* 1: documents, revisions, audit, users, reference data. */
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
  "CREATE TABLE users ("
  "  id TEXT PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  role TEXT NOT NULL CHECK (role IN ('admin', 'commune-official', 'cultural-staff', 'trainer')),"
  "  created_at TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE TABLE user_communes ("
  "  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  commune_code TEXT NOT NULL,"
  "  PRIMARY KEY (user_id, commune_code)"
  ") WITHOUT ROWID;"
  "CREATE TABLE ethnic_groups ("
  "  code TEXT PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  other_names TEXT NOT NULL DEFAULT '',"
  "  fold TEXT NOT NULL"
  ") WITHOUT ROWID;"
  /* Administrative units are kept by edition: the 2025 reform removed the district
   * level, and the next one may change the tree again. */
  "CREATE TABLE admin_units ("
  "  edition TEXT NOT NULL,"
  "  code TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  parent_code TEXT,"
  "  name TEXT NOT NULL,"
  "  fold TEXT NOT NULL,"
  "  PRIMARY KEY (edition, code)"
  ") WITHOUT ROWID;"
  "CREATE INDEX admin_units_parent ON admin_units (edition, parent_code, fold);"
  "CREATE TABLE documents ("
  "  docno INTEGER PRIMARY KEY,"
  "  id TEXT NOT NULL UNIQUE,"
  "  type TEXT NOT NULL,"
  "  rev TEXT NOT NULL,"
  "  parent_rev TEXT,"
  "  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),"
  "  seq INTEGER NOT NULL UNIQUE,"
  "  body TEXT NOT NULL"
  ");"
  "CREATE INDEX documents_type ON documents (type, deleted);"
  /* Superseded revisions keep their bodies: they are the audit log's before and
   * after values and what replication serves for conflicts. */
  "CREATE TABLE revisions ("
  "  doc_id TEXT NOT NULL,"
  "  rev TEXT NOT NULL,"
  "  parent_rev TEXT,"
  "  deleted INTEGER NOT NULL,"
  "  body TEXT NOT NULL,"
  "  PRIMARY KEY (doc_id, rev)"
  ") WITHOUT ROWID;"
  "CREATE TABLE audit ("
  "  entry INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  user_id TEXT NOT NULL REFERENCES users (id),"
  "  doc_id TEXT NOT NULL,"
  "  doc_type TEXT NOT NULL,"
  "  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore', 'import')),"
  "  rev_before TEXT,"
  "  rev_after TEXT NOT NULL"
  ");"
  "CREATE INDEX audit_doc ON audit (doc_id, entry);"
  "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  "CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions"
  "  BEGIN SELECT RAISE (ABORT, 'revisions are kept for the audit log'); END;",

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
  ");",

  /* 3: prestigious persons and form drafts. */
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
  "CREATE INDEX prestige_by_commune ON prestige_index (commune, name_fold);"
  "CREATE TABLE drafts ("
  "  key TEXT PRIMARY KEY,"
  "  kind TEXT NOT NULL,"
  "  doc_id TEXT,"
  "  body TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ") WITHOUT ROWID;",

  /* 4: close the ways around the append-only rule that the first triggers left
   * open: updating a kept revision, and INSERT OR REPLACE, which replaces a row
   * without firing DELETE triggers. */
  "CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions"
  "  BEGIN SELECT RAISE (ABORT, 'revisions are kept for the audit log'); END;"
  "CREATE TRIGGER revisions_no_replace BEFORE INSERT ON revisions"
  "  WHEN EXISTS (SELECT 1 FROM revisions WHERE doc_id = NEW.doc_id AND rev = NEW.rev)"
  "  BEGIN SELECT RAISE (IGNORE); END;"
  "CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit"
  "  WHEN NEW.entry IS NOT NULL AND EXISTS (SELECT 1 FROM audit WHERE entry = NEW.entry)"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;",

  /* 5: the ethnic group and poverty filters used together. */
  "CREATE INDEX household_by_ethnic_poverty ON household_index (ethnic, poverty, head_fold);",

  /* 6: prefix indexes for the short words people type first ("lo", "van"),
   * rebuilt from the folded text the index table already holds. */
  "DROP TABLE household_fts;"
  "CREATE VIRTUAL TABLE household_fts USING fts5 ("
  "  search, content = 'household_index', content_rowid = 'docno', prefix = '2 3',"
  "  tokenize = \"unicode61 remove_diacritics 0 categories 'L* N* Co M*'\""
  ");"
  "INSERT INTO household_fts (household_fts) VALUES ('rebuild');",

  /* 7: replication with the central data center. A document remembers which
   * server database it came from (NULL: the office's own); revisions known only
   * by their id (ancestors named in a pulled document's history) have no body;
   * conflicting leaves are listed for the Sync section; checkpoints and the log
   * of runs live next to the data they describe, so a pulled batch and its
   * checkpoint commit together. The audit log learns two actions, which needs
   * the table rebuilt (SQLite cannot alter a CHECK constraint). */
  "ALTER TABLE documents ADD COLUMN source TEXT;"
  /* The seq at which a pull last wrote the document: a change waiting to be
   * sent is one whose seq moved since. */
  "ALTER TABLE documents ADD COLUMN pulled_seq INTEGER;"
  "ALTER TABLE revisions ADD COLUMN bodiless INTEGER NOT NULL DEFAULT 0;"
  "CREATE INDEX revisions_by_parent ON revisions (doc_id, parent_rev);"
  "CREATE TABLE conflicts ("
  "  docno INTEGER NOT NULL REFERENCES documents (docno) ON DELETE CASCADE,"
  "  rev TEXT NOT NULL,"
  "  PRIMARY KEY (docno, rev)"
  ") WITHOUT ROWID;"
  "CREATE TABLE sync_checkpoints ("
  "  replication_id TEXT PRIMARY KEY,"
  "  session_id TEXT NOT NULL,"
  "  last_seq TEXT NOT NULL,"
  "  history TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE TABLE sync_runs ("
  "  run INTEGER PRIMARY KEY,"
  "  started_at TEXT NOT NULL,"
  "  finished_at TEXT,"
  "  server TEXT NOT NULL,"
  "  database TEXT NOT NULL,"
  "  pushed INTEGER NOT NULL DEFAULT 0,"
  "  pulled INTEGER NOT NULL DEFAULT 0,"
  "  status TEXT NOT NULL,"
  "  message TEXT"
  ");"
  "CREATE TABLE audit_new ("
  "  entry INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  user_id TEXT NOT NULL REFERENCES users (id),"
  "  doc_id TEXT NOT NULL,"
  "  doc_type TEXT NOT NULL,"
  "  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore', 'import',"
  "                                         'replicate', 'resolve')),"
  "  rev_before TEXT,"
  "  rev_after TEXT NOT NULL"
  ");"
  "INSERT INTO audit_new SELECT entry, at, user_id, doc_id, doc_type, action, rev_before, rev_after"
  "  FROM audit ORDER BY entry;"
  "DROP TABLE audit;"
  "ALTER TABLE audit_new RENAME TO audit;"
  "CREATE INDEX audit_doc ON audit (doc_id, entry);"
  "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  "CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit"
  "  WHEN NEW.entry IS NOT NULL AND EXISTS (SELECT 1 FROM audit WHERE entry = NEW.entry)"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;",

  /* 8: media files of the culture archive: how many of each file's pieces are
   * here (pulled ones arrive a piece at a time) and whether the server has
   * them all. */
  "CREATE TABLE media_files ("
  "  docno INTEGER PRIMARY KEY REFERENCES documents (docno) ON DELETE CASCADE,"
  "  sha256 TEXT NOT NULL,"
  "  size INTEGER NOT NULL,"
  "  chunks INTEGER NOT NULL,"
  "  have INTEGER NOT NULL DEFAULT 0,"
  "  sent INTEGER NOT NULL DEFAULT 0 CHECK (sent IN (0, 1))"
  ");"
  "CREATE INDEX media_files_by_sha256 ON media_files (sha256);",

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
  "INSERT INTO household_fts (household_fts) VALUES ('rebuild');",

  /* 10: the changes waiting to be sent, which the header bar counts at every
   * start and after every save, from an index of their own instead of a read
   * of every document. The condition is the one the queries write. */
  "CREATE INDEX documents_unsent ON documents (seq)"
  "  WHERE source IS NULL AND pulled_seq IS NOT seq;",
};

guint
banso_schema_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

static int
get_user_version (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return -1;

  return sqlite3_column_int (stmt, 0);
}

/* Each step runs in its own transaction so that a failure leaves the file at the
 * last complete version, never between two.
 */
gboolean
banso_schema_migrate (sqlite3  *db,
                      guint     target_version,
                      GError  **error)
{
  int current;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (target_version <= G_N_ELEMENTS (migrations), FALSE);

  current = get_user_version (db);
  if (current < 0)
    return banso_sql_error (db, sqlite3_errcode (db), error);

  if ((guint)current > G_N_ELEMENTS (migrations))
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_NEWER,
                   _("This database was made by a newer version of Banso (schema %d; this version knows up to %u). Update Banso to open it; the file was left untouched."),
                   current, (guint)G_N_ELEMENTS (migrations));
      return FALSE;
    }

  for (guint v = current; v < target_version; v++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %u;", v + 1);

      if (!banso_sql_exec (db, "BEGIN IMMEDIATE", error))
        return FALSE;

      if (!banso_sql_exec (db, migrations[v], error) ||
          !banso_sql_exec (db, bump, error))
        {
          g_prefix_error (error, _("Could not upgrade the database to schema %u: "), v + 1);
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }

      if (v == 0)
        {
          g_autofree char *app_id = g_strdup_printf ("PRAGMA application_id = %d;",
                                                     BANSO_APPLICATION_ID);
          if (!banso_sql_exec (db, app_id, error))
            {
              sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
              return FALSE;
            }
        }

      if (!banso_sql_exec (db, "COMMIT", error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  return TRUE;
}
