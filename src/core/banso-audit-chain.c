/* banso-audit-chain.c: the audit log as a hash chain.
 *
 * Each entry carries the SHA-256 of the body of the revision it wrote
 * (body_hash), the hash of the entry before it (prev_hash) and its own hash,
 * taken over prev_hash and every column of the entry. Changing, removing or
 * inserting an entry anywhere but at the end breaks the chain at that point;
 * changing a body breaks the match with the entry that wrote it. Nothing here
 * is secret: someone with the file and time can write a whole new chain, which
 * is why the head also goes to the data center with each sync, where a history
 * rewritten after that sync no longer leads to it.
 *
 * The triggers that keep the log and the kept revisions append-only are the
 * first line; they are compared with their definitions here on every open and
 * put back if they were dropped or changed, and the time that happened stays
 * in the database for `check` to report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "banso-audit-chain.h"
#include "banso-store-private.h"

#define HASH_LEN 64

typedef struct
{
  const char *name;
  const char *sql;
} Guard;

/* The same text as the migrations wrote (compared without white space). */
static const Guard guards[] = {
  { "audit_no_update",
    "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
    "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END" },
  { "audit_no_delete",
    "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
    "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END" },
  { "audit_no_replace",
    "CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit"
    "  WHEN NEW.entry IS NOT NULL AND EXISTS (SELECT 1 FROM audit WHERE entry = NEW.entry)"
    "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END" },
  { "revisions_no_delete",
    "CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions"
    "  BEGIN SELECT RAISE (ABORT, 'revisions are kept for the audit log'); END" },
  { "revisions_no_update",
    "CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions"
    "  BEGIN SELECT RAISE (ABORT, 'revisions are kept for the audit log'); END" },
  { "revisions_no_replace",
    "CREATE TRIGGER revisions_no_replace BEFORE INSERT ON revisions"
    "  WHEN EXISTS (SELECT 1 FROM revisions WHERE doc_id = NEW.doc_id AND rev = NEW.rev)"
    "  BEGIN SELECT RAISE (IGNORE); END" },
  { "user_events_no_update",
    "CREATE TRIGGER user_events_no_update BEFORE UPDATE ON user_events"
    "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END" },
  { "user_events_no_delete",
    "CREATE TRIGGER user_events_no_delete BEFORE DELETE ON user_events"
    "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END" },
  { "user_events_no_replace",
    "CREATE TRIGGER user_events_no_replace BEFORE INSERT ON user_events"
    "  WHEN NEW.entry IS NOT NULL AND EXISTS (SELECT 1 FROM user_events WHERE entry = NEW.entry)"
    "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END" },
};

static void
sha256_hex (const char *data,
            gsize       len,
            char        out[HASH_LEN + 1])
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (sum, (const guchar *)data, len);
  g_strlcpy (out, g_checksum_get_string (sum), HASH_LEN + 1);
}

/* Each value goes in with its length first, so that no two entries that
 * differ can be read as the same bytes; a missing value is "-". */
static void
add_field (GChecksum  *sum,
           const char *value)
{
  char len[24];

  if (value == NULL)
    {
      g_checksum_update (sum, (const guchar *)"-;", 2);
      return;
    }
  g_snprintf (len, sizeof len, "%zu:", strlen (value));
  g_checksum_update (sum, (const guchar *)len, strlen (len));
  g_checksum_update (sum, (const guchar *)value, strlen (value));
  g_checksum_update (sum, (const guchar *)";", 1);
}

typedef struct
{
  gint64      entry;
  const char *at;
  const char *user_id;
  const char *doc_id;
  const char *doc_type;
  const char *action;
  const char *rev_before;
  const char *rev_after;
  const char *body_hash;
  const char *prev_hash;
} Entry;

