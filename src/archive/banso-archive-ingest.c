/* banso-archive-ingest.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Ingest of files and folders: each file is copied into the media folder under its hash
 * (a file already in the archive is recognised and not stored twice), looked at by
 * GStreamer, given its thumbnail and the WebVTT files beside it, in a pool of worker
 * threads; the calling thread writes the items one by one as they are ready, so that a
 * file that is refused, or a cancel, leaves the rest as they were. */

#define G_LOG_DOMAIN "banso-archive"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "banso-archive-ingest.h"
#include "banso-archive-private.h"
#include "banso-archive-probe.h"
#include "banso-media.h"

typedef struct
{
  char      *sha256;
  gint64     size;
  GPtrArray *chunks;
  char      *file_name;
  char      *mime;
} Copied;

typedef struct
{
  char              *path;
  guint              index;
  BansoArchiveProbe *probe;
  Copied            *media;
  Copied            *thumbnail;
  GPtrArray         *subtitles;    /* of Copied */
  GPtrArray         *languages;    /* of char * */
  char              *transcript;
  char              *duplicate_of;
  GError            *error;
} Job;

typedef struct
{
  BansoStore               *store;
  const BansoIngestOptions *options;
  GCancellable             *cancellable;
  GAsyncQueue              *done;
  guint                     n_files;
} Shared;

static void
copied_free (Copied *c)
{
  if (c == NULL)
    return;
  g_free (c->sha256);
  g_clear_pointer (&c->chunks, g_ptr_array_unref);
  g_free (c->file_name);
  g_free (c->mime);
  g_free (c);
}

static void
job_free (Job *job)
{
  g_free (job->path);
  g_clear_pointer (&job->probe, banso_archive_probe_free);
  copied_free (job->media);
  copied_free (job->thumbnail);
  g_clear_pointer (&job->subtitles, g_ptr_array_unref);
  g_clear_pointer (&job->languages, g_ptr_array_unref);
  g_free (job->transcript);
  g_free (job->duplicate_of);
  g_clear_error (&job->error);
  g_free (job);
}

void
banso_ingest_result_free (BansoIngestResult *result)
{
  if (result == NULL)
    return;
  g_free (result->path);
  g_free (result->item_id);
  g_clear_error (&result->error);
  g_free (result);
}

static Copied *
copy_in (BansoStore    *store,
         const char    *path,
         const char    *mime,
         GCancellable  *cancellable,
         GError       **error)
{
  Copied *c = g_new0 (Copied, 1);

  c->chunks = g_ptr_array_new_with_free_func (g_free);
  c->sha256 = banso_media_copy_in (store, path, c->chunks, &c->size, cancellable, error);
  if (c->sha256 == NULL)
    {
      copied_free (c);
      return NULL;
    }
  c->file_name = g_path_get_basename (path);
  c->mime = g_strdup (mime);
  return c;
}

static const struct
{
  const char *code;
  const char *label;
} languages[] = {
  { "vi", N_("Vietnamese") },
  { "tai", N_("Thái") },
  { "blt", N_("Thái (Tai Dam)") },
  { "hmn", N_("Mông") },
  { "en", N_("English") },
};

const char *
banso_archive_language_label (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (code, languages[i].code) == 0)
      return _(languages[i].label);
  return code;
}

