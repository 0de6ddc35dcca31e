/* banso-geojson.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GeoJSON (RFC 7946) into BansoGeoFeature. Everything a file says is
 * checked before it is used: a map that reads a warning area must be told
 * where a file is wrong, not draw half of it.
 */

#define G_LOG_DOMAIN "banso-geo"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "banso-geojson.h"

typedef struct
{
  const char        *source;
  BansoGeoJsonFlags  flags;
  char              *what;      /* the feature, in words */
  GError           **error;
} Ctx;

G_GNUC_PRINTF (2, 3) static gboolean
fail (Ctx        *ctx,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (ctx->error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_INVALID,
               "%s: %s: %s", ctx->source, ctx->what, message);
  return FALSE;
}

static const char *
node_kind (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return _("null");
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT: return _("an object");
    case JSON_NODE_ARRAY: return _("an array");
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING: return _("a string");
        case G_TYPE_BOOLEAN: return _("a boolean");
        default: return _("a number");
        }
    case JSON_NODE_NULL:
    default: return _("null");
    }
}

static gboolean
is_number (JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_DOUBLE || type == G_TYPE_INT64;
}

static double
get_number (JsonNode *node)
{
  return json_node_get_value_type (node) == G_TYPE_INT64 ? (double)json_node_get_int (node)
                                                          : json_node_get_double (node);
}

static gboolean
too_precise (double v)
{
  double scaled = v * 1e8;

  return fabs (scaled - round (scaled)) > 1e-3;
}

static gboolean
read_position (Ctx           *ctx,
               JsonNode      *node,
               const char    *where,
               BansoGeoPoint *out)
{
  JsonArray *array;
  guint n;

  if (is_number (node))
    return fail (ctx, _("%s: a number was found where a position (an array of numbers) should be: the coordinates need to be nested more deeply"), where);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (ctx, _("%s: a position should be an array of numbers, not %s"), where, node_kind (node));
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n < 2)
    return fail (ctx, _("%s: a position needs two numbers, longitude and latitude, and has %u"), where, n);
  for (guint i = 0; i < n; i++)
    if (!is_number (json_array_get_element (array, i)))
      return fail (ctx, _("%s: each element of a position must be a number, and element %u is %s"),
                   where, i + 1, node_kind (json_array_get_element (array, i)));
  if (n > 3 && (ctx->flags & BANSO_GEOJSON_STRICT))
    return fail (ctx, _("%s: a position should have no more than three numbers (longitude, latitude, height), and has %u"), where, n);
  out->x = get_number (json_array_get_element (array, 0));
  out->y = get_number (json_array_get_element (array, 1));
  if (!isfinite (out->x) || !isfinite (out->y))
    return fail (ctx, _("%s: a position is not a finite number"), where);
  if ((ctx->flags & BANSO_GEOJSON_STRICT) && (too_precise (out->x) || too_precise (out->y)))
    return fail (ctx, _("%s: a position has more decimals than any survey gives (finer than 10⁻⁸ degrees): the file was probably not written by hand or GIS software"), where);
  return TRUE;
}

/* Every number, the height too: [1, 2] and [1, 2, 5] are different places. */
static gboolean
same_position (JsonNode *a,
               JsonNode *b)
{
  JsonArray *x = json_node_get_array (a), *y = json_node_get_array (b);

  if (json_array_get_length (x) != json_array_get_length (y))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (x); i++)
    if (get_number (json_array_get_element (x, i)) != get_number (json_array_get_element (y, i)))
      return FALSE;
  return TRUE;
}

typedef enum
{
  PATH_POINTS,
  PATH_LINE,
  PATH_RING,
} PathKind;

