/* banso-archive-player.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An item's page: the video or song with its subtitles over it and a choice of track
 * (Vietnamese or the group's language), the transcript beside it, following playback (click
 * a line to go there), the chapters under it (click to go there; the cultural staff add
 * them), or a photo to zoom into. The item and its tracks are read in a worker.
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-archive-ingest.h"
#include "banso-archive-page.h"
#include "banso-archive-player.h"
#include "banso-archive-screen.h"
#include "banso-archive-tasks.h"
#include "banso-media.h"

struct _BansoArchivePlayer
{
  AdwWindow           parent_instance;

  BansoContext       *context;
  char               *item_id;
  BansoArchiveOpened *opened;
  GCancellable       *cancellable;
  gint64              opened_at;

  AdwWindowTitle     *title;
  GtkDropDown        *track_dropdown;
  GtkToggleButton    *transcript_button;
  GtkStack           *stack;
  BansoArchiveScreen *screen;
  GtkPicture         *photo;
  GtkScrolledWindow  *photo_scroller;
  double              zoom;
  GtkBox             *zoom_box;
  GtkBox             *chapters;
  GtkEntry           *chapter_entry;
  GtkButton          *chapter_button;
  GtkRevealer        *transcript_revealer;
  GtkListBox         *transcript;
  GtkLabel           *message;
};

G_DEFINE_FINAL_TYPE (BansoArchivePlayer, banso_archive_player, ADW_TYPE_WINDOW)

static BansoVttFile *
current_track (BansoArchivePlayer *self)
{
  guint i = gtk_drop_down_get_selected (self->track_dropdown);

  if (self->opened == NULL || i == GTK_INVALID_LIST_POSITION || i >= self->opened->tracks->len)
    return NULL;
  return g_ptr_array_index (self->opened->tracks, i);
}

/* The transcript {{{ */

static void
fill_transcript (BansoArchivePlayer *self)
{
  BansoVttFile *track = current_track (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->transcript))) != NULL)
    gtk_list_box_remove (self->transcript, child);
  for (guint i = 0; track != NULL && i < track->cues->len; i++)
    {
      BansoVttCue *cue = g_ptr_array_index (track->cues, i);
      g_autoptr(BansoVttNode) root = banso_vtt_cue_text_parse (cue->text);
      g_autofree char *markup = banso_vtt_node_to_markup (root);
      g_autofree char *start = banso_vtt_format_time (cue->start_ms);
      g_autofree char *line = g_strdup_printf ("<span font_features=\"tnum\" alpha=\"60%%\">%s</span>  %s",
                                               start + 3, markup);
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_markup (GTK_LABEL (label), line);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 8);
      gtk_widget_set_margin_end (label, 8);
      gtk_widget_set_margin_top (label, 4);
      gtk_widget_set_margin_bottom (label, 4);
      gtk_list_box_append (self->transcript, label);
    }
}

static void
on_transcript_activated (BansoArchivePlayer *self,
                         GtkListBoxRow      *row)
{
  BansoVttFile *track = current_track (self);
  int i = gtk_list_box_row_get_index (row);

  if (track != NULL && i >= 0 && (guint) i < track->cues->len)
    banso_archive_screen_seek (self->screen,
                               ((BansoVttCue *) track->cues->pdata[i])->start_ms);
}

static void
on_cue_changed (BansoArchivePlayer *self,
                int                 cue)
{
  GtkListBoxRow *row = cue >= 0 ? gtk_list_box_get_row_at_index (self->transcript, cue) : NULL;

  if (row == NULL)
    return;
  gtk_list_box_select_row (self->transcript, row);
  /* Keep the line of the moment in view. */
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self->transcript),
                                                   GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    graphene_rect_t bounds;

    if (gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->transcript), &bounds))
      gtk_adjustment_clamp_page (adj, bounds.origin.y, bounds.origin.y + bounds.size.height);
  }
}

static void
on_track_changed (BansoArchivePlayer *self)
{
  banso_archive_screen_set_track (self->screen, current_track (self));
  fill_transcript (self);
}

/* }}} */

/* Chapters {{{ */

static void
on_chapter_clicked (GtkButton          *button,
                    BansoArchivePlayer *self)
{
  gint64 ms = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "start-ms"));

  banso_archive_screen_seek (self->screen, ms);
}

