/* banso-sync-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Sync section: where sync stands and a button to sync now, the server
 * settings (banso-sync-page-settings.c), the records whose versions
 * conflict, and the log of the last runs. Everything it shows comes from the
 * sync manager's properties or is read in a worker thread.
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-conflicts.h"
#include "banso-conflict-dialog.h"
#include "banso-store-async.h"
#include "banso-sync-indicator.h"
#include "banso-sync-log.h"
#include "banso-sync-page-private.h"
#include "banso-ui-utils.h"

#define LOG_LIMIT 50

static void banso_sync_page_section_init (BansoSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BansoSyncPage, banso_sync_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BANSO_TYPE_SECTION,
                                                      banso_sync_page_section_init))

/* All are BansoSection's. */
enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_ICON_NAME,
  PROP_BADGE,
  PROP_BADGE_DESCRIPTION,
  PROP_SEARCHABLE,
  PROP_SEARCH_MODE,
  PROP_COMMANDS,
};

static void refresh_log (BansoSyncPage *self);
static void refresh_conflicts (BansoSyncPage *self);
static void on_compare_clicked (BansoSyncPage *self,
                                GtkButton     *button);

const char *
banso_sync_page_get_title (BansoSyncPage *self)
{
  return _("Sync");
}

static char *
format_local (GDateTime  *when,
              const char *format)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);

  return g_date_time_format (local, format);
}

/* The status and the progress {{{ */

