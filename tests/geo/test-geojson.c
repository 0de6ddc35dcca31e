/* test-geojson.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The GeoJSON and KML readers on mapbox/geojsonhint's suite and on cases of
 * our own.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "banso-geojson.h"
#include "banso-kml.h"
#include "geo-test-util.h"

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static GPtrArray *
list_dir (const char *relative,
          const char *suffix)
{
  g_autofree char *dir_path = geo_test_shared (relative);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, suffix))
      g_ptr_array_add (files, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (files, compare_paths);
  return files;
}

static void
test_good (void)
{
  g_autoptr(GPtrArray) files = list_dir ("map/geojson-tests/geojsonhint/good", ".geojson");

  g_assert_cmpuint (files->len, >=, 18);
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) features = banso_geojson_load_file (g_ptr_array_index (files, i), 0, &error);

      g_test_message ("%s", (char *)g_ptr_array_index (files, i));
      g_assert_no_error (error);
      g_assert_cmpuint (features->len, >=, 1);
    }
}

/* Whether geojsonhint finds anything wrong beyond advice ("level": "message"). */
static gboolean
expects_error (const char *geojson_path)
{
  g_autofree char *base = g_strndup (geojson_path, strlen (geojson_path) - strlen (".geojson"));
  g_autofree char *result = g_strconcat (base, ".result", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *array;

  g_assert_true (json_parser_load_from_file (parser, result, NULL));
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (o, "level", "error"), "message") != 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_bad (void)
{
  g_autoptr(GPtrArray) files = list_dir ("map/geojson-tests/geojsonhint/bad", ".geojson");
  guint errors = 0;

  g_assert_cmpuint (files->len, >=, 44);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *name = g_path_get_basename (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) strict = banso_geojson_load_file (path, BANSO_GEOJSON_STRICT, &error);
      g_autoptr(GPtrArray) lenient = NULL;

      /* Strictly read, every file of the suite is refused, naming the file
       * and which part of it is wrong. */
      g_test_message ("%s: %s", name, error ? error->message : "accepted");
      g_assert_null (strict);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, name));
      g_assert_true (strstr (error->message, "feature") || strstr (error->message, "geometry") ||
                     strstr (error->message, "the file") || strstr (error->message, "JSON"));
      g_clear_error (&error);

      /* Without the advice of "should", exactly the files with errors. */
      lenient = banso_geojson_load_file (path, 0, &error);
      if (expects_error (path))
        {
          g_assert_null (lenient);
          g_assert_nonnull (error);
          errors++;
        }
      else
        g_assert_no_error (error);
    }
  g_assert_cmpuint (errors, >=, 39);
}

