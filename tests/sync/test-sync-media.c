/* test-sync-media.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Media files between two offices through a real server (pouchdb-server), in
 * pieces of 1 MiB: a link cut in the middle resumes from the last piece, a
 * damaged piece is never kept, and media waits when the run is told to
 * leave it (a metered link).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "banso-media.h"
#include "banso-test-util.h"
#include "sync-test-util.h"

static SyncHelper *server;
static char *server_url;

typedef struct
{
  char       *dir_a, *dir_b;
  BansoStore *a, *b;
  BansoUser  *admin_a, *admin_b;
  char       *file;       /* a festival video, of sorts */
  GBytes     *content;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  gsize size = GPOINTER_TO_UINT (data);
  g_autoptr(GRand) rand = g_rand_new_with_seed (size);
  guint8 *bytes = g_malloc (size);
  g_autoptr(GError) error = NULL;

  f->a = banso_test_open_tmp_store (&f->dir_a, &f->admin_a);
  f->b = banso_test_open_tmp_store (&f->dir_b, &f->admin_b);
  for (gsize i = 0; i < size; i++)
    bytes[i] = g_rand_int (rand) & 0xff;
  f->content = g_bytes_new_take (bytes, size);
  f->file = g_build_filename (f->dir_a, "xen-ban-muong-gion.mp4", NULL);
  g_file_set_contents (f->file, (const char *)bytes, size, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_unlink (f->file);
  g_free (f->file);
  g_bytes_unref (f->content);
  banso_test_close_tmp_store (f->a, f->admin_a, f->dir_a);
  banso_test_close_tmp_store (f->b, f->admin_b, f->dir_b);
}

static char *
add_media (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  char *id = banso_media_add (f->a, f->admin_a, f->file, "Lễ hội Xên bản, Mường Giôn", "video/mp4",
                              NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static BansoMediaFile *
lookup (BansoStore *store,
        const char *id)
{
  g_autoptr(GError) error = NULL;
  BansoMediaFile *file = banso_media_lookup (store, id, &error);

  g_assert_no_error (error);
  return file;
}

static void
assert_file_is (BansoStore  *store,
                const char  *id,
                GBytes      *content)
{
  g_autoptr(BansoMediaFile) file = lookup (store, id);
  g_autofree char *path = banso_media_path (store, file->sha256);
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_assert_cmpuint (file->have, ==, file->chunks);
  g_file_get_contents (path, &text, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (text, len, g_bytes_get_data (content, NULL), g_bytes_get_size (content));
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
}

static gboolean
replicate (BansoStore      *store,
           BansoUser       *user,
           const char      *url,
           const char      *database,
           gboolean         media,
           BansoSyncStats  *stats,
           GError         **error)
{
  g_autoptr(BansoSyncClient) client = banso_sync_client_new (url, NULL, NULL, NULL, error);
  BansoReplication r = { 0 };
  BansoSyncStats local = { 0 };

  g_assert_nonnull (client);
  r.store = store;
  r.user = user;
  r.client = client;
  r.database = database;
  r.direction = BANSO_SYNC_BOTH;
  r.create_target = TRUE;
  r.media = media;
  return banso_replicate (&r, stats ? stats : &local, NULL, error);
}

static void
replicate_ok (BansoStore     *store,
              BansoUser      *user,
              const char     *url,
              const char     *database,
              BansoSyncStats *stats)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (replicate (store, user, url, database, TRUE, stats, &error));
  g_assert_no_error (error);
}

static gint64
count_local (BansoStore *store,
             const char *sql)
{
  sqlite3 *db = banso_store_acquire_reader (store, NULL);
  gint64 n = banso_test_query_int (db, sql);

  banso_store_release_reader (store, db);
  return n;
}

static gint64
pieces_on_server (const char *database,
                  const char *sha256)
{
  g_autofree char *url = g_strdup_printf ("%s/%s/_all_docs?startkey=%%22media-chunk:%s:%%22"
                                          "&endkey=%%22media-chunk:%s:~%%22",
                                          server_url, database, sha256, sha256);
  g_autoptr(JsonNode) reply = sync_http_json ("GET", url, NULL);

  return json_array_get_length (json_object_get_array_member (json_node_get_object (reply), "rows"));
}

/* The requests the proxy saw for pieces, with this method. */
static guint
piece_requests (SyncHelper *proxy,
                const char *method)
{
  g_autoptr(JsonNode) stats = sync_proxy_stats (proxy);
  JsonArray *recent = json_object_get_array_member (json_node_get_object (stats), "recent");
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (recent); i++)
    {
      JsonObject *r = json_array_get_object_element (recent, i);
      if (g_str_has_suffix (json_object_get_string_member (r, "path"), "/data") &&
          g_str_equal (json_object_get_string_member (r, "method"), method))
        n++;
    }
  return n;
}

static void
proxy_reset (SyncHelper *proxy)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/__proxy/reset", proxy->port);

  json_node_unref (sync_http_json ("POST", url, "{}"));
}

