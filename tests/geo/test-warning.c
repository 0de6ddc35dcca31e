/* test-warning.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Warnings and indicators on the demo district, checked against counts made
 * here with SQL of their own.
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "banso-check.h"
#include "banso-demo.h"
#include "banso-doc-type.h"
#include "banso-geo-indicators.h"
#include "banso-geo-region.h"
#include "banso-test-util.h"
#include "banso-warning.h"
#include "geo-test-util.h"

typedef struct
{
  char       *dir;
  BansoStore *store;
  BansoUser  *admin;
} Fixture;

/* A rectangle around Sơn La town (Tô Hiệu, Chiềng An, Chiềng Sinh…). */
#define WEST 103.85
#define EAST 104.00
#define SOUTH 21.25
#define NORTH 21.40

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BansoTxn *txn;
  guint placed;

  f->store = banso_test_open_tmp_store (&f->dir, &f->admin);
  g_assert_true (banso_demo_generate (f->store, 3000, 11, NULL, NULL, &error));
  g_assert_no_error (error);
  txn = banso_store_begin (f->store, f->admin, &error);
  placed = banso_village_place_in_communes (txn, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (placed, >, 75);
  g_assert_true (banso_txn_commit (txn, &error));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  banso_test_close_tmp_store (f->store, f->admin, f->dir);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static gint64
query_int (BansoStore *store,
           const char *sql,
           const char *param)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = banso_store_acquire_reader (store, &error);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (param)
    sqlite3_bind_text (stmt, 1, param, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  banso_store_release_reader (store, db);
  return value;
}

static void
test_import_and_counts (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *geojson = g_strdup_printf (
    "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
    "\"properties\":{\"name\":\"Lũ quét Nậm La\",\"level\":3},"
    "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}}]}",
    WEST, SOUTH, EAST, SOUTH, EAST, NORTH, WEST, NORTH, WEST, SOUTH);
  g_autofree char *path = write_file (f, "lu-quet.geojson", geojson);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = banso_warning_import_file (f->store, f->admin, path, NULL, 0, &error);
  g_autoptr(BansoWarningReport) report = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(BansoRegionSet) communes = banso_region_set_load_communes (NULL);
  g_autoptr(GString) codes = g_string_new ("[");
  g_autoptr(GString) villages = g_string_new ("[");
  guint n_communes = 0, n_villages = 0;

  g_assert_no_error (error);
  g_assert_nonnull (id);
  report = banso_warning_compute (f->store, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (report->title, ==, "Lũ quét Nậm La");
  g_assert_cmpint (report->level, ==, 3);
  g_assert_cmpuint (report->n_communes, >=, 3);
  g_assert_cmpuint (report->n_communes, <, 20);

  /* Every commune whose label point is in the rectangle is affected; one far
   * away (Sốp Cộp, at the Lao border) is not. */
  for (guint i = 0; i < banso_region_set_get_n_regions (communes); i++)
    {
      const BansoRegion *r = banso_region_set_get_region (communes, i);
      gboolean listed = FALSE;

      for (guint k = 0; k < report->areas->len; k++)
        {
          BansoAffectedArea *a = g_ptr_array_index (report->areas, k);

          listed |= a->village_id == NULL && g_str_equal (a->commune_code, r->code);
        }
      if (r->label_lon > WEST && r->label_lon < EAST && r->label_lat > SOUTH && r->label_lat < NORTH)
        g_assert_true (listed);
      if (r->box.min_x > EAST || r->box.max_x < WEST || r->box.min_y > NORTH || r->box.max_y < SOUTH)
        g_assert_false (listed);
    }

  /* The counts agree with SQL over the same communes and villages. */
  for (guint k = 0; k < report->areas->len; k++)
    {
      BansoAffectedArea *a = g_ptr_array_index (report->areas, k);
      GString *list_ = a->village_id ? villages : codes;
      const char *key = a->village_id ? a->village_id : a->commune_code;

      if (list_->len > 1)
        g_string_append_c (list_, ',');
      g_string_append_printf (list_, "\"%s\"", key);
      if (a->village_id)
        {
          g_assert_cmpint (a->households, ==, query_int (f->store, "SELECT count(*) FROM household_index WHERE village = ?1", key));
          g_assert_cmpint (a->people, ==, query_int (f->store, "SELECT coalesce(sum(members), 0) FROM household_index WHERE village = ?1", key));
          g_assert_cmpint (a->poor, ==, query_int (f->store, "SELECT count(*) FROM household_index WHERE village = ?1 AND poverty = 'poor'", key));
          g_assert_cmpint (a->prestige, ==, query_int (f->store, "SELECT count(*) FROM prestige_index WHERE village = ?1", key));
          n_villages++;
        }
      else
        {
          g_assert_cmpint (a->households, ==, query_int (f->store, "SELECT count(*) FROM household_index WHERE commune = ?1", key));
          g_assert_cmpint (a->people, ==, query_int (f->store, "SELECT coalesce(sum(members), 0) FROM household_index WHERE commune = ?1", key));
          g_assert_cmpint (a->poor, ==, query_int (f->store, "SELECT count(*) FROM household_index WHERE commune = ?1 AND poverty = 'poor'", key));
          g_assert_cmpint (a->prestige, ==, query_int (f->store, "SELECT count(*) FROM prestige_index WHERE commune = ?1", key));
          n_communes++;
        }
    }
  g_string_append_c (codes, ']');
  g_string_append_c (villages, ']');
  g_assert_cmpuint (n_communes, ==, report->n_communes);
  g_assert_cmpuint (n_villages, ==, report->n_villages);
  g_assert_cmpuint (n_villages, >, 0);
  /* Exactly the villages placed inside the rectangle. */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM village_location WHERE lon BETWEEN %f AND %f AND lat BETWEEN %f AND %f",
                                            WEST, EAST, SOUTH, NORTH);
    g_assert_cmpint (n_villages, ==, query_int (f->store, sql, NULL));
  }
  g_assert_cmpint (report->total.households, ==,
                   query_int (f->store, "SELECT count(*) FROM household_index WHERE commune IN (SELECT value FROM json_each (?1))", codes->str));
  g_assert_cmpint (report->total.people, ==,
                   query_int (f->store, "SELECT sum(members) FROM household_index WHERE commune IN (SELECT value FROM json_each (?1))", codes->str));
  g_assert_cmpint (report->total.poor, ==,
                   query_int (f->store, "SELECT count(*) FROM household_index WHERE poverty = 'poor' AND commune IN (SELECT value FROM json_each (?1))", codes->str));
  g_assert_cmpint (report->total.households, >, 0);

  list = banso_warning_list (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((BansoWarningInfo *)g_ptr_array_index (list, 0))->source, ==, "lu-quet.geojson");
  banso_test_assert_whole (f->store);

  /* `check` sees a warning missing from its index, and the type's rebuild
   * (what an upgrade from before step 12 runs) puts it back. */
  {
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
    BansoTxn *txn = banso_store_begin (f->store, f->admin, &error);

    g_assert_no_error (error);
    g_assert_true (banso_sql_exec (banso_txn_get_db (txn), "DELETE FROM warning_index", &error));
    g_assert_true (banso_txn_commit (txn, &error));
    g_assert_true (banso_store_check (f->store, problems, &error));
    g_assert_cmpuint (problems->len, ==, 1);
    g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "list of warnings"));

    txn = banso_store_begin (f->store, f->admin, &error);
    g_assert_true (banso_doc_type_lookup (BANSO_WARNING_TYPE)->reindex_all (txn, &error));
    g_assert_no_error (error);
    g_assert_true (banso_txn_commit (txn, &error));
    banso_test_assert_whole (f->store);
    g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM warning_index", NULL), ==, 1);
  }
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *kml = g_strdup_printf (
    "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Placemark><name>Sạt lở</name><Polygon><outerBoundaryIs><LinearRing>"
    "<coordinates>%f,%f %f,%f %f,%f %f,%f</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></kml>",
    WEST, SOUTH, EAST, SOUTH, EAST, NORTH, WEST, SOUTH);
  g_autofree char *path = write_file (f, "sat-lo.kml", kml);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = banso_warning_import_file (f->store, f->admin, path, "Cảnh báo sạt lở", 4, &error);
  g_autoptr(BansoWarningReport) report = banso_warning_compute (f->store, id, NULL, &error);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (report->title, ==, "Cảnh báo sạt lở");
  g_assert_true (banso_warning_report_write_csv (report, out, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  text = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
  g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbfkind,commune_code,"));
  lines = g_strsplit (text, "\n", -1);
  /* Header, one line per area, the total, and the empty string after the
   * last line break (CRLF or LF). */
  g_assert_cmpuint (g_strv_length (lines), ==, report->areas->len + 3);
  g_assert_true (g_str_has_prefix (lines[report->areas->len + 1], "total,"));
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  static const char * const bad[] = {
    /* Crosses itself. */
    "{\"type\":\"Polygon\",\"coordinates\":[[[103.8,21.2],[104,21.4],[104,21.2],[103.8,21.4],[103.8,21.2]]]}",
    /* Latitude first. */
    "{\"type\":\"Polygon\",\"coordinates\":[[[21.2,103.8],[21.2,104],[21.4,104],[21.2,103.8]]]}",
    /* No area. */
    "{\"type\":\"Point\",\"coordinates\":[103.9,21.3]}",
    /* Not GeoJSON. */
    "{\"type\":\"Polygon\",\"coordinates\":",
  };
  BansoTestCounts before, after;

  banso_test_get_counts (f->store, &before);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = write_file (f, "bad.geojson", bad[i]);
      g_autoptr(GError) error = NULL;
      g_autofree char *id = banso_warning_import_file (f->store, f->admin, path, NULL, 2, &error);

      g_assert_null (id);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "bad.geojson"));
    }
  {
    g_autofree char *path = write_file (f, "ok.geojson", "{\"type\":\"Polygon\",\"coordinates\":[[[103.8,21.2],[104,21.2],[104,21.4],[103.8,21.2]]]}");
    g_autoptr(GError) error = NULL;
    g_autofree char *id = banso_warning_import_file (f->store, f->admin, path, NULL, 9, &error);

    g_assert_null (id);
    g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID);
  }
  banso_test_get_counts (f->store, &after);
  banso_test_assert_same_counts (&before, &after);
}

