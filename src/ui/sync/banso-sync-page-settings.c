/* banso-sync-page-settings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server settings of the Sync section: read from the database and
 * written back in a worker, the password to the keyring in a worker too
 * (the keyring may take a while to answer, or ask to be unlocked), and each
 * problem shown under its own field.
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "banso-store-async.h"
#include "banso-sync-client.h"
#include "banso-sync-page-private.h"
#include "banso-sync-secret.h"
#include "banso-ui-utils.h"

/* Fields {{{ */

static GtkWidget *
error_row_of (BansoSyncPage  *self,
              GtkWidget      *field,
              GtkLabel      **label)
{
  if (field == GTK_WIDGET (self->server_row))
    {
      *label = self->server_error;
      return GTK_WIDGET (self->server_error_row);
    }
  if (field == GTK_WIDGET (self->database_row))
    {
      *label = self->database_error;
      return GTK_WIDGET (self->database_error_row);
    }
  if (field == GTK_WIDGET (self->ca_row))
    {
      *label = self->ca_error;
      return GTK_WIDGET (self->ca_error_row);
    }
  *label = self->password_note;
  return GTK_WIDGET (self->password_note_row);
}

/* Shows @message (or nothing) in the row right under @field, and tells
 * screen readers what is wrong with the field. */
static void
set_error (BansoSyncPage *self,
           GtkWidget     *field,
           const char    *message)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *row;
  GtkLabel *label;

  row = error_row_of (self, field, &label);
  if (message != NULL)
    error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, message);
  banso_field_set_error (field, label, error);
  if (message != NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (label), "error");
    }
  gtk_widget_set_visible (row, message != NULL);
}

void
_banso_sync_page_set_field_error (BansoSyncPage *self,
                                  AdwEntryRow   *field,
                                  const char    *message)
{
  set_error (self, GTK_WIDGET (field), message);
}

/* A note under the password: whether the keyring has it. Not an error, unless
 * the keyring could not be used. */
static void
set_password_note (BansoSyncPage *self,
                   const char    *note,
                   gboolean       is_error)
{
  if (is_error)
    {
      set_error (self, GTK_WIDGET (self->password_row), note);
      return;
    }
  set_error (self, GTK_WIDGET (self->password_row), NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->password_note), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->password_note), "dim-label");
  gtk_label_set_text (self->password_note, note ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->password_note), note != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->password_note_row), note != NULL);
}

static void
set_note (BansoSyncPage *self,
          const char    *note)
{
  gtk_label_set_text (self->settings_note, note ? note : "");
}

static void
update_ca_row (BansoSyncPage *self)
{
  if (self->ca_file != NULL)
    adw_action_row_set_subtitle (self->ca_row, self->ca_file);
  else
    adw_action_row_set_subtitle (self->ca_row,
                                 _("None: the certificate authorities the system trusts are used"));
  gtk_widget_set_visible (GTK_WIDGET (self->ca_clear_button), self->ca_file != NULL);
}

static char *
field_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  g_strstrip (text);
  return *text ? g_steal_pointer (&text) : NULL;
}

static void
on_edited (BansoSyncPage *self,
           GtkWidget     *field)
{
  if (self->loading_settings)
    return;
  if (field != NULL)
    set_error (self, field, NULL);
  set_note (self, _("Not saved yet."));
}

static void
on_server_changed (BansoSyncPage *self)
{
  on_edited (self, GTK_WIDGET (self->server_row));
}

static void
on_database_changed (BansoSyncPage *self)
{
  on_edited (self, GTK_WIDGET (self->database_row));
}

static void
on_login_changed (BansoSyncPage *self)
{
  on_edited (self, NULL);
}

static void
on_password_changed (BansoSyncPage *self)
{
  on_edited (self, NULL);
}

static void
on_entry_activated (BansoSyncPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "sync.save", NULL);
}

/* }}} */

/* The password note, from the keyring, in a worker {{{ */

typedef struct
{
  char *server;
  char *login;
} SecretKey;

static void
secret_key_free (SecretKey *key)
{
  g_free (key->server);
  g_free (key->login);
  g_free (key);
}

static void
lookup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SecretKey *key = task_data;
  GError *error = NULL;
  char *password = banso_sync_secret_lookup (key->server, key->login, &error);

  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, password != NULL);
  if (password != NULL)
    memset (password, 0, strlen (password));
  g_free (password);
}

static void
lookup_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  BansoSyncPage *self = BANSO_SYNC_PAGE (object);
  g_autoptr(GError) error = NULL;
  gboolean saved = g_task_propagate_boolean (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      g_autofree char *note = g_strdup_printf (_("%s Sync cannot log in without a keyring."),
                                               error->message);
      set_password_note (self, note, TRUE);
    }
  else if (saved)
    set_password_note (self, _("A password for this login is saved in the keyring. Type a new one only to change it."), FALSE);
  else
    set_password_note (self, _("No password is saved for this login yet: type it and press Save."), FALSE);
}

