/* banso-mbtiles.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads raster tiles from an MBTiles file (an SQLite database with a
 * `metadata` table and a `tiles` table or view, rows numbered from the
 * south as in TMS).
 */

#define G_LOG_DOMAIN "banso-geo"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <math.h>
#include <string.h>

#include "banso-mbtiles.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* Connections kept open for the next read; a map asks from at most a few
 * worker threads, and more than this many idle ones only waste memory. */
#define MAX_IDLE_CONNECTIONS 4

struct _BansoMbtiles
{
  GObject          parent_instance;

  char            *path;
  char            *display_name;
  GHashTable      *metadata;
  BansoTileFormat  format;
  gboolean         format_from_metadata;
  guint            min_zoom;
  guint            max_zoom;
  gboolean         has_bounds;
  double           bounds[4];
  gboolean         has_center;
  double           center[3];

  GMutex           lock;
  GPtrArray       *idle;   /* sqlite3 *, under lock */
};

G_DEFINE_FINAL_TYPE (BansoMbtiles, banso_mbtiles, G_TYPE_OBJECT)

static void
banso_mbtiles_finalize (GObject *object)
{
  BansoMbtiles *self = BANSO_MBTILES (object);

  for (guint i = 0; i < self->idle->len; i++)
    sqlite3_close_v2 (g_ptr_array_index (self->idle, i));
  g_ptr_array_unref (self->idle);
  g_mutex_clear (&self->lock);
  g_clear_pointer (&self->metadata, g_hash_table_unref);
  g_free (self->path);
  g_free (self->display_name);

  G_OBJECT_CLASS (banso_mbtiles_parent_class)->finalize (object);
}

static void
banso_mbtiles_class_init (BansoMbtilesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = banso_mbtiles_finalize;
}

static void
banso_mbtiles_init (BansoMbtiles *self)
{
  g_mutex_init (&self->lock);
  self->idle = g_ptr_array_new ();
  self->metadata = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

guint
banso_tms_flip_row (guint zoom,
                    guint row)
{
  g_return_val_if_fail (zoom < 31, 0);
  return ((1u << zoom) - 1) - row;
}

BansoTileFormat
banso_tile_format_detect (const guint8 *data,
                          gsize         len)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  if (data == NULL)
    return BANSO_TILE_FORMAT_UNKNOWN;
  if (len >= sizeof png && memcmp (data, png, sizeof png) == 0)
    return BANSO_TILE_FORMAT_PNG;
  if (len >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff)
    return BANSO_TILE_FORMAT_JPEG;
  if (len >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return BANSO_TILE_FORMAT_WEBP;
  /* Vector tiles are gzip or zlib compressed protocol buffers. */
  if (len >= 2 && ((data[0] == 0x1f && data[1] == 0x8b) || (data[0] == 0x78 && (data[1] == 0x9c || data[1] == 0x01 || data[1] == 0xda))))
    return BANSO_TILE_FORMAT_PBF;
  return BANSO_TILE_FORMAT_UNKNOWN;
}

BansoTileFormat
banso_tile_format_from_string (const char *text)
{
  if (text == NULL)
    return BANSO_TILE_FORMAT_UNKNOWN;
  if (g_ascii_strcasecmp (text, "png") == 0)
    return BANSO_TILE_FORMAT_PNG;
  if (g_ascii_strcasecmp (text, "jpg") == 0 || g_ascii_strcasecmp (text, "jpeg") == 0)
    return BANSO_TILE_FORMAT_JPEG;
  if (g_ascii_strcasecmp (text, "webp") == 0)
    return BANSO_TILE_FORMAT_WEBP;
  if (g_ascii_strcasecmp (text, "pbf") == 0 || g_ascii_strcasecmp (text, "mvt") == 0)
    return BANSO_TILE_FORMAT_PBF;
  return BANSO_TILE_FORMAT_UNKNOWN;
}

const char *
banso_tile_format_to_string (BansoTileFormat format)
{
  switch (format)
    {
    case BANSO_TILE_FORMAT_PNG: return "png";
    case BANSO_TILE_FORMAT_JPEG: return "jpg";
    case BANSO_TILE_FORMAT_WEBP: return "webp";
    case BANSO_TILE_FORMAT_PBF: return "pbf";
    case BANSO_TILE_FORMAT_UNKNOWN:
    default: return "unknown";
    }
}

const char *
banso_tile_format_get_mime_type (BansoTileFormat format)
{
  switch (format)
    {
    case BANSO_TILE_FORMAT_PNG: return "image/png";
    case BANSO_TILE_FORMAT_JPEG: return "image/jpeg";
    case BANSO_TILE_FORMAT_WEBP: return "image/webp";
    case BANSO_TILE_FORMAT_PBF: return "application/vnd.mapbox-vector-tile";
    case BANSO_TILE_FORMAT_UNKNOWN:
    default: return "application/octet-stream";
    }
}

static sqlite3 *
open_connection (const char  *path,
                 const char  *display_name,
                 GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_NOT_MBTILES,
                   _("%s cannot be opened: %s"), display_name,
                   db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close_v2 (db);
      return NULL;
    }
  /* The map never waits long on a file another program is writing. */
  sqlite3_busy_timeout (db, 1000);
  return db;
}

