/* banso-records-page-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-household-csv.h"
#include "banso-household-export.h"
#include "banso-household-store.h"
#include "banso-import-report.h"
#include "banso-prestige.h"
#include "banso-records-page-private.h"
#include "banso-records-tasks.h"
#include "banso-store-async.h"
#include "banso-ui-utils.h"

void
_banso_records_page_update_actions (BansoRecordsPage *self)
{
  gboolean ready = self->context != NULL;
  gboolean selected = _banso_records_page_get_selected (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.add", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.edit", ready && selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.delete", ready && selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.import",
                                 ready && (self->info->commands & BANSO_SECTION_IMPORT) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.export",
                                 ready && (self->info->commands & BANSO_SECTION_EXPORT) != 0);
}

static void
present_form (BansoRecordsPage *self,
              GtkWindow        *form)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_window_set_transient_for (form, GTK_WINDOW (root));
  gtk_window_present (form);
}

static void
show_error (BansoRecordsPage *self,
            const char       *heading,
            const char       *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (root), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  BansoRecordsPage *self = BANSO_RECORDS_PAGE (widget);

  _banso_records_page_dismiss_undo (self);
  present_form (self, self->info->new_form (self->context, NULL));
}

/* Edit */

static void
record_loaded (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(BansoRecordsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gpointer record = banso_store_task_finish (BANSO_STORE (object), result, &error);

  if (record == NULL)
    {
      show_error (self, _("The record could not be opened"), error->message);
      return;
    }

  present_form (self, self->info->new_form (self->context, record));
  self->info->free_record (record);
}

static void
open_row (BansoRecordsPage *self,
          BansoRecordRow   *row)
{
  if (row == NULL || !banso_record_row_get_loaded (row))
    return;

  banso_records_load_async (banso_context_get_store (self->context),
                            banso_record_row_get_id (row), self->cancellable,
                            record_loaded, g_object_ref (self));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BansoRecordsPage *self = BANSO_RECORDS_PAGE (widget);

  _banso_records_page_dismiss_undo (self);
  open_row (self, _banso_records_page_get_selected (self));
}

void
_banso_records_page_row_activated (GtkColumnView    *view,
                                   guint             position,
                                   BansoRecordsPage *self)
{
  g_autoptr(BansoRecordRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  open_row (self, row);
}

/* Delete, with Undo */

/* The Undo of a removal waits for the user: it goes when they dismiss it or
 * when they do the next thing on the page, which is when a deletion they did
 * not take back is settled. A timeout would take the choice away from someone
 * who was reading the list. */
void
_banso_records_page_dismiss_undo (BansoRecordsPage *self)
{
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  g_clear_weak_pointer (&self->undo_toast);
}

/* What the toast of a removal holds until Undo or its dismissal. */
typedef struct
{
  BansoRecordsPage *page;
  BansoRemoval     *removal;
  char             *title;
} Removed;

static void
removed_free (Removed *removed)
{
  g_clear_object (&removed->page);
  g_clear_pointer (&removed->removal, banso_removal_free);
  g_free (removed->title);
  g_free (removed);
}

static void
record_restored (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(BansoRecordsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  banso_store_task_finish (BANSO_STORE (object), result, &error);
  if (error != NULL)
    show_error (self, _("The record could not be restored"), error->message);
  else
    banso_widget_add_toast (GTK_WIDGET (self), _("Restored"));
}

static void
on_undo_clicked (AdwToast *toast,
                 gpointer  user_data)
{
  Removed *removed = g_object_steal_data (G_OBJECT (toast), "removal");
  BansoRecordsPage *self;

  if (removed == NULL)
    return;
  self = g_object_ref (removed->page);
  banso_records_restore_async (banso_context_get_store (self->context),
                               banso_context_get_user (self->context),
                               g_steal_pointer (&removed->removal), NULL, record_restored, self);
  removed_free (removed);
}

static void
record_removed (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Removed *removed = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  removed->removal = banso_store_task_finish (BANSO_STORE (object), result, &error);
  if (error != NULL)
    {
      show_error (removed->page, _("The record was not removed"), error->message);
      removed_free (removed);
      return;
    }

  /* Translators: a name, e.g. "Removed Lò Văn Pơm". */
  title = g_strdup_printf (_("Removed %s"), removed->title);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_undo_clicked), NULL);
  g_object_set_data_full (G_OBJECT (toast), "removal", removed, (GDestroyNotify)removed_free);
  _banso_records_page_dismiss_undo (removed->page);
  g_set_weak_pointer (&removed->page->undo_toast, toast);
  banso_widget_show_toast (GTK_WIDGET (removed->page), toast);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BansoRecordsPage *self = BANSO_RECORDS_PAGE (widget);
  BansoRecordRow *row = _banso_records_page_get_selected (self);
  Removed *removed;

  if (row == NULL)
    return;

  removed = g_new0 (Removed, 1);
  removed->page = g_object_ref (self);
  removed->title = g_strdup (banso_record_row_get_value (row, 0));
  banso_records_remove_async (banso_context_get_store (self->context),
                              banso_context_get_user (self->context), self->info->kind,
                              banso_record_row_get_id (row), NULL, record_removed, removed);
}

/* Import */

typedef struct
{
  BansoRecordsPage  *page;
  char              *path;
  BansoUser         *user;
  GCancellable      *cancellable;
  GtkWindow         *progress_dialog;
  GtkLabel          *progress_label;
  GtkWidget         *cancel_button;
  guint              lines;
  gint               stage;
  guint              idle_id;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_handle_id (&job->idle_id, g_source_remove);
  g_clear_object (&job->page);
  g_clear_object (&job->user);
  g_clear_object (&job->cancellable);
  g_free (job->path);
  g_free (job);
}

static gboolean
show_import_progress (gpointer data)
{
  ImportJob *job = data;
  g_autofree char *number = banso_format_count (g_atomic_int_get (&job->lines));
  g_autofree char *text = NULL;

  /* After the rows, a large file's indexes take a while with nothing to count. */
  if (g_atomic_int_get (&job->stage) == BANSO_IMPORT_STAGE_INDEXING)
    {
      /* Past the point where the import can stop. */
      gtk_widget_set_sensitive (job->cancel_button, FALSE);
      text = g_strdup_printf (_("Checked all %s lines; building the lists and the search…"), number);
    }
  else
    text = g_strdup_printf (_("Checked %s lines…"), number);
  gtk_label_set_text (job->progress_label, text);
  return G_SOURCE_CONTINUE;
}

static void
import_progress (BansoImportStage  stage,
                 guint             lines,
                 gpointer          user_data)
{
  ImportJob *job = user_data;

  g_atomic_int_set (&job->lines, lines);
  g_atomic_int_set (&job->stage, stage);
}

static void
run_import (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  ImportJob *job = task_data;
  GError *error = NULL;
  BansoImportResult *result;

  result = banso_household_import_csv (BANSO_STORE (source_object), job->user, job->path,
                                       import_progress, job, job->cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify)banso_import_result_free);
}

