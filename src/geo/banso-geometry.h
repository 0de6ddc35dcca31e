/* banso-geometry.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Geometries as GeoJSON (RFC 7946) has them: longitude then latitude, in
 * degrees of WGS84. A path is a list of positions: a line, a ring (closed:
 * its first and last positions are the same) or the points of a
 * (Multi)Point. A polygon is a run of paths: its outer ring, then its holes. */

typedef enum
{
  BANSO_GEOMETRY_POINT,
  BANSO_GEOMETRY_MULTI_POINT,
  BANSO_GEOMETRY_LINE_STRING,
  BANSO_GEOMETRY_MULTI_LINE_STRING,
  BANSO_GEOMETRY_POLYGON,
  BANSO_GEOMETRY_MULTI_POLYGON,
  BANSO_GEOMETRY_COLLECTION,
} BansoGeometryType;

typedef struct
{
  double x, y;
} BansoGeoPoint;

typedef struct
{
  double min_x, min_y, max_x, max_y;
} BansoGeoBox;

typedef struct
{
  guint          n_points;
  BansoGeoPoint *points;
} BansoGeoPath;

typedef struct
{
  guint first_path;
  guint n_paths;
} BansoGeoPolygon;

typedef struct _BansoGeometry BansoGeometry;

struct _BansoGeometry
{
  BansoGeometryType  type;
  GArray            *paths;      /* BansoGeoPath, their points owned */
  GArray            *polygons;   /* BansoGeoPolygon, for (Multi)Polygon */
  GPtrArray         *members;    /* BansoGeometry, for a GeometryCollection */
  BansoGeoBox        box;
};

BansoGeometry *banso_geometry_new              (BansoGeometryType    type);
void           banso_geometry_free             (BansoGeometry       *geometry);
BansoGeometry *banso_geometry_copy             (const BansoGeometry *geometry);
void           banso_geometry_add_path         (BansoGeometry       *geometry,
                                                const BansoGeoPoint *points,
                                                guint                n_points);
void           banso_geometry_begin_polygon    (BansoGeometry       *geometry);
void           banso_geometry_update_box       (BansoGeometry       *geometry);
const char    *banso_geometry_type_to_string   (BansoGeometryType    type);
gboolean       banso_geometry_has_area         (const BansoGeometry *geometry);
guint          banso_geometry_count_points     (const BansoGeometry *geometry);
char          *banso_geometry_to_geojson       (const BansoGeometry *geometry);

/* Boxes */
void           banso_geo_box_empty             (BansoGeoBox         *box);
void           banso_geo_box_add               (BansoGeoBox         *box,
                                                double               x,
                                                double               y);
void           banso_geo_box_union             (BansoGeoBox         *box,
                                                const BansoGeoBox   *other);
gboolean       banso_geo_box_intersects        (const BansoGeoBox   *a,
                                                const BansoGeoBox   *b);
gboolean       banso_geo_box_contains          (const BansoGeoBox   *box,
                                                double               x,
                                                double               y);

/* Web Mercator as web maps use it: x and y from 0 to 1 across the world,
 * y growing southwards; a pixel at zoom z is 1 / (256 · 2^z). */
#define BANSO_MERCATOR_MAX_LAT 85.05112877980659

void           banso_mercator_project          (double               lon,
                                                double               lat,
                                                double              *x,
                                                double              *y);
void           banso_mercator_unproject        (double               x,
                                                double               y,
                                                double              *lon,
                                                double              *lat);

/* Point in polygon, by the even-odd rule over the rings of one polygon (a
 * point in a hole is outside). */
typedef enum
{
  BANSO_PIP_OUTSIDE,
  BANSO_PIP_INSIDE,
  BANSO_PIP_BOUNDARY,
} BansoPipResult;

BansoPipResult banso_geo_point_in_rings        (const BansoGeoPath  *rings,
                                                guint                n_rings,
                                                double               x,
                                                double               y);
gboolean       banso_geometry_contains_point   (const BansoGeometry *geometry,
                                                double               x,
                                                double               y,
                                                gboolean             boundary_inside);

/* Whether two geometries with an area share any point (touching counts). */
gboolean       banso_geometry_intersects       (const BansoGeometry *a,
                                                const BansoGeometry *b);
gboolean       banso_geo_segments_intersect    (const BansoGeoPoint *a,
                                                const BansoGeoPoint *b,
                                                const BansoGeoPoint *c,
                                                const BansoGeoPoint *d);
gboolean       banso_geo_path_self_intersects  (const BansoGeoPath  *path,
                                                BansoGeoPoint       *where);
double         banso_geo_ring_signed_area      (const BansoGeoPoint *points,
                                                guint                n_points);

/* Douglas–Peucker: keeps the points that stray more than @tolerance from
 * the simplified line; a ring keeps at least 4 points (3 + the closing one). */
guint          banso_geo_simplify              (const BansoGeoPoint *points,
                                                guint                n_points,
                                                double               tolerance,
                                                BansoGeoPoint       *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoGeometry, banso_geometry_free)

G_END_DECLS