/* Reads an array of positions into @geometry. */
static gboolean
read_path (Ctx           *ctx,
           JsonNode      *node,
           const char    *where,
           PathKind       kind,
           BansoGeometry *geometry)
{
  g_autoptr(GArray) points = NULL;
  JsonArray *array;
  guint n;

  if (is_number (node))
    return fail (ctx, _("%s: a number was found where an array of positions should be: the coordinates need to be nested more deeply"), where);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (ctx, _("%s: coordinates should be an array of positions, not %s"), where, node_kind (node));

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  points = g_array_sized_new (FALSE, FALSE, sizeof (BansoGeoPoint), n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *at = g_strdup_printf (_("%s, position %u"), where, i + 1);
      BansoGeoPoint p;

      if (!read_position (ctx, json_array_get_element (array, i), at, &p))
        return FALSE;
      g_array_append_val (points, p);
    }

  if (kind == PATH_LINE && n < 2)
    return fail (ctx, _("%s: a line needs two or more positions, and has %u"), where, n);
  if (kind == PATH_RING)
    {
      BansoGeoPoint *p = (BansoGeoPoint *)points->data;

      if (n < 4)
        return fail (ctx, _("%s: a ring needs four or more positions (the last repeating the first), and has %u"), where, n);
      if (p[0].x != p[n - 1].x || p[0].y != p[n - 1].y ||
          !same_position (json_array_get_element (array, 0), json_array_get_element (array, n - 1)))
        return fail (ctx, _("%s: the first and last positions of a ring must be the same"), where);
    }

  banso_geometry_add_path (geometry, (BansoGeoPoint *)points->data, points->len);
  return TRUE;
}

static gboolean
read_polygon (Ctx           *ctx,
              JsonNode      *node,
              const char    *where,
              BansoGeometry *geometry)
{
  JsonArray *rings;

  if (is_number (node))
    return fail (ctx, _("%s: a number was found where an array of rings should be: the coordinates need to be nested more deeply"), where);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (ctx, _("%s: a polygon's coordinates should be an array of rings, not %s"), where, node_kind (node));
  rings = json_node_get_array (node);
  if (json_array_get_length (rings) == 0)
    return fail (ctx, _("%s: a polygon needs an outer ring"), where);

  banso_geometry_begin_polygon (geometry);
  for (guint i = 0; i < json_array_get_length (rings); i++)
    {
      g_autofree char *at = i == 0 ? g_strdup_printf (_("%s, outer ring"), where)
                                   : g_strdup_printf (_("%s, hole %u"), where, i);
      const BansoGeoPath *path;
      double area;

      if (!read_path (ctx, json_array_get_element (rings, i), at, PATH_RING, geometry))
        return FALSE;
      path = &g_array_index (geometry->paths, BansoGeoPath, geometry->paths->len - 1);
      area = banso_geo_ring_signed_area (path->points, path->n_points);
      /* RFC 7946 §3.1.6: outer rings counterclockwise, holes clockwise. */
      if ((ctx->flags & BANSO_GEOJSON_STRICT) && ((i == 0 && area < 0) || (i > 0 && area > 0)))
        return fail (ctx, _("%s: rings should follow the right-hand rule (outer rings counterclockwise, holes clockwise)"), at);
    }
  return TRUE;
}

static const char * const geometry_types[] = {
  "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon",
  "GeometryCollection",
};

static gboolean
check_bbox (Ctx        *ctx,
            JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, "bbox");
  JsonArray *array;
  guint n;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (ctx, _("“bbox” should be an array of numbers, not %s"), node_kind (node));
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n != 4 && n != 6)
    return fail (ctx, _("“bbox” must have 4 numbers (2D) or 6 (3D), and has %u"), n);
  for (guint i = 0; i < n; i++)
    if (!is_number (json_array_get_element (array, i)))
      return fail (ctx, _("each element of “bbox” must be a number, and element %u is %s"),
                   i + 1, node_kind (json_array_get_element (array, i)));
  return TRUE;
}

static gboolean
check_type_member (Ctx         *ctx,
                   JsonObject  *object,
                   const char **type)
{
  JsonNode *node = json_object_get_member (object, "type");

  if (node == NULL)
    return fail (ctx, _("the “type” member is missing"));
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (ctx, _("the “type” member should be a string, not %s"), node_kind (node));
  *type = json_node_get_string (node);
  return TRUE;
}

/* RFC 7946 §7.1: members that would change what an object means. */
static gboolean
check_foreign_members (Ctx                *ctx,
                       JsonObject         *object,
                       const char         *kind,
                       const char * const *forbidden)
{
  for (guint i = 0; forbidden[i] != NULL; i++)
    if (json_object_has_member (object, forbidden[i]))
      return fail (ctx, _("a %s must not have a “%s” member"), kind, forbidden[i]);
  return TRUE;
}

