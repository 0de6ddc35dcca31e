/* banso-warning.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Disaster warnings: their documents and index, their import from GeoJSON
 * or KML, and what an area affects — the communes it touches and the
 * villages inside it, with their households, people, poor households and
 * prestigious persons counted from the records' index tables.
 */

#define G_LOG_DOMAIN "banso-geo"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "banso-csv.h"
#include "banso-document.h"
#include "banso-geo-private.h"
#include "banso-geojson.h"
#include "banso-kml.h"
#include "banso-store-async.h"
#include "banso-warning.h"

void
banso_warning_info_free (BansoWarningInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->title);
  g_free (info->source);
  g_free (info->created);
  g_free (info);
}

static void
area_free (BansoAffectedArea *area)
{
  g_free (area->commune_code);
  g_free (area->commune_name);
  g_free (area->village_id);
  g_free (area->village_name);
  g_free (area);
}

void
banso_warning_report_free (BansoWarningReport *report)
{
  if (report == NULL)
    return;
  g_free (report->id);
  g_free (report->title);
  banso_geometry_free (report->geometry);
  g_ptr_array_unref (report->areas);
  g_free (report);
}

/* The bundled communes, built once and shared: the set never changes. */
BansoRegionSet *
_banso_geo_get_communes (GError **error)
{
  static BansoRegionSet *communes;
  static GMutex lock;
  BansoRegionSet *result;

  g_mutex_lock (&lock);
  if (communes == NULL)
    communes = banso_region_set_load_communes (error);
  result = communes ? g_object_ref (communes) : NULL;
  g_mutex_unlock (&lock);
  return result;
}

static BansoGeometry *
geometry_from_node (JsonNode  *node,
                    GError   **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) features = NULL;
  BansoGeoFeature *feature;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID,
                   _("Warning: the area is missing."));
      return NULL;
    }
  text = json_to_string (node, FALSE);
  features = banso_geojson_parse (text, -1, _("the warning's area"), 0, error);
  if (features == NULL)
    return NULL;
  feature = g_ptr_array_index (features, 0);
  if (feature->geometry == NULL || !banso_geometry_has_area (feature->geometry))
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID,
                   _("Warning: the area must be a polygon or a multipolygon."));
      return NULL;
    }
  return g_steal_pointer (&feature->geometry);
}

gboolean
_banso_warning_validate (const char  *body,
                         GError     **error)
{
  g_autoptr(JsonNode) root = json_from_string (body, NULL);
  g_autoptr(BansoGeometry) geometry = NULL;
  JsonObject *object;
  const char *title;
  gint64 level;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID,
                   _("Warning: the record is not a JSON object."));
      return FALSE;
    }
  object = json_node_get_object (root);
  title = json_object_get_string_member_with_default (object, "title", NULL);
  if (title == NULL || *title == '\0')
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID,
                   _("Warning: enter a title."));
      return FALSE;
    }
  level = json_object_get_int_member_with_default (object, "level", 0);
  if (level < 1 || level > BANSO_WARNING_MAX_LEVEL)
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID,
                   _("Warning: the level must be from 1 to %d."), BANSO_WARNING_MAX_LEVEL);
      return FALSE;
    }
  if (json_object_get_string_member_with_default (object, "created", NULL) == NULL)
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID,
                   _("Warning: the date it was made is missing."));
      return FALSE;
    }
  geometry = geometry_from_node (json_object_get_member (object, "geometry"), error);
  return geometry != NULL;
}

