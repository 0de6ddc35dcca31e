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
#include "banso-revtree.h"
#include "banso-sync-doc.h"

#define MAX_HISTORY     50
#define MAX_ANCESTRY    1000

typedef struct
{
  const BansoReplication *r;
  BansoSyncStats         *stats;
  GCancellable           *cancellable;
  char                   *db_path;         /* "/<database>" escaped */
  char                   *replication_id;
  char                   *session_id;
  char                   *start_time;
  /* checkpoints */
  char                   *remote_rev;      /* of the _local document */
  JsonNode               *history;         /* array, newest first */
  guint                   batch;
} Run;

static void
run_clear (Run *run)
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

static gboolean
cancelled (Run     *run,
           GError **error)
{
  if (g_cancellable_is_cancelled (run->cancellable))
    {
      g_set_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_CANCELLED, _("Sync was stopped."));
      return TRUE;
    }
  return FALSE;
}

static JsonNode *
request (Run         *run,
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

static void
bad_reply (GError     **error,
           Run         *run,
           const char  *what,
           const char  *path)
{
  /* Translators: the first %s says what was wrong, the second is the URL. */
  g_set_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_BAD_REPLY,
               _("The server's reply is not what Banso expected: %s (%s%s)."),
               what, banso_sync_client_get_server (run->r->client), path);
}

