/* banso-kml.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "banso-geo-error.h"
#include "banso-geo-feature.h"

G_BEGIN_DECLS

/* Reads the Placemarks of a KML file (Google Earth, QGIS): their name,
 * description and geometry — Point, LineString, Polygon with its holes,
 * MultiGeometry. Messages name the file, the line, the Placemark and what is
 * wrong. Safe from any thread. */

GPtrArray *banso_kml_parse     (const char  *data,
                                gsize        length,
                                const char  *source_name,
                                gboolean     geographic,
                                GError     **error);
GPtrArray *banso_kml_load_file (const char  *path,
                                gboolean     geographic,
                                GError     **error);

G_END_DECLS
