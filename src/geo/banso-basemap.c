/* banso-basemap.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo base map, rendered by the project itself so that the map works
 * with no network and no downloaded tiles: land and sea, the provinces and
 * their names, the archipelagos of Hoàng Sa and Trường Sa with theirs, and
 * Sơn La's communes when zoomed in. Tiles are rendered in parallel and
 * written by one thread into a new file that replaces the old one only once
 * it is whole.
 */

#define G_LOG_DOMAIN "banso-geo"

#include "config.h"

#include <cairo.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <math.h>
#include <sqlite3.h>

#include "banso-basemap.h"
#include "banso-mbtiles.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

#define TILE 256
#define COUNTRY_MIN_ZOOM 4
#define COUNTRY_MAX_ZOOM 8
#define PROVINCE_MAX_ZOOM 12

typedef struct
{
  double      lat, lon;
} Island;

/* Approximate positions of the main islands (public nautical charts), drawn
 * as dots: at these zooms the islands themselves are smaller than a pixel. */
static const Island hoang_sa[] = {
  { 16.834, 112.339 },  /* Phú Lâm */
  { 16.533, 111.607 },  /* Hoàng Sa */
  { 16.667, 112.733 },  /* Linh Côn */
  { 15.783, 111.200 },  /* Tri Tôn */
  { 16.050, 111.767 },  /* Bạch Quy */
  { 16.450, 111.700 },  /* Quang Ảnh */
  { 16.983, 112.267 },  /* Cây */
};

static const Island truong_sa[] = {
  { 8.645, 111.920 },   /* Trường Sa Lớn */
  { 11.430, 114.333 },  /* Song Tử Tây */
  { 10.183, 114.360 },  /* Nam Yết */
  { 9.883, 114.330 },   /* Sinh Tồn */
  { 10.377, 114.478 },  /* Sơn Ca */
  { 7.890, 113.920 },   /* An Bang */
  { 8.100, 113.300 },   /* Thuyền Chài */
  { 8.850, 112.200 },   /* Đá Tây */
  { 11.050, 114.280 },  /* Đá Nam */
};

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
viewport_for_tile (BansoGeoViewport *vp,
                   guint             zoom,
                   guint             x,
                   guint             y,
                   int               size)
{
  double n = exp2 (zoom);

  vp->x = (x + 0.5) / n;
  vp->y = (y + 0.5) / n;
  vp->zoom = zoom;
  vp->width = size;
  vp->height = size;
}

static gboolean
province_style (const BansoRegion *region,
                guint              index,
                BansoGeoColor     *fill,
                BansoGeoColor     *stroke,
                double            *line_width,
                gpointer           user_data)
{
  guint zoom = GPOINTER_TO_UINT (user_data);
  gboolean son_la = g_strcmp0 (region->code, "14") == 0;

  *fill = son_la ? (BansoGeoColor) { 0.93, 0.95, 0.84, 1 } : (BansoGeoColor) { 0.97, 0.95, 0.89, 1 };
  *stroke = (BansoGeoColor) { 0.58, 0.45, 0.58, 1 };
  *line_width = zoom >= 7 ? 1.4 : 1.0;
  return TRUE;
}

static gboolean
commune_style (const BansoRegion *region,
               guint              index,
               BansoGeoColor     *fill,
               BansoGeoColor     *stroke,
               double            *line_width,
               gpointer           user_data)
{
  fill->alpha = 0;
  *stroke = (BansoGeoColor) { 0.55, 0.55, 0.6, 0.9 };
  *line_width = 0.8;
  return TRUE;
}

static void
draw_text (cairo_t    *cr,
           double      px,
           double      py,
           const char *text,
           double      size,
           gboolean    italic,
           double      r,
           double      g,
           double      b)
{
  cairo_text_extents_t ext;

  cairo_select_font_face (cr, "Sans", italic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
                          CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, size);
  cairo_text_extents (cr, text, &ext);
  cairo_move_to (cr, px - ext.width / 2 - ext.x_bearing, py);
  cairo_text_path (cr, text);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
  cairo_set_line_width (cr, 3);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgb (cr, r, g, b);
  cairo_fill (cr);
}

