/* test-region.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Geometry: point in polygon on Turf's cases, intersections, simplification,
 * and the region set: hit tests and the one-pass draw routine.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "banso-geo-region.h"
#include "banso-geojson.h"
#include "geo-test-util.h"

static BansoGeometry *
geometry_from_json (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) features = banso_geojson_parse (json, -1, "test", 0, &error);
  BansoGeoFeature *f;

  g_assert_no_error (error);
  f = g_ptr_array_index (features, 0);
  return g_steal_pointer (&f->geometry);
}

static BansoGeometry *
load_geometry (const char *relative)
{
  g_autofree char *path = geo_test_shared (relative);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) features = banso_geojson_load_file (path, 0, &error);
  BansoGeoFeature *f;

  g_assert_no_error (error);
  f = g_ptr_array_index (features, 0);
  return g_steal_pointer (&f->geometry);
}

#define POLY1 "{\"type\":\"Polygon\",\"coordinates\":[[[10,10],[30,20],[50,10],[30,0],[10,10]]]}"
#define POLY2 "{\"type\":\"Polygon\",\"coordinates\":[[[10,0],[30,20],[50,0],[30,10],[10,0]]]}"
#define POLY3 "{\"type\":\"Polygon\",\"coordinates\":[[[10,0],[30,20],[50,0],[30,-20],[10,0]]]}"
#define POLY4 "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[0,20],[50,20],[50,0],[40,0],[30,10],[30,0],[20,10],[10,10],[10,0],[0,0]]]}"
#define POLY5 "{\"type\":\"Polygon\",\"coordinates\":[[[0,20],[20,40],[40,20],[20,0],[0,20]],[[10,20],[20,30],[30,20],[20,10],[10,20]]]}"
#define POLY6 "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[10,20],[20,10],[30,20],[20,30],[10,20]]],[[[0,20],[20,0],[40,20],[20,40],[0,20]]]]}"

/* Every case of Turf's boolean-point-in-polygon tests (test.ts.txt in the
 * shared data): the simple and concave polygons, the polygon and
 * multipolygon with a hole (the shared .geojson files), the boundary tests
 * with the boundary counted and not, and issue #15. */
static void
test_turf_cases (void)
{
  static const struct
  {
    const char *poly;
    double      x, y;
    int         expected;   /* 1, 0, or -1: "on the boundary" */
  } boundary[] = {
    { POLY1, 10, 10, -1 }, { POLY1, 30, 20, -1 }, { POLY1, 50, 10, -1 }, { POLY1, 30, 10, 1 },
    { POLY1, 0, 10, 0 }, { POLY1, 60, 10, 0 }, { POLY1, 30, -10, 0 }, { POLY1, 30, 30, 0 },
    { POLY2, 30, 0, 0 }, { POLY2, 0, 0, 0 }, { POLY2, 60, 0, 0 },
    { POLY3, 30, 0, 1 }, { POLY3, 0, 0, 0 }, { POLY3, 60, 0, 0 },
    { POLY4, 0, 20, -1 }, { POLY4, 10, 20, -1 }, { POLY4, 50, 20, -1 }, { POLY4, 0, 10, -1 },
    { POLY4, 5, 10, 1 }, { POLY4, 25, 10, 1 }, { POLY4, 35, 10, 1 }, { POLY4, 0, 0, -1 },
    { POLY4, 20, 0, 0 }, { POLY4, 35, 0, 0 }, { POLY4, 50, 0, -1 }, { POLY4, 50, 10, -1 },
    { POLY4, 5, 0, -1 }, { POLY4, 10, 0, -1 },
    { POLY5, 20, 30, -1 }, { POLY5, 25, 25, -1 }, { POLY5, 30, 20, -1 }, { POLY5, 25, 15, -1 },
    { POLY5, 20, 10, -1 }, { POLY5, 15, 15, -1 }, { POLY5, 10, 20, -1 }, { POLY5, 15, 25, -1 },
    { POLY5, 20, 20, 0 },
    { POLY6, 25, 25, 1 },
  };
  g_autoptr(BansoGeometry) square = geometry_from_json ("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[0,100],[100,100],[100,0],[0,0]]]}");
  g_autoptr(BansoGeometry) concave = geometry_from_json ("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[50,50],[0,100],[100,100],[100,0],[0,0]]]}");
  g_autoptr(BansoGeometry) hole = load_geometry ("map/geojson-tests/turf-boolean-point-in-polygon/test/in/poly-with-hole.geojson");
  g_autoptr(BansoGeometry) multi = load_geometry ("map/geojson-tests/turf-boolean-point-in-polygon/test/in/multipoly-with-hole.geojson");
  g_autoptr(BansoGeometry) issue15 = geometry_from_json ("{\"type\":\"Polygon\",\"coordinates\":[[[5.080336744095521,67.89398938540765],[0.35070899909145403,69.32470003971179],[-24.453622256504122,41.146696777884564],[-21.6445524714804,40.43225902006474],[5.080336744095521,67.89398938540765]]]}");

  g_assert_true (banso_geometry_contains_point (square, 50, 50, TRUE));
  g_assert_false (banso_geometry_contains_point (square, 140, 150, TRUE));
  g_assert_true (banso_geometry_contains_point (concave, 75, 75, TRUE));
  g_assert_false (banso_geometry_contains_point (concave, 25, 50, TRUE));

  g_assert_false (banso_geometry_contains_point (hole, -86.69208526611328, 36.20373274711739, TRUE));
  g_assert_true (banso_geometry_contains_point (hole, -86.72229766845702, 36.20258997094334, TRUE));
  g_assert_false (banso_geometry_contains_point (hole, -86.75079345703125, 36.18527313913089, TRUE));

  g_assert_false (banso_geometry_contains_point (multi, -86.69208526611328, 36.20373274711739, TRUE));
  g_assert_true (banso_geometry_contains_point (multi, -86.72229766845702, 36.20258997094334, TRUE));
  g_assert_true (banso_geometry_contains_point (multi, -86.75079345703125, 36.18527313913089, TRUE));
  g_assert_false (banso_geometry_contains_point (multi, -86.75302505493164, 36.23015046460186, TRUE));

  g_assert_true (banso_geometry_contains_point (issue15, -9.9964077, 53.8040989, TRUE));

  for (guint i = 0; i < G_N_ELEMENTS (boundary); i++)
    {
      g_autoptr(BansoGeometry) g = geometry_from_json (boundary[i].poly);

      for (int ignore = 0; ignore < 2; ignore++)
        {
          gboolean expected = boundary[i].expected == -1 ? !ignore : boundary[i].expected;

          if (banso_geometry_contains_point (g, boundary[i].x, boundary[i].y, !ignore) != expected)
            g_error ("boundary test %u (%g, %g), boundary %s: expected %d", i,
                     boundary[i].x, boundary[i].y, ignore ? "ignored" : "included", expected);
        }
    }
}

