/* banso-map-page-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

#include "banso-geo-indicators.h"
#include "banso-geo-region.h"
#include "banso-map-legend.h"
#include "banso-map-page.h"
#include "banso-point-layer.h"
#include "banso-region-layer.h"
#include "banso-warning.h"

G_BEGIN_DECLS

#define BANSO_MAP_N_CLASSES 5

struct _BansoMapPage
{
  GtkWidget             parent_instance;

  BansoContext         *context;
  GCancellable         *cancellable;

  BansoRegionSet       *communes;
  BansoRegionSet       *provinces;
  BansoRegionLayer     *province_layer;
  BansoRegionLayer     *commune_layer;
  BansoRegionLayer     *warning_layer;
  BansoPointLayer      *village_layer;
  ShumateMapLayer      *base_layer;
  ShumateMapSource     *base_source;
  char                 *base_id;

  BansoIndicatorTable  *table;
  BansoClassBreaks     *breaks;
  gboolean              stats_reading;
  gboolean              stats_again;
  guint                 villages_serial;

  BansoWarningReport   *warning;
  char                 *warning_id;
  gboolean              rendering_demo;
  gboolean              centred;
  GtkFileChooserNative *chooser;
  GPtrArray            *search_places; /* BansoMapPlace */
  GPtrArray            *villages;      /* BansoGeoVillage of the selected commune */

  GtkWidget            *toolbar;
  GtkSearchEntry       *search_entry;
  GtkWidget            *search_results;
  GtkListBox           *search_list;
  GtkDropDown          *indicator_drop;
  GtkDropDown          *ethnic_drop;
  GtkMenuButton        *base_button;
  GtkPopover           *base_popover;
  GtkListBox           *base_list;
  GtkOverlay           *overlay;
  ShumateMap           *map;
  BansoMapLegend       *legend;
  GtkLabel             *coords_label;
  ShumateScale         *scale;
  GtkLabel             *status_label;
  GtkRevealer          *panel_revealer;
  GtkStack             *panel_stack;
  GtkLabel             *commune_title;
  GtkLabel             *commune_subtitle;
  GtkListBox           *figures_list;
  GtkButton            *households_button;
  GtkLabel             *villages_title;
  GtkListBox           *villages_list;
  GtkLabel             *warning_title;
  GtkLabel             *warning_summary;
  GtkListBox           *affected_list;
  GtkListBox           *warnings_list;
};

typedef struct
{
  char   *name;
  char   *detail;
  char   *key;          /* folded name */
  double  lat, lon;
  double  zoom;
  int     commune;      /* index in the region set, or -1 */
} BansoMapPlace;

void        _banso_map_place_free          (gpointer      data);

/* banso-map-page.c */
void        _banso_map_page_set_status     (BansoMapPage *self,
                                            const char   *status);
void        _banso_map_page_select_commune (BansoMapPage *self,
                                            int           index);
BansoIndicator _banso_map_page_get_indicator (BansoMapPage *self);

/* banso-map-page-layers.c */
void        _banso_map_page_init_layers    (GtkWidgetClass *widget_class);
void        _banso_map_page_load_base      (BansoMapPage *self);
void        _banso_map_page_layers_dispose (BansoMapPage *self);

/* banso-map-page-stats.c */
void        _banso_map_page_refresh_stats  (BansoMapPage *self);
void        _banso_map_page_apply_colors   (BansoMapPage *self);
void        _banso_map_page_show_commune   (BansoMapPage *self,
                                            int           index);

/* banso-map-page-search.c */
void        _banso_map_page_init_search    (GtkWidgetClass *widget_class);
void        _banso_map_page_build_places   (BansoMapPage *self);
void        _banso_map_page_export_png     (BansoMapPage *self);

/* banso-map-page-warnings.c */
void        _banso_map_page_init_warnings  (GtkWidgetClass *widget_class);
void        _banso_map_page_refresh_warnings (BansoMapPage *self);

G_END_DECLS
