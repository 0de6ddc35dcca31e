/* banso-sync-manager.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opportunistic sync: a run when the network appears, then every few minutes
 * while connected, sooner on demand, later (with jitter) after failures; all
 * of it off the main loop. The summary it offers the header bar only ever
 * says what is known: what waits, what moves, when it last worked, and why it
 * failed, in the user's words.
 */

#define G_LOG_DOMAIN "banso-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "banso-revtree.h"
#include "banso-sync-manager.h"
#include "banso-sync-schedule.h"
#include "banso-sync-secret.h"

#define FIRST_RUN_DELAY_MS   2000
#define RECOUNT_DELAY_MS     500

struct _BansoSyncManager
{
  GObject             parent_instance;

  BansoStore         *store;
  BansoUser          *user;
  BansoSyncSettings  *settings;
  GNetworkMonitor    *monitor;
  GCancellable       *cancellable;

  BansoSyncState      state;
  BansoSyncDirection  phase;
  char               *database;     /* the one the run is at */
  guint64             done;
  guint64             total;
  gint64              pending;
  guint               conflicts;
  gint64              media_held;   /* media files the last run left for an unmetered link */
  GDateTime          *last_success;
  GDateTime          *last_failure;
  char               *last_error;
  const char         *last_error_short;

  guint               failures;
  guint               interval;
  guint               timer_id;
  guint               recount_id;
  gboolean            running;
  guint               count_generation;
  gboolean            again;        /* sync_now() during a run */
  gboolean            started;
};

G_DEFINE_FINAL_TYPE (BansoSyncManager, banso_sync_manager, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_PENDING,
  PROP_CONFLICTS,
  PROP_SUMMARY,
  N_PROPS
};

enum {
  RUN_FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void schedule (BansoSyncManager *self, guint delay_ms);
static void recount (BansoSyncManager *self);

/* Settings {{{ */

void
banso_sync_settings_free (BansoSyncSettings *settings)
{
  if (settings == NULL)
    return;
  g_free (settings->server);
  g_free (settings->database);
  g_free (settings->login);
  g_free (settings->ca_file);
  g_free (settings->references);
  g_free (settings);
}

static char *
nonempty (char *s)
{
  if (s != NULL && *s == '\0')
    g_clear_pointer (&s, g_free);
  return s;
}

BansoSyncSettings *
banso_sync_settings_load (BansoStore *store)
{
  BansoSyncSettings *settings = g_new0 (BansoSyncSettings, 1);

  settings->server = nonempty (banso_store_get_meta (store, "sync_server"));
  settings->database = nonempty (banso_store_get_meta (store, "sync_database"));
  settings->login = nonempty (banso_store_get_meta (store, "sync_login"));
  settings->ca_file = nonempty (banso_store_get_meta (store, "sync_ca_file"));
  settings->references = nonempty (banso_store_get_meta (store, "sync_references"));
  {
    g_autofree char *metered = banso_store_get_meta (store, "sync_media_metered");
    settings->media_metered = g_strcmp0 (metered, "1") == 0;
  }
  return settings;
}

BansoSyncSettings *
banso_sync_settings_copy (const BansoSyncSettings *settings)
{
  BansoSyncSettings *copy = g_new0 (BansoSyncSettings, 1);

  copy->server = g_strdup (settings->server);
  copy->database = g_strdup (settings->database);
  copy->login = g_strdup (settings->login);
  copy->ca_file = g_strdup (settings->ca_file);
  copy->references = g_strdup (settings->references);
  copy->media_metered = settings->media_metered;
  return copy;
}

gboolean
banso_sync_settings_save (BansoStore              *store,
                          const BansoSyncSettings *settings,
                          GError                 **error)
{
  return banso_store_set_meta (store, "sync_server", settings->server ? settings->server : "", error) &&
         banso_store_set_meta (store, "sync_database", settings->database ? settings->database : "", error) &&
         banso_store_set_meta (store, "sync_login", settings->login ? settings->login : "", error) &&
         banso_store_set_meta (store, "sync_ca_file", settings->ca_file ? settings->ca_file : "", error) &&
         banso_store_set_meta (store, "sync_references", settings->references ? settings->references : "", error) &&
         banso_store_set_meta (store, "sync_media_metered", settings->media_metered ? "1" : "0", error);
}

/* }}} */

static void
notify_summary (BansoSyncManager *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

static void
set_state (BansoSyncManager *self,
           BansoSyncState    state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  notify_summary (self);
}

static gboolean
server_is_local (BansoSyncManager *self)
{
  g_autoptr(GUri) uri = NULL;

  return self->settings->server != NULL &&
         (uri = g_uri_parse (self->settings->server, G_URI_FLAGS_NONE, NULL)) != NULL &&
         banso_sync_host_is_loopback (g_uri_get_host (uri));
}

static gboolean
network_available (BansoSyncManager *self)
{
  return server_is_local (self) || g_network_monitor_get_network_available (self->monitor);
}

/* BANSO_SYNC_METERED=1 makes every link count as metered (for tests). */
static gboolean
link_is_metered (BansoSyncManager *self)
{
  if (g_strcmp0 (g_getenv ("BANSO_SYNC_METERED"), "1") == 0)
    return TRUE;
  return !server_is_local (self) && g_network_monitor_get_network_metered (self->monitor);
}

static void
set_counts (BansoSyncManager *self,
            gint64            pending,
            guint             conflicts)
{
  if (self->pending != pending)
    {
      self->pending = pending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
      notify_summary (self);
    }
  if (self->conflicts != conflicts)
    {
      self->conflicts = conflicts;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFLICTS]);
    }
}