static void
entry_hash (const Entry *e,
            char         out[HASH_LEN + 1])
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  char number[24];

  g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, e->entry);
  add_field (sum, "banso-audit-1");
  add_field (sum, e->prev_hash);
  add_field (sum, number);
  add_field (sum, e->at);
  add_field (sum, e->user_id);
  add_field (sum, e->doc_id);
  add_field (sum, e->doc_type);
  add_field (sum, e->action);
  add_field (sum, e->rev_before);
  add_field (sum, e->rev_after);
  add_field (sum, e->body_hash);
  g_strlcpy (out, g_checksum_get_string (sum), HASH_LEN + 1);
}

static void
sql_sha256 (sqlite3_context  *ctx,
            int               argc,
            sqlite3_value   **argv)
{
  char hex[HASH_LEN + 1];
  const char *text;

  if (sqlite3_value_type (argv[0]) == SQLITE_NULL)
    {
      sqlite3_result_null (ctx);
      return;
    }
  text = (const char *)sqlite3_value_text (argv[0]);
  sha256_hex (text ? text : "", sqlite3_value_bytes (argv[0]), hex);
  sqlite3_result_text (ctx, hex, HASH_LEN, SQLITE_TRANSIENT);
}

/* banso_sha256 (text): for the checks, which compare bodies with the entries
 * that wrote them in one query. */
gboolean
_banso_audit_register_functions (sqlite3  *db,
                                 GError  **error)
{
  int rc = sqlite3_create_function_v2 (db, "banso_sha256", 1,
                                       SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                       NULL, sql_sha256, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return banso_sql_error (db, rc, error);
  return TRUE;
}

/**
 * banso_audit_get_head:
 * @out_entry: (out): the number of the last entry, 0 when the log is empty
 * @out_hash: (out) (transfer full): its hash, or the genesis hash
 *
 * Reads the head of the chain, which stands for the whole history before it.
 */
gboolean
banso_audit_get_head (sqlite3  *db,
                      gint64   *out_entry,
                      char    **out_hash,
                      GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = banso_sql_prepare (db, "SELECT entry, hash FROM audit ORDER BY entry DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *hash = (const char *)sqlite3_column_text (stmt, 1);

      *out_entry = sqlite3_column_int64 (stmt, 0);
      *out_hash = g_strdup (hash ? hash : "");
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return banso_sql_error (db, rc, error);
  *out_entry = 0;
  *out_hash = g_strdup (BANSO_AUDIT_GENESIS);
  return TRUE;
}

static const char *
audit_time (void)
{
  static __thread char now[32];
  static __thread gint64 now_second;
  gint64 second = g_get_real_time () / G_USEC_PER_SEC;

  /* Formatting a date per row costs more than the insert during an import. */
  if (second != now_second)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (second);
      g_autofree char *text = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
      g_strlcpy (now, text, sizeof now);
      now_second = second;
    }
  return now;
}

/* Appends @e after the head (@prev_entry, @prev_hash): numbers it, hashes it
 * and writes it; @prev_hash then holds its hash. */
static gboolean
append_entry (BansoTxn  *txn,
              Entry     *e,
              gint64    *prev_entry,
              char       prev_hash[HASH_LEN + 1],
              GError   **error)
{
  sqlite3 *db = banso_txn_get_db (txn);
  char hash[HASH_LEN + 1];
  sqlite3_stmt *stmt;

  e->entry = *prev_entry + 1;
  e->prev_hash = prev_hash;
  entry_hash (e, hash);

  /* The entry is not named: the guard against replacing one then has
   * nothing to look up, and SQLite gives the next number, checked below. */
  stmt = banso_txn_prepare (txn,
                            "INSERT INTO audit (at, user_id, doc_id, doc_type, action,"
                            " rev_before, rev_after, body_hash, prev_hash, hash)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, e->at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, e->user_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, e->doc_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, e->doc_type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, e->action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, e->rev_before, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, e->rev_after, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, e->body_hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, prev_hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, hash, -1, SQLITE_STATIC);
  if (!banso_sql_step_done (db, stmt, error))
    return FALSE;

  if (sqlite3_last_insert_rowid (db) != e->entry)
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_CORRUPT,
                   _("The audit log of %s is out of order: entry %lld was written as %lld. Run “banso-cli check”."),
                   sqlite3_db_filename (db, "main"), (long long)e->entry,
                   (long long)sqlite3_last_insert_rowid (db));
      return FALSE;
    }

  *prev_entry = e->entry;
  g_strlcpy (prev_hash, hash, HASH_LEN + 1);
  return TRUE;
}

