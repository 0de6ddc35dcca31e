/* test-sync.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Replication against a real CouchDB-compatible server (pouchdb-server), with
 * a second independent replica (PouchDB under Node), a proxy that breaks
 * replies, and a TLS front.
 */

#include "config.h"

#include <string.h>

#include "banso-check.h"
#include "banso-demo.h"
#include "banso-household-store.h"
#include "banso-revtree.h"
#include "banso-test-util.h"
#include "sync-test-util.h"

static SyncHelper *server;
static char *server_url;

typedef struct
{
  char       *dir_a, *dir_b;
  BansoStore *a, *b;
  BansoUser  *admin_a, *admin_b;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->a = banso_test_open_tmp_store (&f->dir_a, &f->admin_a);
  f->b = banso_test_open_tmp_store (&f->dir_b, &f->admin_b);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  banso_test_close_tmp_store (f->a, f->admin_a, f->dir_a);
  banso_test_close_tmp_store (f->b, f->admin_b, f->dir_b);
}

static void
fill (BansoStore *store,
      guint       households,
      guint32     seed)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (banso_demo_generate (store, households, seed, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
sync_ok (BansoStore     *store,
         BansoUser      *user,
         const char     *url,
         const char     *database,
         BansoSyncStats *stats)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sync_run (store, user, url, database, 0, NULL, stats, &error));
  g_assert_no_error (error);
}


static void
assert_converged (BansoStore *a,
                  BansoStore *b)
{
  g_autofree char *fa = sync_store_fingerprint (a);
  g_autofree char *fb = sync_store_fingerprint (b);

  g_assert_cmpstr (fa, ==, fb);
  banso_test_assert_whole (a);
  banso_test_assert_whole (b);
}

static gint64
server_doc_count (const char *database)
{
  g_autofree char *url = g_strdup_printf ("%s/%s", server_url, database);
  g_autoptr(JsonNode) info = sync_http_json ("GET", url, NULL);

  return json_object_get_int_member (json_node_get_object (info), "doc_count");
}

static gint64
local_live_docs (BansoStore *store)
{
  return banso_test_store_query_int (store, "SELECT count(*) FROM documents WHERE deleted = 0");
}

static char *
some_household (BansoStore *store,
                guint       nth)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM documents WHERE type = 'household'"
                                          " AND deleted = 0 ORDER BY id LIMIT 1 OFFSET %u", nth);
  return banso_test_store_query_text (store, sql, NULL);
}

static void
rename_head (BansoStore *store,
             BansoUser  *user,
             const char *id,
             const char *name)
{
  g_autoptr(BansoHousehold) h = banso_test_load_household (store, id);

  g_free (banso_household_get_head (h)->name);
  banso_household_get_head (h)->name = g_strdup (name);
  banso_test_save_household (store, user, h);
}

static char *
head_name (BansoStore *store,
           const char *id)
{
  g_autoptr(BansoHousehold) h = banso_test_load_household (store, id);
  return g_strdup (banso_household_get_head (h)->name);
}

static guint
n_conflicts (BansoStore *store)
{
  return banso_test_store_query_int (store, "SELECT count(*) FROM conflicts");
}

