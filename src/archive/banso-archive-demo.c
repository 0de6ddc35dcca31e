/* banso-archive-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The demo district's culture archive: a few short clips, songs and photos made here with
 * GStreamer (test patterns and tones: no recording of anyone), with Vietnamese and Thái
 * transcripts, every item marked as a sample. The records' demo knows nothing of it: the
 * window and banso-cli call both. */

#define G_LOG_DOMAIN "banso-archive"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gst/gst.h>
#include <string.h>

#include "banso-archive-demo.h"
#include "banso-archive-ingest.h"
#include "banso-archive-probe.h"
#include "banso-reference.h"

typedef struct
{
  const char      *file;
  const char      *title;
  const char      *title_local;
  BansoArchiveKind kind;
  const char      *ethnic;
  const char      *pipeline;
  const char      *vi;
  const char      *tai;
} DemoItem;

#define CLIP(pattern) \
  "webmmux name=m ! filesink location=%s videotestsrc num-buffers=80 pattern=" pattern " ! " \
  "video/x-raw,width=320,height=240,framerate=10/1 ! vp8enc deadline=1 ! m. " \
  "audiotestsrc num-buffers=345 wave=sine freq=330 ! audio/x-raw,rate=44100 ! audioconvert ! " \
  "vorbisenc ! m."
#define SONG(freq) \
  "audiotestsrc num-buffers=375 samplesperbuffer=1024 freq=" freq " ! audio/x-raw,rate=48000 ! " \
  "audioconvert ! opusenc ! oggmux ! filesink location=%s"
#define PHOTO(pattern) \
  "videotestsrc num-buffers=1 pattern=" pattern " ! video/x-raw,width=800,height=600 ! " \
  "pngenc ! filesink location=%s"

static const DemoItem items[] = {
  { "xen-ban.webm", "Lễ Xên bản, Mường Chiên (mẫu)", "Xên bản", BANSO_ARCHIVE_KIND_FESTIVAL, "03",
    CLIP ("smpte"),
    "WEBVTT\n\n00:00.000 --> 00:03.000\n<v Lò Văn Pơm>Mời bà con cùng dự lễ <b>Xên bản</b>\n\n"
    "00:03.000 --> 00:08.000\n<i>Tiếng chiêng mở đầu buổi lễ</i>\n",
    "WEBVTT\n\n00:00.000 --> 00:03.000\n<v Lò Văn Pơm>Xên bản mướng\n\n"
    "00:03.000 --> 00:08.000\n<i>Khua chiêng</i>\n" },
  { "xoe.webm", "Múa xòe vòng (mẫu)", "Xòe", BANSO_ARCHIVE_KIND_RITUAL, "03", CLIP ("ball"),
    "WEBVTT\n\n00:00.000 --> 00:04.000\n<v Lò Thị Xuân>Nắm tay nhau múa xòe\n\n"
    "00:04.000 --> 00:08.000\nVòng xòe mở rộng mời khách\n",
    "WEBVTT\n\n00:00.000 --> 00:04.000\n<v Lò Thị Xuân>Khắp xòe\n\n"
    "00:04.000 --> 00:08.000\nXòe vòng\n" },
  { "det-tho-cam.webm", "Dệt thổ cẩm (mẫu)", NULL, BANSO_ARCHIVE_KIND_CRAFT, "08",
    CLIP ("checkers-8"),
    "WEBVTT\n\n00:00.000 --> 00:08.000\n<v Giàng Thị Mỷ>Dệt vải lanh theo hoa văn cổ\n", NULL },
  { "khap-thai.ogg", "Khắp Thái mừng mùa (mẫu)", "Khắp", BANSO_ARCHIVE_KIND_SONG, "03",
    SONG ("440"),
    "WEBVTT\n\n00:00.000 --> 00:08.000\n<v Cầm Thị Hoa>Mùa lúa chín vàng trên bản\n",
    "WEBVTT\n\n00:00.000 --> 00:08.000\n<v Cầm Thị Hoa>Khau đảy hươn\n" },
  { "dan-moi.ogg", "Đàn môi (mẫu)", NULL, BANSO_ARCHIVE_KIND_SONG, "08", SONG ("523"), NULL, NULL },
  { "khan-pieu.png", "Khăn piêu (mẫu)", "Piêu", BANSO_ARCHIVE_KIND_PRODUCT, "03",
    PHOTO ("pinwheel"), NULL, NULL },
  { "nha-san.png", "Nhà sàn (mẫu)", NULL, BANSO_ARCHIVE_KIND_OTHER, "03", PHOTO ("spokes"),
    NULL, NULL },
};

