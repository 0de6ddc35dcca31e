/* banso-presentation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Presentation mode for trainers: the items of a playlist full screen, each preceded by a
 * title card in Vietnamese and in the group's own language. Page Down, Right and Space go
 * on (a presenter's clicker sends Page Up and Page Down), Page Up and Left go back, Esc
 * leaves. The window can be moved to a second monitor before it goes full screen.
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-archive-page.h"
#include "banso-archive-screen.h"
#include "banso-archive-tasks.h"
#include "banso-presentation.h"

struct _BansoPresentation
{
  GtkWindow           parent_instance;

  BansoContext       *context;
  GStrv               ids;
  guint               n;
  guint               step;       /* 2 i: the title card of item i; 2 i + 1: the item */
  BansoArchiveOpened *opened;
  GCancellable       *cancellable;

  GtkStack           *stack;
  GtkLabel           *card_title;
  GtkLabel           *card_local;
  GtkLabel           *card_caption;
  GtkLabel           *card_count;
  BansoArchiveScreen *screen;
  GtkPicture         *photo;
};

G_DEFINE_FINAL_TYPE (BansoPresentation, banso_presentation, GTK_TYPE_WINDOW)

static void
show_step (BansoPresentation *self)
{
  BansoArchiveItem *item = self->opened ? self->opened->item : NULL;

  if (item == NULL)
    return;
  if (self->step % 2 == 0)
    {
      banso_archive_screen_set_file (self->screen, NULL);
      gtk_stack_set_visible_child_name (self->stack, "card");
      return;
    }
  if (banso_archive_item_media_kind (item) == BANSO_ARCHIVE_MEDIA_PHOTO)
    {
      gtk_picture_set_filename (self->photo, self->opened->media_path);
      gtk_stack_set_visible_child_name (self->stack, "photo");
      return;
    }
  /* The group's own language first, when there is a track in it. */
  {
    BansoVttFile *track = NULL;

    for (guint i = 0; i < item->subtitles->len; i++)
      {
        BansoArchiveSubtitle *sub = g_ptr_array_index (item->subtitles, i);

        if (track == NULL || g_strcmp0 (sub->language, "vi") != 0)
          track = g_ptr_array_index (self->opened->tracks, i);
      }
    banso_archive_screen_set_track (self->screen, track);
  }
  banso_archive_screen_set_file (self->screen, self->opened->media_path);
  gtk_stack_set_visible_child_name (self->stack, "play");
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(BansoPresentation) self = user_data;
  g_autoptr(GError) error = NULL;
  BansoArchiveOpened *opened = banso_archive_open_finish (result, &error);
  g_autofree char *count = NULL;
  g_autoptr(GString) caption = NULL;
  BansoArchiveItem *item;

  if (opened == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_text (self->card_caption, error->message);
      return;
    }
  g_clear_pointer (&self->opened, banso_archive_opened_free);
  self->opened = opened;
  item = opened->item;
  gtk_label_set_text (self->card_title, item->title);
  gtk_label_set_text (self->card_local, item->title_local ? item->title_local : "");
  caption = g_string_new (banso_archive_kind_get_label (item->kind));
  if (item->date)
    g_string_append_printf (caption, " · %s", item->date);
  for (guint i = 0; item->performers && item->performers[i]; i++)
    g_string_append_printf (caption, "%s%s", i ? ", " : " · ", item->performers[i]);
  gtk_label_set_text (self->card_caption, caption->str);
  /* Translators: the place of an item in the presentation: "2 / 7". */
  count = g_strdup_printf (_("%u / %u"), self->step / 2 + 1, self->n);
  gtk_label_set_text (self->card_count, count);
  show_step (self);
}

