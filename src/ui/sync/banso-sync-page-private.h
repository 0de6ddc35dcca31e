/* banso-sync-page-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-sync-manager.h"
#include "banso-sync-page.h"

G_BEGIN_DECLS

struct _BansoSyncPage
{
  GtkWidget             parent_instance;

  BansoContext         *context;
  BansoSyncManager     *manager;
  GCancellable         *cancellable;
  guint                 pulse_id;
  gboolean              loading_settings;
  gboolean              saving;
  gboolean              log_reading;
  gboolean              log_again;
  gboolean              conflicts_reading;
  gboolean              conflicts_again;
  char                 *ca_file;
  GtkFileChooserNative *chooser;

  AdwPreferencesPage   *preferences_page;
  AdwActionRow         *status_row;
  GtkStack             *status_icon_stack;
  GtkImage             *status_icon;
  GtkSpinner           *status_spinner;
  GtkButton            *sync_button;
  GtkRevealer          *progress_revealer;
  GtkProgressBar       *progress_bar;

  AdwEntryRow          *server_row;
  AdwPreferencesRow    *server_error_row;
  GtkLabel             *server_error;
  AdwEntryRow          *database_row;
  AdwPreferencesRow    *database_error_row;
  GtkLabel             *database_error;
  AdwEntryRow          *login_row;
  AdwEntryRow          *password_row;
  AdwPreferencesRow    *password_note_row;
  GtkLabel             *password_note;
  AdwActionRow         *ca_row;
  GtkButton            *ca_clear_button;
  GtkButton            *ca_choose_button;
  AdwPreferencesRow    *ca_error_row;
  GtkLabel             *ca_error;
  GtkSwitch            *media_metered_switch;
  GtkLabel             *settings_note;
  GtkButton            *save_button;

  GtkListBox           *conflicts_list;
  GtkListBox           *log_list;
};

/* banso-sync-page-settings.c */
void _banso_sync_page_class_init_settings (GtkWidgetClass *widget_class);
void _banso_sync_page_load_settings       (BansoSyncPage  *self);
void _banso_sync_page_set_field_error     (BansoSyncPage  *self,
                                           AdwEntryRow    *field,
                                           const char     *message);

G_END_DECLS
