/* banso-map-page-stats.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures of the communes: the choropleth's colours and legend, and the
 * side panel of the commune selected with its villages. The geo library
 * computes them in a worker thread (banso-geo-indicators); they are read
 * again whenever households or prestigious persons change.
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-geo-villages.h"
#include "banso-map-page-private.h"
#include "banso-store-async.h"
#include "banso-ui-utils.h"

/* Light to dark: more of the figure, darker (a sequential scheme that
 * stays readable in grey when printed). */
static const BansoGeoColor palette[BANSO_MAP_N_CLASSES] = {
  { 1.000, 0.929, 0.627, 0.80 },
  { 0.996, 0.698, 0.298, 0.80 },
  { 0.992, 0.553, 0.235, 0.80 },
  { 0.890, 0.102, 0.110, 0.80 },
  { 0.502, 0.000, 0.149, 0.80 },
};
static const BansoGeoColor no_data = { 0.75, 0.75, 0.75, 0.45 };

/* The colours {{{ */

void
_banso_map_page_apply_colors (BansoMapPage *self)
{
  g_autofree BansoGeoColor *fills = NULL;
  guint n;

  if (self->communes == NULL || self->table == NULL)
    return;
  n = banso_region_set_get_n_regions (self->communes);
  fills = g_new (BansoGeoColor, n);
  for (guint i = 0; i < n; i++)
    {
      const BansoRegion *region = banso_region_set_get_region (self->communes, i);
      double value;
      int k;

      fills[i] = no_data;
      if (self->breaks != NULL && self->breaks->n_classes > 0 &&
          banso_indicator_table_get_value (self->table, region->code, &value) &&
          (k = banso_class_breaks_find (self->breaks, value)) >= 0)
        fills[i] = palette[MIN ((guint)k, BANSO_MAP_N_CLASSES - 1) +
                           (BANSO_MAP_N_CLASSES - MIN (self->breaks->n_classes, BANSO_MAP_N_CLASSES))];
    }
  banso_region_layer_set_fills (self->commune_layer, fills, n);

  if (self->breaks != NULL && self->breaks->n_classes > 0)
    {
      guint k = MIN (self->breaks->n_classes, BANSO_MAP_N_CLASSES);

      banso_map_legend_set (self->legend, self->breaks->title,
                            _("Grey: no records in the commune, or outside your communes."),
                            k, palette + (BANSO_MAP_N_CLASSES - k),
                            (const char * const *)self->breaks->labels);
    }
  else
    banso_map_legend_set (self->legend, banso_indicator_get_label (self->table->indicator),
                          _("No records yet: add or import households to colour the map."),
                          0, NULL, NULL);
}

/* }}} */

/* Reading the figures {{{ */

static void
stats_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BansoMapPage) self = user_data;
  g_autoptr(GError) error = NULL;
  BansoIndicatorTable *table;

  table = banso_indicator_table_compute_finish (BANSO_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->stats_reading = FALSE;
  if (table == NULL)
    _banso_map_page_set_status (self, error->message);
  else
    {
      g_clear_pointer (&self->table, banso_indicator_table_free);
      g_clear_pointer (&self->breaks, banso_class_breaks_free);
      self->table = table;
      self->breaks = banso_indicator_table_classify (table, BANSO_MAP_N_CLASSES,
                                                     BANSO_BREAKS_QUANTILE);
      _banso_map_page_apply_colors (self);
      if (banso_region_layer_get_selected (self->commune_layer) >= 0)
        _banso_map_page_show_commune (self, banso_region_layer_get_selected (self->commune_layer));
    }
  if (self->stats_again)
    {
      self->stats_again = FALSE;
      _banso_map_page_refresh_stats (self);
    }
}

void
_banso_map_page_refresh_stats (BansoMapPage *self)
{
  BansoIndicator indicator;

  if (self->context == NULL || self->communes == NULL)
    return;
  if (self->stats_reading)
    {
      self->stats_again = TRUE;
      return;
    }
  self->stats_reading = TRUE;
  indicator = _banso_map_page_get_indicator (self);
  banso_indicator_table_compute_async (banso_context_get_store (self->context),
                                       banso_context_get_user (self->context), indicator,
                                       indicator == BANSO_INDICATOR_ETHNIC_SHARE
                                       ? banso_dropdown_get_code (self->ethnic_drop) : NULL,
                                       self->cancellable, stats_done, g_object_ref (self));
}

