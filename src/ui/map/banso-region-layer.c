/* banso-region-layer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Provinces, communes or warning areas over the map, all drawn in a single
 * pass by the geo library from rings projected once: culled by their boxes,
 * simplified for the zoom, filled by the even-odd rule. One widget for every
 * region, instead of one ShumatePathLayer per polygon, which does not scale
 * (see bench-map-frame). The page chooses the colours; the layer draws them,
 * the region under the pointer and the one selected. What does not change as
 * the map is dragged is kept in a texture a little larger than the view.
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <math.h>

#include "banso-region-layer.h"

struct _BansoRegionLayer
{
  ShumateLayer     parent_instance;

  BansoRegionSet  *regions;
  GArray          *fills;      /* BansoGeoColor, one per region */
  BansoGeoColor    outline;
  double           outline_width;
  gboolean         labels;
  int              hovered;
  int              selected;

  /* What the regions look like around the view, drawn once and moved as the
   * map is dragged: a pan costs a texture, not a redraw of every ring. */
  guint            serial;
  guint            cache_serial;
  cairo_surface_t *cache;
  BansoGeoViewport cache_viewport;
  int              cache_for_width;
  int              cache_for_height;
};

/* How far, in pixels, the view may move before the cache is drawn again. */
#define CACHE_MARGIN 256

G_DEFINE_FINAL_TYPE (BansoRegionLayer, banso_region_layer, SHUMATE_TYPE_LAYER)

enum {
  PROP_0,
  PROP_HOVERED,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The layer's viewport as the geo library describes one: its zoom counted
 * in tiles of 256 pixels, whatever the size of the base map's tiles. */
void
banso_map_viewport_to_geo (ShumateViewport  *vp,
                           int               width,
                           int               height,
                           BansoGeoViewport *viewport)
{
  ShumateMapSource *reference = shumate_viewport_get_reference_map_source (vp);
  double zoom = shumate_viewport_get_zoom_level (vp);

  /* Without a reference map source libshumate cannot convert coordinates at
   * all; the geo library can, for tiles of 256 pixels. */
  if (reference != NULL && shumate_map_source_get_tile_size (reference) > 0)
    zoom += log2 (shumate_map_source_get_tile_size (reference) / 256.0);
  banso_geo_viewport_init (viewport,
                           shumate_location_get_latitude (SHUMATE_LOCATION (vp)),
                           shumate_location_get_longitude (SHUMATE_LOCATION (vp)),
                           zoom, width, height);
}

void
banso_region_layer_get_geo_viewport (BansoRegionLayer *self,
                                     BansoGeoViewport *viewport)
{
  g_return_if_fail (BANSO_IS_REGION_LAYER (self));

  banso_map_viewport_to_geo (shumate_layer_get_viewport (SHUMATE_LAYER (self)),
                             gtk_widget_get_width (GTK_WIDGET (self)),
                             gtk_widget_get_height (GTK_WIDGET (self)), viewport);
}

static gboolean
style_region (const BansoRegion *region,
              guint              index,
              BansoGeoColor     *fill,
              BansoGeoColor     *stroke,
              double            *line_width,
              gpointer           user_data)
{
  BansoRegionLayer *self = user_data;

  if (self->fills != NULL && index < self->fills->len)
    *fill = g_array_index (self->fills, BansoGeoColor, index);
  else
    fill->alpha = 0;
  *stroke = self->outline;
  *line_width = self->outline_width;
  return TRUE;
}

static void draw_highlights (BansoRegionLayer       *self,
                             cairo_t                *cr,
                             const BansoGeoViewport *viewport);

static void
outline_region (BansoRegionLayer       *self,
                cairo_t                *cr,
                const BansoGeoViewport *viewport,
                int                     index,
                double                  width,
                double                  alpha)
{
  if (index < 0 || (guint)index >= banso_region_set_get_n_regions (self->regions))
    return;
  cairo_new_path (cr);
  banso_region_set_draw_region (self->regions, cr, viewport, index);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_source_rgba (cr, 1, 1, 1, alpha * 0.25);
  cairo_fill_preserve (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, width + 2);
  cairo_set_source_rgba (cr, 1, 1, 1, alpha);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, width);
  cairo_set_source_rgba (cr, 0.1, 0.1, 0.1, alpha);
  cairo_stroke (cr);
}

/**
 * banso_region_layer_draw:
 * @cr: in pixels of @viewport
 *
 * Draws what the layer shows on @cr: for the layer's snapshot, an export of
 * the view and the benchmark alike.
 */