/* Two offices, one server: what one sends the other receives, once. */
static void
test_push_pull (Fixture       *f,
                gconstpointer  data)
{
  BansoSyncStats stats = { 0 };
  g_autofree char *id = NULL;

  fill (f->a, 120, 7);
  sync_ok (f->a, f->admin_a, server_url, "push-pull", &stats);
  g_assert_cmpuint (stats.pushed, ==, local_live_docs (f->a));
  g_assert_cmpint (server_doc_count ("push-pull"), ==, local_live_docs (f->a));

  memset (&stats, 0, sizeof stats);
  sync_ok (f->b, f->admin_b, server_url, "push-pull", &stats);
  g_assert_cmpuint (stats.pulled, ==, local_live_docs (f->a));
  assert_converged (f->a, f->b);
  g_assert_cmpint (banso_test_store_query_int (f->b, "SELECT count(*) FROM household_index"), ==, 120);

  /* Nothing new: nothing moves, and nothing counts as waiting. */
  memset (&stats, 0, sizeof stats);
  sync_ok (f->a, f->admin_a, server_url, "push-pull", &stats);
  g_assert_cmpuint (stats.pushed + stats.pulled, ==, 0);
  g_assert_cmpint (banso_sync_count_pending (f->b, server_url, "push-pull", NULL), ==, 0);

  /* An edit and a removal on B reach A. */
  id = some_household (f->b, 3);
  rename_head (f->b, f->admin_b, id, "Lò Văn Pơm");
  g_assert_cmpint (banso_sync_count_pending (f->b, server_url, "push-pull", NULL), ==, 1);
  {
    g_autofree char *gone = some_household (f->b, 5);
    g_autofree char *rev = banso_test_store_query_text (f->b, "SELECT rev FROM documents WHERE id = ?1", gone);
    g_autoptr(GError) error = NULL;
    BansoTxn *txn = banso_store_begin (f->b, f->admin_b, &error);

    g_assert_true (banso_household_delete (txn, gone, rev, NULL, &error));
    g_assert_true (banso_txn_commit (txn, &error));
    g_assert_no_error (error);
  }
  sync_ok (f->b, f->admin_b, server_url, "push-pull", NULL);
  sync_ok (f->a, f->admin_a, server_url, "push-pull", NULL);
  {
    g_autofree char *name = head_name (f->a, id);
    g_assert_cmpstr (name, ==, "Lò Văn Pơm");
  }
  g_assert_cmpint (banso_test_store_query_int (f->a, "SELECT count(*) FROM household_index"), ==, 119);
  assert_converged (f->a, f->b);
}

/* Both offices change the same household offline: both versions are kept,
 * both sides pick the same winner, and a resolution on one side ends the
 * conflict everywhere. */
static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *winner_a = NULL;
  g_autofree char *winner_b = NULL;
  g_autofree char *doc_url = NULL;
  g_autoptr(GPtrArray) leaves = NULL;
  g_autoptr(GError) error = NULL;
  const char *chosen_body = NULL;
  BansoTxn *txn;
  sqlite3 *db;

  fill (f->a, 20, 11);
  sync_ok (f->a, f->admin_a, server_url, "conflict", NULL);
  sync_ok (f->b, f->admin_b, server_url, "conflict", NULL);

  id = some_household (f->a, 0);
  rename_head (f->a, f->admin_a, id, "Cầm Văn Khăm");
  rename_head (f->b, f->admin_b, id, "Cầm Văn Khăn");
  sync_ok (f->a, f->admin_a, server_url, "conflict", NULL);
  sync_ok (f->b, f->admin_b, server_url, "conflict", NULL);
  sync_ok (f->a, f->admin_a, server_url, "conflict", NULL);

  g_assert_cmpuint (n_conflicts (f->a), ==, 1);
  g_assert_cmpuint (n_conflicts (f->b), ==, 1);
  winner_a = banso_test_store_query_text (f->a, "SELECT rev FROM documents WHERE id = ?1", id);
  winner_b = banso_test_store_query_text (f->b, "SELECT rev FROM documents WHERE id = ?1", id);
  g_assert_cmpstr (winner_a, ==, winner_b);
  assert_converged (f->a, f->b);

  doc_url = g_strdup_printf ("%s/conflict/%s?conflicts=true", server_url, id);
  {
    g_autoptr(JsonNode) doc = sync_http_json ("GET", doc_url, NULL);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (doc), "_rev"), ==, winner_a);
    g_assert_true (json_object_has_member (json_node_get_object (doc), "_conflicts"));
  }

  /* B keeps the losing version's body. */
  db = banso_store_acquire_reader (f->b, NULL);
  leaves = banso_revtree_leaves (db, id, TRUE, &error);
  banso_store_release_reader (f->b, db);
  g_assert_no_error (error);
  g_assert_cmpuint (leaves->len, ==, 2);
  chosen_body = ((BansoRevision *)g_ptr_array_index (leaves, 1))->body;
  txn = banso_store_begin (f->b, f->admin_b, &error);
  g_assert_true (banso_revtree_resolve (txn, id, winner_b, chosen_body, &error));
  g_assert_no_error (error);
  g_assert_true (banso_txn_commit (txn, &error));

  sync_ok (f->b, f->admin_b, server_url, "conflict", NULL);
  sync_ok (f->a, f->admin_a, server_url, "conflict", NULL);
  g_assert_cmpuint (n_conflicts (f->a), ==, 0);
  g_assert_cmpuint (n_conflicts (f->b), ==, 0);
  assert_converged (f->a, f->b);
  {
    g_autoptr(JsonNode) doc = sync_http_json ("GET", doc_url, NULL);
    g_autofree char *name_a = head_name (f->a, id);
    g_autofree char *loser_name = NULL;
    g_autoptr(BansoHousehold) loser = banso_household_from_json (chosen_body, NULL);

    g_assert_false (json_object_has_member (json_node_get_object (doc), "_conflicts"));
    loser_name = g_strdup (banso_household_get_head (loser)->name);
    g_assert_cmpstr (name_a, ==, loser_name);
  }
}

