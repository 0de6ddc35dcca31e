/* bench-map-frame.c: how long the map takes to draw its communes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws the region layer of the Map section at 1366×768 — its snapshot,
 * rendered onto a cairo image surface as GTK's cairo renderer does — at
 * zooms 7, 10 and 13 over Sơn La, for the 75 simplified communes the app
 * bundles and for the same communes at full resolution (~199k vertices).
 * In the same run, the same polygons are drawn as one ShumatePathLayer
 * each, libshumate's own way, for comparison. Goals: at most 8 ms a frame
 * for the region layer, and at least 10 times faster than the path layers.
 *
 *   bench-map-frame FULL.geojson     (under Xvfb: GTK needs a display)
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <shumate/shumate.h>
#include <stdlib.h>
#include <time.h>

#include "banso-geo-region.h"
#include "banso-region-layer.h"

#define WIDTH 1366
#define HEIGHT 768

static const double zooms[] = { 7, 10, 13 };

static void
wait_for (GtkWidget *widget,
          int        width)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (gtk_widget_get_width (widget) != width && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

/* The time this thread has run, in ms: on a machine shared with other work
 * the wall clock measures the others too. Both are printed. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double wall_total;

/* One frame: the snapshots of the layers, drawn as the cairo renderer does. */
static double
draw_frame (GtkWidget       **layers,
            guint             n_layers,
            cairo_surface_t  *surface)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  gint64 wall = g_get_monotonic_time ();
  double start = cpu_ms ();
  cairo_t *cr;

  for (guint i = 0; i < n_layers; i++)
    GTK_WIDGET_GET_CLASS (layers[i])->snapshot (layers[i], snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  wall_total += (g_get_monotonic_time () - wall) / 1000.0;
  return cpu_ms () - start;
}

typedef void (*BeforeFrame) (ShumateMap *map,
                             GtkWidget  *layer,
                             guint       frame);

static double
measure (ShumateMap       *map,
         GtkWidget       **layers,
         guint             n_layers,
         guint             n_frames,
         BeforeFrame       before,
         cairo_surface_t  *surface,
         double           *max,
         double           *wall_mean)
{
  g_autofree double *times = g_new (double, n_frames);

  /* One frame first: fonts and caches warm up. */
  draw_frame (layers, n_layers, surface);
  wall_total = 0;
  for (guint f = 0; f < n_frames; f++)
    {
      if (before != NULL)
        before (map, layers[0], f);
      times[f] = draw_frame (layers, n_layers, surface);
    }
  qsort (times, n_frames, sizeof (double), compare_doubles);
  *max = times[n_frames - 1];
  *wall_mean = wall_total / n_frames;
  return times[n_frames / 2];
}

/* A drag: the view moves by 4 pixels a frame. */
static void
pan_a_little (ShumateMap *map,
              GtkWidget  *layer,
              guint       frame)
{
  ShumateViewport *viewport = shumate_map_get_viewport (map);
  BansoGeoViewport geo;
  double lat, lon;

  banso_region_layer_get_geo_viewport (BANSO_REGION_LAYER (layer), &geo);
  banso_geo_viewport_from_pixel (&geo, geo.width / 2.0 + 4, geo.height / 2.0 + 2, &lat, &lon);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), lat, lon);
}

/* What changes the colours: every ring drawn again (into the cache). */
static void
redraw_all (ShumateMap *map,
            GtkWidget  *layer,
            guint       frame)
{
  banso_region_layer_set_labels (BANSO_REGION_LAYER (layer), g_getenv ("BENCH_NO_LABELS") == NULL);
}

/* The same polygons the libshumate way: a ShumatePathLayer for each (their
 * outer rings: a path layer has no holes). */
