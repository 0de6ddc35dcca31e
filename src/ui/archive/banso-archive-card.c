/* banso-archive-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One cell of the archive's grid: the thumbnail, from the cache, the title and a caption.
 * Cells are recycled as the grid scrolls; binding one costs a hash lookup and two labels.
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include "banso-archive-card.h"

struct _BansoArchiveCard
{
  GtkWidget            parent_instance;

  BansoThumbnailCache *cache;
  BansoArchiveEntry   *entry;
  GtkWidget           *box;
  GtkPicture          *picture;
  GtkImage            *icon;
  GtkStack            *stack;
  GtkLabel            *title;
  GtkLabel            *caption;
};

G_DEFINE_FINAL_TYPE (BansoArchiveCard, banso_archive_card, GTK_TYPE_WIDGET)

static const char *
icon_for (const char *media_kind)
{
  if (g_strcmp0 (media_kind, "audio") == 0)
    return "audio-x-generic-symbolic";
  if (g_strcmp0 (media_kind, "photo") == 0)
    return "image-x-generic-symbolic";
  return "video-x-generic-symbolic";
}

static void
show_thumbnail (BansoArchiveCard *self)
{
  const BansoArchiveRow *row = banso_archive_entry_get_row (self->entry);
  GdkTexture *texture = NULL;

  if (row->thumbnail != NULL)
    texture = banso_thumbnail_cache_lookup (self->cache, row->id);
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_image_set_from_icon_name (self->icon, icon_for (row->media_kind));
  gtk_stack_set_visible_child_name (self->stack, texture ? "picture" : "icon");
}

static void
on_loaded (BansoThumbnailCache *cache,
           const char          *item_id,
           BansoArchiveCard    *self)
{
  if (self->entry != NULL
      && g_strcmp0 (banso_archive_entry_get_row (self->entry)->id, item_id) == 0)
    show_thumbnail (self);
}

void
banso_archive_card_set_entry (BansoArchiveCard  *self,
                              BansoArchiveEntry *entry)
{
  g_autofree char *caption = NULL;

  g_set_object (&self->entry, entry);
  if (entry == NULL)
    {
      gtk_picture_set_paintable (self->picture, NULL);
      return;
    }
  caption = banso_archive_entry_dup_caption (entry);
  gtk_label_set_text (self->title, banso_archive_entry_get_row (entry)->title);
  gtk_label_set_text (self->caption, caption);
  show_thumbnail (self);
}

GtkWidget *
banso_archive_card_new (BansoThumbnailCache *cache)
{
  BansoArchiveCard *self = g_object_new (BANSO_TYPE_ARCHIVE_CARD, NULL);

  self->cache = g_object_ref (cache);
  g_signal_connect_object (cache, "loaded", G_CALLBACK (on_loaded), self, 0);
  return GTK_WIDGET (self);
}

static void
banso_archive_card_dispose (GObject *object)
{
  BansoArchiveCard *self = BANSO_ARCHIVE_CARD (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->entry);
  g_clear_object (&self->cache);
  G_OBJECT_CLASS (banso_archive_card_parent_class)->dispose (object);
}

static void
banso_archive_card_class_init (BansoArchiveCardClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = banso_archive_card_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "bansoarchivecard");
}

static void
banso_archive_card_init (BansoArchiveCard *self)
{
  GtkWidget *frame;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_set_margin_start (self->box, 6);
  gtk_widget_set_margin_end (self->box, 6);
  gtk_widget_set_margin_top (self->box, 6);
  gtk_widget_set_margin_bottom (self->box, 6);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->stack), 200, 150);
  self->picture = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_content_fit (self->picture, GTK_CONTENT_FIT_COVER);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->picture), "picture");
  self->icon = GTK_IMAGE (gtk_image_new ());
  gtk_image_set_pixel_size (self->icon, 64);
  gtk_widget_add_css_class (GTK_WIDGET (self->icon), "dim-label");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->icon), "icon");
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->stack));
  gtk_box_append (GTK_BOX (self->box), frame);

  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->title, PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (self->title, 0);
  gtk_label_set_max_width_chars (self->title, 24);
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "heading");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->title));

  self->caption = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->caption, 0);
  gtk_label_set_ellipsize (self->caption, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->caption), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->caption), "dim-label");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->caption));
}