static gboolean
pulse (gpointer user_data)
{
  BansoSyncPage *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
update_progress (BansoSyncPage *self)
{
  BansoSyncManager *m = self->manager;
  gboolean syncing = banso_sync_manager_get_state (m) == BANSO_SYNC_STATE_SYNCING;
  guint64 done = banso_sync_manager_get_done (m);
  guint64 total = banso_sync_manager_get_total (m);

  gtk_revealer_set_reveal_child (self->progress_revealer, syncing);
  if (!syncing || total > 0)
    g_clear_handle_id (&self->pulse_id, g_source_remove);

  if (!syncing)
    return;
  if (total > 0)
    {
      g_autofree char *n_done = g_strdup_printf ("%'" G_GUINT64_FORMAT, done);
      g_autofree char *n_total = g_strdup_printf ("%'" G_GUINT64_FORMAT, total);
      g_autofree char *step = NULL;
      g_autofree char *text = NULL;
      const char *database = banso_sync_manager_get_database (m);

      if (banso_sync_manager_get_phase (m) == BANSO_SYNC_MEDIA)
        /* Translators: the progress of a sync run in megabytes of media files. */
        step = g_strdup_printf (_("Media files: %s of %s MB"), n_done, n_total);
      else if (banso_sync_manager_get_phase (m) == BANSO_SYNC_PULL)
        /* Translators: the progress of a sync run: "Receiving: 1,200 of 5,000". */
        step = g_strdup_printf (_("Receiving: %s of %s"), n_done, n_total);
      else
        /* Translators: the progress of a sync run: "Sending: 1,200 of 5,000". */
        step = g_strdup_printf (_("Sending: %s of %s"), n_done, n_total);
      /* Translators: a server database, then what the sync does there, e.g.
       * "danh-muc-hanh-chinh — Receiving: 1,200 of 5,000". */
      text = database ? g_strdup_printf (_("%s — %s"), database, step) : g_steal_pointer (&step);
      gtk_progress_bar_set_fraction (self->progress_bar, MIN (1.0, (double)done / total));
      gtk_progress_bar_set_text (self->progress_bar, text);
    }
  else
    {
      gtk_progress_bar_set_text (self->progress_bar, _("Connecting to the server…"));
      if (self->pulse_id == 0)
        self->pulse_id = g_timeout_add (120, pulse, self);
    }
}

static void
update_status (BansoSyncPage *self)
{
  BansoSyncManager *m = self->manager;
  BansoSyncState state = banso_sync_manager_get_state (m);
  g_autofree char *summary = banso_sync_manager_dup_summary (m);
  g_autoptr(GString) detail = g_string_new (NULL);
  guint conflicts = banso_sync_manager_get_conflicts (m);
  GDateTime *success = banso_sync_manager_get_last_success (m);

  switch (state)
    {
    case BANSO_SYNC_STATE_NOT_CONFIGURED:
      g_string_append (detail, _("Enter the address of the sync server below and press Save."));
      break;
    case BANSO_SYNC_STATE_SYNCING:
      g_string_append (detail, _("You can go on working while Banso syncs."));
      break;
    case BANSO_SYNC_STATE_OFFLINE:
      g_string_append (detail, _("Banso syncs as soon as a network connection appears."));
      break;
    case BANSO_SYNC_STATE_FAILED:
      if (banso_sync_manager_get_last_error (m) != NULL)
        g_string_append_printf (detail, "%s\n", banso_sync_manager_get_last_error (m));
      g_string_append (detail, _("Banso tries again in a few minutes, or press Sync Now."));
      break;
    case BANSO_SYNC_STATE_IDLE:
    default:
      if (success != NULL)
        {
          g_autofree char *when = format_local (success, "%d/%m/%Y %H:%M");
          g_string_append_printf (detail, _("Last synced %s."), when);
        }
      else
        g_string_append (detail, _("Banso syncs a few seconds after it starts, then every few minutes."));
      break;
    }
  {
    g_autofree char *media = banso_sync_manager_dup_media_note (m);
    if (media != NULL)
      g_string_append_printf (detail, "\n%s", media);
  }
  if (conflicts > 0)
    {
      g_string_append_c (detail, '\n');
      g_string_append_printf (detail,
                              ngettext ("%u record has conflicting versions: see Conflicts below.",
                                        "%u records have conflicting versions: see Conflicts below.",
                                        conflicts),
                              conflicts);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), summary);
  adw_action_row_set_subtitle (self->status_row, detail->str);
  gtk_image_set_from_icon_name (self->status_icon, banso_sync_state_icon_name (m));
  gtk_stack_set_visible_child_name (self->status_icon_stack,
                                    state == BANSO_SYNC_STATE_SYNCING ? "spinner" : "icon");
  gtk_spinner_set_spinning (self->status_spinner, state == BANSO_SYNC_STATE_SYNCING);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.sync-now",
                                 state != BANSO_SYNC_STATE_NOT_CONFIGURED &&
                                 state != BANSO_SYNC_STATE_SYNCING);
  update_progress (self);
}

static void
sync_now_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BansoSyncPage *self = BANSO_SYNC_PAGE (widget);

  if (self->manager != NULL)
    banso_sync_manager_sync_now (self->manager);
}

/* }}} */

/* The log of runs {{{ */

static void
log_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *runs = banso_sync_log_list (BANSO_STORE (source_object), LOG_LIMIT, &error);

  if (runs == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, runs, (GDestroyNotify)g_ptr_array_unref);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    {
      if (!GTK_IS_LIST_BOX_ROW (child))
        break;
      gtk_list_box_remove (list, child);
    }
}

static char *
format_run_time (const char *iso)
{
  g_autoptr(GDateTime) when = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;

  if (when == NULL)
    return g_strdup (iso ? iso : "");
  return format_local (when, "%d/%m/%Y %H:%M");
}

