/* banso-sync-log.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The log of sync runs the Sync section shows: when, with which server, how
 * much went each way, and what went wrong in the user's words.
 */

#define G_LOG_DOMAIN "banso-sync"

#include "config.h"

#include "banso-sync-log.h"

void
banso_sync_run_free (BansoSyncRun *run)
{
  if (run == NULL)
    return;
  g_free (run->started_at);
  g_free (run->finished_at);
  g_free (run->server);
  g_free (run->database);
  g_free (run->status);
  g_free (run->message);
  g_free (run);
}

static gboolean
write_row (BansoStore   *store,
           const char   *sql,
           gint64       *out_rowid,
           GError      **error,
           ...)
{
  g_autoptr(BansoUser) admin = banso_store_dup_admin (store, error);
  BansoTxn *txn;
  sqlite3_stmt *stmt;
  va_list args;
  int rc;

  if (admin == NULL || (txn = banso_store_begin (store, admin, error)) == NULL)
    return FALSE;
  if ((stmt = banso_txn_prepare (txn, sql, error)) == NULL)
    {
      banso_txn_rollback (txn);
      return FALSE;
    }
  va_start (args, error);
  for (int i = 1; i <= sqlite3_bind_parameter_count (stmt); i++)
    {
      const char *kind = va_arg (args, const char *);
      if (kind[0] == 's')
        sqlite3_bind_text (stmt, i, va_arg (args, const char *), -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64 (stmt, i, va_arg (args, gint64));
    }
  va_end (args);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      banso_sql_error (banso_txn_get_db (txn), rc, error);
      banso_txn_rollback (txn);
      return FALSE;
    }
  if (out_rowid)
    *out_rowid = sqlite3_last_insert_rowid (banso_txn_get_db (txn));
  return banso_txn_commit (txn, error);
}

gint64
banso_sync_log_start (BansoStore  *store,
                      const char  *server,
                      const char  *database,
                      GError     **error)
{
  g_autofree char *now = banso_now_iso8601 ();
  gint64 run = -1;

  if (!write_row (store, "INSERT INTO sync_runs (started_at, server, database, status)"
                         " VALUES (?1, ?2, ?3, 'running')", &run, error,
                  "s", now, "s", server, "s", database))
    return -1;
  return run;
}

gboolean
banso_sync_log_finish (BansoStore            *store,
                       gint64                 run,
                       const BansoSyncStats  *stats,
                       const GError          *failure,
                       GError               **error)
{
  g_autofree char *now = banso_now_iso8601 ();

  return write_row (store, "UPDATE sync_runs SET finished_at = ?2, pushed = ?3, pulled = ?4,"
                           " status = ?5, message = ?6 WHERE run = ?1", NULL, error,
                    "i", run, "s", now, "i", (gint64)stats->pushed, "i", (gint64)stats->pulled,
                    "s", failure ? "failed" : "ok", "s", failure ? failure->message : NULL);
}

/**
 * banso_sync_log_list:
 *
 * Returns: (transfer full) (element-type BansoSyncRun): the newest runs first
 */
GPtrArray *
banso_sync_log_list (BansoStore  *store,
                     guint        limit,
                     GError     **error)
{
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func ((GDestroyNotify)banso_sync_run_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  if ((db = banso_store_acquire_reader (store, error)) == NULL)
    return NULL;
  stmt = banso_sql_prepare (db, "SELECT run, started_at, finished_at, server, database, pushed,"
                                " pulled, status, message FROM sync_runs ORDER BY run DESC LIMIT ?1",
                            error);
  if (stmt == NULL)
    {
      banso_store_release_reader (store, db);
      return NULL;
    }
  sqlite3_bind_int (stmt, 1, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BansoSyncRun *r = g_new0 (BansoSyncRun, 1);

      r->run = sqlite3_column_int64 (stmt, 0);
      r->started_at = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      r->finished_at = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      r->server = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      r->database = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
      r->pushed = sqlite3_column_int64 (stmt, 5);
      r->pulled = sqlite3_column_int64 (stmt, 6);
      r->status = g_strdup ((const char *)sqlite3_column_text (stmt, 7));
      r->message = g_strdup ((const char *)sqlite3_column_text (stmt, 8));
      g_ptr_array_add (runs, r);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  banso_store_release_reader (store, db);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_SQL, "%s", sqlite3_errstr (rc));
      return NULL;
    }
  return g_steal_pointer (&runs);
}