gboolean
_banso_warning_index (BansoTxn    *txn,
                      const char  *type,
                      gint64       docno,
                      const char  *body,
                      gboolean     fresh,
                      GError     **error)
{
  sqlite3_stmt *stmt;   /* the transaction's cache owns it */
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(BansoGeometry) geometry = NULL;
  JsonObject *object;

  if (!fresh)
    {
      stmt = banso_txn_prepare (txn, "DELETE FROM warning_index WHERE docno = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, docno);
      if (!banso_sql_step_done (banso_txn_get_db (txn), stmt, error))
        return FALSE;
    }
  if (body == NULL)
    return TRUE;

  /* A document pulled from another office is indexed as it is; one too
   * damaged to read stays out of the list (and `check` says so). */
  root = json_from_string (body, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return TRUE;
  object = json_node_get_object (root);
  geometry = geometry_from_node (json_object_get_member (object, "geometry"), NULL);

  stmt = banso_txn_prepare (txn, "INSERT INTO warning_index (docno, title, level, source, created,"
                                 " min_lon, min_lat, max_lon, max_lat)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docno);
  sqlite3_bind_text (stmt, 2, json_object_get_string_member_with_default (object, "title", ""), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, json_object_get_int_member_with_default (object, "level", 0));
  sqlite3_bind_text (stmt, 4, json_object_get_string_member_with_default (object, "source", NULL), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, json_object_get_string_member_with_default (object, "created", ""), -1, SQLITE_TRANSIENT);
  if (geometry != NULL)
    {
      sqlite3_bind_double (stmt, 6, geometry->box.min_x);
      sqlite3_bind_double (stmt, 7, geometry->box.min_y);
      sqlite3_bind_double (stmt, 8, geometry->box.max_x);
      sqlite3_bind_double (stmt, 9, geometry->box.max_y);
    }
  return banso_sql_step_done (banso_txn_get_db (txn), stmt, error);
}

gboolean
_banso_warning_reindex_all (BansoTxn  *txn,
                            GError   **error)
{
  sqlite3_stmt *stmt;   /* the transaction's cache owns it */
  int rc;

  if (!banso_sql_exec (banso_txn_get_db (txn), "DELETE FROM warning_index", error))
    return FALSE;
  stmt = banso_txn_prepare (txn, "SELECT docno, body FROM documents WHERE type = '"
                                 BANSO_WARNING_TYPE "' AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!_banso_warning_index (txn, BANSO_WARNING_TYPE, sqlite3_column_int64 (stmt, 0),
                               (const char *)sqlite3_column_text (stmt, 1), TRUE, error))
      return FALSE;
  return rc == SQLITE_DONE || banso_sql_error (banso_txn_get_db (txn), rc, error);
}

/**
 * banso_warning_save:
 *
 * Saves a new warning in @txn. Administrators and commune officials may.
 *
 * Returns: (transfer full): its id
 */
char *
banso_warning_save (BansoTxn             *txn,
                    const char           *title,
                    int                   level,
                    const BansoGeometry  *geometry,
                    const char           *source,
                    GError              **error)
{
  g_autoptr(GString) body = g_string_new ("{\"title\":");
  g_autofree char *geojson = NULL;
  g_autofree char *created = banso_now_iso8601 ();
  g_autofree char *id = NULL;
  BansoRole role = banso_user_get_role (banso_txn_get_user (txn));
  gint64 docno;

  g_return_val_if_fail (txn != NULL && geometry != NULL, NULL);

  if (role != BANSO_ROLE_ADMIN && role != BANSO_ROLE_COMMUNE_OFFICIAL)
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION,
                   _("Only an administrator or a commune official can save a warning."));
      return NULL;
    }
  banso_json_append_string (body, title ? title : "");
  g_string_append_printf (body, ",\"level\":%d,\"source\":", level);
  if (source != NULL)
    banso_json_append_string (body, source);
  else
    g_string_append (body, "null");
  g_string_append (body, ",\"created\":");
  banso_json_append_string (body, created);
  geojson = banso_geometry_to_geojson (geometry);
  g_string_append_printf (body, ",\"geometry\":%s}", geojson);

  if (!_banso_warning_validate (body->str, error))
    return NULL;
  id = banso_doc_new_id ();
  if (!banso_doc_put (txn, BANSO_WARNING_TYPE, id, body->str, NULL, BANSO_DOC_PUT_NEW, &docno, NULL, error) ||
      !_banso_warning_index (txn, BANSO_WARNING_TYPE, docno, body->str, TRUE, error))
    return NULL;
  return g_steal_pointer (&id);
}