static void
test_intersection (void)
{
  g_autoptr(BansoGeometry) a = geometry_from_json ("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[10,0],[10,10],[0,10],[0,0]]]}");
  /* Overlapping corner. */
  g_autoptr(BansoGeometry) b = geometry_from_json ("{\"type\":\"Polygon\",\"coordinates\":[[[5,5],[15,5],[15,15],[5,15],[5,5]]]}");
  /* Inside, no edge crossing. */
  g_autoptr(BansoGeometry) c = geometry_from_json ("{\"type\":\"Polygon\",\"coordinates\":[[[2,2],[3,2],[3,3],[2,3],[2,2]]]}");
  /* Apart, boxes overlapping (an L around nothing). */
  g_autoptr(BansoGeometry) d = geometry_from_json ("{\"type\":\"Polygon\",\"coordinates\":[[[11,-5],[20,-5],[20,20],[-5,20],[-5,11],[11,11],[11,-5]]]}");
  /* Touching along an edge. */
  g_autoptr(BansoGeometry) e = geometry_from_json ("{\"type\":\"Polygon\",\"coordinates\":[[[10,0],[20,0],[20,10],[10,10],[10,0]]]}");
  /* In the hole of a ring. */
  g_autoptr(BansoGeometry) ring = geometry_from_json ("{\"type\":\"Polygon\",\"coordinates\":[[[-10,-10],[30,-10],[30,30],[-10,30],[-10,-10]],[[-5,-5],[-5,25],[25,25],[25,-5],[-5,-5]]]}");
  /* A cross: edges cross, no vertex inside the other. */
  g_autoptr(BansoGeometry) f = geometry_from_json ("{\"type\":\"Polygon\",\"coordinates\":[[[-5,4],[15,4],[15,6],[-5,6],[-5,4]]]}");

  g_assert_true (banso_geometry_intersects (a, b));
  g_assert_true (banso_geometry_intersects (b, a));
  g_assert_true (banso_geometry_intersects (a, c));
  g_assert_true (banso_geometry_intersects (c, a));
  g_assert_false (banso_geometry_intersects (a, d));
  g_assert_false (banso_geometry_intersects (d, a));
  g_assert_true (banso_geometry_intersects (a, e));
  g_assert_false (banso_geometry_intersects (a, ring));
  g_assert_false (banso_geometry_intersects (ring, a));
  g_assert_true (banso_geometry_intersects (a, f));
  g_assert_true (banso_geometry_intersects (f, a));
}

