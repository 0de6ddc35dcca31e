/* banso-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-application.h"
#include "banso-context.h"
#include "banso-archive-demo.h"
#include "banso-demo.h"
#include "banso-drafts.h"
#include "banso-paths.h"
#include "banso-preferences-window.h"
#include "banso-records-tasks.h"
#include "banso-reference.h"
#include "banso-store-async.h"
#include "banso-user-store.h"
#include "banso-window.h"
#include "users/banso-session.h"

struct _BansoApplication
{
  AdwApplication  parent_instance;

  char           *data_dir;
  gboolean        demo;
  GSettings      *settings;
  BansoContext   *context;
  BansoWindow    *window;
  BansoSession   *session;
  GPtrArray      *drafts;
  gint64          mapped_at;
};

G_DEFINE_FINAL_TYPE (BansoApplication, banso_application, ADW_TYPE_APPLICATION)

/* Opening: in a worker thread, since a first start loads the reference data and
 * the demo generates its district. */

typedef struct
{
  char        *path;
  gboolean     demo;
  BansoWindow *window;
  BansoStore  *store;
  GPtrArray   *ethnic_groups;
  GPtrArray   *provinces;
  char        *home_province;
  gboolean     first_admin;
  BansoUser   *user;
  GPtrArray   *users;
  gboolean     is_demo;
  GPtrArray   *drafts;
  BansoSyncManager *sync_manager;
} OpenJob;

static void
open_job_free (OpenJob *job)
{
  g_free (job->path);
  g_clear_object (&job->window);
  g_clear_object (&job->store);
  g_clear_pointer (&job->ethnic_groups, g_ptr_array_unref);
  g_clear_pointer (&job->provinces, g_ptr_array_unref);
  g_clear_pointer (&job->drafts, g_ptr_array_unref);
  g_clear_pointer (&job->users, g_ptr_array_unref);
  g_clear_object (&job->user);
  g_clear_object (&job->sync_manager);
  g_free (job->home_province);
  g_free (job);
}

typedef struct
{
  BansoWindow *window;
  double       fraction;
} Progress;

static gboolean
show_progress (gpointer data)
{
  Progress *progress = data;

  banso_window_set_progress (progress->window, _("Preparing the demo district…"),
                             progress->fraction);
  return G_SOURCE_REMOVE;
}

