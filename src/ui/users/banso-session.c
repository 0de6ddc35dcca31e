/* banso-session.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-form.h"
#include "banso-login-page.h"
#include "banso-session.h"
#include "banso-store-async.h"
#include "banso-user-store.h"

/* Who is working in a window: the login at start, the lock after idle time
 * (the setting lock-after-minutes; idle is the time since the last key,
 * click or pointer motion in any of the app's windows), the Lock and Log Out
 * actions. While locked, the login page covers the window and the forms
 * that were open are hidden, not closed: after the login they come back as
 * they were. Every login makes its user the acting user of the context, so
 * each write from then on is theirs. */

#define IDLE_CHECK_SECONDS 10

struct _BansoSession
{
  GObject         parent_instance;

  BansoWindow    *window;       /* weak */
  BansoContext   *context;
  GSettings      *settings;
  BansoLoginPage *login_page;
  GPtrArray      *hidden;       /* of GtkWindow, hidden while locked */
  gboolean        locked;
  gboolean        started;
  gint64          last_input;
  guint           idle_source;
  gulong          window_added_id;
  GtkApplication *application;
};

G_DEFINE_FINAL_TYPE (BansoSession, banso_session, G_TYPE_OBJECT)

enum {
  LOGGED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
log_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  BansoUser *user = g_object_get_data (G_OBJECT (task), "user");
  GError *error = NULL;

  if (!banso_store_log_user_event (BANSO_STORE (source_object), user, task_data, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
log_done (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Could not write to the log of accounts: %s", error->message);
}

static void
log_event (BansoSession *self,
           const char   *action)
{
  BansoUser *user = banso_context_get_user (self->context);
  g_autoptr(GTask) task = NULL;

  if (user == NULL || banso_user_is_system (user))
    return;
  task = g_task_new (banso_context_get_store (self->context), NULL, log_done, NULL);
  g_object_set_data_full (G_OBJECT (task), "user", g_object_ref (user), g_object_unref);
  g_task_set_task_data (task, (gpointer)action, NULL);
  g_task_run_in_thread (task, log_thread);
}

/* Hiding and showing {{{ */

static void
hide_other_windows (BansoSession *self)
{
  GList *windows = gtk_application_get_windows (self->application);

  for (GList *l = windows; l != NULL; l = l->next)
    {
      GtkWindow *window = l->data;

      if (GTK_WIDGET (window) == GTK_WIDGET (self->window) ||
          !gtk_widget_get_visible (GTK_WIDGET (window)))
        continue;
      g_ptr_array_add (self->hidden, g_object_ref (window));
    }
  for (guint i = 0; i < self->hidden->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->hidden, i), FALSE);
}

/* The forms come back as they were, whoever logs in: what they save is
 * checked against the new user's role and communes. Other windows (the
 * Preferences, with an administrator's Users page) come back only to the
 * user who left them. */
static void
show_hidden_windows (BansoSession *self,
                     gboolean     same_user)
{
  g_autoptr(GPtrArray) hidden = g_steal_pointer (&self->hidden);

  self->hidden = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < hidden->len; i++)
    {
      GtkWindow *window = g_ptr_array_index (hidden, i);

      if (same_user || BANSO_IS_FORM (window))
        gtk_window_present (window);
      else
        gtk_window_destroy (window);
    }
}

static void
show_login (BansoSession *self,
            gboolean      logged_out)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-login");

  self->locked = TRUE;
  hide_other_windows (self);
  banso_window_set_locked (self->window, GTK_WIDGET (self->login_page));
  banso_login_page_reset (self->login_page, logged_out ? NULL : last,
                          self->started && !logged_out);
}

/* }}} */

/* Idle time {{{ */