static sqlite3 *
acquire (BansoMbtiles  *self,
         GError       **error)
{
  sqlite3 *db = NULL;

  g_mutex_lock (&self->lock);
  if (self->idle->len > 0)
    db = g_ptr_array_steal_index_fast (self->idle, self->idle->len - 1);
  g_mutex_unlock (&self->lock);

  return db != NULL ? db : open_connection (self->path, self->display_name, error);
}

static void
release (BansoMbtiles *self,
         sqlite3      *db)
{
  g_mutex_lock (&self->lock);
  if (self->idle->len < MAX_IDLE_CONNECTIONS)
    {
      g_ptr_array_add (self->idle, db);
      db = NULL;
    }
  g_mutex_unlock (&self->lock);
  if (db != NULL)
    sqlite3_close_v2 (db);
}

static gboolean
looks_like_sqlite (const char  *path,
                   const char  *display_name,
                   GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  char header[16];
  gsize got = 0;

  in = g_file_read (file, NULL, &local_error);
  if (in == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (in), header, sizeof header, &got, NULL, &local_error))
    {
      g_set_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_IO,
                   _("%s cannot be read: %s"), display_name, local_error->message);
      return FALSE;
    }
  if (got < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_NOT_MBTILES,
                   _("%s is not an MBTiles file: it is not an SQLite database"), display_name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_numbers (const char *text,
               double     *out,
               guint       n)
{
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return FALSE;
  parts = g_strsplit (text, ",", -1);
  if (g_strv_length (parts) != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      char *end = NULL;
      g_strstrip (parts[i]);
      out[i] = g_ascii_strtod (parts[i], &end);
      if (end == parts[i] || *end != '\0' || !isfinite (out[i]))
        return FALSE;
    }
  return TRUE;
}

static gboolean
parse_zoom (const char *text,
            guint      *zoom)
{
  g_autofree char *copy = g_strdup (text);
  guint64 value;

  if (copy == NULL || !g_ascii_string_to_unsigned (g_strstrip (copy), 10, 0, 30, &value, NULL))
    return FALSE;
  *zoom = (guint)value;
  return TRUE;
}

static gboolean
read_metadata (BansoMbtiles  *self,
               sqlite3       *db,
               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* The tiles table (or view) must have the columns every reader relies on. */
  if (sqlite3_prepare_v2 (db, "SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles LIMIT 0",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_NOT_MBTILES,
                   _("%s is not an MBTiles file: it has no table of tiles (%s)"),
                   self->display_name, sqlite3_errmsg (db));
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* A missing metadata table is tolerated: everything it says can be
   * learnt from the tiles themselves. */
  if (sqlite3_prepare_v2 (db, "SELECT name, value FROM metadata", -1, &stmt, NULL) == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *name = (const char *)sqlite3_column_text (stmt, 0);
          const char *value = (const char *)sqlite3_column_text (stmt, 1);

          if (name != NULL && value != NULL && g_utf8_validate (value, -1, NULL))
            g_hash_table_replace (self->metadata, g_strdup (name), g_strdup (value));
        }
      if (rc != SQLITE_DONE)
        {
          g_set_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_CORRUPT,
                       _("The metadata of %s cannot be read: %s"), self->display_name,
                       sqlite3_errmsg (db));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
learn_format (BansoMbtiles  *self,
              sqlite3       *db,
              GError       **error)
{
  const char *text = g_hash_table_lookup (self->metadata, "format");

  self->format = banso_tile_format_from_string (text);
  self->format_from_metadata = self->format != BANSO_TILE_FORMAT_UNKNOWN;
  if (self->format == BANSO_TILE_FORMAT_UNKNOWN)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      if (sqlite3_prepare_v2 (db, "SELECT tile_data FROM tiles LIMIT 1", -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW)
        self->format = banso_tile_format_detect (sqlite3_column_blob (stmt, 0),
                                                 sqlite3_column_bytes (stmt, 0));
      else
        {
          g_set_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_NOT_MBTILES,
                       _("%s holds no tiles"), self->display_name);
          return FALSE;
        }
    }

  if (self->format == BANSO_TILE_FORMAT_PBF)
    {
      g_set_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_VECTOR,
                   _("%s holds vector tiles (pbf), which need a style to be drawn; Banso shows raster maps (PNG, JPEG, WebP). Export the map as raster tiles, for instance with QGIS's “Generate XYZ tiles (MBTiles)”."),
                   self->display_name);
      return FALSE;
    }
  if (self->format == BANSO_TILE_FORMAT_UNKNOWN)
    {
      g_set_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_NOT_MBTILES,
                   _("The tiles of %s are in a format Banso does not know (format “%s”); Banso shows PNG, JPEG and WebP tiles"),
                   self->display_name, text ? text : _("not given"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
learn_zooms (BansoMbtiles  *self,
             sqlite3       *db,
             GError       **error)
{
  gboolean has_min = parse_zoom (g_hash_table_lookup (self->metadata, "minzoom"), &self->min_zoom);
  gboolean has_max = parse_zoom (g_hash_table_lookup (self->metadata, "maxzoom"), &self->max_zoom);

  if (!has_min || !has_max)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      if (sqlite3_prepare_v2 (db, "SELECT min(zoom_level), max(zoom_level) FROM tiles", -1, &stmt, NULL) != SQLITE_OK ||
          sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
        {
          g_set_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_NOT_MBTILES,
                       _("%s holds no tiles"), self->display_name);
          return FALSE;
        }
      if (!has_min)
        self->min_zoom = CLAMP (sqlite3_column_int (stmt, 0), 0, 30);
      if (!has_max)
        self->max_zoom = CLAMP (sqlite3_column_int (stmt, 1), 0, 30);
    }
  if (self->min_zoom > self->max_zoom)
    {
      g_set_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_CORRUPT,
                   _("The metadata of %s gives a smallest zoom (%u) above the largest (%u)"),
                   self->display_name, self->min_zoom, self->max_zoom);
      return FALSE;
    }
  return TRUE;
}

/**
 * banso_mbtiles_open:
 * @path: the file
 *
 * Opens an MBTiles file read-only and reads its metadata. A file that is not
 * SQLite, lacks the tiles, or holds vector tiles is refused with a message
 * that names it and says why.
 *
 * Returns: (transfer full): the file, or %NULL
 */
BansoMbtiles *
banso_mbtiles_open (const char  *path,
                    GError     **error)
{
  g_autoptr(BansoMbtiles) self = NULL;
  sqlite3 *db;
  gboolean ok;
  const char *text;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (BANSO_TYPE_MBTILES, NULL);
  self->path = g_strdup (path);
  self->display_name = g_filename_display_name (path);

  if (!looks_like_sqlite (path, self->display_name, error))
    return NULL;
  if (!(db = open_connection (path, self->display_name, error)))
    return NULL;

  ok = read_metadata (self, db, error) && learn_format (self, db, error) &&
       learn_zooms (self, db, error);
  release (self, db);
  if (!ok)
    return NULL;

  text = g_hash_table_lookup (self->metadata, "bounds");
  self->has_bounds = parse_numbers (text, self->bounds, 4) &&
                     self->bounds[0] >= -180 && self->bounds[2] <= 180 &&
                     self->bounds[1] >= -90 && self->bounds[3] <= 90 &&
                     self->bounds[0] < self->bounds[2] && self->bounds[1] < self->bounds[3];
  text = g_hash_table_lookup (self->metadata, "center");
  self->has_center = parse_numbers (text, self->center, 3) ||
                     (parse_numbers (text, self->center, 2) && (self->center[2] = self->min_zoom, TRUE));
  if (!self->has_center && self->has_bounds)
    {
      self->center[0] = (self->bounds[0] + self->bounds[2]) / 2;
      self->center[1] = (self->bounds[1] + self->bounds[3]) / 2;
      self->center[2] = self->min_zoom;
      self->has_center = TRUE;
    }

  return g_steal_pointer (&self);
}

const char *
banso_mbtiles_get_path (BansoMbtiles *self)
{
  g_return_val_if_fail (BANSO_IS_MBTILES (self), NULL);
  return self->path;
}

/* The name the file gives itself, or its file name. */
const char *
banso_mbtiles_get_name (BansoMbtiles *self)
{
  const char *name;

  g_return_val_if_fail (BANSO_IS_MBTILES (self), NULL);
  name = g_hash_table_lookup (self->metadata, "name");
  return name != NULL && *name != '\0' ? name : self->display_name;
}

const char *
banso_mbtiles_get_attribution (BansoMbtiles *self)
{
  g_return_val_if_fail (BANSO_IS_MBTILES (self), NULL);
  return g_hash_table_lookup (self->metadata, "attribution");
}

const char *
banso_mbtiles_get_description (BansoMbtiles *self)
{
  g_return_val_if_fail (BANSO_IS_MBTILES (self), NULL);
  return g_hash_table_lookup (self->metadata, "description");
}

const char *
banso_mbtiles_get_metadata (BansoMbtiles *self,
                            const char   *key)
{
  g_return_val_if_fail (BANSO_IS_MBTILES (self), NULL);
  return g_hash_table_lookup (self->metadata, key);
}

BansoTileFormat
banso_mbtiles_get_format (BansoMbtiles *self)
{
  g_return_val_if_fail (BANSO_IS_MBTILES (self), BANSO_TILE_FORMAT_UNKNOWN);
  return self->format;
}

/* Whether the format came from the metadata rather than from the bytes. */
gboolean
banso_mbtiles_format_from_metadata (BansoMbtiles *self)
{
  g_return_val_if_fail (BANSO_IS_MBTILES (self), FALSE);
  return self->format_from_metadata;
}

guint
banso_mbtiles_get_min_zoom (BansoMbtiles *self)
{
  g_return_val_if_fail (BANSO_IS_MBTILES (self), 0);
  return self->min_zoom;
}

guint
banso_mbtiles_get_max_zoom (BansoMbtiles *self)
{
  g_return_val_if_fail (BANSO_IS_MBTILES (self), 0);
  return self->max_zoom;
}

/* Returns: whether the file gives usable bounds (degrees, WGS84). */
gboolean
banso_mbtiles_get_bounds (BansoMbtiles *self,
                          double       *west,
                          double       *south,
                          double       *east,
                          double       *north)
{
  g_return_val_if_fail (BANSO_IS_MBTILES (self), FALSE);
  if (!self->has_bounds)
    return FALSE;
  if (west) *west = self->bounds[0];
  if (south) *south = self->bounds[1];
  if (east) *east = self->bounds[2];
  if (north) *north = self->bounds[3];
  return TRUE;
}

gboolean
banso_mbtiles_get_center (BansoMbtiles *self,
                          double       *lon,
                          double       *lat,
                          double       *zoom)
{
  g_return_val_if_fail (BANSO_IS_MBTILES (self), FALSE);
  if (!self->has_center)
    return FALSE;
  if (lon) *lon = self->center[0];
  if (lat) *lat = self->center[1];
  if (zoom) *zoom = self->center[2];
  return TRUE;
}

/* Returns: the number of tiles, or -1 with @error set. */
gint64
banso_mbtiles_count_tiles (BansoMbtiles  *self,
                           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  gint64 n = -1;

  g_return_val_if_fail (BANSO_IS_MBTILES (self), -1);

  if (!(db = acquire (self, error)))
    return -1;
  if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM tiles", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    g_set_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_CORRUPT,
                 _("The tiles of %s cannot be counted: %s"), self->display_name, sqlite3_errmsg (db));
  g_clear_pointer (&stmt, sqlite3_finalize);
  release (self, db);
  return n;
}

/**
 * banso_mbtiles_get_tile:
 * @zoom, @x, @y: the tile in the XYZ scheme of web maps (row 0 at the north)
 *
 * Reads a tile's bytes. Safe from any thread.
 *
 * Returns: (transfer full): the image bytes, or %NULL with
 *   %BANSO_GEO_ERROR_ZOOM (outside the file's zooms), %BANSO_GEO_ERROR_NO_TILE
 *   (not in the file) or %BANSO_GEO_ERROR_CORRUPT (not an image)
 */
GBytes *
banso_mbtiles_get_tile (BansoMbtiles  *self,
                        guint          zoom,
                        guint          x,
                        guint          y,
                        GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  GBytes *bytes = NULL;
  int rc;

  g_return_val_if_fail (BANSO_IS_MBTILES (self), NULL);

  if (zoom < self->min_zoom || zoom > self->max_zoom)
    {
      g_set_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_ZOOM,
                   _("%s has tiles for zoom levels %u to %u, not %u"),
                   self->display_name, self->min_zoom, self->max_zoom, zoom);
      return NULL;
    }
  if (x >= (1u << zoom) || y >= (1u << zoom))
    {
      g_set_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_NO_TILE,
                   _("There is no tile %u/%u/%u: at zoom %u columns and rows go up to %u"),
                   zoom, x, y, zoom, (1u << zoom) - 1);
      return NULL;
    }

  if (!(db = acquire (self, error)))
    return NULL;

  /* The statement stays cached on the connection: a tile read is one step. */
  rc = sqlite3_prepare_v3 (db, "SELECT tile_data FROM tiles WHERE zoom_level = ?1 AND tile_column = ?2 AND tile_row = ?3",
                           -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int (stmt, 1, zoom);
      sqlite3_bind_int (stmt, 2, x);
      sqlite3_bind_int (stmt, 3, banso_tms_flip_row (zoom, y));
      rc = sqlite3_step (stmt);
    }

  if (rc == SQLITE_ROW)
    {
      const guint8 *data = sqlite3_column_blob (stmt, 0);
      gsize len = sqlite3_column_bytes (stmt, 0);

      if (banso_tile_format_detect (data, len) == BANSO_TILE_FORMAT_UNKNOWN ||
          banso_tile_format_detect (data, len) == BANSO_TILE_FORMAT_PBF)
        g_set_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_CORRUPT,
                     _("The tile %u/%u/%u of %s is damaged: it is not a PNG, JPEG or WebP image (%u bytes)"),
                     zoom, x, y, self->display_name, (guint)len);
      else
        bytes = g_bytes_new (data, len);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_NO_TILE,
                 _("%s has no tile %u/%u/%u"), self->display_name, zoom, x, y);
  else
    g_set_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_CORRUPT,
                 _("The tile %u/%u/%u of %s cannot be read: %s"),
                 zoom, x, y, self->display_name, sqlite3_errmsg (db));

  sqlite3_finalize (stmt);
  release (self, db);
  return bytes;
}

typedef struct
{
  guint zoom, x, y;
} TileRequest;

static void
get_tile_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  TileRequest *req = task_data;
  GError *error = NULL;
  GBytes *bytes;

  if (g_task_return_error_if_cancelled (task))
    return;
  bytes = banso_mbtiles_get_tile (source, req->zoom, req->x, req->y, &error);
  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify)g_bytes_unref);
}

/* Reads a tile in a worker thread: what a map's data source calls. */
void
banso_mbtiles_get_tile_async (BansoMbtiles        *self,
                              guint                zoom,
                              guint                x,
                              guint                y,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TileRequest *req;

  g_return_if_fail (BANSO_IS_MBTILES (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, banso_mbtiles_get_tile_async);
  req = g_new (TileRequest, 1);
  req->zoom = zoom;
  req->x = x;
  req->y = y;
  g_task_set_task_data (task, req, g_free);
  g_task_run_in_thread (task, get_tile_thread);
}

GBytes *
banso_mbtiles_get_tile_finish (BansoMbtiles  *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
