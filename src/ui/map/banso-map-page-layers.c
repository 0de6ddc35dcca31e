/* banso-map-page-layers.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The base maps under the communes: the demo base map (rendered by the geo
 * library on first use, in a worker thread), any raster MBTiles file the
 * user opens, and an online tile source when one is set in Preferences. The
 * list and the choice are kept in GSettings (map-base-layers, map-base-layer,
 * map-online-url). Nothing reaches the network unless an online source is
 * chosen.
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "banso-basemap.h"
#include "banso-map-page-private.h"
#include "banso-mbtiles-data-source.h"
#include "banso-ui-utils.h"

#define DEMO_ID "demo"
#define ONLINE_ID "online"

static char *
demo_path (void)
{
  const char *override = g_getenv ("BANSO_DEMO_BASEMAP");

  if (override != NULL && *override)
    return g_strdup (override);
  return g_build_filename (g_get_user_cache_dir (), "banso", "demo-basemap.mbtiles", NULL);
}

static GSettings *
settings_of (BansoMapPage *self)
{
  return self->context ? banso_context_get_settings (self->context) : NULL;
}

static void
show_refusal (BansoMapPage *self,
              const char   *heading,
              const char   *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Putting a base map in place {{{ */

static void
set_source (BansoMapPage     *self,
            ShumateMapSource *source,
            const char       *id)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);

  if (self->base_layer != NULL)
    {
      shumate_map_remove_layer (self->map, SHUMATE_LAYER (self->base_layer));
      self->base_layer = NULL;
    }
  g_set_object (&self->base_source, source);
  g_free (self->base_id);
  self->base_id = g_strdup (id);
  if (source == NULL)
    return;

  shumate_viewport_set_reference_map_source (viewport, source);
  /* The regions are drawn past the base map's last zoom: keep the view's. */
  shumate_viewport_set_min_zoom_level (viewport, 4);
  shumate_viewport_set_max_zoom_level (viewport, 16);
  self->base_layer = shumate_map_layer_new (source, viewport);
  shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (self->base_layer),
                                   SHUMATE_LAYER (self->province_layer));
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  BansoMbtiles *mbtiles = banso_mbtiles_open (task_data, &error);

  if (mbtiles == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, mbtiles, g_object_unref);
}

typedef struct
{
  BansoMapPage *self;
  char         *id;
  gboolean      added;   /* opened by the user: remember it */
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_object_unref (data->self);
  g_free (data->id);
  g_free (data);
}

static void rebuild_list (BansoMapPage *self);

static void
remember (BansoMapPage *self,
          const char   *id)
{
  GSettings *settings = settings_of (self);
  g_auto(GStrv) layers = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (settings == NULL)
    return;
  layers = g_settings_get_strv (settings, "map-base-layers");
  if (!g_strv_contains ((const char * const *)layers, id))
    {
      g_strv_builder_addv (builder, (const char **)layers);
      g_strv_builder_add (builder, id);
      g_strfreev (layers);
      layers = g_strv_builder_end (builder);
      g_settings_set_strv (settings, "map-base-layers", (const char * const *)layers);
    }
  g_settings_set_string (settings, "map-base-layer", id);
}

static void
opened (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  OpenData *data = user_data;
  BansoMapPage *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoMbtiles) mbtiles = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(ShumateMapSource) source = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      open_data_free (data);
      return;
    }
  if (mbtiles == NULL)
    {
      if (data->added)
        show_refusal (self, g_error_matches (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_VECTOR)
                            ? _("Vector Tiles Cannot Be Shown")
                            : _("The Base Map Cannot Be Opened"),
                      error->message);
      else
        _banso_map_page_set_status (self, error->message);
      open_data_free (data);
      return;
    }

  source = banso_mbtiles_data_source_new_renderer (mbtiles, data->id);
  set_source (self, source, data->id);
  if (data->added)
    {
      remember (self, data->id);
      rebuild_list (self);
      banso_widget_add_toast (GTK_WIDGET (self), banso_mbtiles_get_name (mbtiles));
    }
  else if (g_strcmp0 (data->id, DEMO_ID) == 0 || !self->rendering_demo)
    _banso_map_page_set_status (self, NULL);
  rebuild_list (self);
  open_data_free (data);
}