static int
level_of (BansoGeoFeature *feature)
{
  static const char * const keys[] = { "level", "cap_do", "capdo", "risk_level" };
  JsonNode *node;

  for (guint i = 0; feature->properties != NULL && i < G_N_ELEMENTS (keys); i++)
    if ((node = json_object_get_member (feature->properties, keys[i])) != NULL && JSON_NODE_HOLDS_VALUE (node))
      {
        if (json_node_get_value_type (node) == G_TYPE_INT64)
          return (int)CLAMP (json_node_get_int (node), 0, 100);
        if (json_node_get_value_type (node) == G_TYPE_STRING)
          return (int)g_ascii_strtoll (json_node_get_string (node), NULL, 10);
      }
  return 0;
}

/**
 * banso_warning_area_from_file:
 * @title: (out) (optional): the name of the first feature that has one
 * @level: (out) (optional): its "level" property, or 0
 *
 * Reads a warning's area from GeoJSON or KML, every polygon of every feature
 * in one MultiPolygon, with the geographic checks.
 */
BansoGeometry *
banso_warning_area_from_file (const char  *path,
                              char       **title,
                              int         *level,
                              GError     **error)
{
  g_autoptr(GPtrArray) features = NULL;
  g_autoptr(BansoGeometry) area = banso_geometry_new (BANSO_GEOMETRY_MULTI_POLYGON);
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len;
  const char *p;

  if (!g_file_get_contents (path, &contents, &len, &local_error))
    {
      g_set_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_IO, "%s", local_error->message);
      return NULL;
    }
  for (p = contents; p < contents + len && g_ascii_isspace (*p); p++)
    ;
  if (g_str_has_suffix (path, ".kml") || g_str_has_suffix (path, ".KML") || (p < contents + len && *p == '<'))
    features = banso_kml_parse (contents, len, name, TRUE, error);
  else
    features = banso_geojson_parse (contents, len, name, BANSO_GEOJSON_GEOGRAPHIC, error);
  if (features == NULL)
    return NULL;

  if (title)
    *title = NULL;
  if (level)
    *level = 0;
  for (guint i = 0; i < features->len; i++)
    {
      BansoGeoFeature *f = g_ptr_array_index (features, i);
      g_autoptr(GPtrArray) stack = g_ptr_array_new ();

      if (title && *title == NULL && f->name != NULL)
        *title = g_strdup (f->name);
      if (level && *level == 0)
        *level = level_of (f);
      if (f->geometry != NULL)
        g_ptr_array_add (stack, f->geometry);
      while (stack->len > 0)
        {
          BansoGeometry *g = g_ptr_array_steal_index (stack, stack->len - 1);

          for (guint k = 0; g->members != NULL && k < g->members->len; k++)
            g_ptr_array_add (stack, g_ptr_array_index (g->members, k));
          for (guint k = 0; k < g->polygons->len; k++)
            {
              const BansoGeoPolygon *poly = &g_array_index (g->polygons, BansoGeoPolygon, k);

              banso_geometry_begin_polygon (area);
              for (guint r = 0; r < poly->n_paths; r++)
                {
                  const BansoGeoPath *path_ = &g_array_index (g->paths, BansoGeoPath, poly->first_path + r);

                  banso_geometry_add_path (area, path_->points, path_->n_points);
                }
            }
        }
    }
  if (area->polygons->len == 0)
    {
      g_set_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_GEOMETRY,
                   _("%s holds no area: a warning needs at least one polygon"), name);
      return NULL;
    }
  return g_steal_pointer (&area);
}

/**
 * banso_warning_import_file:
 * @title: (nullable): the warning's title; %NULL for the file's first name
 * @level: 1 to 5, or 0 for the file's "level" property (1 without one)
 *
 * Reads the area and saves the warning in one transaction. Nothing is saved
 * when the file is refused.
 *
 * Returns: (transfer full): the new warning's id
 */