static void
test_simplify (void)
{
  g_autoptr(GArray) pts = g_array_new (FALSE, FALSE, sizeof (BansoGeoPoint));
  g_autofree BansoGeoPoint *out = NULL;
  guint n;

  /* A circle of 1000 points keeps its shape within the tolerance. */
  for (guint i = 0; i < 1000; i++)
    {
      BansoGeoPoint p = { cos (i * 2 * G_PI / 1000), sin (i * 2 * G_PI / 1000) };
      g_array_append_val (pts, p);
    }
  g_array_append_val (pts, g_array_index (pts, BansoGeoPoint, 0));
  out = g_new (BansoGeoPoint, pts->len);
  n = banso_geo_simplify ((BansoGeoPoint *)pts->data, pts->len, 0.01, out);
  g_assert_cmpuint (n, <, 60);
  g_assert_cmpuint (n, >, 10);
  g_assert_true (out[0].x == out[n - 1].x && out[0].y == out[n - 1].y);
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat (fabs (hypot (out[i].x, out[i].y) - 1), <, 1e-9);
  n = banso_geo_simplify ((BansoGeoPoint *)pts->data, pts->len, 10, out);
  g_assert_cmpuint (n, ==, 4);
}

static void
test_mercator (void)
{
  double x, y, lat, lon;

  banso_mercator_project (0, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (y, 0.5, 1e-12);
  banso_mercator_project (-180, BANSO_MERCATOR_MAX_LAT, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0, 1e-12);
  g_assert_cmpfloat_with_epsilon (y, 0, 1e-9);
  banso_mercator_project (103.9, 21.33, &x, &y);
  banso_mercator_unproject (x, y, &lon, &lat);
  g_assert_cmpfloat_with_epsilon (lon, 103.9, 1e-9);
  g_assert_cmpfloat_with_epsilon (lat, 21.33, 1e-9);
}

static void
test_communes_hit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoRegionSet) set = banso_region_set_load_communes (&error);
  g_autoptr(GPtrArray) features = NULL;
  g_autofree char *path = geo_test_data ("geo/son-la-communes.geojson");
  const BansoGeoBox *box;
  GRand *rand = g_rand_new_with_seed (7);
  guint hits = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (banso_region_set_get_n_regions (set), ==, 75);
  g_assert_cmpint (banso_region_set_find (set, "03646"), >=, 0);
  g_assert_cmpstr (banso_region_set_get_region (set, banso_region_set_find (set, "03646"))->name, ==, "Tô Hiệu");
  g_assert_cmpint (banso_region_set_find (set, "99999"), ==, -1);

  /* Each commune's label point is inside it. */
  for (guint i = 0; i < 75; i++)
    {
      const BansoRegion *r = banso_region_set_get_region (set, i);

      g_assert_cmpint (banso_region_set_hit_test (set, r->label_lat, r->label_lon), ==, i);
    }

  /* The grid index agrees with a plain test of every region. */
  features = banso_geojson_load_file (path, 0, &error);
  g_assert_no_error (error);
  box = banso_region_set_get_box (set);
  for (guint k = 0; k < 3000; k++)
    {
      double lon = g_rand_double_range (rand, box->min_x - 0.1, box->max_x + 0.1);
      double lat = g_rand_double_range (rand, box->min_y - 0.1, box->max_y + 0.1);
      int got = banso_region_set_hit_test (set, lat, lon);
      int expected = -1;

      for (guint i = 0; i < features->len && expected < 0; i++)
        {
          BansoGeoFeature *f = g_ptr_array_index (features, i);

          if (banso_geometry_contains_point (f->geometry, lon, lat, FALSE))
            expected = banso_region_set_find (set, banso_geo_feature_get_string (f, "code"));
        }
      /* Mercator and degrees can differ on a point within rounding of an
       * edge; none of 3,000 random points falls there. */
      g_assert_cmpint (got, ==, expected);
      hits += got >= 0;
    }
  g_assert_cmpuint (hits, >, 1000);
  g_rand_free (rand);
}