static BansoGeometry *read_geometry (Ctx        *ctx,
                                     JsonNode   *node,
                                     guint       depth);

static BansoGeometry *
read_collection (Ctx        *ctx,
                 JsonObject *object,
                 guint       depth)
{
  g_autoptr(BansoGeometry) geometry = banso_geometry_new (BANSO_GEOMETRY_COLLECTION);
  JsonNode *node = json_object_get_member (object, "geometries");
  JsonArray *array;

  if (node == NULL)
    return fail (ctx, _("a GeometryCollection needs a “geometries” member")), NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (ctx, _("“geometries” should be an array, not %s"), node_kind (node)), NULL;
  array = json_node_get_array (node);
  if (json_array_get_length (array) == 1)
    return fail (ctx, _("a GeometryCollection of a single geometry should be that geometry itself")), NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *member = json_array_get_element (array, i);
      BansoGeometry *child;

      if (!JSON_NODE_HOLDS_OBJECT (member))
        return fail (ctx, _("the members of “geometries” must be geometry objects, and member %u is %s"),
                     i + 1, node_kind (member)), NULL;
      if (!(child = read_geometry (ctx, member, depth + 1)))
        return NULL;
      if (child->type == BANSO_GEOMETRY_COLLECTION)
        {
          banso_geometry_free (child);
          return fail (ctx, _("a GeometryCollection should not hold another GeometryCollection")), NULL;
        }
      g_ptr_array_add (geometry->members, child);
    }
  banso_geometry_update_box (geometry);
  return g_steal_pointer (&geometry);
}

static BansoGeometry *
read_geometry (Ctx      *ctx,
               JsonNode *node,
               guint     depth)
{
  static const char * const forbidden[] = { "properties", "geometry", "features", NULL };
  g_autoptr(BansoGeometry) geometry = NULL;
  const char *type = NULL;
  JsonObject *object;
  JsonNode *coords;
  JsonArray *array;
  guint kind;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (ctx, _("a geometry should be an object, not %s"), node_kind (node)), NULL;
  if (depth > 32)
    return fail (ctx, _("GeometryCollections are nested too deeply")), NULL;
  object = json_node_get_object (node);
  if (!check_type_member (ctx, object, &type))
    return NULL;
  for (kind = 0; kind < G_N_ELEMENTS (geometry_types); kind++)
    if (g_str_equal (type, geometry_types[kind]))
      break;
  if (kind == G_N_ELEMENTS (geometry_types))
    {
      for (guint i = 0; i < G_N_ELEMENTS (geometry_types); i++)
        if (g_ascii_strcasecmp (type, geometry_types[i]) == 0)
          return fail (ctx, _("expected “%s” but found “%s”: the type's name is case sensitive"),
                       geometry_types[i], type), NULL;
      return fail (ctx, _("the geometry type “%s” is unknown"), type), NULL;
    }
  if (!check_foreign_members (ctx, object, type, forbidden) || !check_bbox (ctx, object))
    return NULL;
  if (kind == BANSO_GEOMETRY_COLLECTION)
    return read_collection (ctx, object, depth);

  coords = json_object_get_member (object, "coordinates");
  if (coords == NULL)
    return fail (ctx, _("a %s needs a “coordinates” member"), type), NULL;

  geometry = banso_geometry_new (kind);
  switch ((BansoGeometryType)kind)
    {
    case BANSO_GEOMETRY_POINT:
      {
        BansoGeoPoint p;

        if (!read_position (ctx, coords, type, &p))
          return NULL;
        banso_geometry_add_path (geometry, &p, 1);
      }
      break;
    case BANSO_GEOMETRY_MULTI_POINT:
      if (!read_path (ctx, coords, type, PATH_POINTS, geometry))
        return NULL;
      break;
    case BANSO_GEOMETRY_LINE_STRING:
      if (!read_path (ctx, coords, type, PATH_LINE, geometry))
        return NULL;
      break;
    case BANSO_GEOMETRY_POLYGON:
      if (!read_polygon (ctx, coords, type, geometry))
        return NULL;
      break;
    case BANSO_GEOMETRY_MULTI_LINE_STRING:
    case BANSO_GEOMETRY_MULTI_POLYGON:
      if (!JSON_NODE_HOLDS_ARRAY (coords))
        return fail (ctx, _("%s: coordinates should be an array, not %s"), type, node_kind (coords)), NULL;
      array = json_node_get_array (coords);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *part = json_array_get_element (array, i);
          g_autofree char *at = kind == BANSO_GEOMETRY_MULTI_POLYGON
                                  ? g_strdup_printf (_("%s, polygon %u"), type, i + 1)
                                  : g_strdup_printf (_("%s, line %u"), type, i + 1);

          if (kind == BANSO_GEOMETRY_MULTI_POLYGON ? !read_polygon (ctx, part, at, geometry)
                                                   : !read_path (ctx, part, at, PATH_LINE, geometry))
            return NULL;
        }
      break;
    case BANSO_GEOMETRY_COLLECTION:
    default:
      g_assert_not_reached ();
    }
  return g_steal_pointer (&geometry);
}

