/* banso-geo-feature.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "banso-geometry.h"

G_BEGIN_DECLS

/* A feature read from a GeoJSON or KML file: its place in the file, what it
 * is called and its geometry (%NULL for a feature without one). */
typedef struct
{
  guint          index;
  char          *id;
  char          *name;
  char          *description;
  JsonObject    *properties;
  BansoGeometry *geometry;
} BansoGeoFeature;

BansoGeoFeature *banso_geo_feature_new       (guint                  index);
void             banso_geo_feature_free      (BansoGeoFeature       *feature);
char            *banso_geo_feature_describe  (const BansoGeoFeature *feature);
const char      *banso_geo_feature_get_string (const BansoGeoFeature *feature,
                                               const char            *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoGeoFeature, banso_geo_feature_free)

/* Checks a geometry read from a file against what a map of Vietnam can use:
 * longitudes and latitudes in range and not swapped, rings that do not cross
 * themselves, polygons that do not cross the antimeridian. @what names the
 * feature in the message. */
gboolean banso_geometry_check_geographic (const BansoGeometry *geometry,
                                          const char          *what,
                                          GError             **error);

G_END_DECLS
