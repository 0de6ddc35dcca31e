/* banso-dict-tasks.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "banso-dict-io.h"
#include "banso-dict-search.h"
#include "banso-store.h"
#include "banso-store-async.h"

G_BEGIN_DECLS

/* What the Dictionary section asks, each in a worker thread, each write in
 * one transaction. Results come back through banso_store_task_finish():
 * what each function names under Returns. */

/* An entry as read or saved. */
typedef struct
{
  char       *id;
  char       *rev;
  JsonObject *entry;
  GHashTable *media;    /* (nullable): media id → SHA-256 of the files here */
} BansoDictEntryDoc;

#define BANSO_TYPE_DICT_ENTRY_DOC (banso_dict_entry_doc_get_type ())

GType              banso_dict_entry_doc_get_type (void) G_GNUC_CONST;
BansoDictEntryDoc *banso_dict_entry_doc_copy     (const BansoDictEntryDoc *doc);
GFile             *banso_dict_entry_doc_find_media (const BansoDictEntryDoc *doc,
                                                    BansoStore              *store,
                                                    const char              *href);

/* A dictionary as banso_dict_list_async() lists it. */
typedef struct
{
  char     *id;
  char     *title;
  char     *lang;
  guint     n_entries;
  gboolean  sample;
  gboolean  reference;
} BansoDictionaryInfo;

/* An entry removed, as it was, to put back with Undo. */
typedef struct _BansoDictRemoval BansoDictRemoval;

void banso_dict_entry_doc_free     (BansoDictEntryDoc        *doc);
void banso_dictionary_info_free    (BansoDictionaryInfo      *info);
void banso_dict_removal_free       (BansoDictRemoval         *removal);

void banso_dict_search_async       (BansoStore               *store,
                                    const BansoDictQuery     *query,
                                    GCancellable             *cancellable,
                                    GAsyncReadyCallback       callback,
                                    gpointer                  user_data);
void banso_dict_browse_async       (BansoStore               *store,
                                    const char               *lang,
                                    const char               *letter,
                                    guint                     offset,
                                    guint                     limit,
                                    GCancellable             *cancellable,
                                    GAsyncReadyCallback       callback,
                                    gpointer                  user_data);
void banso_dict_entry_load_async   (BansoStore               *store,
                                    const char               *id,
                                    GCancellable             *cancellable,
                                    GAsyncReadyCallback       callback,
                                    gpointer                  user_data);
void banso_dict_entry_save_async   (BansoStore               *store,
                                    BansoUser                *user,
                                    const char               *id,
                                    const char               *rev,
                                    JsonObject               *entry,
                                    const char               *draft_key,
                                    GCancellable             *cancellable,
                                    GAsyncReadyCallback       callback,
                                    gpointer                  user_data);
void banso_dict_entry_remove_async (BansoStore               *store,
                                    BansoUser                *user,
                                    const char               *id,
                                    GCancellable             *cancellable,
                                    GAsyncReadyCallback       callback,
                                    gpointer                  user_data);
void banso_dict_entry_restore_async (BansoStore              *store,
                                     BansoUser               *user,
                                     BansoDictRemoval        *removal,
                                     GCancellable            *cancellable,
                                     GAsyncReadyCallback      callback,
                                     gpointer                 user_data);
void banso_dict_list_async         (BansoStore               *store,
                                    GCancellable             *cancellable,
                                    GAsyncReadyCallback       callback,
                                    gpointer                  user_data);
void banso_dict_import_async       (BansoStore               *store,
                                    BansoUser                *user,
                                    const char               *path,
                                    const char               *lang,
                                    BansoDictImportFlags      flags,
                                    BansoDictImportProgress   progress,
                                    gpointer                  progress_data,
                                    GCancellable             *cancellable,
                                    GAsyncReadyCallback       callback,
                                    gpointer                  user_data);
void banso_dict_export_async       (BansoStore               *store,
                                    const char               *lang,
                                    const char               *dictionary,
                                    const char               *path,
                                    GCancellable             *cancellable,
                                    GAsyncReadyCallback       callback,
                                    gpointer                  user_data);

GPtrArray *banso_dict_list         (sqlite3                  *db,
                                    GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoDictEntryDoc, banso_dict_entry_doc_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoDictionaryInfo, banso_dictionary_info_free)

G_END_DECLS
