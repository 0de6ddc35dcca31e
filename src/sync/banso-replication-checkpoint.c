/* banso-replication-checkpoint.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checkpoints: both sides keep a _local document (here, a row) per
 * replication; a run starts where both agree the last one got to, falling
 * back through the history of sessions when the newest checkpoint reached
 * only one side.
 */

#define G_LOG_DOMAIN "banso-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "banso-replication-private.h"

#define MAX_HISTORY 50

typedef struct
{
  char     *session_id;
  JsonNode *last_seq;
  JsonNode *history;
} Checkpoint;

static void
checkpoint_clear (Checkpoint *cp)
{
  g_clear_pointer (&cp->session_id, g_free);
  g_clear_pointer (&cp->last_seq, json_node_unref);
  g_clear_pointer (&cp->history, json_node_unref);
}

static gboolean
read_local_checkpoint (BansoRun    *run,
                       Checkpoint  *cp,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  if ((db = banso_store_acquire_reader (run->r->store, error)) == NULL)
    return FALSE;
  stmt = banso_sql_prepare (db, "SELECT session_id, last_seq, history FROM sync_checkpoints"
                                " WHERE replication_id = ?1", error);
  if (stmt == NULL)
    {
      banso_store_release_reader (run->r->store, db);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, run->replication_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      cp->session_id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      cp->last_seq = json_from_string ((const char *)sqlite3_column_text (stmt, 1), NULL);
      cp->history = json_from_string ((const char *)sqlite3_column_text (stmt, 2), NULL);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  banso_store_release_reader (run->r->store, db);
  return TRUE;
}

static gboolean
read_remote_checkpoint (BansoRun    *run,
                        Checkpoint  *cp,
                        GError     **error)
{
  g_autofree char *path = g_strdup_printf ("%s/_local/%s", run->db_path, run->replication_id);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *o;

  node = _banso_run_request (run, "GET", path, NULL, 0, NULL, &local_error);
  if (node == NULL)
    {
      if (g_error_matches (local_error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _banso_run_bad_reply (error, run, _("a checkpoint that is not an object"), path);
      return FALSE;
    }
  o = json_node_get_object (node);
  run->remote_rev = g_strdup (json_object_get_string_member_with_default (o, "_rev", NULL));
  cp->session_id = g_strdup (json_object_get_string_member_with_default (o, "session_id", NULL));
  if (json_object_has_member (o, "source_last_seq"))
    cp->last_seq = json_node_copy (json_object_get_member (o, "source_last_seq"));
  if (json_object_has_member (o, "history") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (o, "history")))
    cp->history = json_node_copy (json_object_get_member (o, "history"));
  return TRUE;
}

static gboolean
history_has_session (JsonNode   *history,
                     const char *session_id)
{
  JsonArray *a;

  if (history == NULL || !JSON_NODE_HOLDS_ARRAY (history) || session_id == NULL)
    return FALSE;
  a = json_node_get_array (history);
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *e = json_array_get_element (a, i);
      if (JSON_NODE_HOLDS_OBJECT (e) &&
          g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (e), "session_id", NULL),
                     session_id) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Where both sides agree the last run got to: the same session on both, or
 * the newest session both histories share; from the start otherwise. */
static JsonNode *
agree_start (const Checkpoint *local,
             const Checkpoint *remote)
{
  JsonArray *a;

  if (local->session_id == NULL || remote->session_id == NULL)
    return NULL;
  if (g_strcmp0 (local->session_id, remote->session_id) == 0 && local->last_seq != NULL)
    return json_node_copy (local->last_seq);
  if (local->history == NULL || !JSON_NODE_HOLDS_ARRAY (local->history))
    return NULL;

  a = json_node_get_array (local->history);
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *e = json_array_get_element (a, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (e) ? json_node_get_object (e) : NULL;
      const char *session = o ? json_object_get_string_member_with_default (o, "session_id", NULL) : NULL;

      if (session != NULL && json_object_has_member (o, "recorded_seq") &&
          history_has_session (remote->history, session))
        return json_node_copy (json_object_get_member (o, "recorded_seq"));
    }
  return NULL;
}

JsonNode *
_banso_run_start_checkpoints (BansoRun  *run,
                              GError   **error)
{
  Checkpoint local = { 0 }, remote = { 0 };
  JsonNode *since;

  if (!read_local_checkpoint (run, &local, error) ||
      !read_remote_checkpoint (run, &remote, error))
    {
      checkpoint_clear (&local);
      checkpoint_clear (&remote);
      return NULL;
    }
  since = agree_start (&local, &remote);
  run->history = local.history ? json_node_ref (local.history) : json_from_string ("[]", NULL);
  if (!JSON_NODE_HOLDS_ARRAY (run->history))
    {
      json_node_unref (run->history);
      run->history = json_from_string ("[]", NULL);
    }
  checkpoint_clear (&local);
  checkpoint_clear (&remote);

  if (since == NULL)
    since = json_from_string ("0", NULL);
  return since;
}

char *
_banso_run_updated_history (BansoRun *run,
                            JsonNode *seq)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *end = g_date_time_format_iso8601 (now);
  JsonArray *old = json_node_get_array (run->history);
  g_autoptr(JsonNode) root = NULL;
  guint kept = 1;

  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "session_id");
  json_builder_add_string_value (b, run->session_id);
  json_builder_set_member_name (b, "recorded_seq");
  json_builder_add_value (b, json_node_copy (seq));
  json_builder_set_member_name (b, "start_time");
  json_builder_add_string_value (b, run->start_time);
  json_builder_set_member_name (b, "end_time");
  json_builder_add_string_value (b, end);
  json_builder_end_object (b);
  for (guint i = 0; i < json_array_get_length (old) && kept < MAX_HISTORY; i++)
    {
      JsonNode *e = json_array_get_element (old, i);
      if (JSON_NODE_HOLDS_OBJECT (e) &&
          g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (e), "session_id", NULL),
                     run->session_id) == 0)
        continue;
      json_builder_add_value (b, json_node_copy (e));
      kept++;
    }
  json_builder_end_array (b);

  root = json_builder_get_root (b);
  json_node_unref (run->history);
  run->history = json_node_ref (root);
  return json_to_string (root, FALSE);
}

