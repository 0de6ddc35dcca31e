/* banso-archive-probe.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Looks at a media file with GstDiscoverer (kind, codecs, duration, dimensions) and makes
 * its thumbnail from an accurate seek to a tenth of the video, where a festival has begun,
 * rather than from the first frame, which is often black. A file GStreamer cannot play is
 * refused with the reason: the missing codec by name, or that it is damaged. Runs in
 * worker threads: nothing here touches a main loop. */

#define G_LOG_DOMAIN "banso-archive"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gst/gst.h>
#include <gst/pbutils/pbutils.h>
#include <gst/video/video.h>
#include <libexif/exif-data.h>
#include <string.h>

#include "banso-archive-error.h"
#include "banso-archive-probe.h"

#define DISCOVER_TIMEOUT (10 * GST_SECOND)

void
banso_archive_gst_init (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      gst_init (NULL, NULL);
      gst_pb_utils_init ();
      g_once_init_leave (&done, 1);
    }
}

void
banso_archive_probe_free (BansoArchiveProbe *probe)
{
  if (probe == NULL)
    return;
  g_free (probe->mime);
  g_free (probe->video_codec);
  g_free (probe->audio_codec);
  g_free (probe->taken);
  g_clear_pointer (&probe->thumbnail, g_bytes_unref);
  g_free (probe);
}

static char *
codec_of (GstDiscovererStreamInfo *info)
{
  g_autoptr(GstCaps) caps = gst_discoverer_stream_info_get_caps (info);

  if (caps == NULL)
    return NULL;
  return gst_pb_utils_get_codec_description (caps);
}

/* "gstreamer|1.0|app|H.265 decoder|decoder-video/x-h265": the fourth field names it. */
static char *
missing_names (GstDiscovererInfo *info)
{
  const char * const *details = gst_discoverer_info_get_missing_elements_installer_details (info);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; details != NULL && details[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (details[i], "|", 5);

      if (g_strv_length (parts) >= 4)
        g_ptr_array_add (names, g_strdup (parts[3]));
    }
  g_ptr_array_add (names, NULL);
  if (names->len == 1)
    return g_strdup (_("a decoder"));
  return g_strjoinv (", ", (char **) names->pdata);
}

/* "2024:03:15 10:20:30" to "2024-03-15T10:20:30". */
static void
read_exif (const char        *path,
           BansoArchiveProbe *probe)
{
  ExifData *data = exif_data_new_from_file (path);
  static const ExifTag tags[] = { EXIF_TAG_DATE_TIME_ORIGINAL, EXIF_TAG_DATE_TIME };

  if (data == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (tags) && probe->taken == NULL; i++)
    {
      ExifEntry *entry = exif_data_get_entry (data, tags[i]);
      char value[64];

      if (entry == NULL)
        continue;
      exif_entry_get_value (entry, value, sizeof value);
      if (strlen (value) >= 19 && value[4] == ':' && value[7] == ':')
        probe->taken = g_strdup_printf ("%.4s-%.2s-%.2sT%.8s", value, value + 5, value + 8,
                                        value + 11);
    }
  exif_data_unref (data);
}

/* Waits for the pipeline to finish a change of state or a seek; FALSE on error. */
static gboolean
wait_async (GstElement  *pipeline,
            GError     **error)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (pipeline);

  for (;;)
    {
      g_autoptr(GstMessage) msg =
        gst_bus_timed_pop_filtered (bus, 10 * GST_SECOND,
                                    GST_MESSAGE_ASYNC_DONE | GST_MESSAGE_ERROR
                                    | GST_MESSAGE_EOS);

      if (msg == NULL)
        {
          g_set_error_literal (error, BANSO_ARCHIVE_ERROR, BANSO_ARCHIVE_ERROR_DAMAGED,
                               _("the file takes too long to decode"));
          return FALSE;
        }
      if (GST_MESSAGE_TYPE (msg) == GST_MESSAGE_ERROR)
        {
          g_autoptr(GError) gst_error = NULL;

          gst_message_parse_error (msg, &gst_error, NULL);
          g_set_error_literal (error, BANSO_ARCHIVE_ERROR, BANSO_ARCHIVE_ERROR_DAMAGED,
                               gst_error->message);
          return FALSE;
        }
      if (GST_MESSAGE_TYPE (msg) == GST_MESSAGE_EOS)
        {
          g_set_error_literal (error, BANSO_ARCHIVE_ERROR, BANSO_ARCHIVE_ERROR_DAMAGED,
                               _("the video ends before its first picture"));
          return FALSE;
        }
      return TRUE;
    }
}

