/* banso-region-layer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

#include "banso-geo-region.h"

G_BEGIN_DECLS

#define BANSO_TYPE_REGION_LAYER (banso_region_layer_get_type ())

G_DECLARE_FINAL_TYPE (BansoRegionLayer, banso_region_layer, BANSO, REGION_LAYER, ShumateLayer)

BansoRegionLayer *banso_region_layer_new          (ShumateViewport     *viewport);
void              banso_region_layer_set_regions  (BansoRegionLayer    *self,
                                                   BansoRegionSet      *regions);
BansoRegionSet   *banso_region_layer_get_regions  (BansoRegionLayer    *self);
void              banso_region_layer_set_fills    (BansoRegionLayer    *self,
                                                   const BansoGeoColor *fills,
                                                   guint                n_fills);
void              banso_region_layer_set_outline  (BansoRegionLayer    *self,
                                                   const BansoGeoColor *color,
                                                   double               width);
void              banso_region_layer_set_labels   (BansoRegionLayer    *self,
                                                   gboolean             labels);
int               banso_region_layer_get_hovered  (BansoRegionLayer    *self);
void              banso_region_layer_set_hovered  (BansoRegionLayer    *self,
                                                   int                  index);
int               banso_region_layer_get_selected (BansoRegionLayer    *self);
void              banso_region_layer_set_selected (BansoRegionLayer    *self,
                                                   int                  index);
int               banso_region_layer_hit_test     (BansoRegionLayer    *self,
                                                   double               x,
                                                   double               y);
void              banso_region_layer_get_geo_viewport (BansoRegionLayer *self,
                                                       BansoGeoViewport *viewport);
void              banso_region_layer_draw         (BansoRegionLayer    *self,
                                                   cairo_t             *cr,
                                                   const BansoGeoViewport *viewport);

void              banso_map_viewport_to_geo       (ShumateViewport     *vp,
                                                   int                  width,
                                                   int                  height,
                                                   BansoGeoViewport    *viewport);

G_END_DECLS
