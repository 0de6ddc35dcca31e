/* banso-map-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Map section: the communes of the province over an offline base map,
 * coloured by a figure of the records, with a side panel for the commune
 * selected and for disaster warnings. This file holds the page itself, the
 * layers' order, the pointer and the keyboard; the base maps are in
 * banso-map-page-layers.c, the figures in banso-map-page-stats.c, the place
 * search and the export in banso-map-page-search.c, the warnings in
 * banso-map-page-warnings.c. Everything slow runs in worker threads.
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "banso-geo-villages.h"
#include "banso-map-page-private.h"
#include "banso-records-page.h"
#include "banso-records-tasks.h"
#include "banso-store-async.h"
#include "banso-ui-utils.h"
#include "banso-window.h"

static void banso_map_page_section_init (BansoSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BansoMapPage, banso_map_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BANSO_TYPE_SECTION,
                                                      banso_map_page_section_init))

/* All are BansoSection's. */
enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_ICON_NAME,
  PROP_BADGE,
  PROP_BADGE_DESCRIPTION,
  PROP_SEARCHABLE,
  PROP_SEARCH_MODE,
  PROP_COMMANDS,
};

/* Sơn La, where the demo district is, framed on first opening. */
#define HOME_LAT 21.2
#define HOME_LON 104.0
#define HOME_ZOOM 8.5

void
_banso_map_place_free (gpointer data)
{
  BansoMapPlace *place = data;

  if (place == NULL)
    return;
  g_free (place->name);
  g_free (place->detail);
  g_free (place->key);
  g_free (place);
}

void
_banso_map_page_set_status (BansoMapPage *self,
                            const char   *status)
{
  gtk_label_set_text (self->status_label, status ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != NULL && *status);
}

/* Selection {{{ */

void
_banso_map_page_select_commune (BansoMapPage *self,
                                int           index)
{
  banso_region_layer_set_selected (self->commune_layer, index);
  if (index < 0)
    {
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->panel_stack), "commune") == 0)
        gtk_revealer_set_reveal_child (self->panel_revealer, FALSE);
      return;
    }
  _banso_map_page_show_commune (self, index);
  gtk_stack_set_visible_child_name (self->panel_stack, "commune");
  gtk_revealer_set_reveal_child (self->panel_revealer, TRUE);
}

static void
close_panel_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BansoMapPage *self = BANSO_MAP_PAGE (widget);

  gtk_revealer_set_reveal_child (self->panel_revealer, FALSE);
  banso_region_layer_set_selected (self->commune_layer, -1);
}

/* Shows the Households section, filtered to the commune selected. */
static void
show_households_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BansoMapPage *self = BANSO_MAP_PAGE (widget);
  int index = banso_region_layer_get_selected (self->commune_layer);
  const BansoRegion *region;
  GtkRoot *root;

  if (index < 0 || self->communes == NULL)
    return;
  region = banso_region_set_get_region (self->communes, index);
  root = gtk_widget_get_root (widget);
  if (BANSO_IS_WINDOW (root))
    {
      BansoSection *households = banso_window_get_section (BANSO_WINDOW (root), "households");

      if (BANSO_IS_RECORDS_PAGE (households))
        banso_records_page_set_commune_filter (BANSO_RECORDS_PAGE (households), region->code);
    }
  gtk_widget_activate_action (widget, "win.show-section", "s", "households");
}

/* }}} */

/* Pointer and keyboard {{{ */

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           BansoMapPage             *self)
{
  BansoGeoViewport viewport;
  g_autofree char *coords = NULL;
  double lat, lon;
  int hit;

  banso_region_layer_get_geo_viewport (self->commune_layer, &viewport);
  banso_geo_viewport_from_pixel (&viewport, x, y, &lat, &lon);
  /* Translators: the pointer's latitude and longitude on the map. */
  coords = g_strdup_printf (_("%.5f° %s, %.5f° %s"), fabs (lat), lat >= 0 ? _("N") : _("S"),
                            fabs (lon), lon >= 0 ? _("E") : _("W"));
  gtk_label_set_text (self->coords_label, coords);

  hit = self->communes != NULL ? banso_region_set_hit_test (self->communes, lat, lon) : -1;
  banso_region_layer_set_hovered (self->commune_layer, hit);
  if (hit >= 0 && self->communes != NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->map),
                                 banso_region_set_get_region (self->communes, hit)->name);
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->map), NULL);
}

static void
on_leave (GtkEventControllerMotion *motion,
          BansoMapPage             *self)
{
  banso_region_layer_set_hovered (self->commune_layer, -1);
}

