/* banso-dict-tasks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dictionary's calls for the window: what goes into each transaction is
 * decided here, next to the dictionary, not by the widgets.
 */

#define G_LOG_DOMAIN "banso-dict"

#include "config.h"

#include "banso-dict.h"
#include "banso-json.h"
#include "banso-dict-tasks.h"
#include "banso-drafts.h"
#include "banso-media.h"
#include "banso-store-async.h"

void
banso_dict_entry_doc_free (BansoDictEntryDoc *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->id);
  g_free (doc->rev);
  g_clear_pointer (&doc->entry, json_object_unref);
  g_clear_pointer (&doc->media, g_hash_table_unref);
  g_free (doc);
}

/**
 * banso_dict_entry_doc_copy:
 *
 * Returns: (transfer full): a copy of @doc, its entry shared
 */
BansoDictEntryDoc *
banso_dict_entry_doc_copy (const BansoDictEntryDoc *doc)
{
  BansoDictEntryDoc *copy = g_new0 (BansoDictEntryDoc, 1);

  copy->id = g_strdup (doc->id);
  copy->rev = g_strdup (doc->rev);
  copy->entry = doc->entry ? json_object_ref (doc->entry) : NULL;
  copy->media = doc->media ? g_hash_table_ref (doc->media) : NULL;
  return copy;
}

G_DEFINE_BOXED_TYPE (BansoDictEntryDoc, banso_dict_entry_doc,
                     banso_dict_entry_doc_copy, banso_dict_entry_doc_free)

void
banso_dictionary_info_free (BansoDictionaryInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->title);
  g_free (info->lang);
  g_free (info);
}

struct _BansoDictRemoval
{
  char       *id;
  char       *rev;      /* of the tombstone: saving on it restores the entry */
  JsonObject *entry;
};

void
banso_dict_removal_free (BansoDictRemoval *removal)
{
  if (removal == NULL)
    return;
  g_free (removal->id);
  g_free (removal->rev);
  g_clear_pointer (&removal->entry, json_object_unref);
  g_free (removal);
}

static JsonObject *
copy_object (JsonObject *o)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), o);
  g_autoptr(JsonNode) copy = json_node_copy (node);

  /* json_node_copy() shares the object: make it a deep copy. */
  g_autofree char *text = json_to_string (copy, FALSE);
  g_autoptr(JsonNode) fresh = json_from_string (text, NULL);

  return json_object_ref (json_node_get_object (fresh));
}

/* Search and browse {{{ */

static gpointer
search_thread (sqlite3  *db,
               gpointer  data,
               GError  **error)
{
  return banso_dict_search (db, data, error);
}

/**
 * banso_dict_search_async:
 *
 * Returns: (transfer full) (element-type BansoDictHit): the results, best first
 */
void
banso_dict_search_async (BansoStore            *store,
                         const BansoDictQuery  *query,
                         GCancellable          *cancellable,
                         GAsyncReadyCallback    callback,
                         gpointer               user_data)
{
  banso_store_read_async (store, search_thread, banso_dict_query_copy (query),
                          (GDestroyNotify)banso_dict_query_free,
                          (GDestroyNotify)g_ptr_array_unref, cancellable, callback, user_data);
}

typedef struct
{
  char  *lang;
  char  *letter;
  guint  offset, limit;
} BrowseJob;

static void
browse_job_free (BrowseJob *job)
{
  g_free (job->lang);
  g_free (job->letter);
  g_free (job);
}

static gpointer
browse_thread (sqlite3  *db,
               gpointer  data,
               GError  **error)
{
  BrowseJob *job = data;

  return banso_dict_browse (db, job->lang, job->letter, NULL, job->offset, job->limit, error);
}

/**
 * banso_dict_browse_async:
 *
 * Returns: (transfer full) (element-type BansoDictHit): a page of entries
 *   of @lang beginning with @letter, in the alphabet order
 */
void
banso_dict_browse_async (BansoStore          *store,
                         const char          *lang,
                         const char          *letter,
                         guint                offset,
                         guint                limit,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  BrowseJob *job = g_new0 (BrowseJob, 1);

  job->lang = g_strdup (lang);
  job->letter = g_strdup (letter);
  job->offset = offset;
  job->limit = limit;
  banso_store_read_async (store, browse_thread, job, (GDestroyNotify)browse_job_free,
                          (GDestroyNotify)g_ptr_array_unref, cancellable, callback, user_data);
}

/* }}} */

/* Entries {{{ */