static void
fill_chapters (BansoArchivePlayer *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chapters))) != NULL)
    gtk_box_remove (self->chapters, child);
  for (guint i = 0; i < self->opened->item->chapters->len; i++)
    {
      BansoArchiveChapter *c = g_ptr_array_index (self->opened->item->chapters, i);
      gint64 s = c->start_ms / 1000;
      g_autofree char *label = g_strdup_printf ("%d:%02d  %s", (int) (s / 60), (int) (s % 60),
                                                c->title);
      GtkWidget *button = gtk_button_new_with_label (label);

      gtk_widget_add_css_class (button, "flat");
      g_object_set_data (G_OBJECT (button), "start-ms", GSIZE_TO_POINTER ((gsize) c->start_ms));
      g_signal_connect (button, "clicked", G_CALLBACK (on_chapter_clicked), self);
      gtk_box_append (self->chapters, button);
    }
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(BansoArchivePlayer) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *rev = banso_archive_save_finish (result, &error);

  if (rev == NULL)
    {
      gtk_label_set_text (self->message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->message), TRUE);
      return;
    }
  if (self->opened == NULL)
    return;
  g_free (self->opened->item->rev);
  self->opened->item->rev = g_steal_pointer (&rev);
  fill_chapters (self);
}

static void
on_add_chapter (BansoArchivePlayer *self)
{
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->chapter_entry));

  if (self->opened == NULL || title[0] == '\0')
    return;
  banso_archive_item_add_chapter (self->opened->item,
                                  banso_archive_screen_get_position (self->screen), title);
  gtk_editable_set_text (GTK_EDITABLE (self->chapter_entry), "");
  banso_archive_save_async (banso_context_get_store (self->context),
                            banso_context_get_user (self->context), self->opened->item,
                            self->cancellable, on_saved, g_object_ref (self));
}

/* }}} */

/* Photos {{{ */

static void
apply_zoom (BansoArchivePlayer *self)
{
  GdkPaintable *paintable = gtk_picture_get_paintable (self->photo);
  int w = paintable ? gdk_paintable_get_intrinsic_width (paintable) : 0;
  int h = paintable ? gdk_paintable_get_intrinsic_height (paintable) : 0;

  if (self->zoom <= 1.0 || w <= 0)
    gtk_widget_set_size_request (GTK_WIDGET (self->photo), -1, -1);
  else
    gtk_widget_set_size_request (GTK_WIDGET (self->photo), w * self->zoom / 2,
                                 h * self->zoom / 2);
}

static void
on_zoom_in (BansoArchivePlayer *self)
{
  self->zoom = MIN (self->zoom * 1.5, 16);
  apply_zoom (self);
}

static void
on_zoom_out (BansoArchivePlayer *self)
{
  self->zoom = MAX (self->zoom / 1.5, 1);
  apply_zoom (self);
}

static void
on_zoom_gesture (GtkGestureZoom     *gesture,
                 double              scale,
                 BansoArchivePlayer *self)
{
  self->zoom = CLAMP (scale * 2, 1, 16);
  apply_zoom (self);
}

/* }}} */