char *
banso_warning_import_file (BansoStore  *store,
                           BansoUser   *user,
                           const char  *path,
                           const char  *title,
                           int          level,
                           GError     **error)
{
  g_autofree char *file_title = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  g_autoptr(BansoGeometry) area = NULL;
  g_autofree char *id = NULL;
  BansoTxn *txn;
  int file_level = 0;

  area = banso_warning_area_from_file (path, &file_title, &file_level, error);
  if (area == NULL)
    return NULL;
  if (level == 0)
    level = file_level > 0 ? file_level : 1;
  if (level < 1 || level > BANSO_WARNING_MAX_LEVEL)
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID,
                   _("%s: the level must be from 1 to %d, not %d"), name, BANSO_WARNING_MAX_LEVEL, level);
      return NULL;
    }
  if (!(txn = banso_store_begin (store, user, error)))
    return NULL;
  id = banso_warning_save (txn, title ? title : file_title ? file_title : name, level, area, name, error);
  if (id == NULL)
    {
      banso_txn_rollback (txn);
      return NULL;
    }
  if (!banso_txn_commit (txn, error))
    return NULL;
  return g_steal_pointer (&id);
}

/* Returns: (element-type BansoWarningInfo): the warnings, newest first */
GPtrArray *
banso_warning_list (BansoStore  *store,
                    GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)banso_warning_info_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = banso_store_acquire_reader (store, error);
  int rc;

  if (db == NULL)
    return NULL;
  stmt = banso_sql_prepare (db, "SELECT d.id, x.title, x.level, x.source, x.created FROM warning_index x"
                                " CROSS JOIN documents d ON d.docno = x.docno ORDER BY x.created DESC, d.id", error);
  if (stmt == NULL)
    {
      banso_store_release_reader (store, db);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BansoWarningInfo *w = g_new0 (BansoWarningInfo, 1);

      w->id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      w->title = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      w->level = sqlite3_column_int (stmt, 2);
      w->source = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      w->created = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
      g_ptr_array_add (list, w);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (rc != SQLITE_DONE)
    {
      banso_sql_error (db, rc, error);
      banso_store_release_reader (store, db);
      return NULL;
    }
  banso_store_release_reader (store, db);
  return g_steal_pointer (&list);
}

/* A JSON array of strings, for `IN (SELECT value FROM json_each (?))`. */
static char *
json_list (GPtrArray *codes)
{
  GString *out = g_string_new ("[");

  for (guint i = 0; i < codes->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      banso_json_append_string (out, g_ptr_array_index (codes, i));
    }
  g_string_append_c (out, ']');
  return g_string_free (out, FALSE);
}

/* Counts households, people, poor households and prestigious persons of
 * the communes in @by_commune and the villages in @by_village, in one pass
 * over the part of the index that holds @communes (every commune of both). */
static gboolean
count_areas (sqlite3     *db,
             GPtrArray   *communes,
             GHashTable  *by_commune,
             GHashTable  *by_village,
             GError     **error)
{
  static const char * const queries[] = {
    "SELECT commune, village, count(*), total(members), total(poverty = 'poor')"
    " FROM household_index INDEXED BY geo_household_counts"
    " WHERE commune IN (SELECT value FROM json_each (?1)) GROUP BY commune, village",
    "SELECT commune, village, count(*) FROM prestige_index"
    " WHERE commune IN (SELECT value FROM json_each (?1)) GROUP BY commune, village",
  };
  g_autofree char *list = json_list (communes);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(sqlite3_stmt) stmt = banso_sql_prepare (db, queries[q], error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, list, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *commune = (const char *)sqlite3_column_text (stmt, 0);
          const char *village = (const char *)sqlite3_column_text (stmt, 1);
          BansoAffectedArea *targets[2] = {
            commune ? g_hash_table_lookup (by_commune, commune) : NULL,
            village ? g_hash_table_lookup (by_village, village) : NULL,
          };

          for (guint t = 0; t < 2; t++)
            {
              BansoAffectedArea *a = targets[t];

              if (a == NULL)
                continue;
              if (q == 0)
                {
                  a->households += sqlite3_column_int (stmt, 2);
                  a->people += (guint)sqlite3_column_double (stmt, 3);
                  a->poor += (guint)sqlite3_column_double (stmt, 4);
                }
              else
                a->prestige += sqlite3_column_int (stmt, 2);
            }
        }
      if (rc != SQLITE_DONE)
        return banso_sql_error (db, rc, error);
    }
  return TRUE;
}