void
banso_region_layer_draw (BansoRegionLayer       *self,
                         cairo_t                *cr,
                         const BansoGeoViewport *viewport)
{
  static const BansoGeoColor label_color = { 0.1, 0.1, 0.1, 1.0 };

  g_return_if_fail (BANSO_IS_REGION_LAYER (self));

  if (self->regions == NULL)
    return;
  banso_region_set_draw (self->regions, cr, viewport, style_region, self);
  draw_highlights (self, cr, viewport);
  if (self->labels && viewport->zoom >= 8.5)
    banso_region_set_draw_labels (self->regions, cr, viewport, viewport->zoom >= 11 ? 13 : 11,
                                  &label_color);
}

static void
draw_highlights (BansoRegionLayer       *self,
                 cairo_t                *cr,
                 const BansoGeoViewport *viewport)
{
  if (self->hovered != self->selected)
    outline_region (self, cr, viewport, self->hovered, 2, 0.7);
  outline_region (self, cr, viewport, self->selected, 3, 1.0);
}

static void
render_cache (BansoRegionLayer       *self,
              const BansoGeoViewport *view)
{
  static const BansoGeoColor label_color = { 0.1, 0.1, 0.1, 1.0 };
  BansoGeoViewport big = *view;
  cairo_surface_t *surface;
  cairo_t *cr;

  big.width = view->width + 2 * CACHE_MARGIN;
  big.height = view->height + 2 * CACHE_MARGIN;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, big.width, big.height);
  cr = cairo_create (surface);
  banso_region_set_draw (self->regions, cr, &big, style_region, self);
  if (self->labels && big.zoom >= 8.5)
    banso_region_set_draw_labels (self->regions, cr, &big, big.zoom >= 11 ? 13 : 11,
                                  &label_color);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  g_clear_pointer (&self->cache, cairo_surface_destroy);
  self->cache = surface;
  self->cache_viewport = big;
  self->cache_serial = self->serial;
  self->cache_for_width = view->width;
  self->cache_for_height = view->height;
}

/* Where the view's top left corner is in the cache, if the cache covers it. */
static gboolean
cache_offset (BansoRegionLayer       *self,
              const BansoGeoViewport *view,
              double                 *ox,
              double                 *oy)
{
  const BansoGeoViewport *c = &self->cache_viewport;
  double scale;

  if (self->cache == NULL || self->cache_serial != self->serial || c->zoom != view->zoom ||
      self->cache_for_width != view->width || self->cache_for_height != view->height)
    return FALSE;
  scale = 256.0 * exp2 (view->zoom);
  *ox = (view->x - c->x) * scale + CACHE_MARGIN;
  *oy = (view->y - c->y) * scale + CACHE_MARGIN;
  return *ox >= 0 && *oy >= 0 && *ox <= 2 * CACHE_MARGIN && *oy <= 2 * CACHE_MARGIN;
}

static void
banso_region_layer_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  BansoRegionLayer *self = BANSO_REGION_LAYER (widget);
  ShumateViewport *vp = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double rotation = shumate_viewport_get_rotation (vp);
  BansoGeoViewport viewport;
  cairo_t *cr;

  if (self->regions == NULL || width <= 0 || height <= 0)
    return;

  banso_region_layer_get_geo_viewport (self, &viewport);
  if (rotation == 0)
    {
      double ox, oy;

      if (!cache_offset (self, &viewport, &ox, &oy))
        {
          render_cache (self, &viewport);
          cache_offset (self, &viewport, &ox, &oy);
        }
      /* A cairo node rather than a texture: GTK 4.8's cairo renderer
       * converts a texture on every frame, but paints an image surface
       * straight from the recording. */
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      cairo_set_source_surface (cr, self->cache, -round (ox), -round (oy));
      cairo_paint (cr);
      draw_highlights (self, cr, &viewport);
      cairo_destroy (cr);
      return;
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (rotation != 0)
    {
      /* A turned map: draw the square that covers the widget once turned. */
      int side = (int)ceil (hypot (width, height));

      cairo_translate (cr, width / 2.0, height / 2.0);
      cairo_rotate (cr, rotation);
      cairo_translate (cr, -side / 2.0, -side / 2.0);
      viewport.width = viewport.height = side;
    }
  banso_region_layer_draw (self, cr, &viewport);
  cairo_destroy (cr);
}

/**
 * banso_region_layer_hit_test:
 * @x, @y: a point of the layer, in pixels
 *
 * Returns: the region there, -1 for none
 */
int
banso_region_layer_hit_test (BansoRegionLayer *self,
                             double            x,
                             double            y)
{
  BansoGeoViewport viewport;

  g_return_val_if_fail (BANSO_IS_REGION_LAYER (self), -1);

  if (self->regions == NULL)
    return -1;
  banso_region_layer_get_geo_viewport (self, &viewport);
  return banso_region_set_hit_test_pixel (self->regions, &viewport, x, y);
}