static GtkWidget *
make_run_row (BansoSyncPage      *self,
              const BansoSyncRun *run,
              gboolean            newest)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = format_run_time (run->started_at);
  g_autofree char *title = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *pushed = g_strdup_printf ("%'" G_GINT64_FORMAT, run->pushed);
  g_autofree char *pulled = g_strdup_printf ("%'" G_GINT64_FORMAT, run->pulled);
  g_autofree char *accessible = NULL;
  g_autofree char *outcome = NULL;
  const char *icon;
  GtkWidget *image;

  /* Translators: a run in the sync log: when, with which server and database. */
  title = g_strdup_printf (_("%s — %s, database %s"), when, run->server ? run->server : "",
                           run->database && *run->database ? run->database : "banso");
  /* Translators: how many changes a sync run sent and received. */
  counts = g_strdup_printf (_("Sent %s, received %s"), pushed, pulled);

  if (g_strcmp0 (run->status, "ok") == 0)
    {
      outcome = g_strdup (_("OK"));
      icon = "emblem-ok-symbolic";
    }
  else if (g_strcmp0 (run->status, "running") == 0)
    {
      gboolean current = newest && self->manager != NULL &&
                         banso_sync_manager_get_state (self->manager) == BANSO_SYNC_STATE_SYNCING;
      outcome = g_strdup (current ? _("Running…") : _("Stopped before the end"));
      icon = current ? "emblem-synchronizing-symbolic" : "dialog-warning-symbolic";
    }
  else
    {
      /* Translators: a failed run in the sync log, and why it failed. */
      outcome = run->message && *run->message ? g_strdup_printf (_("Failed: %s"), run->message)
                                              : g_strdup (_("Failed"));
      icon = "dialog-warning-symbolic";
    }
  subtitle = g_strdup_printf ("%s · %s", counts, outcome);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  image = gtk_image_new_from_icon_name (icon);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  g_strcmp0 (run->status, "ok") == 0 ? _("OK") : _("Failed"), -1);
  if (g_strcmp0 (run->status, "ok") == 0)
    gtk_widget_add_css_class (image, "success");
  else if (g_strcmp0 (run->status, "failed") == 0)
    gtk_widget_add_css_class (image, "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  accessible = g_strdup_printf ("%s. %s", title, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return row;
}

static void
log_done (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(BansoSyncPage) self = user_data;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;

  runs = banso_store_task_finish (BANSO_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->log_reading = FALSE;

  clear_list (self->log_list);
  if (runs == NULL)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The log could not be read"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      gtk_list_box_append (self->log_list, row);
    }
  for (guint i = 0; runs && i < runs->len; i++)
    gtk_list_box_append (self->log_list, make_run_row (self, g_ptr_array_index (runs, i), i == 0));

  if (self->log_again)
    {
      self->log_again = FALSE;
      refresh_log (self);
    }
}

static void
refresh_log (BansoSyncPage *self)
{
  if (self->context == NULL)
    return;
  if (self->log_reading)
    {
      self->log_again = TRUE;
      return;
    }
  self->log_reading = TRUE;
  banso_store_run_async (banso_context_get_store (self->context), log_thread, NULL, NULL,
                         self->cancellable, log_done, g_object_ref (self));
}

/* }}} */

/* The conflicts {{{ */

static GtkWidget *
make_conflict_row (BansoSyncPage            *self,
                   const BansoConflictEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *versions = g_strdup_printf (ngettext ("%u version", "%u versions",
                                                         entry->n_versions),
                                               entry->n_versions);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", banso_conflict_type_label (entry->type),
                                               versions);
  g_autofree char *accessible = g_strdup_printf ("%s, %s, %s", entry->name,
                                                 banso_conflict_type_label (entry->type),
                                                 versions);
  g_autofree char *compare = g_strdup_printf (_("Compare the versions of %s"), entry->name);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Compare…"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);

  /* A button as well as the row: found by every way of pointing, a screen
   * reader's included. */
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Compare the versions and choose what to keep"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  compare, -1);
  g_object_set_data_full (G_OBJECT (button), "banso-conflict-id", g_strdup (entry->id), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_compare_clicked), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  return row;
}

