/* banso-map-legend.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "banso-geo-region.h"

G_BEGIN_DECLS

#define BANSO_TYPE_MAP_LEGEND (banso_map_legend_get_type ())

G_DECLARE_FINAL_TYPE (BansoMapLegend, banso_map_legend, BANSO, MAP_LEGEND, GtkWidget)

void     banso_map_legend_set     (BansoMapLegend      *self,
                                   const char          *title,
                                   const char          *note,
                                   guint                n_classes,
                                   const BansoGeoColor *colors,
                                   const char * const  *labels);
void     banso_map_legend_clear   (BansoMapLegend      *self);
gboolean banso_map_legend_draw    (BansoMapLegend      *self,
                                   cairo_t             *cr,
                                   double               x,
                                   double               y_bottom);

G_END_DECLS