static void
draw_archipelago (cairo_t                *cr,
                  const BansoGeoViewport *vp,
                  const Island           *islands,
                  guint                   n,
                  const char             *name,
                  double                  label_lat,
                  double                  label_lon)
{
  double radius = vp->zoom >= 7 ? 2.5 : 1.6;
  double px, py;

  cairo_set_source_rgb (cr, 0.58, 0.45, 0.58);
  for (guint i = 0; i < n; i++)
    {
      banso_geo_viewport_to_pixel (vp, islands[i].lat, islands[i].lon, &px, &py);
      cairo_new_sub_path (cr);
      cairo_arc (cr, px, py, radius, 0, 2 * G_PI);
    }
  cairo_fill (cr);

  banso_geo_viewport_to_pixel (vp, label_lat, label_lon, &px, &py);
  draw_text (cr, px, py, name, vp->zoom >= 6 ? 12 : 10, TRUE, 0.15, 0.2, 0.45);
  if (vp->zoom >= 6)
    draw_text (cr, px, py + 14, "(Việt Nam)", 10, TRUE, 0.15, 0.2, 0.45);
}

/**
 * banso_basemap_render_tile:
 *
 * Renders one tile of the demo map (XYZ numbering) as PNG. Any thread: the
 * region sets are only read.
 */
GBytes *
banso_basemap_render_tile (BansoRegionSet  *provinces,
                           BansoRegionSet  *communes,
                           guint            zoom,
                           guint            x,
                           guint            y,
                           GError         **error)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, TILE, TILE);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();
  BansoGeoViewport vp, wide;
  cairo_status_t status;

  viewport_for_tile (&vp, zoom, x, y, TILE);
  /* Names near a tile's edge run over into the next one: they are placed
   * on a viewport three tiles wide, so both tiles draw the same name in the
   * same place. */
  viewport_for_tile (&wide, zoom, x, y, 3 * TILE);

  /* Neither sea nor land: the file has no coastline of the neighbours. */
  cairo_set_source_rgb (cr, 0.80, 0.86, 0.90);
  cairo_paint (cr);
  banso_region_set_draw (provinces, cr, &vp, province_style, GUINT_TO_POINTER (zoom));
  if (zoom > COUNTRY_MAX_ZOOM)
    banso_region_set_draw (communes, cr, &vp, commune_style, NULL);

  cairo_save (cr);
  cairo_translate (cr, -TILE, -TILE);
  if (zoom <= 9)
    {
      draw_archipelago (cr, &wide, hoang_sa, G_N_ELEMENTS (hoang_sa), "Quần đảo Hoàng Sa", 17.35, 112.0);
      draw_archipelago (cr, &wide, truong_sa, G_N_ELEMENTS (truong_sa), "Quần đảo Trường Sa", 9.6, 115.6);
      if (zoom <= 6)
        {
          double px, py;

          banso_geo_viewport_to_pixel (&wide, 13.8, 113.0, &px, &py);
          draw_text (cr, px, py, "Biển Đông", zoom >= 6 ? 14 : 11, TRUE, 0.2, 0.35, 0.6);
        }
    }
  if (zoom >= 6 && zoom <= 9)
    banso_region_set_draw_labels (provinces, cr, &wide, zoom >= 8 ? 13 : 11,
                                  &(BansoGeoColor) { 0.35, 0.2, 0.35, 1 });
  if (zoom >= 10)
    banso_region_set_draw_labels (communes, cr, &wide, zoom >= 12 ? 13 : 11,
                                  &(BansoGeoColor) { 0.25, 0.25, 0.3, 1 });
  cairo_restore (cr);

  cairo_destroy (cr);
  status = cairo_surface_write_to_png_stream (surface, append_png, png);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_IO,
                   _("The tile %u/%u/%u could not be rendered: %s"), zoom, x, y,
                   cairo_status_to_string (status));
      g_byte_array_unref (png);
      return NULL;
    }
  return g_byte_array_free_to_bytes (png);
}

typedef struct
{
  guint   zoom, x, y;
  GBytes *png;
  GError *error;
} Job;

typedef struct
{
  BansoRegionSet *provinces;
  BansoRegionSet *communes;
  GAsyncQueue    *done;
  GCancellable   *cancellable;
} Shared;