static void
import_done (GObject      *object,
             GAsyncResult *res,
             gpointer      user_data)
{
  g_autoptr(BansoRecordsPage) self = user_data;
  ImportJob *job = g_task_get_task_data (G_TASK (res));
  g_autoptr(BansoImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_path_get_basename (job->path);

  g_clear_handle_id (&job->idle_id, g_source_remove);
  gtk_window_destroy (job->progress_dialog);

  result = banso_store_task_finish (BANSO_STORE (object), res, &error);
  if (result == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *heading = g_strdup_printf (_("%s was not imported"), basename);
          show_error (self, heading, error->message);
        }
      return;
    }

  if (result->problems->len > 0)
    {
      GtkWindow *report = banso_import_report_new (basename, result->problems);
      present_form (self, report);
      return;
    }

  {
    g_autofree char *text = NULL;
    g_autofree char *number = banso_format_count (result->households);

    if (result->converted_from != NULL)
      text = g_strdup_printf (_("Imported %s households from %s (converted from %s)"), number,
                              basename, result->converted_from);
    else
      text = g_strdup_printf (_("Imported %s households from %s"), number, basename);
    banso_widget_add_toast (GTK_WIDGET (self), text);
  }
}

static void
on_import_cancel (GtkButton *button,
                  ImportJob *job)
{
  g_cancellable_cancel (job->cancellable);
}

static GtkWindow *
build_progress_dialog (BansoRecordsPage *self,
                       const char       *title,
                       GtkLabel        **label,
                       GtkButton       **cancel)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *spinner = gtk_spinner_new ();

  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_deletable (GTK_WINDOW (window), FALSE);
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, -1);
  gtk_window_set_transient_for (GTK_WINDOW (window),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_spinner_start (GTK_SPINNER (spinner));
  *label = GTK_LABEL (gtk_label_new (NULL));
  *cancel = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Cancel")));
  gtk_widget_set_halign (GTK_WIDGET (*cancel), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), spinner);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*cancel));
  adw_window_set_content (ADW_WINDOW (window), box);
  return GTK_WINDOW (window);
}