static void
on_viewport_changed (BansoRegionLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
banso_region_layer_constructed (GObject *object)
{
  BansoRegionLayer *self = BANSO_REGION_LAYER (object);
  ShumateViewport *vp;

  G_OBJECT_CLASS (banso_region_layer_parent_class)->constructed (object);

  vp = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  g_signal_connect_object (vp, "notify", G_CALLBACK (on_viewport_changed), self,
                           G_CONNECT_SWAPPED);
}

static void
banso_region_layer_finalize (GObject *object)
{
  BansoRegionLayer *self = BANSO_REGION_LAYER (object);

  g_clear_object (&self->regions);
  g_clear_pointer (&self->fills, g_array_unref);
  g_clear_pointer (&self->cache, cairo_surface_destroy);

  G_OBJECT_CLASS (banso_region_layer_parent_class)->finalize (object);
}

static void
banso_region_layer_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BansoRegionLayer *self = BANSO_REGION_LAYER (object);

  switch (prop_id)
    {
    case PROP_HOVERED:
      g_value_set_int (value, self->hovered);
      break;

    case PROP_SELECTED:
      g_value_set_int (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
banso_region_layer_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BansoRegionLayer *self = BANSO_REGION_LAYER (object);

  switch (prop_id)
    {
    case PROP_HOVERED:
      banso_region_layer_set_hovered (self, g_value_get_int (value));
      break;

    case PROP_SELECTED:
      banso_region_layer_set_selected (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
banso_region_layer_class_init (BansoRegionLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = banso_region_layer_constructed;
  object_class->finalize = banso_region_layer_finalize;
  object_class->get_property = banso_region_layer_get_property;
  object_class->set_property = banso_region_layer_set_property;
  widget_class->snapshot = banso_region_layer_snapshot;

  properties[PROP_HOVERED] =
    g_param_spec_int ("hovered", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED] =
    g_param_spec_int ("selected", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
banso_region_layer_init (BansoRegionLayer *self)
{
  self->hovered = -1;
  self->selected = -1;
  self->outline = (BansoGeoColor) { 0.25, 0.25, 0.3, 0.9 };
  self->outline_width = 1.0;
  /* The page handles the pointer for every layer: this one only draws. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

BansoRegionLayer *
banso_region_layer_new (ShumateViewport *viewport)
{
  return g_object_new (BANSO_TYPE_REGION_LAYER, "viewport", viewport, NULL);
}

void
banso_region_layer_set_regions (BansoRegionLayer *self,
                                BansoRegionSet   *regions)
{
  g_return_if_fail (BANSO_IS_REGION_LAYER (self));

  if (!g_set_object (&self->regions, regions))
    return;
  self->serial++;
  g_clear_pointer (&self->fills, g_array_unref);
  banso_region_layer_set_hovered (self, -1);
  banso_region_layer_set_selected (self, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

BansoRegionSet *
banso_region_layer_get_regions (BansoRegionLayer *self)
{
  g_return_val_if_fail (BANSO_IS_REGION_LAYER (self), NULL);
  return self->regions;
}

/* The fill of each region, in the order of the region set. */
void
banso_region_layer_set_fills (BansoRegionLayer    *self,
                              const BansoGeoColor *fills,
                              guint                n_fills)
{
  g_return_if_fail (BANSO_IS_REGION_LAYER (self));

  self->serial++;
  g_clear_pointer (&self->fills, g_array_unref);
  if (fills != NULL && n_fills > 0)
    {
      self->fills = g_array_sized_new (FALSE, FALSE, sizeof (BansoGeoColor), n_fills);
      g_array_append_vals (self->fills, fills, n_fills);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
banso_region_layer_set_outline (BansoRegionLayer    *self,
                                const BansoGeoColor *color,
                                double               width)
{
  g_return_if_fail (BANSO_IS_REGION_LAYER (self));

  self->serial++;
  self->outline = *color;
  self->outline_width = width;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
banso_region_layer_set_labels (BansoRegionLayer *self,
                               gboolean          labels)
{
  g_return_if_fail (BANSO_IS_REGION_LAYER (self));

  self->serial++;
  self->labels = !!labels;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
banso_region_layer_get_hovered (BansoRegionLayer *self)
{
  g_return_val_if_fail (BANSO_IS_REGION_LAYER (self), -1);
  return self->hovered;
}

void
banso_region_layer_set_hovered (BansoRegionLayer *self,
                                int               index)
{
  g_return_if_fail (BANSO_IS_REGION_LAYER (self));

  if (self->hovered == index)
    return;
  self->hovered = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVERED]);
}

int
banso_region_layer_get_selected (BansoRegionLayer *self)
{
  g_return_val_if_fail (BANSO_IS_REGION_LAYER (self), -1);
  return self->selected;
}

void
banso_region_layer_set_selected (BansoRegionLayer *self,
                                 int               index)
{
  g_return_if_fail (BANSO_IS_REGION_LAYER (self));

  if (self->selected == index)
    return;
  self->selected = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}
