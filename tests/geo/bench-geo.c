/* bench-geo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map's goals: a frame of the region layer (1366×768, cairo image
 * surface) at zooms 7, 10 and 13 for the 75 simplified communes and for the
 * full-resolution file (~199k vertices) ≤ 8 ms; a tile read ≤ 1 ms p99; a hit
 * test ≤ 0.1 ms; the demo base map's render time; what a warning affects
 * over BANSO_BENCH_HOUSEHOLDS (default 1,000,000) households ≤ 1 s, on the
 * database the other benchmarks share (made once, in BANSO_BENCH_DIR).
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <time.h>

#include "banso-basemap.h"
#include "banso-demo.h"
#include "banso-geo-region.h"
#include "banso-mbtiles.h"
#include "banso-paths.h"
#include "banso-warning.h"
#include "geo-test-util.h"

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The time this thread ran: on a machine shared with other work, what the
 * frame itself cost. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
percentile (double *v,
            guint   n,
            double  p)
{
  qsort (v, n, sizeof (double), compare_doubles);
  return v[MIN ((guint)ceil (p * n) - (p > 0 ? 1 : 0), n - 1)];
}

static gboolean
choropleth (const BansoRegion *region,
            guint              index,
            BansoGeoColor     *fill,
            BansoGeoColor     *stroke,
            double            *line_width,
            gpointer           user_data)
{
  double t = (index % 5) / 4.0;

  *fill = (BansoGeoColor) { 0.99 - 0.5 * t, 0.9 - 0.6 * t, 0.7 - 0.5 * t, 0.7 };
  *stroke = (BansoGeoColor) { 0.3, 0.3, 0.3, 1 };
  *line_width = 1;
  return TRUE;
}

static void
bench_draw (BansoRegionSet    *set,
            const char        *what,
            cairo_antialias_t  antialias)
{
  static const double zooms[] = { 7, 10, 13 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1366, 768);
  cairo_t *cr = cairo_create (surface);
  const char *aa_name = antialias == CAIRO_ANTIALIAS_NONE ? "outlines not antialiased" : "antialiased outlines   ";

  cairo_set_antialias (cr, antialias);

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      double times[60], cpu[60];
      guint drawn = 0;

      for (guint i = 0; i < G_N_ELEMENTS (times); i++)
        {
          BansoGeoViewport vp;
          double start, cpu_start;

          /* Panning around Sơn La town, as a user would. */
          banso_geo_viewport_init (&vp, 21.33 + 0.02 * sin (i), 103.91 + 0.02 * cos (i), zooms[z], 1366, 768);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_paint (cr);
          start = now_ms ();
          cpu_start = cpu_ms ();
          drawn = banso_region_set_draw (set, cr, &vp, choropleth, NULL);
          cairo_surface_flush (surface);
          times[i] = now_ms () - start;
          cpu[i] = cpu_ms () - cpu_start;
        }
      /* BANSO_BENCH_PNG_DIR keeps the last frame of each series, to look at. */
      if (g_getenv ("BANSO_BENCH_PNG_DIR"))
        {
          g_autofree char *name = g_strdup_printf ("%s/%s-%s-z%.0f.png", g_getenv ("BANSO_BENCH_PNG_DIR"),
                                                   banso_region_set_get_n_points (set) > 100000 ? "full" : "simplified",
                                                   antialias == CAIRO_ANTIALIAS_NONE ? "aliased" : "aa", zooms[z]);

          cairo_surface_write_to_png (surface, name);
        }
      g_print ("draw %-30s %s zoom %2.0f: %2u regions, median %.2f ms (CPU %.2f), p95 %.2f ms (CPU %.2f), max %.2f ms (goal ≤ 8 ms) %s\n",
               what, aa_name, zooms[z], drawn, percentile (times, G_N_ELEMENTS (times), 0.5),
               percentile (cpu, G_N_ELEMENTS (cpu), 0.5),
               percentile (times, G_N_ELEMENTS (times), 0.95), percentile (cpu, G_N_ELEMENTS (cpu), 0.95),
               percentile (times, G_N_ELEMENTS (times), 1.0),
               percentile (cpu, G_N_ELEMENTS (cpu), 0.95) <= 8 ? "met" : "NOT MET");
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
bench_hit_test (BansoRegionSet *set,
                const char     *what)
{
  const BansoGeoBox *box = banso_region_set_get_box (set);
  GRand *rand = g_rand_new_with_seed (3);
  const guint n = 20000;
  g_autofree double *times = g_new (double, n);
  g_autofree double *cpu = g_new (double, n);
  guint hits = 0;
  double start_all = now_ms ();

  for (guint i = 0; i < n; i++)
    {
      double lat = g_rand_double_range (rand, box->min_y, box->max_y);
      double lon = g_rand_double_range (rand, box->min_x, box->max_x);
      double start = now_ms (), cpu_start = cpu_ms ();

      hits += banso_region_set_hit_test (set, lat, lon) >= 0;
      times[i] = now_ms () - start;
      cpu[i] = cpu_ms () - cpu_start;
    }
  g_print ("hit test %-34s %u points (%u inside): mean %.4f ms, p99 %.4f ms (CPU %.4f), max %.4f ms (goal ≤ 0.1 ms) %s\n",
           what, n, hits, (now_ms () - start_all) / n, percentile (times, n, 0.99), percentile (cpu, n, 0.99),
           percentile (times, n, 1.0), percentile (cpu, n, 0.99) <= 0.1 ? "met" : "NOT MET");
  g_rand_free (rand);
}