static char *
stem_of (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

/**
 * banso_archive_language_of_vtt:
 *
 * The language a WebVTT file says in its name: "lehoi.vi.vtt" is Vietnamese, "lehoi.tai.vtt"
 * Thái; a name without one ("lehoi.vtt") gets @fallback.
 */
char *
banso_archive_language_of_vtt (const char *media_path,
                               const char *vtt_path,
                               const char *fallback)
{
  g_autofree char *stem = stem_of (vtt_path);
  const char *dot = strrchr (stem, '.');

  if (dot != NULL && dot[1] != '\0' && strlen (dot + 1) <= 8)
    return g_ascii_strdown (dot + 1, -1);
  return g_strdup (fallback ? fallback : "vi");
}

/* For g_ptr_array_sort(), which passes pointers to the elements. */
static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The WebVTT files beside a media file: "NAME.vtt" and "NAME.LANG.vtt". */
static GPtrArray *
matching_vtts (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *stem = stem_of (path);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  const char *entry;

  if (d == NULL)
    return found;
  while ((entry = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (entry, -1);
      gsize n = strlen (stem);

      if (!g_str_has_suffix (lower, ".vtt") || strncmp (entry, stem, n) != 0)
        continue;
      if (entry[n] == '.' && (strcmp (lower + n, ".vtt") == 0
                              || strchr (entry + n + 1, '.') == entry + strlen (entry) - 4))
        g_ptr_array_add (found, g_build_filename (dir, entry, NULL));
    }
  g_ptr_array_sort (found, compare_paths);
  return found;
}

static void
run_job (gpointer data,
         gpointer user_data)
{
  Job *job = data;
  Shared *shared = user_data;
  const BansoIngestOptions *options = shared->options;
  g_autoptr(GPtrArray) vtts = NULL;
  g_autoptr(GString) transcript = g_string_new (NULL);
  GError **error = &job->error;

  if (g_cancellable_set_error_if_cancelled (shared->cancellable, error))
    goto out;

  job->probe = banso_archive_probe_file (job->path, shared->cancellable, error);
  if (job->probe == NULL)
    goto out;

  /* The subtitles first: a bad one refuses the file before anything is copied. */
  vtts = matching_vtts (job->path);
  for (guint i = 0; options->subtitles != NULL && options->subtitles[i] != NULL; i++)
    {
      g_autofree char *base = g_path_get_basename (options->subtitles[i]);
      g_autofree char *stem = stem_of (job->path);

      /* Chosen subtitles go with the one file, or with the file of their name. */
      if ((shared->n_files == 1 || g_str_has_prefix (base, stem))
          && !g_ptr_array_find_with_equal_func (vtts, options->subtitles[i], g_str_equal, NULL))
        g_ptr_array_add (vtts, g_strdup (options->subtitles[i]));
    }
  job->subtitles = g_ptr_array_new_with_free_func ((GDestroyNotify) copied_free);
  job->languages = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < vtts->len; i++)
    {
      const char *vtt = vtts->pdata[i];
      g_autoptr(BansoVttFile) file = banso_vtt_file_load (vtt, error);
      g_autofree char *text = NULL;
      Copied *c;

      if (file == NULL)
        goto out;
      text = banso_archive_transcript_of (file);
      if (transcript->len > 0 && text[0] != '\0')
        g_string_append_c (transcript, '\n');
      g_string_append (transcript, text);
      if ((c = copy_in (shared->store, vtt, "text/vtt", shared->cancellable, error)) == NULL)
        goto out;
      g_ptr_array_add (job->subtitles, c);
      g_ptr_array_add (job->languages,
                       banso_archive_language_of_vtt (job->path, vtt, options->language));
    }
  job->transcript = g_string_free (g_steal_pointer (&transcript), FALSE);

  job->media = copy_in (shared->store, job->path, job->probe->mime, shared->cancellable, error);
  if (job->media == NULL)
    goto out;
  job->duplicate_of = banso_archive_find_sha256 (shared->store, job->media->sha256);
  if (job->duplicate_of != NULL)
    goto out;

  if (job->probe->thumbnail != NULL)
    {
      g_autofree char *tmp = NULL;
      int fd = g_file_open_tmp ("banso-thumbnail-XXXXXX.png", &tmp, error);
      gsize len;
      const guint8 *bytes = g_bytes_get_data (job->probe->thumbnail, &len);

      if (fd < 0)
        goto out;
      close (fd);
      if (g_file_set_contents (tmp, (const char *) bytes, len, error))
        job->thumbnail = copy_in (shared->store, tmp, "image/png", shared->cancellable, error);
      g_unlink (tmp);
    }

out:
  g_async_queue_push (shared->done, job);
}

static char *
title_of (const char *path)
{
  g_autofree char *stem = stem_of (path);

  g_strdelimit (stem, "_", ' ');
  return g_steal_pointer (&stem);
}

static char *
date_of (Job *job)
{
  GStatBuf st;

  if (job->probe->taken != NULL)
    return g_strndup (job->probe->taken, 10);
  if (g_stat (job->path, &st) == 0)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (st.st_mtime);

      return g_date_time_format (dt, "%Y-%m-%d");
    }
  return NULL;
}

