/* test-mbtiles-data-source.c: the map's MBTiles data source for libshumate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Against node-mbtiles' plain_1.mbtiles (PNG, zooms 0 to 4, 56 of the 64
 * tiles of zoom 3): a tile read emits received-data with its place and bytes
 * before the call returns (libshumate 1.0 paints on that signal only); a
 * missing tile, a zoom the file lacks and a tile outside its bounds are
 * errors without the signal; the renderer has the file's zooms.
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <string.h>

#include "banso-mbtiles-data-source.h"

typedef struct
{
  int     x, y, zoom;
  GBytes *bytes;
  guint   n_received;
} Received;

typedef struct
{
  GBytes *bytes;
  GError *error;
  gboolean done;
} Result;

static char *
plain_path (void)
{
  const char *shared = g_getenv ("BANSO_SHARED_DATA");

  return g_build_filename (shared ? shared : "/work/shared/data", "map", "mbtiles",
                           "plain_1.mbtiles", NULL);
}

static void
on_received (ShumateDataSource *source,
             int                x,
             int                y,
             int                zoom,
             GBytes            *bytes,
             Received          *r)
{
  r->x = x;
  r->y = y;
  r->zoom = zoom;
  g_clear_pointer (&r->bytes, g_bytes_unref);
  r->bytes = g_bytes_ref (bytes);
  r->n_received++;
}

static void
on_done (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Result *res = user_data;

  res->bytes = shumate_data_source_get_tile_data_finish (SHUMATE_DATA_SOURCE (object), result,
                                                          &res->error);
  res->done = TRUE;
}

static void
fetch (ShumateDataSource *source,
       int                x,
       int                y,
       int                zoom,
       Result            *res)
{
  memset (res, 0, sizeof *res);
  shumate_data_source_get_tile_data_async (source, x, y, zoom, NULL, on_done, res);
  while (!res->done)
    g_main_context_iteration (NULL, TRUE);
}

static BansoMbtilesDataSource *
open_source (void)
{
  g_autofree char *path = plain_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoMbtiles) mbtiles = banso_mbtiles_open (path, &error);

  if (mbtiles == NULL)
    return NULL;
  return banso_mbtiles_data_source_new (mbtiles);
}

static void
test_tile (void)
{
  g_autoptr(BansoMbtilesDataSource) source = open_source ();
  Received r = { 0 };
  Result res;

  if (source == NULL)
    {
      g_test_skip ("plain_1.mbtiles is not there");
      return;
    }
  g_signal_connect (source, "received-data", G_CALLBACK (on_received), &r);

  fetch (SHUMATE_DATA_SOURCE (source), 1, 1, 1, &res);
  g_assert_no_error (res.error);
  g_assert_nonnull (res.bytes);
  g_assert_cmpuint (r.n_received, ==, 1);
  g_assert_cmpint (r.x, ==, 1);
  g_assert_cmpint (r.y, ==, 1);
  g_assert_cmpint (r.zoom, ==, 1);
  g_assert_true (g_bytes_equal (r.bytes, res.bytes));
  /* A PNG. */
  g_assert_cmpmem (g_bytes_get_data (res.bytes, NULL), 4, "\x89PNG", 4);
  g_bytes_unref (res.bytes);
  g_clear_pointer (&r.bytes, g_bytes_unref);
}

static void
test_errors (void)
{
  g_autoptr(BansoMbtilesDataSource) source = open_source ();
  Received r = { 0 };
  Result res;

  if (source == NULL)
    {
      g_test_skip ("plain_1.mbtiles is not there");
      return;
    }
  g_signal_connect (source, "received-data", G_CALLBACK (on_received), &r);

  /* Zoom 3, TMS row 0 (the southernmost, XYZ row 7), is not in the file. */
  fetch (SHUMATE_DATA_SOURCE (source), 0, 7, 3, &res);
  g_assert_error (res.error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_NO_TILE);
  g_assert_null (res.bytes);
  g_clear_error (&res.error);

  fetch (SHUMATE_DATA_SOURCE (source), 0, 0, 5, &res);
  g_assert_error (res.error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_ZOOM);
  g_clear_error (&res.error);

  /* South of the file's bounds (70° S): not even asked for. */
  fetch (SHUMATE_DATA_SOURCE (source), 3, 15, 4, &res);
  g_assert_error (res.error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_NO_TILE);
  g_assert_nonnull (strstr (res.error->message, "outside"));
  g_clear_error (&res.error);

  g_assert_cmpuint (r.n_received, ==, 0);
}

static void
test_renderer (void)
{
  g_autofree char *path = plain_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoMbtiles) mbtiles = banso_mbtiles_open (path, &error);
  g_autoptr(ShumateMapSource) source = NULL;

  if (mbtiles == NULL)
    {
      g_test_skip ("plain_1.mbtiles is not there");
      return;
    }
  source = banso_mbtiles_data_source_new_renderer (mbtiles, path);
  g_assert_cmpuint (shumate_map_source_get_min_zoom_level (source), ==, 0);
  g_assert_cmpuint (shumate_map_source_get_max_zoom_level (source), ==, 4);
  g_assert_cmpuint (shumate_map_source_get_tile_size (source), ==, 256);
  g_assert_cmpstr (shumate_map_source_get_name (source), ==, banso_mbtiles_get_name (mbtiles));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map/data-source/tile", test_tile);
  g_test_add_func ("/map/data-source/errors", test_errors);
  g_test_add_func ("/map/data-source/renderer", test_renderer);
  return g_test_run ();
}