/**
 * banso_warning_compute_area:
 * @db: a reader connection
 *
 * What @area affects: every commune (of the bundled boundaries) it touches,
 * and every village with a location inside it. Run it in a worker.
 */
BansoWarningReport *
banso_warning_compute_area (sqlite3              *db,
                            const BansoGeometry  *area,
                            GCancellable         *cancellable,
                            GError              **error)
{
  g_autoptr(BansoRegionSet) communes = _banso_geo_get_communes (error);
  g_autoptr(BansoWarningReport) report = NULL;
  g_autoptr(GPtrArray) communes_hit = g_ptr_array_new ();
  g_autoptr(GPtrArray) villages = g_ptr_array_new ();
  g_autoptr(GHashTable) by_commune = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_village = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (communes == NULL)
    return NULL;

  report = g_new0 (BansoWarningReport, 1);
  report->areas = g_ptr_array_new_with_free_func ((GDestroyNotify)area_free);
  report->geometry = banso_geometry_copy (area);

  for (guint i = 0; i < banso_region_set_get_n_regions (communes); i++)
    {
      const BansoRegion *r = banso_region_set_get_region (communes, i);

      if (banso_geometry_intersects (area, r->geometry))
        {
          BansoAffectedArea *a = g_new0 (BansoAffectedArea, 1);

          a->commune_code = g_strdup (r->code);
          a->commune_name = g_strdup (r->name);
          g_hash_table_insert (by_commune, a->commune_code, a);
          g_ptr_array_add (communes_hit, a->commune_code);
          g_ptr_array_add (report->areas, a);
        }
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* CROSS JOIN keeps this order: from the few villages, never a scan of
   * every document. */
  stmt = banso_sql_prepare (db, "SELECT l.village_id, l.lat, l.lon, v.commune, v.name FROM village_location l"
                                " CROSS JOIN documents d ON d.id = l.village_id AND d.deleted = 0"
                                " CROSS JOIN village_index v ON v.docno = d.docno"
                                " WHERE l.lon BETWEEN ?1 AND ?2 AND l.lat BETWEEN ?3 AND ?4", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_double (stmt, 1, area->box.min_x);
  sqlite3_bind_double (stmt, 2, area->box.max_x);
  sqlite3_bind_double (stmt, 3, area->box.min_y);
  sqlite3_bind_double (stmt, 4, area->box.max_y);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (banso_geometry_contains_point (area, sqlite3_column_double (stmt, 2), sqlite3_column_double (stmt, 1), TRUE))
      {
        BansoAffectedArea *a = g_new0 (BansoAffectedArea, 1);

        a->village_id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
        a->commune_code = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
        a->village_name = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
        g_hash_table_insert (by_village, a->village_id, a);
        g_ptr_array_add (villages, a);
      }
  if (rc != SQLITE_DONE)
    {
      banso_sql_error (db, rc, error);
      return NULL;
    }

  for (guint v = 0; v < villages->len; v++)
    {
      const char *code = ((BansoAffectedArea *)g_ptr_array_index (villages, v))->commune_code;

      if (!g_ptr_array_find_with_equal_func (communes_hit, code, g_str_equal, NULL))
        g_ptr_array_add (communes_hit, (gpointer)code);
    }
  if (communes_hit->len > 0 && !count_areas (db, communes_hit, by_commune, by_village, error))
    return NULL;

  report->n_communes = report->areas->len;
  report->n_villages = villages->len;
  for (guint i = 0; i < report->areas->len; i++)
    {
      BansoAffectedArea *a = g_ptr_array_index (report->areas, i);

      report->total.households += a->households;
      report->total.people += a->people;
      report->total.poor += a->poor;
      report->total.prestige += a->prestige;
    }

  /* Each commune, followed by its villages. A village whose commune the
   * boundaries do not show goes at the end. */
  for (guint v = 0; v < villages->len; v++)
    {
      BansoAffectedArea *a = g_ptr_array_index (villages, v);
      BansoAffectedArea *c = g_hash_table_lookup (by_commune, a->commune_code);
      guint at = report->areas->len;

      a->commune_name = g_strdup (c ? c->commune_name : a->commune_code);
      if (c != NULL)
        {
          g_ptr_array_find (report->areas, c, &at);
          for (at++; at < report->areas->len && ((BansoAffectedArea *)g_ptr_array_index (report->areas, at))->village_id; at++)
            ;
        }
      g_ptr_array_insert (report->areas, at, a);
      g_ptr_array_index (villages, v) = NULL;
    }
  return g_steal_pointer (&report);
}

static BansoWarningReport *
compute_in (sqlite3       *db,
            const char    *id,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(BansoDocInfo) doc = banso_doc_lookup_typed (db, id, BANSO_WARNING_TYPE, _("Warning"), error);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(BansoGeometry) area = NULL;
  BansoWarningReport *report;
  JsonObject *object;

  if (doc == NULL)
    return NULL;
  root = json_from_string (doc->body, error);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_clear_error (error);
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_CORRUPT,
                   _("The warning %s cannot be read."), id);
      return NULL;
    }
  object = json_node_get_object (root);
  if (!(area = geometry_from_node (json_object_get_member (object, "geometry"), error)))
    return NULL;
  report = banso_warning_compute_area (db, area, cancellable, error);
  if (report != NULL)
    {
      report->id = g_strdup (id);
      report->title = g_strdup (json_object_get_string_member_with_default (object, "title", ""));
      report->level = json_object_get_int_member_with_default (object, "level", 0);
    }
  return report;
}