static gboolean
read_head (sqlite3  *db,
           gint64   *entry,
           char      hash[HASH_LEN + 1],
           GError  **error)
{
  g_autofree char *text = NULL;

  if (!banso_audit_get_head (db, entry, &text, error))
    return FALSE;
  g_strlcpy (hash, text, HASH_LEN + 1);
  return TRUE;
}

gboolean
_banso_doc_write_audit (BansoTxn    *txn,
                        const char  *id,
                        const char  *type,
                        const char  *action,
                        const char  *rev_before,
                        const char  *rev_after,
                        GError     **error)
{
  sqlite3 *db = banso_txn_get_db (txn);
  char prev_hash[HASH_LEN + 1];
  char body_hash[HASH_LEN + 1];
  gint64 prev_entry;
  sqlite3_stmt *stmt;
  int rc;
  Entry e = {
    .at = audit_time (),
    .user_id = banso_user_get_id (banso_txn_get_user (txn)),
    .doc_id = id,
    .doc_type = type,
    .action = action,
    .rev_before = rev_before,
    .rev_after = rev_after,
  };

  /* The body of the revision written: the document's, or a kept one's for a
   * branch that did not win. */
  stmt = banso_txn_prepare (txn,
                            "SELECT body FROM documents WHERE id = ?1 AND rev = ?2"
                            " UNION ALL SELECT body FROM revisions"
                            " WHERE doc_id = ?1 AND rev = ?2 AND bodiless = 0 LIMIT 1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, rev_after, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      sha256_hex ((const char *)sqlite3_column_text (stmt, 0), sqlite3_column_bytes (stmt, 0),
                  body_hash);
      e.body_hash = body_hash;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return banso_sql_error (db, rc, error);

  return read_head (db, &prev_entry, prev_hash, error) &&
         append_entry (txn, &e, &prev_entry, prev_hash, error);
}

/**
 * banso_audit_append_since:
 * @after_docno: documents with a larger docno get an entry
 * @type: only documents of this type
 *
 * Writes the entries of the documents a bulk import saved with
 * %BANSO_DOC_PUT_DEFER_AUDIT, in the order they were saved, as one link of
 * the chain each.
 */