/* PouchDB under Node edits the same database while Banso does: the three
 * replicas converge, conflicts show on both sides, deletions propagate. */
static void
test_pouchdb_replica (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *db_url = g_strdup_printf ("%s/with-pouch", server_url);
  g_autofree char *replica_dir = g_build_filename (f->dir_b, "replica", NULL);
  g_autofree char *id = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *script = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autofree char *winner = NULL;
  JsonObject *all;
  JsonArray *rows;
  guint live = 0;

  fill (f->a, 30, 5);
  sync_ok (f->a, f->admin_a, server_url, "with-pouch", NULL);
  id = some_household (f->a, 1);
  gone = some_household (f->a, 2);

  /* The replica takes everything, edits one household, removes another and
   * adds a village of its own; meanwhile Banso edits the same household. */
  script = g_strdup_printf ("["
                            "{\"op\":\"replicate\",\"from\":\"%s\"},"
                            "{\"op\":\"update\",\"id\":\"%s\",\"set\":{\"notes\":\"Sửa ở bản sao PouchDB\"}},"
                            "{\"op\":\"remove\",\"id\":\"%s\"},"
                            "{\"op\":\"put\",\"doc\":{\"_id\":\"village-from-pouch\",\"type\":\"village\","
                            "\"commune\":\"03646\",\"name\":\"Bản Pá Pồng\",\"kind\":\"ban\"}},"
                            "{\"op\":\"replicate\",\"to\":\"%s\"}"
                            "]", db_url, id, gone, db_url);
  steps = sync_replica_run (script, replica_dir);
  g_assert_cmpuint (steps->len, ==, 5);
  rename_head (f->a, f->admin_a, id, "Quàng Văn Ún");

  sync_ok (f->a, f->admin_a, server_url, "with-pouch", NULL);
  g_assert_cmpuint (n_conflicts (f->a), ==, 1);
  g_assert_cmpint (banso_test_store_query_int (f->a, "SELECT deleted FROM documents WHERE id = 'village-from-pouch'"), ==, 0);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT deleted FROM documents WHERE id = '%s'", gone);
    g_assert_cmpint (banso_test_store_query_int (f->a, sql), ==, 1);
  }
  g_assert_cmpint (banso_test_store_query_int (f->a, "SELECT count(*) FROM village_index"
                                                     " JOIN documents USING (docno) WHERE id = 'village-from-pouch'"), ==, 1);

  /* The replica sees the same conflict and the same winner. */
  g_clear_pointer (&steps, g_ptr_array_unref);
  g_free (script);
  script = g_strdup_printf ("[{\"op\":\"replicate\",\"from\":\"%s\"},"
                            "{\"op\":\"get\",\"id\":\"%s\",\"conflicts\":true},"
                            "{\"op\":\"all\"}]", db_url, id);
  steps = sync_replica_run (script, replica_dir);
  winner = banso_test_store_query_text (f->a, "SELECT rev FROM documents WHERE id = ?1", id);
  {
    JsonObject *step = json_node_get_object (g_ptr_array_index (steps, 1));
    JsonObject *doc = json_object_get_object_member (step, "doc");
    g_assert_cmpstr (json_object_get_string_member (doc, "_rev"), ==, winner);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (doc, "_conflicts")), ==, 1);
  }
  all = json_node_get_object (g_ptr_array_index (steps, 2));
  rows = json_object_get_array_member (all, "rows");
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      const char *rid = json_object_get_string_member (row, "id");
      g_autofree char *local_rev = banso_test_store_query_text (f->a, "SELECT rev FROM documents WHERE id = ?1", rid);
      g_assert_cmpstr (json_object_get_string_member (row, "rev"), ==, local_rev);
      live++;
    }
  g_assert_cmpint (live, ==, local_live_docs (f->a));

  /* Banso resolves (keeping its own version); the replica ends up with it. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *body = banso_test_store_query_text (f->a, "SELECT body FROM documents WHERE id = ?1", id);
    BansoTxn *txn = banso_store_begin (f->a, f->admin_a, &error);

    g_assert_true (banso_revtree_resolve (txn, id, winner, body, &error));
    g_assert_no_error (error);
    g_assert_true (banso_txn_commit (txn, &error));
  }
  sync_ok (f->a, f->admin_a, server_url, "with-pouch", NULL);
  g_clear_pointer (&steps, g_ptr_array_unref);
  g_free (script);
  script = g_strdup_printf ("[{\"op\":\"replicate\",\"from\":\"%s\"},"
                            "{\"op\":\"get\",\"id\":\"%s\",\"conflicts\":true}]", db_url, id);
  steps = sync_replica_run (script, replica_dir);
  {
    JsonObject *doc = json_object_get_object_member (json_node_get_object (g_ptr_array_index (steps, 1)), "doc");
    g_autofree char *now = banso_test_store_query_text (f->a, "SELECT rev FROM documents WHERE id = ?1", id);
    g_assert_cmpstr (json_object_get_string_member (doc, "_rev"), ==, now);
    g_assert_false (json_object_has_member (doc, "_conflicts"));
  }
  g_assert_cmpuint (n_conflicts (f->a), ==, 0);
  banso_test_assert_whole (f->a);
}

static gint64
count_requests (SyncHelper *proxy,
                const char *path_part)
{
  g_autoptr(JsonNode) stats = sync_proxy_stats (proxy);
  JsonArray *recent = json_object_get_array_member (json_node_get_object (stats), "recent");
  gint64 n = 0;

  for (guint i = 0; i < json_array_get_length (recent); i++)
    if (strstr (json_object_get_string_member (json_array_get_object_element (recent, i), "path"), path_part))
      n++;
  return n;
}

/* The link dies after the server took a batch but before its answer came
 * back: the next run starts from the last checkpoint, not from zero, does not
 * send that batch again, and the server ends with each record once. */
