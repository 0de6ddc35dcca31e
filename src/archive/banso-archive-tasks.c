/* banso-archive-tasks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The archive's calls for the window, each in a worker thread: the widgets never read the
 * database or decode media themselves.
 */

#define G_LOG_DOMAIN "banso-archive"

#include "config.h"

#include "banso-archive-tasks.h"

typedef struct
{
  BansoStore        *store;
  BansoUser         *user;
  char              *id;
  char              *search, *ethnic, *commune, *media_kind, *language;
  BansoArchiveQuery  query;
  BansoArchiveItem  *item;
  GStrv              paths;
  BansoIngestProgressFunc progress;
  gpointer           progress_data;
  BansoPackageStats  stats;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->store);
  g_clear_object (&job->user);
  g_free (job->id);
  g_free (job->search);
  g_free (job->ethnic);
  g_free (job->commune);
  g_free (job->media_kind);
  g_free (job->language);
  g_clear_pointer (&job->item, banso_archive_item_free);
  g_strfreev (job->paths);
  g_free (job);
}

static GTask *
new_task (BansoStore          *store,
          BansoUser           *user,
          gpointer             tag,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data,
          Job                **out)
{
  GTask *task = g_task_new (store, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->store = g_object_ref (store);
  job->user = user ? g_object_ref (user) : NULL;
  g_task_set_source_tag (task, tag);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  *out = job;
  return task;
}

void
banso_archive_opened_free (BansoArchiveOpened *opened)
{
  if (opened == NULL)
    return;
  g_clear_pointer (&opened->item, banso_archive_item_free);
  g_free (opened->media_path);
  g_clear_pointer (&opened->tracks, g_ptr_array_unref);
  g_clear_pointer (&opened->track_errors, g_ptr_array_unref);
  g_free (opened);
}

/* Lists */

static void
list_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  GPtrArray *rows = banso_archive_list (job->store, job->user, &job->query, &error);

  if (rows == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rows, (GDestroyNotify) g_ptr_array_unref);
}

void
banso_archive_list_async (BansoStore              *store,
                          BansoUser               *user,
                          const BansoArchiveQuery *query,
                          GCancellable            *cancellable,
                          GAsyncReadyCallback      callback,
                          gpointer                 user_data)
{
  Job *job;
  g_autoptr(GTask) task = new_task (store, user, banso_archive_list_async, cancellable,
                                    callback, user_data, &job);

  if (query != NULL)
    job->query = *query;
  else
    job->query = (BansoArchiveQuery) BANSO_ARCHIVE_QUERY_INIT;
  job->query.search = job->search = g_strdup (job->query.search);
  job->query.ethnic = job->ethnic = g_strdup (job->query.ethnic);
  job->query.commune = job->commune = g_strdup (job->query.commune);
  job->query.media_kind = job->media_kind = g_strdup (job->query.media_kind);
  job->query.language = job->language = g_strdup (job->query.language);
  g_task_run_in_thread (task, list_thread);
}

GPtrArray *
banso_archive_list_finish (GAsyncResult  *result,
                           GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Thumbnails */

static void
thumbnail_thread (GTask        *task,
                  gpointer      source,
                  gpointer      data,
                  GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  GBytes *png;

  if (g_task_return_error_if_cancelled (task))
    return;
  png = banso_archive_load_thumbnail (job->store, job->user, job->id, &error);
  if (png == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, png, (GDestroyNotify) g_bytes_unref);
}

void
banso_archive_thumbnail_async (BansoStore          *store,
                               BansoUser           *user,
                               const char          *item_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Job *job;
  g_autoptr(GTask) task = new_task (store, user, banso_archive_thumbnail_async, cancellable,
                                    callback, user_data, &job);

  job->id = g_strdup (item_id);
  g_task_run_in_thread (task, thumbnail_thread);
}

GBytes *
banso_archive_thumbnail_finish (GAsyncResult  *result,
                                GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Opening an item */

static void
open_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  BansoArchiveOpened *opened = g_new0 (BansoArchiveOpened, 1);

  opened->item = banso_archive_load (job->store, job->user, job->id, &error);
  if (opened->item == NULL)
    {
      banso_archive_opened_free (opened);
      g_task_return_error (task, error);
      return;
    }
  if (opened->item->media->len > 0)
    opened->media_path = banso_archive_media_path (job->store, job->user,
                                                   ((BansoArchiveMedia *) opened->item->media->pdata[0])->media_id,
                                                   NULL);
  opened->tracks = g_ptr_array_new_with_free_func ((GDestroyNotify) banso_vtt_file_free);
  opened->track_errors = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < opened->item->subtitles->len; i++)
    {
      BansoArchiveSubtitle *sub = g_ptr_array_index (opened->item->subtitles, i);
      g_autoptr(GError) local = NULL;
      BansoVttFile *file = banso_archive_load_subtitles (job->store, job->user, sub->media_id,
                                                         &local);

      g_ptr_array_add (opened->tracks, file);
      g_ptr_array_add (opened->track_errors, local ? g_strdup (local->message) : NULL);
    }
  g_task_return_pointer (task, opened, (GDestroyNotify) banso_archive_opened_free);
}