static void
test_search (void)
{
  g_autoptr(BansoRegionSet) set = banso_region_set_load_communes (NULL);
  g_autoptr(GArray) found = banso_region_set_search (set, "chieng an", 10);
  g_autoptr(GArray) to_hieu = banso_region_set_search (set, "TÔ HIỆU", 0);
  g_autoptr(GArray) chieng = banso_region_set_search (set, "chieng", 0);
  g_autoptr(GArray) none = banso_region_set_search (set, "  ", 0);

  g_assert_cmpuint (found->len, >=, 1);
  g_assert_cmpstr (banso_region_set_get_region (set, g_array_index (found, guint, 0))->name, ==, "Chiềng An");
  g_assert_cmpuint (to_hieu->len, ==, 1);
  g_assert_cmpstr (banso_region_set_get_region (set, g_array_index (to_hieu, guint, 0))->code, ==, "03646");
  g_assert_cmpuint (chieng->len, >, 10);
  for (guint i = 0; i < chieng->len; i++)
    g_assert_true (g_str_has_prefix (banso_region_set_get_region (set, g_array_index (chieng, guint, i))->name, "Chiềng"));
  g_assert_cmpuint (none->len, ==, 0);
}

static gboolean
style_by_index (const BansoRegion *region,
                guint              index,
                BansoGeoColor     *fill,
                BansoGeoColor     *stroke,
                double            *line_width,
                gpointer           user_data)
{
  fill->red = (index + 1) / 255.0;
  fill->green = 0.5;
  fill->blue = 0;
  fill->alpha = 1;
  stroke->alpha = 0;
  return TRUE;
}

/* Drawn with one colour per commune, the pixel under each commune's label
 * point has that commune's colour. */
static void
test_draw (void)
{
  g_autoptr(BansoRegionSet) set = banso_region_set_load_communes (NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1366, 768);
  cairo_t *cr = cairo_create (surface);
  BansoGeoViewport vp;
  guint drawn, right = 0;
  guint8 *data;
  int stride;

  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  banso_geo_viewport_init (&vp, 21.3, 104.1, 9, 1366, 768);
  drawn = banso_region_set_draw (set, cr, &vp, style_by_index, NULL);
  g_assert_cmpuint (drawn, >, 40);
  g_assert_cmpuint (drawn, <=, 75);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (guint i = 0; i < 75; i++)
    {
      const BansoRegion *r = banso_region_set_get_region (set, i);
      double px, py;
      guint32 pixel;

      banso_geo_viewport_to_pixel (&vp, r->label_lat, r->label_lon, &px, &py);
      if (px < 0 || py < 0 || px >= 1366 || py >= 768)
        continue;
      pixel = *(guint32 *)(data + (int)py * stride + (int)px * 4);
      if (((pixel >> 16) & 0xff) == i + 1)
        right++;
      /* The hit test at that pixel says the same. */
      g_assert_cmpint (banso_region_set_hit_test_pixel (set, &vp, px, py), ==, i);
    }
  g_assert_cmpuint (right, >=, drawn - 2);

  /* Far away, nothing is drawn. */
  banso_geo_viewport_init (&vp, 10, 0, 9, 1366, 768);
  g_assert_cmpuint (banso_region_set_draw (set, cr, &vp, NULL, NULL), ==, 0);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_provinces (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoRegionSet) set = banso_region_set_load_provinces (&error);

  g_assert_no_error (error);
  g_assert_cmpuint (banso_region_set_get_n_regions (set), ==, 34);
  /* Sơn La's capital, Hà Nội, the Hoàng Sa islands (Đà Nẵng) and the
   * Trường Sa islands (Khánh Hòa) fall in their provinces. */
  g_assert_cmpstr (banso_region_set_get_region (set, banso_region_set_hit_test (set, 21.327, 103.914))->code, ==, "14");
  g_assert_cmpstr (banso_region_set_get_region (set, banso_region_set_hit_test (set, 21.028, 105.834))->code, ==, "01");
}

static void
loaded (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  BansoRegionSet **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = banso_region_set_load_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  BansoRegionSet *set = NULL;

  banso_region_set_load_async ("resource:///io/github/banso/Banso/geo/son-la-communes.geojson", "code",
                               NULL, loaded, &set);
  while (set == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (banso_region_set_get_n_regions (set), ==, 75);
  g_object_unref (set);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/geometry/turf-point-in-polygon", test_turf_cases);
  g_test_add_func ("/geometry/intersection", test_intersection);
  g_test_add_func ("/geometry/simplify", test_simplify);
  g_test_add_func ("/geometry/mercator", test_mercator);
  g_test_add_func ("/regions/communes-hit-test", test_communes_hit);
  g_test_add_func ("/regions/draw", test_draw);
  g_test_add_func ("/regions/search", test_search);
  g_test_add_func ("/regions/provinces", test_provinces);
  g_test_add_func ("/regions/async", test_async);
  return g_test_run ();
}
