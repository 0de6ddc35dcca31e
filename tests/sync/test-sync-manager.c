/* test-sync-manager.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sync manager against a real server: the line the header bar shows says
 * what is true after each kind of run.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "banso-demo.h"
#include "banso-household-store.h"
#include "banso-media.h"
#include "banso-sync-manager.h"
#include "banso-test-util.h"
#include "sync-test-util.h"

static SyncHelper *server;

typedef struct
{
  char             *dir;
  BansoStore       *store;
  BansoUser        *admin;
  BansoSyncManager *manager;
  GError           *last_error;
  gboolean          finished;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = banso_test_open_tmp_store (&f->dir, &f->admin);
  g_assert_true (banso_demo_generate (f->store, 10, 29, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->manager);
  g_clear_error (&f->last_error);
  banso_test_close_tmp_store (f->store, f->admin, f->dir);
}

static void
on_run_finished (BansoSyncManager *manager,
                 const GError     *error,
                 Fixture          *f)
{
  g_clear_error (&f->last_error);
  f->last_error = error ? g_error_copy (error) : NULL;
  f->finished = TRUE;
}

static void
wait_for_run (Fixture *f)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  f->finished = FALSE;
  while (!f->finished && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (f->finished);
}

static void
wait_for_pending (Fixture *f,
                  gint64   pending)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (banso_sync_manager_get_pending (f->manager) != pending && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (banso_sync_manager_get_pending (f->manager), ==, pending);
}

static void
configure (Fixture    *f,
           const char *url,
           const char *login)
{
  BansoSyncSettings settings = { (char *)url, (char *)"office-mgr", (char *)login, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (banso_sync_settings_save (f->store, &settings, &error));
  g_assert_no_error (error);
}

static void
start (Fixture *f)
{
  f->manager = banso_sync_manager_new (f->store, f->admin);
  g_signal_connect (f->manager, "run-finished", G_CALLBACK (on_run_finished), f);
  banso_sync_manager_start (f->manager);
}

static void
assert_summary_starts (Fixture    *f,
                       const char *start_text)
{
  g_autofree char *summary = banso_sync_manager_dup_summary (f->manager);

  g_test_message ("summary: %s", summary);
  g_assert_true (g_str_has_prefix (summary, start_text));
}

static void
test_summary (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *url = sync_helper_url (server, NULL);
  g_autofree char *id = banso_test_store_query_text (f->store, "SELECT id FROM documents"
                                                               " WHERE type = 'household' LIMIT 1", NULL);

  f->manager = banso_sync_manager_new (f->store, f->admin);
  assert_summary_starts (f, "Sync not set up");
  g_clear_object (&f->manager);

  configure (f, url, NULL);
  start (f);
  /* The first run starts two seconds after the start. */
  g_assert_cmpint (banso_sync_manager_get_state (f->manager), ==, BANSO_SYNC_STATE_IDLE);
  wait_for_pending (f, banso_test_store_query_int (f->store, "SELECT count(*) FROM documents"));
  {
    g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT " changes waiting",
                                                 banso_sync_manager_get_pending (f->manager));
    assert_summary_starts (f, expected);
  }
  wait_for_run (f);
  g_assert_no_error (f->last_error);
  g_assert_cmpint (banso_sync_manager_get_state (f->manager), ==, BANSO_SYNC_STATE_IDLE);
  wait_for_pending (f, 0);
  assert_summary_starts (f, "All changes sent ");

  /* A change made here waits, and says so, until the next run. */
  {
    g_autoptr(BansoHousehold) h = banso_test_load_household (f->store, id);
    g_free (h->notes);
    h->notes = g_strdup ("Đã thăm hộ ngày 20/11");
    banso_test_save_household (f->store, f->admin, h);
  }
  wait_for_pending (f, 1);
  assert_summary_starts (f, "1 change waiting");
  banso_sync_manager_sync_now (f->manager);
  wait_for_run (f);
  g_assert_no_error (f->last_error);
  wait_for_pending (f, 0);
  assert_summary_starts (f, "All changes sent ");
}

static char *
add_media (Fixture    *f,
           const char *name,
           gsize       size)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *bytes = g_malloc (size);
  g_autoptr(GError) error = NULL;
  char *id;

  for (gsize i = 0; i < size; i++)
    bytes[i] = (char)(i * 7 + i / 4096);
  g_file_set_contents (path, bytes, size, &error);
  g_assert_no_error (error);
  id = banso_media_add (f->store, f->admin, path, NULL, "audio/ogg", NULL, &error);
  g_assert_no_error (error);
  return id;
}