static void
conflicts_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BansoSyncPage) self = user_data;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = banso_store_task_finish (BANSO_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->conflicts_reading = FALSE;

  clear_list (self->conflicts_list);
  if (entries == NULL)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("The conflicts could not be read"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      gtk_list_box_append (self->conflicts_list, row);
    }
  for (guint i = 0; entries && i < entries->len; i++)
    gtk_list_box_append (self->conflicts_list,
                          make_conflict_row (self, g_ptr_array_index (entries, i)));

  if (self->conflicts_again)
    {
      self->conflicts_again = FALSE;
      refresh_conflicts (self);
    }
}

static void
refresh_conflicts (BansoSyncPage *self)
{
  if (self->context == NULL)
    return;
  if (self->conflicts_reading)
    {
      self->conflicts_again = TRUE;
      return;
    }
  self->conflicts_reading = TRUE;
  banso_conflict_entries_read_async (banso_context_get_store (self->context), self->cancellable,
                                     conflicts_done, g_object_ref (self));
}

static void
on_conflict_resolved (BansoConflictDialog *dialog,
                      const char          *name,
                      BansoSyncPage       *self)
{
  g_autofree char *title = g_strdup_printf (_("Kept the chosen values for %s"), name);

  banso_widget_add_toast (GTK_WIDGET (self), title);
  refresh_conflicts (self);
  /* The other offices should see the outcome soon. */
  if (self->manager != NULL)
    banso_sync_manager_sync_now (self->manager);
}

static void
on_compare_clicked (BansoSyncPage *self,
                    GtkButton     *button)
{
  const char *id = g_object_get_data (G_OBJECT (button), "banso-conflict-id");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *dialog;

  if (id == NULL || self->context == NULL)
    return;
  dialog = banso_conflict_dialog_new (self->context, id,
                                      GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  g_signal_connect_object (dialog, "resolved", G_CALLBACK (on_conflict_resolved), self, 0);
  gtk_window_present (dialog);
}

/* }}} */

static void
on_state_changed (BansoSyncPage *self)
{
  update_status (self);
  /* The newest run of the log reads "Running…" only while it runs. */
  refresh_log (self);
}

static void
on_run_finished (BansoSyncManager *manager,
                 const GError     *error,
                 BansoSyncPage    *self)
{
  refresh_log (self);
  refresh_conflicts (self);
}

/* The sidebar row counts the records waiting for a choice. */
static guint
count_conflicts (BansoSyncPage *self)
{
  return self->manager != NULL ? banso_sync_manager_get_conflicts (self->manager) : 0;
}

static void
notify_badge (BansoSyncPage *self)
{
  g_object_notify (G_OBJECT (self), "badge");
  g_object_notify (G_OBJECT (self), "badge-description");
}

void
banso_sync_page_set_context (BansoSyncPage *self,
                             BansoContext  *context)
{
  g_return_if_fail (BANSO_IS_SYNC_PAGE (self));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  self->manager = banso_context_get_sync_manager (context);
  if (self->manager != NULL)
    {
      g_object_ref (self->manager);
      g_signal_connect_object (self->manager, "notify::summary", G_CALLBACK (update_status),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->manager, "notify::state", G_CALLBACK (on_state_changed),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->manager, "notify::conflicts", G_CALLBACK (update_status),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->manager, "notify::conflicts", G_CALLBACK (refresh_conflicts),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->manager, "notify::conflicts", G_CALLBACK (notify_badge),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->manager, "run-finished", G_CALLBACK (on_run_finished),
                               self, 0);
      update_status (self);
    }
  _banso_sync_page_load_settings (self);
  refresh_log (self);
  refresh_conflicts (self);
  notify_badge (self);
}

static void
banso_sync_page_dispose (GObject *object)
{
  BansoSyncPage *self = (BansoSyncPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), BANSO_TYPE_SYNC_PAGE);
  g_clear_object (&self->manager);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->ca_file, g_free);

  G_OBJECT_CLASS (banso_sync_page_parent_class)->dispose (object);
}