static void
test_resume (Fixture       *f,
             gconstpointer  data)
{
  SyncHelper *proxy = sync_helper_start_proxy (server->port);
  g_autofree char *url = sync_helper_url (proxy, NULL);
  g_autofree char *reset_url = g_strdup_printf ("http://127.0.0.1:%u/__proxy/reset", proxy->port);
  g_autoptr(GError) error = NULL;
  BansoSyncStats first = { 0 }, second = { 0 };
  gint64 before, total;
  const guint added = 450;

  fill (f->a, 100, 3);
  g_assert_true (sync_run (f->a, f->admin_a, url, "resume", 100, NULL, NULL, &error));
  g_assert_no_error (error);
  before = local_live_docs (f->a);

  for (guint i = 0; i < added; i++)
    {
      static const char *given[] = { "An", "Bình", "Chiến", "Dũng", "Hải", "Khăm", "Lả", "Minh",
                                     "Nọi", "Ơn", "Pọm", "Quang", "Sơn", "Tòng", "Ún", "Xuân",
                                     "Yên", "Đức", "Hùng", "Lâm" };
      static const char *middle[] = { "Văn", "Thị", "Đình" };
      g_autofree char *name = g_strdup_printf ("Lường %s %s %s", middle[i / 400], given[i / 20 % 20],
                                               given[i % 20]);
      g_autoptr(BansoHousehold) h = banso_test_new_household ("03646", name);
      banso_test_save_household (f->a, f->admin_a, h);
    }
  total = local_live_docs (f->a);

  sync_proxy_fault (proxy, "{\"mode\":\"kill-after-forward\",\"path\":\"_bulk_docs\",\"count\":1}");
  g_assert_false (sync_run (f->a, f->admin_a, url, "resume", 100, NULL, &first, &error));
  g_assert_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_NETWORK);
  g_clear_error (&error);
  /* The batch landed; only its answer was lost. */
  g_assert_cmpint (server_doc_count ("resume"), ==, before + 100);

  json_node_unref (sync_http_json ("POST", reset_url, "{}"));
  g_assert_true (sync_run (f->a, f->admin_a, url, "resume", 100, NULL, &second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (second.pushed, ==, added - 100);
  g_assert_cmpint (server_doc_count ("resume"), ==, total);
  /* From the checkpoint: one _revs_diff per batch of the new records only. */
  g_assert_cmpint (count_requests (proxy, "_revs_diff"), ==, (added + 99) / 100);

  sync_ok (f->b, f->admin_b, server_url, "resume", NULL);
  assert_converged (f->a, f->b);
  sync_helper_stop (proxy);
}

typedef struct
{
  const char     *fault;
  BansoSyncError  code;
  const char     *words;   /* part of the message the user reads */
} Fault;

static const Fault faults[] = {
  { "{\"mode\":\"status\",\"status\":500,\"path\":\"_bulk_get\",\"count\":1}", BANSO_SYNC_ERROR_SERVER, "HTTP 500" },
  { "{\"mode\":\"status\",\"status\":502,\"path\":\"_changes\",\"count\":1}", BANSO_SYNC_ERROR_SERVER, "HTTP 502" },
  { "{\"mode\":\"status\",\"status\":503,\"path\":\"_revs_diff\",\"count\":1}", BANSO_SYNC_ERROR_SERVER, "HTTP 503" },
  { "{\"mode\":\"corrupt\",\"path\":\"_bulk_get\",\"count\":1}", BANSO_SYNC_ERROR_BAD_REPLY, "not valid JSON" },
  { "{\"mode\":\"truncate\",\"path\":\"_bulk_get\",\"after_bytes\":200,\"count\":1}", 0, NULL },
  { "{\"mode\":\"reset\",\"path\":\"_changes\"}", BANSO_SYNC_ERROR_NETWORK, "Could not reach" },
  { "{\"mode\":\"drop\",\"path\":\"_bulk_get\"}", BANSO_SYNC_ERROR_NETWORK, "Could not reach" },
  { "{\"mode\":\"hang\",\"path\":\"_bulk_get\",\"count\":1}", BANSO_SYNC_ERROR_TIMEOUT, "in time" },
};

/* Each fault makes the run fail with words that say what happened; nothing
 * pulled before it is lost or half-written, and the next run completes. */
static void
test_faults (Fixture       *f,
             gconstpointer  data)
{
  SyncHelper *proxy = sync_helper_start_proxy (server->port);
  g_autofree char *url = sync_helper_url (proxy, NULL);

  fill (f->a, 60, 13);
  sync_ok (f->a, f->admin_a, server_url, "faults", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(GError) error = NULL;
      static const char *names[] = { "Lò Văn An", "Lò Văn Bình", "Lò Văn Chiến", "Lò Văn Dũng",
                                     "Lò Văn Hải", "Lò Văn Khăm", "Lò Văn Lả", "Lò Văn Minh" };
      const char *name = names[i % G_N_ELEMENTS (names)];
      g_autofree char *id = some_household (f->a, i);

      g_test_message ("fault: %s", faults[i].fault);
      rename_head (f->a, f->admin_a, id, name);
      sync_ok (f->a, f->admin_a, server_url, "faults", NULL);

      /* What B pulled came from the server and is not offered back: a
       * _revs_diff needs a change of B's own. */
      if (strstr (faults[i].fault, "_revs_diff") != NULL)
        {
          g_autofree char *own = some_household (f->b, 50);
          rename_head (f->b, f->admin_b, own, "Lò Thị Xuân");
        }
      sync_proxy_fault (proxy, faults[i].fault);
      g_assert_false (sync_run (f->b, f->admin_b, url, "faults", 25, NULL, NULL, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == BANSO_SYNC_ERROR);
      if (faults[i].words != NULL)
        {
          g_assert_cmpint (error->code, ==, faults[i].code);
          g_assert_nonnull (strstr (error->message, faults[i].words));
        }
      g_assert_nonnull (strstr (error->message, "127.0.0.1"));
      banso_test_assert_whole (f->b);

      sync_proxy_fault (proxy, "{\"mode\":\"pass\"}");
      g_clear_error (&error);
      g_assert_true (sync_run (f->b, f->admin_b, url, "faults", 25, NULL, NULL, &error));
      g_assert_no_error (error);
      sync_ok (f->a, f->admin_a, server_url, "faults", NULL);
      assert_converged (f->a, f->b);
    }
  sync_helper_stop (proxy);
}

/* A server that finds a batch too large gets smaller ones. */
static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  SyncHelper *proxy = sync_helper_start_proxy (server->port);
  g_autofree char *url = sync_helper_url (proxy, NULL);
  g_autoptr(GError) error = NULL;
  BansoSyncStats stats = { 0 };

  fill (f->a, 50, 17);
  sync_proxy_fault (proxy, "{\"mode\":\"status\",\"status\":413,\"path\":\"_bulk_docs\",\"count\":2}");
  g_assert_true (sync_run (f->a, f->admin_a, url, "too-large", 0, NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.pushed, ==, local_live_docs (f->a));
  g_assert_cmpint (server_doc_count ("too-large"), ==, local_live_docs (f->a));
  sync_helper_stop (proxy);
}

/* A server without _bulk_get (CouchDB 1.x): one open_revs request per record. */
static void
test_no_bulk_get (Fixture       *f,
                  gconstpointer  data)
{
  SyncHelper *proxy = sync_helper_start_proxy (server->port);
  g_autofree char *url = sync_helper_url (proxy, NULL);
  g_autoptr(GError) error = NULL;
  BansoSyncStats stats = { 0 };

  fill (f->a, 15, 31);
  sync_ok (f->a, f->admin_a, server_url, "no-bulk-get", NULL);

  sync_proxy_fault (proxy, "{\"mode\":\"status\",\"status\":404,\"path\":\"_bulk_get\"}");
  g_assert_true (sync_run (f->b, f->admin_b, url, "no-bulk-get", 0, NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.pulled, ==, local_live_docs (f->a));
  /* The proxy lists the last 200 requests: all of them record by record. */
  g_assert_cmpint (count_requests (proxy, "open_revs="), >=, 190);
  g_assert_cmpint (count_requests (proxy, "_bulk_get"), ==, 0);
  assert_converged (f->a, f->b);
  sync_helper_stop (proxy);
}

static void
test_password (Fixture       *f,
               gconstpointer  data)
{
  SyncHelper *locked = sync_helper_start_server ("office:s3cret");
  g_autofree char *good = g_strdup_printf ("http://office:s3cret@127.0.0.1:%u", locked->port);
  g_autofree char *bad = g_strdup_printf ("http://office:wrong@127.0.0.1:%u", locked->port);
  g_autoptr(GError) error = NULL;

  fill (f->a, 5, 19);
  g_assert_false (sync_run (f->a, f->admin_a, bad, "locked", 0, NULL, NULL, &error));
  g_assert_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "password"));
  /* The message never shows the password. */
  g_assert_null (strstr (error->message, "wrong"));
  g_clear_error (&error);

  g_assert_true (sync_run (f->a, f->admin_a, good, "locked", 0, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Records and credentials never go over plain HTTP to another machine,
   * with a login or without, and nothing is attempted. */
  g_assert_null (banso_sync_client_new ("http://tttd.example.gov.vn/couchdb", "office", "s3cret", NULL, &error));
  g_assert_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_INSECURE);
  g_clear_error (&error);
  g_assert_null (banso_sync_client_new ("http://192.0.2.1:5984", NULL, NULL, NULL, &error));
  g_assert_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_INSECURE);
  g_assert_nonnull (strstr (error->message, "http://192.0.2.1:5984"));
  g_assert_nonnull (strstr (error->message, "https://"));
  g_clear_error (&error);
  g_assert_false (sync_run (f->a, f->admin_a, "http://192.0.2.1:5984", "office", 0, NULL, NULL, &error));
  g_assert_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_INSECURE);
  g_clear_error (&error);
  /* This machine, by name or address, stays allowed. */
  for (guint i = 0; i < 3; i++)
    {
      const char *local[] = { "http://localhost:5984", "http://127.0.0.1:5984", "http://[::1]:5984" };
      g_autoptr(BansoSyncClient) client = banso_sync_client_new (local[i], NULL, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (client);
    }
  g_assert_null (banso_sync_client_new ("ftp://example.org", NULL, NULL, NULL, &error));
  g_assert_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_SETTINGS);
  sync_helper_stop (locked);
}