static void
check_saved_password (BansoSyncPage *self,
                      const char    *server,
                      const char    *login)
{
  g_autoptr(GTask) task = NULL;
  SecretKey *key;

  if (server == NULL || login == NULL)
    {
      set_password_note (self, NULL, FALSE);
      return;
    }
  key = g_new0 (SecretKey, 1);
  key->server = g_strdup (server);
  key->login = g_strdup (login);
  task = g_task_new (self, self->cancellable, lookup_done, NULL);
  g_task_set_source_tag (task, check_saved_password);
  g_task_set_task_data (task, key, (GDestroyNotify)secret_key_free);
  g_task_run_in_thread (task, lookup_thread);
}

/* }}} */

/* Loading {{{ */

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_task_return_pointer (task, banso_sync_settings_load (BANSO_STORE (source_object)),
                         (GDestroyNotify)banso_sync_settings_free);
}

static void
load_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(BansoSyncPage) self = user_data;
  g_autoptr(BansoSyncSettings) settings = NULL;
  g_autoptr(GError) error = NULL;

  settings = banso_store_task_finish (BANSO_STORE (object), result, &error);
  if (settings == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_note (self, error->message);
      return;
    }

  self->loading_settings = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->server_row), settings->server ? settings->server : "");
  gtk_editable_set_text (GTK_EDITABLE (self->database_row),
                         settings->database ? settings->database : "banso");
  gtk_editable_set_text (GTK_EDITABLE (self->login_row), settings->login ? settings->login : "");
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  g_free (self->ca_file);
  self->ca_file = g_strdup (settings->ca_file);
  update_ca_row (self);
  gtk_switch_set_active (self->media_metered_switch, settings->media_metered);
  set_note (self, NULL);
  self->loading_settings = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.save", TRUE);

  check_saved_password (self, settings->server, settings->login);
}

void
_banso_sync_page_load_settings (BansoSyncPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.save", FALSE);
  update_ca_row (self);
  banso_store_run_async (banso_context_get_store (self->context), load_thread, NULL, NULL,
                         self->cancellable, load_done, g_object_ref (self));
}

/* }}} */

/* Checking, before anything is saved {{{ */

/* The same rules the sync client keeps, said before the first run rather
 * than after it. */
static const char *
check_server (const char *server)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (server == NULL)
    return NULL;
  uri = g_uri_parse (server, G_URI_FLAGS_NONE, NULL);
  scheme = uri ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0))
    return _("Enter an address that starts with https://, for example https://sync.example.gov.vn:6984");
  if (g_uri_get_userinfo (uri) != NULL)
    return _("Put the login and the password in their own fields, not in the address.");
  if (g_strcmp0 (scheme, "http") == 0 && !banso_sync_host_is_loopback (g_uri_get_host (uri)))
    return _("Use an https:// address: over http:// the records and the password would cross the network unencrypted. Plain http:// is allowed only to this computer (localhost).");
  return NULL;
}

static gboolean
check_database (const char *database)
{
  if (database == NULL)
    return TRUE;
  if (!g_ascii_islower (database[0]))
    return FALSE;
  for (const char *p = database; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && strchr ("_$()+-/", *p) == NULL)
      return FALSE;
  return TRUE;
}

/* }}} */

/* Saving, in a worker {{{ */

typedef struct
{
  BansoSyncSettings *settings;  /* the fields of the section; the others are kept */
  char              *password;
  char              *ca_error;
  char              *keyring_error;
  gboolean           password_saved;
  BansoSyncSettings *saved;      /* everything now stored, for the manager */
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  banso_sync_settings_free (job->settings);
  banso_sync_settings_free (job->saved);
  if (job->password != NULL)
    memset (job->password, 0, strlen (job->password));
  g_free (job->password);
  g_free (job->ca_error);
  g_free (job->keyring_error);
  g_free (job);
}

/* The settings as saved, with the section's fields replaced: settings the
 * section does not show (set with banso-cli, or added later) stay. */