static void
test_indicators (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = banso_store_acquire_reader (f->store, &error);
  g_autoptr(BansoIndicatorTable) table = banso_indicator_table_compute (db, f->admin, BANSO_INDICATOR_POOR_SHARE, "01", &error);
  g_autoptr(BansoClassBreaks) breaks = NULL;
  g_auto(GStrv) scope = banso_test_list_communes (f->store, "14", 2);
  g_autoptr(BansoUser) official = banso_test_add_official (f->store, f->admin, (const char * const *)scope);
  g_autoptr(BansoIndicatorTable) scoped = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint n = 0;
  double v;

  g_assert_no_error (error);
  g_hash_table_iter_init (&iter, table->by_commune);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      BansoCommuneFigures *c = value;

      g_assert_cmpint (c->households, ==, query_int (f->store, "SELECT count(*) FROM household_index WHERE commune = ?1", key));
      g_assert_cmpint (c->poor, ==, query_int (f->store, "SELECT count(*) FROM household_index WHERE commune = ?1 AND poverty = 'poor'", key));
      g_assert_cmpint (c->near_poor, ==, query_int (f->store, "SELECT count(*) FROM household_index WHERE commune = ?1 AND poverty = 'near-poor'", key));
      g_assert_cmpint (c->ethnic, ==, query_int (f->store, "SELECT count(*) FROM household_index WHERE commune = ?1 AND ethnic = '01'", key));
      g_assert_cmpint (c->prestige, ==, query_int (f->store, "SELECT count(*) FROM prestige_index WHERE commune = ?1", key));
      g_assert_true (banso_indicator_table_get_value (table, key, &v));
      g_assert_cmpfloat_with_epsilon (v, (double)c->poor / c->households, 1e-12);
      n++;
    }
  g_assert_cmpint (n, ==, query_int (f->store, "SELECT count(DISTINCT commune) FROM household_index", NULL));

  breaks = banso_indicator_table_classify (table, 5, BANSO_BREAKS_QUANTILE);
  g_assert_cmpuint (breaks->n_classes, ==, 5);
  g_assert_true (g_str_has_suffix (breaks->labels[0], "%"));
  g_assert_nonnull (strstr (breaks->title, "poor"));
  for (guint c = 0; c < breaks->n_classes; c++)
    g_assert_cmpfloat (breaks->breaks[c], <=, breaks->breaks[c + 1]);

  /* A commune official's map shows their communes only. */
  scoped = banso_indicator_table_compute (db, official, BANSO_INDICATOR_HOUSEHOLDS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (scoped->by_commune), <=, 2);
  g_assert_true (banso_indicator_table_get_value (scoped, scope[0], &v));
  g_assert_false (banso_indicator_table_get_value (scoped, "03646", &v) && !g_strv_contains ((const char * const *)scope, "03646"));
  banso_store_release_reader (f->store, db);
}