static void
go_to (BansoPresentation *self,
       guint              step)
{
  guint old_item = self->step / 2;

  if (self->n == 0 || step >= 2 * self->n)
    return;
  self->step = step;
  if (self->opened == NULL || step / 2 != old_item)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
      gtk_stack_set_visible_child_name (self->stack, "card");
      banso_archive_screen_set_file (self->screen, NULL);
      banso_archive_open_async (banso_context_get_store (self->context),
                                banso_context_get_user (self->context), self->ids[step / 2],
                                self->cancellable, on_opened, g_object_ref (self));
    }
  else
    show_step (self);
}

void
banso_presentation_next (BansoPresentation *self)
{
  go_to (self, self->step + 1);
}

void
banso_presentation_previous (BansoPresentation *self)
{
  if (self->step > 0)
    go_to (self, self->step - 1);
}

static gboolean
on_key (GtkEventControllerKey *controller,
        guint                  keyval,
        guint                  keycode,
        GdkModifierType        state,
        BansoPresentation     *self)
{
  switch (keyval)
    {
    case GDK_KEY_Page_Down:
    case GDK_KEY_Right:
    case GDK_KEY_space:
      banso_presentation_next (self);
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_Left:
      banso_presentation_previous (self);
      return TRUE;
    case GDK_KEY_Escape:
      gtk_window_close (GTK_WINDOW (self));
      return TRUE;
    default:
      return FALSE;
    }
}

GtkWindow *
banso_presentation_new (BansoContext       *context,
                        const char * const *item_ids)
{
  BansoPresentation *self = g_object_new (BANSO_TYPE_PRESENTATION, NULL);

  self->context = g_object_ref (context);
  self->ids = g_strdupv ((char **) item_ids);
  self->n = self->ids ? g_strv_length (self->ids) : 0;
  self->step = 0;
  if (self->n > 0)
    {
      self->cancellable = g_cancellable_new ();
      banso_archive_open_async (banso_context_get_store (context),
                                banso_context_get_user (context), self->ids[0],
                                self->cancellable, on_opened, g_object_ref (self));
    }
  return GTK_WINDOW (self);
}

static void
banso_presentation_dispose (GObject *object)
{
  BansoPresentation *self = BANSO_PRESENTATION (object);

  g_cancellable_cancel (self->cancellable);
  if (self->screen)
    banso_archive_screen_set_file (self->screen, NULL);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_pointer (&self->ids, g_strfreev);
  g_clear_pointer (&self->opened, banso_archive_opened_free);
  G_OBJECT_CLASS (banso_presentation_parent_class)->dispose (object);
}

static void
banso_presentation_class_init (BansoPresentationClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = banso_presentation_dispose;
}

static GtkLabel *
card_label (GtkWidget  *box,
            const char *css)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  if (css)
    gtk_widget_add_css_class (label, css);
  gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

static void
banso_presentation_init (BansoPresentation *self)
{
  GtkEventController *keys;
  GtkWidget *card;

  banso_archive_load_css ();
  gtk_window_set_title (GTK_WINDOW (self), _("Presentation"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1280, 720);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);

  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_add_css_class (card, "banso-title-card");
  gtk_widget_set_valign (card, GTK_ALIGN_FILL);
  {
    GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

    gtk_widget_set_vexpand (inner, TRUE);
    gtk_widget_set_valign (inner, GTK_ALIGN_CENTER);
    self->card_title = card_label (inner, "title-1");
    self->card_local = card_label (inner, "title-2");
    self->card_caption = card_label (inner, "title-4");
    self->card_count = card_label (inner, "dim-label");
    gtk_box_append (GTK_BOX (card), inner);
  }
  gtk_stack_add_named (self->stack, card, "card");

  self->screen = BANSO_ARCHIVE_SCREEN (banso_archive_screen_new ());
  banso_archive_screen_set_large (self->screen, TRUE);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->screen), "play");
  self->photo = GTK_PICTURE (gtk_picture_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->photo), "photo");
  gtk_window_set_child (GTK_WINDOW (self), GTK_WIDGET (self->stack));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
