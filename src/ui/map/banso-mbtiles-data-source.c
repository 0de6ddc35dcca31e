/* banso-mbtiles-data-source.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tiles of an MBTiles file for libshumate. libshumate 1.0 paints a tile only
 * when its data source emits ShumateDataSource::received-data, so the tile is
 * read (and checked to be an image the renderer can decode) in a worker
 * thread, and the signal is emitted back on the main loop before the call
 * returns. A tile the file does not have is an error, not an empty image:
 * the map then keeps the tile of the zoom level above in its place.
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "banso-mbtiles-data-source.h"

struct _BansoMbtilesDataSource
{
  ShumateDataSource  parent_instance;

  BansoMbtiles      *mbtiles;
  gboolean           has_bounds;
  double             west, south, east, north;
};

G_DEFINE_FINAL_TYPE (BansoMbtilesDataSource, banso_mbtiles_data_source, SHUMATE_TYPE_DATA_SOURCE)

typedef struct
{
  int x, y, zoom;
} TileRequest;

static double
tile_lon (int x,
          int zoom)
{
  return x / (double)(1 << zoom) * 360.0 - 180.0;
}

static double
tile_lat (int y,
          int zoom)
{
  double n = G_PI - 2.0 * G_PI * y / (double)(1 << zoom);

  return 180.0 / G_PI * atan (0.5 * (exp (n) - exp (-n)));
}

static gboolean
tile_in_bounds (BansoMbtilesDataSource *self,
                int                     x,
                int                     y,
                int                     zoom)
{
  if (!self->has_bounds)
    return TRUE;
  return !(tile_lon (x + 1, zoom) < self->west || tile_lon (x, zoom) > self->east ||
           tile_lat (y, zoom) < self->south || tile_lat (y + 1, zoom) > self->north);
}

static void
read_tile_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  BansoMbtilesDataSource *self = source_object;
  TileRequest *req = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) decode_error = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (req->zoom < 0 || req->x < 0 || req->y < 0 || !tile_in_bounds (self, req->x, req->y, req->zoom))
    {
      g_task_return_new_error (task, BANSO_GEO_ERROR, BANSO_GEO_ERROR_NO_TILE,
                               _("The tile %d/%d/%d lies outside the area %s covers"),
                               req->zoom, req->x, req->y,
                               banso_mbtiles_get_name (self->mbtiles));
      return;
    }
  bytes = banso_mbtiles_get_tile (self->mbtiles, req->zoom, req->x, req->y, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* The renderer decodes the tile again on the main loop, and only warns when
   * it cannot: a damaged image must fail here, with its place. */
  loader = gdk_pixbuf_loader_new ();
  if (!gdk_pixbuf_loader_write_bytes (loader, bytes, &decode_error) ||
      !gdk_pixbuf_loader_close (loader, &decode_error))
    {
      g_task_return_new_error (task, BANSO_GEO_ERROR, BANSO_GEO_ERROR_CORRUPT,
                               _("The tile %d/%d/%d of %s cannot be decoded: %s"),
                               req->zoom, req->x, req->y,
                               banso_mbtiles_get_name (self->mbtiles), decode_error->message);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify)g_bytes_unref);
}

static void
tile_read (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  TileRequest *req = g_task_get_task_data (outer);
  GError *error = NULL;
  GBytes *bytes;

  bytes = g_task_propagate_pointer (G_TASK (result), &error);
  if (bytes == NULL)
    {
      g_task_return_error (outer, error);
      return;
    }
  /* On the main loop, before the call returns: that is when libshumate's
   * raster renderer looks for the tile it asked for. */
  g_signal_emit_by_name (g_task_get_source_object (outer), "received-data",
                         req->x, req->y, req->zoom, bytes);
  g_task_return_pointer (outer, bytes, (GDestroyNotify)g_bytes_unref);
}

static void
banso_mbtiles_data_source_get_tile_data_async (ShumateDataSource   *source,
                                               int                  x,
                                               int                  y,
                                               int                  zoom_level,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  BansoMbtilesDataSource *self = BANSO_MBTILES_DATA_SOURCE (source);
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  TileRequest *req = g_new (TileRequest, 1);

  req->x = x;
  req->y = y;
  req->zoom = zoom_level;

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, banso_mbtiles_data_source_get_tile_data_async);
  g_task_set_task_data (outer, req, g_free);

  inner = g_task_new (self, cancellable, tile_read, g_steal_pointer (&outer));
  g_task_set_task_data (inner, g_memdup2 (req, sizeof *req), g_free);
  g_task_run_in_thread (inner, read_tile_thread);
}

static GBytes *
banso_mbtiles_data_source_get_tile_data_finish (ShumateDataSource  *source,
                                                GAsyncResult       *result,
                                                GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
banso_mbtiles_data_source_finalize (GObject *object)
{
  BansoMbtilesDataSource *self = BANSO_MBTILES_DATA_SOURCE (object);

  g_clear_object (&self->mbtiles);

  G_OBJECT_CLASS (banso_mbtiles_data_source_parent_class)->finalize (object);
}

static void
banso_mbtiles_data_source_class_init (BansoMbtilesDataSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  object_class->finalize = banso_mbtiles_data_source_finalize;
  source_class->get_tile_data_async = banso_mbtiles_data_source_get_tile_data_async;
  source_class->get_tile_data_finish = banso_mbtiles_data_source_get_tile_data_finish;
}

static void
banso_mbtiles_data_source_init (BansoMbtilesDataSource *self)
{
}

/**
 * banso_mbtiles_data_source_new:
 * @mbtiles: an open raster MBTiles file
 *
 * Returns: (transfer full): a data source that reads its tiles
 */
BansoMbtilesDataSource *
banso_mbtiles_data_source_new (BansoMbtiles *mbtiles)
{
  BansoMbtilesDataSource *self;

  g_return_val_if_fail (BANSO_IS_MBTILES (mbtiles), NULL);

  self = g_object_new (BANSO_TYPE_MBTILES_DATA_SOURCE, NULL);
  self->mbtiles = g_object_ref (mbtiles);
  self->has_bounds = banso_mbtiles_get_bounds (mbtiles, &self->west, &self->south,
                                               &self->east, &self->north);
  return self;
}

BansoMbtiles *
banso_mbtiles_data_source_get_mbtiles (BansoMbtilesDataSource *self)
{
  g_return_val_if_fail (BANSO_IS_MBTILES_DATA_SOURCE (self), NULL);
  return self->mbtiles;
}

/**
 * banso_mbtiles_data_source_new_renderer:
 * @id: the map source's id (the file's path is a good one)
 *
 * A raster map source over the file, with its name, attribution and zoom
 * levels.
 *
 * Returns: (transfer full): the map source
 */
ShumateMapSource *
banso_mbtiles_data_source_new_renderer (BansoMbtiles *mbtiles,
                                        const char   *id)
{
  g_autoptr(BansoMbtilesDataSource) source = banso_mbtiles_data_source_new (mbtiles);
  const char *attribution = banso_mbtiles_get_attribution (mbtiles);

  return SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full (id, banso_mbtiles_get_name (mbtiles),
                                                               attribution ? attribution : "", NULL,
                                                               banso_mbtiles_get_min_zoom (mbtiles),
                                                               banso_mbtiles_get_max_zoom (mbtiles),
                                                               256, SHUMATE_MAP_PROJECTION_MERCATOR,
                                                               SHUMATE_DATA_SOURCE (source)));
}