static void
bench_tiles (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoMbtiles) mb = banso_mbtiles_open (path, &error);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (guint) * 3);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  const guint n = 20000;
  g_autofree double *times = g_new (double, n);
  g_autofree double *cpu = g_new (double, n);
  GRand *rand = g_rand_new_with_seed (9);
  gsize bytes = 0;

  g_assert_no_error (error);
  sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  sqlite3_prepare_v2 (db, "SELECT zoom_level, tile_column, tile_row FROM tiles", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      guint k[3] = { sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1), 0 };

      k[2] = banso_tms_flip_row (k[0], sqlite3_column_int (stmt, 2));
      g_array_append_vals (keys, k, 1);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  for (guint i = 0; i < n; i++)
    {
      guint *k = (guint *)(keys->data + g_rand_int_range (rand, 0, keys->len) * sizeof (guint) * 3);
      double start = now_ms (), cpu_start = cpu_ms ();
      g_autoptr(GBytes) tile = banso_mbtiles_get_tile (mb, k[0], k[1], k[2], NULL);

      times[i] = now_ms () - start;
      cpu[i] = cpu_ms () - cpu_start;
      bytes += tile ? g_bytes_get_size (tile) : 0;
    }
  g_print ("tile read (demo base map, %u tiles, %u random reads, %.1f KB average): median %.4f ms, p99 %.4f ms (CPU %.4f), max %.3f ms (goal p99 ≤ 1 ms) %s\n",
           keys->len, n, bytes / 1024.0 / n, percentile (times, n, 0.5), percentile (times, n, 0.99),
           percentile (cpu, n, 0.99), percentile (times, n, 1.0), percentile (times, n, 0.99) <= 1 ? "met" : "NOT MET");
  g_rand_free (rand);
}

static gboolean
ensure_database (const char  *data_dir,
                 guint        n_households,
                 GError     **error)
{
  g_autofree char *stamp = g_build_filename (data_dir, "complete", NULL);
  g_autofree char *path = banso_database_path (data_dir);
  g_autoptr(BansoStore) store = NULL;
  g_autofree char *contents = NULL;
  double started;

  if (g_file_test (stamp, G_FILE_TEST_EXISTS))
    return TRUE;
  g_printerr ("bench-geo: generating %u households in %s (this takes minutes)\n", n_households, data_dir);
  started = now_ms ();
  if (!(store = banso_store_open (path, error)) ||
      !banso_demo_generate (store, n_households, BANSO_DEMO_DEFAULT_SEED, NULL, NULL, error))
    return FALSE;
  contents = g_strdup_printf ("%.1f\n", (now_ms () - started) / 1e3);
  return g_file_set_contents (stamp, contents, -1, error);
}

static BansoGeometry *
rectangle (double west,
           double south,
           double east,
           double north)
{
  BansoGeometry *g = banso_geometry_new (BANSO_GEOMETRY_POLYGON);
  BansoGeoPoint pts[] = { { west, south }, { east, south }, { east, north }, { west, north }, { west, south } };

  banso_geometry_begin_polygon (g);
  banso_geometry_add_path (g, pts, G_N_ELEMENTS (pts));
  return g;
}