void
_banso_records_page_import_file (BansoRecordsPage *self,
                                 GFile            *file)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job = g_new0 (ImportJob, 1);
  GtkButton *cancel;

  job->page = g_object_ref (self);
  job->path = g_file_get_path (file);
  job->user = g_object_ref (banso_context_get_user (self->context));
  job->cancellable = g_cancellable_new ();
  job->progress_dialog = build_progress_dialog (self, _("Importing Households"),
                                                &job->progress_label, &cancel);
  g_signal_connect (cancel, "clicked", G_CALLBACK (on_import_cancel), job);
  job->cancel_button = GTK_WIDGET (cancel);
  job->idle_id = g_timeout_add (200, show_import_progress, job);
  gtk_window_present (job->progress_dialog);

  task = g_task_new (banso_context_get_store (self->context), NULL, import_done, g_object_ref (self));
  g_task_set_source_tag (task, _banso_records_page_import_file);
  g_task_set_task_data (task, job, (GDestroyNotify)import_job_free);
  g_task_run_in_thread (task, run_import);
}

static GtkFileFilter *
csv_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  return filter;
}

static void
on_import_response (GtkNativeDialog  *dialog,
                    int               response,
                    BansoRecordsPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      _banso_records_page_import_file (self, file);
    }
  g_object_unref (dialog);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BansoRecordsPage *self = BANSO_RECORDS_PAGE (widget);
  GtkFileChooserNative *dialog;

  _banso_records_page_dismiss_undo (self);
  dialog = gtk_file_chooser_native_new (_("Import Households"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), csv_filter ());
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Export */

typedef struct
{
  GFile             *file;
  BansoRecordFilter *filter;
  BansoUser         *user;
  guint              households;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->file);
  g_clear_object (&job->user);
  banso_record_filter_free (job->filter);
  g_free (job);
}

static void
run_export (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GFileOutputStream) out = NULL;
  GError *error = NULL;

  /* Written beside the target and moved over it at the end: a failed export
   * never leaves half a file where the old one was. */
  out = g_file_replace (job->file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                        cancellable, &error);
  if (out == NULL ||
      !banso_household_export_csv (BANSO_STORE (source_object), job->user, job->filter,
                                   G_OUTPUT_STREAM (out), &job->households, cancellable, &error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
export_done (GObject      *object,
             GAsyncResult *res,
             gpointer      user_data)
{
  g_autoptr(BansoRecordsPage) self = user_data;
  ExportJob *job = g_task_get_task_data (G_TASK (res));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (job->file);

  if (!g_task_propagate_boolean (G_TASK (res), &error))
    {
      g_autofree char *heading = g_strdup_printf (_("%s was not written"), name);
      show_error (self, heading, error->message);
      return;
    }

  {
    g_autofree char *number = banso_format_count (job->households);
    g_autofree char *text = g_strdup_printf (_("Exported %s households to %s"), number, name);
    banso_widget_add_toast (GTK_WIDGET (self), text);
  }
}

void
_banso_records_page_export_file (BansoRecordsPage *self,
                                 GFile            *file)
{
  g_autoptr(GTask) task = g_task_new (banso_context_get_store (self->context), NULL, export_done,
                                      g_object_ref (self));
  ExportJob *job = g_new0 (ExportJob, 1);

  job->file = g_object_ref (file);
  job->filter = banso_record_filter_copy (banso_record_list_get_filter (self->list));
  if (banso_context_get_user (self->context) != NULL)
    job->user = g_object_ref (banso_context_get_user (self->context));
  g_task_set_source_tag (task, _banso_records_page_export_file);
  g_task_set_task_data (task, job, (GDestroyNotify)export_job_free);
  g_task_run_in_thread (task, run_export);
}

static void
on_export_response (GtkNativeDialog  *dialog,
                    int               response,
                    BansoRecordsPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      _banso_records_page_export_file (self, file);
    }
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkFileChooserNative *dialog;

  _banso_records_page_dismiss_undo (BANSO_RECORDS_PAGE (widget));
  dialog = gtk_file_chooser_native_new (_("Export Households"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* Translators: the suggested file name of an export; keep it short, no spaces. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("households.csv"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), csv_filter ());
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_response), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
_banso_records_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "records.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "records.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "records.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "records.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "records.export", NULL, export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "records.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "records.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "records.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "records.export", NULL);
}
