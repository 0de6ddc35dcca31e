/* sync-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts the real server (pouchdb-server from the npm cache that
 * build-aux/install-node-deps fills), the fault proxy, the TLS front and the
 * PouchDB replica for the replication tests.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include "sync-test-util.h"
#include "banso-test-util.h"

static char *
npm_dir (void)
{
  const char *env = g_getenv ("BANSO_NPM_DIR");
  g_autofree char *dir = env ? g_strdup (env)
                             : g_build_filename (g_get_user_cache_dir (), "banso", "npm", NULL);
  g_autofree char *server = g_build_filename (dir, "node_modules", ".bin", "pouchdb-server", NULL);

  if (!g_file_test (server, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("pouchdb-server is not installed in %s: run build-aux/install-node-deps "
             "(build-aux/test does) or set BANSO_NPM_DIR", dir);
  return g_steal_pointer (&dir);
}

static const char *
srcdir (void)
{
  return g_getenv ("G_TEST_SRCDIR") ? g_getenv ("G_TEST_SRCDIR") : ".";
}

/* A test that aborts must not leave its server behind. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static SyncHelper *
start (const char * const *argv,
       const char        **envp_extra,
       char               *workdir)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  SyncHelper *helper = g_new0 (SyncHelper, 1);

  helper->workdir = workdir;
  for (guint i = 0; envp_extra && envp_extra[i]; i += 2)
    g_subprocess_launcher_setenv (launcher, envp_extra[i], envp_extra[i + 1], TRUE);
  g_subprocess_launcher_set_cwd (launcher, workdir);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  helper->process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (helper->process));
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);

      g_assert_no_error (error);
      if (line == NULL)
        g_error ("%s stopped before it was ready", argv[1]);
      if (g_str_has_prefix (line, "PORT="))
        helper->port = atoi (line + 5);
      else if (g_str_has_prefix (line, "CA="))
        helper->ca_file = g_strdup (line + 3);
      /* The TLS front prints its CA after the port. */
      if (helper->port != 0 && (strstr (argv[1], "tls") == NULL || helper->ca_file != NULL))
        break;
    }
  return helper;
}

SyncHelper *
sync_helper_start_server (const char *admin)
{
  g_autofree char *dir = npm_dir ();
  g_autofree char *script = g_build_filename (srcdir (), "start-server.sh", NULL);
  const char *argv[] = { "bash", script, dir, NULL, NULL };
  const char *env[] = { "BANSO_TEST_ADMIN", admin, NULL };
  char *workdir = banso_test_make_tmpdir ();

  argv[3] = workdir;
  return start (argv, admin ? env : NULL, workdir);
}

SyncHelper *
sync_helper_start_proxy (guint target_port)
{
  g_autofree char *script = g_build_filename (srcdir (), "fault-proxy.py", NULL);
  g_autofree char *target = g_strdup_printf ("127.0.0.1:%u", target_port);
  const char *argv[] = { "/usr/bin/python3", script, "--target", target, NULL };

  return start (argv, NULL, banso_test_make_tmpdir ());
}

SyncHelper *
sync_helper_start_tls (guint target_port)
{
  g_autofree char *script = g_build_filename (srcdir (), "start-tls.sh", NULL);
  g_autofree char *target = g_strdup_printf ("%u", target_port);
  char *workdir = banso_test_make_tmpdir ();
  const char *argv[] = { "bash", script, target, workdir, NULL };

  return start (argv, NULL, workdir);
}

void
sync_helper_stop (SyncHelper *helper)
{
  if (helper == NULL)
    return;
  g_subprocess_send_signal (helper->process, SIGTERM);
  g_subprocess_wait (helper->process, NULL, NULL);
  g_object_unref (helper->process);
  banso_test_rm_rf (helper->workdir);
  g_free (helper->workdir);
  g_free (helper->ca_file);
  g_free (helper);
}

char *
sync_helper_url (SyncHelper *helper,
                 const char *scheme)
{
  return g_strdup_printf ("%s://%s:%u", scheme ? scheme : "http",
                          scheme && g_str_equal (scheme, "https") ? "localhost" : "127.0.0.1",
                          helper->port);
}

JsonNode *
sync_http_json (const char *method,
                const char *url,
                const char *body)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  g_assert_nonnull (msg);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  reply = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  node = json_from_string (g_bytes_get_data (reply, NULL), &error);
  g_assert_no_error (error);
  return node;
}

void
sync_proxy_fault (SyncHelper *proxy,
                  const char *json)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/__proxy/fault", proxy->port);
  g_autoptr(JsonNode) reply = sync_http_json ("POST", url, json);

  g_assert_true (json_object_get_boolean_member (json_node_get_object (reply), "ok"));
}

JsonNode *
sync_proxy_stats (SyncHelper *proxy)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/__proxy/stats", proxy->port);
  return sync_http_json ("GET", url, NULL);
}

GPtrArray *
sync_replica_run (const char *script_json,
                  const char *db_dir)
{
  g_autofree char *dir = npm_dir ();
  g_autofree char *script = g_build_filename (srcdir (), "replica.js", NULL);
  g_autofree char *node_path = g_build_filename (dir, "node_modules", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *steps = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);

  g_subprocess_launcher_setenv (launcher, "NODE_PATH", node_path, TRUE);
  if (db_dir != NULL)
    process = g_subprocess_launcher_spawn (launcher, &error, "node", script, "--db", db_dir, "-", NULL);
  else
    process = g_subprocess_launcher_spawn (launcher, &error, "node", script, "-", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, script_json, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    g_error ("The PouchDB replica failed: %s\nscript: %s", err, script_json);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (lines[i][0] == '{')
      {
        JsonNode *node = json_from_string (lines[i], &error);
        g_assert_no_error (error);
        g_ptr_array_add (steps, node);
      }
  return steps;
}

gboolean
sync_run (BansoStore      *store,
          BansoUser       *user,
          const char      *url,
          const char      *database,
          guint            batch,
          const char      *ca_file,
          BansoSyncStats  *stats,
          GError         **error)
{
  g_autoptr(BansoSyncClient) client = banso_sync_client_new (url, NULL, NULL, ca_file, error);
  BansoReplication r = { 0 };
  BansoSyncStats local = { 0 };

  if (client == NULL)
    return FALSE;
  /* Short deadlines: a test of a reply that never ends must not wait 5 minutes. */
  banso_sync_client_set_deadline (client, 4, 20);
  r.store = store;
  r.user = user;
  r.client = client;
  r.database = database;
  r.direction = BANSO_SYNC_BOTH;
  r.batch_size = batch;
  r.create_target = TRUE;
  r.media = TRUE;
  return banso_replicate (&r, stats ? stats : &local, NULL, error);
}

/* Every document with its winning revision and deleted flag, sorted: two
 * stores that converged have the same fingerprint. */
char *
sync_store_fingerprint (BansoStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GString *out = g_string_new (NULL);
  sqlite3 *db = banso_store_acquire_reader (store, NULL);

  stmt = banso_sql_prepare (db, "SELECT id, rev, deleted FROM documents ORDER BY id", NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s %s %d\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_int (stmt, 2));
  g_clear_pointer (&stmt, sqlite3_finalize);
  banso_store_release_reader (store, db);
  return g_string_free (out, FALSE);
}
