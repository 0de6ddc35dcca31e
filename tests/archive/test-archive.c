/* test-archive.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Ingest of media made here with gst-launch-1.0 (WebM with VP8 and Vorbis, Ogg with Theora,
 * Matroska, MP3, Opus, FLAC, JPEG, PNG), their thumbnails, WebVTT beside them, duplicates,
 * refusals (truncated, wrong extension, empty, bad subtitles, a missing codec) and the
 * access rules on every path. */

#include "config.h"

#include <glib/gstdio.h>
#include <gst/gst.h>
#include <string.h>

#include "archive-test-media.h"
#include "banso-archive.h"
#include "banso-archive-demo.h"
#include "banso-archive-ingest.h"
#include "banso-archive-package.h"
#include "banso-archive-probe.h"
#include "banso-test-util.h"

/* Made once per run, shared by the tests. */
static char *media_dir;

typedef struct
{
  char       *dir;
  BansoStore *store;
  BansoUser  *admin;
  BansoUser  *culture;
  BansoUser  *official;   /* commune a */
  BansoUser  *other;      /* commune b */
  BansoUser  *trainer;
  char       *a, *b;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_auto(GStrv) son_la = NULL;
  const char *scope_a[2] = { NULL, NULL };
  const char *scope_b[2] = { NULL, NULL };

  f->store = banso_test_open_tmp_store (&f->dir, &f->admin);
  son_la = banso_test_list_communes (f->store, "14", 2);
  f->a = g_strdup (son_la[0]);
  f->b = g_strdup (son_la[1]);
  scope_a[0] = f->a;
  scope_b[0] = f->b;
  f->culture = banso_test_add_user (f->store, f->admin, "culture", "Cầm Văn Khăm",
                                    BANSO_ROLE_CULTURAL_STAFF, NULL);
  f->official = banso_test_add_user (f->store, f->admin, "official-a", "Lò Văn Pơm",
                                     BANSO_ROLE_COMMUNE_OFFICIAL, scope_a);
  f->other = banso_test_add_user (f->store, f->admin, "official-b", "Quàng Thị Ban",
                                  BANSO_ROLE_COMMUNE_OFFICIAL, scope_b);
  f->trainer = banso_test_add_user (f->store, f->admin, "trainer", "Nguyễn Thu Hà",
                                    BANSO_ROLE_TRAINER, NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_object_unref (f->culture);
  g_object_unref (f->official);
  g_object_unref (f->other);
  g_object_unref (f->trainer);
  banso_test_close_tmp_store (f->store, f->admin, f->dir);
  g_free (f->a);
  g_free (f->b);
}

static char *
media (const char *name)
{
  return g_build_filename (media_dir, name, NULL);
}

static GPtrArray *
ingest (Fixture                  *f,
        BansoUser                *user,
        const char               *first,
        const BansoIngestOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = media (first);
  const char *paths[] = { path, NULL };
  GPtrArray *results = banso_archive_ingest (f->store, user, paths, options, NULL, NULL, NULL,
                                             &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

static BansoIngestResult *
result (GPtrArray *results,
        guint      i)
{
  return g_ptr_array_index (results, i);
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return banso_test_store_query_int (f->store, sql);
}

/* Every format the archive must take, with what GStreamer says of it. */
static void
test_formats (Fixture       *f,
              gconstpointer  data)
{
  static const struct
  {
    const char            *file;
    BansoArchiveMediaKind  kind;
    const char            *video;
    const char            *audio;
    guint                  width;
  } cases[] = {
    { "festival.webm", BANSO_ARCHIVE_MEDIA_VIDEO, "VP8", "Vorbis", 320 },
    { "ritual.ogv", BANSO_ARCHIVE_MEDIA_VIDEO, "Theora", NULL, 320 },
    { "craft.mkv", BANSO_ARCHIVE_MEDIA_VIDEO, "VP8", NULL, 320 },
    { "song.mp3", BANSO_ARCHIVE_MEDIA_AUDIO, NULL, "MPEG-1 Layer 3 (MP3)", 0 },
    { "song.opus", BANSO_ARCHIVE_MEDIA_AUDIO, NULL, "Opus", 0 },
    { "song.flac", BANSO_ARCHIVE_MEDIA_AUDIO, NULL, "Free Lossless Audio Codec (FLAC)", 0 },
    { "photo.jpg", BANSO_ARCHIVE_MEDIA_PHOTO, "JPEG", NULL, 640 },
    { "photo.png", BANSO_ARCHIVE_MEDIA_PHOTO, "PNG", NULL, 640 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) results = ingest (f, f->culture, cases[i].file, NULL);
      g_autoptr(BansoArchiveItem) item = NULL;
      g_autoptr(GError) error = NULL;
      BansoArchiveMedia *m;

      g_assert_cmpuint (results->len, ==, 1);
      if (result (results, 0)->error)
        g_error ("%s: %s", cases[i].file, result (results, 0)->error->message);
      item = banso_archive_load (f->store, f->culture, result (results, 0)->item_id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (item->media->len, ==, 1);
      m = item->media->pdata[0];
      g_test_message ("%s: %s, %s / %s, %" G_GINT64_FORMAT " ms, %ux%u", cases[i].file,
                      m->mime, m->video_codec, m->audio_codec, m->duration_ms, m->width,
                      m->height);
      g_assert_cmpint (m->kind, ==, cases[i].kind);
      if (cases[i].video)
        g_assert_nonnull (strstr (m->video_codec, cases[i].video));
      else
        g_assert_null (m->video_codec);
      if (cases[i].audio)
        g_assert_nonnull (strstr (m->audio_codec, cases[i].audio));
      g_assert_cmpuint (m->width, ==, cases[i].width);
      g_assert_cmpint (m->size, >, 0);
      if (cases[i].kind != BANSO_ARCHIVE_MEDIA_PHOTO)
        g_assert_cmpint (ABS (m->duration_ms - 2000), <, 150);
      /* Videos and photos have a thumbnail; songs without a picture do not. */
      g_assert_true ((item->thumbnail != NULL) == (cases[i].kind != BANSO_ARCHIVE_MEDIA_AUDIO));
      if (item->thumbnail)
        {
          g_autoptr(GBytes) png = banso_archive_load_thumbnail (f->store, f->culture, item->id,
                                                                &error);

          g_assert_no_error (error);
          g_assert_cmpmem (g_bytes_get_data (png, NULL), 4, "\x89PNG", 4);
        }
    }
  g_assert_cmpint (count (f, "SELECT count (*) FROM archive_items"), ==, G_N_ELEMENTS (cases));
}

/* The thumbnail comes from a tenth of the way in, not from the black first frames. */
static void
test_thumbnail_not_black (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) results = ingest (f, f->culture, "black-start.webm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;
  double brightness;

  g_assert_no_error (result (results, 0)->error);
  png = banso_archive_load_thumbnail (f->store, f->culture, result (results, 0)->item_id,
                                      &error);
  g_assert_no_error (error);
  brightness = archive_test_png_brightness (png);
  g_test_message ("thumbnail brightness %.1f", brightness);
  g_assert_cmpfloat (brightness, >, 200);
}

static void
test_duplicate (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) first = ingest (f, f->culture, "festival.webm", NULL);
  g_autoptr(GPtrArray) second = NULL;
  gint64 docs, files;

  g_assert_no_error (result (first, 0)->error);
  docs = count (f, "SELECT count (*) FROM documents");
  files = count (f, "SELECT count (*) FROM media_files");

  second = ingest (f, f->culture, "festival-copy.webm", NULL);
  g_assert_error (result (second, 0)->error, BANSO_ARCHIVE_ERROR, BANSO_ARCHIVE_ERROR_DUPLICATE);
  g_assert_true (result (second, 0)->duplicate);
  g_assert_cmpstr (result (second, 0)->item_id, ==, result (first, 0)->item_id);
  g_assert_nonnull (strstr (result (second, 0)->error->message, "festival-copy.webm"));
  g_assert_cmpint (count (f, "SELECT count (*) FROM documents"), ==, docs);
  g_assert_cmpint (count (f, "SELECT count (*) FROM media_files"), ==, files);
}

/* A folder of good and bad files: the bad ones are refused with their reason, the others
 * are added, and nothing of a refused file stays. */
static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (media_dir, "bad", NULL);
  const char *paths[] = { dir, NULL };
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  guint added = 0;

  results = banso_archive_ingest (f->store, f->culture, paths, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < results->len; i++)
    {
      BansoIngestResult *r = result (results, i);
      g_autofree char *name = g_path_get_basename (r->path);

      g_test_message ("%s: %s", name, r->error ? r->error->message : r->item_id);
      if (g_str_equal (name, "good.webm") || g_str_equal (name, "song-named.jpg"))
        {
          g_assert_no_error (r->error);
          added++;
        }
      else if (g_str_equal (name, "empty.webm"))
        g_assert_error (r->error, BANSO_ARCHIVE_ERROR, BANSO_ARCHIVE_ERROR_EMPTY);
      else if (g_str_equal (name, "text.webm") || g_str_equal (name, "truncated.webm"))
        {
          g_assert_error (r->error, BANSO_ARCHIVE_ERROR, BANSO_ARCHIVE_ERROR_DAMAGED);
          g_assert_nonnull (strstr (r->error->message, name));
        }
      else if (g_str_equal (name, "latin.webm"))
        {
          g_assert_error (r->error, BANSO_WEBVTT_ERROR, BANSO_WEBVTT_ERROR_ENCODING);
          g_assert_nonnull (strstr (r->error->message, "latin.vtt"));
        }
      else if (g_str_equal (name, "broken-vtt.webm"))
        g_assert_error (r->error, BANSO_WEBVTT_ERROR, BANSO_WEBVTT_ERROR_SIGNATURE);
      else
        g_error ("unexpected file %s", name);
    }
  g_assert_cmpuint (results->len, ==, 7);
  g_assert_cmpuint (added, ==, 2);
  g_assert_cmpint (count (f, "SELECT count (*) FROM archive_items"), ==, 2);
  /* A mislabelled song is taken for what it is. */
  g_assert_cmpint (count (f, "SELECT count (*) FROM archive_items WHERE media_kind = 'audio'"),
                   ==, 1);
  /* Nothing but the two items' media, thumbnail and documents. */
  g_assert_cmpint (count (f, "SELECT count (*) FROM documents WHERE type = 'media'"), ==, 3);
}

static void
test_missing_codec (Fixture       *f,
                    gconstpointer  data)
{
  static const char * const decoders[] = { "vp8dec", "avdec_vp8" };
  g_autoptr(GPtrArray) results = NULL;
  guint ranks[G_N_ELEMENTS (decoders)];

  for (guint i = 0; i < G_N_ELEMENTS (decoders); i++)
    {
      g_autoptr(GstPluginFeature) feature =
        GST_PLUGIN_FEATURE (gst_element_factory_find (decoders[i]));

      ranks[i] = 0;
      if (feature == NULL)
        continue;
      ranks[i] = gst_plugin_feature_get_rank (feature);
      gst_plugin_feature_set_rank (feature, GST_RANK_NONE);
    }

  results = ingest (f, f->culture, "craft.mkv", NULL);
  g_test_message ("%s", result (results, 0)->error ? result (results, 0)->error->message : "ok");
  g_assert_error (result (results, 0)->error, BANSO_ARCHIVE_ERROR,
                  BANSO_ARCHIVE_ERROR_MISSING_CODEC);
  g_assert_nonnull (strstr (result (results, 0)->error->message, "VP8"));
  g_assert_cmpint (count (f, "SELECT count (*) FROM documents"), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (decoders); i++)
    {
      g_autoptr(GstPluginFeature) feature =
        GST_PLUGIN_FEATURE (gst_element_factory_find (decoders[i]));

      if (feature != NULL)
        gst_plugin_feature_set_rank (feature, ranks[i]);
    }
}

/* Subtitles beside the clip by name, one per language; their text is searchable, folded. */
static void
test_subtitles (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) results = ingest (f, f->culture, "xoe.webm", NULL);
  g_autoptr(BansoArchiveItem) item = NULL;
  g_autoptr(GError) error = NULL;
  BansoArchiveQuery query = BANSO_ARCHIVE_QUERY_INIT;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(BansoVttFile) vtt = NULL;

  g_assert_no_error (result (results, 0)->error);
  item = banso_archive_load (f->store, f->culture, result (results, 0)->item_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (item->subtitles->len, ==, 2);
  g_assert_cmpstr (((BansoArchiveSubtitle *) item->subtitles->pdata[0])->language, ==, "tai");
  g_assert_cmpstr (((BansoArchiveSubtitle *) item->subtitles->pdata[1])->language, ==, "vi");
  vtt = banso_archive_load_subtitles (f->store, f->culture,
                                      ((BansoArchiveSubtitle *) item->subtitles->pdata[1])->media_id,
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vtt->cues->len, ==, 2);

  query.search = "lo thi xuan hat";
  found = banso_archive_list (f->store, f->culture, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((BansoArchiveRow *) found->pdata[0])->id, ==, item->id);
  g_clear_pointer (&found, g_ptr_array_unref);

  query.search = "XOE";
  query.language = "tai";
  found = banso_archive_list (f->store, f->culture, &query, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  query.language = "hmn";
  found = banso_archive_list (f->store, f->culture, &query, &error);
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *a = media ("festival.webm");
  g_autofree char *b = media ("song.mp3");
  const char *paths[] = { a, b, NULL };
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  results = banso_archive_ingest (f->store, f->culture, paths, NULL, NULL, NULL, cancellable,
                                  &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 2);
  g_assert_error (result (results, 0)->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_error (result (results, 1)->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (count (f, "SELECT count (*) FROM documents"), ==, 0);
}

static void
test_refused_roles (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *a = media ("song.mp3");
  const char *paths[] = { a, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = banso_archive_ingest (f->store, f->trainer, paths, NULL, NULL,
                                                       NULL, NULL, &error);

  g_assert_null (results);
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION);
}

/* Three items — public, community of commune a, restricted to trainers — and who sees what
 * on every path. */
static void
test_access (Fixture       *f,
             gconstpointer  data)
{
  BansoIngestOptions options = BANSO_INGEST_OPTIONS_INIT;
  const char *trainers[] = { "trainer", NULL };
  g_autoptr(GPtrArray) pub = NULL, com = NULL, res = NULL;
  const char *ids[3];
  struct
  {
    BansoUser *user;
    gboolean   sees[3];
  } cases[] = {
    { f->admin, { TRUE, TRUE, TRUE } },
    { f->culture, { TRUE, TRUE, FALSE } },
    { f->official, { TRUE, TRUE, FALSE } },
    { f->other, { TRUE, FALSE, FALSE } },
    { f->trainer, { TRUE, FALSE, TRUE } },
    { NULL, { TRUE, FALSE, FALSE } },
  };

  options.commune = f->a;
  pub = ingest (f, f->culture, "festival.webm", &options);
  options.access = BANSO_ARCHIVE_ACCESS_COMMUNITY;
  com = ingest (f, f->culture, "photo.jpg", &options);
  options.access = BANSO_ARCHIVE_ACCESS_RESTRICTED;
  options.roles = trainers;
  res = ingest (f, f->culture, "xoe.webm", &options);
  ids[0] = result (pub, 0)->item_id;
  ids[1] = result (com, 0)->item_id;
  ids[2] = result (res, 0)->item_id;
  g_assert_nonnull (ids[0]);
  g_assert_nonnull (ids[1]);
  g_assert_nonnull (ids[2]);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      BansoUser *user = cases[c].user;
      g_autoptr(GPtrArray) rows = banso_archive_list (f->store, user, NULL, NULL);
      BansoArchiveQuery query = BANSO_ARCHIVE_QUERY_INIT;
      g_autoptr(GPtrArray) found = NULL;
      guint expected = 0;

      query.search = "xuan";
      found = banso_archive_list (f->store, user, &query, NULL);
      g_assert_cmpuint (found->len, ==, cases[c].sees[2] ? 1 : 0);

      for (guint i = 0; i < 3; i++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(BansoArchiveItem) item = NULL;
          g_autoptr(GBytes) thumb = NULL;
          gboolean listed = FALSE;

          /* The reference item is read as the admin, to know its media. */
          g_autoptr(BansoArchiveItem) ref = banso_archive_load (f->store, f->admin, ids[i], NULL);
          const char *media_id = ((BansoArchiveMedia *) ref->media->pdata[0])->media_id;
          g_autofree char *path = NULL;

          for (guint r = 0; r < rows->len; r++)
            listed |= g_str_equal (((BansoArchiveRow *) rows->pdata[r])->id, ids[i]);
          expected += cases[c].sees[i];
          g_assert_true (listed == cases[c].sees[i]);
          g_assert_true (banso_archive_item_visible (f->store, user, ids[i]) == cases[c].sees[i]);
          g_assert_true (banso_archive_media_visible (f->store, user, media_id)
                         == cases[c].sees[i]);
          g_assert_true (banso_archive_media_visible (f->store, user, ref->thumbnail)
                         == cases[c].sees[i]);

          item = banso_archive_load (f->store, user, ids[i], &error);
          thumb = banso_archive_load_thumbnail (f->store, user, ids[i], NULL);
          path = banso_archive_media_path (f->store, user, media_id, NULL);
          if (cases[c].sees[i])
            {
              g_assert_no_error (error);
              g_assert_nonnull (thumb);
              g_assert_nonnull (path);
            }
          else
            {
              g_assert_error (error, BANSO_ARCHIVE_ERROR, BANSO_ARCHIVE_ERROR_NOT_FOUND);
              g_assert_null (thumb);
              g_assert_null (path);
            }
          for (guint s = 0; s < ref->subtitles->len; s++)
            {
              const char *sub = ((BansoArchiveSubtitle *) ref->subtitles->pdata[s])->media_id;
              g_autoptr(BansoVttFile) vtt = banso_archive_load_subtitles (f->store, user, sub,
                                                                          NULL);

              g_assert_true ((vtt != NULL) == cases[c].sees[i]);
            }
        }
      g_assert_cmpuint (rows->len, ==, expected);
      g_assert_cmpint (banso_archive_count (f->store, user, NULL, NULL), ==, expected);
    }
}

/* Three items, one restricted to trainers, exported by the cultural staff (who may not see
 * it) to a folder and a .zip, and imported in another office: same ids, same bodies, the
 * same files; the package says one item was left out. */
static void
test_package_round_trip (Fixture       *f,
                         gconstpointer  data)
{
  static const char * const targets[] = { "package", "package.zip" };
  BansoIngestOptions options = BANSO_INGEST_OPTIONS_INIT;
  const char *trainers[] = { "trainer", NULL };
  g_autoptr(GPtrArray) a = ingest (f, f->culture, "festival.webm", NULL);
  g_autoptr(GPtrArray) b = ingest (f, f->culture, "xoe.webm", NULL);
  g_autoptr(GPtrArray) c = NULL;

  options.access = BANSO_ARCHIVE_ACCESS_RESTRICTED;
  options.roles = trainers;
  c = ingest (f, f->culture, "photo.png", &options);
  g_assert_no_error (result (c, 0)->error);

  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    {
      g_autofree char *target = g_build_filename (f->dir, targets[t], NULL);
      char *other_dir = NULL;
      g_autoptr(BansoUser) other_admin = NULL;
      g_autoptr(GError) error = NULL;
      BansoPackageStats stats = { 0 };
      BansoStore *other;
      const char *ids[] = { result (a, 0)->item_id, result (b, 0)->item_id, NULL };

      g_assert_true (banso_archive_export (f->store, f->culture, NULL, target, &stats, NULL,
                                           &error));
      g_assert_no_error (error);
      g_assert_cmpuint (stats.items, ==, 2);
      g_assert_cmpuint (stats.left_out, ==, 1);

      other = banso_test_open_tmp_store (&other_dir, &other_admin);
      memset (&stats, 0, sizeof stats);
      g_assert_true (banso_archive_import (other, other_admin, target, &stats, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (stats.items, ==, 2);
      g_assert_cmpuint (stats.left_out, ==, 1);

      for (guint i = 0; ids[i] != NULL; i++)
        {
          g_autoptr(BansoArchiveItem) mine = banso_archive_load (f->store, f->admin, ids[i], NULL);
          g_autoptr(BansoArchiveItem) theirs = banso_archive_load (other, other_admin, ids[i],
                                                                   &error);
          g_autofree char *p1 = NULL, *p2 = NULL;
          g_autofree char *c1 = NULL, *c2 = NULL;
          gsize l1, l2;

          g_assert_no_error (error);
          g_assert_cmpstr (mine->title, ==, theirs->title);
          g_assert_cmpuint (mine->subtitles->len, ==, theirs->subtitles->len);
          g_assert_cmpstr (mine->transcript, ==, theirs->transcript);
          p1 = banso_archive_media_path (f->store, f->admin,
                                         ((BansoArchiveMedia *) mine->media->pdata[0])->media_id,
                                         NULL);
          p2 = banso_archive_media_path (other, other_admin,
                                         ((BansoArchiveMedia *) theirs->media->pdata[0])->media_id,
                                         &error);
          g_assert_no_error (error);
          g_file_get_contents (p1, &c1, &l1, NULL);
          g_file_get_contents (p2, &c2, &l2, NULL);
          g_assert_cmpmem (c1, l1, c2, l2);
        }
      g_assert_false (banso_archive_item_visible (other, other_admin, result (c, 0)->item_id));

      /* Again: nothing doubles. */
      g_assert_true (banso_archive_import (other, other_admin, target, &stats, NULL, &error));
      g_assert_cmpuint (stats.items, ==, 0);
      g_assert_cmpuint (stats.skipped, ==, 2);
      g_assert_cmpint (banso_test_store_query_int (other, "SELECT count (*) FROM archive_items"),
                       ==, 2);
      banso_test_close_tmp_store (other, g_steal_pointer (&other_admin), other_dir);
    }
}

/* A package whose media file was altered, or is missing, is refused whole. */
static void
test_package_altered (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) a = ingest (f, f->culture, "festival.webm", NULL);
  g_autoptr(GPtrArray) b = ingest (f, f->culture, "song.mp3", NULL);
  g_autofree char *target = g_build_filename (f->dir, "package", NULL);
  g_autofree char *media_folder = g_build_filename (target, "media", NULL);
  g_autoptr(GError) error = NULL;
  char *other_dir = NULL;
  g_autoptr(BansoUser) other_admin = NULL;
  g_autoptr(GDir) d = NULL;
  g_autofree char *victim = NULL;
  g_autofree char *contents = NULL;
  BansoStore *other;
  const char *entry;
  gsize len;

  g_assert_true (banso_archive_export (f->store, f->culture, NULL, target, NULL, NULL, &error));
  d = g_dir_open (media_folder, 0, &error);
  g_assert_no_error (error);
  while ((entry = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (entry, ".mp3"))
      victim = g_build_filename (media_folder, entry, NULL);
  g_assert_nonnull (victim);
  g_file_get_contents (victim, &contents, &len, NULL);
  contents[len / 2] ^= 0x55;
  g_file_set_contents (victim, contents, len, NULL);

  other = banso_test_open_tmp_store (&other_dir, &other_admin);
  g_assert_false (banso_archive_import (other, other_admin, target, NULL, NULL, &error));
  g_assert_error (error, BANSO_ARCHIVE_ERROR, BANSO_ARCHIVE_ERROR_PACKAGE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "altered"));
  g_assert_cmpint (banso_test_store_query_int (other, "SELECT count (*) FROM documents"), ==, 0);
  g_clear_error (&error);

  g_remove (victim);
  g_assert_false (banso_archive_import (other, other_admin, target, NULL, NULL, &error));
  g_assert_error (error, BANSO_ARCHIVE_ERROR, BANSO_ARCHIVE_ERROR_PACKAGE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "missing"));
  g_assert_cmpint (banso_test_store_query_int (other, "SELECT count (*) FROM documents"), ==, 0);
  g_clear_error (&error);

  /* Not a package at all. */
  g_assert_false (banso_archive_import (other, other_admin, victim, NULL, NULL, &error));
  g_assert_error (error, BANSO_ARCHIVE_ERROR, BANSO_ARCHIVE_ERROR_PACKAGE);
  banso_test_close_tmp_store (other, g_steal_pointer (&other_admin), other_dir);
}

/* The demo's samples: clips, songs and photos made with GStreamer, marked as samples, with
 * Vietnamese and Thái transcripts to search. */
static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BansoArchiveQuery query = BANSO_ARCHIVE_QUERY_INIT;
  g_autoptr(GPtrArray) found = NULL;

  g_assert_true (banso_archive_demo_generate (f->store, "14", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM archive_items"), ==, 7);
  g_assert_cmpint (count (f, "SELECT count (*) FROM archive_items WHERE sample = 1"), ==, 7);
  g_assert_cmpint (count (f, "SELECT count (*) FROM archive_items WHERE media_kind = 'video'"),
                   ==, 3);
  g_assert_cmpint (count (f, "SELECT count (*) FROM archive_items WHERE languages LIKE '% tai %'"),
                   ==, 3);
  query.search = "khap xoe";
  found = banso_archive_list (f->store, NULL, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
}

static void
make_media (void)
{
  g_autofree char *bad = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  media_dir = banso_test_make_tmpdir ();
  g_free (archive_test_make_media (media_dir, "festival.webm",
                                   "webmmux name=m ! filesink location=%s "
                                   "videotestsrc num-buffers=20 pattern=smpte ! "
                                   "video/x-raw,width=320,height=240,framerate=10/1 ! vp8enc ! m. "
                                   "audiotestsrc num-buffers=86 ! audio/x-raw,rate=44100 ! "
                                   "audioconvert ! vorbisenc ! m."));
  g_free (archive_test_make_media (media_dir, "ritual.ogv",
                                   "videotestsrc num-buffers=20 pattern=ball ! "
                                   "video/x-raw,width=320,height=240,framerate=10/1 ! "
                                   "theoraenc ! oggmux ! filesink location=%s"));
  g_free (archive_test_make_media (media_dir, "craft.mkv",
                                   "videotestsrc num-buffers=20 pattern=snow ! "
                                   "video/x-raw,width=320,height=180,framerate=10/1 ! vp8enc ! "
                                   "matroskamux ! filesink location=%s"));
  g_free (archive_test_make_media (media_dir, "song.mp3",
                                   "audiotestsrc num-buffers=86 wave=sine ! "
                                   "audio/x-raw,rate=44100 ! audioconvert ! lamemp3enc ! "
                                   "filesink location=%s"));
  g_free (archive_test_make_media (media_dir, "song.opus",
                                   "audiotestsrc num-buffers=94 samplesperbuffer=1024 ! "
                                   "audio/x-raw,rate=48000 ! audioconvert ! opusenc ! oggmux ! "
                                   "filesink location=%s"));
  g_free (archive_test_make_media (media_dir, "song.flac",
                                   "audiotestsrc num-buffers=86 ! audio/x-raw,rate=44100 ! "
                                   "audioconvert ! flacenc ! filesink location=%s"));
  g_free (archive_test_make_media (media_dir, "photo.jpg",
                                   "videotestsrc num-buffers=1 pattern=smpte ! "
                                   "video/x-raw,width=640,height=480 ! jpegenc ! "
                                   "filesink location=%s"));
  g_free (archive_test_make_media (media_dir, "photo.png",
                                   "videotestsrc num-buffers=1 pattern=smpte ! "
                                   "video/x-raw,width=640,height=360 ! pngenc ! "
                                   "filesink location=%s"));
  /* One second of black, then nine of white: a tenth of the way in is white. */
  g_free (archive_test_make_media (media_dir, "black-start.webm",
                                   "concat name=c ! vp8enc ! webmmux ! filesink location=%s "
                                   "videotestsrc num-buffers=10 pattern=black ! "
                                   "video/x-raw,width=160,height=120,framerate=10/1 ! c. "
                                   "videotestsrc num-buffers=90 pattern=white ! "
                                   "video/x-raw,width=160,height=120,framerate=10/1 ! c."));
  g_free (archive_test_make_media (media_dir, "xoe.webm",
                                   "videotestsrc num-buffers=20 pattern=ball ! "
                                   "video/x-raw,width=320,height=240,framerate=10/1 ! vp8enc ! "
                                   "webmmux ! filesink location=%s"));

  path = media ("festival.webm");
  g_file_get_contents (path, &contents, &len, NULL);
  g_clear_pointer (&path, g_free);
  path = media ("festival-copy.webm");
  g_file_set_contents (path, contents, len, NULL);
  g_clear_pointer (&path, g_free);

  path = media ("xoe.vi.vtt");
  archive_test_write (path, "WEBVTT\n\n00:00.000 --> 00:01.000\n<v Lò Thị Xuân>Hát xòe "
                            "<i>mừng</i> bản mới\n\n00:01.000 --> 00:02.000\nMúa xòe vòng\n");
  g_clear_pointer (&path, g_free);
  path = media ("xoe.tai.vtt");
  archive_test_write (path, "WEBVTT\n\n00:00.000 --> 00:02.000\n<v Lò Thị Xuân>Khắp xòe\n");
  g_clear_pointer (&path, g_free);

  /* The folder of bad input, with two good files among them. */
  bad = g_build_filename (media_dir, "bad", NULL);
  g_mkdir (bad, 0700);
  path = g_build_filename (bad, "good.webm", NULL);
  {
    g_autofree char *xoe = media ("xoe.webm");
    g_autofree char *data_xoe = NULL;

    g_file_get_contents (xoe, &data_xoe, &len, NULL);
    g_file_set_contents (path, data_xoe, len, NULL);
    g_clear_pointer (&path, g_free);
    /* The same clip, twice more, with subtitles that cannot be read. */
    path = g_build_filename (bad, "latin.webm", NULL);
    data_xoe[len - 1] ^= 1;
    g_file_set_contents (path, data_xoe, len, NULL);
    g_clear_pointer (&path, g_free);
    path = g_build_filename (bad, "broken-vtt.webm", NULL);
    data_xoe[len - 2] ^= 1;
    g_file_set_contents (path, data_xoe, len, NULL);
    g_clear_pointer (&path, g_free);
  }
  path = g_build_filename (bad, "latin.vtt", NULL);
  archive_test_write (path, "WEBVTT\n\n00:00.000 --> 00:01.000\nM\xfa" "a x\xf2" "e\n");
  g_clear_pointer (&path, g_free);
  path = g_build_filename (bad, "broken-vtt.vtt", NULL);
  archive_test_write (path, "1\n00:00.000 --> 00:01.000\nno signature\n");
  g_clear_pointer (&path, g_free);
  path = g_build_filename (bad, "empty.webm", NULL);
  archive_test_write (path, "");
  g_clear_pointer (&path, g_free);
  path = g_build_filename (bad, "text.webm", NULL);
  archive_test_write (path, "This is a note about the festival, not a video.\n");
  g_clear_pointer (&path, g_free);
  {
    g_autofree char *song = media ("song.mp3");
    g_autofree char *festival = media ("festival.webm");
    g_autofree char *data = NULL;

    g_file_get_contents (song, &data, &len, NULL);
    path = g_build_filename (bad, "song-named.jpg", NULL);
    g_file_set_contents (path, data, len, NULL);
    g_clear_pointer (&path, g_free);
    g_clear_pointer (&data, g_free);
    g_file_get_contents (festival, &data, &len, NULL);
    path = g_build_filename (bad, "truncated.webm", NULL);
    g_file_set_contents (path, data, 600, NULL);
    g_clear_pointer (&path, g_free);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  banso_archive_gst_init ();
  make_media ();

  BANSO_TEST_ADD ("/archive/ingest/formats", test_formats);
  BANSO_TEST_ADD ("/archive/ingest/thumbnail-not-black", test_thumbnail_not_black);
  BANSO_TEST_ADD ("/archive/ingest/duplicate", test_duplicate);
  BANSO_TEST_ADD ("/archive/ingest/bad-input", test_bad_input);
  BANSO_TEST_ADD ("/archive/ingest/missing-codec", test_missing_codec);
  BANSO_TEST_ADD ("/archive/ingest/subtitles", test_subtitles);
  BANSO_TEST_ADD ("/archive/ingest/cancel", test_cancel);
  BANSO_TEST_ADD ("/archive/ingest/refused-roles", test_refused_roles);
  BANSO_TEST_ADD ("/archive/access", test_access);
  BANSO_TEST_ADD ("/archive/package/round-trip", test_package_round_trip);
  BANSO_TEST_ADD ("/archive/package/altered", test_package_altered);
  BANSO_TEST_ADD ("/archive/demo", test_demo);

  status = g_test_run ();
  banso_test_rm_rf (media_dir);
  g_free (media_dir);
  return status;
}