static char *
value_text (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return g_strdup_printf ("%g", json_node_get_double (node));
  return NULL;
}

static void
name_feature (Ctx             *ctx,
              BansoGeoFeature *feature)
{
  static const char * const name_keys[] = { "name", "Name", "NAME", "title", "ten", "fullName" };

  for (guint i = 0; feature->properties != NULL && i < G_N_ELEMENTS (name_keys) && !feature->name; i++)
    feature->name = value_text (json_object_get_member (feature->properties, name_keys[i]));
  if (feature->properties != NULL)
    feature->description = value_text (json_object_get_member (feature->properties, "description"));
  g_free (ctx->what);
  ctx->what = banso_geo_feature_describe (feature);
}

static BansoGeoFeature *
read_feature (Ctx      *ctx,
              JsonNode *node,
              guint     index)
{
  static const char * const forbidden[] = { "features", "coordinates", "geometries", NULL };
  g_autoptr(BansoGeoFeature) feature = banso_geo_feature_new (index);
  JsonObject *object;
  JsonNode *member;
  const char *type = NULL;

  g_free (ctx->what);
  ctx->what = banso_geo_feature_describe (feature);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (ctx, _("every feature must be an object, and this one is %s"), node_kind (node)), NULL;
  object = json_node_get_object (node);

  /* Name it first, so that every later message says which it is. */
  member = json_object_get_member (object, "id");
  if (member != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (member) ||
          (json_node_get_value_type (member) != G_TYPE_STRING && !is_number (member)))
        return fail (ctx, _("a feature's “id” must be a string or a number, not %s"), node_kind (member)), NULL;
      feature->id = value_text (member);
    }
  member = json_object_get_member (object, "properties");
  if (member != NULL && JSON_NODE_HOLDS_OBJECT (member))
    feature->properties = json_object_ref (json_node_get_object (member));
  name_feature (ctx, feature);

  if (!json_object_has_member (object, "type"))
    return fail (ctx, _("a feature must have “type”: “Feature”")), NULL;
  if (!check_type_member (ctx, object, &type))
    return NULL;
  if (!g_str_equal (type, "Feature"))
    return fail (ctx, g_ascii_strcasecmp (type, "Feature") == 0
                        ? _("expected “Feature” but found “%s”: the type's name is case sensitive")
                        : _("a feature must have “type”: “Feature”, not “%s”"), type), NULL;
  if (!check_foreign_members (ctx, object, "Feature", forbidden) || !check_bbox (ctx, object))
    return NULL;
  if (member == NULL)
    return fail (ctx, _("a feature needs a “properties” member (an object, or null)")), NULL;
  if (!JSON_NODE_HOLDS_OBJECT (member) && !JSON_NODE_HOLDS_NULL (member))
    return fail (ctx, _("“properties” should be an object or null, not %s"), node_kind (member)), NULL;

  member = json_object_get_member (object, "geometry");
  if (member == NULL)
    return fail (ctx, _("a feature needs a “geometry” member (a geometry, or null)")), NULL;
  if (!JSON_NODE_HOLDS_NULL (member) && !(feature->geometry = read_geometry (ctx, member, 0)))
    return NULL;
  return g_steal_pointer (&feature);
}