static void
on_click_released (GtkGestureClick *click,
                   int              n_press,
                   double           x,
                   double           y,
                   BansoMapPage     *self)
{
  int hit;

  if (n_press != 1 || self->communes == NULL)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self->map));
  hit = banso_region_layer_hit_test (self->commune_layer, x, y);
  _banso_map_page_select_commune (self, hit);
}

static void
pan (BansoMapPage *self,
     double        dx,
     double        dy)
{
  BansoGeoViewport viewport;
  double w = gtk_widget_get_width (GTK_WIDGET (self->map));
  double h = gtk_widget_get_height (GTK_WIDGET (self->map));
  double lat, lon;

  banso_region_layer_get_geo_viewport (self->commune_layer, &viewport);
  banso_geo_viewport_from_pixel (&viewport, w / 2 + dx * w / 4, h / 2 + dy * h / 4, &lat, &lon);
  shumate_map_center_on (self->map, lat, lon);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BansoMapPage          *self)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      pan (self, -1, 0);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      pan (self, 1, 0);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      pan (self, 0, -1);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      pan (self, 0, 1);
      return TRUE;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      shumate_map_zoom_in (self->map);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_underscore:
    case GDK_KEY_KP_Subtract:
      shumate_map_zoom_out (self->map);
      return TRUE;
    case GDK_KEY_Escape:
      if (gtk_revealer_get_reveal_child (self->panel_revealer))
        {
          close_panel_action (GTK_WIDGET (self), NULL, NULL);
          return TRUE;
        }
      return FALSE;
    default:
      return FALSE;
    }
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  shumate_map_zoom_in (BANSO_MAP_PAGE (widget)->map);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  shumate_map_zoom_out (BANSO_MAP_PAGE (widget)->map);
}

/* }}} */

/* Regions {{{ */

static void
communes_loaded (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(BansoMapPage) self = user_data;
  g_autoptr(GError) error = NULL;
  BansoRegionSet *set = banso_region_set_load_finish (result, &error);

  if (set == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _banso_map_page_set_status (self, error->message);
      return;
    }
  self->communes = set;
  banso_region_layer_set_regions (self->commune_layer, set);
  banso_region_layer_set_labels (self->commune_layer, TRUE);
  _banso_map_page_build_places (self);
  _banso_map_page_refresh_stats (self);
}

static void
provinces_loaded (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(BansoMapPage) self = user_data;
  g_autoptr(GError) error = NULL;
  BansoRegionSet *set = banso_region_set_load_finish (result, &error);
  static const BansoGeoColor outline = { 0.35, 0.2, 0.45, 0.8 };

  if (set == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _banso_map_page_set_status (self, error->message);
      return;
    }
  self->provinces = set;
  banso_region_layer_set_regions (self->province_layer, set);
  banso_region_layer_set_outline (self->province_layer, &outline, 1.5);
  _banso_map_page_build_places (self);
}

/* }}} */

/* The section {{{ */

static void
on_store_changed (BansoStore   *store,
                  const char   *type,
                  BansoMapPage *self)
{
  if (g_strcmp0 (type, "household") == 0 || g_strcmp0 (type, "prestige") == 0)
    _banso_map_page_refresh_stats (self);
  else if (g_strcmp0 (type, BANSO_WARNING_TYPE) == 0)
    _banso_map_page_refresh_warnings (self);
}

