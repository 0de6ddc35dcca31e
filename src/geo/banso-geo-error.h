/* banso-geo-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BANSO_GEO_ERROR (banso_geo_error_quark ())

typedef enum
{
  BANSO_GEO_ERROR_NOT_MBTILES,  /* not SQLite, or no tiles table */
  BANSO_GEO_ERROR_VECTOR,       /* vector tiles, which Banso does not draw */
  BANSO_GEO_ERROR_NO_TILE,      /* the tile is not in the file */
  BANSO_GEO_ERROR_ZOOM,         /* outside the file's zoom levels */
  BANSO_GEO_ERROR_CORRUPT,      /* a tile or a row that cannot be read */
  BANSO_GEO_ERROR_PARSE,        /* not JSON / XML at all */
  BANSO_GEO_ERROR_INVALID,      /* a GeoJSON or KML object that breaks the format */
  BANSO_GEO_ERROR_GEOMETRY,     /* a geometry that is well formed but unusable */
  BANSO_GEO_ERROR_IO,
} BansoGeoError;

GQuark banso_geo_error_quark (void);

G_END_DECLS
