/* test-mbtiles.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "banso-mbtiles.h"
#include "geo-test-util.h"

/* Every tile of every raster file, read back through the XYZ scheme, must be
 * the row the TMS scheme stores. */
static void
check_all_tiles (BansoMbtiles *mb,
                 const char   *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      guint z = sqlite3_column_int (stmt, 0), x = sqlite3_column_int (stmt, 1);
      guint row = sqlite3_column_int (stmt, 2);
      guint y = (1u << z) - 1 - row;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = banso_mbtiles_get_tile (mb, z, x, y, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (bytes), ==, sqlite3_column_bytes (stmt, 3));
      g_assert_true (memcmp (g_bytes_get_data (bytes, NULL), sqlite3_column_blob (stmt, 3),
                             g_bytes_get_size (bytes)) == 0);
      g_assert_cmpint (banso_tile_format_detect (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)),
                       ==, banso_mbtiles_get_format (mb));
      n++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpint (n, ==, banso_mbtiles_count_tiles (mb, NULL));
}

static void
test_geography_class (void)
{
  g_autofree char *path = geo_test_shared ("map/mbtiles/geography-class-png.mbtiles");
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoMbtiles) mb = banso_mbtiles_open (path, &error);
  double w, s, e, n, lon, lat, zoom;

  g_assert_no_error (error);
  g_assert_cmpstr (banso_mbtiles_get_name (mb), ==, "Geography Class");
  g_assert_cmpuint (banso_mbtiles_get_min_zoom (mb), ==, 0);
  g_assert_cmpuint (banso_mbtiles_get_max_zoom (mb), ==, 1);
  g_assert_true (banso_mbtiles_get_bounds (mb, &w, &s, &e, &n));
  g_assert_cmpfloat_with_epsilon (w, -180, 1e-9);
  g_assert_cmpfloat_with_epsilon (n, 85.0511, 1e-9);
  g_assert_true (banso_mbtiles_get_center (mb, &lon, &lat, &zoom));
  g_assert_cmpfloat_with_epsilon (lat, 20, 1e-9);
  /* No format in its metadata: learnt from the bytes. */
  g_assert_false (banso_mbtiles_format_from_metadata (mb));
  g_assert_cmpint (banso_mbtiles_get_format (mb), ==, BANSO_TILE_FORMAT_PNG);
  g_assert_cmpint (banso_mbtiles_count_tiles (mb, NULL), ==, 5);
  g_assert_cmpstr (banso_mbtiles_get_attribution (mb), ==, "");
  check_all_tiles (mb, path);
}

static void
test_plain (void)
{
  g_autofree char *path = geo_test_shared ("map/mbtiles/plain_1.mbtiles");
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoMbtiles) mb = banso_mbtiles_open (path, &error);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (banso_mbtiles_get_name (mb), ==, "plain_1");
  /* No minzoom and maxzoom in the metadata: learnt from the tiles. */
  g_assert_cmpuint (banso_mbtiles_get_min_zoom (mb), ==, 0);
  g_assert_cmpuint (banso_mbtiles_get_max_zoom (mb), ==, 4);
  g_assert_cmpint (banso_mbtiles_count_tiles (mb, NULL), ==, 285);
  check_all_tiles (mb, path);

  /* Outside the zooms, outside the grid, missing. */
  bytes = banso_mbtiles_get_tile (mb, 5, 0, 0, &error);
  g_assert_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_ZOOM);
  g_assert_nonnull (strstr (error->message, "plain_1.mbtiles"));
  g_clear_error (&error);
  bytes = banso_mbtiles_get_tile (mb, 1, 2, 0, &error);
  g_assert_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_NO_TILE);
  g_clear_error (&error);
}

static void
test_missing_tile (void)
{
  g_autofree char *path = geo_test_shared ("map/mbtiles/one_tile.mbtiles");
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoMbtiles) mb = banso_mbtiles_open (path, &error);
  guint found = 0, missing = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (banso_mbtiles_get_name (mb), ==, "shadowplay");
  check_all_tiles (mb, path);
  for (guint x = 0; x < 2; x++)
    for (guint y = 0; y < 2; y++)
      {
        g_autoptr(GBytes) bytes = banso_mbtiles_get_tile (mb, 1, x, y, &error);

        if (bytes != NULL)
          found++;
        else
          {
            g_assert_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_NO_TILE);
            g_assert_nonnull (strstr (error->message, "one_tile.mbtiles"));
            g_clear_error (&error);
            missing++;
          }
      }
  g_assert_cmpuint (found, ==, 1);
  g_assert_cmpuint (missing, ==, 3);
}

