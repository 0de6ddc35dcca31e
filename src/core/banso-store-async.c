/* banso-store-async.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-core"

#include "config.h"

#include "banso-store-async.h"

/* The window never waits on SQLite: every read and write it asks for runs here,
 * in a worker thread, and comes back to the main loop through GTask.
 */

typedef struct
{
  BansoReadFunc   read;
  BansoWriteFunc  write;
  BansoUser      *user;
  gpointer        data;
  GDestroyNotify  data_free;
  GDestroyNotify  result_free;
} Job;

static void
job_free (Job *job)
{
  if (job->data_free && job->data)
    job->data_free (job->data);
  g_clear_object (&job->user);
  g_free (job);
}

static void
run_read (GTask        *task,
          gpointer      source_object,
          gpointer      task_data,
          GCancellable *cancellable)
{
  BansoStore *store = source_object;
  Job *job = task_data;
  GError *error = NULL;
  gpointer result;
  sqlite3 *db;

  if (!(db = banso_store_acquire_reader (store, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  result = job->read (db, job->data, &error);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  banso_store_release_reader (store, db);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, job->result_free);
}

static void
run_write (GTask        *task,
           gpointer      source_object,
           gpointer      task_data,
           GCancellable *cancellable)
{
  BansoStore *store = source_object;
  Job *job = task_data;
  GError *error = NULL;
  gpointer result;
  BansoTxn *txn;

  if (!(txn = banso_store_begin (store, job->user, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  result = job->write (txn, job->data, &error);
  if (error != NULL)
    {
      banso_txn_rollback (txn);
      if (result && job->result_free)
        job->result_free (result);
      g_task_return_error (task, error);
      return;
    }

  if (!banso_txn_commit (txn, &error))
    {
      if (result && job->result_free)
        job->result_free (result);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, result, job->result_free);
}

void
banso_store_read_async (BansoStore          *store,
                        BansoReadFunc        func,
                        gpointer             data,
                        GDestroyNotify       data_free,
                        GDestroyNotify       result_free,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->read = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  g_task_set_source_tag (task, banso_store_read_async);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_task_run_in_thread (task, run_read);
}

void
banso_store_write_async (BansoStore          *store,
                         BansoUser           *user,
                         BansoWriteFunc       func,
                         gpointer             data,
                         GDestroyNotify       data_free,
                         GDestroyNotify       result_free,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->write = func;
  job->user = g_object_ref (user);
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  g_task_set_source_tag (task, banso_store_write_async);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_task_run_in_thread (task, run_write);
}

/* For work that manages its own transactions, such as an import. */
void
banso_store_run_async (BansoStore          *store,
                       GTaskThreadFunc      func,
                       gpointer             data,
                       GDestroyNotify       data_free,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);

  g_task_set_source_tag (task, banso_store_run_async);
  g_task_set_task_data (task, data, data_free);
  g_task_run_in_thread (task, func);
}

gpointer
banso_store_task_finish (BansoStore    *store,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
