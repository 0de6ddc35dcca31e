/* banso-replication-push.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Push: the records changed here since the checkpoint, in batches; the
 * server says which revisions it lacks (_revs_diff) and gets those with their
 * history (_bulk_docs, new_edits=false).
 */

#define G_LOG_DOMAIN "banso-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "banso-document.h"
#include "banso-replication-private.h"
#include "banso-revtree.h"
#include "banso-sync-doc.h"

#define MAX_ANCESTRY 1000

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

/* Whether this office pulls from the same server database: then a document
 * whose current revision a pull wrote came from there, and offering it back
 * would only cost a _revs_diff. An office that never pulled from it (a new
 * server) is sent everything. */
static gboolean
pulls_from_same_server (BansoRun  *run,
                        GError   **error)
{
  const char *server = banso_sync_client_get_server (run->r->client);
  g_autofree char *pull_id = banso_replication_id (run->r->store, server, run->r->database,
                                                    BANSO_SYNC_PULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean found = FALSE;
  sqlite3 *db;

  if ((db = banso_store_acquire_reader (run->r->store, error)) == NULL)
    return FALSE;
  stmt = banso_sql_prepare (db, "SELECT 1 FROM sync_checkpoints WHERE replication_id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, pull_id, -1, SQLITE_STATIC);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  banso_store_release_reader (run->r->store, db);
  return found;
}

static GPtrArray *
read_local_changes (BansoRun  *run,
                    gint64     since,
                    guint      limit,
                    gboolean   skip_pulled,
                    gint64    *out_last,
                    GError   **error)
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
  stmt = banso_sql_prepare (db, skip_pulled
                                ? "SELECT id, type, seq FROM documents WHERE seq > ?1 AND source IS NULL"
                                  " AND pulled_seq IS NOT seq ORDER BY seq LIMIT ?2"
                                : "SELECT id, type, seq FROM documents WHERE seq > ?1 AND source IS NULL"
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
push_revs_diff (BansoRun   *run,
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
      banso_json_append_string (body, d->id);
      g_string_append (body, ":[");
      for (guint j = 0; j < d->leaves->len; j++)
        {
          BansoRevision *leaf = g_ptr_array_index (d->leaves, j);
          if (j > 0)
            g_string_append_c (body, ',');
          banso_json_append_string (body, leaf->rev);
        }
      g_string_append_c (body, ']');
    }
  g_string_append_c (body, '}');

  reply = _banso_run_request (run, "POST", path, body->str, body->len, NULL, error);
  if (reply == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (reply))
    {
      _banso_run_bad_reply (error, run, _("the list of missing revisions is not an object"), path);
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
          _banso_run_bad_reply (error, run, _("an entry without its list of missing revisions"), path);
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
append_push_doc (BansoRun             *run,
                 BansoRevtreeReader   *reader,
                 GString              *out,
                 const LocalDoc       *d,
                 const BansoRevision  *leaf,
                 GError              **error)
{
  g_auto(GStrv) ancestry = banso_revtree_reader_ancestry (reader, d->id, leaf->rev, MAX_ANCESTRY, error);
  const char *body = leaf->body ? leaf->body : "{}";

  if (ancestry == NULL)
    return FALSE;

  g_string_append (out, "{\"_id\":");
  banso_json_append_string (out, d->id);
  g_string_append (out, ",\"_rev\":");
  banso_json_append_string (out, leaf->rev);
  g_string_append_printf (out, ",\"_revisions\":{\"start\":%u,\"ids\":[",
                          banso_revision_generation (leaf->rev));
  for (guint i = 0; ancestry[i]; i++)
    {
      const char *dash = strchr (ancestry[i], '-');
      if (i > 0)
        g_string_append_c (out, ',');
      banso_json_append_string (out, dash ? dash + 1 : ancestry[i]);
    }
  g_string_append (out, "]},\"type\":");
  banso_json_append_string (out, d->type);
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
push_bulk_docs (BansoRun    *run,
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

  reply = _banso_run_request (run, "POST", path, body->str, body->len, NULL, error);
  if (reply == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (reply))
    {
      _banso_run_bad_reply (error, run, _("the answer to sent records is not a list"), path);
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

gint64
_banso_sync_count_since (BansoStore  *store,
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

gboolean
_banso_run_push (BansoRun  *run,
                 GError   **error)
{
  g_autoptr(JsonNode) since_node = NULL;
  g_autoptr(GError) check_error = NULL;
  gint64 since, total;
  guint64 done = 0;
  gboolean skip_pulled;

  if ((since_node = _banso_run_start_checkpoints (run, error)) == NULL)
    return FALSE;
  since = JSON_NODE_HOLDS_VALUE (since_node) ? json_node_get_int (since_node) : 0;
  skip_pulled = pulls_from_same_server (run, &check_error);
  if (check_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&check_error));
      return FALSE;
    }
  total = _banso_sync_count_since (run->r->store, since, NULL);
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

      if (_banso_run_cancelled (run, error))
        return FALSE;
      if ((docs = read_local_changes (run, since, run->batch, skip_pulled, &last, error)) == NULL)
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
      history = _banso_run_updated_history (run, seq);
      if ((txn = banso_store_begin (run->r->store, run->r->user, error)) == NULL)
        return FALSE;
      if (!_banso_run_write_local_checkpoint (run, txn, seq_text, history, error))
        {
          banso_txn_rollback (txn);
          return FALSE;
        }
      if (!banso_txn_commit (txn, error) || !_banso_run_write_remote_checkpoint (run, seq, run->history, error))
        return FALSE;
      since = last;
      if (run->r->progress)
        run->r->progress (BANSO_SYNC_PUSH, done, MAX (total, (gint64)done), run->r->progress_data);
    }
}
