/* banso-schema.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "banso-audit-chain.h"
#include "banso-schema.h"
#include "banso-store.h"

/* Each entry moves the schema from version N to N + 1. Entries are never edited
 * once released: a database in the field may sit at any of them, and the tests
 * migrate from each one with data in it. A step is this list's entry followed
 * by what the document types added to it (banso_schema_add_step()): their
 * index tables are theirs, numbered in the same sequence.
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

  /* 2: the first record types' index tables (registered by their module). */
  "",

  /* 3: form drafts (and the next record type's index tables). */
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

  /* 5, 6: steps of the record types' own index tables. */
  "",
  "",

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

  /* 8, 9: steps of the types' own tables. */
  "",
  "",

  /* 10: the changes waiting to be sent, which the header bar counts at every
   * start and after every save, from an index of their own instead of a read
   * of every document. The condition is the one the queries write. */
  "CREATE INDEX documents_unsent ON documents (seq)"
  "  WHERE source IS NULL AND pulled_seq IS NOT seq;",

  /* 11, 12, 13: steps of the types' own tables. */
  "",
  "",
  "",

  /* 14: logins. A user has a password, kept only as a salted Argon2id string,
   * and can be disabled; the lexicographer's role is new, which needs the
   * table rebuilt (SQLite cannot alter a CHECK constraint; the foreign keys
   * that name the table are off while a step runs, and checked before it
   * commits). Users stay in this office's database and never sync: an
   * account, and its password hash, are this office's and this computer's.
   * What happens to accounts — logins, failed logins, every change — is kept
   * in an append-only log of its own, beside the audit log of records,
   * whose entries each name a revision. */
  "CREATE TABLE users_new ("
  "  id TEXT PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  role TEXT NOT NULL CHECK (role IN ('admin', 'commune-official', 'cultural-staff', 'trainer',"
  "                                     'lexicographer')),"
  "  created_at TEXT NOT NULL,"
  "  password_hash TEXT,"
  "  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),"
  "  updated_at TEXT"
  ") WITHOUT ROWID;"
  "INSERT INTO users_new (id, name, role, created_at)"
  "  SELECT id, name, role, created_at FROM users;"
  "DROP TABLE users;"
  "ALTER TABLE users_new RENAME TO users;"
  "CREATE TABLE user_events ("
  "  entry INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  actor TEXT REFERENCES users (id),"
  "  login TEXT NOT NULL,"
  "  action TEXT NOT NULL CHECK (action IN ('login', 'login-failed', 'lock', 'logout',"
  "                                         'create', 'update', 'password', 'disable',"
  "                                         'enable')),"
  "  detail TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX user_events_login ON user_events (login, entry);"
  "CREATE TRIGGER user_events_no_update BEFORE UPDATE ON user_events"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  "CREATE TRIGGER user_events_no_delete BEFORE DELETE ON user_events"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  "CREATE TRIGGER user_events_no_replace BEFORE INSERT ON user_events"
  "  WHEN NEW.entry IS NOT NULL AND EXISTS (SELECT 1 FROM user_events WHERE entry = NEW.entry)"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;",

  /* 15: steps of the types' own tables. */
  "",

  /* 16: the audit log becomes a hash chain (banso-audit-chain.c): each entry
   * carries the hash of the body it wrote, of the entry before it and its
   * own. The entries already there are chained by code after this part. */
  "ALTER TABLE audit ADD COLUMN body_hash TEXT;"
  "ALTER TABLE audit ADD COLUMN prev_hash TEXT;"
  "ALTER TABLE audit ADD COLUMN hash TEXT;",
};

static GPtrArray *type_steps;   /* of Step, in the order they were added */
static GMutex type_steps_lock;

typedef struct
{
  guint       version;
  const char *sql;
} Step;

/**
 * banso_schema_add_step:
 * @version: the schema version the step moves to: one of the core's or the
 *   next after them; a number is never reused once released
 * @sql: (transfer none): a static string; never edited once released
 *
 * Adds a document type's part of a migration step, for its own tables.
 * Called when the type registers, before any store opens.
 */