static void
on_first_frame (BansoArchivePlayer *self)
{
  GtkMediaStream *stream = banso_archive_screen_get_stream (self->screen);

  if (stream != NULL && gtk_media_stream_is_prepared (stream) && self->opened_at > 0)
    {
      g_debug ("open to first frame: %" G_GINT64_FORMAT " ms",
               (g_get_monotonic_time () - self->opened_at) / 1000);
      self->opened_at = 0;
    }
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(BansoArchivePlayer) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) tracks = gtk_string_list_new (NULL);
  BansoArchiveItem *item;
  BansoArchiveMediaKind kind;
  BansoUser *user = banso_context_get_user (self->context);

  self->opened = banso_archive_open_finish (result, &error);
  if (self->opened == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_label_set_text (self->message, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->message), TRUE);
        }
      return;
    }
  item = self->opened->item;
  adw_window_title_set_title (self->title, item->title);
  adw_window_title_set_subtitle (self->title, item->title_local ? item->title_local : "");
  gtk_window_set_title (GTK_WINDOW (self), item->title);

  for (guint i = 0; i < item->subtitles->len; i++)
    {
      BansoArchiveSubtitle *sub = g_ptr_array_index (item->subtitles, i);
      const char *problem = g_ptr_array_index (self->opened->track_errors, i);

      gtk_string_list_append (tracks, banso_archive_language_label (sub->language));
      if (problem != NULL)
        {
          gtk_label_set_text (self->message, problem);
          gtk_widget_set_visible (GTK_WIDGET (self->message), TRUE);
        }
    }
  gtk_drop_down_set_model (self->track_dropdown, G_LIST_MODEL (tracks));
  /* Vietnamese first, as an official reads; the group's language is one click away. */
  for (guint i = 0; i < item->subtitles->len; i++)
    if (g_strcmp0 (((BansoArchiveSubtitle *) item->subtitles->pdata[i])->language, "vi") == 0)
      {
        gtk_drop_down_set_selected (self->track_dropdown, i);
        break;
      }
  gtk_widget_set_visible (GTK_WIDGET (self->track_dropdown), item->subtitles->len > 1);
  gtk_widget_set_visible (GTK_WIDGET (self->transcript_button), item->subtitles->len > 0);

  kind = banso_archive_item_media_kind (item);
  if (self->opened->media_path == NULL)
    {
      gtk_label_set_text (self->message, _("The media file has not arrived yet: sync brings it."));
      gtk_widget_set_visible (GTK_WIDGET (self->message), TRUE);
    }
  else if (kind == BANSO_ARCHIVE_MEDIA_PHOTO)
    {
      gtk_picture_set_filename (self->photo, self->opened->media_path);
      gtk_stack_set_visible_child_name (self->stack, "photo");
      gtk_widget_set_visible (GTK_WIDGET (self->zoom_box), TRUE);
    }
  else
    {
      banso_archive_screen_set_file (self->screen, self->opened->media_path);
      g_signal_connect_object (banso_archive_screen_get_stream (self->screen), "notify::prepared",
                               G_CALLBACK (on_first_frame), self, G_CONNECT_SWAPPED);
    }
  on_track_changed (self);
  fill_chapters (self);
  gtk_widget_set_visible (GTK_WIDGET (self->chapter_entry),
                          kind != BANSO_ARCHIVE_MEDIA_PHOTO && banso_user_can_edit_archive (user, NULL));
  gtk_widget_set_visible (GTK_WIDGET (self->chapter_button),
                          kind != BANSO_ARCHIVE_MEDIA_PHOTO && banso_user_can_edit_archive (user, NULL));
}

GtkWindow *
banso_archive_player_new (BansoContext *context,
                          const char   *item_id)
{
  BansoArchivePlayer *self = g_object_new (BANSO_TYPE_ARCHIVE_PLAYER, NULL);

  self->context = g_object_ref (context);
  self->item_id = g_strdup (item_id);
  self->opened_at = g_get_monotonic_time ();
  banso_archive_open_async (banso_context_get_store (context), banso_context_get_user (context),
                            item_id, self->cancellable, on_opened, g_object_ref (self));
  return GTK_WINDOW (self);
}

static void
banso_archive_player_dispose (GObject *object)
{
  BansoArchivePlayer *self = BANSO_ARCHIVE_PLAYER (object);

  g_cancellable_cancel (self->cancellable);
  if (self->screen)
    banso_archive_screen_set_file (self->screen, NULL);
  g_clear_object (&self->context);
  g_clear_pointer (&self->item_id, g_free);
  g_clear_pointer (&self->opened, banso_archive_opened_free);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (banso_archive_player_parent_class)->dispose (object);
}

static void
banso_archive_player_class_init (BansoArchivePlayerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = banso_archive_player_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0,
                                       "window.close", NULL);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);
  return button;
}