/* The run, in a worker thread {{{ */

typedef struct
{
  BansoSyncSettings *settings;
  BansoUser         *user;
  BansoSyncManager  *self;     /* only for progress, through the main context */
  GMainContext      *context;
  BansoSyncStats     stats;
  gint64             pending;     /* counted at the end of the run, so that */
  guint              conflicts;   /* the summary never shows stale counts */
  gboolean           media;       /* whether this run moves media files */
  gint64             media_waiting;
  const char        *database;    /* the one being replicated, for progress */
} RunData;

static void
run_data_free (RunData *data)
{
  banso_sync_settings_free (data->settings);
  g_clear_object (&data->user);
  g_main_context_unref (data->context);
  g_free (data);
}

typedef struct
{
  BansoSyncManager   *self;
  BansoSyncDirection  phase;
  char               *database;
  guint64             done;
  guint64             total;
} Progress;

static gboolean
apply_progress (gpointer data)
{
  Progress *p = data;

  p->self->phase = p->phase;
  g_free (p->self->database);
  p->self->database = g_steal_pointer (&p->database);
  p->self->done = p->done;
  p->self->total = p->total;
  notify_summary (p->self);
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer data)
{
  Progress *p = data;
  g_object_unref (p->self);
  g_free (p->database);
  g_free (p);
}

static void
on_progress (BansoSyncDirection phase,
             guint64            done,
             guint64            total,
             gpointer           user_data)
{
  RunData *data = user_data;
  Progress *p = g_new0 (Progress, 1);

  p->self = g_object_ref (data->self);
  p->phase = phase;
  p->database = g_strdup (data->database);
  p->done = done;
  p->total = total;
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, apply_progress, p, progress_free);
}