/**
 * banso_archive_make_thumbnail:
 * @position_ms: where to take the picture; 0 takes the first
 *
 * Decodes the picture at @position_ms (an accurate seek: the very frame, not the key frame
 * before it) and returns it as a PNG @width wide. Blocks: call it in a worker.
 */
GBytes *
banso_archive_make_thumbnail (const char  *uri,
                              gint64       position_ms,
                              guint        width,
                              guint        height,
                              GError     **error)
{
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstSample) sample = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *description = NULL;
  GstBuffer *buffer;
  GstMapInfo map;
  GBytes *png = NULL;
  guint thumb_w = BANSO_ARCHIVE_THUMBNAIL_WIDTH, thumb_h;

  banso_archive_gst_init ();

  if (width == 0 || height == 0)
    thumb_h = thumb_w * 3 / 4;
  else
    thumb_h = MAX (2, (guint) ((guint64) thumb_w * height / width) & ~1u);

  /* Decoding stops at raw video: the sound of a clip is never decoded. The PNG is made
   * quickly (a thumbnail is small): compression level 1. */
  {
    g_autofree char *quoted = g_strescape (uri, NULL);

    description = g_strdup_printf ("uridecodebin uri=\"%s\" caps=video/x-raw expose-all-streams=false ! "
                                   "videoconvert ! videoscale ! "
                                   "video/x-raw,format=RGB,width=%u,height=%u,pixel-aspect-ratio=1/1 ! "
                                   "pngenc compression-level=1 ! appsink name=sink sync=false",
                                   quoted, thumb_w, thumb_h);
  }
  pipeline = gst_parse_launch_full (description, NULL, GST_PARSE_FLAG_FATAL_ERRORS, &parse_error);
  if (pipeline == NULL)
    {
      g_set_error (error, BANSO_ARCHIVE_ERROR, BANSO_ARCHIVE_ERROR_MISSING_CODEC,
                   _("GStreamer cannot make thumbnails: %s"), parse_error->message);
      return NULL;
    }
  gst_object_ref_sink (pipeline);
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");

  if (gst_element_set_state (pipeline, GST_STATE_PAUSED) == GST_STATE_CHANGE_FAILURE
      || !wait_async (pipeline, error))
    goto out;

  if (position_ms > 0)
    {
      if (!gst_element_seek_simple (pipeline, GST_FORMAT_TIME,
                                    GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_ACCURATE,
                                    position_ms * GST_MSECOND)
          || !wait_async (pipeline, error))
        goto out;
    }

  g_signal_emit_by_name (sink, "pull-preroll", &sample);
  if (sample == NULL || (buffer = gst_sample_get_buffer (sample)) == NULL)
    {
      g_set_error_literal (error, BANSO_ARCHIVE_ERROR, BANSO_ARCHIVE_ERROR_DAMAGED,
                           _("no picture could be decoded"));
      goto out;
    }
  if (gst_buffer_map (buffer, &map, GST_MAP_READ))
    {
      png = g_bytes_new (map.data, map.size);
      gst_buffer_unmap (buffer, &map);
    }

out:
  gst_element_set_state (pipeline, GST_STATE_NULL);
  return png;
}

static const char *
mime_of_caps (GstCaps *caps)
{
  if (caps == NULL || gst_caps_get_size (caps) == 0)
    return "application/octet-stream";
  return gst_structure_get_name (gst_caps_get_structure (caps, 0));
}

/**
 * banso_archive_probe_file:
 *
 * Returns: (transfer full): what the file is, its thumbnail made; or %NULL with
 *   BANSO_ARCHIVE_ERROR_EMPTY, _MISSING_CODEC, _DAMAGED or _UNSUPPORTED, the message
 *   naming the file
 */