static void
render_job (gpointer data,
            gpointer user_data)
{
  Job *job = data;
  Shared *shared = user_data;

  if (!g_cancellable_set_error_if_cancelled (shared->cancellable, &job->error))
    job->png = banso_basemap_render_tile (shared->provinces, shared->communes,
                                          job->zoom, job->x, job->y, &job->error);
  g_async_queue_push (shared->done, job);
}

static void
add_jobs (GPtrArray         *jobs,
          const BansoGeoBox *box,
          guint              min_zoom,
          guint              max_zoom)
{
  for (guint z = min_zoom; z <= max_zoom; z++)
    {
      double n = exp2 (z), x0, y0, x1, y1;

      banso_mercator_project (box->min_x, box->max_y, &x0, &y0);
      banso_mercator_project (box->max_x, box->min_y, &x1, &y1);
      for (guint ty = (guint)floor (y0 * n); ty <= (guint)MIN (floor (y1 * n), n - 1); ty++)
        for (guint tx = (guint)floor (x0 * n); tx <= (guint)MIN (floor (x1 * n), n - 1); tx++)
          {
            Job *job = g_new0 (Job, 1);

            job->zoom = z;
            job->x = tx;
            job->y = ty;
            g_ptr_array_add (jobs, job);
          }
    }
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) == SQLITE_OK)
    return TRUE;
  g_set_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_IO, _("The base map cannot be written: %s"),
               message ? message : sqlite3_errmsg (db));
  sqlite3_free (message);
  return FALSE;
}

static gboolean
write_metadata (sqlite3            *db,
                const BansoGeoBox  *box,
                GError            **error)
{
  g_autofree char *bounds = g_strdup_printf ("%.4f,%.4f,%.4f,%.4f", box->min_x, box->min_y, box->max_x, box->max_y);
  const char *rows[][2] = {
    { "name", "Banso demo base map" },
    { "description", "Vietnam's provinces with Hoàng Sa and Trường Sa; Sơn La's communes (2025 units)" },
    { "format", "png" },
    { "type", "baselayer" },
    { "version", "1" },
    { "minzoom", "4" },
    { "maxzoom", "12" },
    { "bounds", bounds },
    { "center", "103.90,21.30,8" },
    { "attribution", "Boundaries: Open Development Vietnam via TaliaCao/Vietnam-Shape-Map (MIT); thanglequoc/vietnamese-provinces-database (MIT)" },
  };
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, "INSERT INTO metadata (name, value) VALUES (?1, ?2)", -1, &stmt, NULL) != SQLITE_OK)
    return exec (db, "SELECT invalid", error);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      sqlite3_bind_text (stmt, 1, rows[i][0], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, rows[i][1], -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return exec (db, "SELECT invalid", error);
      sqlite3_reset (stmt);
    }
  return TRUE;
}

/**
 * banso_basemap_render_demo:
 * @path: the MBTiles file to make (replaced once the new one is whole)
 * @n_threads: rendering threads; 0 for one per processor
 * @n_tiles: (out) (optional): how many tiles were written
 */