static void
open_file (BansoMapPage *self,
           const char   *id,
           const char   *path,
           gboolean      added)
{
  OpenData *data = g_new0 (OpenData, 1);
  g_autoptr(GTask) task = NULL;

  data->self = g_object_ref (self);
  data->id = g_strdup (id);
  data->added = added;
  task = g_task_new (NULL, self->cancellable, opened, data);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_thread);
}

static void
use_online (BansoMapPage *self)
{
  GSettings *settings = settings_of (self);
  g_autofree char *url = settings ? g_settings_get_string (settings, "map-online-url") : NULL;
  g_autoptr(ShumateTileDownloader) downloader = NULL;
  g_autoptr(ShumateRasterRenderer) renderer = NULL;

  if (url == NULL || *url == '\0')
    return;
  /* The downloader keeps what it fetched in a file cache of its own
   * (ShumateFileCache, under the user's cache folder): the tiles seen once
   * show again offline. */
  downloader = shumate_tile_downloader_new (url);
  renderer = shumate_raster_renderer_new_full (ONLINE_ID, _("Online map"), "", NULL, 0, 19, 256,
                                               SHUMATE_MAP_PROJECTION_MERCATOR,
                                               SHUMATE_DATA_SOURCE (downloader));
  set_source (self, SHUMATE_MAP_SOURCE (renderer), ONLINE_ID);
  _banso_map_page_set_status (self, NULL);
}

/* The demo base map {{{ */

typedef struct
{
  BansoMapPage *self;
  guint         done;
  guint         total;
} Progress;

static gboolean
show_progress (gpointer user_data)
{
  Progress *p = user_data;
  g_autofree char *text = NULL;

  /* Translators: while the demo base map is drawn on first use. */
  text = g_strdup_printf (_("Drawing the demo base map: %u of %u tiles…"), p->done, p->total);
  if (p->self->rendering_demo)
    _banso_map_page_set_status (p->self, text);
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer data)
{
  Progress *p = data;

  g_object_unref (p->self);
  g_free (p);
}

static void
render_progress (guint    done,
                 guint    total,
                 gpointer user_data)
{
  BansoMapPage *self = user_data;
  Progress *p;

  if (done % 200 != 0 && done != total)
    return;
  p = g_new (Progress, 1);
  p->self = g_object_ref (self);
  p->done = done;
  p->total = total;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, show_progress, p, progress_free);
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  const char *path = task_data;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *partial = g_strconcat (path, ".part", NULL);
  GError *error = NULL;
  guint n_tiles = 0;

  /* Drawn into a file of its own and moved in place once whole, so that a
   * run cut in the middle starts again instead of showing half a map. */
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved),
                               _("Could not create the folder %s: %s"), dir, g_strerror (saved));
      return;
    }
  g_unlink (partial);
  if (!banso_basemap_render_demo (partial, 2, render_progress, source_object, cancellable,
                                  &n_tiles, &error))
    {
      g_unlink (partial);
      g_task_return_error (task, error);
      return;
    }
  if (g_rename (partial, path) != 0)
    {
      int saved = errno;
      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved),
                               _("Could not move the demo base map to %s: %s"), path,
                               g_strerror (saved));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
rendered (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(BansoMapPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = demo_path ();

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          self->rendering_demo = FALSE;
          _banso_map_page_set_status (self, error->message);
        }
      return;
    }
  self->rendering_demo = FALSE;
  if (self->base_id == NULL || g_strcmp0 (self->base_id, DEMO_ID) == 0)
    open_file (self, DEMO_ID, path, FALSE);
}

static void
use_demo (BansoMapPage *self)
{
  g_autofree char *path = demo_path ();
  g_autoptr(GTask) task = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      open_file (self, DEMO_ID, path, FALSE);
      return;
    }
  if (self->rendering_demo)
    return;
  self->rendering_demo = TRUE;
  _banso_map_page_set_status (self, _("Drawing the demo base map…"));
  task = g_task_new (self, self->cancellable, rendered, g_object_ref (self));
  g_task_set_task_data (task, g_steal_pointer (&path), g_free);
  g_task_run_in_thread (task, render_thread);
}

/* }}} */