typedef struct
{
  BansoStore *store;
  BansoUser  *user;
  const char *url;
  gboolean    ok;
  GError     *error;
  gint        finished;
} FlakyRun;

static gpointer
flaky_run_thread (gpointer data)
{
  FlakyRun *run = data;

  run->ok = sync_run (run->store, run->user, run->url, "flaky", 20, NULL, NULL, &run->error);
  g_atomic_int_set (&run->finished, 1);
  return NULL;
}

/* A link that drops every 2 seconds: every run keeps what it got and moves
 * the count forward, a document pulled from the server is never offered back
 * to it, and the sync completes. */
static void
test_flaky_link (Fixture       *f,
                 gconstpointer  data)
{
  SyncHelper *proxy = sync_helper_start_proxy (server->port);
  g_autofree char *url = sync_helper_url (proxy, NULL);
  gint64 before = local_live_docs (f->b);
  gint64 total, diffs_before, diffs_after;
  guint runs = 0, cut = 0;

  fill (f->a, 2500, 37);
  sync_ok (f->a, f->admin_a, server_url, "flaky", NULL);
  total = local_live_docs (f->a);
  diffs_before = count_requests (proxy, "_revs_diff");

  for (;;)
    {
      FlakyRun run = { f->b, f->admin_b, url, FALSE, NULL, 0 };
      GThread *thread;
      gint64 now;

      g_assert_cmpuint (runs, <, 40);
      /* A slow link while it is up, so that a whole pull takes several. */
      sync_proxy_fault (proxy, "{\"mode\":\"delay\",\"delay\":0.03}");
      thread = g_thread_new ("flaky-sync", flaky_run_thread, &run);
      for (guint i = 0; i < 20 && !g_atomic_int_get (&run.finished); i++)
        g_usleep (100 * G_TIME_SPAN_MILLISECOND);
      sync_proxy_fault (proxy, "{\"mode\":\"reset\"}");
      g_thread_join (thread);
      runs++;
      now = local_live_docs (f->b);
      g_test_message ("run %u: %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " records%s%s", runs,
                      now, total, run.ok ? ", done" : ": ", run.ok ? "" : run.error->message);
      if (run.ok)
        break;
      cut++;
      g_assert_error (run.error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_NETWORK);
      g_clear_error (&run.error);
      /* Every run that was cut moved the count forward. */
      g_assert_cmpint (now, >, before);
      before = now;
      banso_test_assert_whole (f->b);
    }
  g_assert_cmpuint (cut, >=, 2);
  sync_proxy_fault (proxy, "{\"mode\":\"pass\"}");
  assert_converged (f->a, f->b);

  /* Nothing B has came from anywhere but the server: a run now sends it
   * nothing, not even a _revs_diff. */
  diffs_after = count_requests (proxy, "_revs_diff");
  sync_ok (f->b, f->admin_b, url, "flaky", NULL);
  g_assert_cmpint (count_requests (proxy, "_revs_diff"), ==, diffs_after);
  g_test_message ("%u runs, %" G_GINT64_FORMAT " _revs_diff requests", runs, diffs_after - diffs_before);
  sync_helper_stop (proxy);
}