/* On a metered link the records go and media waits, and the line says so;
 * on another link, or when the office allows it, media goes too. */
static void
test_metered (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *url = sync_helper_url (server, NULL);
  g_autofree char *song = add_media (f, "khap-thai.ogg", 1536 * 1024);
  g_autofree char *summary = NULL;
  g_autofree char *other = NULL;
  BansoSyncSettings settings = { url, (char *)"office-metered", NULL, NULL, NULL, TRUE };
  g_autoptr(GError) error = NULL;

  configure (f, url, NULL);
  g_setenv ("BANSO_SYNC_METERED", "1", TRUE);
  start (f);
  wait_for_run (f);
  g_assert_no_error (f->last_error);
  wait_for_pending (f, 0);
  summary = banso_sync_manager_dup_summary (f->manager);
  g_test_message ("summary: %s", summary);
  g_assert_true (g_str_has_prefix (summary, "All sent "));
  g_assert_true (g_str_has_suffix (summary, " — 1 media file waiting"));
  g_assert_cmpint (banso_sync_manager_get_media_held (f->manager), ==, 1);
  {
    g_autofree char *note = banso_sync_manager_dup_media_note (f->manager);
    g_assert_nonnull (strstr (note, "not metered"));
  }
  g_assert_cmpint (banso_sync_count_media_waiting (f->store, NULL), ==, 1);

  g_unsetenv ("BANSO_SYNC_METERED");
  banso_sync_manager_sync_now (f->manager);
  wait_for_run (f);
  g_assert_no_error (f->last_error);
  g_clear_pointer (&summary, g_free);
  summary = banso_sync_manager_dup_summary (f->manager);
  g_test_message ("summary: %s", summary);
  g_assert_null (strstr (summary, "media"));
  g_assert_cmpint (banso_sync_count_media_waiting (f->store, NULL), ==, 0);

  /* Allowed on metered links: nothing waits. */
  g_setenv ("BANSO_SYNC_METERED", "1", TRUE);
  g_assert_true (banso_sync_settings_save (f->store, &settings, &error));
  g_assert_no_error (error);
  banso_sync_manager_set_settings (f->manager, &settings);
  other = add_media (f, "xoe.ogg", 700 * 1024);
  banso_sync_manager_sync_now (f->manager);
  wait_for_run (f);
  g_unsetenv ("BANSO_SYNC_METERED");
  g_assert_no_error (f->last_error);
  g_assert_cmpint (banso_sync_count_media_waiting (f->store, NULL), ==, 0);
  g_clear_pointer (&summary, g_free);
  summary = banso_sync_manager_dup_summary (f->manager);
  g_assert_null (strstr (summary, "media"));
}

/* A media file that cannot be read fails the run in words about media, not
 * about passwords; the records went first all the same. */
static void
test_media_failure (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *url = sync_helper_url (server, NULL);
  g_autofree char *id = add_media (f, "then-lo.ogg", 300 * 1024);
  g_autoptr(BansoMediaFile) file = banso_media_lookup (f->store, id, NULL);
  g_autofree char *path = banso_media_path (f->store, file->sha256);

  /* In its place, something that opens but cannot be read. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);

  configure (f, url, NULL);
  start (f);
  wait_for_run (f);
  g_assert_error (f->last_error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  assert_summary_starts (f, "Failed: a media file could not be read or written (");
  wait_for_pending (f, 0);
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static void
test_failures (Fixture       *f,
               gconstpointer  data)
{
  SyncHelper *locked = sync_helper_start_server ("office:s3cret");
  g_autofree char *locked_url = sync_helper_url (locked, NULL);

  /* Nothing listens on the discard port. */
  configure (f, "http://127.0.0.1:9", NULL);
  start (f);
  wait_for_run (f);
  g_assert_error (f->last_error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_NETWORK);
  g_assert_cmpint (banso_sync_manager_get_state (f->manager), ==, BANSO_SYNC_STATE_FAILED);
  assert_summary_starts (f, "Failed: server not reachable (");
  g_assert_nonnull (strstr (banso_sync_manager_get_last_error (f->manager), "127.0.0.1:9"));

  /* A wrong password says so, in those words. */
  g_setenv ("BANSO_SYNC_PASSWORD", "wrong", TRUE);
  configure (f, locked_url, "office");
  {
    g_autoptr(BansoSyncSettings) saved = banso_sync_settings_load (f->store);
    banso_sync_manager_set_settings (f->manager, saved);
  }
  wait_for_run (f);
  g_assert_error (f->last_error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_AUTH);
  assert_summary_starts (f, "Failed: server refused the password (");

  /* The right one works, and the log keeps every run. */
  g_setenv ("BANSO_SYNC_PASSWORD", "s3cret", TRUE);
  banso_sync_manager_sync_now (f->manager);
  wait_for_run (f);
  g_assert_no_error (f->last_error);
  assert_summary_starts (f, "All changes sent ");
  {
    g_autoptr(GPtrArray) runs = banso_sync_log_list (f->store, 10, NULL);
    BansoSyncRun *newest, *oldest;

    g_assert_cmpuint (runs->len, ==, 3);
    newest = g_ptr_array_index (runs, 0);
    oldest = g_ptr_array_index (runs, 2);
    g_assert_cmpstr (newest->status, ==, "ok");
    g_assert_cmpint (newest->pushed, >, 0);
    g_assert_cmpstr (oldest->status, ==, "failed");
    g_assert_nonnull (strstr (oldest->message, "127.0.0.1:9"));
  }
  g_unsetenv ("BANSO_SYNC_PASSWORD");
  sync_helper_stop (locked);
}