static void
count_now (BansoStore              *store,
           const BansoSyncSettings *settings,
           gint64                  *pending,
           guint                   *n_conflicts)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  sqlite3 *db;

  *pending = banso_sync_count_pending (store, settings->server ? settings->server : "",
                                       settings->database ? settings->database : "banso", NULL);
  if ((db = banso_store_acquire_reader (store, NULL)) != NULL)
    {
      conflicts = banso_conflicts_list (db, NULL);
      banso_store_release_reader (store, db);
    }
  *n_conflicts = conflicts ? conflicts->len : 0;
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  BansoSyncManager *self = source_object;
  RunData *data = task_data;
  g_autoptr(BansoSyncClient) client = NULL;
  g_autofree char *password = NULL;
  GError *error = NULL;
  BansoReplication replication = { 0 };
  gint64 run;

  if (data->settings->login != NULL)
    {
      password = g_strdup (g_getenv ("BANSO_SYNC_PASSWORD"));
      if (password == NULL)
        password = banso_sync_secret_lookup (data->settings->server, data->settings->login, &error);
      if (password == NULL && error == NULL)
        g_set_error (&error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_NO_PASSWORD,
                     _("No password is saved for %s; enter it in the Sync section."),
                     data->settings->login);
    }
  if (error == NULL)
    client = banso_sync_client_new (data->settings->server, data->settings->login, password,
                                    data->settings->ca_file, &error);
  if (error != NULL)
    {
      BansoSyncStats none = { 0 };
      run = banso_sync_log_start (self->store, data->settings->server,
                                  data->settings->database ? data->settings->database : "", NULL);
      if (run >= 0)
        banso_sync_log_finish (self->store, run, &none, error, NULL);
      count_now (self->store, data->settings, &data->pending, &data->conflicts);
      g_task_return_error (task, error);
      return;
    }

  replication.store = self->store;
  replication.user = data->user;
  replication.client = client;
  replication.database = data->settings->database ? data->settings->database : "banso";
  replication.direction = BANSO_SYNC_BOTH;
  replication.create_target = TRUE;
  replication.media = data->media;
  replication.progress = on_progress;
  replication.progress_data = data;

  run = banso_sync_log_start (self->store, banso_sync_client_get_server (client),
                              replication.database, NULL);
  data->database = replication.database;
  banso_replicate (&replication, &data->stats, cancellable, &error);

  /* Then what the data center sends every office: administrative units,
   * policies, dictionaries. Pulled only, and never sent back. */
  if (error == NULL && data->settings->references != NULL)
    {
      g_auto(GStrv) names = g_strsplit_set (data->settings->references, " ,;\n", -1);

      for (guint i = 0; names[i] != NULL && error == NULL; i++)
        {
          BansoReplication reference = replication;

          if (*names[i] == '\0')
            continue;
          reference.database = names[i];
          reference.direction = BANSO_SYNC_PULL;
          reference.source = names[i];
          reference.create_target = FALSE;
          data->database = reference.database;
          banso_replicate (&reference, &data->stats, cancellable, &error);
          data->database = NULL;
        }
    }
  if (run >= 0)
    banso_sync_log_finish (self->store, run, &data->stats, error, NULL);
  count_now (self->store, data->settings, &data->pending, &data->conflicts);
  data->media_waiting = banso_sync_count_media_waiting (self->store, NULL);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static const char *
short_reason (const GError *error)
{
  if (error->domain == G_FILE_ERROR)
    return _("a media file could not be read or written");
  if (error->domain == BANSO_STORE_ERROR)
    return _("the records here could not be written");
  if (error->domain != BANSO_SYNC_ERROR)
    return _("an unexpected error, see the Sync section");
  switch ((BansoSyncError)error->code)
    {
    case BANSO_SYNC_ERROR_AUTH: return _("server refused the password");
    case BANSO_SYNC_ERROR_TLS: return _("server certificate not trusted");
    case BANSO_SYNC_ERROR_NETWORK: return _("server not reachable");
    case BANSO_SYNC_ERROR_TIMEOUT: return _("server did not answer in time");
    case BANSO_SYNC_ERROR_BAD_REPLY: return _("server sent a damaged reply");
    case BANSO_SYNC_ERROR_INSECURE: return _("the address must start with https://");
    case BANSO_SYNC_ERROR_SETTINGS: return _("check the sync settings");
    case BANSO_SYNC_ERROR_NOT_FOUND: return _("database not found on the server");
    case BANSO_SYNC_ERROR_CANCELLED: return _("stopped");
    case BANSO_SYNC_ERROR_NO_PASSWORD: return _("no password saved");
    case BANSO_SYNC_ERROR_KEYRING: return _("the keyring could not be used");
    case BANSO_SYNC_ERROR_TOO_LARGE:
    case BANSO_SYNC_ERROR_SERVER:
    default:
      return _("server error");
    }
}

