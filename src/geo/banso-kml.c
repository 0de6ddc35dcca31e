/* banso-kml.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * KML 2.2 Placemarks into BansoGeoFeature, with libxml2. Entities are not
 * expanded and nothing is fetched from the network.
 */

#define G_LOG_DOMAIN "banso-geo"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <string.h>

#include "banso-kml.h"

typedef struct
{
  const char *source;
  char       *what;
  GError    **error;
} Ctx;

G_GNUC_PRINTF (3, 4) static gboolean
fail (Ctx        *ctx,
      xmlNode    *node,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (ctx->error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_INVALID,
               _("%s, line %ld, %s: %s"), ctx->source, node ? xmlGetLineNo (node) : 0L,
               ctx->what, message);
  return FALSE;
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *)node->name, name) == 0;
}

static xmlNode *
first_child (xmlNode    *node,
             const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_element (child, name))
      return child;
  return NULL;
}

static char *
child_text (xmlNode    *node,
            const char *name)
{
  xmlNode *child = first_child (node, name);
  xmlChar *text;
  char *result;

  if (child == NULL)
    return NULL;
  text = xmlNodeGetContent (child);
  result = g_strstrip (g_strdup ((const char *)text));
  xmlFree (text);
  return result;
}

/* “lon,lat[,alt] lon,lat[,alt] …”, tuples split by any white space. */
static gboolean
read_coordinates (Ctx           *ctx,
                  xmlNode       *parent,
                  gboolean       ring,
                  BansoGeometry *geometry)
{
  xmlNode *node = first_child (parent, "coordinates");
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (BansoGeoPoint));
  xmlChar *text;
  g_auto(GStrv) tuples = NULL;
  guint n;

  if (node == NULL)
    return fail (ctx, parent, _("<%s> has no <coordinates>"), (const char *)parent->name);
  text = xmlNodeGetContent (node);
  tuples = g_regex_split_simple ("\\s+", text ? g_strstrip ((char *)text) : "", 0, 0);
  xmlFree (text);

  for (guint i = 0; tuples[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;
      BansoGeoPoint p;
      char *end;

      if (tuples[i][0] == '\0')
        continue;
      parts = g_strsplit (tuples[i], ",", -1);
      if (g_strv_length (parts) < 2 || g_strv_length (parts) > 3)
        return fail (ctx, node, _("“%s” is not a position: KML writes longitude,latitude[,altitude]"), tuples[i]);
      p.x = g_ascii_strtod (parts[0], &end);
      if (end == parts[0] || *end != '\0' || !isfinite (p.x))
        return fail (ctx, node, _("“%s” is not a position: “%s” is not a number"), tuples[i], parts[0]);
      p.y = g_ascii_strtod (parts[1], &end);
      if (end == parts[1] || *end != '\0' || !isfinite (p.y))
        return fail (ctx, node, _("“%s” is not a position: “%s” is not a number"), tuples[i], parts[1]);
      g_array_append_val (points, p);
    }

  n = points->len;
  if (ring)
    {
      BansoGeoPoint *p = (BansoGeoPoint *)points->data;

      if (n < 4)
        return fail (ctx, node, _("a ring needs four or more positions (the last repeating the first), and has %u"), n);
      if (p[0].x != p[n - 1].x || p[0].y != p[n - 1].y)
        return fail (ctx, node, _("the first and last positions of a ring must be the same"));
    }
  else if (is_element (parent, "LineString") && n < 2)
    return fail (ctx, node, _("a line needs two or more positions, and has %u"), n);
  else if (n == 0)
    return fail (ctx, node, _("a point needs a position"));

  banso_geometry_add_path (geometry, (BansoGeoPoint *)points->data, n);
  return TRUE;
}