static gboolean
save_settings (BansoStore               *store,
               const BansoSyncSettings  *edits,
               BansoSyncSettings       **out_saved,
               GError                  **error)
{
  g_autoptr(BansoSyncSettings) saved = banso_sync_settings_load (store);

  g_free (saved->server);
  saved->server = g_strdup (edits->server);
  g_free (saved->database);
  saved->database = g_strdup (edits->database);
  g_free (saved->login);
  saved->login = g_strdup (edits->login);
  g_free (saved->ca_file);
  saved->ca_file = g_strdup (edits->ca_file);
  saved->media_metered = edits->media_metered;
  if (!banso_sync_settings_save (store, saved, error))
    return FALSE;
  *out_saved = g_steal_pointer (&saved);
  return TRUE;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;

  /* A CA file that cannot be read would make every run fail: say so now. */
  if (job->settings->ca_file != NULL)
    {
      g_autoptr(GTlsDatabase) database = g_tls_file_database_new (job->settings->ca_file, &error);

      if (database == NULL)
        {
          job->ca_error = g_strdup_printf (_("This file cannot be used: %s"), error->message);
          g_clear_error (&error);
          g_task_return_boolean (task, TRUE);
          return;
        }
    }

  if (!save_settings (BANSO_STORE (source_object), job->settings, &job->saved, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (job->password != NULL && job->settings->server != NULL && job->settings->login != NULL)
    {
      if (banso_sync_secret_store (job->settings->server, job->settings->login, job->password,
                                   &error))
        job->password_saved = TRUE;
      else
        {
          job->keyring_error = g_strdup (error->message);
          g_clear_error (&error);
        }
    }
  g_task_return_boolean (task, TRUE);
}

static void
save_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(BansoSyncPage) self = user_data;
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.save", TRUE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *note = g_strdup_printf (_("The settings were not saved: %s"),
                                                   error->message);
          set_note (self, note);
        }
      return;
    }
  if (job->ca_error != NULL)
    {
      set_error (self, GTK_WIDGET (self->ca_row), job->ca_error);
      set_note (self, _("Nothing was saved: check the CA file."));
      return;
    }

  if (self->manager != NULL)
    banso_sync_manager_set_settings (self->manager, job->saved);

  if (job->keyring_error != NULL)
    {
      g_autofree char *note = g_strdup_printf (_("The password was not saved. %s Sync cannot log in until the password is saved in a keyring."),
                                               job->keyring_error);
      set_password_note (self, note, TRUE);
      set_note (self, _("The settings were saved, but not the password."));
      return;
    }

  if (job->password_saved)
    {
      self->loading_settings = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
      self->loading_settings = FALSE;
      set_password_note (self, _("The password is saved in the keyring."), FALSE);
    }
  else
    check_saved_password (self, job->settings->server, job->settings->login);

  set_note (self, job->settings->server ? _("Saved. Banso syncs with this server from now on.")
                                        : _("Saved. Sync is off."));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BansoSyncPage *self = BANSO_SYNC_PAGE (widget);
  g_autoptr(GTask) task = NULL;
  g_autofree char *password = NULL;
  const char *problem;
  SaveJob *job;

  if (self->context == NULL || self->saving)
    return;

  job = g_new0 (SaveJob, 1);
  job->settings = g_new0 (BansoSyncSettings, 1);
  job->settings->server = field_text (self->server_row);
  job->settings->database = field_text (self->database_row);
  job->settings->login = field_text (self->login_row);
  job->settings->ca_file = g_strdup (self->ca_file);
  job->settings->media_metered = gtk_switch_get_active (self->media_metered_switch);
  password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->password_row)));
  if (*password != '\0')
    job->password = g_steal_pointer (&password);

  problem = check_server (job->settings->server);
  set_error (self, GTK_WIDGET (self->server_row), problem);
  if (!check_database (job->settings->database))
    {
      set_error (self, GTK_WIDGET (self->database_row),
                 _("A database name starts with a small letter (a–z) and has only small letters, digits and _ $ ( ) + - /"));
      problem = "";
    }
  else
    set_error (self, GTK_WIDGET (self->database_row), NULL);
  set_error (self, GTK_WIDGET (self->ca_row), NULL);

  if (problem != NULL)
    {
      set_note (self, _("Nothing was saved: correct the marked fields."));
      save_job_free (job);
      return;
    }
  if (job->password != NULL && job->settings->login == NULL)
    {
      set_error (self, GTK_WIDGET (self->password_row),
                 _("Enter the login that goes with this password."));
      set_note (self, _("Nothing was saved: correct the marked fields."));
      save_job_free (job);
      return;
    }

  self->saving = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.save", FALSE);
  set_note (self, _("Saving…"));
  banso_store_run_async (banso_context_get_store (self->context), save_thread, job,
                         (GDestroyNotify)save_job_free, self->cancellable, save_done,
                         g_object_ref (self));
}

/* }}} */

/* The CA file {{{ */

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     BansoSyncPage   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        {
          g_free (self->ca_file);
          self->ca_file = g_steal_pointer (&path);
          update_ca_row (self);
          on_edited (self, GTK_WIDGET (self->ca_row));
        }
    }
  g_clear_object (&self->chooser);
}

static void
on_ca_choose_clicked (BansoSyncPage *self)
{
  g_autoptr(GtkFileFilter) certificates = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Choose a CA File"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (certificates, _("Certificates (PEM)"));
  gtk_file_filter_add_pattern (certificates, "*.pem");
  gtk_file_filter_add_pattern (certificates, "*.crt");
  gtk_file_filter_add_pattern (certificates, "*.cer");
  gtk_file_filter_add_mime_type (certificates, "application/x-x509-ca-cert");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), certificates);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_ca_clear_clicked (BansoSyncPage *self)
{
  g_clear_pointer (&self->ca_file, g_free);
  update_ca_row (self);
  on_edited (self, GTK_WIDGET (self->ca_row));
}

/* }}} */

void
_banso_sync_page_class_init_settings (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_server_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_database_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_login_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_password_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_ca_choose_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_ca_clear_clicked);
  gtk_widget_class_install_action (widget_class, "sync.save", NULL, save_action);
}