/* }}} */

/* The side panel {{{ */

static void
add_figure (BansoMapPage *self,
            const char   *title,
            const char   *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);
  g_autofree char *accessible = g_strdup_printf ("%s: %s", title, value);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gtk_list_box_append (self->figures_list, row);
}

static char *
format_count (guint n)
{
  return banso_format_count (n);
}

static char *
format_share (guint part,
              guint whole)
{
  if (whole == 0)
    return g_strdup ("—");
  /* Translators: a share of households with one decimal: "12.5 %". */
  return g_strdup_printf (_("%.1f %%"), 100.0 * part / whole);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

typedef struct
{
  BansoMapPage *self;
  guint         serial;
} VillagesCall;

static void
villages_done (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autofree VillagesCall *call = user_data;
  g_autoptr(BansoMapPage) self = call->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) villages = banso_store_task_finish (BANSO_STORE (object), result, &error);
  g_autofree BansoMapPoint *points = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* The answer for a commune selected before the one shown. */
  if (call->serial != self->villages_serial)
    return;
  clear_list (self->villages_list);
  if (villages == NULL)
    {
      gtk_label_set_text (self->villages_title, error->message);
      return;
    }

  points = g_new (BansoMapPoint, MAX (villages->len, 1));
  for (guint i = 0; i < villages->len; i++)
    {
      BansoGeoVillage *v = g_ptr_array_index (villages, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u household",
                                                             "%u households", v->households),
                                                v->households);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), v->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), count);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->villages_list, row);
      points[i].lat = v->lat;
      points[i].lon = v->lon;
    }
  banso_point_layer_set_points (self->village_layer, points, villages->len);
  if (villages->len == 0)
    gtk_label_set_text (self->villages_title, _("No villages with a place on the map"));
  else
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u village",
                                                             "%u villages", villages->len),
                                                villages->len);
      gtk_label_set_text (self->villages_title, title);
    }
  g_clear_pointer (&self->villages, g_ptr_array_unref);
  self->villages = g_steal_pointer (&villages);
}

void
_banso_map_page_show_commune (BansoMapPage *self,
                              int           index)
{
  const BansoRegion *region;
  BansoCommuneFigures *f = NULL;
  g_autofree char *households = NULL, *people = NULL, *poor = NULL, *near_poor = NULL;
  g_autofree char *share = NULL, *prestige = NULL, *code = NULL;
  VillagesCall *call;

  if (self->communes == NULL || index < 0)
    return;
  region = banso_region_set_get_region (self->communes, index);
  gtk_label_set_text (self->commune_title, region->name);
  /* Translators: under a commune's name in the map's side panel. */
  code = g_strdup_printf (_("Commune code %s"), region->code);
  gtk_label_set_text (self->commune_subtitle, code);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.show-households", TRUE);

  if (self->table != NULL)
    f = g_hash_table_lookup (self->table->by_commune, region->code);
  households = format_count (f ? f->households : 0);
  people = format_count (f ? f->people : 0);
  poor = format_count (f ? f->poor : 0);
  near_poor = format_count (f ? f->near_poor : 0);
  share = format_share (f ? f->poor + f->near_poor : 0, f ? f->households : 0);
  prestige = format_count (f ? f->prestige : 0);

  clear_list (self->figures_list);
  add_figure (self, _("Households"), households);
  add_figure (self, _("People"), people);
  add_figure (self, _("Poor households"), poor);
  add_figure (self, _("Near-poor households"), near_poor);
  add_figure (self, _("Poor and near-poor share"), share);
  if (self->table != NULL && self->table->indicator == BANSO_INDICATOR_ETHNIC_SHARE && f != NULL)
    {
      g_autofree char *ethnic = format_share (f->ethnic, f->households);
      add_figure (self, banso_indicator_get_label (BANSO_INDICATOR_ETHNIC_SHARE), ethnic);
    }
  add_figure (self, _("Prestigious persons"), prestige);

  if (self->context == NULL)
    return;
  self->villages_serial++;
  gtk_label_set_text (self->villages_title, _("Villages"));
  call = g_new (VillagesCall, 1);
  call->self = g_object_ref (self);
  call->serial = self->villages_serial;
  banso_geo_villages_in_area_async (banso_context_get_store (self->context), region->geometry,
                                    region->code, self->cancellable, villages_done, call);
}

/* }}} */