/* Notes in @files the SHA-256 of each media file @node refers to
 * ("media_id"), wherever it is in the entry. */
static void
find_media (sqlite3      *db,
            sqlite3_stmt *stmt,
            JsonNode     *node,
            GHashTable   *files)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        find_media (db, stmt, json_array_get_element (array, i), files);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      const char *id = json_object_get_string_member_with_default (object, "media_id", NULL);
      g_autoptr(GList) members = json_object_get_values (object);

      if (id != NULL && !g_hash_table_contains (files, id))
        {
          sqlite3_reset (stmt);
          sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
          if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 1))
            g_hash_table_insert (files, g_strdup (id),
                                 g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
        }
      for (GList *l = members; l != NULL; l = l->next)
        find_media (db, stmt, l->data, files);
    }
}

static const char *
media_id_of_href (JsonNode   *node,
                  const char *href)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *id = media_id_of_href (json_array_get_element (array, i), href);

          if (id != NULL)
            return id;
        }
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = NULL;

      if (g_strcmp0 (json_object_get_string_member_with_default (object, "href", NULL), href) == 0
          && json_object_has_member (object, "media_id"))
        return json_object_get_string_member_with_default (object, "media_id", NULL);
      members = json_object_get_values (object);
      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *id = media_id_of_href (l->data, href);

          if (id != NULL)
            return id;
        }
    }
  return NULL;
}

/**
 * banso_dict_entry_doc_find_media:
 * @href: a media reference of the entry ("audio/x.wav")
 *
 * Needs no database: the files were looked up when the entry was loaded.
 *
 * Returns: (transfer full) (nullable): the file of @href, if it is all here
 */
GFile *
banso_dict_entry_doc_find_media (const BansoDictEntryDoc *doc,
                                 BansoStore              *store,
                                 const char              *href)
{
  g_autoptr(JsonNode) node = NULL;
  const char *id;
  const char *sha256;
  g_autofree char *path = NULL;

  g_return_val_if_fail (doc != NULL && href != NULL, NULL);

  if (doc->entry == NULL || doc->media == NULL)
    return NULL;
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, doc->entry);
  id = media_id_of_href (node, href);
  sha256 = id ? g_hash_table_lookup (doc->media, id) : NULL;
  if (sha256 == NULL)
    return NULL;
  path = banso_media_path (store, sha256);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  return g_file_new_for_path (path);
}

static gpointer
load_thread (sqlite3  *db,
             gpointer  data,
             GError  **error)
{
  g_autoptr(BansoDocInfo) info = banso_doc_lookup_typed (db, data, BANSO_DICT_ENTRY_TYPE,
                                                         "dictionary entry", error);
  g_autoptr(JsonNode) node = NULL;
  BansoDictEntryDoc *doc;

  if (info == NULL)
    return NULL;
  node = json_from_string (info->body, error);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  doc = g_new0 (BansoDictEntryDoc, 1);
  doc->id = g_strdup (info->id);
  doc->rev = g_strdup (info->rev);
  doc->entry = json_object_ref (json_node_get_object (node));
  doc->media = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  {
    /* Only the files whose every piece is here can be played. */
    g_autoptr(sqlite3_stmt) stmt =
      banso_sql_prepare (db,
                         "SELECT m.sha256, m.have >= m.chunks FROM media_files m"
                         " JOIN documents d ON d.docno = m.docno WHERE d.id = ?1",
                         NULL);

    if (stmt != NULL)
      find_media (db, stmt, node, doc->media);
  }
  return doc;
}

/**
 * banso_dict_entry_load_async:
 *
 * Returns: (transfer full): the #BansoDictEntryDoc of @id
 */
void
banso_dict_entry_load_async (BansoStore          *store,
                             const char          *id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  banso_store_read_async (store, load_thread, g_strdup (id), g_free,
                          (GDestroyNotify)banso_dict_entry_doc_free, cancellable, callback,
                          user_data);
}

typedef struct
{
  BansoDictEntryDoc *doc;
  char              *draft_key;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  banso_dict_entry_doc_free (job->doc);
  g_free (job->draft_key);
  g_free (job);
}

static gpointer
save_thread (BansoTxn  *txn,
             gpointer   data,
             GError   **error)
{
  SaveJob *job = data;
  BansoDictEntryDoc *saved = g_new0 (BansoDictEntryDoc, 1);

  /* The draft goes in the same transaction as the save: one or the other is
   * always there. */
  if (!banso_dict_entry_save (txn, job->doc->id, job->doc->rev, job->doc->entry,
                              BANSO_DOC_PUT_DEFAULT, &saved->id, &saved->rev, error) ||
      (job->draft_key != NULL && !banso_draft_remove_in (txn, job->draft_key, error)))
    {
      banso_dict_entry_doc_free (saved);
      return NULL;
    }
  saved->entry = json_object_ref (job->doc->entry);
  return saved;
}