static void
test_vector_refused (void)
{
  g_autofree char *path = geo_test_shared ("map/mbtiles/world_cities.mbtiles");
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoMbtiles) mb = banso_mbtiles_open (path, &error);

  g_assert_null (mb);
  g_assert_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_VECTOR);
  g_assert_nonnull (strstr (error->message, "world_cities.mbtiles"));
  g_assert_nonnull (strstr (error->message, "vector"));
}

static void
test_invalid_refused (void)
{
  g_autofree char *path = geo_test_shared ("map/mbtiles/invalid.mbtiles");
  g_autofree char *dir = g_dir_make_tmp ("banso-geo-XXXXXX", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.mbtiles", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoMbtiles) mb = banso_mbtiles_open (path, &error);

  g_assert_null (mb);
  g_assert_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_NOT_MBTILES);
  g_assert_nonnull (strstr (error->message, "invalid.mbtiles"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (text, "just some text, not a database", -1, NULL));
  mb = banso_mbtiles_open (text, &error);
  g_assert_null (mb);
  g_assert_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_NOT_MBTILES);
  g_assert_nonnull (strstr (error->message, "notes.mbtiles"));
  g_assert_nonnull (strstr (error->message, "SQLite"));
  g_clear_error (&error);
  mb = banso_mbtiles_open ("/nonexistent/x.mbtiles", &error);
  g_assert_null (mb);
  g_assert_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_IO);
  g_unlink (text);
  g_rmdir (dir);
}

static void
test_flip (void)
{
  g_assert_cmpuint (banso_tms_flip_row (0, 0), ==, 0);
  g_assert_cmpuint (banso_tms_flip_row (1, 0), ==, 1);
  g_assert_cmpuint (banso_tms_flip_row (3, 2), ==, 5);
  g_assert_cmpuint (banso_tms_flip_row (12, 0), ==, 4095);
  g_assert_cmpint (banso_tile_format_detect ((const guint8 *)"\xff\xd8\xff\xe0", 4), ==, BANSO_TILE_FORMAT_JPEG);
  g_assert_cmpint (banso_tile_format_detect ((const guint8 *)"RIFF\0\0\0\0WEBPVP8 ", 16), ==, BANSO_TILE_FORMAT_WEBP);
  g_assert_cmpint (banso_tile_format_detect ((const guint8 *)"\x1f\x8b\x08", 3), ==, BANSO_TILE_FORMAT_PBF);
  g_assert_cmpint (banso_tile_format_detect ((const guint8 *)"GIF8", 4), ==, BANSO_TILE_FORMAT_UNKNOWN);
}

typedef struct
{
  BansoMbtiles *mb;
  guint         errors;
} ThreadData;

static gpointer
read_many (gpointer data)
{
  ThreadData *td = data;

  for (guint i = 0; i < 2000; i++)
    {
      guint z = i % 5, x = (i / 5) % (1u << z), y = (i / 7) % (1u << z);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = banso_mbtiles_get_tile (td->mb, z, x, y, &error);

      if (bytes == NULL && !g_error_matches (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_NO_TILE))
        g_atomic_int_inc (&td->errors);
    }
  return NULL;
}

/* A map reads from several worker threads at once. */
static void
test_threads (void)
{
  g_autofree char *path = geo_test_shared ("map/mbtiles/plain_1.mbtiles");
  g_autoptr(BansoMbtiles) mb = banso_mbtiles_open (path, NULL);
  ThreadData td = { mb, 0 };
  GThread *threads[6];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("reader", read_many, &td);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  g_assert_cmpuint (td.errors, ==, 0);
}

static void
got_tile (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GBytes **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = banso_mbtiles_get_tile_finish (BANSO_MBTILES (source), result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autofree char *path = geo_test_shared ("map/mbtiles/plain_1.mbtiles");
  g_autoptr(BansoMbtiles) mb = banso_mbtiles_open (path, NULL);
  GBytes *bytes = NULL;

  banso_mbtiles_get_tile_async (mb, 2, 1, 1, NULL, got_tile, &bytes);
  while (bytes == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (banso_tile_format_detect (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)),
                   ==, BANSO_TILE_FORMAT_PNG);
  g_bytes_unref (bytes);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/mbtiles/geography-class", test_geography_class);
  g_test_add_func ("/mbtiles/plain", test_plain);
  g_test_add_func ("/mbtiles/missing-tile", test_missing_tile);
  g_test_add_func ("/mbtiles/vector-refused", test_vector_refused);
  g_test_add_func ("/mbtiles/invalid-refused", test_invalid_refused);
  g_test_add_func ("/mbtiles/flip-and-formats", test_flip);
  g_test_add_func ("/mbtiles/threads", test_threads);
  g_test_add_func ("/mbtiles/async", test_async);
  return g_test_run ();
}