void
banso_archive_open_async (BansoStore          *store,
                          BansoUser           *user,
                          const char          *item_id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  Job *job;
  g_autoptr(GTask) task = new_task (store, user, banso_archive_open_async, cancellable,
                                    callback, user_data, &job);

  job->id = g_strdup (item_id);
  g_task_run_in_thread (task, open_thread);
}

BansoArchiveOpened *
banso_archive_open_finish (GAsyncResult  *result,
                           GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Saving (chapters and fields edited on the item page) */

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;

  if (banso_archive_save (job->store, job->user, job->item, &error))
    g_task_return_pointer (task, g_strdup (job->item->rev), g_free);
  else
    g_task_return_error (task, error);
}

void
banso_archive_save_async (BansoStore          *store,
                          BansoUser           *user,
                          BansoArchiveItem    *item,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  Job *job;
  g_autoptr(GTask) task = new_task (store, user, banso_archive_save_async, cancellable,
                                    callback, user_data, &job);
  g_autofree char *json = banso_archive_item_to_json (item);

  job->item = banso_archive_item_from_json (json, NULL);
  job->item->id = g_strdup (item->id);
  job->item->rev = g_strdup (item->rev);
  g_task_run_in_thread (task, save_thread);
}

char *
banso_archive_save_finish (GAsyncResult  *result,
                           GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Ingest, its progress in the caller's main context */

typedef struct
{
  BansoIngestProgressFunc func;
  gpointer                data;
  guint                   done;
  guint                   total;
  char                   *path;
} Progress;

static gboolean
progress_in_main (gpointer user_data)
{
  Progress *p = user_data;

  p->func (p->done, p->total, p->path, p->data);
  g_free (p->path);
  g_free (p);
  return G_SOURCE_REMOVE;
}

static void
progress_from_thread (guint       done,
                      guint       total,
                      const char *path,
                      gpointer    user_data)
{
  GTask *task = user_data;
  Job *job = g_task_get_task_data (task);
  Progress *p;

  if (job->progress == NULL)
    return;
  p = g_new0 (Progress, 1);
  p->func = job->progress;
  p->data = job->progress_data;
  p->done = done;
  p->total = total;
  p->path = g_strdup (path);
  g_main_context_invoke (g_task_get_context (task), progress_in_main, p);
}

static void
ingest_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  GPtrArray *results = banso_archive_ingest (job->store, job->user,
                                             (const char * const *) job->paths, NULL,
                                             progress_from_thread, task, cancellable, &error);

  if (results == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, results, (GDestroyNotify) g_ptr_array_unref);
}

void
banso_archive_ingest_async (BansoStore              *store,
                            BansoUser               *user,
                            const char * const      *paths,
                            BansoIngestProgressFunc  progress,
                            gpointer                 progress_data,
                            GCancellable            *cancellable,
                            GAsyncReadyCallback      callback,
                            gpointer                 user_data)
{
  Job *job;
  g_autoptr(GTask) task = new_task (store, user, banso_archive_ingest_async, cancellable,
                                    callback, user_data, &job);

  job->paths = g_strdupv ((char **) paths);
  job->progress = progress;
  job->progress_data = progress_data;
  g_task_run_in_thread (task, ingest_thread);
}

GPtrArray *
banso_archive_ingest_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Export */

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;

  if (banso_archive_export (job->store, job->user, NULL, job->id, &job->stats, cancellable,
                            &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
banso_archive_export_async (BansoStore          *store,
                            BansoUser           *user,
                            const char          *destination,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Job *job;
  g_autoptr(GTask) task = new_task (store, user, banso_archive_export_async, cancellable,
                                    callback, user_data, &job);

  job->id = g_strdup (destination);
  g_task_run_in_thread (task, export_thread);
}

gboolean
banso_archive_export_finish (GAsyncResult       *result,
                             BansoPackageStats  *stats,
                             GError            **error)
{
  Job *job = g_task_get_task_data (G_TASK (result));

  if (stats != NULL)
    *stats = job->stats;
  return g_task_propagate_boolean (G_TASK (result), error);
}