/**
 * banso_dict_entry_save_async:
 * @id: (nullable): the entry's id; %NULL: a new entry
 * @rev: (nullable): the revision the form was opened at
 * @entry: the entry (with its "dictionary"); copied
 * @draft_key: (nullable): the form's draft, removed with the save
 *
 * Returns: (transfer full): the #BansoDictEntryDoc saved, with its new revision
 */
void
banso_dict_entry_save_async (BansoStore          *store,
                             BansoUser           *user,
                             const char          *id,
                             const char          *rev,
                             JsonObject          *entry,
                             const char          *draft_key,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  SaveJob *job = g_new0 (SaveJob, 1);

  job->doc = g_new0 (BansoDictEntryDoc, 1);
  job->doc->id = g_strdup (id);
  job->doc->rev = g_strdup (rev);
  job->doc->entry = copy_object (entry);
  job->draft_key = g_strdup (draft_key);
  banso_store_write_async (store, user, save_thread, job, (GDestroyNotify)save_job_free,
                           (GDestroyNotify)banso_dict_entry_doc_free, cancellable, callback,
                           user_data);
}

static gpointer
remove_thread (BansoTxn  *txn,
               gpointer   data,
               GError   **error)
{
  g_autoptr(BansoDocInfo) info = banso_doc_lookup (banso_txn_get_db (txn), data, error);
  g_autoptr(JsonNode) node = NULL;
  BansoDictRemoval *removal;

  if (info == NULL)
    return NULL;
  node = json_from_string (info->body, NULL);
  removal = g_new0 (BansoDictRemoval, 1);
  removal->id = g_strdup (info->id);
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    removal->entry = json_object_ref (json_node_get_object (node));
  if (!banso_dict_doc_delete (txn, info->id, info->rev, &removal->rev, error) ||
      removal->entry == NULL)
    {
      banso_dict_removal_free (removal);
      return NULL;
    }
  return removal;
}

/**
 * banso_dict_entry_remove_async:
 *
 * Returns: (transfer full): the #BansoDictRemoval that puts it back
 */
void
banso_dict_entry_remove_async (BansoStore          *store,
                               BansoUser           *user,
                               const char          *id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  banso_store_write_async (store, user, remove_thread, g_strdup (id), g_free,
                           (GDestroyNotify)banso_dict_removal_free, cancellable, callback,
                           user_data);
}

static gpointer
restore_thread (BansoTxn  *txn,
                gpointer   data,
                GError   **error)
{
  BansoDictRemoval *removal = data;

  /* Saving on top of the tombstone's revision restores the entry. */
  banso_dict_entry_save (txn, removal->id, removal->rev, removal->entry, BANSO_DOC_PUT_DEFAULT,
                         NULL, NULL, error);
  return NULL;
}

/**
 * banso_dict_entry_restore_async:
 * @removal: (transfer full): from banso_dict_entry_remove_async()
 *
 * Puts a removed entry back as it was. Returns: nothing.
 */
void
banso_dict_entry_restore_async (BansoStore          *store,
                                BansoUser           *user,
                                BansoDictRemoval    *removal,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  banso_store_write_async (store, user, restore_thread, removal,
                           (GDestroyNotify)banso_dict_removal_free, NULL, cancellable, callback,
                           user_data);
}

/* }}} */

/* Dictionaries, import, export {{{ */

/**
 * banso_dict_list:
 *
 * Returns: (transfer full) (element-type BansoDictionaryInfo): the dictionaries
 */
GPtrArray *
banso_dict_list (sqlite3  *db,
                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = banso_sql_prepare (db,
    "SELECT d.id, x.title, x.lang, x.sample, x.reference,"
    " (SELECT count (*) FROM dict_entry_index e WHERE e.dictionary = d.id)"
    " FROM dict_dictionary_index x JOIN documents d USING (docno) ORDER BY x.title",
    error);
  GPtrArray *list;
  int rc;

  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify)banso_dictionary_info_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BansoDictionaryInfo *info = g_new0 (BansoDictionaryInfo, 1);

      info->id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      info->title = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      info->lang = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      info->sample = sqlite3_column_int (stmt, 3);
      info->reference = sqlite3_column_int (stmt, 4);
      info->n_entries = sqlite3_column_int (stmt, 5);
      g_ptr_array_add (list, info);
    }
  if (rc != SQLITE_DONE)
    {
      g_ptr_array_unref (list);
      banso_sql_error (db, rc, error);
      return NULL;
    }
  return list;
}

