/* bench-archive-ingest.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Ingest of 200 generated 10-second clips (metadata and thumbnail), and, on the same files
 * in the same run, Debian's gst-discoverer-1.0 started once per file, which only reads the
 * metadata. Goal: more than 20 files/s, and faster than gst-discoverer alone. The clips are
 * made once with gst-launch-1.0 and kept in BANSO_BENCH_DIR. */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "banso-archive.h"
#include "banso-archive-ingest.h"
#include "banso-archive-probe.h"
#include "banso-test-util.h"

#define N_CLIPS 200

static char *
clip_dir (void)
{
  const char *dir = g_getenv ("BANSO_BENCH_DIR");
  const char *fallback = g_getenv ("BANSO_BENCH_DEFAULT_DIR");

  return g_build_filename (dir ? dir : fallback ? fallback : "bench-data", "archive-clips",
                           NULL);
}

static void
make_clips (const char *dir)
{
  g_mkdir_with_parents (dir, 0755);
  for (guint i = 0; i < N_CLIPS; i++)
    {
      g_autofree char *name = g_strdup_printf ("clip-%03u.webm", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *command = NULL;
      g_autoptr(GError) error = NULL;
      int status;

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      /* Each clip differs (pattern and a moving ball), so that none is a duplicate. */
      command = g_strdup_printf ("gst-launch-1.0 -q webmmux name=m ! filesink location=%s "
                                 "videotestsrc num-buffers=100 pattern=%u horizontal-speed=%u ! "
                                 "video/x-raw,width=320,height=240,framerate=10/1 ! "
                                 "vp8enc deadline=1 ! m. "
                                 "audiotestsrc num-buffers=431 freq=%u ! "
                                 "audio/x-raw,rate=44100 ! audioconvert ! vorbisenc ! m.",
                                 path, i % 18, i % 7 + 1, 300 + i);
      if (!g_spawn_command_line_sync (command, NULL, NULL, &status, &error)
          || !g_spawn_check_wait_status (status, &error))
        g_error ("%s: %s", command, error->message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = clip_dir ();
  g_autofree char *store_dir = NULL;
  g_autoptr(BansoUser) admin = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = NULL;
  const char *paths[] = { dir, NULL };
  const char *entry;
  BansoStore *store;
  gint64 t0, t1;
  double ours, theirs;
  guint n = 0, ok = 0;

  banso_archive_gst_init ();
  g_print ("# making %u clips of 10 s in %s (once)\n", N_CLIPS, dir);
  make_clips (dir);

  store = banso_test_open_tmp_store (&store_dir, &admin);
  t0 = g_get_monotonic_time ();
  results = banso_archive_ingest (store, admin, paths, NULL, NULL, NULL, NULL, &error);
  t1 = g_get_monotonic_time ();
  g_assert_no_error (error);
  for (guint i = 0; i < results->len; i++)
    {
      BansoIngestResult *r = g_ptr_array_index (results, i);

      if (r->error)
        g_print ("# %s: %s\n", r->path, r->error->message);
      else
        ok++;
    }
  ours = results->len / ((t1 - t0) / 1e6);
  g_print ("archive ingest (metadata + thumbnail, %u threads): %u files in %.2f s: %.1f files/s (%u added)\n",
           CLAMP (g_get_num_processors (), 1, 4), results->len, (t1 - t0) / 1e6, ours, ok);
  banso_test_close_tmp_store (store, g_steal_pointer (&admin), store_dir);

  d = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  t0 = g_get_monotonic_time ();
  while ((entry = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, entry, NULL);
      const char *argv2[] = { "gst-discoverer-1.0", path, NULL };
      int status;

      if (!g_spawn_sync (NULL, (char **) argv2, NULL,
                         G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL
                         | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error))
        g_error ("gst-discoverer-1.0: %s", error->message);
      n++;
    }
  t1 = g_get_monotonic_time ();
  theirs = n / ((t1 - t0) / 1e6);
  g_print ("gst-discoverer-1.0, one process per file (metadata only): %u files in %.2f s: %.1f files/s\n",
           n, (t1 - t0) / 1e6, theirs);
  g_print ("goal: > 20 files/s and faster than gst-discoverer-1.0: %s (%.1fx)\n",
           ours > 20 && ours > theirs ? "met" : "NOT met", ours / theirs);
  return ok == N_CLIPS ? EXIT_SUCCESS : EXIT_FAILURE;
}