/* Reference databases come down and never go back up. */
static void
note_database (BansoSyncManager *manager,
               GParamSpec       *pspec,
               GHashTable       *seen)
{
  if (banso_sync_manager_get_database (manager) != NULL)
    g_hash_table_add (seen, g_strdup (banso_sync_manager_get_database (manager)));
}

static void
test_references (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *url = sync_helper_url (server, NULL);
  g_autofree char *db_url = g_strdup_printf ("%s/reference-policies", url);
  g_autofree char *doc_url = g_strdup_printf ("%s/reference-policies/policy-1719", url);
  g_autofree char *office_url = g_strdup_printf ("%s/office-ref", url);
  BansoSyncSettings settings = { url, (char *)"office-ref", NULL, NULL, (char *)"reference-policies" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) databases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 office_docs;

  json_node_unref (sync_http_json ("PUT", db_url, NULL));
  json_node_unref (sync_http_json ("PUT", doc_url,
                                   "{\"type\":\"policy\",\"code\":\"1719/QĐ-TTg\","
                                   "\"name\":\"Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội"
                                   " vùng đồng bào dân tộc thiểu số và miền núi\"}"));

  g_assert_true (banso_sync_settings_save (f->store, &settings, &error));
  g_assert_no_error (error);
  start (f);
  g_signal_connect (f->manager, "notify::summary", G_CALLBACK (note_database), databases);
  wait_for_run (f);
  g_assert_no_error (f->last_error);
  /* The progress named each database as the run reached it. */
  g_assert_true (g_hash_table_contains (databases, "office-ref"));
  g_assert_true (g_hash_table_contains (databases, "reference-policies"));

  g_assert_cmpint (banso_test_store_query_int (f->store, "SELECT count(*) FROM documents"
                                                         " WHERE id = 'policy-1719' AND type = 'policy'"
                                                         " AND source = 'reference-policies'"), ==, 1);
  {
    g_autoptr(JsonNode) info = sync_http_json ("GET", office_url, NULL);
    office_docs = json_object_get_int_member (json_node_get_object (info), "doc_count");
  }
  g_assert_cmpint (office_docs, ==, banso_test_store_query_int (f->store, "SELECT count(*) FROM documents"
                                                                          " WHERE source IS NULL"));
  g_assert_cmpint (banso_sync_manager_get_pending (f->manager), ==, 0);

  /* The next run sends nothing of it either. */
  banso_sync_manager_sync_now (f->manager);
  wait_for_run (f);
  g_assert_no_error (f->last_error);
  {
    g_autoptr(JsonNode) info = sync_http_json ("GET", office_url, NULL);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (info), "doc_count"), ==, office_docs);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("BANSO_SYNC_INTERVAL", "3600", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  server = sync_helper_start_server (NULL);

  g_test_add ("/sync-manager/summary", Fixture, NULL, fixture_setup, test_summary, fixture_teardown);
  g_test_add ("/sync-manager/metered", Fixture, NULL, fixture_setup, test_metered, fixture_teardown);
  g_test_add ("/sync-manager/media-failure", Fixture, NULL, fixture_setup, test_media_failure, fixture_teardown);
  g_test_add ("/sync-manager/failures", Fixture, NULL, fixture_setup, test_failures, fixture_teardown);
  g_test_add ("/sync-manager/references", Fixture, NULL, fixture_setup, test_references, fixture_teardown);

  status = g_test_run ();
  sync_helper_stop (server);
  return status;
}
