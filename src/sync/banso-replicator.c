/* banso-replicator.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CouchDB's replication protocol, one direction at a time:
 *
 *   read both checkpoints (_local/<replication id>) and agree where to start;
 *   list changes since then; ask the other side which revisions it lacks
 *   (_revs_diff); move those with their history (_bulk_get or open_revs, then
 *   _bulk_docs with new_edits=false); record the checkpoint; repeat.
 *
 * Every step is safe to repeat: a revision that arrives twice is kept once, so
 * a run cut anywhere resumes from the last checkpoint and loses or duplicates
 * nothing. A pulled batch and its checkpoint commit in one transaction.
 */

#define G_LOG_DOMAIN "banso-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "banso-document.h"
#include "banso-replicator.h"
#include "banso-replication-private.h"

static void
run_clear (BansoRun *run)
{
  g_clear_pointer (&run->db_path, g_free);
  g_clear_pointer (&run->replication_id, g_free);
  g_clear_pointer (&run->session_id, g_free);
  g_clear_pointer (&run->start_time, g_free);
  g_clear_pointer (&run->remote_rev, g_free);
  g_clear_pointer (&run->history, json_node_unref);
}

static char *
replica_uuid (BansoStore *store)
{
  char *uuid = banso_store_get_meta (store, "replica_uuid");

  if (uuid == NULL)
    {
      uuid = banso_doc_new_id ();
      banso_store_set_meta (store, "replica_uuid", uuid, NULL);
      g_free (uuid);
      uuid = banso_store_get_meta (store, "replica_uuid");
    }
  return uuid;
}

/**
 * banso_replication_id:
 *
 * The same for every run between this database file and that server database
 * in that direction, so runs find each other's checkpoints.
 */
char *
banso_replication_id (BansoStore         *store,
                      const char         *server,
                      const char         *database,
                      BansoSyncDirection  direction)
{
  g_autofree char *uuid = replica_uuid (store);
  g_autofree char *key = g_strdup_printf ("banso-1\n%s\n%s\n%s\n%s", uuid, server, database,
                                          direction == BANSO_SYNC_PUSH ? "push" : "pull");

  return g_compute_checksum_for_string (G_CHECKSUM_MD5, key, -1);
}

gboolean
_banso_run_cancelled (BansoRun  *run,
                      GError   **error)
{
  if (g_cancellable_is_cancelled (run->cancellable))
    {
      g_set_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_CANCELLED, _("Sync was stopped."));
      return TRUE;
    }
  return FALSE;
}

JsonNode *
_banso_run_request (BansoRun    *run,
                    const char  *method,
                    const char  *path,
                    const char  *body,
                    gsize        len,
                    guint       *status,
                    GError     **error)
{
  return banso_sync_client_request (run->r->client, method, path, body, len, status,
                                    run->cancellable, error);
}

void
_banso_run_bad_reply (GError     **error,
                      BansoRun    *run,
                      const char  *what,
                      const char  *path)
{
  /* Translators: the first %s says what was wrong, the second is the URL. */
  g_set_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_BAD_REPLY,
               _("The server's reply is not what Banso expected: %s (%s%s)."),
               what, banso_sync_client_get_server (run->r->client), path);
}

static gboolean
ensure_database (BansoRun  *run,
                 GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) info = NULL;

  info = _banso_run_request (run, "GET", run->db_path, NULL, 0, NULL, &local_error);
  if (info != NULL)
    return TRUE;
  if (!g_error_matches (local_error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_NOT_FOUND) ||
      !run->r->create_target)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_clear_error (&local_error);
  g_clear_pointer (&info, json_node_unref);
  info = _banso_run_request (run, "PUT", run->db_path, NULL, 0, NULL, error);
  return info != NULL;
}

/**
 * banso_replicate:
 *
 * Runs one replication (push, pull or both) to completion, blocking: call it
 * from a worker thread. On failure everything up to the last checkpoint stays,
 * and the next run starts from there.
 */
gboolean
banso_replicate (const BansoReplication  *replication,
                 BansoSyncStats          *stats,
                 GCancellable            *cancellable,
                 GError                 **error)
{
  BansoSyncStats local_stats = { 0 };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  const char *server = banso_sync_client_get_server (replication->client);
  guint64 sent0, received0;
  g_autofree char *escaped = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (replication != NULL && replication->database != NULL, FALSE);

  if (stats == NULL)
    stats = &local_stats;
  sent0 = banso_sync_client_get_bytes_sent (replication->client);
  received0 = banso_sync_client_get_bytes_received (replication->client);
  escaped = g_uri_escape_string (replication->database, NULL, FALSE);

  for (guint i = 0; ok && i < 2; i++)
    {
      BansoSyncDirection dir = i == 0 ? BANSO_SYNC_PUSH : BANSO_SYNC_PULL;
      BansoRun run = { 0 };

      if (!(replication->direction & dir))
        continue;
      run.r = replication;
      run.stats = stats;
      run.cancellable = cancellable;
      run.db_path = g_strdup_printf ("/%s", escaped);
      run.replication_id = banso_replication_id (replication->store, server, replication->database, dir);
      run.session_id = banso_doc_new_id ();
      run.start_time = g_date_time_format_iso8601 (now);
      run.batch = replication->batch_size ? replication->batch_size : BANSO_SYNC_DEFAULT_BATCH;

      ok = (i > 0 || ensure_database (&run, error)) &&
           (dir == BANSO_SYNC_PUSH ? _banso_run_push (&run, error) : _banso_run_pull (&run, error));
      /* Records first: they are small and wanted now; media can take hours. */
      if (ok && replication->media)
        ok = dir == BANSO_SYNC_PUSH ? _banso_run_push_media (&run, error)
                                    : _banso_run_pull_media (&run, error);
      run_clear (&run);
    }

  stats->bytes_sent += banso_sync_client_get_bytes_sent (replication->client) - sent0;
  stats->bytes_received += banso_sync_client_get_bytes_received (replication->client) - received0;
  return ok;
}

/**
 * banso_sync_count_pending:
 *
 * Returns: how many records changed here since the last checkpoint of the
 *   push to that server database, or -1 on error
 */
gint64
banso_sync_count_pending (BansoStore  *store,
                          const char  *server,
                          const char  *database,
                          GError     **error)
{
  g_autofree char *id = banso_replication_id (store, server, database, BANSO_SYNC_PUSH);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 since = 0;
  sqlite3 *db;

  if ((db = banso_store_acquire_reader (store, error)) == NULL)
    return -1;
  stmt = banso_sql_prepare (db, "SELECT last_seq FROM sync_checkpoints WHERE replication_id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        since = g_ascii_strtoll ((const char *)sqlite3_column_text (stmt, 0), NULL, 10);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  banso_store_release_reader (store, db);
  return _banso_sync_count_since (store, since, error);
}