/* The list of base maps {{{ */

static void
choose (BansoMapPage *self,
        const char   *id)
{
  GSettings *settings = settings_of (self);

  if (g_strcmp0 (id, self->base_id) == 0 && self->base_source != NULL)
    return;
  if (settings != NULL)
    g_settings_set_string (settings, "map-base-layer", id);
  if (g_strcmp0 (id, DEMO_ID) == 0)
    use_demo (self);
  else if (g_strcmp0 (id, ONLINE_ID) == 0)
    use_online (self);
  else
    open_file (self, id, id, FALSE);
}

static GtkWidget *
make_row (const char *id,
          const char *title,
          const char *subtitle,
          gboolean    current)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_opacity (check, current ? 1 : 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "banso-base-id", g_strdup (id), g_free);
  return row;
}

static void
rebuild_list (BansoMapPage *self)
{
  GSettings *settings = settings_of (self);
  g_auto(GStrv) layers = settings ? g_settings_get_strv (settings, "map-base-layers") : NULL;
  g_autofree char *url = settings ? g_settings_get_string (settings, "map-online-url") : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->base_list))) != NULL)
    gtk_list_box_remove (self->base_list, child);

  gtk_list_box_append (self->base_list,
                       make_row (DEMO_ID, _("Demo base map"),
                                 _("Vietnam's provinces and Sơn La's communes, offline"),
                                 g_strcmp0 (self->base_id, DEMO_ID) == 0));
  for (guint i = 0; layers && layers[i]; i++)
    {
      g_autofree char *name = g_path_get_basename (layers[i]);

      gtk_list_box_append (self->base_list,
                           make_row (layers[i], name, layers[i],
                                     g_strcmp0 (self->base_id, layers[i]) == 0));
    }
  if (url != NULL && *url)
    gtk_list_box_append (self->base_list,
                         make_row (ONLINE_ID, _("Online map"), url,
                                   g_strcmp0 (self->base_id, ONLINE_ID) == 0));
}

static void
on_base_row_activated (GtkListBox    *list,
                       GtkListBoxRow *row,
                       BansoMapPage  *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "banso-base-id");

  gtk_popover_popdown (self->base_popover);
  if (id != NULL)
    choose (self, id);
}

static void
on_online_url_changed (BansoMapPage *self)
{
  GSettings *settings = settings_of (self);
  g_autofree char *url = g_settings_get_string (settings, "map-online-url");

  if ((url == NULL || *url == '\0') && g_strcmp0 (self->base_id, ONLINE_ID) == 0)
    choose (self, DEMO_ID);
  else if (g_strcmp0 (self->base_id, ONLINE_ID) == 0)
    {
      g_clear_pointer (&self->base_id, g_free);
      use_online (self);
    }
  rebuild_list (self);
}

void
_banso_map_page_load_base (BansoMapPage *self)
{
  GSettings *settings = settings_of (self);
  g_autofree char *current = settings ? g_settings_get_string (settings, "map-base-layer") : NULL;

  if (settings != NULL)
    g_signal_connect_object (settings, "changed::map-online-url",
                             G_CALLBACK (on_online_url_changed), self, G_CONNECT_SWAPPED);
  rebuild_list (self);
  choose (self, current && *current ? current : DEMO_ID);
}

void
_banso_map_page_layers_dispose (BansoMapPage *self)
{
  g_clear_object (&self->base_source);
  g_clear_pointer (&self->base_id, g_free);
}

/* }}} */

/* Opening a file {{{ */

static void
on_chooser_response (GtkNativeDialog *dialog,
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
  open_file (self, path, path, TRUE);
}

static void
open_base_layer_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BansoMapPage *self = BANSO_MAP_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_popover_popdown (self->base_popover);
  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Open a Base Map"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                               _("_Cancel"));
  gtk_file_filter_set_name (filter, _("MBTiles files"));
  gtk_file_filter_add_pattern (filter, "*.mbtiles");
  gtk_file_filter_add_pattern (filter, "*.MBTILES");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* }}} */

void
_banso_map_page_init_layers (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_base_row_activated);
  gtk_widget_class_install_action (widget_class, "map.open-base-layer", NULL,
                                   open_base_layer_action);
}