BansoArchiveProbe *
banso_archive_probe_file (const char    *path,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GstDiscoverer) discoverer = NULL;
  g_autoptr(GstDiscovererInfo) info = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(BansoArchiveProbe) probe = g_new0 (BansoArchiveProbe, 1);
  g_autofree char *uri = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  GList *videos, *audios;
  GStatBuf st;
  gboolean is_image = FALSE;

  banso_archive_gst_init ();

  if (g_stat (path, &st) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   _("%s: %s"), name, g_strerror (errno));
      return NULL;
    }
  if (st.st_size == 0)
    {
      g_set_error (error, BANSO_ARCHIVE_ERROR, BANSO_ARCHIVE_ERROR_EMPTY,
                   _("%s is empty (0 bytes): nothing to add"), name);
      return NULL;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  uri = g_filename_to_uri (path, NULL, error);
  if (uri == NULL)
    return NULL;
  discoverer = gst_discoverer_new (DISCOVER_TIMEOUT, &local);
  if (discoverer == NULL)
    {
      g_set_error (error, BANSO_ARCHIVE_ERROR, BANSO_ARCHIVE_ERROR_MISSING_CODEC,
                   _("%s: GStreamer cannot look at media files: %s"), name, local->message);
      return NULL;
    }
  info = gst_discoverer_discover_uri (discoverer, uri, &local);

  switch (gst_discoverer_info_get_result (info))
    {
    case GST_DISCOVERER_OK:
      break;
    case GST_DISCOVERER_MISSING_PLUGINS:
      {
        g_autofree char *missing = missing_names (info);

        g_set_error (error, BANSO_ARCHIVE_ERROR, BANSO_ARCHIVE_ERROR_MISSING_CODEC,
                     _("%s cannot be played on this computer: GStreamer lacks the %s"),
                     name, missing);
        return NULL;
      }
    case GST_DISCOVERER_TIMEOUT:
      g_set_error (error, BANSO_ARCHIVE_ERROR, BANSO_ARCHIVE_ERROR_DAMAGED,
                   _("%s is damaged: it takes too long to read"), name);
      return NULL;
    case GST_DISCOVERER_URI_INVALID:
    case GST_DISCOVERER_BUSY:
    case GST_DISCOVERER_ERROR:
    default:
      g_set_error (error, BANSO_ARCHIVE_ERROR, BANSO_ARCHIVE_ERROR_DAMAGED,
                   _("%s is damaged or is not a video, a song or a photo: %s"), name,
                   local ? local->message : _("unknown error"));
      return NULL;
    }

  videos = gst_discoverer_info_get_video_streams (info);
  audios = gst_discoverer_info_get_audio_streams (info);
  if (videos != NULL)
    {
      GstDiscovererVideoInfo *v = videos->data;

      is_image = gst_discoverer_video_info_is_image (v);
      probe->kind = is_image ? BANSO_ARCHIVE_MEDIA_PHOTO : BANSO_ARCHIVE_MEDIA_VIDEO;
      probe->width = gst_discoverer_video_info_get_width (v);
      probe->height = gst_discoverer_video_info_get_height (v);
      probe->video_codec = codec_of (GST_DISCOVERER_STREAM_INFO (v));
    }
  else if (audios != NULL)
    probe->kind = BANSO_ARCHIVE_MEDIA_AUDIO;
  if (audios != NULL)
    probe->audio_codec = codec_of (GST_DISCOVERER_STREAM_INFO (audios->data));
  gst_discoverer_stream_info_list_free (videos);
  gst_discoverer_stream_info_list_free (audios);

  if (probe->video_codec == NULL && probe->audio_codec == NULL)
    {
      g_set_error (error, BANSO_ARCHIVE_ERROR, BANSO_ARCHIVE_ERROR_UNSUPPORTED,
                   _("%s is not a video, a song or a photo"), name);
      return NULL;
    }

  {
    GstDiscovererStreamInfo *top = gst_discoverer_info_get_stream_info (info);
    g_autoptr(GstCaps) caps = top ? gst_discoverer_stream_info_get_caps (top) : NULL;

    probe->mime = g_strdup (mime_of_caps (caps));
    g_clear_object (&top);
  }
  probe->duration_ms = (gint64) (gst_discoverer_info_get_duration (info) / GST_MSECOND);

  if (probe->kind == BANSO_ARCHIVE_MEDIA_VIDEO && probe->duration_ms <= 0)
    {
      g_set_error (error, BANSO_ARCHIVE_ERROR, BANSO_ARCHIVE_ERROR_DAMAGED,
                   _("%s is damaged: its length cannot be read"), name);
      return NULL;
    }
  if (probe->kind == BANSO_ARCHIVE_MEDIA_PHOTO)
    read_exif (path, probe);

  if (probe->kind != BANSO_ARCHIVE_MEDIA_AUDIO)
    {
      g_autoptr(GError) thumb_error = NULL;

      probe->thumbnail = banso_archive_make_thumbnail (uri,
                                                       probe->kind == BANSO_ARCHIVE_MEDIA_VIDEO
                                                       ? probe->duration_ms / 10 : 0,
                                                       probe->width, probe->height,
                                                       &thumb_error);
      if (probe->thumbnail == NULL && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (probe->thumbnail == NULL)
        {
          g_set_error (error, BANSO_ARCHIVE_ERROR, BANSO_ARCHIVE_ERROR_DAMAGED,
                       _("%s is damaged: %s"), name, thumb_error->message);
          return NULL;
        }
    }

  return g_steal_pointer (&probe);
}
