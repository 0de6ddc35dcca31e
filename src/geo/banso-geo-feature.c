/* banso-geo-feature.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-geo"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "banso-geo-error.h"
#include "banso-geo-feature.h"

BansoGeoFeature *
banso_geo_feature_new (guint index)
{
  BansoGeoFeature *self = g_new0 (BansoGeoFeature, 1);

  self->index = index;
  return self;
}

void
banso_geo_feature_free (BansoGeoFeature *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->name);
  g_free (self->description);
  g_clear_pointer (&self->properties, json_object_unref);
  banso_geometry_free (self->geometry);
  g_free (self);
}

/* “feature 3 (id “a1”, “Bản Mòng”)”: what a message calls a feature. */
char *
banso_geo_feature_describe (const BansoGeoFeature *self)
{
  if (self->id != NULL && self->name != NULL)
    return g_strdup_printf (_("feature %u (id “%s”, “%s”)"), self->index + 1, self->id, self->name);
  if (self->id != NULL)
    return g_strdup_printf (_("feature %u (id “%s”)"), self->index + 1, self->id);
  if (self->name != NULL)
    return g_strdup_printf (_("feature %u (“%s”)"), self->index + 1, self->name);
  return g_strdup_printf (_("feature %u"), self->index + 1);
}

/* A property as text, or %NULL. */
const char *
banso_geo_feature_get_string (const BansoGeoFeature *self,
                              const char            *key)
{
  JsonNode *node;

  if (self->properties == NULL)
    return NULL;
  node = json_object_get_member (self->properties, key);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
check_path (const BansoGeoPath  *path,
            gboolean             ring,
            const char          *what,
            const char          *part,
            GError             **error)
{
  BansoGeoPoint where;

  for (guint i = 0; i < path->n_points; i++)
    {
      double lon = path->points[i].x, lat = path->points[i].y;

      if (lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)
        continue;
      if (lat >= -180 && lat <= 180 && lon >= -90 && lon <= 90)
        g_set_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_GEOMETRY,
                     _("%s: %s, position %u (%g, %g): the latitude %g is out of range: the numbers look swapped; GeoJSON gives the longitude first, then the latitude"),
                     what, part, i + 1, lon, lat, lat);
      else
        g_set_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_GEOMETRY,
                     _("%s: %s, position %u (%g, %g) is not a place on Earth: longitudes go from −180 to 180 and latitudes from −90 to 90 degrees"),
                     what, part, i + 1, lon, lat);
      return FALSE;
    }

  if (!ring)
    return TRUE;
  for (guint i = 0; i + 1 < path->n_points; i++)
    if (fabs (path->points[i + 1].x - path->points[i].x) > 180)
      {
        g_set_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_GEOMETRY,
                     _("%s: %s crosses the antimeridian (180°) between positions %u and %u: split it there into two polygons, as RFC 7946 §3.1.9 says"),
                     what, part, i + 1, i + 2);
        return FALSE;
      }
  if (banso_geo_path_self_intersects (path, &where))
    {
      g_set_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_GEOMETRY,
                   _("%s: %s crosses itself near %.6f, %.6f: a boundary must not cross itself"),
                   what, part, where.y, where.x);
      return FALSE;
    }
  return TRUE;
}

/**
 * banso_geometry_check_geographic:
 *
 * Refuses positions that are not on Earth (or have latitude and longitude
 * swapped), rings that cross themselves and polygons that cross the
 * antimeridian.
 */
gboolean
banso_geometry_check_geographic (const BansoGeometry *self,
                                 const char          *what,
                                 GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->polygons->len == 0)
    for (guint i = 0; i < self->paths->len; i++)
      {
        g_autofree char *part = g_strdup_printf (_("%s, part %u"), banso_geometry_type_to_string (self->type), i + 1);

        if (!check_path (&g_array_index (self->paths, BansoGeoPath, i), FALSE, what, part, error))
          return FALSE;
      }

  for (guint i = 0; i < self->polygons->len; i++)
    {
      const BansoGeoPolygon *polygon = &g_array_index (self->polygons, BansoGeoPolygon, i);

      for (guint r = 0; r < polygon->n_paths; r++)
        {
          g_autofree char *part = r == 0 ? g_strdup_printf (_("polygon %u, outer ring"), i + 1)
                                         : g_strdup_printf (_("polygon %u, hole %u"), i + 1, r);

          if (!check_path (&g_array_index (self->paths, BansoGeoPath, polygon->first_path + r),
                           TRUE, what, part, error))
            return FALSE;
        }
    }

  for (guint i = 0; self->members != NULL && i < self->members->len; i++)
    if (!banso_geometry_check_geographic (g_ptr_array_index (self->members, i), what, error))
      return FALSE;
  return TRUE;
}
