/* banso-geo-region.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "banso-geo-error.h"
#include "banso-geometry.h"

G_BEGIN_DECLS

/* What the map shows: its centre in Web Mercator (0…1, see
 * banso_mercator_project()), its zoom (fractional; a tile of 256 pixels at
 * zoom z covers 1/2^z of the world) and its size in pixels. */
typedef struct
{
  double x;
  double y;
  double zoom;
  int    width;
  int    height;
} BansoGeoViewport;

void     banso_geo_viewport_init        (BansoGeoViewport       *viewport,
                                         double                  lat,
                                         double                  lon,
                                         double                  zoom,
                                         int                     width,
                                         int                     height);
void     banso_geo_viewport_to_pixel    (const BansoGeoViewport *viewport,
                                         double                  lat,
                                         double                  lon,
                                         double                 *px,
                                         double                 *py);
void     banso_geo_viewport_from_pixel  (const BansoGeoViewport *viewport,
                                         double                  px,
                                         double                  py,
                                         double                 *lat,
                                         double                 *lon);

/* One region: a province or a commune. Read-only. */
typedef struct
{
  char          *code;
  char          *name;
  char          *label;        /* the name without “Tỉnh”, “Xã”…, for maps */
  BansoGeoBox    box;          /* degrees: x longitude, y latitude */
  double         label_lat;    /* a point inside, for its label */
  double         label_lon;
  BansoGeometry *geometry;     /* degrees, as read */
} BansoRegion;

typedef struct
{
  double red, green, blue, alpha;
} BansoGeoColor;

/* How the draw routine paints a region: return %FALSE to leave it out. */
typedef gboolean (*BansoRegionStyleFunc) (const BansoRegion *region,
                                          guint              index,
                                          BansoGeoColor     *fill,
                                          BansoGeoColor     *stroke,
                                          double            *line_width,
                                          gpointer           user_data);

#define BANSO_TYPE_REGION_SET (banso_region_set_get_type ())

G_DECLARE_FINAL_TYPE (BansoRegionSet, banso_region_set, BANSO, REGION_SET, GObject)

/* A set of regions, projected once to Web Mercator with their rings
 * simplified for every few zoom levels and a grid index for hit tests.
 * Build it in a worker (banso_region_set_load_async()); once built it never
 * changes, so any thread may draw it or hit-test it at the same time — the
 * map's snapshot, its pointer handlers and its tile workers alike. */

BansoRegionSet    *banso_region_set_new_from_features (GPtrArray              *features,
                                                       const char             *code_key,
                                                       GError                **error);
BansoRegionSet    *banso_region_set_load_file         (const char             *path,
                                                       const char             *code_key,
                                                       GError                **error);
BansoRegionSet    *banso_region_set_load_resource     (const char             *resource_path,
                                                       const char             *code_key,
                                                       GError                **error);
BansoRegionSet    *banso_region_set_load_provinces    (GError                **error);
BansoRegionSet    *banso_region_set_load_communes     (GError                **error);
void               banso_region_set_load_async        (const char             *resource_path,
                                                       const char             *code_key,
                                                       GCancellable           *cancellable,
                                                       GAsyncReadyCallback     callback,
                                                       gpointer                user_data);
BansoRegionSet    *banso_region_set_load_finish       (GAsyncResult           *result,
                                                       GError                **error);

guint              banso_region_set_get_n_regions     (BansoRegionSet         *self);
const BansoRegion *banso_region_set_get_region        (BansoRegionSet         *self,
                                                       guint                   index);
int                banso_region_set_find              (BansoRegionSet         *self,
                                                       const char             *code);
const BansoGeoBox *banso_region_set_get_box           (BansoRegionSet         *self);
guint              banso_region_set_get_n_points      (BansoRegionSet         *self);
GArray            *banso_region_set_search            (BansoRegionSet         *self,
                                                       const char             *query,
                                                       guint                   limit);
int                banso_region_set_hit_test          (BansoRegionSet         *self,
                                                       double                  lat,
                                                       double                  lon);
int                banso_region_set_hit_test_pixel    (BansoRegionSet         *self,
                                                       const BansoGeoViewport *viewport,
                                                       double                  px,
                                                       double                  py);
guint              banso_region_set_draw              (BansoRegionSet         *self,
                                                       cairo_t                *cr,
                                                       const BansoGeoViewport *viewport,
                                                       BansoRegionStyleFunc    style,
                                                       gpointer                user_data);
void               banso_region_set_draw_region       (BansoRegionSet         *self,
                                                       cairo_t                *cr,
                                                       const BansoGeoViewport *viewport,
                                                       guint                   index);
guint              banso_region_set_draw_labels       (BansoRegionSet         *self,
                                                       cairo_t                *cr,
                                                       const BansoGeoViewport *viewport,
                                                       double                  font_size,
                                                       const BansoGeoColor    *color);

G_END_DECLS
