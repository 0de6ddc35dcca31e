/* banso-map-page-warnings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Disaster warnings (cảnh báo thiên tai) on the map: a warning area imported
 * from a GeoJSON or KML file is saved as a document by the geo library, drawn
 * over the communes, and the communes and villages it touches are listed with
 * their households, people, poor households and prestigious persons; the list
 * exports as CSV. The saved warnings are listed to be shown again.
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-geo-feature.h"
#include "banso-map-page-private.h"
#include "banso-store-async.h"
#include "banso-ui-utils.h"

static void show_warning (BansoMapPage *self,
                          const char   *id);

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWindow *
parent_window (BansoMapPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The warning shown {{{ */

static char *
format_counts (const BansoAffectedArea *a)
{
  g_autofree char *households = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u household",
                                                              "%'u households", a->households),
                                                 a->households);
  g_autofree char *people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u person",
                                                          "%'u people", a->people), a->people);
  g_autofree char *poor = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u poor household",
                                                        "%'u poor households", a->poor), a->poor);
  g_autofree char *prestige = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%'u prestigious person",
                                                            "%'u prestigious persons",
                                                            a->prestige), a->prestige);

  /* Translators: what a warning area holds: households, people, poor
   * households, prestigious persons. */
  return g_strdup_printf (_("%s, %s, %s, %s"), households, people, poor, prestige);
}

static void
draw_area (BansoMapPage        *self,
           const BansoGeometry *geometry,
           const char          *title)
{
  /* Blue over the choropleth's yellows and reds, which a red area would
   * disappear into. */
  static const BansoGeoColor fill = { 0.15, 0.3, 0.9, 0.35 };
  static const BansoGeoColor outline = { 0.05, 0.1, 0.55, 1.0 };
  g_autoptr(GPtrArray) features = g_ptr_array_new_with_free_func ((GDestroyNotify)banso_geo_feature_free);
  g_autoptr(BansoRegionSet) set = NULL;
  BansoGeoFeature *feature = banso_geo_feature_new (0);

  feature->name = g_strdup (title);
  feature->geometry = banso_geometry_copy (geometry);
  g_ptr_array_add (features, feature);
  set = banso_region_set_new_from_features (features, "code", NULL);
  banso_region_layer_set_regions (self->warning_layer, set);
  if (set != NULL)
    {
      banso_region_layer_set_fills (self->warning_layer, &fill, 1);
      banso_region_layer_set_outline (self->warning_layer, &outline, 3);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->warning_layer), set != NULL);
}

static void
fill_report (BansoMapPage       *self,
             BansoWarningReport *report)
{
  g_autofree char *level = NULL;
  g_autofree char *places = NULL;
  g_autofree char *total = NULL;
  g_autofree char *summary = NULL;

  gtk_label_set_text (self->warning_title, report->title);
  /* Translators: a warning's level of risk, 1 to 5. */
  level = g_strdup_printf (_("Level %d of %d"), report->level, BANSO_WARNING_MAX_LEVEL);
  {
    g_autofree char *communes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u commune",
                                                              "%u communes", report->n_communes),
                                                 report->n_communes);
    g_autofree char *villages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u village",
                                                              "%u villages", report->n_villages),
                                                 report->n_villages);
    /* Translators: how many communes and villages a warning area touches. */
    places = g_strdup_printf (_("%s and %s in the area"), communes, villages);
  }
  total = format_counts (&report->total);
  summary = g_strdup_printf ("%s. %s.\n%s.", level, places, total);
  gtk_label_set_text (self->warning_summary, summary);

  clear_list (self->affected_list);
  for (guint i = 0; i < report->areas->len; i++)
    {
      const BansoAffectedArea *a = g_ptr_array_index (report->areas, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *counts = format_counts (a);
      g_autofree char *title = NULL;
      g_autofree char *accessible = NULL;

      if (a->village_id != NULL)
        /* Translators: a village in a warning's list, under its commune. */
        title = g_strdup_printf (_("Village %s"), a->village_name);
      else
        title = g_strdup (a->commune_name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), counts);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      if (a->village_id != NULL)
        gtk_widget_set_margin_start (row, 18);
      else
        gtk_widget_add_css_class (row, "banso-warning-commune");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      accessible = g_strdup_printf ("%s: %s", title, counts);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
      gtk_list_box_append (self->affected_list, row);
    }
  if (report->areas->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("The area touches none of the communes on the map"));
      gtk_list_box_append (self->affected_list, row);
    }
}

