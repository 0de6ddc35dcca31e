/* banso-store-async.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-store.h"

G_BEGIN_DECLS

/* Work that reads: runs in a worker thread on a reader connection. */
typedef gpointer (*BansoReadFunc)  (sqlite3   *db,
                                    gpointer   data,
                                    GError   **error);
/* Work that writes: runs in a worker thread inside one transaction. */
typedef gpointer (*BansoWriteFunc) (BansoTxn  *txn,
                                    gpointer   data,
                                    GError   **error);

void     banso_store_read_async   (BansoStore          *store,
                                   BansoReadFunc        func,
                                   gpointer             data,
                                   GDestroyNotify       data_free,
                                   GDestroyNotify       result_free,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
void     banso_store_write_async  (BansoStore          *store,
                                   BansoUser           *user,
                                   BansoWriteFunc       func,
                                   gpointer             data,
                                   GDestroyNotify       data_free,
                                   GDestroyNotify       result_free,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
void     banso_store_run_async    (BansoStore          *store,
                                   GTaskThreadFunc      func,
                                   gpointer             data,
                                   GDestroyNotify       data_free,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
gpointer banso_store_task_finish  (BansoStore          *store,
                                   GAsyncResult        *result,
                                   GError             **error);

G_END_DECLS
