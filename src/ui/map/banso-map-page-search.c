/* banso-map-page-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finding a place by its name, typed with or without tones and diacritics
 * ("chieng an" finds "Phường Chiềng An"): provinces, communes and the
 * villages that have a place on the map, folded by the core's banso_fold().
 * And the export of the view as a PNG image with its title and legend.
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-fold.h"
#include "banso-geo-feature.h"
#include "banso-geo-villages.h"
#include "banso-map-page-private.h"
#include "banso-store-async.h"
#include "banso-ui-utils.h"

#define MAX_RESULTS 8

/* The places {{{ */

static void
add_place (GPtrArray  *places,
           const char *name,
           const char *detail,
           double      lat,
           double      lon,
           double      zoom,
           int         commune)
{
  BansoMapPlace *place = g_new0 (BansoMapPlace, 1);

  place->name = g_strdup (name);
  place->detail = g_strdup (detail);
  place->key = banso_fold (name, -1);
  place->lat = lat;
  place->lon = lon;
  place->zoom = zoom;
  place->commune = commune;
  g_ptr_array_add (places, place);
}

static void
add_regions (GPtrArray      *places,
             BansoRegionSet *set,
             const char     *detail,
             double          zoom,
             gboolean        communes)
{
  for (guint i = 0; set != NULL && i < banso_region_set_get_n_regions (set); i++)
    {
      const BansoRegion *r = banso_region_set_get_region (set, i);

      add_place (places, r->name, detail, r->label_lat, r->label_lon, zoom, communes ? (int)i : -1);
    }
}

static void
villages_done (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(BansoMapPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) villages = banso_store_task_finish (BANSO_STORE (object), result, &error);

  if (villages == NULL || self->search_places == NULL)
    return;
  for (guint i = 0; i < villages->len; i++)
    {
      BansoGeoVillage *v = g_ptr_array_index (villages, i);
      /* Translators: a village found by the map's search, and its commune. */
      g_autofree char *detail = g_strdup_printf (_("Village, %s"), v->commune_name);

      if (v->located)
        add_place (self->search_places, v->name, detail, v->lat, v->lon, 14, -1);
    }
}

void
_banso_map_page_build_places (BansoMapPage *self)
{
  if (self->communes == NULL || self->provinces == NULL)
    return;
  g_clear_pointer (&self->search_places, g_ptr_array_unref);
  self->search_places = g_ptr_array_new_with_free_func (_banso_map_place_free);
  add_regions (self->search_places, self->communes, _("Commune"), 11, TRUE);
  add_regions (self->search_places, self->provinces, _("Province"), 8, FALSE);
  if (self->context != NULL)
    {
      /* Every village with a place on the map, in the box of the communes. */
      const BansoGeoBox *box = banso_region_set_get_box (self->communes);
      g_autoptr(BansoGeometry) area = banso_geometry_new (BANSO_GEOMETRY_POLYGON);
      BansoGeoPoint ring[5] = {
        { box->min_x, box->min_y }, { box->max_x, box->min_y }, { box->max_x, box->max_y },
        { box->min_x, box->max_y }, { box->min_x, box->min_y },
      };

      banso_geometry_begin_polygon (area);
      banso_geometry_add_path (area, ring, 5);
      banso_geometry_update_box (area);
      banso_geo_villages_in_area_async (banso_context_get_store (self->context), area, NULL,
                                        self->cancellable, villages_done, g_object_ref (self));
    }
}

/* }}} */

/* Searching {{{ */

static void
go_to (BansoMapPage        *self,
       const BansoMapPlace *place)
{
  gtk_widget_set_visible (self->search_results, FALSE);
  shumate_map_go_to_full (self->map, place->lat, place->lon, place->zoom);
  if (place->commune >= 0)
    _banso_map_page_select_commune (self, place->commune);
}

static void
on_search_changed (GtkSearchEntry *entry,
                   BansoMapPage   *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *query = NULL;
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->search_list))) != NULL)
    gtk_list_box_remove (self->search_list, child);
  if (text == NULL || *text == '\0' || self->search_places == NULL)
    {
      gtk_widget_set_visible (self->search_results, FALSE);
      return;
    }
  query = banso_fold (g_strstrip (g_strdup (text)), -1);

  /* Names that start with the words typed, then those that hold them. */
  for (int pass = 0; pass < 2 && n < MAX_RESULTS; pass++)
    for (guint i = 0; i < self->search_places->len && n < MAX_RESULTS; i++)
      {
        BansoMapPlace *place = g_ptr_array_index (self->search_places, i);
        const char *at = strstr (place->key, query);
        gboolean word_start = at != NULL && (at == place->key || at[-1] == ' ');
        GtkWidget *row;

        if (at == NULL || (pass == 0) != word_start)
          continue;
        row = adw_action_row_new ();
        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), place->name);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), place->detail);
        gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
        g_object_set_data (G_OBJECT (row), "banso-place", place);
        gtk_list_box_append (self->search_list, row);
        n++;
      }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No place has this name"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->search_list, row);
    }
  gtk_widget_set_visible (self->search_results, TRUE);
}