/* A file goes up in pieces and comes down whole at the other office; the
 * pieces never become records; nothing moves again once both have it. */
static void
test_push_pull (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *id = add_media (f);
  g_autoptr(BansoMediaFile) before = lookup (f->a, id);
  g_autoptr(BansoMediaFile) after = NULL;
  BansoSyncStats again = { 0 };

  g_assert_cmpuint (before->chunks, ==, 4);
  g_assert_cmpuint (before->have, ==, 4);
  g_assert_false (before->sent);

  replicate_ok (f->a, f->admin_a, server_url, "media", NULL);
  after = lookup (f->a, id);
  g_assert_true (after->sent);
  g_assert_cmpint (pieces_on_server ("media", after->sha256), ==, 4);

  replicate_ok (f->b, f->admin_b, server_url, "media", NULL);
  assert_file_is (f->b, id, f->content);
  g_assert_cmpint (count_local (f->b, "SELECT count(*) FROM documents WHERE id LIKE 'media-chunk:%'"), ==, 0);
  g_assert_cmpint (banso_sync_count_media_waiting (f->b, NULL), ==, 0);

  replicate_ok (f->a, f->admin_a, server_url, "media", &again);
  replicate_ok (f->b, f->admin_b, server_url, "media", &again);
  g_assert_cmpuint (again.media_bytes, ==, 0);
  banso_test_assert_whole (f->a);
  banso_test_assert_whole (f->b);
}

/* The link dies at the third piece each way: the next run sends or fetches
 * only the pieces that had not arrived, and the file ends whole. */
static void
test_resume (Fixture       *f,
             gconstpointer  data)
{
  SyncHelper *proxy = sync_helper_start_proxy (server->port);
  g_autofree char *url = sync_helper_url (proxy, NULL);
  g_autofree char *id = add_media (f);
  g_autoptr(BansoMediaFile) sent = NULL;
  g_autoptr(BansoMediaFile) half = NULL;
  g_autoptr(GError) error = NULL;

  /* The server takes piece 3 but the link dies in the middle of its answer
   * (a request cut before its answer began would be sent again by the HTTP
   * library itself, and find the piece there). */
  sync_proxy_fault (proxy, "{\"mode\":\"truncate\",\"method\":\"PUT\",\"path\":\"(:|%3A)2/data\",\"after_bytes\":3,\"count\":1}");
  g_assert_false (replicate (f->a, f->admin_a, url, "resume", TRUE, NULL, &error));
  g_assert_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_NETWORK);
  g_test_message ("cut: %s", error->message);
  g_clear_error (&error);
  g_assert_cmpuint (piece_requests (proxy, "PUT"), ==, 3);
  sent = lookup (f->a, id);
  g_assert_false (sent->sent);

  proxy_reset (proxy);
  replicate_ok (f->a, f->admin_a, url, "resume", NULL);
  g_assert_cmpuint (piece_requests (proxy, "PUT"), ==, 3);
  g_clear_pointer (&sent, banso_media_file_free);
  sent = lookup (f->a, id);
  g_assert_true (sent->sent);
  g_assert_cmpint (pieces_on_server ("resume", sent->sha256), ==, 6);

  /* Fetching: piece 4 is cut off in the middle. */
  proxy_reset (proxy);
  sync_proxy_fault (proxy, "{\"mode\":\"truncate\",\"method\":\"GET\",\"path\":\"(:|%3A)3/data\",\"after_bytes\":1000,\"count\":1}");
  g_assert_false (replicate (f->b, f->admin_b, url, "resume", TRUE, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("cut: %s", error->message);
  g_clear_error (&error);
  half = lookup (f->b, id);
  g_assert_cmpuint (half->have, ==, 3);
  g_assert_cmpint (banso_sync_count_media_waiting (f->b, NULL), ==, 1);

  proxy_reset (proxy);
  replicate_ok (f->b, f->admin_b, url, "resume", NULL);
  g_assert_cmpuint (piece_requests (proxy, "GET"), ==, 3);
  assert_file_is (f->b, id, f->content);
  banso_test_assert_whole (f->b);
  sync_helper_stop (proxy);
}

/* A piece that does not match its hash is refused and not counted; the next
 * run fetches it again. */
static void
test_damaged (Fixture       *f,
              gconstpointer  data)
{
  SyncHelper *proxy = sync_helper_start_proxy (server->port);
  g_autofree char *url = sync_helper_url (proxy, NULL);
  g_autofree char *id = add_media (f);
  g_autoptr(BansoMediaFile) half = NULL;
  g_autoptr(GError) error = NULL;

  replicate_ok (f->a, f->admin_a, server_url, "damaged", NULL);

  sync_proxy_fault (proxy, "{\"mode\":\"corrupt\",\"method\":\"GET\",\"path\":\"(:|%3A)1/data\",\"count\":1}");
  g_assert_false (replicate (f->b, f->admin_b, url, "damaged", TRUE, NULL, &error));
  g_assert_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_BAD_REPLY);
  g_assert_nonnull (strstr (error->message, "Piece 2"));
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  half = lookup (f->b, id);
  g_assert_cmpuint (half->have, ==, 1);

  proxy_reset (proxy);
  replicate_ok (f->b, f->admin_b, url, "damaged", NULL);
  assert_file_is (f->b, id, f->content);
  sync_helper_stop (proxy);
}

