/* banso-point-layer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

typedef struct
{
  double lat;
  double lon;
} BansoMapPoint;

#define BANSO_TYPE_POINT_LAYER (banso_point_layer_get_type ())

G_DECLARE_FINAL_TYPE (BansoPointLayer, banso_point_layer, BANSO, POINT_LAYER, ShumateLayer)

BansoPointLayer *banso_point_layer_new        (ShumateViewport     *viewport);
void             banso_point_layer_set_points (BansoPointLayer     *self,
                                               const BansoMapPoint *points,
                                               guint                n_points);
guint            banso_point_layer_draw       (BansoPointLayer     *self,
                                               cairo_t             *cr,
                                               int                  width,
                                               int                  height);

G_END_DECLS