static gboolean
on_input (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          BansoSession             *self)
{
  switch (gdk_event_get_event_type (event))
    {
    case GDK_MOTION_NOTIFY:
    case GDK_BUTTON_PRESS:
    case GDK_KEY_PRESS:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
      self->last_input = g_get_monotonic_time ();
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
watch_window (BansoSession *self,
              GtkWindow    *window)
{
  GtkEventController *controller = gtk_event_controller_legacy_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (on_input), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
}

static void
on_window_added (GtkApplication *application,
                 GtkWindow      *window,
                 BansoSession   *self)
{
  watch_window (self, window);
}

static gboolean
check_idle (gpointer data)
{
  BansoSession *self = data;
  int minutes = g_settings_get_int (self->settings, "lock-after-minutes");

  if (!self->locked && minutes > 0 &&
      g_get_monotonic_time () - self->last_input >= (gint64)minutes * 60 * G_USEC_PER_SEC)
    banso_session_lock (self);
  return G_SOURCE_CONTINUE;
}

/* }}} */

static void
on_logged_in (BansoLoginPage *page,
              BansoUser      *user,
              BansoSession   *self)
{
  gboolean first = !self->started;
  BansoUser *before = banso_context_get_user (self->context);
  gboolean same_user = before != NULL &&
                       g_strcmp0 (banso_user_get_id (before), banso_user_get_id (user)) == 0;

  g_settings_set_string (self->settings, "last-login", banso_user_get_id (user));
  banso_context_set_user (self->context, user);
  self->locked = FALSE;
  self->started = TRUE;
  self->last_input = g_get_monotonic_time ();
  banso_window_set_locked (self->window, NULL);
  show_hidden_windows (self, same_user);
  g_signal_emit (self, signals[LOGGED_IN], 0, user, first);
}

static void
banso_session_dispose (GObject *object)
{
  BansoSession *self = (BansoSession *)object;

  g_clear_handle_id (&self->idle_source, g_source_remove);
  g_clear_signal_handler (&self->window_added_id, self->application);
  g_clear_object (&self->application);
  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->login_page);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->hidden, g_ptr_array_unref);

  G_OBJECT_CLASS (banso_session_parent_class)->dispose (object);
}

static void
banso_session_class_init (BansoSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = banso_session_dispose;

  /**
   * BansoSession::logged-in:
   * @user: who logged in
   * @first: whether this is the first login since the window opened
   */
  signals[LOGGED_IN] =
    g_signal_new ("logged-in",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, BANSO_TYPE_USER, G_TYPE_BOOLEAN);
}

static void
banso_session_init (BansoSession *self)
{
  self->hidden = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * banso_session_new:
 * @first_admin: whether nobody can log in yet: the first login makes the
 *   first administrator
 *
 * Covers @window with the login page until someone logs in.
 */
BansoSession *
banso_session_new (BansoWindow  *window,
                   BansoContext *context,
                   gboolean      first_admin)
{
  BansoSession *self;
  GList *windows;

  g_return_val_if_fail (BANSO_IS_WINDOW (window), NULL);
  g_return_val_if_fail (BANSO_IS_CONTEXT (context), NULL);

  self = g_object_new (BANSO_TYPE_SESSION, NULL);
  g_set_weak_pointer (&self->window, window);
  self->context = g_object_ref (context);
  self->settings = g_object_ref (banso_context_get_settings (context));
  self->application = g_object_ref (gtk_window_get_application (GTK_WINDOW (window)));
  self->login_page = g_object_ref_sink (BANSO_LOGIN_PAGE (
    banso_login_page_new (banso_context_get_store (context), first_admin,
                          banso_context_get_demo (context))));
  g_signal_connect_object (self->login_page, "logged-in", G_CALLBACK (on_logged_in), self, 0);

  windows = gtk_application_get_windows (self->application);
  for (GList *l = windows; l != NULL; l = l->next)
    watch_window (self, l->data);
  self->window_added_id = g_signal_connect (self->application, "window-added",
                                            G_CALLBACK (on_window_added), self);
  self->last_input = g_get_monotonic_time ();
  self->idle_source = g_timeout_add_seconds (IDLE_CHECK_SECONDS, check_idle, self);

  show_login (self, FALSE);
  return self;
}

/**
 * banso_session_lock:
 *
 * Covers the window with the login page, the last user's name filled in.
 * Nothing that was open is lost.
 */
void
banso_session_lock (BansoSession *self)
{
  g_return_if_fail (BANSO_IS_SESSION (self));

  if (self->locked || self->window == NULL)
    return;
  log_event (self, "lock");
  show_login (self, FALSE);
}

/**
 * banso_session_log_out:
 *
 * Like a lock, with the login name left empty for the next person.
 */
void
banso_session_log_out (BansoSession *self)
{
  g_return_if_fail (BANSO_IS_SESSION (self));

  if (self->locked || self->window == NULL)
    return;
  log_event (self, "logout");
  g_settings_set_string (self->settings, "last-login", "");
  show_login (self, TRUE);
}

gboolean
banso_session_get_locked (BansoSession *self)
{
  g_return_val_if_fail (BANSO_IS_SESSION (self), TRUE);
  return self->locked;
}