/* Told to leave media (a metered link), a run moves the records only; the
 * file waits, and goes with the next run that may move it. */
static void
test_media_waits (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *id = add_media (f);
  g_autoptr(BansoMediaFile) file = lookup (f->a, id);
  g_autoptr(GError) error = NULL;
  BansoSyncStats stats = { 0 };

  g_assert_true (replicate (f->a, f->admin_a, server_url, "waits", FALSE, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.pushed, >=, 1);
  g_assert_cmpuint (stats.media_bytes, ==, 0);
  g_assert_cmpint (pieces_on_server ("waits", file->sha256), ==, 0);
  g_assert_cmpint (banso_sync_count_media_waiting (f->a, NULL), ==, 1);

  /* The other office has the description, not yet the file. */
  g_assert_true (replicate (f->b, f->admin_b, server_url, "waits", FALSE, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&file, banso_media_file_free);
  file = lookup (f->b, id);
  g_assert_cmpuint (file->have, ==, 0);
  g_assert_cmpint (banso_sync_count_media_waiting (f->b, NULL), ==, 1);

  /* Allowed, but the first office has not sent it: nothing to fetch yet. */
  replicate_ok (f->b, f->admin_b, server_url, "waits", NULL);
  g_clear_pointer (&file, banso_media_file_free);
  file = lookup (f->b, id);
  g_assert_cmpuint (file->have, ==, 0);

  replicate_ok (f->a, f->admin_a, server_url, "waits", NULL);
  replicate_ok (f->b, f->admin_b, server_url, "waits", NULL);
  assert_file_is (f->b, id, f->content);
  g_assert_cmpint (banso_sync_count_media_waiting (f->a, NULL), ==, 0);
  g_assert_cmpint (banso_sync_count_media_waiting (f->b, NULL), ==, 0);
}

/* A file gone from the media folder before it was sent is no longer here:
 * the run goes on, and the file waits to come back from the server. */
static void
test_missing_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *id = add_media (f);
  g_autoptr(BansoMediaFile) file = lookup (f->a, id);
  g_autofree char *path = banso_media_path (f->a, file->sha256);
  g_autoptr(BansoMediaFile) after = NULL;

  g_assert_cmpint (g_unlink (path), ==, 0);
  replicate_ok (f->a, f->admin_a, server_url, "missing", NULL);
  after = lookup (f->a, id);
  g_assert_cmpuint (after->have, ==, 0);
  g_assert_false (after->sent);
  g_assert_cmpint (banso_sync_count_media_waiting (f->a, NULL), ==, 1);
  g_assert_cmpint (pieces_on_server ("missing", file->sha256), ==, 0);
}

/* Only the archive's keepers add media. */
static void
test_permission (Fixture       *f,
                 gconstpointer  data)
{
  const char *communes[] = { "03646", NULL };
  g_autoptr(BansoUser) official = banso_user_new ("lo-thi-an", "Lò Thị An", BANSO_ROLE_COMMUNE_OFFICIAL,
                                                  communes);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = banso_media_add (f->a, official, f->file, NULL, "video/mp4", NULL, &error);

  g_assert_null (id);
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  server = sync_helper_start_server (NULL);
  server_url = sync_helper_url (server, NULL);

  /* 3.5 pieces, and 5.25: the last piece is a short one. */
  g_test_add ("/sync-media/push-pull", Fixture, GUINT_TO_POINTER (3 * 1024 * 1024 + 512 * 1024),
              fixture_setup, test_push_pull, fixture_teardown);
  g_test_add ("/sync-media/resume", Fixture, GUINT_TO_POINTER (5 * 1024 * 1024 + 256 * 1024),
              fixture_setup, test_resume, fixture_teardown);
  g_test_add ("/sync-media/damaged", Fixture, GUINT_TO_POINTER (2 * 1024 * 1024 + 77),
              fixture_setup, test_damaged, fixture_teardown);
  g_test_add ("/sync-media/media-waits", Fixture, GUINT_TO_POINTER (1024 * 1024),
              fixture_setup, test_media_waits, fixture_teardown);
  g_test_add ("/sync-media/missing-file", Fixture, GUINT_TO_POINTER (1024 * 1024 + 5),
              fixture_setup, test_missing_file, fixture_teardown);
  g_test_add ("/sync-media/permission", Fixture, GUINT_TO_POINTER (1000),
              fixture_setup, test_permission, fixture_teardown);

  status = g_test_run ();
  sync_helper_stop (server);
  g_free (server_url);
  return status;
}
