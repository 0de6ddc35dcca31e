/* banso-map-legend.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The legend of the choropleth: what the colours show, and the class each
 * colour stands for ("12 – 25 %"). Plain labels, so that a screen reader
 * reads the legend as it reads the rest of the page; the same text is drawn
 * with cairo into an exported image.
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-map-legend.h"

struct _BansoMapLegend
{
  GtkWidget      parent_instance;

  GtkWidget     *box;
  char          *title;
  char          *note;
  GArray        *colors;   /* BansoGeoColor */
  GPtrArray     *labels;
};

G_DEFINE_FINAL_TYPE (BansoMapLegend, banso_map_legend, GTK_TYPE_WIDGET)

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  const BansoGeoColor *color = user_data;

  cairo_rectangle (cr, 0.5, 0.5, width - 1, height - 1);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, 1.0);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.4);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
clear_box (BansoMapLegend *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);
}

void
banso_map_legend_clear (BansoMapLegend *self)
{
  g_return_if_fail (BANSO_IS_MAP_LEGEND (self));

  clear_box (self);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->note, g_free);
  g_array_set_size (self->colors, 0);
  g_ptr_array_set_size (self->labels, 0);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/**
 * banso_map_legend_set:
 * @title: what the colours show
 * @note: (nullable): a line under the classes (where the figures come from)
 * @colors: (array length=n_classes): the colour of each class
 * @labels: (array length=n_classes): what each class is
 */
void
banso_map_legend_set (BansoMapLegend      *self,
                      const char          *title,
                      const char          *note,
                      guint                n_classes,
                      const BansoGeoColor *colors,
                      const char * const  *labels)
{
  GtkWidget *heading;

  g_return_if_fail (BANSO_IS_MAP_LEGEND (self));

  banso_map_legend_clear (self);
  self->title = g_strdup (title);
  self->note = g_strdup (note);
  g_array_append_vals (self->colors, colors, n_classes);
  for (guint i = 0; i < n_classes; i++)
    g_ptr_array_add (self->labels, g_strdup (labels[i]));

  heading = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (heading), 28);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (self->box), heading);

  for (guint i = 0; i < n_classes; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *swatch = gtk_drawing_area_new ();
      GtkWidget *label = gtk_label_new (labels[i]);

      gtk_widget_set_size_request (swatch, 18, 14);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch,
                                      &g_array_index (self->colors, BansoGeoColor, i), NULL);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (row), swatch);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (self->box), row);
    }
  if (note != NULL && *note)
    {
      GtkWidget *label = gtk_label_new (note);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (self->box), label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

/**
 * banso_map_legend_draw:
 * @x, @y_bottom: where its bottom left corner goes
 *
 * Draws the legend as it shows, for an exported image.
 *
 * Returns: %FALSE when there is no legend to draw
 */
gboolean
banso_map_legend_draw (BansoMapLegend *self,
                       cairo_t        *cr,
                       double          x,
                       double          y_bottom)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *font;
  const int max_width = 300, swatch = 26, pad = 8, gap = 4;
  double width = 0, height = 0, ty;
  guint n;

  g_return_val_if_fail (BANSO_IS_MAP_LEGEND (self), FALSE);

  if (self->title == NULL)
    return FALSE;
  n = self->labels->len;
  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string ("Sans 10");
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  /* Lines wrap at a width of their own: the box fits the text measured. */
  for (int pass = 0; pass < 2; pass++)
    {
      ty = y_bottom - height - pad;
      if (pass == 1)
        {
          cairo_save (cr);
          cairo_rectangle (cr, x, y_bottom - height - 2 * pad, width + 2 * pad, height + 2 * pad);
          cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
          cairo_fill_preserve (cr);
          cairo_set_source_rgba (cr, 0, 0, 0, 0.3);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
        }
      for (guint i = 0; i <= n + 1; i++)
        {
          const char *text = i == 0 ? self->title
                             : i <= n ? g_ptr_array_index (self->labels, i - 1) : self->note;
          gboolean is_class = i >= 1 && i <= n;
          int w, h;

          if (text == NULL)
            continue;
          pango_layout_set_width (layout, (max_width - (is_class ? swatch : 0)) * PANGO_SCALE);
          pango_layout_set_text (layout, text, -1);
          pango_layout_get_pixel_size (layout, &w, &h);
          if (pass == 0)
            {
              width = MAX (width, w + (is_class ? swatch : 0));
              height += h + gap;
              continue;
            }
          if (is_class)
            {
              const BansoGeoColor *c = &g_array_index (self->colors, BansoGeoColor, i - 1);

              cairo_rectangle (cr, x + pad, ty + 2, 18, 12);
              cairo_set_source_rgb (cr, c->red, c->green, c->blue);
              cairo_fill_preserve (cr);
              cairo_set_source_rgba (cr, 0, 0, 0, 0.4);
              cairo_stroke (cr);
            }
          cairo_move_to (cr, x + pad + (is_class ? swatch : 0), ty);
          cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
          pango_cairo_show_layout (cr, layout);
          ty += h + gap;
        }
    }
  cairo_restore (cr);
  return TRUE;
}

static void
banso_map_legend_dispose (GObject *object)
{
  BansoMapLegend *self = BANSO_MAP_LEGEND (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (banso_map_legend_parent_class)->dispose (object);
}

static void
banso_map_legend_finalize (GObject *object)
{
  BansoMapLegend *self = BANSO_MAP_LEGEND (object);

  g_free (self->title);
  g_free (self->note);
  g_array_unref (self->colors);
  g_ptr_array_unref (self->labels);

  G_OBJECT_CLASS (banso_map_legend_parent_class)->finalize (object);
}

static void
banso_map_legend_class_init (BansoMapLegendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = banso_map_legend_dispose;
  object_class->finalize = banso_map_legend_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "banso-map-legend");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
banso_map_legend_init (BansoMapLegend *self)
{
  self->colors = g_array_new (FALSE, FALSE, sizeof (BansoGeoColor));
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (self->box, "card");
  gtk_widget_add_css_class (self->box, "banso-map-legend");
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Legend"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
