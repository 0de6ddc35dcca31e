/* banso-cli-sync.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `banso-cli sync`: the same replication the window runs, for scripts and for
 * offices that sync from a scheduled task.
 */

#define G_LOG_DOMAIN "banso-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <stdlib.h>
#include <unistd.h>

#include "banso-cli.h"
#include "banso-replicator.h"
#include "banso-sync-log.h"
#include "banso-sync-schedule.h"
#include "banso-sync-secret.h"

#define DEFAULT_DATABASE "banso"

static gboolean is_tty;

static void
print_progress (BansoSyncDirection phase,
                guint64            done,
                guint64            total,
                gpointer           user_data)
{
  const char *what = phase == BANSO_SYNC_PUSH ? _("Sending")
                   : phase == BANSO_SYNC_MEDIA ? _("Media files (MB)") : _("Receiving");

  if (total > 0)
    g_printerr ("%s%s: %" G_GUINT64_FORMAT " / %" G_GUINT64_FORMAT "%s", is_tty ? "\r" : "", what,
                done, total, is_tty ? "   " : "\n");
  else
    g_printerr ("%s%s: %" G_GUINT64_FORMAT "%s", is_tty ? "\r" : "", what, done, is_tty ? "   " : "\n");
}

static gboolean
on_signal (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_CONTINUE;
}

typedef struct
{
  const BansoReplication *replication;
  GCancellable           *cancellable;
  BansoSyncStats          stats;
  GError                 *failure;
  gboolean                done;
} SyncJob;

static gpointer
sync_thread (gpointer data)
{
  SyncJob *job = data;

  banso_replicate (job->replication, &job->stats, job->cancellable, &job->failure);
  g_atomic_int_set (&job->done, TRUE);
  g_main_context_wakeup (NULL);
  return NULL;
}