/* Writes the item of a finished job in a transaction of its own. */
static char *
write_item (BansoStore               *store,
            BansoUser                *user,
            const BansoIngestOptions *options,
            Job                      *job,
            guint                     n_files,
            GError                  **error)
{
  g_autoptr(BansoArchiveItem) item = banso_archive_item_new ();
  BansoArchiveProbe *probe = job->probe;
  BansoArchiveMedia *media = g_new0 (BansoArchiveMedia, 1);
  BansoTxn *txn;

  item->title = options->title && n_files == 1 ? g_strdup (options->title)
                                               : title_of (job->path);
  item->description = g_strdup (options->description);
  item->date = options->date ? g_strdup (options->date) : date_of (job);
  item->commune = g_strdup (options->commune);
  if (options->ethnic != NULL)
    {
      const char *one[] = { options->ethnic, NULL };

      item->ethnic = g_strdupv ((char **) one);
    }
  if (options->language != NULL)
    {
      g_free (item->language);
      item->language = g_strdup (options->language);
    }
  if (options->kind >= 0)
    item->kind = options->kind;
  else if (probe->kind == BANSO_ARCHIVE_MEDIA_AUDIO)
    item->kind = BANSO_ARCHIVE_KIND_SONG;
  item->access = options->access;
  item->roles = g_strdupv ((char **) options->roles);
  item->sample = options->sample;
  item->transcript = g_strdup (job->transcript);
  if (probe->has_gps)
    {
      item->has_coords = TRUE;
      item->latitude = probe->latitude;
      item->longitude = probe->longitude;
    }

  media->sha256 = g_strdup (job->media->sha256);
  media->file_name = g_strdup (job->media->file_name);
  media->mime = g_strdup (probe->mime);
  media->kind = probe->kind;
  media->size = job->media->size;
  media->duration_ms = probe->duration_ms;
  media->width = probe->width;
  media->height = probe->height;
  media->video_codec = g_strdup (probe->video_codec);
  media->audio_codec = g_strdup (probe->audio_codec);
  media->taken = g_strdup (probe->taken);
  g_ptr_array_add (item->media, media);

  if ((txn = banso_store_begin (store, user, error)) == NULL)
    return NULL;

  media->media_id = _banso_archive_put_media (txn, media->sha256, NULL, item->title,
                                              media->file_name, media->mime, media->size,
                                              job->media->chunks, error);
  if (media->media_id == NULL)
    goto fail;
  if (job->thumbnail != NULL)
    {
      item->thumbnail = _banso_archive_put_media (txn, job->thumbnail->sha256, NULL,
                                                  item->title, job->thumbnail->file_name,
                                                  "image/png", job->thumbnail->size,
                                                  job->thumbnail->chunks, error);
      if (item->thumbnail == NULL)
        goto fail;
    }
  for (guint i = 0; i < job->subtitles->len; i++)
    {
      Copied *c = g_ptr_array_index (job->subtitles, i);
      BansoArchiveSubtitle *sub = g_new0 (BansoArchiveSubtitle, 1);

      g_ptr_array_add (item->subtitles, sub);
      sub->sha256 = g_strdup (c->sha256);
      sub->language = g_strdup (job->languages->pdata[i]);
      sub->label = g_strdup (banso_archive_language_label (sub->language));
      sub->media_id = _banso_archive_put_media (txn, c->sha256, NULL, c->file_name,
                                                c->file_name, "text/vtt", c->size, c->chunks,
                                                error);
      if (sub->media_id == NULL)
        goto fail;
    }

  if (!_banso_archive_put (txn, item, FALSE, error))
    goto fail;
  if (!banso_txn_commit (txn, error))
    return NULL;
  return g_strdup (item->id);

fail:
  banso_txn_rollback (txn);
  return NULL;
}

static void
add_path (GPtrArray  *files,
          const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *entry;

      if (d == NULL)
        return;
      while ((entry = g_dir_read_name (d)) != NULL)
        if (entry[0] != '.')
          g_ptr_array_add (names, g_build_filename (path, entry, NULL));
      g_ptr_array_sort (names, compare_paths);
      for (guint i = 0; i < names->len; i++)
        add_path (files, names->pdata[i]);
      return;
    }
  {
    g_autofree char *lower = g_ascii_strdown (path, -1);

    /* Subtitles go with the media file of their name, not as items of their own. */
    if (g_str_has_suffix (lower, ".vtt"))
      return;
  }
  g_ptr_array_add (files, g_strdup (path));
}

