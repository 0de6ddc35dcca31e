/* banso-user-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "banso-reference.h"
#include "banso-store-async.h"
#include "banso-ui-utils.h"
#include "banso-user-dialog.h"
#include "banso-user-store.h"

/* Adds a user, or changes one: full name, role, communes for a commune
 * official, a new password, whether they can log in. What the core refuses
 * (a taken login name, the last administrator, a short password) is shown
 * above the fields and nothing is saved. */

struct _BansoUserDialog
{
  AdwWindow             parent_instance;

  BansoContext         *context;
  BansoUser            *user;        /* NULL for a new user */
  GPtrArray            *checks;      /* of GtkCheckButton, with their "code" */
  gboolean              busy;

  GtkLabel             *error_label;
  AdwEntryRow          *login_row;
  AdwEntryRow          *name_row;
  GtkDropDown          *role_drop;
  AdwActionRow         *password_row;
  GtkPasswordEntry     *password_entry;
  GtkPasswordEntry     *again_entry;
  AdwActionRow         *active_row;
  GtkSwitch            *active_switch;
  AdwPreferencesGroup  *communes_group;
  GtkButton            *save_button;
};

G_DEFINE_FINAL_TYPE (BansoUserDialog, banso_user_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  BansoUser *acting;
  BansoUser *user;
  char      *password;
  gboolean   create;
  int        disable;   /* -1: unchanged */
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->acting);
  g_clear_object (&job->user);
  if (job->password != NULL)
    memset (job->password, 0, strlen (job->password));
  g_free (job->password);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  BansoStore *store = source_object;
  SaveJob *job = task_data;
  GError *error = NULL;
  gboolean ok;

  if (job->create)
    ok = banso_store_create_user (store, job->acting, job->user, job->password, &error);
  else
    ok = banso_store_update_user (store, job->acting, job->user, job->password, &error);
  if (ok && job->disable >= 0)
    ok = banso_store_set_user_disabled (store, job->acting, banso_user_get_id (job->user),
                                        job->disable, &error);
  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_object_ref (job->user), g_object_unref);
}

static void
show_error (BansoUserDialog *self,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
save_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(BansoUserDialog) self = user_data;
  g_autoptr(BansoUser) user = NULL;
  g_autoptr(GError) error = NULL;

  user = banso_store_task_finish (BANSO_STORE (object), result, &error);
  self->busy = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), TRUE);
  if (user == NULL)
    {
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, user);
  gtk_window_destroy (GTK_WINDOW (self));
}

static BansoRole
selected_role (BansoUserDialog *self)
{
  BansoRole role = BANSO_ROLE_TRAINER;

  banso_role_from_string (banso_dropdown_get_code (self->role_drop), &role);
  return role;
}

static void
on_role_changed (GtkDropDown     *drop,
                 GParamSpec      *pspec,
                 BansoUserDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->communes_group),
                          selected_role (self) == BANSO_ROLE_COMMUNE_OFFICIAL);
}

static void
on_save_clicked (GtkButton       *button,
                 BansoUserDialog *self)
{
  g_autoptr(GStrvBuilder) communes = g_strv_builder_new ();
  g_auto(GStrv) codes = NULL;
  g_autofree char *login = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->login_row))));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_entry));
  const char *again = gtk_editable_get_text (GTK_EDITABLE (self->again_entry));
  SaveJob *job;

  if (self->busy)
    return;
  if (g_strcmp0 (password, again) != 0)
    {
      show_error (self, _("The two passwords are not the same."));
      return;
    }
  if (self->user == NULL && *password == '\0')
    {
      show_error (self, _("A new user needs a password."));
      return;
    }

  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);

      if (gtk_check_button_get_active (check))
        g_strv_builder_add (communes, g_object_get_data (G_OBJECT (check), "code"));
    }
  codes = g_strv_builder_end (communes);

  job = g_new0 (SaveJob, 1);
  job->acting = g_object_ref (banso_context_get_user (self->context));
  job->user = banso_user_new (self->user ? banso_user_get_id (self->user) : login,
                              gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                              selected_role (self), (const char * const *)codes);
  job->password = *password ? g_strdup (password) : NULL;
  job->create = self->user == NULL;
  job->disable = -1;
  if (self->user != NULL &&
      gtk_switch_get_active (self->active_switch) == banso_user_get_disabled (self->user))
    job->disable = !gtk_switch_get_active (self->active_switch);

  self->busy = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  show_error (self, NULL);
  banso_store_run_async (banso_context_get_store (self->context), save_thread, job,
                         (GDestroyNotify)save_job_free, NULL, save_done, g_object_ref (self));
}