static void
banso_archive_player_init (BansoArchivePlayer *self)
{
  GtkWidget *box, *header, *body, *main, *chapters_row, *scroller, *zoom_in, *zoom_out;
  GtkGesture *zoom;

  banso_archive_load_css ();
  self->cancellable = g_cancellable_new ();
  self->zoom = 1;
  gtk_window_set_default_size (GTK_WINDOW (self), 1000, 680);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  self->title = ADW_WINDOW_TITLE (adw_window_title_new ("", ""));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  self->transcript_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_Transcript")));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->transcript_button));
  self->track_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->track_dropdown), _("Subtitle language"));
  g_signal_connect_swapped (self->track_dropdown, "notify::selected",
                            G_CALLBACK (on_track_changed), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->track_dropdown));
  self->zoom_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0));
  gtk_widget_add_css_class (GTK_WIDGET (self->zoom_box), "linked");
  zoom_out = icon_button ("zoom-out-symbolic", _("Zoom Out"));
  zoom_in = icon_button ("zoom-in-symbolic", _("Zoom In"));
  g_signal_connect_swapped (zoom_out, "clicked", G_CALLBACK (on_zoom_out), self);
  g_signal_connect_swapped (zoom_in, "clicked", G_CALLBACK (on_zoom_in), self);
  gtk_box_append (self->zoom_box, zoom_out);
  gtk_box_append (self->zoom_box, zoom_in);
  gtk_widget_set_visible (GTK_WIDGET (self->zoom_box), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), GTK_WIDGET (self->zoom_box));
  gtk_box_append (GTK_BOX (box), header);

  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->message), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->message), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message));

  body = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_vexpand (body, TRUE);
  main = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_hexpand (main, TRUE);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  self->screen = BANSO_ARCHIVE_SCREEN (banso_archive_screen_new ());
  g_signal_connect_swapped (self->screen, "cue-changed", G_CALLBACK (on_cue_changed), self);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->screen), "video");
  self->photo_scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  self->photo = GTK_PICTURE (gtk_picture_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->photo), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Photo"), -1);
  gtk_scrolled_window_set_child (self->photo_scroller, GTK_WIDGET (self->photo));
  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_gesture), self);
  gtk_widget_add_controller (GTK_WIDGET (self->photo_scroller), GTK_EVENT_CONTROLLER (zoom));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->photo_scroller), "photo");
  gtk_box_append (GTK_BOX (main), GTK_WIDGET (self->stack));

  chapters_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (chapters_row, 12);
  gtk_widget_set_margin_end (chapters_row, 12);
  gtk_widget_set_margin_bottom (chapters_row, 6);
  /* A row of chapters, scrolled sideways when there are many. */
  {
    GtkWidget *chapter_scroller = gtk_scrolled_window_new ();

    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (chapter_scroller),
                                    GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
    gtk_widget_set_hexpand (chapter_scroller, TRUE);
    self->chapters = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4));
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->chapters),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chapters"), -1);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (chapter_scroller),
                                   GTK_WIDGET (self->chapters));
    gtk_box_append (GTK_BOX (chapters_row), chapter_scroller);
  }
  self->chapter_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->chapter_entry, _("Chapter name"));
  g_signal_connect_swapped (self->chapter_entry, "activate", G_CALLBACK (on_add_chapter), self);
  gtk_box_append (GTK_BOX (chapters_row), GTK_WIDGET (self->chapter_entry));
  self->chapter_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("Add _Chapter Here")));
  g_signal_connect_swapped (self->chapter_button, "clicked", G_CALLBACK (on_add_chapter), self);
  gtk_box_append (GTK_BOX (chapters_row), GTK_WIDGET (self->chapter_button));
  gtk_box_append (GTK_BOX (main), chapters_row);
  gtk_box_append (GTK_BOX (body), main);

  self->transcript_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->transcript_revealer,
                                    GTK_REVEALER_TRANSITION_TYPE_SLIDE_LEFT);
  g_object_bind_property (self->transcript_button, "active", self->transcript_revealer,
                          "reveal-child", G_BINDING_SYNC_CREATE);
  scroller = gtk_scrolled_window_new ();
  gtk_widget_set_size_request (scroller, 320, -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  self->transcript = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->transcript),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Transcript"), -1);
  gtk_widget_add_css_class (GTK_WIDGET (self->transcript), "navigation-sidebar");
  g_signal_connect_swapped (self->transcript, "row-activated",
                            G_CALLBACK (on_transcript_activated), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->transcript));
  gtk_revealer_set_child (self->transcript_revealer, scroller);
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->transcript_revealer));
  gtk_box_append (GTK_BOX (box), body);

  adw_window_set_content (ADW_WINDOW (self), box);
}