gboolean
_banso_run_write_local_checkpoint (BansoRun    *run,
                                   BansoTxn    *txn,
                                   const char  *seq_text,
                                   const char  *history,
                                   GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *now = banso_now_iso8601 ();
  int rc;

  stmt = banso_txn_prepare (txn, "INSERT OR REPLACE INTO sync_checkpoints"
                                 " (replication_id, session_id, last_seq, history, updated_at)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, run->replication_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, run->session_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, seq_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, history, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return banso_sql_error (banso_txn_get_db (txn), rc, error);
  return TRUE;
}

gboolean
_banso_run_write_remote_checkpoint (BansoRun  *run,
                                    JsonNode  *seq,
                                    JsonNode  *history,
                                    GError   **error)
{
  g_autofree char *path = g_strdup_printf ("%s/_local/%s", run->db_path, run->replication_id);

  for (guint attempt = 0; attempt < 2; attempt++)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) doc = NULL;
      g_autoptr(JsonNode) reply = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *text = NULL;
      guint status = 0;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "_id");
      {
        g_autofree char *id = g_strdup_printf ("_local/%s", run->replication_id);
        json_builder_add_string_value (b, id);
      }
      if (run->remote_rev != NULL)
        {
          json_builder_set_member_name (b, "_rev");
          json_builder_add_string_value (b, run->remote_rev);
        }
      json_builder_set_member_name (b, "session_id");
      json_builder_add_string_value (b, run->session_id);
      json_builder_set_member_name (b, "source_last_seq");
      json_builder_add_value (b, json_node_copy (seq));
      json_builder_set_member_name (b, "replication_id_version");
      json_builder_add_int_value (b, 1);
      json_builder_set_member_name (b, "history");
      json_builder_add_value (b, json_node_copy (history));
      json_builder_end_object (b);
      doc = json_builder_get_root (b);
      text = json_to_string (doc, FALSE);

      reply = _banso_run_request (run, "PUT", path, text, strlen (text), &status, &local_error);
      if (reply != NULL)
        {
          const char *rev = JSON_NODE_HOLDS_OBJECT (reply)
            ? json_object_get_string_member_with_default (json_node_get_object (reply), "rev", NULL) : NULL;
          g_free (run->remote_rev);
          run->remote_rev = g_strdup (rev);
          return TRUE;
        }
      if (status != 409 || attempt > 0)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* Someone else wrote it (another copy of this file?): take its rev. */
      {
        Checkpoint cp = { 0 };
        g_clear_pointer (&run->remote_rev, g_free);
        if (!read_remote_checkpoint (run, &cp, error))
          return FALSE;
        checkpoint_clear (&cp);
      }
    }
  return FALSE;
}