static void
add_commune_rows (BansoUserDialog *self,
                  GPtrArray       *communes)
{
  const char * const *chosen = self->user ? banso_user_get_communes (self->user) : NULL;

  for (guint i = 0; communes != NULL && i < communes->len; i++)
    {
      BansoRefItem *item = g_ptr_array_index (communes, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->code);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      item->name, -1);
      g_object_set_data_full (G_OBJECT (check), "code", g_strdup (item->code), g_free);
      if (chosen != NULL && g_strv_contains (chosen, item->code))
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->communes_group, row);
      g_ptr_array_add (self->checks, check);
    }
}

static void
banso_user_dialog_dispose (GObject *object)
{
  BansoUserDialog *self = (BansoUserDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BANSO_TYPE_USER_DIALOG);
  g_clear_object (&self->context);
  g_clear_object (&self->user);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (banso_user_dialog_parent_class)->dispose (object);
}

static void
banso_user_dialog_class_init (BansoUserDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = banso_user_dialog_dispose;

  /**
   * BansoUserDialog::saved:
   * @user: the user as saved
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BANSO_TYPE_USER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/banso/Banso/ui/banso-user-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BansoUserDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, BansoUserDialog, login_row);
  gtk_widget_class_bind_template_child (widget_class, BansoUserDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, BansoUserDialog, role_drop);
  gtk_widget_class_bind_template_child (widget_class, BansoUserDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, BansoUserDialog, password_entry);
  gtk_widget_class_bind_template_child (widget_class, BansoUserDialog, again_entry);
  gtk_widget_class_bind_template_child (widget_class, BansoUserDialog, active_row);
  gtk_widget_class_bind_template_child (widget_class, BansoUserDialog, active_switch);
  gtk_widget_class_bind_template_child (widget_class, BansoUserDialog, communes_group);
  gtk_widget_class_bind_template_child (widget_class, BansoUserDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_role_changed);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
banso_user_dialog_init (BansoUserDialog *self)
{
  static const char *codes[BANSO_N_ROLES + 1];
  const char *labels[BANSO_N_ROLES + 1] = { NULL };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->checks = g_ptr_array_new ();

  for (guint i = 0; i < BANSO_N_ROLES; i++)
    {
      codes[i] = banso_role_to_string ((BansoRole)i);
      labels[i] = banso_role_get_title ((BansoRole)i);
    }
  banso_dropdown_set_pairs (self->role_drop, codes, labels);
}

/**
 * banso_user_dialog_new:
 * @user: (nullable): the user to change, or %NULL for a new one
 * @communes: (element-type BansoRefItem): the communes a commune official
 *   may be given
 */
GtkWindow *
banso_user_dialog_new (BansoContext *context,
                       BansoUser    *user,
                       GPtrArray    *communes)
{
  BansoUserDialog *self = g_object_new (BANSO_TYPE_USER_DIALOG, NULL);
  BansoRole role = user ? banso_user_get_role (user) : BANSO_ROLE_COMMUNE_OFFICIAL;

  self->context = g_object_ref (context);
  self->user = user ? g_object_ref (user) : NULL;
  banso_dropdown_select_code (self->role_drop, banso_role_to_string (role));
  add_commune_rows (self, communes);
  on_role_changed (self->role_drop, NULL, self);

  if (user != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit User"));
      gtk_editable_set_text (GTK_EDITABLE (self->login_row), banso_user_get_id (user));
      gtk_widget_set_sensitive (GTK_WIDGET (self->login_row), FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), banso_user_get_name (user));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->password_row),
                                     _("New password (empty: unchanged)"));
      gtk_widget_set_visible (GTK_WIDGET (self->active_row), TRUE);
      gtk_switch_set_active (self->active_switch, !banso_user_get_disabled (user));
    }
  return GTK_WINDOW (self);
}