/**
 * banso_archive_expand_paths:
 *
 * Returns: (transfer full): the files to ingest: those given, and those in the folders
 *   given, by name; WebVTT files are left to the media files they go with
 */
GPtrArray *
banso_archive_expand_paths (const char * const  *paths,
                            GError             **error)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      if (!g_file_test (paths[i], G_FILE_TEST_EXISTS))
        {
          g_autofree char *display = g_filename_display_name (paths[i]);

          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("There is no file %s."),
                       display);
          g_ptr_array_unref (files);
          return NULL;
        }
      {
        g_autofree char *absolute = g_canonicalize_filename (paths[i], NULL);

        add_path (files, absolute);
      }
    }
  return files;
}

/**
 * banso_archive_ingest:
 * @progress: (nullable): called in this thread after each file
 *
 * Adds the files and folders @paths to the archive. Blocks: call it in a worker thread.
 *
 * Returns: (transfer full) (element-type BansoIngestResult): one result per file, in the
 *   order of @paths; %NULL only when @user may not change the archive or a path does not
 *   exist
 */
GPtrArray *
banso_archive_ingest (BansoStore                *store,
                      BansoUser                 *user,
                      const char * const        *paths,
                      const BansoIngestOptions  *options,
                      BansoIngestProgressFunc    progress,
                      gpointer                   progress_data,
                      GCancellable              *cancellable,
                      GError                   **error)
{
  static const BansoIngestOptions defaults = BANSO_INGEST_OPTIONS_INIT;
  g_autoptr(GPtrArray) files = NULL;
  GThreadPool *pool;
  g_autoptr(GAsyncQueue) done = NULL;
  GPtrArray *results;
  Shared shared;
  guint n_threads;

  if (!banso_user_can_edit_archive (user, error))
    return NULL;
  if ((files = banso_archive_expand_paths (paths, error)) == NULL)
    return NULL;
  banso_archive_gst_init ();

  done = g_async_queue_new ();
  shared.store = store;
  shared.options = options ? options : &defaults;
  shared.cancellable = cancellable;
  shared.done = done;
  shared.n_files = files->len;

  results = g_ptr_array_new_with_free_func ((GDestroyNotify) banso_ingest_result_free);
  for (guint i = 0; i < files->len; i++)
    {
      BansoIngestResult *r = g_new0 (BansoIngestResult, 1);

      r->path = g_strdup (files->pdata[i]);
      g_ptr_array_add (results, r);
    }
  if (files->len == 0)
    return results;

  n_threads = CLAMP (g_get_num_processors (), 1, 4);
  pool = g_thread_pool_new (run_job, &shared, n_threads, FALSE, NULL);
  for (guint i = 0; i < files->len; i++)
    {
      Job *job = g_new0 (Job, 1);

      job->path = g_strdup (files->pdata[i]);
      job->index = i;
      g_thread_pool_push (pool, job, NULL);
    }

  for (guint n = 0; n < files->len; n++)
    {
      Job *job = g_async_queue_pop (done);
      BansoIngestResult *r = g_ptr_array_index (results, job->index);

      if (job->error != NULL)
        r->error = g_steal_pointer (&job->error);
      else if (job->duplicate_of != NULL)
        {
          g_autofree char *name = g_filename_display_basename (job->path);

          r->duplicate = TRUE;
          r->item_id = g_strdup (job->duplicate_of);
          g_set_error (&r->error, BANSO_ARCHIVE_ERROR, BANSO_ARCHIVE_ERROR_DUPLICATE,
                       _("%s is already in the archive; it was not added again"), name);
        }
      else if (!g_cancellable_set_error_if_cancelled (cancellable, &r->error))
        r->item_id = write_item (store, user, shared.options, job, files->len, &r->error);
      if (progress != NULL)
        progress (n + 1, files->len, job->path, progress_data);
      job_free (job);
    }
  g_thread_pool_free (pool, FALSE, TRUE);

  return results;
}