static gboolean
read_polygon (Ctx           *ctx,
              xmlNode       *polygon,
              BansoGeometry *geometry)
{
  xmlNode *outer = first_child (polygon, "outerBoundaryIs");
  xmlNode *ring;

  if (outer == NULL || !(ring = first_child (outer, "LinearRing")))
    return fail (ctx, polygon, _("a <Polygon> needs an <outerBoundaryIs> with a <LinearRing>"));
  banso_geometry_begin_polygon (geometry);
  if (!read_coordinates (ctx, ring, TRUE, geometry))
    return FALSE;
  for (xmlNode *child = polygon->children; child != NULL; child = child->next)
    if (is_element (child, "innerBoundaryIs"))
      {
        for (xmlNode *r = child->children; r != NULL; r = r->next)
          if (is_element (r, "LinearRing") && !read_coordinates (ctx, r, TRUE, geometry))
            return FALSE;
      }
  return TRUE;
}

static BansoGeometry *read_geometry (Ctx     *ctx,
                                     xmlNode *node,
                                     guint    depth);

static BansoGeometry *
read_multi (Ctx     *ctx,
            xmlNode *node,
            guint    depth)
{
  g_autoptr(BansoGeometry) all = NULL;
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify)banso_geometry_free);
  gboolean polygons = TRUE;

  if (depth > 16)
    return fail (ctx, node, _("<MultiGeometry> is nested too deeply")), NULL;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      BansoGeometry *member;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      member = read_geometry (ctx, child, depth + 1);
      if (member == NULL && ctx->error != NULL && *ctx->error != NULL)
        return NULL;
      if (member == NULL)
        continue;
      polygons &= member->type == BANSO_GEOMETRY_POLYGON || member->type == BANSO_GEOMETRY_MULTI_POLYGON;
      g_ptr_array_add (members, member);
    }
  if (members->len == 0)
    return fail (ctx, node, _("<MultiGeometry> holds no geometry")), NULL;

  /* Polygons only, the common case of an area in several parts, make one
   * MultiPolygon; anything else a collection. */
  if (polygons)
    {
      all = banso_geometry_new (BANSO_GEOMETRY_MULTI_POLYGON);
      for (guint i = 0; i < members->len; i++)
        {
          BansoGeometry *m = g_ptr_array_index (members, i);

          for (guint p = 0; p < m->polygons->len; p++)
            {
              const BansoGeoPolygon *poly = &g_array_index (m->polygons, BansoGeoPolygon, p);

              banso_geometry_begin_polygon (all);
              for (guint r = 0; r < poly->n_paths; r++)
                {
                  const BansoGeoPath *path = &g_array_index (m->paths, BansoGeoPath, poly->first_path + r);

                  banso_geometry_add_path (all, path->points, path->n_points);
                }
            }
        }
      return g_steal_pointer (&all);
    }
  all = banso_geometry_new (BANSO_GEOMETRY_COLLECTION);
  for (guint i = 0; i < members->len; i++)
    g_ptr_array_add (all->members, g_ptr_array_steal_index (members, i--));
  banso_geometry_update_box (all);
  return g_steal_pointer (&all);
}

/* Returns %NULL without an error for an element that is not a geometry. */
static BansoGeometry *
read_geometry (Ctx     *ctx,
               xmlNode *node,
               guint    depth)
{
  g_autoptr(BansoGeometry) geometry = NULL;

  if (is_element (node, "Polygon"))
    {
      geometry = banso_geometry_new (BANSO_GEOMETRY_POLYGON);
      if (!read_polygon (ctx, node, geometry))
        return NULL;
    }
  else if (is_element (node, "LineString"))
    {
      geometry = banso_geometry_new (BANSO_GEOMETRY_LINE_STRING);
      if (!read_coordinates (ctx, node, FALSE, geometry))
        return NULL;
    }
  else if (is_element (node, "Point"))
    {
      geometry = banso_geometry_new (BANSO_GEOMETRY_POINT);
      if (!read_coordinates (ctx, node, FALSE, geometry))
        return NULL;
      if (g_array_index (geometry->paths, BansoGeoPath, 0).n_points != 1)
        return fail (ctx, node, _("a <Point> has exactly one position")), NULL;
    }
  else if (is_element (node, "MultiGeometry"))
    return read_multi (ctx, node, depth);
  return g_steal_pointer (&geometry);
}

