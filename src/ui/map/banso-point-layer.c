/* banso-point-layer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Points over the map (villages), drawn in one pass; points closer than a
 * cluster's size on screen are drawn as one circle with their number, so a
 * commune of sixty villages stays readable at any zoom.
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <math.h>

#include "banso-point-layer.h"
#include "banso-region-layer.h"

#define CELL 36.0

struct _BansoPointLayer
{
  ShumateLayer  parent_instance;

  GArray       *points;   /* BansoMapPoint */
};

G_DEFINE_FINAL_TYPE (BansoPointLayer, banso_point_layer, SHUMATE_TYPE_LAYER)

typedef struct
{
  double x, y;     /* sum of the positions, then their mean */
  guint  n;
} Cluster;

/**
 * banso_point_layer_draw:
 *
 * Returns: the number of marks drawn (points and clusters)
 */
guint
banso_point_layer_draw (BansoPointLayer *self,
                        cairo_t         *cr,
                        int              width,
                        int              height)
{
  BansoGeoViewport viewport;
  g_autoptr(GHashTable) cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  banso_map_viewport_to_geo (shumate_layer_get_viewport (SHUMATE_LAYER (self)), width, height,
                             &viewport);
  for (guint i = 0; i < self->points->len; i++)
    {
      const BansoMapPoint *p = &g_array_index (self->points, BansoMapPoint, i);
      double x, y;
      gint64 key;
      Cluster *c;

      banso_geo_viewport_to_pixel (&viewport, p->lat, p->lon, &x, &y);
      if (x < -CELL || y < -CELL || x > width + CELL || y > height + CELL)
        continue;
      key = ((gint64)floor (x / CELL) << 32) ^ (gint64)(guint32)(int)floor (y / CELL);
      c = g_hash_table_lookup (cells, &key);
      if (c == NULL)
        {
          c = g_new0 (Cluster, 1);
          g_hash_table_insert (cells, g_memdup2 (&key, sizeof key), c);
        }
      c->x += x;
      c->y += y;
      c->n++;
    }

  cairo_save (cr);
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 11);
  g_hash_table_iter_init (&iter, cells);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Cluster *c = value;
      double x = c->x / c->n, y = c->y / c->n;
      double r = c->n == 1 ? 5 : 9 + MIN (8, log2 (c->n) * 2);

      cairo_new_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, 0.1, 0.35, 0.7, 0.9);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      if (c->n > 1)
        {
          g_autofree char *text = g_strdup_printf ("%u", c->n);
          cairo_text_extents_t ext;

          cairo_text_extents (cr, text, &ext);
          cairo_move_to (cr, x - ext.width / 2 - ext.x_bearing, y - ext.height / 2 - ext.y_bearing);
          cairo_show_text (cr, text);
        }
      n++;
    }
  cairo_restore (cr);
  return n;
}

static void
banso_point_layer_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  BansoPointLayer *self = BANSO_POINT_LAYER (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->points->len == 0 || width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  banso_point_layer_draw (self, cr, width, height);
  cairo_destroy (cr);
}

static void
banso_point_layer_constructed (GObject *object)
{
  G_OBJECT_CLASS (banso_point_layer_parent_class)->constructed (object);

  g_signal_connect_object (shumate_layer_get_viewport (SHUMATE_LAYER (object)), "notify",
                           G_CALLBACK (gtk_widget_queue_draw), object, G_CONNECT_SWAPPED);
}

static void
banso_point_layer_finalize (GObject *object)
{
  BansoPointLayer *self = BANSO_POINT_LAYER (object);

  g_array_unref (self->points);

  G_OBJECT_CLASS (banso_point_layer_parent_class)->finalize (object);
}

static void
banso_point_layer_class_init (BansoPointLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = banso_point_layer_constructed;
  object_class->finalize = banso_point_layer_finalize;
  GTK_WIDGET_CLASS (klass)->snapshot = banso_point_layer_snapshot;
}

static void
banso_point_layer_init (BansoPointLayer *self)
{
  self->points = g_array_new (FALSE, FALSE, sizeof (BansoMapPoint));
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

BansoPointLayer *
banso_point_layer_new (ShumateViewport *viewport)
{
  return g_object_new (BANSO_TYPE_POINT_LAYER, "viewport", viewport, NULL);
}

void
banso_point_layer_set_points (BansoPointLayer     *self,
                              const BansoMapPoint *points,
                              guint                n_points)
{
  g_return_if_fail (BANSO_IS_POINT_LAYER (self));

  g_array_set_size (self->points, 0);
  if (n_points > 0)
    g_array_append_vals (self->points, points, n_points);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
