/* test-basemap.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <math.h>
#include <string.h>

#include "banso-basemap.h"
#include "banso-mbtiles.h"
#include "geo-test-util.h"

typedef struct
{
  const guint8 *data;
  gsize         len;
  gsize         at;
} PngReader;

static cairo_status_t
read_png (void          *closure,
          unsigned char *out,
          unsigned int   length)
{
  PngReader *r = closure;

  if (r->at + length > r->len)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (out, r->data + r->at, length);
  r->at += length;
  return CAIRO_STATUS_SUCCESS;
}

static void
tile_xy (guint   zoom,
         double  lat,
         double  lon,
         guint  *x,
         guint  *y,
         double *px,
         double *py)
{
  double n = exp2 (zoom), mx, my;

  banso_mercator_project (lon, lat, &mx, &my);
  *x = (guint)(mx * n);
  *y = (guint)(my * n);
  if (px)
    *px = (mx * n - *x) * 256;
  if (py)
    *py = (my * n - *y) * 256;
}

/* How many pixels of the tile at (lat, lon) are within 0.03 of the colour. */
static guint
count_colour (BansoMbtiles *mb,
              guint         zoom,
              double        lat,
              double        lon,
              double        red,
              double        green,
              double        blue)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  PngReader reader = { 0 };
  cairo_surface_t *surface;
  guint x, y, n = 0;

  tile_xy (zoom, lat, lon, &x, &y, NULL, NULL);
  bytes = banso_mbtiles_get_tile (mb, zoom, x, y, &error);
  g_assert_no_error (error);
  reader.data = g_bytes_get_data (bytes, &reader.len);
  surface = cairo_image_surface_create_from_png_stream (read_png, &reader);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 256);
  for (int j = 0; j < 256; j++)
    for (int i = 0; i < 256; i++)
      {
        guint32 p = *(guint32 *)(cairo_image_surface_get_data (surface) + j * cairo_image_surface_get_stride (surface) + i * 4);

        if (fabs (((p >> 16) & 0xff) / 255.0 - red) < 0.03 && fabs (((p >> 8) & 0xff) / 255.0 - green) < 0.03 &&
            fabs ((p & 0xff) / 255.0 - blue) < 0.03)
          n++;
      }
  cairo_surface_destroy (surface);
  return n;
}

static void
test_render_demo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("banso-basemap-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.mbtiles", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoMbtiles) mb = NULL;
  g_autoptr(GBytes) none = NULL;
  guint n = 0, x, y;
  gint64 start = g_get_monotonic_time ();

  g_assert_true (banso_basemap_render_demo (path, 2, NULL, NULL, NULL, &n, &error));
  g_assert_no_error (error);
  g_test_message ("%u tiles in %.2f s", n, (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (n, >, 500);

  mb = banso_mbtiles_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (banso_mbtiles_get_min_zoom (mb), ==, 4);
  g_assert_cmpuint (banso_mbtiles_get_max_zoom (mb), ==, 12);
  g_assert_cmpint (banso_mbtiles_count_tiles (mb, NULL), ==, n);
  g_assert_cmpint (banso_mbtiles_get_format (mb), ==, BANSO_TILE_FORMAT_PNG);

  /* Land colours: Sơn La at zoom 12, Hà Nội at zoom 8. */
  g_assert_cmpuint (count_colour (mb, 12, 21.327, 103.914, 0.93, 0.95, 0.84), >, 1000);
  g_assert_cmpuint (count_colour (mb, 8, 21.028, 105.834, 0.97, 0.95, 0.89), >, 1000);
  /* The islands of Hoàng Sa (Phú Lâm) and Trường Sa (Song Tử Tây) are drawn
   * in the colour of Vietnam's borders, and their names in dark blue. */
  g_assert_cmpuint (count_colour (mb, 7, 16.834, 112.339, 0.58, 0.45, 0.58), >, 5);
  g_assert_cmpuint (count_colour (mb, 7, 11.430, 114.333, 0.58, 0.45, 0.58), >, 5);
  g_assert_cmpuint (count_colour (mb, 7, 17.35, 112.0, 0.15, 0.2, 0.45) +
                    count_colour (mb, 7, 17.35, 112.8, 0.15, 0.2, 0.45), >, 30);
  g_assert_cmpuint (count_colour (mb, 7, 9.6, 115.6, 0.15, 0.2, 0.45) +
                    count_colour (mb, 7, 9.6, 114.8, 0.15, 0.2, 0.45), >, 30);

  /* Past zoom 8 only Sơn La is rendered. */
  tile_xy (10, 21.028, 105.834, &x, &y, NULL, NULL);
  none = banso_mbtiles_get_tile (mb, 10, x, y, &error);
  g_assert_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_NO_TILE);

  g_clear_object (&mb);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_unwritable (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (banso_basemap_render_demo ("/nonexistent/dir/demo.mbtiles", 1, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/dir/demo.mbtiles"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/basemap/render-demo", test_render_demo);
  g_test_add_func ("/basemap/unwritable", test_unwritable);
  return g_test_run ();
}