/* Messages name the feature by its index, id and name, and say what is wrong. */
static void
test_messages (void)
{
  static const struct
  {
    const char *file;
    const char *expected[3];
  } cases[] = {
    { "badfeatureid.geojson", { "feature 1", "“id”", NULL } },
    { "bad-properties-as-array.geojson", { "“properties”", "an array", NULL } },
    { "different-first-last.geojson", { "first and last", NULL } },
    { "short-line.geojson", { "two or more", NULL } },
    { "unknowntype.geojson", { "FooBar", "unknown", NULL } },
    { "featurecollection-type-case.geojson", { "case sensitive", NULL } },
    { "rootstring.geojson", { "object", NULL } },
    { "bbox-4or6elements.geojson", { "“bbox”", NULL } },
    { "point-toofew.geojson", { "two numbers", NULL } },
    { "bad-featurelist.geojson", { "nested more deeply", NULL } },
    { "point.geojson", { "“coordinates”", NULL } },
    { "nofeaturetype.geojson", { "feature 1", "“Feature”", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *rel = g_build_filename ("map/geojson-tests/geojsonhint/bad", cases[i].file, NULL);
      g_autofree char *path = geo_test_shared (rel);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) features = banso_geojson_load_file (path, 0, &error);

      g_assert_null (features);
      g_test_message ("%s", error->message);
      for (guint k = 0; cases[i].expected[k] != NULL; k++)
        if (strstr (error->message, cases[i].expected[k]) == NULL)
          g_error ("“%s” not in “%s”", cases[i].expected[k], error->message);
    }
}

static void
test_features (void)
{
  const char *text =
    "{\"type\":\"FeatureCollection\",\"features\":["
    "{\"type\":\"Feature\",\"id\":7,\"properties\":{\"name\":\"Bản Mòng\",\"level\":3},"
    " \"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[[[[103,21],[104,21],[104,22],[103,21]]],"
    "   [[[105,21],[106,21],[106,22],[105,21]],[[105.5,21.2],[105.8,21.3],[105.6,21.25],[105.5,21.2]]]]}},"
    "{\"type\":\"Feature\",\"properties\":null,\"geometry\":null}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) features = banso_geojson_parse (text, -1, "a.geojson", BANSO_GEOJSON_GEOGRAPHIC, &error);
  BansoGeoFeature *f;
  g_autofree char *json = NULL;
  g_autoptr(GPtrArray) again = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (features->len, ==, 2);
  f = g_ptr_array_index (features, 0);
  g_assert_cmpstr (f->id, ==, "7");
  g_assert_cmpstr (f->name, ==, "Bản Mòng");
  g_assert_cmpint (json_object_get_int_member (f->properties, "level"), ==, 3);
  g_assert_cmpint (f->geometry->type, ==, BANSO_GEOMETRY_MULTI_POLYGON);
  g_assert_cmpuint (f->geometry->polygons->len, ==, 2);
  g_assert_cmpuint (f->geometry->paths->len, ==, 3);
  g_assert_cmpfloat (f->geometry->box.max_x, ==, 106);
  g_assert_null (((BansoGeoFeature *)g_ptr_array_index (features, 1))->geometry);

  /* What is written back reads the same. */
  json = banso_geometry_to_geojson (f->geometry);
  again = banso_geojson_parse (json, -1, "b", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (banso_geometry_count_points (((BansoGeoFeature *)g_ptr_array_index (again, 0))->geometry), ==, 12);
}

static void
expect_geographic_error (const char *geometry,
                         const char *expected)
{
  g_autofree char *text = g_strdup_printf ("{\"type\":\"FeatureCollection\",\"features\":["
                                           "{\"type\":\"Feature\",\"properties\":{\"name\":\"ok\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[104,21]}},"
                                           "{\"type\":\"Feature\",\"id\":\"w2\",\"properties\":{\"name\":\"Lũ quét\"},\"geometry\":%s}]}",
                                           geometry);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) features = banso_geojson_parse (text, -1, "warning.geojson", BANSO_GEOJSON_GEOGRAPHIC, &error);

  g_assert_null (features);
  g_assert_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_GEOMETRY);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "warning.geojson: feature 2 (id “w2”, “Lũ quét”)"));
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” not in “%s”", expected, error->message);

  /* Without the geographic checks, the same file is well-formed GeoJSON. */
  g_clear_pointer (&features, g_ptr_array_unref);
  features = banso_geojson_parse (text, -1, "warning.geojson", 0, NULL);
  g_assert_nonnull (features);
}

static void
test_geographic (void)
{
  /* A bow tie. */
  expect_geographic_error ("{\"type\":\"Polygon\",\"coordinates\":[[[103,21],[104,22],[104,21],[103,22],[103,21]]]}",
                           "crosses itself");
  /* Latitude first, as people type it. */
  expect_geographic_error ("{\"type\":\"Polygon\",\"coordinates\":[[[21,103],[21,104],[22,104],[21,103]]]}",
                           "swapped");
  expect_geographic_error ("{\"type\":\"Point\",\"coordinates\":[200,100]}", "not a place on Earth");
  expect_geographic_error ("{\"type\":\"Polygon\",\"coordinates\":[[[179,10],[-179,10],[-179,11],[179,11],[179,10]]]}",
                           "antimeridian");
  /* A hole that crosses itself is caught too. */
  expect_geographic_error ("{\"type\":\"Polygon\",\"coordinates\":[[[100,0],[110,0],[110,10],[100,10],[100,0]],"
                           "[[101,1],[105,5],[105,1],[101,5],[101,1]]]}", "hole 1");
}