static void
report_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(BansoMapPage) self = user_data;
  g_autoptr(GError) error = NULL;
  BansoWarningReport *report = banso_warning_compute_finish (BANSO_STORE (object), result, &error);

  if (report == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        banso_widget_add_toast (GTK_WIDGET (self), error->message);
      return;
    }
  g_clear_pointer (&self->warning, banso_warning_report_free);
  self->warning = report;
  fill_report (self, report);
  draw_area (self, report->geometry, report->title);
  /* The panel now speaks of the warning, not of a commune. */
  banso_region_layer_set_selected (self->commune_layer, -1);
  banso_point_layer_set_points (self->village_layer, NULL, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.export-warning-csv", TRUE);
  gtk_stack_set_visible_child_name (self->panel_stack, "warning");
  gtk_revealer_set_reveal_child (self->panel_revealer, TRUE);
  if (report->geometry != NULL)
    {
      const BansoGeoBox *b = &report->geometry->box;
      shumate_map_center_on (self->map, (b->min_y + b->max_y) / 2, (b->min_x + b->max_x) / 2);
    }
}

static void
show_warning (BansoMapPage *self,
              const char   *id)
{
  if (self->context == NULL)
    return;
  g_free (self->warning_id);
  self->warning_id = g_strdup (id);
  banso_warning_compute_async (banso_context_get_store (self->context), id, self->cancellable,
                               report_done, g_object_ref (self));
}

/* }}} */

/* Importing {{{ */

typedef struct
{
  char      *path;
  BansoUser *user;
} ImportData;

static void
import_data_free (gpointer data)
{
  ImportData *d = data;

  g_free (d->path);
  g_clear_object (&d->user);
  g_free (d);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *d = task_data;
  GError *error = NULL;
  char *id = banso_warning_import_file (BANSO_STORE (source_object), d->user, d->path, NULL, 0,
                                        &error);

  if (id == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, id, g_free);
}

static void
import_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(BansoMapPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = banso_store_task_finish (BANSO_STORE (object), result, &error);

  if (id == NULL)
    {
      GtkWidget *dialog;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      dialog = adw_message_dialog_new (parent_window (self), _("The Warning Was Not Imported"),
                                       error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  show_warning (self, id);
  _banso_map_page_refresh_warnings (self);
}

static void
on_import_response (GtkNativeDialog *dialog,
                    int              response,
                    BansoMapPage    *self)
{
  g_autoptr(GFile) file = NULL;
  ImportData *d;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  if (self->chooser == GTK_FILE_CHOOSER_NATIVE (dialog))
    g_clear_object (&self->chooser);
  if (file == NULL || self->context == NULL)
    return;

  d = g_new0 (ImportData, 1);
  d->path = g_file_get_path (file);
  if (d->path == NULL)
    {
      import_data_free (d);
      return;
    }
  d->user = banso_context_get_user (self->context)
            ? g_object_ref (banso_context_get_user (self->context)) : NULL;
  banso_store_run_async (banso_context_get_store (self->context), import_thread, d,
                         import_data_free, self->cancellable, import_done, g_object_ref (self));
}

static void
import_warning_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BansoMapPage *self = BANSO_MAP_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Import a Warning Area"), parent_window (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                               _("_Cancel"));
  gtk_file_filter_set_name (filter, _("GeoJSON and KML files"));
  gtk_file_filter_add_pattern (filter, "*.geojson");
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_pattern (filter, "*.kml");
  gtk_file_filter_add_pattern (filter, "*.GEOJSON");
  gtk_file_filter_add_pattern (filter, "*.KML");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_import_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* }}} */

/* Export as CSV {{{ */

typedef struct
{
  GFile              *file;
  BansoWarningReport *report;   /* the page's, lent to the worker */
} CsvData;

static void
csv_data_free (gpointer data)
{
  CsvData *d = data;

  g_object_unref (d->file);
  g_clear_pointer (&d->report, banso_warning_report_free);
  g_free (d);
}

