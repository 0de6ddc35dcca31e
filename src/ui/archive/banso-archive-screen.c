/* banso-archive-screen.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A video (or song) with its subtitles drawn over it: GTK 4.8 has no subtitle API, so a
 * label in an overlay shows the cue of the moment, timed from the stream's position at
 * each tick of the frame clock. Speakers, italics and bold come through as Pango markup.
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include "banso-archive-screen.h"

struct _BansoArchiveScreen
{
  GtkWidget     parent_instance;

  GtkWidget    *overlay;
  GtkVideo     *video;
  GtkLabel     *subtitle;
  BansoVttFile *track;
  GPtrArray    *markup;      /* of char *, one per cue of the track */
  int           cue;         /* shown, or -1 */
  guint         tick_id;
};

enum {
  CUE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BansoArchiveScreen, banso_archive_screen, GTK_TYPE_WIDGET)

GtkWidget *
banso_archive_screen_new (void)
{
  return g_object_new (BANSO_TYPE_ARCHIVE_SCREEN, NULL);
}

GtkMediaStream *
banso_archive_screen_get_stream (BansoArchiveScreen *self)
{
  return gtk_video_get_media_stream (self->video);
}

gint64
banso_archive_screen_get_position (BansoArchiveScreen *self)
{
  GtkMediaStream *stream = banso_archive_screen_get_stream (self);

  return stream ? gtk_media_stream_get_timestamp (stream) / 1000 : 0;
}

void
banso_archive_screen_seek (BansoArchiveScreen *self,
                           gint64              ms)
{
  GtkMediaStream *stream = banso_archive_screen_get_stream (self);

  if (stream != NULL && gtk_media_stream_is_seekable (stream))
    gtk_media_stream_seek (stream, ms * 1000);
}

int
banso_archive_screen_get_cue (BansoArchiveScreen *self)
{
  return self->cue;
}

const char *
banso_archive_screen_get_subtitle (BansoArchiveScreen *self)
{
  return gtk_label_get_label (self->subtitle);
}

/* The cue of the moment: the last whose time holds @ms. */
static int
find_cue (BansoArchiveScreen *self,
          gint64              ms)
{
  int found = -1;

  if (self->track == NULL)
    return -1;
  for (guint i = 0; i < self->track->cues->len; i++)
    {
      BansoVttCue *cue = g_ptr_array_index (self->track->cues, i);

      if (cue->start_ms <= ms && ms < cue->end_ms)
        found = i;
      else if (cue->start_ms > ms)
        break;
    }
  return found;
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  BansoArchiveScreen *self = BANSO_ARCHIVE_SCREEN (widget);
  int cue = find_cue (self, banso_archive_screen_get_position (self));

  if (cue != self->cue)
    {
      self->cue = cue;
      gtk_label_set_markup (self->subtitle, cue >= 0 ? self->markup->pdata[cue] : "");
      gtk_widget_set_visible (GTK_WIDGET (self->subtitle), cue >= 0);
      g_signal_emit (self, signals[CUE_CHANGED], 0, cue);
    }
  return G_SOURCE_CONTINUE;
}

void
banso_archive_screen_set_track (BansoArchiveScreen *self,
                                BansoVttFile       *track)
{
  g_clear_pointer (&self->markup, g_ptr_array_unref);
  self->track = track;
  self->cue = -2;
  self->markup = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; track != NULL && i < track->cues->len; i++)
    {
      BansoVttCue *cue = g_ptr_array_index (track->cues, i);
      g_autoptr(BansoVttNode) root = banso_vtt_cue_text_parse (cue->text);

      g_ptr_array_add (self->markup, banso_vtt_node_to_markup (root));
    }
}

void
banso_archive_screen_set_file (BansoArchiveScreen *self,
                               const char         *path)
{
  g_autoptr(GFile) file = path ? g_file_new_for_path (path) : NULL;

  gtk_video_set_file (self->video, file);
}

void
banso_archive_screen_set_large (BansoArchiveScreen *self,
                                gboolean            large)
{
  if (large)
    gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "banso-subtitle-large");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->subtitle), "banso-subtitle-large");
}

static void
banso_archive_screen_dispose (GObject *object)
{
  BansoArchiveScreen *self = BANSO_ARCHIVE_SCREEN (object);

  if (self->tick_id)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
  if (self->video)
    gtk_video_set_file (self->video, NULL);
  g_clear_pointer (&self->overlay, gtk_widget_unparent);
  g_clear_pointer (&self->markup, g_ptr_array_unref);
  G_OBJECT_CLASS (banso_archive_screen_parent_class)->dispose (object);
}

static void
banso_archive_screen_class_init (BansoArchiveScreenClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = banso_archive_screen_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bansoarchivescreen");

  /**
   * BansoArchiveScreen::cue-changed:
   * @index: the cue now shown, or -1
   */
  signals[CUE_CHANGED] = g_signal_new ("cue-changed", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
banso_archive_screen_init (BansoArchiveScreen *self)
{
  self->overlay = gtk_overlay_new ();
  gtk_widget_set_parent (self->overlay, GTK_WIDGET (self));
  self->video = GTK_VIDEO (gtk_video_new ());
  gtk_video_set_autoplay (self->video, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->video), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->video), TRUE);
  gtk_overlay_set_child (GTK_OVERLAY (self->overlay), GTK_WIDGET (self->video));

  self->subtitle = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->subtitle, TRUE);
  gtk_label_set_justify (self->subtitle, GTK_JUSTIFY_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self->subtitle), GTK_ALIGN_END);
  gtk_widget_set_halign (GTK_WIDGET (self->subtitle), GTK_ALIGN_CENTER);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->subtitle), 64);
  gtk_widget_set_can_target (GTK_WIDGET (self->subtitle), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "banso-subtitle");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle), FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), GTK_WIDGET (self->subtitle));

  self->cue = -2;
  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick, NULL, NULL);
}