static void
villages_placed (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(BansoMapPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (banso_store_task_finish (BANSO_STORE (object), result, &error) == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _banso_map_page_set_status (self, error->message);
      return;
    }
  _banso_map_page_build_places (self);
  if (banso_region_layer_get_selected (self->commune_layer) >= 0)
    _banso_map_page_show_commune (self, banso_region_layer_get_selected (self->commune_layer));
}

void
banso_map_page_set_context (BansoMapPage *self,
                            BansoContext *context)
{
  BansoStore *store;

  g_return_if_fail (BANSO_IS_MAP_PAGE (self));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  store = banso_context_get_store (context);
  g_signal_connect_object (store, "changed::household", G_CALLBACK (on_store_changed), self, 0);
  g_signal_connect_object (store, "changed::prestige", G_CALLBACK (on_store_changed), self, 0);
  g_signal_connect_object (store, "changed::" BANSO_WARNING_TYPE, G_CALLBACK (on_store_changed),
                           self, 0);
  banso_dropdown_set_items (self->ethnic_drop, banso_context_get_ethnic_groups (context), NULL);

  banso_region_set_load_async ("resource:///io/github/banso/Banso/geo/vn-provinces.geojson", "code",
                               self->cancellable, provinces_loaded, g_object_ref (self));
  banso_region_set_load_async ("resource:///io/github/banso/Banso/geo/son-la-communes.geojson", "code",
                               self->cancellable, communes_loaded, g_object_ref (self));
  _banso_map_page_load_base (self);
  _banso_map_page_refresh_warnings (self);
  if (banso_context_get_demo (context))
    /* The demo's villages are invented, and so are their places: each gets
     * one inside its commune, once, so that the map has villages to show. */
    banso_geo_place_villages_async (store, banso_context_get_user (context), 1979,
                                    self->cancellable, villages_placed, g_object_ref (self));
}

/* The indicators offered, in the order of the drop-down. */
static const BansoIndicator indicators[] = {
  BANSO_INDICATOR_POOR_OR_NEAR_POOR_SHARE,
  BANSO_INDICATOR_POOR_SHARE,
  BANSO_INDICATOR_NEAR_POOR_SHARE,
  BANSO_INDICATOR_HOUSEHOLDS,
  BANSO_INDICATOR_ETHNIC_SHARE,
  BANSO_INDICATOR_PRESTIGE,
};

BansoIndicator
_banso_map_page_get_indicator (BansoMapPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->indicator_drop);

  return selected < G_N_ELEMENTS (indicators) ? indicators[selected] : indicators[0];
}

static void
on_indicator_changed (BansoMapPage *self)
{
  gboolean ethnic = _banso_map_page_get_indicator (self) == BANSO_INDICATOR_ETHNIC_SHARE;

  gtk_widget_set_visible (GTK_WIDGET (self->ethnic_drop), ethnic);
  _banso_map_page_refresh_stats (self);
}

static void
on_ethnic_changed (BansoMapPage *self)
{
  if (_banso_map_page_get_indicator (self) == BANSO_INDICATOR_ETHNIC_SHARE)
    _banso_map_page_refresh_stats (self);
}

static void
banso_map_page_dispose (GObject *object)
{
  BansoMapPage *self = (BansoMapPage *)object;

  g_cancellable_cancel (self->cancellable);
  _banso_map_page_layers_dispose (self);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), BANSO_TYPE_MAP_PAGE);
  /* The template's outer box has no name to be cleared by. */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->communes);
  g_clear_object (&self->provinces);
  g_clear_pointer (&self->table, banso_indicator_table_free);
  g_clear_pointer (&self->breaks, banso_class_breaks_free);
  g_clear_pointer (&self->warning, banso_warning_report_free);
  g_clear_pointer (&self->warning_id, g_free);
  g_clear_pointer (&self->search_places, g_ptr_array_unref);
  g_clear_pointer (&self->villages, g_ptr_array_unref);

  G_OBJECT_CLASS (banso_map_page_parent_class)->dispose (object);
}

static void
banso_map_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, _("Map"));
      break;

    case PROP_SUMMARY:
    case PROP_BADGE:
    case PROP_BADGE_DESCRIPTION:
      g_value_set_string (value, NULL);
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, "mark-location-symbolic");
      break;

    case PROP_SEARCHABLE:
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, FALSE);
      break;

    case PROP_COMMANDS:
      g_value_set_uint (value, BANSO_SECTION_IMPORT | BANSO_SECTION_EXPORT);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
banso_map_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      /* The page has its own place search in its toolbar. */
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
banso_map_page_section_set_context (BansoSection *section,
                                    BansoContext *context)
{
  banso_map_page_set_context (BANSO_MAP_PAGE (section), context);
}

static void
banso_map_page_section_run_command (BansoSection         *section,
                                    BansoSectionCommands  command)
{
  if (command == BANSO_SECTION_IMPORT)
    gtk_widget_activate_action (GTK_WIDGET (section), "map.import-warning", NULL);
  else if (command == BANSO_SECTION_EXPORT)
    gtk_widget_activate_action (GTK_WIDGET (section), "map.export-png", NULL);
}

static void
banso_map_page_section_init (BansoSectionInterface *iface)
{
  iface->set_context = banso_map_page_section_set_context;
  iface->run_command = banso_map_page_section_run_command;
}

static void
on_map_realized (BansoMapPage *self)
{
  if (self->centred)
    return;
  self->centred = TRUE;
  shumate_map_center_on (self->map, HOME_LAT, HOME_LON);
  shumate_viewport_set_zoom_level (shumate_map_get_viewport (self->map), HOME_ZOOM);
}

