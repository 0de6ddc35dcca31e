/* banso-login-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "banso-demo.h"
#include "banso-login-page.h"
#include "banso-store-async.h"
#include "banso-user-store.h"

/* The screen that asks who is working: at start, after a lock, and on a new
 * database, where it makes the first administrator. The password is checked
 * in a worker thread (the hash is slow on purpose); the page says what went
 * wrong and keeps the login name. */

struct _BansoLoginPage
{
  AdwBin            parent_instance;

  BansoStore       *store;
  gboolean          first_admin;
  gboolean          demo;
  gboolean          busy;
  GCancellable     *cancellable;

  AdwStatusPage    *status_page;
  AdwEntryRow      *login_row;
  AdwEntryRow      *name_row;
  AdwActionRow     *again_row;
  GtkPasswordEntry *password_entry;
  GtkPasswordEntry *again_entry;
  GtkLabel         *error_label;
  GtkButton        *login_button;
  GtkSpinner       *spinner;
};

G_DEFINE_FINAL_TYPE (BansoLoginPage, banso_login_page, ADW_TYPE_BIN)

enum {
  LOGGED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char *login;
  char *name;
  char *password;
  gboolean first_admin;
} LoginJob;

static void
login_job_free (LoginJob *job)
{
  g_free (job->login);
  g_free (job->name);
  if (job->password != NULL)
    memset (job->password, 0, strlen (job->password));
  g_free (job->password);
  g_free (job);
}

static void
login_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BansoStore *store = source_object;
  LoginJob *job = task_data;
  GError *error = NULL;
  BansoUser *user;

  if (job->first_admin)
    user = banso_store_create_first_admin (store, job->login, job->name, job->password, &error);
  else
    user = banso_store_log_in (store, job->login, job->password, &error);
  if (user == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, user, g_object_unref);
}

static void
set_busy (BansoLoginPage *self,
          gboolean        busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->login_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
show_error (BansoLoginPage *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
login_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BansoLoginPage) self = user_data;
  g_autoptr(BansoUser) user = NULL;
  g_autoptr(GError) error = NULL;

  user = banso_store_task_finish (BANSO_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->again_entry), "");
  if (user == NULL)
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
      return;
    }

  show_error (self, NULL);
  if (self->first_admin)
    {
      /* From now on this page logs in. */
      self->first_admin = FALSE;
      banso_login_page_reset (self, banso_user_get_id (user), FALSE);
    }
  g_signal_emit (self, signals[LOGGED_IN], 0, user);
}

static void
submit (BansoLoginPage *self)
{
  g_autofree char *login = g_strstrip (g_utf8_strdown (gtk_editable_get_text (GTK_EDITABLE (self->login_row)), -1));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_entry));
  LoginJob *job;

  if (self->busy)
    return;
  if (*login == '\0')
    {
      show_error (self, _("Type your login name."));
      gtk_widget_grab_focus (GTK_WIDGET (self->login_row));
      return;
    }
  if (self->first_admin)
    {
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

      if (*name == '\0')
        {
          show_error (self, _("Type your full name, as it should appear in the audit log."));
          gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
          return;
        }
      if (g_strcmp0 (password, gtk_editable_get_text (GTK_EDITABLE (self->again_entry))) != 0)
        {
          show_error (self, _("The two passwords are not the same."));
          gtk_editable_set_text (GTK_EDITABLE (self->again_entry), "");
          gtk_widget_grab_focus (GTK_WIDGET (self->again_entry));
          return;
        }
    }

  job = g_new0 (LoginJob, 1);
  job->login = g_steal_pointer (&login);
  job->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  job->password = g_strdup (password);
  job->first_admin = self->first_admin;
  set_busy (self, TRUE);
  show_error (self, NULL);
  banso_store_run_async (self->store, login_thread, job, (GDestroyNotify)login_job_free,
                         self->cancellable, login_done, g_object_ref (self));
}

static void
on_login_clicked (GtkButton      *button,
                  BansoLoginPage *self)
{
  submit (self);
}

static void
on_login_activated (AdwEntryRow    *row,
                    BansoLoginPage *self)
{
  gtk_widget_grab_focus (self->first_admin ? GTK_WIDGET (self->name_row)
                                           : GTK_WIDGET (self->password_entry));
}

static void
on_name_activated (AdwEntryRow    *row,
                   BansoLoginPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
}

static void
on_password_activated (GtkPasswordEntry *entry,
                       BansoLoginPage   *self)
{
  if (self->first_admin)
    gtk_widget_grab_focus (GTK_WIDGET (self->again_entry));
  else
    submit (self);
}