static void
run_done (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  BansoSyncManager *self = BANSO_SYNC_MANAGER (object);
  RunData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->running = FALSE;
  self->done = self->total = 0;
  g_clear_pointer (&self->database, g_free);
  self->count_generation++;
  self->media_held = data->media ? 0 : MAX (data->media_waiting, 0);
  set_counts (self, data->pending, data->conflicts);

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      self->failures = 0;
      g_clear_pointer (&self->last_success, g_date_time_unref);
      self->last_success = g_date_time_new_now_local ();
      g_clear_pointer (&self->last_error, g_free);
      set_state (self, BANSO_SYNC_STATE_IDLE);
    }
  else if (g_error_matches (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_CANCELLED))
    {
      return;
    }
  else
    {
      self->failures++;
      g_clear_pointer (&self->last_failure, g_date_time_unref);
      self->last_failure = g_date_time_new_now_local ();
      g_free (self->last_error);
      self->last_error = g_strdup (error->message);
      self->last_error_short = short_reason (error);
      set_state (self, network_available (self) ? BANSO_SYNC_STATE_FAILED : BANSO_SYNC_STATE_OFFLINE);
    }

  notify_summary (self);
  g_signal_emit (self, signals[RUN_FINISHED], 0, error);

  if (self->again)
    {
      self->again = FALSE;
      schedule (self, 0);
    }
  else
    schedule (self, banso_sync_next_delay (self->failures, self->interval) * 1000);
}

static void
run (BansoSyncManager *self)
{
  g_autoptr(GTask) task = NULL;
  RunData *data;

  if (self->running || self->settings->server == NULL)
    return;
  if (!network_available (self))
    {
      set_state (self, BANSO_SYNC_STATE_OFFLINE);
      return;
    }

  data = g_new0 (RunData, 1);
  data->settings = banso_sync_settings_copy (self->settings);
  data->user = g_object_ref (self->user);
  data->self = self;
  data->context = g_main_context_ref_thread_default ();
  data->media = !link_is_metered (self) || self->settings->media_metered;

  self->running = TRUE;
  self->done = self->total = 0;
  set_state (self, BANSO_SYNC_STATE_SYNCING);
  notify_summary (self);

  task = g_task_new (self, self->cancellable, run_done, NULL);
  g_task_set_source_tag (task, run);
  g_task_set_task_data (task, data, (GDestroyNotify)run_data_free);
  g_task_run_in_thread (task, run_thread);
}

/* }}} */

static gboolean
on_timer (gpointer user_data)
{
  BansoSyncManager *self = user_data;

  self->timer_id = 0;
  run (self);
  return G_SOURCE_REMOVE;
}

static void
schedule (BansoSyncManager *self,
          guint             delay_ms)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->settings->server == NULL || !self->started)
    return;
  self->timer_id = g_timeout_add (delay_ms, on_timer, self);
}

static void
on_network_changed (GNetworkMonitor  *monitor,
                    gboolean          available,
                    BansoSyncManager *self)
{
  if (self->running || self->settings->server == NULL)
    return;
  if (network_available (self))
    {
      /* A link appeared: use it while it lasts. */
      if (self->state == BANSO_SYNC_STATE_OFFLINE)
        schedule (self, FIRST_RUN_DELAY_MS);
    }
  else
    set_state (self, BANSO_SYNC_STATE_OFFLINE);
}

/* Counting what waits, in a worker {{{ */

typedef struct
{
  gint64 pending;
  guint  conflicts;
} Counts;

