/* banso-replication-pull.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pull: the server's changes since the checkpoint; the revisions missing
 * here come with their history (_bulk_get, or open_revs from servers without
 * it) and are written with the checkpoint that covers them.
 */

#define G_LOG_DOMAIN "banso-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "banso-media.h"
#include "banso-document.h"
#include "banso-replication-private.h"
#include "banso-revtree.h"
#include "banso-sync-doc.h"

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
read_remote_changes (BansoRun  *run,
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

  reply = _banso_run_request (run, "GET", path, NULL, 0, NULL, error);
  if (reply == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (reply) ||
      (results = json_object_get_member (json_node_get_object (reply), "results")) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (results) ||
      !json_object_has_member (json_node_get_object (reply), "last_seq"))
    {
      _banso_run_bad_reply (error, run, _("the list of changes has no results or no last_seq"), path);
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
          _banso_run_bad_reply (error, run, _("a change without an id or revisions"), path);
          return NULL;
        }
      /* Pieces of media files come as files, not records. */
      if (g_str_has_prefix (id, "_design/") || g_str_has_prefix (id, BANSO_MEDIA_CHUNK_PREFIX))
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

static GPtrArray *
read_docs (BansoRun           *run,
           const char         *method,
           const char         *path,
           const char         *body,
           gsize               len,
           BansoSyncReplyKind  kind,
           guint              *status,
           GError            **error)
{
  BansoSyncClient *client = run->r->client;
  g_autoptr(GBytes) reply = NULL;
  g_autofree char *url = NULL;
  gsize size;
  const char *data;

  reply = banso_sync_client_request_bytes (client, method, path, body, len, NULL, status,
                                           run->cancellable, error);
  if (reply == NULL)
    return NULL;
  data = g_bytes_get_data (reply, &size);
  url = g_strconcat (banso_sync_client_get_server (client), path, NULL);
  return banso_sync_docs_read (data, size, kind, banso_sync_client_get_server (client), url, error);
}

static gboolean
fetch_open_revs (BansoRun   *run,
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
      g_autoptr(GPtrArray) docs = NULL;

      for (guint j = 0; j < w->revs->len; j++)
        {
          if (j > 0)
            g_string_append_c (revs, ',');
          banso_json_append_string (revs, g_ptr_array_index (w->revs, j));
        }
      g_string_append_c (revs, ']');
      escaped_revs = g_uri_escape_string (revs->str, NULL, FALSE);
      path = g_strdup_printf ("%s/%s?revs=true&open_revs=%s", run->db_path,
                              escaped_id, escaped_revs);
      docs = read_docs (run, "GET", path, NULL, 0, BANSO_SYNC_REPLY_OPEN_REVS, NULL, error);
      if (docs == NULL)
        return FALSE;
      g_ptr_array_extend_and_steal (out, g_steal_pointer (&docs));
    }
  return TRUE;
}

static GPtrArray *
fetch_docs (BansoRun   *run,
            GPtrArray  *wanted,
            gboolean   *use_bulk_get,
            GError    **error)
{
  g_autofree char *path = g_strdup_printf ("%s/_bulk_get?revs=true", run->db_path);
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GString) body = NULL;
  g_autoptr(GError) local_error = NULL;
  guint status = 0;

  if (*use_bulk_get)
    {
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
              banso_json_append_string (body, w->id);
              g_string_append (body, ",\"rev\":");
              banso_json_append_string (body, g_ptr_array_index (w->revs, j));
              g_string_append_c (body, '}');
            }
        }
      g_string_append (body, "]}");

      docs = read_docs (run, "POST", path, body->str, body->len, BANSO_SYNC_REPLY_BULK_GET,
                        &status, &local_error);
      if (docs != NULL)
        return g_steal_pointer (&docs);

      /* A server without _bulk_get (CouchDB before 2.0): one request per document. */
      if (!(status == 404 || status == 405 || status == 501 ||
            (status == 400 && !g_error_matches (local_error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_TOO_LARGE))))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      *use_bulk_get = FALSE;
    }

  docs = g_ptr_array_new_with_free_func ((GDestroyNotify)banso_sync_doc_free);
  return fetch_open_revs (run, wanted, docs, error) ? g_steal_pointer (&docs) : NULL;
}

static gboolean
apply_pulled_doc (BansoRun      *run,
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
  BansoRun       *run;
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
sync_remote_checkpoint (Pipe    *pipe,
                        GError **error)
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
    ok = _banso_run_write_remote_checkpoint (pipe->run, seq, history, error);
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
  BansoRun *run = pipe->run;
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

      if (_banso_run_cancelled (run, &batch->error) || !sync_remote_checkpoint (pipe, &batch->error))
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
          batch->docs = fetch_docs (run, wanted, &use_bulk_get, &local_error);
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
 * checkpoint that covers them every COMMIT_EVERY documents, at least once a
 * second (so that a run on a link that drops every few seconds keeps what it
 * got), at the end, and whenever the fetcher keeps us waiting: each commit
 * waits for the disk. */
#define COMMIT_EVERY   2000
#define COMMIT_MS      1000
#define COMMIT_IDLE_MS 100

typedef struct
{
  BansoTxn *txn;
  JsonNode *seq;      /* the last applied batch's, not yet committed */
  guint     docs;
  gint64    opened;   /* monotonic time the transaction began */
} Open;

static gboolean
commit_open (BansoRun  *run,
             Pipe      *pipe,
             Open      *open,
             GError   **error)
{
  g_autofree char *seq_text = NULL;
  g_autofree char *history = NULL;
  BansoTxn *txn = g_steal_pointer (&open->txn);

  if (txn == NULL)
    return TRUE;

  seq_text = json_to_string (open->seq, FALSE);
  g_mutex_lock (&pipe->lock);
  history = _banso_run_updated_history (run, open->seq);
  g_mutex_unlock (&pipe->lock);

  if (!_banso_run_write_local_checkpoint (run, txn, seq_text, history, error))
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
apply_batch (BansoRun   *run,
             Open       *open,
             PullBatch  *batch,
             GError    **error)
{
  if (open->txn == NULL)
    {
      if ((open->txn = banso_store_begin (run->r->store, run->r->user, error)) == NULL)
        return FALSE;
      open->opened = g_get_monotonic_time ();
    }

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
next_batch (BansoRun  *run,
            Pipe      *pipe,
            Open      *open,
            GError   **error)
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

gboolean
_banso_run_pull (BansoRun  *run,
                 GError   **error)
{
  Pipe pipe = { 0 };
  Open open = { 0 };
  GThread *fetcher;
  gboolean ok = TRUE;
  guint64 done = 0;

  if ((pipe.since = _banso_run_start_checkpoints (run, error)) == NULL)
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
          ((batch->end || open.docs >= COMMIT_EVERY ||
            g_get_monotonic_time () - open.opened >= COMMIT_MS * G_TIME_SPAN_MILLISECOND) &&
           !commit_open (run, &pipe, &open, error)))
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