static gboolean
make_file (const char  *pipeline,
           const char  *path,
           GError     **error)
{
  g_auto(GStrv) halves = g_strsplit (pipeline, "%s", 2);
  g_autofree char *description = g_strjoinv (path, halves);
  g_autoptr(GstElement) element = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) msg = NULL;

  element = gst_parse_launch (description, error);
  if (element == NULL)
    return FALSE;
  bus = gst_element_get_bus (element);
  gst_element_set_state (element, GST_STATE_PLAYING);
  msg = gst_bus_timed_pop_filtered (bus, 60 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  gst_element_set_state (element, GST_STATE_NULL);
  if (msg == NULL || GST_MESSAGE_TYPE (msg) == GST_MESSAGE_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not make the demo file %s with GStreamer"), path);
      return FALSE;
    }
  return TRUE;
}

/**
 * banso_archive_demo_generate:
 *
 * Adds the demo archive to the demo district's database (its communes from @province).
 * Blocks for some seconds: call it in a worker.
 */
gboolean
banso_archive_demo_generate (BansoStore    *store,
                             const char    *province,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autofree char *dir = g_dir_make_tmp ("banso-demo-archive-XXXXXX", error);
  g_autoptr(BansoUser) admin = NULL;
  g_autoptr(GPtrArray) communes = NULL;
  gboolean ok = TRUE;

  if (dir == NULL)
    return FALSE;
  banso_archive_gst_init ();
  if ((admin = banso_store_dup_admin (store, error)) == NULL)
    return FALSE;
  {
    sqlite3 *db = banso_store_acquire_reader (store, error);

    if (db == NULL)
      return FALSE;
    communes = banso_reference_list_communes (db, province, NULL);
    banso_store_release_reader (store, db);
  }

  for (guint i = 0; ok && i < G_N_ELEMENTS (items); i++)
    {
      const DemoItem *d = &items[i];
      g_autofree char *path = g_build_filename (dir, d->file, NULL);
      g_autofree char *stem = g_strndup (d->file, strrchr (d->file, '.') - d->file);
      g_autoptr(GPtrArray) results = NULL;
      BansoIngestOptions options = BANSO_INGEST_OPTIONS_INIT;
      const char *paths[] = { path, NULL };

      if (!make_file (d->pipeline, path, error))
        {
          ok = FALSE;
          break;
        }
      if (d->vi)
        {
          g_autofree char *name = g_strconcat (stem, ".vi.vtt", NULL);
          g_autofree char *vtt = g_build_filename (dir, name, NULL);

          ok = g_file_set_contents (vtt, d->vi, -1, error);
        }
      if (ok && d->tai)
        {
          g_autofree char *name = g_strconcat (stem, ".tai.vtt", NULL);
          g_autofree char *vtt = g_build_filename (dir, name, NULL);

          ok = g_file_set_contents (vtt, d->tai, -1, error);
        }
      if (!ok)
        break;

      options.title = d->title;
      options.kind = d->kind;
      options.ethnic = d->ethnic;
      options.sample = TRUE;
      options.description = _("Sample made for the demo district; not a real recording.");
      if (communes != NULL && communes->len > 0)
        options.commune = ((BansoRefItem *) communes->pdata[i % communes->len])->code;
      results = banso_archive_ingest (store, admin, paths, &options, NULL, NULL, cancellable,
                                      error);
      if (results == NULL)
        ok = FALSE;
      else if (((BansoIngestResult *) results->pdata[0])->error != NULL
               && !((BansoIngestResult *) results->pdata[0])->duplicate)
        {
          g_propagate_error (error,
                             g_error_copy (((BansoIngestResult *) results->pdata[0])->error));
          ok = FALSE;
        }
      else if (d->title_local != NULL && ((BansoIngestResult *) results->pdata[0])->item_id)
        {
          g_autoptr(BansoArchiveItem) item =
            banso_archive_load (store, admin, ((BansoIngestResult *) results->pdata[0])->item_id,
                                error);

          ok = item != NULL;
          if (ok)
            {
              item->title_local = g_strdup (d->title_local);
              ok = banso_archive_save (store, admin, item, error);
            }
        }
    }

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *entry;

    while (d != NULL && (entry = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, entry, NULL);

        g_unlink (path);
      }
    g_rmdir (dir);
  }
  return ok;
}