/* Returns: (transfer full): what the saved warning @id affects */
BansoWarningReport *
banso_warning_compute (BansoStore    *store,
                       const char    *id,
                       GCancellable  *cancellable,
                       GError       **error)
{
  sqlite3 *db = banso_store_acquire_reader (store, error);
  BansoWarningReport *report;

  if (db == NULL)
    return NULL;
  report = compute_in (db, id, cancellable, error);
  banso_store_release_reader (store, db);
  return report;
}

static gpointer
compute_read (sqlite3   *db,
              gpointer   data,
              GError   **error)
{
  return compute_in (db, data, NULL, error);
}

/* In a worker: what the window calls, when a warning is opened and again
 * when the store says records changed. */
void
banso_warning_compute_async (BansoStore          *store,
                             const char          *id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  banso_store_read_async (store, compute_read, g_strdup (id), g_free,
                          (GDestroyNotify)banso_warning_report_free, cancellable, callback, user_data);
}

BansoWarningReport *
banso_warning_compute_finish (BansoStore    *store,
                              GAsyncResult  *result,
                              GError       **error)
{
  return banso_store_task_finish (store, result, error);
}

/**
 * banso_warning_report_write_csv:
 *
 * The list as CSV (UTF-8 with a BOM, as Excel reads it): one row per commune
 * and per village, then the total.
 */
gboolean
banso_warning_report_write_csv (BansoWarningReport  *report,
                                GOutputStream       *out,
                                GCancellable        *cancellable,
                                GError             **error)
{
  g_autoptr(GString) text = g_string_new ("\xef\xbb\xbf");
  const char *header[] = {
    "kind", "commune_code", "commune_name", "village_id", "village_name",
    "households", "people", "poor_households", "prestigious_persons",
  };

  banso_csv_append_row (text, header, G_N_ELEMENTS (header), ',');
  for (guint i = 0; i <= report->areas->len; i++)
    {
      BansoAffectedArea *a = i < report->areas->len ? g_ptr_array_index (report->areas, i) : &report->total;
      g_autofree char *h = g_strdup_printf ("%u", a->households);
      g_autofree char *p = g_strdup_printf ("%u", a->people);
      g_autofree char *poor = g_strdup_printf ("%u", a->poor);
      g_autofree char *pr = g_strdup_printf ("%u", a->prestige);
      const char *row[] = {
        i == report->areas->len ? "total" : a->village_id ? "village" : "commune",
        a->commune_code ? a->commune_code : "", a->commune_name ? a->commune_name : "",
        a->village_id ? a->village_id : "", a->village_name ? a->village_name : "",
        h, p, poor, pr,
      };

      banso_csv_append_row (text, row, G_N_ELEMENTS (row), ',');
    }
  return g_output_stream_write_all (out, text->str, text->len, NULL, cancellable, error);
}