/* Checkpoints {{{ */

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
read_local_checkpoint (Run         *run,
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
read_remote_checkpoint (Run         *run,
                        Checkpoint  *cp,
                        GError     **error)
{
  g_autofree char *path = g_strdup_printf ("%s/_local/%s", run->db_path, run->replication_id);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *o;

  node = request (run, "GET", path, NULL, 0, NULL, &local_error);
  if (node == NULL)
    {
      if (g_error_matches (local_error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      bad_reply (error, run, _("a checkpoint that is not an object"), path);
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

static JsonNode *
start_checkpoints (Run     *run,
                   GError **error)
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

static char *
updated_history (Run      *run,
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

static gboolean
write_local_checkpoint (Run          *run,
                        BansoTxn     *txn,
                        const char   *seq_text,
                        const char   *history,
                        GError      **error)
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

static gboolean
write_remote_checkpoint (Run         *run,
                         JsonNode    *seq,
                         JsonNode    *history,
                         GError     **error)
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

      reply = request (run, "PUT", path, text, strlen (text), &status, &local_error);
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

/* }}} */

/* JSON text helpers {{{ */

static char *
seq_for_url (JsonNode *seq)
{
  g_autofree char *text = NULL;

  if (JSON_NODE_HOLDS_VALUE (seq) && json_node_get_value_type (seq) == G_TYPE_STRING)
    text = g_strdup (json_node_get_string (seq));
  else
    text = json_to_string (seq, FALSE);
  return g_uri_escape_string (text, NULL, FALSE);
}

/* }}} */

/* Push {{{ */

typedef struct
{
  char     *id;
  char     *type;
  GPtrArray *leaves;   /* BansoRevision with bodies */
} LocalDoc;

static void
local_doc_free (LocalDoc *d)
{
  g_free (d->id);
  g_free (d->type);
  g_clear_pointer (&d->leaves, g_ptr_array_unref);
  g_free (d);
}

static GPtrArray *
read_local_changes (Run     *run,
                    gint64   since,
                    guint    limit,
                    gint64  *out_last,
                    GError **error)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify)local_doc_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  BansoRevtreeReader *reader = NULL;
  sqlite3 *db;
  int rc;

  *out_last = since;
  if ((db = banso_store_acquire_reader (run->r->store, error)) == NULL)
    return NULL;
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  stmt = banso_sql_prepare (db, "SELECT id, type, seq FROM documents WHERE seq > ?1 AND source IS NULL"
                                " ORDER BY seq LIMIT ?2", error);
  if (stmt == NULL || (reader = banso_revtree_reader_new (db, error)) == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, since);
  sqlite3_bind_int (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LocalDoc *d = g_new0 (LocalDoc, 1);

      d->id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      d->type = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      *out_last = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (docs, d);
      if ((d->leaves = banso_revtree_reader_leaves (reader, d->id, TRUE, error)) == NULL)
        goto fail;
    }
  if (rc != SQLITE_DONE)
    {
      banso_sql_error (db, rc, error);
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_clear_pointer (&reader, banso_revtree_reader_free);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  banso_store_release_reader (run->r->store, db);
  return g_steal_pointer (&docs);

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_clear_pointer (&reader, banso_revtree_reader_free);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  banso_store_release_reader (run->r->store, db);
  return NULL;
}

/* The revisions of @docs the server lacks, as "id\nrev" keys. */
static GHashTable *
push_revs_diff (Run        *run,
                GPtrArray  *docs,
                GError    **error)
{
  g_autoptr(GString) body = g_string_sized_new (docs->len * 80);
  g_autofree char *path = g_strdup_printf ("%s/_revs_diff", run->db_path);
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GHashTable) missing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GList) ids = NULL;
  JsonObject *o;

  g_string_append_c (body, '{');
  for (guint i = 0; i < docs->len; i++)
    {
      LocalDoc *d = g_ptr_array_index (docs, i);

      if (i > 0)
        g_string_append_c (body, ',');
      banso_json_append_quoted (body, d->id);
      g_string_append (body, ":[");
      for (guint j = 0; j < d->leaves->len; j++)
        {
          BansoRevision *leaf = g_ptr_array_index (d->leaves, j);
          if (j > 0)
            g_string_append_c (body, ',');
          banso_json_append_quoted (body, leaf->rev);
        }
      g_string_append_c (body, ']');
    }
  g_string_append_c (body, '}');

  reply = request (run, "POST", path, body->str, body->len, NULL, error);
  if (reply == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (reply))
    {
      bad_reply (error, run, _("the list of missing revisions is not an object"), path);
      return NULL;
    }
  o = json_node_get_object (reply);
  ids = json_object_get_members (o);
  for (GList *l = ids; l; l = l->next)
    {
      JsonNode *entry = json_object_get_member (o, l->data);
      JsonNode *list;

      if (!JSON_NODE_HOLDS_OBJECT (entry) ||
          (list = json_object_get_member (json_node_get_object (entry), "missing")) == NULL ||
          !JSON_NODE_HOLDS_ARRAY (list))
        {
          bad_reply (error, run, _("an entry without its list of missing revisions"), path);
          return NULL;
        }
      for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
        {
          JsonNode *rev = json_array_get_element (json_node_get_array (list), i);
          if (JSON_NODE_HOLDS_VALUE (rev) && json_node_get_value_type (rev) == G_TYPE_STRING)
            g_hash_table_add (missing, g_strdup_printf ("%s\n%s", (const char *)l->data,
                                                        json_node_get_string (rev)));
        }
    }
  return g_steal_pointer (&missing);
}

static gboolean
append_push_doc (Run                 *run,
                 BansoRevtreeReader  *reader,
                 GString        *out,
                 const LocalDoc *d,
                 const BansoRevision *leaf,
                 GError        **error)
{
  g_auto(GStrv) ancestry = banso_revtree_reader_ancestry (reader, d->id, leaf->rev, MAX_ANCESTRY, error);
  const char *body = leaf->body ? leaf->body : "{}";

  if (ancestry == NULL)
    return FALSE;

  g_string_append (out, "{\"_id\":");
  banso_json_append_quoted (out, d->id);
  g_string_append (out, ",\"_rev\":");
  banso_json_append_quoted (out, leaf->rev);
  g_string_append_printf (out, ",\"_revisions\":{\"start\":%u,\"ids\":[",
                          banso_revision_generation (leaf->rev));
  for (guint i = 0; ancestry[i]; i++)
    {
      const char *dash = strchr (ancestry[i], '-');
      if (i > 0)
        g_string_append_c (out, ',');
      banso_json_append_quoted (out, dash ? dash + 1 : ancestry[i]);
    }
  g_string_append (out, "]},\"type\":");
  banso_json_append_quoted (out, d->type);
  if (leaf->deleted)
    {
      /* A tombstone carries no personal data off this machine. */
      g_string_append (out, ",\"_deleted\":true}");
      return TRUE;
    }
  /* The stored body is a JSON object: splice its members in. */
  while (*body == ' ' || *body == '\n')
    body++;
  if (body[0] == '{')
    {
      const char *inner = body + 1;
      while (*inner == ' ' || *inner == '\n')
        inner++;
      if (*inner != '}')
        g_string_append_c (out, ',');
      g_string_append (out, inner);
    }
  else
    g_string_append_c (out, '}');
  return TRUE;
}

static gboolean
push_bulk_docs (Run         *run,
                GPtrArray   *docs,
                GHashTable  *missing,
                guint64     *out_sent,
                GError     **error)
{
  g_autofree char *path = g_strdup_printf ("%s/_bulk_docs", run->db_path);
  g_autoptr(GString) body = g_string_sized_new (docs->len * 600);
  g_autoptr(JsonNode) reply = NULL;
  BansoRevtreeReader *reader;
  gboolean first = TRUE;
  guint64 n = 0;
  sqlite3 *db;

  if ((db = banso_store_acquire_reader (run->r->store, error)) == NULL)
    return FALSE;
  if ((reader = banso_revtree_reader_new (db, error)) == NULL)
    {
      banso_store_release_reader (run->r->store, db);
      return FALSE;
    }
  g_string_append (body, "{\"new_edits\":false,\"docs\":[");
  for (guint i = 0; i < docs->len; i++)
    {
      LocalDoc *d = g_ptr_array_index (docs, i);

      for (guint j = 0; j < d->leaves->len; j++)
        {
          BansoRevision *leaf = g_ptr_array_index (d->leaves, j);
          g_autofree char *key = g_strdup_printf ("%s\n%s", d->id, leaf->rev);

          if (!g_hash_table_contains (missing, key))
            continue;
          if (!first)
            g_string_append_c (body, ',');
          first = FALSE;
          if (!append_push_doc (run, reader, body, d, leaf, error))
            {
              banso_revtree_reader_free (reader);
              banso_store_release_reader (run->r->store, db);
              return FALSE;
            }
          n++;
        }
    }
  banso_revtree_reader_free (reader);
  banso_store_release_reader (run->r->store, db);
  g_string_append (body, "]}");

  *out_sent = 0;
  if (n == 0)
    return TRUE;

  reply = request (run, "POST", path, body->str, body->len, NULL, error);
  if (reply == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (reply))
    {
      bad_reply (error, run, _("the answer to sent records is not a list"), path);
      return FALSE;
    }
  /* With new_edits=false a server lists only the revisions it refused. */
  for (guint i = 0; i < json_array_get_length (json_node_get_array (reply)); i++)
    {
      JsonNode *e = json_array_get_element (json_node_get_array (reply), i);
      if (JSON_NODE_HOLDS_OBJECT (e) && json_object_has_member (json_node_get_object (e), "error"))
        {
          run->stats->push_failures++;
          g_warning ("The server refused %s: %s",
                     json_object_get_string_member_with_default (json_node_get_object (e), "id", "?"),
                     json_object_get_string_member_with_default (json_node_get_object (e), "reason", "?"));
        }
    }
  *out_sent = n;
  return TRUE;
}

static gint64
count_local_pending (BansoStore  *store,
                     gint64       since,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 n = -1;
  sqlite3 *db;

  if ((db = banso_store_acquire_reader (store, error)) == NULL)
    return -1;
  stmt = banso_sql_prepare (db, "SELECT count(*) FROM documents WHERE seq > ?1 AND source IS NULL"
                                " AND pulled_seq IS NOT seq", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, since);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        n = sqlite3_column_int64 (stmt, 0);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  banso_store_release_reader (store, db);
  return n;
}

static gboolean
push (Run     *run,
      GError **error)
{
  g_autoptr(JsonNode) since_node = NULL;
  gint64 since, total;
  guint64 done = 0;

  if ((since_node = start_checkpoints (run, error)) == NULL)
    return FALSE;
  since = JSON_NODE_HOLDS_VALUE (since_node) ? json_node_get_int (since_node) : 0;
  total = count_local_pending (run->r->store, since, NULL);
  if (run->r->progress)
    run->r->progress (BANSO_SYNC_PUSH, 0, MAX (total, 0), run->r->progress_data);

  for (;;)
    {
      g_autoptr(GPtrArray) docs = NULL;
      g_autoptr(GHashTable) missing = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(JsonNode) seq = NULL;
      g_autofree char *history = NULL;
      g_autofree char *seq_text = NULL;
      guint64 sent = 0;
      gint64 last;
      BansoTxn *txn;

      if (cancelled (run, error))
        return FALSE;
      if ((docs = read_local_changes (run, since, run->batch, &last, error)) == NULL)
        return FALSE;
      if (docs->len == 0)
        return TRUE;

      if ((missing = push_revs_diff (run, docs, &local_error)) == NULL ||
          !push_bulk_docs (run, docs, missing, &sent, &local_error))
        {
          if (g_error_matches (local_error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_TOO_LARGE) &&
              run->batch > 1)
            {
              run->batch /= 2;
              g_debug ("Server refused a batch as too large; now %u", run->batch);
              continue;
            }
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      run->stats->pushed += sent;
      done += docs->len;

      seq = json_node_init_int (json_node_alloc (), last);
      seq_text = json_to_string (seq, FALSE);
      history = updated_history (run, seq);
      if ((txn = banso_store_begin (run->r->store, run->r->user, error)) == NULL)
        return FALSE;
      if (!write_local_checkpoint (run, txn, seq_text, history, error))
        {
          banso_txn_rollback (txn);
          return FALSE;
        }
      if (!banso_txn_commit (txn, error) || !write_remote_checkpoint (run, seq, run->history, error))
        return FALSE;
      since = last;
      if (run->r->progress)
        run->r->progress (BANSO_SYNC_PUSH, done, MAX (total, (gint64)done), run->r->progress_data);
    }
}

/* }}} */

/* Pull {{{ */

typedef struct
{
  char  *id;
  GPtrArray *revs;   /* char*, missing here */
} Wanted;

static void
wanted_free (Wanted *w)
{
  g_free (w->id);
  g_ptr_array_unref (w->revs);
  g_free (w);
}

static GPtrArray *
read_remote_changes (Run       *run,
                     JsonNode  *since,
                     JsonNode **out_last_seq,
                     guint64   *out_pending,
                     guint     *out_n_results,
                     GError   **error)
{
  g_autofree char *since_text = seq_for_url (since);
  g_autofree char *path = g_strdup_printf ("%s/_changes?style=all_docs&since=%s&limit=%u",
                                           run->db_path, since_text, run->batch);
  g_autoptr(GPtrArray) wanted = g_ptr_array_new_with_free_func ((GDestroyNotify)wanted_free);
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(sqlite3_stmt) knows = NULL;
  JsonObject *o;
  JsonNode *results;
  sqlite3 *db;

  reply = request (run, "GET", path, NULL, 0, NULL, error);
  if (reply == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (reply) ||
      (results = json_object_get_member (json_node_get_object (reply), "results")) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (results) ||
      !json_object_has_member (json_node_get_object (reply), "last_seq"))
    {
      bad_reply (error, run, _("the list of changes has no results or no last_seq"), path);
      return NULL;
    }
  o = json_node_get_object (reply);
  *out_last_seq = json_node_copy (json_object_get_member (o, "last_seq"));
  *out_pending = json_object_has_member (o, "pending") &&
                 JSON_NODE_HOLDS_VALUE (json_object_get_member (o, "pending"))
    ? (guint64)MAX (json_object_get_int_member (o, "pending"), 0) : 0;
  *out_n_results = json_array_get_length (json_node_get_array (results));

  if ((db = banso_store_acquire_reader (run->r->store, error)) == NULL)
    return NULL;
  if ((knows = banso_revtree_prepare_knows (db, error)) == NULL)
    {
      banso_store_release_reader (run->r->store, db);
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (results)); i++)
    {
      JsonNode *e = json_array_get_element (json_node_get_array (results), i);
      JsonObject *change = JSON_NODE_HOLDS_OBJECT (e) ? json_node_get_object (e) : NULL;
      const char *id = change ? json_object_get_string_member_with_default (change, "id", NULL) : NULL;
      JsonNode *changes = change ? json_object_get_member (change, "changes") : NULL;
      Wanted *w;

      if (id == NULL || changes == NULL || !JSON_NODE_HOLDS_ARRAY (changes))
        {
          g_clear_pointer (&knows, sqlite3_finalize);
          banso_store_release_reader (run->r->store, db);
          bad_reply (error, run, _("a change without an id or revisions"), path);
          return NULL;
        }
      if (g_str_has_prefix (id, "_design/"))
        continue;

      w = g_new0 (Wanted, 1);
      w->id = g_strdup (id);
      w->revs = g_ptr_array_new_with_free_func (g_free);
      for (guint j = 0; j < json_array_get_length (json_node_get_array (changes)); j++)
        {
          JsonNode *c = json_array_get_element (json_node_get_array (changes), j);
          const char *rev = JSON_NODE_HOLDS_OBJECT (c)
            ? json_object_get_string_member_with_default (json_node_get_object (c), "rev", NULL) : NULL;
          if (rev != NULL && !banso_revtree_knows (knows, id, rev))
            g_ptr_array_add (w->revs, g_strdup (rev));
        }
      if (w->revs->len > 0)
        g_ptr_array_add (wanted, w);
      else
        wanted_free (w);
    }
  g_clear_pointer (&knows, sqlite3_finalize);
  banso_store_release_reader (run->r->store, db);
  return g_steal_pointer (&wanted);
}

/* Collects the {"ok": doc} entries of a _bulk_get or open_revs answer. */
static gboolean
collect_docs (Run        *run,
              JsonArray  *entries,
              const char *path,
              GPtrArray  *out,
              GError    **error)
{
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonNode *e = json_array_get_element (entries, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (e) ? json_node_get_object (e) : NULL;
      JsonNode *doc = o ? json_object_get_member (o, "ok") : NULL;

      if (o == NULL)
        {
          bad_reply (error, run, _("an entry that is not an object"), path);
          return FALSE;
        }
      if (doc == NULL)
        {
          /* A revision gone since _changes listed it (compacted away): the
           * next change of that document brings what is current. */
          continue;
        }
      if (!JSON_NODE_HOLDS_OBJECT (doc))
        {
          bad_reply (error, run, _("a record that is not an object"), path);
          return FALSE;
        }
      g_ptr_array_add (out, json_node_ref (doc));
    }
  return TRUE;
}

static gboolean
fetch_open_revs (Run        *run,
                 GPtrArray  *wanted,
                 GPtrArray  *out,
                 GError    **error)
{
  for (guint i = 0; i < wanted->len; i++)
    {
      Wanted *w = g_ptr_array_index (wanted, i);
      g_autoptr(GString) revs = g_string_new ("[");
      g_autofree char *escaped_revs = NULL;
      g_autofree char *escaped_id = banso_sync_escape_id (w->id);
      g_autofree char *path = NULL;
      g_autoptr(JsonNode) reply = NULL;

      for (guint j = 0; j < w->revs->len; j++)
        {
          if (j > 0)
            g_string_append_c (revs, ',');
          banso_json_append_quoted (revs, g_ptr_array_index (w->revs, j));
        }
      g_string_append_c (revs, ']');
      escaped_revs = g_uri_escape_string (revs->str, NULL, FALSE);
      path = g_strdup_printf ("%s/%s?revs=true&open_revs=%s", run->db_path,
                              escaped_id, escaped_revs);
      if ((reply = request (run, "GET", path, NULL, 0, NULL, error)) == NULL)
        return FALSE;
      if (!JSON_NODE_HOLDS_ARRAY (reply))
        {
          bad_reply (error, run, _("the revisions of a record are not a list"), path);
          return FALSE;
        }
      if (!collect_docs (run, json_node_get_array (reply), path, out, error))
        return FALSE;
    }
  return TRUE;
}

static GPtrArray *
fetch_docs (Run        *run,
            GPtrArray  *wanted,
            gboolean   *use_bulk_get,
            GError    **error)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  g_autofree char *path = g_strdup_printf ("%s/_bulk_get?revs=true", run->db_path);
  g_autoptr(GString) body = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *results;
  guint status = 0;

  if (!*use_bulk_get)
    return fetch_open_revs (run, wanted, docs, error) ? g_steal_pointer (&docs) : NULL;

  body = g_string_sized_new (wanted->len * 90);
  g_string_append (body, "{\"docs\":[");
  for (guint i = 0, n = 0; i < wanted->len; i++)
    {
      Wanted *w = g_ptr_array_index (wanted, i);
      for (guint j = 0; j < w->revs->len; j++, n++)
        {
          if (n > 0)
            g_string_append_c (body, ',');
          g_string_append (body, "{\"id\":");
          banso_json_append_quoted (body, w->id);
          g_string_append (body, ",\"rev\":");
          banso_json_append_quoted (body, g_ptr_array_index (w->revs, j));
          g_string_append_c (body, '}');
        }
    }
  g_string_append (body, "]}");

  reply = request (run, "POST", path, body->str, body->len, &status, &local_error);
  if (reply == NULL)
    {
      /* A server without _bulk_get (CouchDB before 2.0): one request per document. */
      if (status == 404 || status == 405 || status == 501 ||
          (status == 400 && !g_error_matches (local_error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_TOO_LARGE)))
        {
          *use_bulk_get = FALSE;
          return fetch_open_revs (run, wanted, docs, error) ? g_steal_pointer (&docs) : NULL;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (reply) ||
      (results = json_object_get_member (json_node_get_object (reply), "results")) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (results))
    {
      bad_reply (error, run, _("the records asked for have no results list"), path);
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (results)); i++)
    {
      JsonNode *e = json_array_get_element (json_node_get_array (results), i);
      JsonNode *list = JSON_NODE_HOLDS_OBJECT (e) ? json_object_get_member (json_node_get_object (e), "docs") : NULL;

      if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
        {
          bad_reply (error, run, _("a result without its docs"), path);
          return NULL;
        }
      if (!collect_docs (run, json_node_get_array (list), path, docs, error))
        return NULL;
    }
  return g_steal_pointer (&docs);
}

/* Decodes the fetched documents in the fetching thread, which then frees
 * their parsed JSON: the writing thread gets only what it stores. */
static GPtrArray *
decode_docs (Run        *run,
             GPtrArray  *nodes,
             GError    **error)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_full (nodes->len, (GDestroyNotify)banso_sync_doc_free);

  for (guint i = 0; i < nodes->len; i++)
    {
      BansoSyncDoc *doc = banso_sync_doc_decode (g_ptr_array_index (nodes, i),
                                                 banso_sync_client_get_server (run->r->client), error);
      if (doc == NULL)
        return NULL;
      g_ptr_array_add (docs, doc);
    }
  return g_steal_pointer (&docs);
}

static gboolean
apply_pulled_doc (Run           *run,
                  BansoTxn      *txn,
                  BansoSyncDoc  *doc,
                  gboolean      *applied,
                  GError       **error)
{
  return banso_revtree_apply (txn, doc->id, doc->type, (const char * const *)doc->ancestry,
                              doc->deleted, doc->body->str, run->r->source, applied, error);
}

/* Pulling is a pipeline: a fetching thread lists changes and fetches the
 * missing revisions while this thread writes the previous batch to SQLite,
 * so the server's time and ours overlap. The fetching thread also owns the
 * HTTP client while it runs (a SoupSession is used from one thread at a
 * time), and so writes the server's copy of each committed checkpoint. */

typedef struct
{
  GPtrArray *docs;        /* BansoSyncDoc, or NULL when nothing was missing */
  JsonNode  *last_seq;
  guint64    pending;
  guint      n_results;
  GError    *error;
  gboolean   end;
} PullBatch;

static void
pull_batch_free (PullBatch *b)
{
  g_clear_pointer (&b->docs, g_ptr_array_unref);
  g_clear_pointer (&b->last_seq, json_node_unref);
  g_clear_error (&b->error);
  g_free (b);
}

#define PULL_AHEAD 4

typedef struct
{
  Run       *run;
  JsonNode  *since;
  GMutex     lock;
  GCond      cond;
  GQueue     queue;
  gboolean   stop;
  JsonNode  *committed;   /* the newest seq committed here */
  JsonNode  *written;     /* the newest seq recorded on the server */
} Pipe;

static void
pipe_push (Pipe      *pipe,
           PullBatch *batch)
{
  g_mutex_lock (&pipe->lock);
  g_queue_push_tail (&pipe->queue, batch);
  g_cond_broadcast (&pipe->cond);
  g_mutex_unlock (&pipe->lock);
}

static gboolean
sync_remote_checkpoint (Pipe     *pipe,
                        GError  **error)
{
  g_autoptr(JsonNode) seq = NULL;
  gboolean ok;

  g_mutex_lock (&pipe->lock);
  if (pipe->committed != NULL &&
      (pipe->written == NULL || !json_node_equal (pipe->committed, pipe->written)))
    seq = json_node_copy (pipe->committed);
  g_mutex_unlock (&pipe->lock);
  if (seq == NULL)
    return TRUE;

  g_mutex_lock (&pipe->lock);
  {
    g_autoptr(JsonNode) history = json_node_copy (pipe->run->history);
    g_mutex_unlock (&pipe->lock);
    ok = write_remote_checkpoint (pipe->run, seq, history, error);
  }
  if (ok)
    {
      g_clear_pointer (&pipe->written, json_node_unref);
      pipe->written = g_steal_pointer (&seq);
    }
  return ok;
}

static gpointer
pull_fetch_thread (gpointer data)
{
  Pipe *pipe = data;
  Run *run = pipe->run;
  g_autoptr(JsonNode) since = json_node_copy (pipe->since);
  gboolean use_bulk_get = TRUE;

  for (;;)
    {
      PullBatch *batch = g_new0 (PullBatch, 1);
      g_autoptr(GPtrArray) wanted = NULL;
      GError *local_error = NULL;
      gboolean stop;

      g_mutex_lock (&pipe->lock);
      while (g_queue_get_length (&pipe->queue) >= PULL_AHEAD && !pipe->stop)
        g_cond_wait (&pipe->cond, &pipe->lock);
      stop = pipe->stop;
      g_mutex_unlock (&pipe->lock);
      if (stop)
        {
          pull_batch_free (batch);
          return NULL;
        }

      if (cancelled (run, &batch->error) || !sync_remote_checkpoint (pipe, &batch->error))
        {
          pipe_push (pipe, batch);
          return NULL;
        }

      wanted = read_remote_changes (run, since, &batch->last_seq, &batch->pending,
                                    &batch->n_results, &batch->error);
      if (wanted == NULL)
        {
          pipe_push (pipe, batch);
          return NULL;
        }
      if (wanted->len > 0)
        {
          g_autoptr(GPtrArray) nodes = fetch_docs (run, wanted, &use_bulk_get, &local_error);

          if (nodes != NULL)
            batch->docs = decode_docs (run, nodes, &local_error);
          if (batch->docs == NULL)
            {
              if (g_error_matches (local_error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_TOO_LARGE) &&
                  run->batch > 1)
                {
                  run->batch /= 2;
                  g_clear_error (&local_error);
                  pull_batch_free (batch);
                  continue;
                }
              batch->error = local_error;
              pipe_push (pipe, batch);
              return NULL;
            }
        }

      batch->end = batch->n_results == 0 || json_node_equal (since, batch->last_seq) ||
                   (batch->pending == 0 && batch->n_results < run->batch);
      json_node_unref (since);
      since = json_node_copy (batch->last_seq);
      {
        gboolean end = batch->end;
        pipe_push (pipe, batch);
        if (end)
          return NULL;
      }
    }
}

/* Pulled documents go into one open transaction, committed with the
 * checkpoint that covers them every COMMIT_EVERY documents, at the end, and
 * whenever the fetcher keeps us waiting: each commit waits for the disk. */
#define COMMIT_EVERY   2000
#define COMMIT_IDLE_MS 100

typedef struct
{
  BansoTxn *txn;
  JsonNode *seq;      /* the last applied batch's, not yet committed */
  guint     docs;
} Open;

static gboolean
commit_open (Run      *run,
             Pipe     *pipe,
             Open     *open,
             GError  **error)
{
  g_autofree char *seq_text = NULL;
  g_autofree char *history = NULL;
  BansoTxn *txn = g_steal_pointer (&open->txn);

  if (txn == NULL)
    return TRUE;

  seq_text = json_to_string (open->seq, FALSE);
  g_mutex_lock (&pipe->lock);
  history = updated_history (run, open->seq);
  g_mutex_unlock (&pipe->lock);

  if (!write_local_checkpoint (run, txn, seq_text, history, error))
    {
      banso_txn_rollback (txn);
      return FALSE;
    }
  if (!banso_txn_commit (txn, error))
    return FALSE;

  g_mutex_lock (&pipe->lock);
  g_clear_pointer (&pipe->committed, json_node_unref);
  pipe->committed = g_steal_pointer (&open->seq);
  g_mutex_unlock (&pipe->lock);
  open->docs = 0;
  return TRUE;
}

static gboolean
apply_batch (Run        *run,
             Open       *open,
             PullBatch  *batch,
             GError    **error)
{
  if (open->txn == NULL && (open->txn = banso_store_begin (run->r->store, run->r->user, error)) == NULL)
    return FALSE;

  for (guint i = 0; batch->docs != NULL && i < batch->docs->len; i++)
    {
      gboolean applied = FALSE;

      if (!apply_pulled_doc (run, open->txn, g_ptr_array_index (batch->docs, i), &applied, error))
        {
          banso_txn_rollback (g_steal_pointer (&open->txn));
          return FALSE;
        }
      if (applied)
        run->stats->pulled++;
      open->docs++;
    }
  g_clear_pointer (&open->seq, json_node_unref);
  open->seq = json_node_copy (batch->last_seq);
  return TRUE;
}

static PullBatch *
next_batch (Run      *run,
            Pipe     *pipe,
            Open     *open,
            GError  **error)
{
  PullBatch *batch;

  g_mutex_lock (&pipe->lock);
  if (open->txn != NULL)
    {
      gint64 until = g_get_monotonic_time () + COMMIT_IDLE_MS * G_TIME_SPAN_MILLISECOND;

      while (g_queue_is_empty (&pipe->queue) && g_cond_wait_until (&pipe->cond, &pipe->lock, until))
        ;
      if (g_queue_is_empty (&pipe->queue))
        {
          g_mutex_unlock (&pipe->lock);
          if (!commit_open (run, pipe, open, error))
            return NULL;
          g_mutex_lock (&pipe->lock);
        }
    }
  while (g_queue_is_empty (&pipe->queue))
    g_cond_wait (&pipe->cond, &pipe->lock);
  batch = g_queue_pop_head (&pipe->queue);
  g_cond_broadcast (&pipe->cond);
  g_mutex_unlock (&pipe->lock);
  return batch;
}

static gboolean
pull (Run     *run,
      GError **error)
{
  Pipe pipe = { 0 };
  Open open = { 0 };
  GThread *fetcher;
  gboolean ok = TRUE;
  guint64 done = 0;

  if ((pipe.since = start_checkpoints (run, error)) == NULL)
    return FALSE;
  pipe.run = run;
  g_mutex_init (&pipe.lock);
  g_cond_init (&pipe.cond);
  g_queue_init (&pipe.queue);

  fetcher = g_thread_new ("banso-pull", pull_fetch_thread, &pipe);
  for (;;)
    {
      PullBatch *batch = next_batch (run, &pipe, &open, error);
      gboolean end;

      if (batch == NULL)
        {
          ok = FALSE;
          break;
        }
      if (batch->error != NULL)
        {
          /* What came before the failure is whole: keep it. */
          commit_open (run, &pipe, &open, NULL);
          g_propagate_error (error, g_steal_pointer (&batch->error));
          pull_batch_free (batch);
          ok = FALSE;
          break;
        }
      if (!apply_batch (run, &open, batch, error) ||
          ((batch->end || open.docs >= COMMIT_EVERY) && !commit_open (run, &pipe, &open, error)))
        {
          pull_batch_free (batch);
          ok = FALSE;
          break;
        }

      done += batch->n_results;
      if (run->r->progress)
        run->r->progress (BANSO_SYNC_PULL, done, done + batch->pending, run->r->progress_data);
      end = batch->end;
      pull_batch_free (batch);
      if (end)
        break;
    }
  if (open.txn != NULL)
    banso_txn_rollback (g_steal_pointer (&open.txn));
  g_clear_pointer (&open.seq, json_node_unref);

  g_mutex_lock (&pipe.lock);
  pipe.stop = TRUE;
  g_cond_broadcast (&pipe.cond);
  g_mutex_unlock (&pipe.lock);
  g_thread_join (fetcher);

  /* The fetcher is gone: the client is ours for the last checkpoint. */
  if (ok)
    ok = sync_remote_checkpoint (&pipe, error);

  g_queue_clear_full (&pipe.queue, (GDestroyNotify)pull_batch_free);
  g_clear_pointer (&pipe.since, json_node_unref);
  g_clear_pointer (&pipe.committed, json_node_unref);
  g_clear_pointer (&pipe.written, json_node_unref);
  g_mutex_clear (&pipe.lock);
  g_cond_clear (&pipe.cond);
  return ok;
}

/* }}} */

static gboolean
ensure_database (Run     *run,
                 GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) info = NULL;

  info = request (run, "GET", run->db_path, NULL, 0, NULL, &local_error);
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
  info = request (run, "PUT", run->db_path, NULL, 0, NULL, error);
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
      Run run = { 0 };

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
           (dir == BANSO_SYNC_PUSH ? push (&run, error) : pull (&run, error));
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
  return count_local_pending (store, since, error);
}