static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BansoSyncManager *self = source_object;
  Counts *counts = g_new0 (Counts, 1);

  count_now (self->store, task_data, &counts->pending, &counts->conflicts);
  g_task_return_pointer (task, counts, g_free);
}

static void
count_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  BansoSyncManager *self = BANSO_SYNC_MANAGER (object);
  g_autofree Counts *counts = g_task_propagate_pointer (G_TASK (result), NULL);

  /* A run that ended meanwhile counted later than this. */
  if (counts == NULL || self->running ||
      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (result), "generation")) != self->count_generation)
    return;
  set_counts (self, counts->pending, counts->conflicts);
}

static void
recount (BansoSyncManager *self)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, count_done, NULL);
  BansoSyncSettings *copy = banso_sync_settings_copy (self->settings);

  g_task_set_task_data (task, copy, (GDestroyNotify)banso_sync_settings_free);
  g_object_set_data (G_OBJECT (task), "generation", GUINT_TO_POINTER (self->count_generation));
  g_task_run_in_thread (task, count_thread);
}

static gboolean
on_recount_timeout (gpointer user_data)
{
  BansoSyncManager *self = user_data;

  self->recount_id = 0;
  recount (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (BansoStore       *store,
                  const char       *type,
                  BansoSyncManager *self)
{
  if (self->recount_id == 0)
    self->recount_id = g_timeout_add (RECOUNT_DELAY_MS, on_recount_timeout, self);
}

/* }}} */

static void
banso_sync_manager_dispose (GObject *object)
{
  BansoSyncManager *self = (BansoSyncManager *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->recount_id, g_source_remove);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->monitor);

  G_OBJECT_CLASS (banso_sync_manager_parent_class)->dispose (object);
}

static void
banso_sync_manager_finalize (GObject *object)
{
  BansoSyncManager *self = (BansoSyncManager *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->user);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->settings, banso_sync_settings_free);
  g_clear_pointer (&self->last_success, g_date_time_unref);
  g_clear_pointer (&self->last_failure, g_date_time_unref);
  g_clear_pointer (&self->last_error, g_free);
  g_clear_pointer (&self->database, g_free);

  G_OBJECT_CLASS (banso_sync_manager_parent_class)->finalize (object);
}

