/* archive-test-media.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Media for the archive's tests, made by gst-launch-1.0 at each run, so that the tests see
 * what the encoders of the machine make rather than files kept from elsewhere. */

#include "config.h"

#include <gst/app/gstappsink.h>
#include <gst/app/gstappsrc.h>
#include <gst/gst.h>

#include "archive-test-media.h"

/* Runs "gst-launch-1.0 -q PIPELINE" with %s in @pipeline replaced by the output path. */
char *
archive_test_make_media (const char *dir,
                         const char *name,
                         const char *pipeline)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GString) command = g_string_new ("gst-launch-1.0 -q ");
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) argv = NULL;
  int status;
  const char *p;

  for (p = pipeline; *p; p++)
    {
      if (p[0] == '%' && p[1] == 's')
        {
          g_autofree char *quoted = g_shell_quote (path);

          g_string_append (command, quoted);
          p++;
        }
      else
        g_string_append_c (command, *p);
    }
  g_shell_parse_argv (command->str, NULL, &argv, &error);
  g_assert_no_error (error);
  g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", command->str, err);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return g_steal_pointer (&path);
}

void
archive_test_write (const char *path,
                    const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* The mean brightness, 0 to 255, of a PNG decoded by GStreamer. */
double
archive_test_png_brightness (GBytes *png)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstSample) sample = NULL;
  GstElement *src, *sink;
  GstBuffer *buffer;
  GstMapInfo map;
  guint64 sum = 0;

  pipeline = gst_parse_launch ("appsrc name=src caps=image/png ! pngdec ! videoconvert ! "
                               "video/x-raw,format=GRAY8 ! appsink name=sink", &error);
  g_assert_no_error (error);
  src = gst_bin_get_by_name (GST_BIN (pipeline), "src");
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  gst_app_src_push_buffer (GST_APP_SRC (src), gst_buffer_new_wrapped_bytes (png));
  gst_app_src_end_of_stream (GST_APP_SRC (src));
  sample = gst_app_sink_try_pull_sample (GST_APP_SINK (sink), 5 * GST_SECOND);
  g_assert_nonnull (sample);
  buffer = gst_sample_get_buffer (sample);
  g_assert_true (gst_buffer_map (buffer, &map, GST_MAP_READ));
  for (gsize i = 0; i < map.size; i++)
    sum += map.data[i];
  gst_buffer_unmap (buffer, &map);
  gst_element_set_state (pipeline, GST_STATE_NULL);
  gst_object_unref (src);
  gst_object_unref (sink);
  return (double) sum / MAX (map.size, 1);
}