static gpointer
list_thread (sqlite3  *db,
             gpointer  data,
             GError  **error)
{
  return banso_dict_list (db, error);
}

/**
 * banso_dict_list_async:
 *
 * Returns: (transfer full) (element-type BansoDictionaryInfo): the dictionaries
 */
void
banso_dict_list_async (BansoStore          *store,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  banso_store_read_async (store, list_thread, NULL, NULL, (GDestroyNotify)g_ptr_array_unref,
                          cancellable, callback, user_data);
}

typedef struct
{
  BansoUser               *user;
  char                    *path;
  char                    *lang;
  char                    *dictionary;
  BansoDictImportFlags     flags;
  BansoDictImportProgress  progress;
  gpointer                 progress_data;
  GMainContext            *context;
} FileJob;

static void
file_job_free (FileJob *job)
{
  g_clear_object (&job->user);
  g_free (job->path);
  g_free (job->lang);
  g_free (job->dictionary);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_free (job);
}

typedef struct
{
  FileJob *job;
  guint64  done, total;
  guint    entries;
} Progress;

static gboolean
report_progress (gpointer data)
{
  Progress *p = data;

  p->job->progress (p->done, p->total, p->entries, p->job->progress_data);
  return G_SOURCE_REMOVE;
}

/* From the worker to the thread that asked, which owns the progress bar. */
static void
forward_progress (guint64  done,
                  guint64  total,
                  guint    entries,
                  gpointer user_data)
{
  FileJob *job = user_data;
  Progress *p = g_new0 (Progress, 1);

  p->job = job;
  p->done = done;
  p->total = total;
  p->entries = entries;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, report_progress, p, g_free);
}

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  FileJob *job = data;
  GError *error = NULL;
  BansoDictImportResult *result;

  result = banso_dict_import_file (BANSO_STORE (source), job->user, job->path, job->lang,
                                   job->flags,
                                   job->progress ? forward_progress : NULL, job, cancellable,
                                   &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify)banso_dict_import_result_free);
}

/**
 * banso_dict_import_async:
 * @lang: (nullable): the language of the entries when the file does not say
 * @flags: what a missing sound file does
 * @progress: (nullable): called in the caller's main context as the file is read;
 *   @progress_data must live until the task completes
 *
 * Imports a dictionary file all or nothing; cancelling leaves the store as it was.
 *
 * Returns: (transfer full): the #BansoDictImportResult
 */
void
banso_dict_import_async (BansoStore               *store,
                         BansoUser                *user,
                         const char               *path,
                         const char               *lang,
                         BansoDictImportFlags      flags,
                         BansoDictImportProgress   progress,
                         gpointer                  progress_data,
                         GCancellable             *cancellable,
                         GAsyncReadyCallback       callback,
                         gpointer                  user_data)
{
  FileJob *job = g_new0 (FileJob, 1);

  job->user = g_object_ref (user);
  job->path = g_strdup (path);
  job->lang = g_strdup (lang);
  job->flags = flags;
  job->progress = progress;
  job->progress_data = progress_data;
  job->context = g_main_context_ref_thread_default ();
  banso_store_run_async (store, import_thread, job, (GDestroyNotify)file_job_free, cancellable,
                         callback, user_data);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  FileJob *job = data;
  GError *error = NULL;
  guint *n = g_new0 (guint, 1);

  if (!banso_dict_export_file (BANSO_STORE (source), job->lang, job->dictionary, job->path, n,
                               cancellable, &error))
    {
      g_free (n);
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, n, g_free);
}

/**
 * banso_dict_export_async:
 * @lang: (nullable): the entries of this language
 * @dictionary: (nullable): the entries of this dictionary
 *
 * Returns: (transfer full): a guint, the number of entries written (g_free() it)
 */
void
banso_dict_export_async (BansoStore          *store,
                         const char          *lang,
                         const char          *dictionary,
                         const char          *path,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  FileJob *job = g_new0 (FileJob, 1);

  job->path = g_strdup (path);
  job->lang = g_strdup (lang);
  job->dictionary = g_strdup (dictionary);
  banso_store_run_async (store, export_thread, job, (GDestroyNotify)file_job_free, cancellable,
                         callback, user_data);
}

/* }}} */