gboolean
banso_audit_append_since (BansoTxn    *txn,
                          gint64       after_docno,
                          const char  *type,
                          const char  *action,
                          GError     **error)
{
  sqlite3 *db = banso_txn_get_db (txn);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char prev_hash[HASH_LEN + 1];
  gint64 prev_entry;
  int rc;

  if (!read_head (db, &prev_entry, prev_hash, error))
    return FALSE;

  stmt = banso_sql_prepare (db, "SELECT id, rev, body FROM documents"
                                " WHERE docno > ?1 AND type = ?2 ORDER BY docno", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, after_docno);
  sqlite3_bind_text (stmt, 2, type, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char body_hash[HASH_LEN + 1];
      Entry e = {
        .at = audit_time (),
        .user_id = banso_user_get_id (banso_txn_get_user (txn)),
        .doc_id = (const char *)sqlite3_column_text (stmt, 0),
        .doc_type = type,
        .action = action,
        .rev_after = (const char *)sqlite3_column_text (stmt, 1),
        .body_hash = body_hash,
      };

      sha256_hex ((const char *)sqlite3_column_text (stmt, 2), sqlite3_column_bytes (stmt, 2),
                  body_hash);
      if (!append_entry (txn, &e, &prev_entry, prev_hash, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return banso_sql_error (db, rc, error);
  return TRUE;
}

static gboolean
create_guard (sqlite3      *db,
              const Guard  *guard,
              GError      **error)
{
  g_autofree char *drop = g_strdup_printf ("DROP TRIGGER IF EXISTS \"%s\"", guard->name);

  return banso_sql_exec (db, drop, error) && banso_sql_exec (db, guard->sql, error);
}

/* Step 16: the entries written before the chain are chained as they stand,
 * in their order, each with the body its revision has now. */
gboolean
_banso_audit_chain_migrate (sqlite3  *db,
                            GError  **error)
{
  g_autoptr(sqlite3_stmt) read = NULL;
  g_autoptr(sqlite3_stmt) write = NULL;
  char prev_hash[HASH_LEN + 1] = BANSO_AUDIT_GENESIS;
  int rc;

  /* A migration may run on a connection the store did not configure. */
  if (!_banso_audit_register_functions (db, error) ||
      !banso_sql_exec (db, "DROP TRIGGER IF EXISTS audit_no_update", error))
    return FALSE;

  read = banso_sql_prepare (db,
                            "SELECT a.entry, a.at, a.user_id, a.doc_id, a.doc_type, a.action,"
                            " a.rev_before, a.rev_after,"
                            " coalesce ((SELECT banso_sha256 (d.body) FROM documents d"
                            "            WHERE d.id = a.doc_id AND d.rev = a.rev_after),"
                            "           (SELECT banso_sha256 (r.body) FROM revisions r"
                            "            WHERE r.doc_id = a.doc_id AND r.rev = a.rev_after AND r.bodiless = 0))"
                            " FROM audit a ORDER BY a.entry", error);
  write = banso_sql_prepare (db, "UPDATE audit SET body_hash = ?2, prev_hash = ?3, hash = ?4"
                                 " WHERE entry = ?1", error);
  if (read == NULL || write == NULL)
    return FALSE;

  while ((rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      char hash[HASH_LEN + 1];
      Entry e = {
        .entry = sqlite3_column_int64 (read, 0),
        .at = (const char *)sqlite3_column_text (read, 1),
        .user_id = (const char *)sqlite3_column_text (read, 2),
        .doc_id = (const char *)sqlite3_column_text (read, 3),
        .doc_type = (const char *)sqlite3_column_text (read, 4),
        .action = (const char *)sqlite3_column_text (read, 5),
        .rev_before = (const char *)sqlite3_column_text (read, 6),
        .rev_after = (const char *)sqlite3_column_text (read, 7),
        .body_hash = (const char *)sqlite3_column_text (read, 8),
        .prev_hash = prev_hash,
      };

      entry_hash (&e, hash);
      sqlite3_bind_int64 (write, 1, e.entry);
      sqlite3_bind_text (write, 2, e.body_hash, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (write, 3, prev_hash, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (write, 4, hash, -1, SQLITE_TRANSIENT);
      if (!banso_sql_step_done (db, write, error))
        return FALSE;
      g_strlcpy (prev_hash, hash, sizeof prev_hash);
    }
  if (rc != SQLITE_DONE)
    return banso_sql_error (db, rc, error);

  return create_guard (db, &guards[0], error);
}

static char *
squeeze (const char *sql)
{
  GString *out = g_string_new (NULL);

  for (const char *p = sql; p && *p; p++)
    if (!g_ascii_isspace (*p) && *p != ';')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

typedef enum
{
  GUARD_IN_PLACE,
  GUARD_MISSING,
  GUARD_CHANGED,
} GuardState;

/* @stmt reads a trigger's definition by name. */
static GuardState
guard_state (sqlite3_stmt *stmt,
             const Guard  *guard)
{
  g_autofree char *want = squeeze (guard->sql);
  g_autofree char *have = NULL;

  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, guard->name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    have = squeeze ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (have == NULL)
    return GUARD_MISSING;
  return g_strcmp0 (want, have) == 0 ? GUARD_IN_PLACE : GUARD_CHANGED;
}

#define GUARD_SQL "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?1"

/* Puts back each guard that is missing or not as defined, and notes when. */
gboolean
_banso_audit_guards_restore (sqlite3    *db,
                             GPtrArray  *restored,
                             GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  stmt = banso_sql_prepare (db, GUARD_SQL, error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (guards); i++)
    {
      if (guard_state (stmt, &guards[i]) == GUARD_IN_PLACE)
        continue;

      if (!create_guard (db, &guards[i], error))
        return FALSE;
      g_ptr_array_add (restored, g_strdup (guards[i].name));
      g_string_append_printf (names, "%s%s", names->len ? ", " : "", guards[i].name);
    }

  if (names->len > 0)
    {
      g_autofree char *now = banso_now_iso8601 ();
      g_autoptr(sqlite3_stmt) note = NULL;

      /* Kept as a list of every time it happened, for `check` to show. */
      note = banso_sql_prepare (db, "INSERT INTO meta (key, value) VALUES ('audit_guards_restored', ?1)"
                                    " ON CONFLICT (key) DO UPDATE SET value = value || char (10) || ?1",
                                error);
      if (note == NULL)
        return FALSE;
      g_string_prepend (names, " ");
      g_string_prepend (names, now);
      sqlite3_bind_text (note, 1, names->str, -1, SQLITE_STATIC);
      if (!banso_sql_step_done (db, note, error))
        return FALSE;
    }
  return TRUE;
}

static void
add_problem (GPtrArray  *problems,
             guint      *n,
             char       *text)
{
  if ((*n)++ < 20)
    g_ptr_array_add (problems, text);
  else
    g_free (text);
}

static gboolean
check_chain (sqlite3    *db,
             GPtrArray  *problems,
             GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char prev_hash[HASH_LEN + 1] = BANSO_AUDIT_GENESIS;
  gint64 prev_entry = 0;
  guint n = 0;
  int rc;

  stmt = banso_sql_prepare (db,
                            "SELECT entry, at, user_id, doc_id, doc_type, action, rev_before,"
                            " rev_after, body_hash, prev_hash, hash FROM audit ORDER BY entry",
                            error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *stored_prev = (const char *)sqlite3_column_text (stmt, 9);
      const char *stored = (const char *)sqlite3_column_text (stmt, 10);
      char hash[HASH_LEN + 1];
      Entry e = {
        .entry = sqlite3_column_int64 (stmt, 0),
        .at = (const char *)sqlite3_column_text (stmt, 1),
        .user_id = (const char *)sqlite3_column_text (stmt, 2),
        .doc_id = (const char *)sqlite3_column_text (stmt, 3),
        .doc_type = (const char *)sqlite3_column_text (stmt, 4),
        .action = (const char *)sqlite3_column_text (stmt, 5),
        .rev_before = (const char *)sqlite3_column_text (stmt, 6),
        .rev_after = (const char *)sqlite3_column_text (stmt, 7),
        .body_hash = (const char *)sqlite3_column_text (stmt, 8),
        .prev_hash = stored_prev,
      };

      if (e.entry != prev_entry + 1 || g_strcmp0 (stored_prev, prev_hash) != 0)
        add_problem (problems, &n,
                     g_strdup_printf (_("The audit log breaks at entry %lld (%s, %s, %s of %s): the entry before it was removed, changed or put in"),
                                      (long long)e.entry, e.at, e.user_id, e.action, e.doc_id));
      else
        {
          entry_hash (&e, hash);
          if (g_strcmp0 (hash, stored) != 0)
            add_problem (problems, &n,
                         g_strdup_printf (_("The audit log breaks at entry %lld (%s, %s, %s of %s): the entry was changed after it was written"),
                                          (long long)e.entry, e.at, e.user_id, e.action, e.doc_id));
        }
      /* Past a break, the chain is followed from what is stored, so that
       * each break is named once rather than every entry after it. */
      g_strlcpy (prev_hash, stored ? stored : "", sizeof prev_hash);
      prev_entry = e.entry;
    }
  if (rc != SQLITE_DONE)
    return banso_sql_error (db, rc, error);
  if (n > 20)
    g_ptr_array_add (problems, g_strdup_printf (_("The audit log breaks at %u more entries"), n - 20));
  return TRUE;
}

typedef struct
{
  const char *sql;
  const char *what;
} Query;

/* One row per problem, its first column saying where. */
static const Query body_checks[] = {
  { "SELECT 'entry ' || a.entry || ', ' || d.id || ' at revision ' || d.rev"
    " FROM documents d JOIN audit a ON a.doc_id = d.id AND a.rev_after = d.rev"
    " WHERE a.body_hash IS NOT banso_sha256 (d.body)",
    N_("A record was changed outside Banso: its body is not the one its audit entry wrote") },
  { "SELECT 'entry ' || a.entry || ', ' || r.doc_id || ' at revision ' || r.rev"
    " FROM revisions r JOIN audit a ON a.doc_id = r.doc_id AND a.rev_after = r.rev"
    " WHERE r.bodiless = 0 AND a.body_hash IS NOT banso_sha256 (r.body)",
    N_("A kept revision was changed outside Banso: its body is not the one its audit entry wrote") },
  { "SELECT r.doc_id || ' at revision ' || r.rev FROM revisions r"
    " WHERE r.bodiless = 0 AND NOT EXISTS (SELECT 1 FROM audit a"
    "   WHERE a.doc_id = r.doc_id AND a.rev_after = r.rev)",
    N_("A kept revision has no audit entry") },
  { "SELECT r.doc_id FROM revisions r WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = r.doc_id)"
    " GROUP BY r.doc_id",
    N_("Kept revisions belong to a record that is gone") },
};

/**
 * _banso_audit_check:
 *
 * Follows the chain from its first entry, compares every current body and
 * kept revision with the entry that wrote it, and looks for the guards.
 */
gboolean
_banso_audit_check (sqlite3    *db,
                    GPtrArray  *problems,
                    GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!check_chain (db, problems, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (body_checks); i++)
    {
      guint n = 0;

      g_clear_pointer (&stmt, sqlite3_finalize);
      if ((stmt = banso_sql_prepare (db, body_checks[i].sql, error)) == NULL)
        return FALSE;
      while (sqlite3_step (stmt) == SQLITE_ROW)
        add_problem (problems, &n, g_strdup_printf ("%s: %s", _(body_checks[i].what),
                                                    sqlite3_column_text (stmt, 0)));
      if (n > 20)
        g_ptr_array_add (problems, g_strdup_printf (_("%s: %u more"), _(body_checks[i].what), n - 20));
    }

  g_clear_pointer (&stmt, sqlite3_finalize);
  if ((stmt = banso_sql_prepare (db, GUARD_SQL, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (guards); i++)
    {
      GuardState state = guard_state (stmt, &guards[i]);

      if (state == GUARD_MISSING)
        g_ptr_array_add (problems, g_strdup_printf (_("The guard %s of the audit log is missing"),
                                                    guards[i].name));
      else if (state == GUARD_CHANGED)
        g_ptr_array_add (problems, g_strdup_printf (_("The guard %s of the audit log was changed"),
                                                    guards[i].name));
    }

  g_clear_pointer (&stmt, sqlite3_finalize);
  if ((stmt = banso_sql_prepare (db, "SELECT value FROM meta WHERE key = 'audit_guards_restored'",
                                 error)) == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_auto(GStrv) lines = g_strsplit ((const char *)sqlite3_column_text (stmt, 0), "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("The guards of the audit log had been removed or changed outside Banso and were put back (%s)"),
                                          lines[i]));
    }
  return TRUE;
}