static void
bench_warnings (void)
{
  static const struct
  {
    const char *what;
    double      w, s, e, n;
  } areas[] = {
    { "around Sơn La town", 103.85, 21.25, 104.00, 21.40 },
    { "a quarter of the province", 103.60, 21.00, 104.30, 21.60 },
    { "the whole province", 102.0, 20.0, 106.0, 23.0 },
  };
  const char *env = g_getenv ("BANSO_BENCH_HOUSEHOLDS");
  guint n_households = env && *env ? (guint)g_ascii_strtoull (env, NULL, 10) : 1000000;
  g_autofree char *bench_dir = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoStore) store = NULL;
  g_autoptr(BansoUser) admin = NULL;
  BansoTxn *txn;
  guint placed;
  sqlite3 *db;

  if (g_getenv ("BANSO_BENCH_DIR") && *g_getenv ("BANSO_BENCH_DIR"))
    bench_dir = g_strdup (g_getenv ("BANSO_BENCH_DIR"));
  else if (g_getenv ("BANSO_BENCH_DEFAULT_DIR") && *g_getenv ("BANSO_BENCH_DEFAULT_DIR"))
    bench_dir = g_strdup (g_getenv ("BANSO_BENCH_DEFAULT_DIR"));
  else
    bench_dir = g_build_filename (g_get_tmp_dir (), "banso-bench", NULL);
  data_dir = g_strdup_printf ("%s/households-%u", bench_dir, n_households);
  path = banso_database_path (data_dir);
  if (!ensure_database (data_dir, n_households, &error) ||
      !(store = banso_store_open (path, &error)) ||
      !(admin = banso_store_dup_admin (store, &error)) ||
      !(txn = banso_store_begin (store, admin, &error)))
    g_error ("bench-geo: %s", error->message);
  placed = banso_village_place_in_communes (txn, 1, &error);
  if (placed == G_MAXUINT || !banso_txn_commit (txn, &error))
    g_error ("bench-geo: %s", error->message);
  if (!(db = banso_store_acquire_reader (store, &error)))
    g_error ("bench-geo: %s", error->message);

  for (guint a = 0; a < G_N_ELEMENTS (areas); a++)
    {
      g_autoptr(BansoGeometry) area = rectangle (areas[a].w, areas[a].s, areas[a].e, areas[a].n);
      double times[5], cpu[5], first = 0;
      guint communes = 0, villages = 0, households = 0;

      for (guint r = 0; r < G_N_ELEMENTS (times); r++)
        {
          double start = now_ms (), cpu_start = cpu_ms ();
          g_autoptr(BansoWarningReport) report = banso_warning_compute_area (db, area, NULL, &error);

          times[r] = now_ms () - start;
          cpu[r] = cpu_ms () - cpu_start;
          if (report == NULL)
            g_error ("bench-geo: %s", error->message);
          if (r == 0)
            first = times[0];
          communes = report->n_communes;
          villages = report->n_villages;
          households = report->total.households;
        }
      g_print ("warning %-28s over %u households: %u communes, %u villages, %u households affected;"
               " first %.1f ms, median %.1f ms (CPU %.1f), max %.1f ms (goal ≤ 1000 ms) %s\n",
               areas[a].what, n_households, communes, villages, households, first,
               percentile (times, 5, 0.5), percentile (cpu, 5, 0.5), percentile (times, 5, 1.0),
               percentile (times, 5, 1.0) <= 1000 ? "met" : "NOT MET");
    }
  banso_store_release_reader (store, db);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoRegionSet) simple = NULL;
  g_autoptr(BansoRegionSet) full = NULL;
  g_autofree char *full_path = geo_test_shared ("geo/son-la-communes-full.geojson");
  g_autofree char *dir = g_dir_make_tmp ("bench-geo-XXXXXX", NULL);
  g_autofree char *basemap = g_build_filename (dir, "demo.mbtiles", NULL);
  double start;
  guint n_tiles = 0;

  setlocale (LC_ALL, "");
  g_print ("load: %s", "");
  {
    g_autofree char *loadavg = NULL;

    g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL);
    g_print ("%s", loadavg ? loadavg : "?\n");
  }

  start = now_ms ();
  simple = banso_region_set_load_communes (&error);
  g_assert_no_error (error);
  g_print ("load 75 simplified communes (%u vertices): %.1f ms\n", banso_region_set_get_n_points (simple), now_ms () - start);
  start = now_ms ();
  full = banso_region_set_load_file (full_path, "code", &error);
  g_assert_no_error (error);
  g_print ("load 75 full-resolution communes (%u vertices): %.1f ms\n", banso_region_set_get_n_points (full), now_ms () - start);

  if (g_getenv ("BANSO_BENCH_ONLY_WARNINGS"))
    {
      bench_warnings ();
      return EXIT_SUCCESS;
    }
  for (guint aa = 0; aa < 2; aa++)
    {
      bench_draw (simple, "75 communes, simplified", aa ? CAIRO_ANTIALIAS_NONE : CAIRO_ANTIALIAS_DEFAULT);
      bench_draw (full, "75 communes, full resolution", aa ? CAIRO_ANTIALIAS_NONE : CAIRO_ANTIALIAS_DEFAULT);
    }
  bench_hit_test (simple, "simplified communes");
  bench_hit_test (full, "full-resolution communes");

  start = now_ms ();
  if (!banso_basemap_render_demo (basemap, 0, NULL, NULL, NULL, &n_tiles, &error))
    g_error ("bench-geo: %s", error->message);
  g_print ("demo base map: %u tiles rendered in %.2f s (%u threads)\n", n_tiles, (now_ms () - start) / 1e3,
           g_get_num_processors ());
  bench_tiles (basemap);
  g_unlink (basemap);
  g_rmdir (dir);

  if (g_getenv ("BANSO_BENCH_SKIP_WARNINGS") == NULL)
    bench_warnings ();
  return EXIT_SUCCESS;
}