static void
on_again_activated (GtkPasswordEntry *entry,
                    BansoLoginPage   *self)
{
  submit (self);
}

static void
update_mode (BansoLoginPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->name_row), self->first_admin);
  gtk_widget_set_visible (GTK_WIDGET (self->again_row), self->first_admin);
  if (self->first_admin)
    {
      adw_status_page_set_title (self->status_page, _("Create the First Administrator"));
      adw_status_page_set_description (self->status_page,
                                       _("Nobody can log in to this database yet. The administrator adds the other users in Preferences."));
      gtk_button_set_label (self->login_button, _("_Create Administrator"));
    }
  else
    {
      adw_status_page_set_title (self->status_page, _("Who Is Working?"));
      adw_status_page_set_description (self->status_page,
                                       self->demo ? _("Demo data: log in as “quantri” (administrator), “official” (commune official), “culture” or “trainer”, with the password “demo”.")
                                                  : _("Every change is recorded in the audit log under your name."));
      gtk_button_set_label (self->login_button, _("_Log In"));
    }
}

static void
focus_first_field (BansoLoginPage *self)
{
  const char *login = gtk_editable_get_text (GTK_EDITABLE (self->login_row));

  if (*login != '\0' && !self->first_admin)
    gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->login_row));
}

/* The page is filled before it is shown: typing starts where it should. */
static void
banso_login_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (banso_login_page_parent_class)->map (widget);
  focus_first_field (BANSO_LOGIN_PAGE (widget));
}

static void
banso_login_page_dispose (GObject *object)
{
  BansoLoginPage *self = (BansoLoginPage *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BANSO_TYPE_LOGIN_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (banso_login_page_parent_class)->dispose (object);
}

static void
banso_login_page_class_init (BansoLoginPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = banso_login_page_dispose;
  widget_class->map = banso_login_page_map;

  /**
   * BansoLoginPage::logged-in:
   * @user: who logged in (or the first administrator, just made)
   */
  signals[LOGGED_IN] =
    g_signal_new ("logged-in",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BANSO_TYPE_USER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/banso/Banso/ui/banso-login-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BansoLoginPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, BansoLoginPage, login_row);
  gtk_widget_class_bind_template_child (widget_class, BansoLoginPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, BansoLoginPage, again_row);
  gtk_widget_class_bind_template_child (widget_class, BansoLoginPage, password_entry);
  gtk_widget_class_bind_template_child (widget_class, BansoLoginPage, again_entry);
  gtk_widget_class_bind_template_child (widget_class, BansoLoginPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, BansoLoginPage, login_button);
  gtk_widget_class_bind_template_child (widget_class, BansoLoginPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_login_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_login_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_name_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_password_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_again_activated);
}

static void
banso_login_page_init (BansoLoginPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/**
 * banso_login_page_new:
 * @first_admin: whether the database has nobody who can log in yet: the page
 *   then makes the first administrator
 * @demo: whether to show the demo's logins and password
 */
GtkWidget *
banso_login_page_new (BansoStore *store,
                      gboolean    first_admin,
                      gboolean    demo)
{
  BansoLoginPage *self;

  g_return_val_if_fail (BANSO_IS_STORE (store), NULL);

  self = g_object_new (BANSO_TYPE_LOGIN_PAGE, NULL);
  self->store = g_object_ref (store);
  self->first_admin = first_admin;
  self->demo = demo;
  update_mode (self);
  return GTK_WIDGET (self);
}

/**
 * banso_login_page_reset:
 * @login: (nullable): the login name to fill in: the last user's
 * @locked: whether the window was locked (the title says so)
 *
 * Empties the password and puts the focus where typing starts.
 */
void
banso_login_page_reset (BansoLoginPage *self,
                        const char     *login,
                        gboolean        locked)
{
  g_return_if_fail (BANSO_IS_LOGIN_PAGE (self));

  update_mode (self);
  if (locked && !self->first_admin)
    adw_status_page_set_title (self->status_page, _("Banso Is Locked"));
  gtk_editable_set_text (GTK_EDITABLE (self->login_row), login ? login : "");
  gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->again_entry), "");
  show_error (self, NULL);
  focus_first_field (self);
}

gboolean
banso_login_page_get_first_admin (BansoLoginPage *self)
{
  g_return_val_if_fail (BANSO_IS_LOGIN_PAGE (self), FALSE);
  return self->first_admin;
}