static GPtrArray *
make_path_layers (ShumateMap     *map,
                  BansoRegionSet *set,
                  guint          *n_vertices)
{
  ShumateViewport *viewport = shumate_map_get_viewport (map);
  GPtrArray *layers = g_ptr_array_new ();
  GdkRGBA fill = { 0.99, 0.55, 0.24, 0.8 }, stroke = { 0.25, 0.25, 0.3, 0.9 };

  *n_vertices = 0;
  for (guint r = 0; r < banso_region_set_get_n_regions (set); r++)
    {
      const BansoGeometry *g = banso_region_set_get_region (set, r)->geometry;

      for (guint p = 0; p < g->polygons->len; p++)
        {
          const BansoGeoPolygon *poly = &g_array_index (g->polygons, BansoGeoPolygon, p);
          const BansoGeoPath *ring = &g_array_index (g->paths, BansoGeoPath, poly->first_path);
          ShumatePathLayer *layer = shumate_path_layer_new (viewport);

          shumate_path_layer_set_fill (layer, TRUE);
          shumate_path_layer_set_fill_color (layer, &fill);
          shumate_path_layer_set_stroke_color (layer, &stroke);
          shumate_path_layer_set_stroke_width (layer, 1);
          shumate_path_layer_set_closed (layer, TRUE);
          /* add_node() prepends: last point first. The layer takes the
           * coordinates' floating references. */
          for (guint i = ring->n_points; i-- > 0;)
            shumate_path_layer_add_node (layer, SHUMATE_LOCATION (
              shumate_coordinate_new_full (ring->points[i].y, ring->points[i].x)));
          *n_vertices += ring->n_points;
          shumate_map_add_layer (map, SHUMATE_LAYER (layer));
          g_ptr_array_add (layers, layer);
        }
    }
  return layers;
}