gboolean
banso_basemap_render_demo (const char            *path,
                           guint                  n_threads,
                           BansoBasemapProgress   progress,
                           gpointer               user_data,
                           GCancellable          *cancellable,
                           guint                 *n_tiles,
                           GError               **error)
{
  g_autoptr(BansoRegionSet) provinces = NULL;
  g_autoptr(BansoRegionSet) communes = NULL;
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *tmp = g_strconcat (path, ".part", NULL);
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(GError) job_error = NULL;
  Shared shared = { 0 };
  GThreadPool *pool;
  sqlite3 *db = NULL;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!(provinces = banso_region_set_load_provinces (error)) ||
      !(communes = banso_region_set_load_communes (error)))
    return FALSE;

  add_jobs (jobs, banso_region_set_get_box (provinces), COUNTRY_MIN_ZOOM, COUNTRY_MAX_ZOOM);
  add_jobs (jobs, banso_region_set_get_box (communes), COUNTRY_MAX_ZOOM + 1, PROVINCE_MAX_ZOOM);

  g_unlink (tmp);
  if (sqlite3_open_v2 (tmp, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_autofree char *name = g_filename_display_name (tmp);

      g_set_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_IO, _("%s cannot be created: %s"),
                   name, sqlite3_errmsg (db));
      sqlite3_close (db);
      return FALSE;
    }
  ok = exec (db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN;"
                 "CREATE TABLE metadata (name TEXT, value TEXT);"
                 "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);"
                 "CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);", error) &&
       write_metadata (db, banso_region_set_get_box (provinces), error) &&
       sqlite3_prepare_v2 (db, "INSERT INTO tiles VALUES (?1, ?2, ?3, ?4)", -1, &insert, NULL) == SQLITE_OK;

  shared.provinces = provinces;
  shared.communes = communes;
  shared.done = g_async_queue_new ();
  shared.cancellable = cancellable;
  pool = g_thread_pool_new (render_job, &shared, n_threads ? (int)n_threads : (int)g_get_num_processors (),
                            FALSE, NULL);
  for (guint i = 0; i < jobs->len; i++)
    g_thread_pool_push (pool, g_ptr_array_index (jobs, i), NULL);

  /* This thread writes while the pool renders. */
  for (guint i = 0; i < jobs->len; i++)
    {
      Job *job = g_async_queue_pop (shared.done);

      if (job->error != NULL && job_error == NULL)
        job_error = g_steal_pointer (&job->error);
      g_clear_error (&job->error);
      if (ok && job->png != NULL && job_error == NULL)
        {
          sqlite3_bind_int (insert, 1, job->zoom);
          sqlite3_bind_int (insert, 2, job->x);
          sqlite3_bind_int (insert, 3, banso_tms_flip_row (job->zoom, job->y));
          sqlite3_bind_blob (insert, 4, g_bytes_get_data (job->png, NULL), g_bytes_get_size (job->png), SQLITE_STATIC);
          if (sqlite3_step (insert) != SQLITE_DONE)
            ok = exec (db, "SELECT invalid", error);
          sqlite3_reset (insert);
        }
      g_clear_pointer (&job->png, g_bytes_unref);
      if (progress != NULL)
        progress (i + 1, jobs->len, user_data);
    }
  g_thread_pool_free (pool, FALSE, TRUE);
  g_async_queue_unref (shared.done);
  g_clear_pointer (&insert, sqlite3_finalize);

  if (ok && job_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&job_error));
      ok = FALSE;
    }
  ok = ok && exec (db, "COMMIT", error);
  sqlite3_close (db);
  if (ok && g_rename (tmp, path) != 0)
    {
      g_autofree char *name = g_filename_display_name (path);
      int saved = errno;

      g_set_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_IO, _("%s cannot be written: %s"),
                   name, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp);
  else if (n_tiles != NULL)
    *n_tiles = jobs->len;
  return ok;
}

/**
 * banso_basemap_dup_demo_path:
 *
 * Where the demo base map is: $BANSO_DEMO_BASEMAP, the one the build
 * installed, or the one rendered into the user's cache on first run (which
 * may not exist yet: see banso_basemap_ensure_demo_async()).
 */
char *
banso_basemap_dup_demo_path (void)
{
  g_autofree char *installed = g_build_filename (PKGDATADIR, "demo-basemap.mbtiles", NULL);
  const char *env = g_getenv ("BANSO_DEMO_BASEMAP");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (g_file_test (installed, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&installed);
  return g_build_filename (g_get_user_cache_dir (), "banso", "demo-basemap.mbtiles", NULL);
}

static void
ensure_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autofree char *path = banso_basemap_dup_demo_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  GError *error = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) &&
      (g_mkdir_with_parents (dir, 0700) != 0 ||
       !banso_basemap_render_demo (path, 0, NULL, NULL, cancellable, NULL, &error)))
    {
      if (error == NULL)
        g_set_error (&error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_IO, _("%s cannot be created: %s"),
                     dir, g_strerror (errno));
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&path), g_free);
}

/* Renders the demo base map in a worker if there is none yet; the result is
 * its path (banso_basemap_ensure_demo_finish()). */
void
banso_basemap_ensure_demo_async (GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, banso_basemap_ensure_demo_async);
  g_task_run_in_thread (task, ensure_thread);
}

char *
banso_basemap_ensure_demo_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
