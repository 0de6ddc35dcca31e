/* banso-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-check.h"
#include "banso-preferences-window.h"
#include "banso-store-async.h"
#include "users/banso-users-page.h"
#include "banso-ui-utils.h"

#include <string.h>

struct _BansoPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  BansoContext         *context;
  AdwActionRow         *user_row;
  GtkAdjustment        *lock_adjustment;
  AdwActionRow         *path_row;
  AdwActionRow         *check_row;
  GtkButton            *check_button;
  AdwEntryRow          *tiles_row;
  GtkLabel             *tiles_error;
};

G_DEFINE_FINAL_TYPE (BansoPreferencesWindow, banso_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);
  GError *error = NULL;

  if (!banso_store_check (BANSO_STORE (source_object), problems, &error))
    {
      g_ptr_array_unref (problems);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, problems, (GDestroyNotify)g_ptr_array_unref);
}

static void
check_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BansoPreferencesWindow) self = user_data;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  problems = banso_store_task_finish (BANSO_STORE (object), result, &error);
  gtk_widget_set_sensitive (GTK_WIDGET (self->check_button), TRUE);

  if (problems == NULL)
    adw_action_row_set_subtitle (self->check_row, error->message);
  else if (problems->len == 0)
    adw_action_row_set_subtitle (self->check_row,
                                 _("The database is whole: integrity, links, audit log and index agree."));
  else
    {
      g_ptr_array_add (problems, NULL);
      {
        g_autofree char *joined = g_strjoinv ("\n", (char **)problems->pdata);
        adw_action_row_set_subtitle (self->check_row, joined);
      }
    }
}

static void
on_check_clicked (GtkButton              *button,
                  BansoPreferencesWindow *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  adw_action_row_set_subtitle (self->check_row, _("Checking…"));
  banso_store_run_async (banso_context_get_store (self->context), check_thread, NULL, NULL, NULL,
                         check_done, g_object_ref (self));
}

/* An online tile source for the map: a URL template libshumate fills in. */
static void
on_tiles_apply (AdwEntryRow            *row,
                BansoPreferencesWindow *self)
{
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) error = NULL;

  if (*url != '\0' &&
      (!g_uri_is_valid (url, G_URI_FLAGS_PARSE_RELAXED, NULL) ||
       !(g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://"))))
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 _("“%s” is not a web address: it must start with https://"), url);
  else if (*url != '\0' &&
           (strstr (url, "#Z#") == NULL || strstr (url, "#X#") == NULL ||
            (strstr (url, "#Y#") == NULL && strstr (url, "#TMSY#") == NULL)))
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 _("“%s” lacks a place for the tile: write #Z# for the zoom, #X# for the column and #Y# (or #TMSY#) for the row"),
                 url);
  banso_field_set_error (GTK_WIDGET (row), self->tiles_error, error);
  if (error == NULL)
    g_settings_set_string (banso_context_get_settings (self->context), "map-online-url", url);
}

static void
banso_preferences_window_dispose (GObject *object)
{
  BansoPreferencesWindow *self = (BansoPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BANSO_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (banso_preferences_window_parent_class)->dispose (object);
}

static void
banso_preferences_window_class_init (BansoPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = banso_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/banso/Banso/ui/banso-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BansoPreferencesWindow, user_row);
  gtk_widget_class_bind_template_child (widget_class, BansoPreferencesWindow, lock_adjustment);
  gtk_widget_class_bind_template_child (widget_class, BansoPreferencesWindow, path_row);
  gtk_widget_class_bind_template_child (widget_class, BansoPreferencesWindow, check_row);
  gtk_widget_class_bind_template_child (widget_class, BansoPreferencesWindow, check_button);
  gtk_widget_class_bind_template_child (widget_class, BansoPreferencesWindow, tiles_row);
  gtk_widget_class_bind_template_child (widget_class, BansoPreferencesWindow, tiles_error);
  gtk_widget_class_bind_template_callback (widget_class, on_check_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_tiles_apply);
}

static void
banso_preferences_window_init (BansoPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Who is working is the login's; the Preferences only show it. An
 * administrator also gets the Users page. */
GtkWindow *
banso_preferences_window_new (BansoContext *context)
{
  BansoPreferencesWindow *self = g_object_new (BANSO_TYPE_PREFERENCES_WINDOW, NULL);
  BansoUser *current = banso_context_get_user (context);

  self->context = g_object_ref (context);
  if (current != NULL)
    {
      /* Translators: the user's full name, login name and role. */
      g_autofree char *subtitle = g_strdup_printf (_("%s (%s), %s"), banso_user_get_name (current),
                                                   banso_user_get_id (current),
                                                   banso_role_get_title (banso_user_get_role (current)));
      adw_action_row_set_subtitle (self->user_row, subtitle);
    }
  g_settings_bind (banso_context_get_settings (context), "lock-after-minutes",
                   self->lock_adjustment, "value", G_SETTINGS_BIND_DEFAULT);
  adw_action_row_set_subtitle (self->path_row, banso_store_get_path (banso_context_get_store (context)));
  {
    g_autofree char *url = g_settings_get_string (banso_context_get_settings (context),
                                                  "map-online-url");
    gtk_editable_set_text (GTK_EDITABLE (self->tiles_row), url);
  }

  if (current != NULL && banso_user_get_role (current) == BANSO_ROLE_ADMIN &&
      !banso_user_is_system (current))
    adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                ADW_PREFERENCES_PAGE (banso_users_page_new (context)));

  return GTK_WINDOW (self);
}