static void
banso_map_page_class_init (BansoMapPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = banso_map_page_dispose;
  object_class->get_property = banso_map_page_get_property;
  object_class->set_property = banso_map_page_set_property;

  banso_section_override_properties (object_class, PROP_TITLE);

  g_type_ensure (SHUMATE_TYPE_MAP);
  g_type_ensure (SHUMATE_TYPE_SCALE);
  g_type_ensure (BANSO_TYPE_MAP_LEGEND);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/banso/Banso/ui/banso-map-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BansoMapPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, BansoMapPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BansoMapPage, search_results);
  gtk_widget_class_bind_template_child (widget_class, BansoMapPage, search_list);
  gtk_widget_class_bind_template_child (widget_class, BansoMapPage, indicator_drop);
  gtk_widget_class_bind_template_child (widget_class, BansoMapPage, ethnic_drop);
  gtk_widget_class_bind_template_child (widget_class, BansoMapPage, base_button);
  gtk_widget_class_bind_template_child (widget_class, BansoMapPage, base_popover);
  gtk_widget_class_bind_template_child (widget_class, BansoMapPage, base_list);
  gtk_widget_class_bind_template_child (widget_class, BansoMapPage, overlay);
  gtk_widget_class_bind_template_child (widget_class, BansoMapPage, map);
  gtk_widget_class_bind_template_child (widget_class, BansoMapPage, legend);
  gtk_widget_class_bind_template_child (widget_class, BansoMapPage, coords_label);
  gtk_widget_class_bind_template_child (widget_class, BansoMapPage, scale);
  gtk_widget_class_bind_template_child (widget_class, BansoMapPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, BansoMapPage, panel_revealer);
  gtk_widget_class_bind_template_child (widget_class, BansoMapPage, panel_stack);
  gtk_widget_class_bind_template_child (widget_class, BansoMapPage, commune_title);
  gtk_widget_class_bind_template_child (widget_class, BansoMapPage, commune_subtitle);
  gtk_widget_class_bind_template_child (widget_class, BansoMapPage, figures_list);
  gtk_widget_class_bind_template_child (widget_class, BansoMapPage, households_button);
  gtk_widget_class_bind_template_child (widget_class, BansoMapPage, villages_title);
  gtk_widget_class_bind_template_child (widget_class, BansoMapPage, villages_list);
  gtk_widget_class_bind_template_child (widget_class, BansoMapPage, warning_title);
  gtk_widget_class_bind_template_child (widget_class, BansoMapPage, warning_summary);
  gtk_widget_class_bind_template_child (widget_class, BansoMapPage, affected_list);
  gtk_widget_class_bind_template_child (widget_class, BansoMapPage, warnings_list);

  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "map.close-panel", NULL, close_panel_action);
  gtk_widget_class_install_action (widget_class, "map.show-households", NULL,
                                   show_households_action);
  _banso_map_page_init_layers (widget_class);
  _banso_map_page_init_search (widget_class);
  _banso_map_page_init_warnings (widget_class);
}

static void
banso_map_page_init (BansoMapPage *self)
{
  ShumateViewport *viewport;
  GtkEventController *motion, *key;
  GtkGesture *click;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  viewport = shumate_map_get_viewport (self->map);
  shumate_viewport_set_min_zoom_level (viewport, 4);
  shumate_viewport_set_max_zoom_level (viewport, 16);
  shumate_scale_set_viewport (self->scale, viewport);
  shumate_scale_set_unit (self->scale, SHUMATE_UNIT_METRIC);

  /* Bottom to top: provinces, communes, the warning area, villages. */
  self->province_layer = banso_region_layer_new (viewport);
  self->commune_layer = banso_region_layer_new (viewport);
  self->warning_layer = banso_region_layer_new (viewport);
  self->village_layer = banso_point_layer_new (viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->province_layer));
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->commune_layer));
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->warning_layer));
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->village_layer));
  gtk_widget_set_visible (GTK_WIDGET (self->warning_layer), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (indicators); i++)
    gtk_string_list_append (labels, banso_indicator_get_label (indicators[i]));
  gtk_drop_down_set_model (self->indicator_drop, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->indicator_drop, 0);
  g_signal_connect_object (self->indicator_drop, "notify::selected",
                           G_CALLBACK (on_indicator_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ethnic_drop, "notify::selected",
                           G_CALLBACK (on_ethnic_changed), self, G_CONNECT_SWAPPED);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion), self, 0);
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_leave), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->map), motion);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (on_click_released), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (click));

  key = gtk_event_controller_key_new ();
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (on_key_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->map), key);

  g_signal_connect_object (self->map, "realize", G_CALLBACK (on_map_realized), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.show-households", FALSE);
}

/* }}} */