/* A server that answers a write with a redirect: a 302 would turn the PUT
 * or POST into a GET elsewhere. The sync stops with a message that names the
 * server that redirected, and the other host sees neither a request nor the
 * password. */
static void
test_redirect (Fixture       *f,
               gconstpointer  data)
{
  SyncHelper *locked = sync_helper_start_server ("office:s3cret");
  SyncHelper *front = sync_helper_start_proxy (locked->port);
  SyncHelper *elsewhere = sync_helper_start_proxy (locked->port);
  g_autofree char *url = g_strdup_printf ("http://office:s3cret@127.0.0.1:%u", front->port);
  g_autofree char *named = g_strdup_printf ("http://127.0.0.1:%u", front->port);
  g_autofree char *fault = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) stats = NULL;
  JsonArray *recent;

  fill (f->a, 5, 29);
  for (guint i = 0; i < 2; i++)
    {
      static const guint codes[] = { 302, 307 };

      g_free (fault);
      fault = g_strdup_printf ("{\"mode\":\"status\",\"status\":%u,\"method\":\"PUT|POST\","
                               "\"location\":\"http://localhost:%u/elsewhere\"}",
                               codes[i], elsewhere->port);
      sync_proxy_fault (front, fault);
      g_assert_false (sync_run (f->a, f->admin_a, url, "redirected", 0, NULL, NULL, &error));
      g_assert_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_SERVER);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, named));
      g_assert_nonnull (strstr (error->message, "redirect"));
      g_assert_null (strstr (error->message, "s3cret"));
      g_clear_error (&error);
      banso_test_assert_whole (f->a);
    }

  stats = sync_proxy_stats (elsewhere);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (stats), "requests"), ==, 0);
  /* The server itself still had every request with the password. */
  g_clear_pointer (&stats, json_node_unref);
  stats = sync_proxy_stats (front);
  recent = json_object_get_array_member (json_node_get_object (stats), "recent");
  g_assert_cmpuint (json_array_get_length (recent), >, 0);
  for (guint i = 0; i < json_array_get_length (recent); i++)
    g_assert_true (json_object_get_boolean_member (json_array_get_object_element (recent, i), "auth"));

  sync_proxy_fault (front, "{\"mode\":\"pass\"}");
  g_assert_true (sync_run (f->a, f->admin_a, url, "redirected", 0, NULL, NULL, &error));
  g_assert_no_error (error);
  sync_helper_stop (elsewhere);
  sync_helper_stop (front);
  sync_helper_stop (locked);
}