static void
csv_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  CsvData *d = task_data;
  g_autoptr(GFileOutputStream) out = NULL;
  GError *error = NULL;

  out = g_file_replace (d->file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, &error);
  if (out == NULL ||
      !banso_warning_report_write_csv (d->report, G_OUTPUT_STREAM (out), cancellable, &error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
csv_done (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  BansoMapPage *self = BANSO_MAP_PAGE (object);
  g_autoptr(GError) error = NULL;
  CsvData *d = g_task_get_task_data (G_TASK (result));
  GFile *file = d->file;

  /* The report comes back to the page, unless another was shown since. */
  if (self->warning == NULL)
    self->warning = g_steal_pointer (&d->report);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    banso_widget_add_toast (GTK_WIDGET (self), error->message);
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      /* Translators: after a warning's list was saved as CSV. */
      g_autofree char *title = g_strdup_printf (_("Saved the list as %s"), name);
      banso_widget_add_toast (GTK_WIDGET (self), title);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.export-warning-csv", TRUE);
}

static void
on_csv_response (GtkNativeDialog *dialog,
                 int              response,
                 BansoMapPage    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;
  CsvData *d;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  if (self->chooser == GTK_FILE_CHOOSER_NATIVE (dialog))
    g_clear_object (&self->chooser);
  if (file == NULL || self->warning == NULL)
    return;

  /* The worker has the report to itself while it writes it. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.export-warning-csv", FALSE);
  d = g_new0 (CsvData, 1);
  d->file = g_steal_pointer (&file);
  d->report = g_steal_pointer (&self->warning);
  task = g_task_new (self, self->cancellable, csv_done, NULL);
  g_task_set_task_data (task, d, csv_data_free);
  g_task_run_in_thread (task, csv_thread);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BansoMapPage *self = BANSO_MAP_PAGE (widget);
  g_autofree char *name = NULL;

  if (self->chooser != NULL || self->warning == NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export the List as CSV"), parent_window (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  /* Translators: the file name offered for a warning's list; keep ".csv". */
  name = g_strdup_printf (_("%s.csv"), self->warning->title);
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_csv_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* }}} */

/* The saved warnings {{{ */

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *list = banso_warning_list (BANSO_STORE (source_object), &error);

  if (list == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, list, (GDestroyNotify)g_ptr_array_unref);
}

static void
list_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(BansoMapPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = banso_store_task_finish (BANSO_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  clear_list (self->warnings_list);
  if (list == NULL || list->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     list == NULL ? error->message : _("No warnings yet"));
      if (list != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                     _("Import a warning area from a GeoJSON or KML file."));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->warnings_list, row);
      return;
    }
  for (guint i = 0; i < list->len; i++)
    {
      BansoWarningInfo *w = g_ptr_array_index (list, i);
      GtkWidget *row = adw_action_row_new ();
      g_autoptr(GDateTime) when = w->created ? g_date_time_new_from_iso8601 (w->created, NULL) : NULL;
      g_autoptr(GDateTime) local = when ? g_date_time_to_local (when) : NULL;
      g_autofree char *date = local ? g_date_time_format (local, "%d/%m/%Y %H:%M")
                                    : g_strdup (w->created ? w->created : "");
      g_autofree char *subtitle = g_strdup_printf (_("Level %d of %d"), w->level,
                                                   BANSO_WARNING_MAX_LEVEL);
      g_autofree char *full = g_strdup_printf ("%s · %s%s%s", subtitle, date,
                                               w->source ? " · " : "", w->source ? w->source : "");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), w->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), full);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "banso-warning-id", g_strdup (w->id), g_free);
      gtk_list_box_append (self->warnings_list, row);
    }
}

void
_banso_map_page_refresh_warnings (BansoMapPage *self)
{
  if (self->context == NULL)
    return;
  banso_store_run_async (banso_context_get_store (self->context), list_thread, NULL, NULL,
                         self->cancellable, list_done, g_object_ref (self));
}

static void
on_warning_row_activated (GtkListBox    *list,
                          GtkListBoxRow *row,
                          BansoMapPage  *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "banso-warning-id");

  if (id != NULL)
    show_warning (self, id);
}

static void
show_warnings_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BansoMapPage *self = BANSO_MAP_PAGE (widget);

  gtk_stack_set_visible_child_name (self->panel_stack, "warnings");
  gtk_revealer_set_reveal_child (self->panel_revealer, TRUE);
}

/* }}} */

void
_banso_map_page_init_warnings (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_warning_row_activated);
  gtk_widget_class_install_action (widget_class, "map.import-warning", NULL, import_warning_action);
  gtk_widget_class_install_action (widget_class, "map.export-warning-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "map.show-warnings", NULL, show_warnings_action);
}
