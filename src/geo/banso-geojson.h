/* banso-geojson.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "banso-geo-error.h"
#include "banso-geo-feature.h"

G_BEGIN_DECLS

typedef enum
{
  BANSO_GEOJSON_DEFAULT    = 0,
  /* Also refuse what RFC 7946 says should not be done: rings against the
   * right-hand rule, positions of more than three numbers, positions finer
   * than 10⁻⁸°. (Nested and single-member GeometryCollections are refused
   * always, as geojsonhint does.) */
  BANSO_GEOJSON_STRICT     = 1 << 0,
  /* Also refuse what a map of the country cannot use: see
   * banso_geometry_check_geographic(). */
  BANSO_GEOJSON_GEOGRAPHIC = 1 << 1,
} BansoGeoJsonFlags;

/* Reads GeoJSON (RFC 7946): a FeatureCollection, a Feature or a bare
 * geometry, into a list of BansoGeoFeature. The first problem found refuses
 * the whole file, with a message that names the file, the feature (its
 * index, id or name) and what is wrong. Safe from any thread. */

GPtrArray *banso_geojson_parse     (const char         *data,
                                    gssize              length,
                                    const char         *source_name,
                                    BansoGeoJsonFlags   flags,
                                    GError            **error);
GPtrArray *banso_geojson_load_file (const char         *path,
                                    BansoGeoJsonFlags   flags,
                                    GError            **error);
GPtrArray *banso_geojson_load_bytes (GBytes            *bytes,
                                     const char        *source_name,
                                     BansoGeoJsonFlags  flags,
                                     GError           **error);

G_END_DECLS