gboolean
banso_village_location_set (BansoTxn    *txn,
                            const char  *village_id,
                            double       lat,
                            double       lon,
                            GError     **error)
{
  sqlite3_stmt *stmt;   /* the transaction's cache owns it */

  if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180))
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID,
                   _("Village: %g, %g is not a place on Earth."), lat, lon);
      return FALSE;
    }
  stmt = banso_txn_prepare (txn, "INSERT OR REPLACE INTO village_location (village_id, lat, lon) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, village_id, -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 2, lat);
  sqlite3_bind_double (stmt, 3, lon);
  return banso_sql_step_done (banso_txn_get_db (txn), stmt, error);
}

gboolean
banso_village_location_get (sqlite3    *db,
                            const char *village_id,
                            double     *lat,
                            double     *lon)
{
  g_autoptr(sqlite3_stmt) stmt = banso_sql_prepare (db, "SELECT lat, lon FROM village_location WHERE village_id = ?1", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, village_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  *lat = sqlite3_column_double (stmt, 0);
  *lon = sqlite3_column_double (stmt, 1);
  return TRUE;
}

/**
 * banso_village_place_in_communes:
 *
 * Gives every village without a location a place inside its commune, drawn
 * at random (the same for the same @seed): what the demo district does, since
 * its villages are invented.
 *
 * Returns: how many villages were placed, or G_MAXUINT on error
 */
guint
banso_village_place_in_communes (BansoTxn  *txn,
                                 guint32    seed,
                                 GError   **error)
{
  g_autoptr(BansoRegionSet) communes = _banso_geo_get_communes (error);
  sqlite3_stmt *stmt;   /* the transaction's cache owns it */
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  GRand *rand;
  guint placed = 0;
  int rc;

  if (communes == NULL)
    return G_MAXUINT;
  stmt = banso_txn_prepare (txn, "SELECT d.id, v.commune FROM village_index v CROSS JOIN documents d ON d.docno = v.docno"
                                 " WHERE d.deleted = 0 AND NOT EXISTS (SELECT 1 FROM village_location l WHERE l.village_id = d.id)"
                                 " ORDER BY d.id", error);
  if (stmt == NULL)
    return G_MAXUINT;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (ids, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (codes, g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return banso_sql_error (banso_txn_get_db (txn), rc, error), G_MAXUINT;

  rand = g_rand_new_with_seed (seed);
  for (guint i = 0; i < ids->len; i++)
    {
      int index = banso_region_set_find (communes, g_ptr_array_index (codes, i));
      const BansoRegion *r;

      if (index < 0)
        continue;
      r = banso_region_set_get_region (communes, index);
      /* Rejection sampling in the commune's box; its label point if the
       * commune is too thin to hit in a hundred tries. */
      for (guint tries = 0; ; tries++)
        {
          double lon = g_rand_double_range (rand, r->box.min_x, r->box.max_x);
          double lat = g_rand_double_range (rand, r->box.min_y, r->box.max_y);

          if (tries == 100)
            {
              lat = r->label_lat;
              lon = r->label_lon;
            }
          if (tries == 100 || banso_geometry_contains_point (r->geometry, lon, lat, FALSE))
            {
              if (!banso_village_location_set (txn, g_ptr_array_index (ids, i), lat, lon, error))
                {
                  g_rand_free (rand);
                  return G_MAXUINT;
                }
              placed++;
              break;
            }
        }
    }
  g_rand_free (rand);
  return placed;
}