static void
demo_progress (guint    done,
               guint    total,
               gpointer user_data)
{
  OpenJob *job = user_data;
  Progress *progress = g_new0 (Progress, 1);

  progress->window = job->window;
  progress->fraction = total ? (double)done / total : 1.0;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, show_progress, progress, g_free);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenJob *job = task_data;
  BansoRecordsPlaces places = { NULL };
  GError *error = NULL;

  if (!(job->store = banso_store_open (job->path, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  if (job->demo)
    {
      gboolean empty = !banso_store_has_documents (job->store, &error);

      if (error != NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      if (empty && !banso_demo_generate (job->store, BANSO_DEMO_DEFAULT_HOUSEHOLDS,
                                         BANSO_DEMO_DEFAULT_SEED, demo_progress, job, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      /* The archive's samples: a failure (GStreamer lacking an encoder) leaves the
       * records' demo as it is. */
      if (empty && !banso_archive_demo_generate (job->store, BANSO_DEMO_PROVINCE, NULL, &error))
        {
          g_warning ("The demo archive was not made: %s", error->message);
          g_clear_error (&error);
        }
    }

  banso_records_places_read (job->store, BANSO_DEMO_PROVINCE, &places, &error);
  job->ethnic_groups = g_steal_pointer (&places.ethnic_groups);
  job->provinces = g_steal_pointer (&places.provinces);
  job->home_province = g_steal_pointer (&places.home_province);

  if (job->provinces != NULL)
    job->drafts = banso_draft_list (job->store, &error);
  if (error == NULL)
    {
      /* Everything the window shows first is read here, off the main loop. */
      job->is_demo = banso_store_is_demo (job->store);
      job->users = banso_store_list_users (job->store, NULL);
      job->first_admin = banso_store_needs_first_admin (job->store, &error);
      /* Until someone logs in, nothing is written: the system account only
       * holds the place. */
      if (error == NULL)
        job->user = banso_store_dup_admin (job->store, &error);
    }
  /* Made here: it reads its settings from the database as it is made. */
  if (error == NULL)
    job->sync_manager = banso_sync_manager_new (job->store, job->user);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
reopen_drafts (BansoApplication *self,
               GPtrArray        *drafts)
{
  for (guint i = 0; drafts && i < drafts->len; i++)
    {
      BansoDraft *draft = g_ptr_array_index (drafts, i);
      GtkWindow *form = banso_section_reopen_draft (self->context, draft->kind, draft->key,
                                                    draft->body);

      if (form == NULL)
        continue;
      gtk_window_set_transient_for (form, GTK_WINDOW (self->window));
      gtk_window_present (form);
      {
        AdwToast *toast = adw_toast_new (_("A form you had not finished was reopened"));
        adw_toast_overlay_add_toast (g_object_get_data (G_OBJECT (self->window), "banso-toast-overlay"),
                                     toast);
      }
      /* One at a time: the others come back at the next start. */
      break;
    }
}

static void on_rows_ready (GListModel       *model,
                           guint             position,
                           guint             removed,
                           guint             added,
                           BansoApplication *self);

/* The benchmark of start-up times the first rows of the section shown. */
static void
trace_first_rows (BansoApplication *self)
{
  g_autoptr(GPtrArray) sections = banso_section_list ();

  for (guint i = 0; i < sections->len; i++)
    {
      const BansoSectionInfo *info = sections->pdata[i];
      BansoSection *section = banso_window_get_section (self->window, info->id);
      GListModel *model = section ? banso_section_get_model (section) : NULL;

      if (model != NULL)
        g_signal_connect (model, "items-changed", G_CALLBACK (on_rows_ready), self);
    }
}

/* What opening the database put right (its audit log's guards were
 * removed) is said to whoever logs in first, before anything else. */
static void
show_repairs (BansoApplication *self)
{
  GPtrArray *repairs = banso_store_get_repairs (banso_context_get_store (self->context));
  g_autoptr(GString) body = g_string_new (NULL);
  AdwMessageDialog *dialog;

  if (repairs == NULL || repairs->len == 0)
    return;
  for (guint i = 0; i < repairs->len; i++)
    g_string_append_printf (body, "%s%s", i ? "\n\n" : "", (char *)g_ptr_array_index (repairs, i));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self->window),
                                                       _("The Audit Log Was Tampered With"),
                                                       body->str));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The sync starts, and the forms left open come back, once someone is there
 * to work. */
static void
on_logged_in (BansoSession     *session,
              BansoUser        *user,
              gboolean          first,
              BansoApplication *self)
{
  BansoSyncManager *manager = banso_context_get_sync_manager (self->context);

  if (!first)
    return;
  /* The lists load once someone logged in: the start-up benchmark times
   * their first rows from here. */
  self->mapped_at = g_get_monotonic_time ();
  if (g_getenv ("BANSO_TRACE_STARTUP") != NULL)
    trace_first_rows (self);
  if (manager != NULL)
    banso_sync_manager_start (manager);
  reopen_drafts (self, self->drafts);
  g_clear_pointer (&self->drafts, g_ptr_array_unref);
  show_repairs (self);
}

static void
open_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(BansoApplication) self = user_data;
  OpenJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *message = g_strdup_printf ("%s\n\n%s", error->message, job->path);
      banso_window_show_error (self->window, message);
      return;
    }

  self->context = banso_context_new (job->store, self->settings, job->ethnic_groups,
                                     job->provinces);
  banso_context_set_home_province (self->context, job->home_province);
  banso_context_set_demo (self->context, job->is_demo);
  banso_context_set_users (self->context, job->users);
  banso_context_set_user (self->context, job->user);
  banso_context_set_sync_manager (self->context, job->sync_manager);

  /* The login page covers the window before its sections are shown, so that
   * nothing is read or shown before someone logs in. */
  self->drafts = job->drafts ? g_ptr_array_ref (job->drafts) : NULL;
  self->session = banso_session_new (self->window, self->context, job->first_admin);
  g_signal_connect_object (self->session, "logged-in", G_CALLBACK (on_logged_in), self, 0);
  banso_window_set_context (self->window, self->context);
}

static char *
resolve_data_dir (BansoApplication *self)
{
  g_autofree char *setting = NULL;

  if (self->data_dir != NULL)
    return g_strdup (self->data_dir);
  if (self->demo)
    return banso_demo_data_dir ();
  setting = g_settings_get_string (self->settings, "data-directory");
  if (setting != NULL && *setting != '\0')
    return g_steal_pointer (&setting);
  return banso_default_data_dir ();
}

/* For the startup benchmark: BANSO_TRACE_STARTUP=1 prints, in milliseconds,
 * how long after the window was mapped the first rows were painted. */
static void
on_first_paint (GdkFrameClock    *clock,
                BansoApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_paint, self);
  g_print ("first-rows-ms %.1f\n", (g_get_monotonic_time () - self->mapped_at) / 1000.0);
  if (g_getenv ("BANSO_EXIT_AFTER_FIRST_ROWS"))
    g_application_quit (G_APPLICATION (self));
}

static void
on_rows_ready (GListModel       *model,
               guint             position,
               guint             removed,
               guint             added,
               BansoApplication *self)
{
  GdkFrameClock *clock;

  if (added == 0)
    return;
  g_signal_handlers_disconnect_by_func (model, on_rows_ready, self);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_paint), self);
  gtk_widget_queue_draw (GTK_WIDGET (self->window));
}