static void
banso_sync_manager_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BansoSyncManager *self = BANSO_SYNC_MANAGER (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_PENDING:
      g_value_set_int64 (value, self->pending);
      break;
    case PROP_CONFLICTS:
      g_value_set_uint (value, self->conflicts);
      break;
    case PROP_SUMMARY:
      g_value_take_string (value, banso_sync_manager_dup_summary (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
banso_sync_manager_class_init (BansoSyncManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = banso_sync_manager_dispose;
  object_class->finalize = banso_sync_manager_finalize;
  object_class->get_property = banso_sync_manager_get_property;

  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, 0, BANSO_SYNC_STATE_FAILED, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PENDING] =
    g_param_spec_int64 ("pending", NULL, NULL, -1, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONFLICTS] =
    g_param_spec_uint ("conflicts", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BansoSyncManager::run-finished:
   * @error: (nullable): why the run failed
   */
  signals[RUN_FINISHED] =
    g_signal_new ("run-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
banso_sync_manager_init (BansoSyncManager *self)
{
  const char *interval = g_getenv ("BANSO_SYNC_INTERVAL");

  self->cancellable = g_cancellable_new ();
  self->interval = interval ? MAX (1, atoi (interval)) : BANSO_SYNC_INTERVAL_SECONDS;
}

/**
 * banso_sync_manager_new:
 *
 * Reads the sync settings from @store: call it where the store is opened, off
 * the main loop.
 */
BansoSyncManager *
banso_sync_manager_new (BansoStore *store,
                        BansoUser  *user)
{
  BansoSyncManager *self = g_object_new (BANSO_TYPE_SYNC_MANAGER, NULL);

  self->store = g_object_ref (store);
  self->user = g_object_ref (user);
  self->settings = banso_sync_settings_load (store);
  self->state = self->settings->server ? BANSO_SYNC_STATE_IDLE : BANSO_SYNC_STATE_NOT_CONFIGURED;
  g_signal_connect (store, "changed", G_CALLBACK (on_store_changed), self);
  return self;
}

/**
 * banso_sync_manager_start:
 *
 * Begins watching the network and syncing on the schedule.
 */
void
banso_sync_manager_start (BansoSyncManager *self)
{
  g_return_if_fail (BANSO_IS_SYNC_MANAGER (self));

  if (self->started)
    return;
  self->started = TRUE;
  self->monitor = g_object_ref (g_network_monitor_get_default ());
  g_signal_connect (self->monitor, "network-changed", G_CALLBACK (on_network_changed), self);
  recount (self);
  if (self->settings->server != NULL)
    {
      if (network_available (self))
        schedule (self, FIRST_RUN_DELAY_MS);
      else
        set_state (self, BANSO_SYNC_STATE_OFFLINE);
    }
}

void
banso_sync_manager_sync_now (BansoSyncManager *self)
{
  g_return_if_fail (BANSO_IS_SYNC_MANAGER (self));

  if (self->running)
    {
      self->again = TRUE;
      return;
    }
  g_clear_handle_id (&self->timer_id, g_source_remove);
  run (self);
}

/**
 * banso_sync_manager_set_settings:
 * @settings: what was just saved with banso_sync_settings_save()
 *
 * Syncs with new settings, soon. Takes them from the caller, who saved them
 * in a worker, rather than reading the database on the main loop.
 */
void
banso_sync_manager_set_settings (BansoSyncManager        *self,
                                 const BansoSyncSettings *settings)
{
  g_return_if_fail (BANSO_IS_SYNC_MANAGER (self));
  g_return_if_fail (settings != NULL);

  g_clear_pointer (&self->settings, banso_sync_settings_free);
  self->settings = banso_sync_settings_copy (settings);
  self->failures = 0;
  if (self->settings->server == NULL)
    {
      g_clear_handle_id (&self->timer_id, g_source_remove);
      set_state (self, BANSO_SYNC_STATE_NOT_CONFIGURED);
      return;
    }
  if (self->state == BANSO_SYNC_STATE_NOT_CONFIGURED)
    set_state (self, BANSO_SYNC_STATE_IDLE);
  recount (self);
  if (self->running)
    self->again = TRUE;
  else
    schedule (self, 0);
}

void
banso_sync_manager_set_user (BansoSyncManager *self,
                             BansoUser        *user)
{
  g_set_object (&self->user, user);
}

BansoStore *
banso_sync_manager_get_store (BansoSyncManager *self)
{
  return self->store;
}

BansoSyncState
banso_sync_manager_get_state (BansoSyncManager *self)
{
  return self->state;
}

gint64
banso_sync_manager_get_pending (BansoSyncManager *self)
{
  return self->pending;
}

guint
banso_sync_manager_get_conflicts (BansoSyncManager *self)
{
  return self->conflicts;
}

guint64
banso_sync_manager_get_done (BansoSyncManager *self)
{
  return self->done;
}

guint64
banso_sync_manager_get_total (BansoSyncManager *self)
{
  return self->total;
}

BansoSyncDirection
banso_sync_manager_get_phase (BansoSyncManager *self)
{
  return self->phase;
}

/**
 * banso_sync_manager_get_database:
 *
 * Returns: (nullable): the server database the running sync is at
 */
const char *
banso_sync_manager_get_database (BansoSyncManager *self)
{
  return self->database;
}

/**
 * banso_sync_manager_get_media_held:
 *
 * Returns: how many media files the last run left for a connection that is
 *   not metered
 */
gint64
banso_sync_manager_get_media_held (BansoSyncManager *self)
{
  return self->media_held;
}


GDateTime *
banso_sync_manager_get_last_success (BansoSyncManager *self)
{
  return self->last_success;
}

GDateTime *
banso_sync_manager_get_last_failure (BansoSyncManager *self)
{
  return self->last_failure;
}

const char *
banso_sync_manager_get_last_error (BansoSyncManager *self)
{
  return self->last_error;
}

static char *
format_time (GDateTime *when)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (g_date_time_get_year (now) == g_date_time_get_year (when) &&
      g_date_time_get_day_of_year (now) == g_date_time_get_day_of_year (when))
    return g_date_time_format (when, "%H:%M");
  return g_date_time_format (when, "%d/%m %H:%M");
}

static char *
format_count (guint64 n)
{
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, n);
}

/**
 * banso_sync_manager_dup_media_note:
 *
 * Returns: (nullable): why media files wait and what to do about it, when
 *   they do
 */
char *
banso_sync_manager_dup_media_note (BansoSyncManager *self)
{
  g_autofree char *held = NULL;

  if (self->media_held <= 0)
    return NULL;
  held = format_count (self->media_held);
  return g_strdup_printf (ngettext ("%s media file waits for a connection that is not metered; switch on Media Files on Metered Connections in Sync to send it now.",
                                    "%s media files wait for a connection that is not metered; switch on Media Files on Metered Connections in Sync to send them now.",
                                    self->media_held),
                          held);
}

/**
 * banso_sync_manager_dup_summary:
 *
 * Returns: one line for the header bar, e.g. "All changes sent 14:02",
 *   "37 changes waiting — no connection", "Syncing 1,200 of 5,000",
 *   "Failed: server refused the password (14:05)"
 */
char *
banso_sync_manager_dup_summary (BansoSyncManager *self)
{
  g_autofree char *pending = format_count (MAX (self->pending, 0));

  switch (self->state)
    {
    case BANSO_SYNC_STATE_NOT_CONFIGURED:
      return g_strdup (_("Sync not set up"));

    case BANSO_SYNC_STATE_SYNCING:
      if (self->total > 0)
        {
          g_autofree char *done = format_count (self->done);
          g_autofree char *total = format_count (self->total);
          if (self->phase == BANSO_SYNC_MEDIA)
            return g_strdup_printf (_("Media files: %s of %s MB"), done, total);
          return g_strdup_printf (self->phase == BANSO_SYNC_PULL ? _("Receiving %s of %s")
                                                                 : _("Sending %s of %s"),
                                  done, total);
        }
      return g_strdup (_("Syncing…"));

    case BANSO_SYNC_STATE_OFFLINE:
      if (self->pending > 0)
        return g_strdup_printf (ngettext ("%s change waiting — no connection",
                                  "%s changes waiting — no connection", self->pending),
                                pending);
      return g_strdup (_("No connection — nothing waiting"));

    case BANSO_SYNC_STATE_FAILED:
      {
        g_autofree char *when = format_time (self->last_failure);
        return g_strdup_printf (_("Failed: %s (%s)"), self->last_error_short, when);
      }

    case BANSO_SYNC_STATE_IDLE:
    default:
      if (self->pending > 0)
        return g_strdup_printf (ngettext ("%s change waiting",
                                  "%s changes waiting", self->pending),
                                pending);
      if (self->last_success != NULL && self->media_held > 0)
        {
          g_autofree char *when = format_time (self->last_success);
          g_autofree char *held = format_count (self->media_held);
          /* Translators: short, for the header bar; the first %s is a time,
           * the second a number of files. */
          return g_strdup_printf (ngettext ("All sent %s — %s media file waiting",
                                            "All sent %s — %s media files waiting",
                                            self->media_held),
                                  when, held);
        }
      if (self->last_success != NULL)
        {
          g_autofree char *when = format_time (self->last_success);
          return g_strdup_printf (_("All changes sent %s"), when);
        }
      return g_strdup (_("Not synced yet"));
    }
}