static void
test_real_regions (void)
{
  const char *files[] = { "geo/son-la-communes.geojson", "geo/vn-provinces.geojson" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = geo_test_shared (files[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) features = banso_geojson_load_file (path, 0, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (features->len, ==, i == 0 ? 75 : 34);
    }
}

static const char kml_ok[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><Folder>\n"
  "<Placemark id=\"p1\"><name>Vùng ngập</name><description>Mưa lớn</description>\n"
  "<Polygon><outerBoundaryIs><LinearRing><coordinates>\n"
  "103.9,21.3,0 104.0,21.3,0 104.0,21.4,0 103.9,21.4,0 103.9,21.3,0\n"
  "</coordinates></LinearRing></outerBoundaryIs>\n"
  "<innerBoundaryIs><LinearRing><coordinates>103.95,21.33 103.96,21.33 103.96,21.34 103.95,21.33</coordinates></LinearRing></innerBoundaryIs>\n"
  "</Polygon></Placemark>\n"
  "<Placemark><name>Sạt lở</name><MultiGeometry>\n"
  "<Polygon><outerBoundaryIs><LinearRing><coordinates>104.1,21.1 104.2,21.1 104.2,21.2 104.1,21.1</coordinates></LinearRing></outerBoundaryIs></Polygon>\n"
  "<Polygon><outerBoundaryIs><LinearRing><coordinates>104.3,21.1 104.4,21.1 104.4,21.2 104.3,21.1</coordinates></LinearRing></outerBoundaryIs></Polygon>\n"
  "</MultiGeometry></Placemark>\n"
  "<Placemark><name>Trạm</name><Point><coordinates>103.91,21.32</coordinates></Point></Placemark>\n"
  "</Folder></Document></kml>\n";

static void
test_kml (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) features = banso_kml_parse (kml_ok, sizeof kml_ok - 1, "vung.kml", TRUE, &error);
  BansoGeoFeature *f;

  g_assert_no_error (error);
  g_assert_cmpuint (features->len, ==, 3);
  f = g_ptr_array_index (features, 0);
  g_assert_cmpstr (f->id, ==, "p1");
  g_assert_cmpstr (f->name, ==, "Vùng ngập");
  g_assert_cmpstr (f->description, ==, "Mưa lớn");
  g_assert_cmpint (f->geometry->type, ==, BANSO_GEOMETRY_POLYGON);
  g_assert_cmpuint (f->geometry->paths->len, ==, 2);
  f = g_ptr_array_index (features, 1);
  g_assert_cmpint (f->geometry->type, ==, BANSO_GEOMETRY_MULTI_POLYGON);
  g_assert_cmpuint (f->geometry->polygons->len, ==, 2);
  g_assert_true (banso_geometry_contains_point (f->geometry, 104.35, 21.12, FALSE));
  f = g_ptr_array_index (features, 2);
  g_assert_cmpint (f->geometry->type, ==, BANSO_GEOMETRY_POINT);
}

static void
expect_kml_error (const char *body,
                  const char *expected)
{
  g_autofree char *text = g_strdup_printf ("<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Placemark><name>Vùng 1</name>\n%s</Placemark></kml>", body);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) features = banso_kml_parse (text, strlen (text), "vung.kml", TRUE, &error);

  g_assert_null (features);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "vung.kml"));
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” not in “%s”", expected, error->message);
}

static void
test_kml_bad (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) features = banso_kml_parse ("<kml><Placemark>", 16, "cut.kml", TRUE, &error);

  g_assert_null (features);
  g_assert_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "cut.kml"));
  g_clear_error (&error);
  features = banso_kml_parse ("<gpx/>", 6, "track.kml", TRUE, &error);
  g_assert_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "<gpx>"));

  expect_kml_error ("<Polygon><outerBoundaryIs><LinearRing><coordinates>103,21 104,21 104,22</coordinates></LinearRing></outerBoundaryIs></Polygon>",
                    "line 3, feature 1 (“Vùng 1”): a ring needs four");
  expect_kml_error ("<Polygon><outerBoundaryIs><LinearRing><coordinates>103,21 abc,21 104,22 103,21</coordinates></LinearRing></outerBoundaryIs></Polygon>",
                    "“abc” is not a number");
  expect_kml_error ("<Polygon><outerBoundaryIs><LinearRing><coordinates>103,21 104,22 104,21 103,22 103,21</coordinates></LinearRing></outerBoundaryIs></Polygon>",
                    "crosses itself");
  expect_kml_error ("<Polygon></Polygon>", "<outerBoundaryIs>");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/geojson/geojsonhint-good", test_good);
  g_test_add_func ("/geojson/geojsonhint-bad", test_bad);
  g_test_add_func ("/geojson/messages", test_messages);
  g_test_add_func ("/geojson/features", test_features);
  g_test_add_func ("/geojson/geographic", test_geographic);
  g_test_add_func ("/geojson/real-regions", test_real_regions);
  g_test_add_func ("/kml/placemarks", test_kml);
  g_test_add_func ("/kml/bad", test_kml_bad);
  return g_test_run ();
}