static void
on_window_mapped (GtkWidget        *window,
                  BansoApplication *self)
{
  self->mapped_at = g_get_monotonic_time ();
}

static void
banso_application_activate (GApplication *app)
{
  BansoApplication *self = BANSO_APPLICATION (app);
  g_autoptr(GTask) task = NULL;
  g_autofree char *dir = NULL;
  OpenJob *job;

  if (self->window != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->window));
      return;
    }

  self->window = banso_window_new (GTK_APPLICATION (app), self->settings);
  g_object_add_weak_pointer (G_OBJECT (self->window), (gpointer *)&self->window);
  g_signal_connect (self->window, "map", G_CALLBACK (on_window_mapped), self);
  gtk_window_present (GTK_WINDOW (self->window));

  dir = resolve_data_dir (self);
  job = g_new0 (OpenJob, 1);
  job->path = banso_database_path (dir);
  job->demo = self->demo;
  job->window = g_object_ref (self->window);

  task = g_task_new (NULL, NULL, open_done, g_object_ref (self));
  g_task_set_source_tag (task, banso_application_activate);
  g_task_set_task_data (task, job, (GDestroyNotify)open_job_free);
  g_task_run_in_thread (task, open_thread);
}

static int
banso_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  BansoApplication *self = BANSO_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("banso %s\n", PACKAGE_VERSION);
      return 0;
    }
  g_variant_dict_lookup (options, "data-dir", "^ay", &self->data_dir);
  self->demo = g_variant_dict_contains (options, "demo");
  return -1;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  BansoApplication *self = user_data;
  const char *developers[] = { "Banso developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", self->window,
                        "application-name", _("Banso"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("Banso developers"),
                        "developers", developers,
                        "comments", _("Offline records for the offices of ethnic-minority affairs: households, prestigious persons, and lists to import and export."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/banso/banso",
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Reference data"),
                                      NULL, GTK_LICENSE_CUSTOM,
                                      _("Administrative units of 2025 and the boundaries of Sơn La province: vietnamese-provinces-database, MIT licence. Ethnic groups: Decision 121-TCTK/PPCĐ of 1979."));
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  BansoApplication *self = user_data;
  GtkWindow *window;

  if (self->context == NULL || self->session == NULL || banso_session_get_locked (self->session))
    return;
  window = banso_preferences_window_new (self->context);
  gtk_window_set_transient_for (window, GTK_WINDOW (self->window));
  gtk_window_present (window);
}

static void
lock_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  BansoApplication *self = user_data;

  if (self->session != NULL)
    banso_session_lock (self->session);
}

static void
log_out_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  BansoApplication *self = user_data;

  if (self->session != NULL)
    banso_session_log_out (self->session);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "lock", lock_action },
  { "log-out", log_out_action },
};

static void
banso_application_startup (GApplication *app)
{
  BansoApplication *self = BANSO_APPLICATION (app);
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *prefs_accels[] = { "<Control>comma", NULL };
  const char *lock_accels[] = { "<Control>l", NULL };

  G_APPLICATION_CLASS (banso_application_parent_class)->startup (app);

  banso_sections_init ();
  self->settings = g_settings_new (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.lock", lock_accels);
  gtk_window_set_default_icon_name (APP_ID);
}

/* Nothing may sync, or wait to, once the windows are gone. */
static void
banso_application_shutdown (GApplication *app)
{
  BansoApplication *self = BANSO_APPLICATION (app);

  g_clear_object (&self->session);
  if (self->context != NULL)
    banso_context_shutdown (self->context);

  G_APPLICATION_CLASS (banso_application_parent_class)->shutdown (app);
}

static void
banso_application_finalize (GObject *object)
{
  BansoApplication *self = (BansoApplication *)object;

  g_clear_object (&self->session);
  g_clear_pointer (&self->drafts, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_free (self->data_dir);

  G_OBJECT_CLASS (banso_application_parent_class)->finalize (object);
}

static void
banso_application_class_init (BansoApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = banso_application_finalize;
  app_class->activate = banso_application_activate;
  app_class->startup = banso_application_startup;
  app_class->shutdown = banso_application_shutdown;
  app_class->handle_local_options = banso_application_handle_local_options;
}

static void
banso_application_init (BansoApplication *self)
{
  const GOptionEntry entries[] = {
    { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME, NULL, N_("Open the office database in DIR"), N_("DIR") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open the demo district of Sơn La (created on first use)"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

BansoApplication *
banso_application_new (void)
{
  /* Each data directory is its own instance: --data-dir must never hand the
   * request to a window that shows another database. */
  return g_object_new (BANSO_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/banso/Banso",
                       NULL);
}