static void
test_tls (Fixture       *f,
          gconstpointer  data)
{
  SyncHelper *tls = sync_helper_start_tls (server->port);
  g_autofree char *url = sync_helper_url (tls, "https");
  g_autoptr(GError) error = NULL;

  fill (f->a, 5, 23);
  g_assert_false (sync_run (f->a, f->admin_a, url, "over-tls", 0, NULL, NULL, &error));
  g_assert_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_TLS);
  g_assert_nonnull (strstr (error->message, "certificate"));
  g_clear_error (&error);

  g_assert_true (sync_run (f->a, f->admin_a, url, "over-tls", 0, tls->ca_file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (server_doc_count ("over-tls"), ==, local_live_docs (f->a));
  sync_helper_stop (tls);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  server = sync_helper_start_server (NULL);
  server_url = sync_helper_url (server, NULL);

  g_test_add ("/sync/push-pull", Fixture, NULL, fixture_setup, test_push_pull, fixture_teardown);
  g_test_add ("/sync/conflict", Fixture, NULL, fixture_setup, test_conflict, fixture_teardown);
  g_test_add ("/sync/pouchdb-replica", Fixture, NULL, fixture_setup, test_pouchdb_replica, fixture_teardown);
  g_test_add ("/sync/resume", Fixture, NULL, fixture_setup, test_resume, fixture_teardown);
  g_test_add ("/sync/faults", Fixture, NULL, fixture_setup, test_faults, fixture_teardown);
  g_test_add ("/sync/too-large", Fixture, NULL, fixture_setup, test_too_large, fixture_teardown);
  g_test_add ("/sync/no-bulk-get", Fixture, NULL, fixture_setup, test_no_bulk_get, fixture_teardown);
  g_test_add ("/sync/password", Fixture, NULL, fixture_setup, test_password, fixture_teardown);
  g_test_add ("/sync/flaky-link", Fixture, NULL, fixture_setup, test_flaky_link, fixture_teardown);
  g_test_add ("/sync/redirect", Fixture, NULL, fixture_setup, test_redirect, fixture_teardown);
  g_test_add ("/sync/tls", Fixture, NULL, fixture_setup, test_tls, fixture_teardown);

  status = g_test_run ();
  sync_helper_stop (server);
  g_free (server_url);
  return status;
}