static void
test_breaks (void)
{
  const double values[] = { 1, 2, 2, 3, 10, 11, 12, 30, 31, 32 };
  g_autoptr(BansoClassBreaks) jenks = banso_class_breaks_compute (values, G_N_ELEMENTS (values), 3, BANSO_BREAKS_JENKS, FALSE);
  g_autoptr(BansoClassBreaks) q = banso_class_breaks_compute (values, G_N_ELEMENTS (values), 2, BANSO_BREAKS_QUANTILE, FALSE);
  g_autoptr(BansoClassBreaks) one = banso_class_breaks_compute ((double[]) { 4, 4, 4 }, 3, 5, BANSO_BREAKS_JENKS, FALSE);

  /* The three natural groups. */
  g_assert_cmpuint (jenks->n_classes, ==, 3);
  g_assert_cmpint (banso_class_breaks_find (jenks, 3), ==, 0);
  g_assert_cmpint (banso_class_breaks_find (jenks, 10), ==, 1);
  g_assert_cmpint (banso_class_breaks_find (jenks, 12), ==, 1);
  g_assert_cmpint (banso_class_breaks_find (jenks, 30), ==, 2);
  g_assert_cmpint (banso_class_breaks_find (jenks, 32), ==, 2);
  g_assert_cmpint (banso_class_breaks_find (jenks, 33), ==, -1);
  g_assert_cmpstr (jenks->labels[2], ==, "30 – 32");
  g_assert_cmpfloat (q->breaks[1], ==, 11);
  g_assert_cmpuint (one->n_classes, ==, 1);
  g_assert_cmpstr (one->labels[0], ==, "4");
}

static void
computed (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  BansoIndicatorTable **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = banso_indicator_table_compute_finish (BANSO_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  BansoIndicatorTable *table = NULL;

  banso_indicator_table_compute_async (f->store, f->admin, BANSO_INDICATOR_PRESTIGE, NULL, NULL, computed, &table);
  while (table == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_hash_table_size (table->by_commune), >, 50);
  banso_indicator_table_free (table);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  BANSO_TEST_ADD ("/warning/import-and-counts", test_import_and_counts);
  BANSO_TEST_ADD ("/warning/csv", test_csv);
  BANSO_TEST_ADD ("/warning/refused", test_refused);
  BANSO_TEST_ADD ("/indicators/against-sql", test_indicators);
  BANSO_TEST_ADD ("/indicators/async", test_async);
  g_test_add_func ("/indicators/breaks", test_breaks);
  return g_test_run ();
}