static gboolean
set_flag (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Replicates in a thread, so that Ctrl+C reaches the main loop and stops the
 * run cleanly at the next request instead of killing it mid-transaction. */
static gboolean
sync_once (const BansoReplication  *replication,
           GCancellable            *cancellable,
           GError                 **error)
{
  SyncJob job = { replication, cancellable, { 0 }, NULL, FALSE };
  GThread *thread;
  gint64 run;

  run = banso_sync_log_start (replication->store,
                              banso_sync_client_get_server (replication->client),
                              replication->database, error);
  if (run < 0)
    return FALSE;

  thread = g_thread_new ("banso-sync", sync_thread, &job);
  while (!g_atomic_int_get (&job.done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);

  if (is_tty)
    g_printerr ("\n");
  banso_sync_log_finish (replication->store, run, &job.stats, job.failure, NULL);

  {
    g_autofree char *pushed = g_strdup_printf ("%" G_GUINT64_FORMAT, job.stats.pushed);
    g_autofree char *pulled = g_strdup_printf ("%" G_GUINT64_FORMAT, job.stats.pulled);
    g_autofree char *out = g_strdup_printf ("%" G_GUINT64_FORMAT, job.stats.bytes_sent);
    g_autofree char *in = g_strdup_printf ("%" G_GUINT64_FORMAT, job.stats.bytes_received);
    g_autofree char *refused = g_strdup_printf ("%" G_GUINT64_FORMAT, job.stats.push_failures);

    g_printerr (_("Sent %s, received %s changes (%s bytes out, %s bytes in).\n"),
                pushed, pulled, out, in);
    if (job.stats.push_failures > 0)
      g_printerr (_("The server refused %s changes.\n"), refused);
  }

  if (job.failure != NULL)
    {
      g_propagate_error (error, job.failure);
      return FALSE;
    }
  return TRUE;
}

int
cmd_sync (int    argc,
          char **argv)
{
  g_autoptr(BansoStore) store = NULL;
  g_autoptr(BansoUser) user = NULL;
  g_autoptr(BansoSyncClient) client = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *server = NULL;
  g_autofree char *database = NULL;
  g_autofree char *login = NULL;
  g_autofree char *ca_file = NULL;
  g_autofree char *password = NULL;
  gboolean once = FALSE, pull_only = FALSE, no_media = FALSE;
  int batch = 0, interval = BANSO_SYNC_INTERVAL_SECONDS, timeout = 0;
  GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, &server, NULL, "URL" },
    { "database", 0, 0, G_OPTION_ARG_STRING, &database, NULL, "NAME" },
    { "login", 0, 0, G_OPTION_ARG_STRING, &login, NULL, "NAME" },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &ca_file, NULL, "FILE" },
    { "once", 0, 0, G_OPTION_ARG_NONE, &once, NULL, NULL },
    { "pull-only", 0, 0, G_OPTION_ARG_NONE, &pull_only, NULL, NULL },
    { "no-media", 0, 0, G_OPTION_ARG_NONE, &no_media, NULL, NULL },
    { "batch", 0, 0, G_OPTION_ARG_INT, &batch, NULL, "N" },
    { "interval", 0, 0, G_OPTION_ARG_INT, &interval, NULL, "SECONDS" },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout, NULL, "SECONDS" },
    { NULL }
  };
  BansoReplication replication = { 0 };
  guint failures = 0;

  if (!parse_command_options (&argc, &argv, entries, "sync", &error) || argc != 1 ||
      server == NULL || batch < 0 || interval < 1 || timeout < 0)
    return usage (error ? error->message
                        : _("sync takes: --server URL [--database NAME] [--login NAME] [--ca-file FILE]"
                            " [--once] [--pull-only] [--no-media] [--batch N] [--interval SECONDS]"
                            " [--timeout SECONDS]"));

  is_tty = isatty (STDERR_FILENO);

  /* The password: from the environment for scripts, else from the keyring. */
  if (login != NULL)
    {
      password = g_strdup (g_getenv ("BANSO_SYNC_PASSWORD"));
      if (password == NULL)
        password = banso_sync_secret_lookup (server, login, NULL);
      if (password == NULL)
        {
          g_printerr (_("banso-cli: no password for %s at %s: set BANSO_SYNC_PASSWORD or save it in the Sync section.\n"),
                      login, server);
          return EXIT_FAILURE;
        }
    }

  if (!(client = banso_sync_client_new (server, login, password, ca_file, &error)))
    return fail (g_steal_pointer (&error));
  if (timeout > 0)
    banso_sync_client_set_deadline (client, timeout, timeout * 4);
  if (!(store = open_store (&error)) || !(user = acting_user (store, &error)))
    return fail (g_steal_pointer (&error));

  replication.store = store;
  replication.user = user;
  replication.client = client;
  replication.database = database ? database : DEFAULT_DATABASE;
  replication.direction = pull_only ? BANSO_SYNC_PULL : BANSO_SYNC_BOTH;
  replication.source = pull_only ? replication.database : NULL;
  replication.batch_size = batch;
  replication.create_target = !pull_only;
  replication.media = !no_media;
  replication.progress = print_progress;

  g_unix_signal_add (SIGINT, on_signal, cancellable);
  g_unix_signal_add (SIGTERM, on_signal, cancellable);

  for (;;)
    {
      guint delay;

      if (sync_once (&replication, cancellable, &error))
        failures = 0;
      else
        {
          g_printerr ("banso-cli: %s\n", error->message);
          if (once || g_error_matches (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_CANCELLED))
            return EXIT_FAILURE;
          failures++;
          g_clear_error (&error);
        }
      if (once)
        return EXIT_SUCCESS;

      delay = banso_sync_next_delay (failures, interval);
      g_printerr (_("Next sync in %u seconds.\n"), delay);
      {
        gboolean woke = FALSE;
        guint source = g_timeout_add_seconds (delay, set_flag, &woke);

        while (!woke && !g_cancellable_is_cancelled (cancellable))
          g_main_context_iteration (NULL, TRUE);
        if (!woke)
          g_source_remove (source);
      }
      if (g_cancellable_is_cancelled (cancellable))
        return EXIT_SUCCESS;
    }
}
