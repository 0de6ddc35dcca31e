/* banso-users-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-reference.h"
#include "banso-store-async.h"
#include "banso-user-dialog.h"
#include "banso-user-store.h"
#include "banso-users-page.h"

/* The Users page of the Preferences, for administrators: one row per user
 * (the system account is not one), Add User, and a dialog to change one. */

struct _BansoUsersPage
{
  AdwPreferencesPage   parent_instance;

  BansoContext        *context;
  GCancellable        *cancellable;
  GPtrArray           *users;
  GPtrArray           *communes;   /* of BansoRefItem: the home province's */
  GPtrArray           *rows;

  AdwPreferencesGroup *group;
};

G_DEFINE_FINAL_TYPE (BansoUsersPage, banso_users_page, ADW_TYPE_PREFERENCES_PAGE)

typedef struct
{
  char      *province;
  GPtrArray *users;
  GPtrArray *communes;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_free (job->province);
  g_clear_pointer (&job->users, g_ptr_array_unref);
  g_clear_pointer (&job->communes, g_ptr_array_unref);
  g_free (job);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  BansoStore *store = source_object;
  LoadJob *job = task_data;
  GError *error = NULL;

  if (!(job->users = banso_store_list_users (store, &error)) ||
      !(job->communes = banso_store_list_communes (store, job->province, &error)))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, job, NULL);
}

static const char *
commune_name (BansoUsersPage *self,
              const char     *code)
{
  for (guint i = 0; self->communes && i < self->communes->len; i++)
    {
      BansoRefItem *item = g_ptr_array_index (self->communes, i);

      if (g_strcmp0 (item->code, code) == 0)
        return item->name;
    }
  return code;
}

static char *
describe (BansoUsersPage *self,
          BansoUser      *user)
{
  GString *text = g_string_new (NULL);
  const char * const *communes = banso_user_get_communes (user);

  g_string_append_printf (text, "%s · %s", banso_user_get_id (user),
                          banso_role_get_title (banso_user_get_role (user)));
  for (guint i = 0; banso_user_get_role (user) == BANSO_ROLE_COMMUNE_OFFICIAL && communes[i]; i++)
    g_string_append_printf (text, i == 0 ? " · %s" : ", %s", commune_name (self, communes[i]));
  if (banso_user_get_disabled (user))
    g_string_append_printf (text, " · %s", _("disabled"));
  else if (!banso_user_get_has_password (user))
    g_string_append_printf (text, " · %s", _("no password: cannot log in"));
  return g_string_free (text, FALSE);
}

static void load (BansoUsersPage *self);

static void
on_saved (BansoUserDialog *dialog,
          BansoUser       *user,
          BansoUsersPage  *self)
{
  load (self);
}

static void
open_dialog (BansoUsersPage *self,
             BansoUser      *user)
{
  GtkWindow *dialog = banso_user_dialog_new (self->context, user, self->communes);

  gtk_window_set_transient_for (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_saved), self, 0);
  gtk_window_present (dialog);
}

static void
on_edit_clicked (GtkButton      *button,
                 BansoUsersPage *self)
{
  open_dialog (self, g_object_get_data (G_OBJECT (button), "user"));
}

static void
on_add_clicked (GtkButton      *button,
                BansoUsersPage *self)
{
  if (self->communes != NULL)
    open_dialog (self, NULL);
}

static void
fill (BansoUsersPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; self->users && i < self->users->len; i++)
    {
      BansoUser *user = g_ptr_array_index (self->users, i);
      g_autofree char *subtitle = NULL;
      g_autofree char *label = NULL;
      GtkWidget *row, *button;

      if (banso_user_is_system (user))
        continue;
      subtitle = describe (self, user);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), banso_user_get_name (user));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      button = gtk_button_new_with_mnemonic (_("_Edit"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      /* Translators: the accessible name of the button that edits a user. */
      label = g_strdup_printf (_("Edit %s"), banso_user_get_name (user));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      g_object_set_data_full (G_OBJECT (button), "user", g_object_ref (user), g_object_unref);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_edit_clicked), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      if (banso_user_get_disabled (user))
        gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
load_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(BansoUsersPage) self = user_data;
  LoadJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!banso_store_task_finish (BANSO_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_preferences_group_set_description (self->group, error->message);
      return;
    }
  g_clear_pointer (&self->users, g_ptr_array_unref);
  g_clear_pointer (&self->communes, g_ptr_array_unref);
  self->users = g_steal_pointer (&job->users);
  self->communes = g_steal_pointer (&job->communes);
  banso_context_set_users (self->context, self->users);
  fill (self);
}

static void
load (BansoUsersPage *self)
{
  LoadJob *job = g_new0 (LoadJob, 1);

  job->province = g_strdup (banso_context_get_home_province (self->context));
  banso_store_run_async (banso_context_get_store (self->context), load_thread, job,
                         (GDestroyNotify)load_job_free, self->cancellable, load_done,
                         g_object_ref (self));
}

static void
banso_users_page_dispose (GObject *object)
{
  BansoUsersPage *self = (BansoUsersPage *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BANSO_TYPE_USERS_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_pointer (&self->users, g_ptr_array_unref);
  g_clear_pointer (&self->communes, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (banso_users_page_parent_class)->dispose (object);
}

static void
banso_users_page_class_init (BansoUsersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = banso_users_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/banso/Banso/ui/banso-users-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BansoUsersPage, group);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
}

static void
banso_users_page_init (BansoUsersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
}

GtkWidget *
banso_users_page_new (BansoContext *context)
{
  BansoUsersPage *self = g_object_new (BANSO_TYPE_USERS_PAGE, NULL);

  self->context = g_object_ref (context);
  load (self);
  return GTK_WIDGET (self);
}