static void
on_search_row_activated (GtkListBox    *list,
                         GtkListBoxRow *row,
                         BansoMapPage  *self)
{
  BansoMapPlace *place = g_object_get_data (G_OBJECT (row), "banso-place");

  if (place != NULL)
    go_to (self, place);
}

static void
on_search_activate (GtkSearchEntry *entry,
                    BansoMapPage   *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->search_list, 0);
  BansoMapPlace *place = first ? g_object_get_data (G_OBJECT (first), "banso-place") : NULL;

  if (place != NULL)
    go_to (self, place);
}

static void
on_search_stop (GtkSearchEntry *entry,
                BansoMapPage   *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_set_visible (self->search_results, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->map));
}

/* }}} */

/* Export as PNG {{{ */

static void
write_png_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  cairo_surface_t *surface = task_data;
  const char *path = g_object_get_data (G_OBJECT (task), "banso-path");
  cairo_status_t status = cairo_surface_write_to_png (surface, path);

  if (status != CAIRO_STATUS_SUCCESS)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                             _("Could not write the image %s: %s"), path,
                             cairo_status_to_string (status));
  else
    g_task_return_boolean (task, TRUE);
}

static void
png_written (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(BansoMapPage) self = user_data;
  g_autoptr(GError) error = NULL;
  const char *path = g_object_get_data (G_OBJECT (result), "banso-path");

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    banso_widget_add_toast (GTK_WIDGET (self), error->message);
  else
    {
      g_autofree char *name = g_path_get_basename (path);
      /* Translators: after the map view was saved as an image. */
      g_autofree char *title = g_strdup_printf (_("Saved the map as %s"), name);
      banso_widget_add_toast (GTK_WIDGET (self), title);
    }
}

/* Draws the map as it shows, with a title band above and the legend. */
static cairo_surface_t *
render_view (BansoMapPage *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->map));
  int height = gtk_widget_get_height (GTK_WIDGET (self->map));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self->map));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%d/%m/%Y");
  g_autofree char *title = NULL;
  PangoFontDescription *font;
  const int band = 44;
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (width, 1), MAX (height, 1) + band);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  cairo_save (cr);
  cairo_translate (cr, 0, band);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_restore (cr);

  /* Translators: the title of an exported map: what it shows and the date. */
  title = g_strdup_printf (_("%s — %s"),
                           banso_indicator_get_label (_banso_map_page_get_indicator (self)), date);
  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string ("Sans Bold 13");
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (width - 24) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, title, -1);
  cairo_move_to (cr, 12, 12);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  pango_cairo_show_layout (cr, layout);

  banso_map_legend_draw (self->legend, cr, 12, band + height - 12);
  cairo_destroy (cr);
  return surface;
}

static void
export_to (BansoMapPage *self,
           const char   *path)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, png_written, g_object_ref (self));
  cairo_surface_t *surface = render_view (self);

  g_object_set_data_full (G_OBJECT (task), "banso-path", g_strdup (path), g_free);
  g_task_set_task_data (task, surface, (GDestroyNotify)cairo_surface_destroy);
  g_task_run_in_thread (task, write_png_thread);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    BansoMapPage    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  if (self->chooser == GTK_FILE_CHOOSER_NATIVE (dialog))
    g_clear_object (&self->chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;
  if (!g_str_has_suffix (path, ".png") && !g_str_has_suffix (path, ".PNG"))
    {
      char *with = g_strconcat (path, ".png", NULL);
      g_free (path);
      path = with;
    }
  export_to (self, path);
}

static void
export_png_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BansoMapPage *self = BANSO_MAP_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export the Map as PNG"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("map.png"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

void
_banso_map_page_export_png (BansoMapPage *self)
{
  export_png_action (GTK_WIDGET (self), NULL, NULL);
}

/* }}} */

void
_banso_map_page_init_search (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_search_row_activated);
  gtk_widget_class_install_action (widget_class, "map.export-png", NULL, export_png_action);
}