static gboolean
read_placemarks (Ctx       *ctx,
                 xmlNode   *node,
                 GPtrArray *features,
                 guint      depth)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (is_element (child, "Placemark"))
        {
          g_autoptr(BansoGeoFeature) feature = banso_geo_feature_new (features->len);
          xmlChar *id = xmlGetProp (child, (const xmlChar *)"id");

          feature->id = id ? g_strdup ((const char *)id) : NULL;
          xmlFree (id);
          feature->name = child_text (child, "name");
          feature->description = child_text (child, "description");
          feature->properties = json_object_new ();
          if (feature->name != NULL)
            json_object_set_string_member (feature->properties, "name", feature->name);
          if (feature->description != NULL)
            json_object_set_string_member (feature->properties, "description", feature->description);
          g_free (ctx->what);
          ctx->what = banso_geo_feature_describe (feature);

          for (xmlNode *g = child->children; g != NULL && feature->geometry == NULL; g = g->next)
            {
              if (g->type != XML_ELEMENT_NODE)
                continue;
              feature->geometry = read_geometry (ctx, g, 0);
              if (feature->geometry == NULL && *ctx->error != NULL)
                return FALSE;
            }
          g_ptr_array_add (features, g_steal_pointer (&feature));
        }
      else if (depth < 32 && !read_placemarks (ctx, child, features, depth + 1))
        return FALSE;
    }
  return TRUE;
}

/**
 * banso_kml_parse:
 * @geographic: also refuse what banso_geometry_check_geographic() refuses
 *
 * Returns: (transfer full) (element-type BansoGeoFeature): the Placemarks
 */
GPtrArray *
banso_kml_parse (const char  *data,
                 gsize        length,
                 const char  *source_name,
                 gboolean     geographic,
                 GError     **error)
{
  g_autoptr(GPtrArray) features = g_ptr_array_new_with_free_func ((GDestroyNotify)banso_geo_feature_free);
  GError *local_error = NULL;
  xmlParserCtxt *parser;
  xmlDoc *doc;
  xmlNode *root;
  Ctx ctx = { source_name, NULL, &local_error };
  gboolean ok;

  g_return_val_if_fail (source_name != NULL, NULL);

  if (length > G_MAXINT)
    {
      g_set_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_PARSE, _("%s is too large"), source_name);
      return NULL;
    }
  parser = xmlNewParserCtxt ();
  doc = xmlCtxtReadMemory (parser, data, (int)length, NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    {
      const xmlError *e = xmlCtxtGetLastError (parser);
      g_autofree char *message = g_strdup (e && e->message ? e->message : _("not XML"));

      g_set_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_PARSE,
                   _("%s, line %d: this is not a KML file: %s"), source_name,
                   e ? e->line : 0, g_strstrip (message));
      xmlFreeParserCtxt (parser);
      return NULL;
    }
  xmlFreeParserCtxt (parser);

  root = xmlDocGetRootElement (doc);
  if (root == NULL || !is_element (root, "kml"))
    {
      g_set_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_PARSE,
                   _("%s is not a KML file: its root element is <%s>, not <kml>"), source_name,
                   root ? (const char *)root->name : "");
      xmlFreeDoc (doc);
      return NULL;
    }
  ok = read_placemarks (&ctx, root, features, 0);
  g_free (ctx.what);
  xmlFreeDoc (doc);
  if (!ok)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  if (geographic)
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
banso_kml_load_file (const char  *path,
                     gboolean     geographic,
                     GError     **error)
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
  return banso_kml_parse (contents, len, name, geographic, error);
}