static void
run_set (ShumateMap      *map,
         const char      *what,
         BansoRegionSet  *set,
         cairo_surface_t *surface,
         double          *worst,         /* dragged, redrawn */
         double          *worst_ratio)
{
  ShumateViewport *viewport = shumate_map_get_viewport (map);
  BansoRegionLayer *layer = banso_region_layer_new (viewport);
  const BansoGeoBox *box = banso_region_set_get_box (set);
  guint n = banso_region_set_get_n_regions (set);
  g_autofree BansoGeoColor *fills = g_new (BansoGeoColor, n);
  g_autoptr(GPtrArray) paths = NULL;
  guint n_vertices;
  GtkWidget *ours[1] = { GTK_WIDGET (layer) };

  for (guint i = 0; i < n; i++)
    fills[i] = (BansoGeoColor) { 1.0 - 0.1 * (i % 5), 0.5 + 0.08 * (i % 5), 0.2, 0.8 };
  banso_region_layer_set_regions (layer, set);
  banso_region_layer_set_fills (layer, fills, n);
  banso_region_layer_set_labels (layer, g_getenv ("BENCH_NO_LABELS") == NULL);
  shumate_map_add_layer (map, SHUMATE_LAYER (layer));
  paths = make_path_layers (map, set, &n_vertices);

  g_print ("# %s: %u regions, %u vertices in the file; %u path layers with %u vertices\n",
           what, n, banso_region_set_get_n_points (set), paths->len, n_vertices);
  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      double pan_median, pan_max, pan_wall, full_median, full_max, full_wall;
      double paths_median = 0, paths_max = 0, paths_wall = 0;

      shumate_map_center_on (map, (box->min_y + box->max_y) / 2, (box->min_x + box->max_x) / 2);
      shumate_viewport_set_zoom_level (viewport, zooms[z]);
      wait_for (GTK_WIDGET (map), WIDTH);
      full_median = measure (map, ours, 1, 20, redraw_all, surface, &full_max, &full_wall);
      pan_median = measure (map, ours, 1, 40, pan_a_little, surface, &pan_max, &pan_wall);
      shumate_map_center_on (map, (box->min_y + box->max_y) / 2, (box->min_x + box->max_x) / 2);
      if (g_getenv ("BENCH_NO_PATHS") == NULL)
        paths_median = measure (map, (GtkWidget **)paths->pdata, paths->len,
                                zooms[z] >= 13 ? 5 : 8, NULL, surface, &paths_max, &paths_wall);
      g_print ("%s zoom %2.0f: region layer, dragged %6.2f ms (max %6.2f, wall %6.2f) · "
               "redrawn %6.2f ms (max %6.2f, wall %6.2f) · %u ShumatePathLayers %8.2f ms "
               "(max %8.2f, wall %8.2f) · %.1f× / %.1f× faster\n",
               what, zooms[z], pan_median, pan_max, pan_wall, full_median, full_max, full_wall,
               paths->len, paths_median, paths_max, paths_wall,
               paths_median / pan_median, paths_median / full_median);
      worst[0] = MAX (worst[0], pan_median);
      worst[1] = MAX (worst[1], full_median);
      worst_ratio[0] = MIN (worst_ratio[0], paths_median / pan_median);
      worst_ratio[1] = MIN (worst_ratio[1], paths_median / full_median);
    }

  for (guint i = 0; i < paths->len; i++)
    shumate_map_remove_layer (map, paths->pdata[i]);
  shumate_map_remove_layer (map, SHUMATE_LAYER (layer));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoRegionSet) simplified = NULL;
  g_autoptr(BansoRegionSet) full = NULL;
  cairo_surface_t *surface;
  GtkWidget *window, *map;
  g_autoptr(ShumateMapSource) reference = NULL;
  double worst[2] = { 0, 0 }, worst_ratio[2] = { G_MAXDOUBLE, G_MAXDOUBLE };

  if (argc != 2)
    {
      g_printerr ("usage: %s FULL.geojson\n", argv[0]);
      return 2;
    }
  gtk_init ();

  simplified = banso_region_set_load_communes (&error);
  if (simplified == NULL || !(full = banso_region_set_load_file (argv[1], "code", &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  window = gtk_window_new ();
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  map = GTK_WIDGET (shumate_map_new ());
  /* The viewport converts coordinates with its reference map source; none
   * of its tiles is asked for (there is no map layer). */
  reference = SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full_from_url (
    "bench", "bench", "", NULL, 0, 20, 256, SHUMATE_MAP_PROJECTION_MERCATOR,
    "http://localhost.invalid/#Z#/#X#/#Y#.png"));
  shumate_viewport_set_reference_map_source (shumate_map_get_viewport (SHUMATE_MAP (map)), reference);
  gtk_window_set_child (GTK_WINDOW (window), map);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (map, WIDTH);
  if (gtk_widget_get_width (map) != WIDTH || gtk_widget_get_height (map) != HEIGHT)
    {
      g_printerr ("the map is %d×%d, not %d×%d\n", gtk_widget_get_width (map),
                  gtk_widget_get_height (map), WIDTH, HEIGHT);
      return 1;
    }
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);

  g_print ("# frame draw time at %d×%d, the layers' snapshot rendered with cairo as GTK's cairo\n"
           "# renderer does; CPU time of the drawing thread, median (and max) of 40 frames dragged\n"
           "# by 4 px, 20 frames redrawn (new colours), 5–8 frames of the path layers; the wall\n"
           "# clock's mean beside it\n", WIDTH, HEIGHT);
  run_set (SHUMATE_MAP (map), "simplified", simplified, surface, worst, worst_ratio);
  run_set (SHUMATE_MAP (map), "full", full, surface, worst, worst_ratio);
  g_print ("# worst median, dragged %.2f ms (goal ≤ 8 ms: %s), redrawn %.2f ms (%s); least speed-up "
           "over the path layers %.1f× dragged, %.1f× redrawn (goal ≥ 10×: %s)\n",
           worst[0], worst[0] <= 8 ? "met" : "NOT met", worst[1], worst[1] <= 8 ? "met" : "NOT met",
           worst_ratio[0], worst_ratio[1], MIN (worst_ratio[0], worst_ratio[1]) >= 10 ? "met" : "NOT met");

  cairo_surface_destroy (surface);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