static void
banso_sync_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BansoSyncPage *self = BANSO_SYNC_PAGE (object);
  guint conflicts = count_conflicts (self);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, banso_sync_page_get_title (self));
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, NULL);
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, "emblem-synchronizing-symbolic");
      break;

    case PROP_BADGE:
      g_value_take_string (value, conflicts > 0 ? g_strdup_printf ("%u", conflicts) : NULL);
      break;

    case PROP_BADGE_DESCRIPTION:
      g_value_take_string (value, conflicts == 0 ? NULL
                           : g_strdup_printf (ngettext ("%u record with conflicting versions",
                                                        "%u records with conflicting versions",
                                                        conflicts), conflicts));
      break;

    case PROP_SEARCHABLE:
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, FALSE);
      break;

    case PROP_COMMANDS:
      g_value_set_uint (value, 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
banso_sync_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      /* The section has nothing to search. */
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
banso_sync_page_section_set_context (BansoSection *section,
                                     BansoContext *context)
{
  banso_sync_page_set_context (BANSO_SYNC_PAGE (section), context);
}

static void
banso_sync_page_section_init (BansoSectionInterface *iface)
{
  iface->set_context = banso_sync_page_section_set_context;
}

static void
banso_sync_page_class_init (BansoSyncPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = banso_sync_page_dispose;
  object_class->get_property = banso_sync_page_get_property;
  object_class->set_property = banso_sync_page_set_property;

  banso_section_override_properties (object_class, PROP_TITLE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/banso/Banso/ui/banso-sync-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BansoSyncPage, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, BansoSyncPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, BansoSyncPage, status_icon_stack);
  gtk_widget_class_bind_template_child (widget_class, BansoSyncPage, status_icon);
  gtk_widget_class_bind_template_child (widget_class, BansoSyncPage, status_spinner);
  gtk_widget_class_bind_template_child (widget_class, BansoSyncPage, sync_button);
  gtk_widget_class_bind_template_child (widget_class, BansoSyncPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, BansoSyncPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, BansoSyncPage, server_row);
  gtk_widget_class_bind_template_child (widget_class, BansoSyncPage, server_error_row);
  gtk_widget_class_bind_template_child (widget_class, BansoSyncPage, server_error);
  gtk_widget_class_bind_template_child (widget_class, BansoSyncPage, database_row);
  gtk_widget_class_bind_template_child (widget_class, BansoSyncPage, database_error_row);
  gtk_widget_class_bind_template_child (widget_class, BansoSyncPage, database_error);
  gtk_widget_class_bind_template_child (widget_class, BansoSyncPage, login_row);
  gtk_widget_class_bind_template_child (widget_class, BansoSyncPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, BansoSyncPage, password_note_row);
  gtk_widget_class_bind_template_child (widget_class, BansoSyncPage, password_note);
  gtk_widget_class_bind_template_child (widget_class, BansoSyncPage, ca_row);
  gtk_widget_class_bind_template_child (widget_class, BansoSyncPage, media_metered_switch);
  gtk_widget_class_bind_template_child (widget_class, BansoSyncPage, ca_clear_button);
  gtk_widget_class_bind_template_child (widget_class, BansoSyncPage, ca_choose_button);
  gtk_widget_class_bind_template_child (widget_class, BansoSyncPage, ca_error_row);
  gtk_widget_class_bind_template_child (widget_class, BansoSyncPage, ca_error);
  gtk_widget_class_bind_template_child (widget_class, BansoSyncPage, settings_note);
  gtk_widget_class_bind_template_child (widget_class, BansoSyncPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, BansoSyncPage, conflicts_list);
  gtk_widget_class_bind_template_child (widget_class, BansoSyncPage, log_list);

  gtk_widget_class_install_action (widget_class, "sync.sync-now", NULL, sync_now_action);
  _banso_sync_page_class_init_settings (widget_class);
}

static void
banso_sync_page_init (BansoSyncPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.sync-now", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.save", FALSE);
}