void
banso_schema_add_step (guint       version,
                       const char *sql)
{
  Step *step;

  g_return_if_fail (version >= 1 && sql != NULL);

  g_mutex_lock (&type_steps_lock);
  if (type_steps == NULL)
    type_steps = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < type_steps->len; i++)
    if (((Step *)g_ptr_array_index (type_steps, i))->sql == sql)
      {
        g_mutex_unlock (&type_steps_lock);
        return;
      }
  step = g_new0 (Step, 1);
  step->version = version;
  step->sql = sql;
  g_ptr_array_add (type_steps, step);
  g_mutex_unlock (&type_steps_lock);
}

guint
banso_schema_get_latest_version (void)
{
  guint latest = G_N_ELEMENTS (migrations);

  g_mutex_lock (&type_steps_lock);
  for (guint i = 0; type_steps != NULL && i < type_steps->len; i++)
    latest = MAX (latest, ((Step *)g_ptr_array_index (type_steps, i))->version);
  g_mutex_unlock (&type_steps_lock);
  return latest;
}

/* The whole of step @version: the core's part, then the types' parts. */
static char *
step_sql (guint version)
{
  GString *sql = g_string_new (version <= G_N_ELEMENTS (migrations) ? migrations[version - 1] : "");

  g_mutex_lock (&type_steps_lock);
  for (guint i = 0; type_steps != NULL && i < type_steps->len; i++)
    {
      const Step *step = g_ptr_array_index (type_steps, i);

      if (step->version == version)
        g_string_append (sql, step->sql);
    }
  g_mutex_unlock (&type_steps_lock);
  return g_string_free (sql, FALSE);
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

static gboolean
check_foreign_keys (sqlite3  *db,
                    GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL) != SQLITE_OK)
    return banso_sql_error (db, sqlite3_errcode (db), error);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_CORRUPT,
                   _("a row of the table %s names a missing row of %s"),
                   sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 2));
      return FALSE;
    }
  return TRUE;
}

/* Each step runs in its own transaction so that a failure leaves the file at the
 * last complete version, never between two.
 */
gboolean
banso_schema_migrate (sqlite3  *db,
                      guint     target_version,
                      GError  **error)
{
  guint latest = banso_schema_get_latest_version ();
  int current;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (target_version <= latest, FALSE);

  current = get_user_version (db);
  if (current < 0)
    return banso_sql_error (db, sqlite3_errcode (db), error);

  if ((guint)current > latest)
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_NEWER,
                   _("This database was made by a newer version of Banso (schema %d; this version knows up to %u). Update Banso to open it; the file was left untouched."),
                   current, latest);
      return FALSE;
    }

  /* A step may rebuild a table that others name in their foreign keys:
   * they are off while the steps run and checked before each commits. */
  if ((guint)current < target_version &&
      !banso_sql_exec (db, "PRAGMA foreign_keys = OFF;", error))
    return FALSE;

  for (guint v = current; v < target_version; v++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %u;", v + 1);
      g_autofree char *sql = step_sql (v + 1);

      if (!banso_sql_exec (db, "BEGIN IMMEDIATE", error))
        return FALSE;

      if (!banso_sql_exec (db, sql, error) ||
          (v + 1 == BANSO_AUDIT_CHAIN_STEP && !_banso_audit_chain_migrate (db, error)) ||
          (strstr (sql, "DROP TABLE") != NULL && !check_foreign_keys (db, error)) ||
          !banso_sql_exec (db, bump, error))
        {
          g_prefix_error (error, _("Could not upgrade the database to schema %u: "), v + 1);
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
          return FALSE;
        }

      if (v == 0)
        {
          g_autofree char *app_id = g_strdup_printf ("PRAGMA application_id = %d;",
                                                     BANSO_APPLICATION_ID);
          if (!banso_sql_exec (db, app_id, error))
            {
              sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
              sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
              return FALSE;
            }
        }

      if (!banso_sql_exec (db, "COMMIT", error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
          return FALSE;
        }
    }

  return banso_sql_exec (db, "PRAGMA foreign_keys = ON;", error);
}
