/* banso-dictionary-page-files.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing and exporting dictionaries from the Dictionary section. An
 * import reads the whole file in a worker and stores all of it or nothing;
 * the bar above the section shows how far it is and can cancel it.
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-dict.h"
#include "banso-dict-tasks.h"
#include "banso-dictionary-page-private.h"
#include "banso-store-async.h"
#include "banso-ui-utils.h"

static void
set_busy (BansoDictionaryPage *self,
          gboolean             busy)
{
  gtk_revealer_set_reveal_child (self->progress_revealer, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dictionary.import", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dictionary.export", !busy);
  if (!busy)
    g_clear_object (&self->file_cancellable);
}

static void
on_cancel_clicked (BansoDictionaryPage *self,
                   GtkButton           *button)
{
  g_cancellable_cancel (self->file_cancellable);
}

/* How far the import is, handed from the worker to the main loop. */
typedef struct
{
  BansoDictionaryPage *page;
  double               fraction;
  guint                entries;
} Progress;

static gboolean
show_progress (gpointer user_data)
{
  Progress *progress = user_data;
  BansoDictionaryPage *self = progress->page;
  g_autofree char *text = NULL;

  if (self->file_cancellable != NULL)
    {
      /* Translators: the progress of a dictionary import. */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry read", "%u entries read",
                                           progress->entries), progress->entries);
      gtk_progress_bar_set_fraction (self->progress_bar, progress->fraction);
      gtk_progress_bar_set_text (self->progress_bar, text);
    }
  g_object_unref (self);
  g_free (progress);
  return G_SOURCE_REMOVE;
}

/* Called in the worker as it reads. */
static void
on_progress (guint64  done,
             guint64  total,
             guint    entries,
             gpointer user_data)
{
  Progress *progress = g_new0 (Progress, 1);

  progress->page = g_object_ref (user_data);
  progress->fraction = total > 0 ? MIN (1.0, (double)done / total) : 0;
  progress->entries = entries;
  g_idle_add (show_progress, progress);
}

/* Import {{{ */

static void start_import (BansoDictionaryPage  *self,
                          const char           *path,
                          BansoDictImportFlags  flags);

static void
on_missing_answered (AdwMessageDialog    *dialog,
                     const char          *response,
                     BansoDictionaryPage *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");

  if (g_strcmp0 (response, "import") == 0)
    start_import (self, path, BANSO_DICT_IMPORT_KEEP_MISSING_MEDIA);
}

/* A sound file the dictionary names is not beside it: the officials choose
 * between importing the entries without it and fetching it first. */
static void
ask_about_missing_media (BansoDictionaryPage *self,
                         const char          *path,
                         const GError        *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (root), _("A Sound File Is Missing"),
                                              error->message);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", error->message,
                                  _("The entries can be imported without their missing recordings; "
                                    "the references are kept, so an export gives them back."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import Without Them"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_missing_answered), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BansoDictionaryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoDictImportResult) imported = banso_store_task_finish (BANSO_STORE (source), result, &error);
  g_autofree char *message = NULL;

  set_busy (self, FALSE);
  if (imported == NULL && g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
      && self->import_path != NULL)
    {
      ask_about_missing_media (self, self->import_path, error);
      return;
    }
  if (imported == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        message = g_strdup (_("Import cancelled: no entry was added"));
      else
        /* Translators: the import of a dictionary failed; then the reason. */
        message = g_strdup_printf (_("Nothing imported: %s"), error->message);
    }
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "“%s”: %u entry imported",
                                            "“%s”: %u entries imported",
                                            imported->n_entries),
                               imported->title, imported->n_entries);
  banso_widget_add_toast (GTK_WIDGET (self), message);
}

static void
start_import (BansoDictionaryPage  *self,
              const char           *path,
              BansoDictImportFlags  flags)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *text = g_strdup_printf (_("Importing %s…"), name);
  BansoContext *context = self->context;

  g_free (self->import_path);
  self->import_path = g_strdup (path);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, text);
  self->file_cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  banso_dict_import_async (banso_context_get_store (context), banso_context_get_user (context), path,
                           NULL, flags, on_progress, self, self->file_cancellable,
                           on_import_done, g_object_ref (self));
}

static void
on_import_response (GtkNativeDialog     *dialog,
                    int                  response,
                    BansoDictionaryPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      start_import (self, path, BANSO_DICT_IMPORT_DEFAULT);
    }
  g_object_unref (dialog);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern,
            ...)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  va_list args;

  gtk_file_filter_set_name (filter, name);
  va_start (args, pattern);
  for (const char *p = pattern; p != NULL; p = va_arg (args, const char *))
    gtk_file_filter_add_pattern (filter, p);
  va_end (args);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BansoDictionaryPage *self = BANSO_DICTIONARY_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;

  if (self->context == NULL)
    return;
  dialog = gtk_file_chooser_native_new (_("Import a Dictionary"), GTK_WINDOW (root),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  add_filter (GTK_FILE_CHOOSER (dialog), _("All dictionaries"),
              "*.lift", "*.ifo", "*.index", "*.csv", NULL);
  add_filter (GTK_FILE_CHOOSER (dialog), _("LIFT (FieldWorks)"), "*.lift", NULL);
  add_filter (GTK_FILE_CHOOSER (dialog), _("StarDict"), "*.ifo", NULL);
  add_filter (GTK_FILE_CHOOSER (dialog), _("dictd"), "*.index", NULL);
  add_filter (GTK_FILE_CHOOSER (dialog), _("CSV"), "*.csv", NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_import_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* }}} */

/* Export {{{ */

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BansoDictionaryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree guint *n = banso_store_task_finish (BANSO_STORE (source), result, &error);
  g_autofree char *message = NULL;

  set_busy (self, FALSE);
  if (n == NULL)
    /* Translators: the export of a dictionary failed; then the reason. */
    message = g_strdup_printf (_("Not exported: %s"), error->message);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry exported",
                                            "%u entries exported", *n), *n);
  banso_widget_add_toast (GTK_WIDGET (self), message);
}

static void
on_export_response (GtkNativeDialog     *dialog,
                    int                  response,
                    BansoDictionaryPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      /* The format follows the name; LIFT unless it says otherwise. */
      if (!g_str_has_suffix (path, ".ifo") && !g_str_has_suffix (path, ".lift"))
        {
          char *with_suffix = g_strconcat (path, ".lift", NULL);

          g_free (path);
          path = with_suffix;
        }
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      gtk_progress_bar_set_text (self->progress_bar, _("Exporting…"));
      self->file_cancellable = g_cancellable_new ();
      set_busy (self, TRUE);
      banso_dict_export_async (banso_context_get_store (self->context), NULL,
                               _banso_dictionary_page_get_selected (self), path,
                               self->file_cancellable, on_export_done, g_object_ref (self));
    }
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BansoDictionaryPage *self = BANSO_DICTIONARY_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;

  if (self->context == NULL)
    return;
  if (_banso_dictionary_page_get_selected (self) == NULL)
    {
      banso_widget_add_toast (widget, _("Choose the dictionary to export first"));
      return;
    }
  dialog = gtk_file_chooser_native_new (_("Export the Dictionary"), GTK_WINDOW (root),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  add_filter (GTK_FILE_CHOOSER (dialog), _("LIFT (FieldWorks)"), "*.lift", NULL);
  add_filter (GTK_FILE_CHOOSER (dialog), _("StarDict"), "*.ifo", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "dictionary.lift");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* }}} */

void
_banso_dictionary_page_class_init_files (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_install_action (widget_class, "dictionary.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "dictionary.export", NULL, export_action);
}