static gboolean
read_root (Ctx       *ctx,
           JsonNode  *root,
           GPtrArray *features)
{
  static const char * const forbidden[] = { "properties", "coordinates", "geometry", "geometries", NULL };
  JsonObject *object;
  JsonNode *member;
  JsonArray *array;
  const char *type = NULL;

  ctx->what = g_strdup (_("the file"));
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return fail (ctx, _("GeoJSON is an object, and this file holds %s"), node_kind (root));
  object = json_node_get_object (root);
  if (!check_type_member (ctx, object, &type))
    return FALSE;

  if (g_str_equal (type, "Feature"))
    {
      BansoGeoFeature *feature = read_feature (ctx, root, 0);

      if (feature == NULL)
        return FALSE;
      g_ptr_array_add (features, feature);
      return TRUE;
    }
  if (!g_str_equal (type, "FeatureCollection"))
    {
      BansoGeoFeature *feature;

      if (g_ascii_strcasecmp (type, "FeatureCollection") == 0)
        return fail (ctx, _("expected “FeatureCollection” but found “%s”: the type's name is case sensitive"), type);
      g_free (ctx->what);
      ctx->what = g_strdup (_("the geometry"));
      feature = banso_geo_feature_new (0);
      if (!(feature->geometry = read_geometry (ctx, root, 0)))
        {
          banso_geo_feature_free (feature);
          return FALSE;
        }
      g_ptr_array_add (features, feature);
      return TRUE;
    }

  if (!check_foreign_members (ctx, object, "FeatureCollection", forbidden) || !check_bbox (ctx, object))
    return FALSE;
  member = json_object_get_member (object, "features");
  if (member == NULL)
    return fail (ctx, _("a FeatureCollection needs a “features” member"));
  if (!JSON_NODE_HOLDS_ARRAY (member))
    return fail (ctx, _("“features” should be an array, not %s"), node_kind (member));
  array = json_node_get_array (member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      BansoGeoFeature *feature = read_feature (ctx, json_array_get_element (array, i), i);

      if (feature == NULL)
        return FALSE;
      g_ptr_array_add (features, feature);
    }
  return TRUE;
}

/**
 * banso_geojson_parse:
 * @source_name: what messages call the input (its file name)
 *
 * Returns: (transfer full) (element-type BansoGeoFeature): the features, or
 *   %NULL with a message naming the feature and what is wrong
 */
GPtrArray *
banso_geojson_parse (const char         *data,
                     gssize              length,
                     const char         *source_name,
                     BansoGeoJsonFlags   flags,
                     GError            **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) features = g_ptr_array_new_with_free_func ((GDestroyNotify)banso_geo_feature_free);
  g_autoptr(GError) local_error = NULL;
  Ctx ctx = { source_name, flags, NULL, error };
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (source_name != NULL, NULL);

  if (length < 0)
    length = strlen (data);
  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_PARSE,
                   _("%s is not GeoJSON: it is not UTF-8 text"), source_name);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_PARSE,
                   _("%s is not valid JSON: %s"), source_name, local_error->message);
      return NULL;
    }

  ok = read_root (&ctx, json_parser_get_root (parser), features);
  g_free (ctx.what);
  if (!ok)
    return NULL;

  if (flags & BANSO_GEOJSON_GEOGRAPHIC)
    for (guint i = 0; i < features->len; i++)
      {
        BansoGeoFeature *feature = g_ptr_array_index (features, i);
        g_autofree char *what = banso_geo_feature_describe (feature);
        g_autofree char *full = g_strdup_printf ("%s: %s", source_name, what);

        if (feature->geometry != NULL && !banso_geometry_check_geographic (feature->geometry, full, error))
          return NULL;
      }
  return g_steal_pointer (&features);
}

GPtrArray *
banso_geojson_load_bytes (GBytes             *bytes,
                          const char         *source_name,
                          BansoGeoJsonFlags   flags,
                          GError            **error)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return banso_geojson_parse (data ? data : "", len, source_name, flags, error);
}

GPtrArray *
banso_geojson_load_file (const char         *path,
                         BansoGeoJsonFlags   flags,
                         GError            **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  g_autoptr(GError) local_error = NULL;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, &local_error))
    {
      g_set_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_IO, "%s", local_error->message);
      return NULL;
    }
  return banso_geojson_parse (contents, len, name, flags, error);
}
