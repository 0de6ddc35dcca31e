/* banso-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "banso-user.h"

G_BEGIN_DECLS

#define BANSO_STORE_ERROR (banso_store_error_quark ())

typedef enum
{
  BANSO_STORE_ERROR_CORRUPT,
  BANSO_STORE_ERROR_NEWER,
  BANSO_STORE_ERROR_NOT_BANSO,
  BANSO_STORE_ERROR_SQL,
  BANSO_STORE_ERROR_NOT_FOUND,
  BANSO_STORE_ERROR_CONFLICT,
  BANSO_STORE_ERROR_PERMISSION,
  BANSO_STORE_ERROR_INVALID,
  BANSO_STORE_ERROR_EXISTS,
} BansoStoreError;

#define BANSO_TYPE_STORE (banso_store_get_type ())

G_DECLARE_FINAL_TYPE (BansoStore, banso_store, BANSO, STORE, GObject)

typedef struct _BansoTxn BansoTxn;

/* Runs on each connection the store opens (the writer, every reader) before
 * it is used: a module registers its SQL functions or FTS5 tokenizers there. */
typedef gboolean (*BansoConnectionHook) (sqlite3   *db,
                                         gboolean   writer,
                                         GError   **error);

GQuark      banso_store_error_quark       (void);
BansoStore *banso_store_open              (const char    *path,
                                           GError       **error);
const char *banso_store_get_path          (BansoStore    *self);
gboolean    banso_store_is_demo           (BansoStore    *self);
gboolean    banso_store_has_documents     (BansoStore    *self,
                                           GError       **error);
BansoUser  *banso_store_dup_user          (BansoStore    *self,
                                           const char    *user_id,
                                           GError       **error);
GPtrArray  *banso_store_list_users        (BansoStore    *self,
                                           GError       **error);
BansoUser  *banso_store_dup_admin         (BansoStore    *self,
                                           GError       **error);
gboolean    banso_store_add_user          (BansoStore    *self,
                                           BansoUser     *acting,
                                           BansoUser     *user,
                                           GError       **error);
GPtrArray  *banso_store_get_repairs       (BansoStore    *self);
gboolean    banso_store_checkpoint        (BansoStore    *self,
                                           GError       **error);
char       *banso_now_iso8601             (void);

void        banso_store_add_connection_hook  (BansoConnectionHook hook);
gboolean    banso_store_run_connection_hooks (sqlite3            *db,
                                              gboolean            writer,
                                              GError            **error);

sqlite3    *banso_store_acquire_reader    (BansoStore    *self,
                                           GError       **error);
void        banso_store_release_reader    (BansoStore    *self,
                                           sqlite3       *db);

BansoTxn   *banso_store_begin             (BansoStore    *self,
                                           BansoUser     *user,
                                           GError       **error);
BansoTxn   *banso_store_begin_bulk        (BansoStore    *self,
                                           BansoUser     *user,
                                           GError       **error);
gboolean    banso_txn_commit              (BansoTxn      *txn,
                                           GError       **error);
void        banso_txn_rollback            (BansoTxn      *txn);
sqlite3    *banso_txn_get_db              (BansoTxn      *txn);
BansoUser  *banso_txn_get_user            (BansoTxn      *txn);
BansoStore *banso_txn_get_store           (BansoTxn      *txn);
sqlite3_stmt *banso_txn_prepare           (BansoTxn      *txn,
                                           const char    *sql,
                                           GError       **error);

gboolean    banso_store_set_meta          (BansoStore    *self,
                                           const char    *key,
                                           const char    *value,
                                           GError       **error);
char       *banso_store_get_meta          (BansoStore    *self,
                                           const char    *key);

gboolean    banso_sql_error               (sqlite3       *db,
                                           int            rc,
                                           GError       **error);
gboolean    banso_sql_step_done           (sqlite3       *db,
                                           sqlite3_stmt  *stmt,
                                           GError       **error);
gboolean    banso_sql_exec                (sqlite3       *db,
                                           const char    *sql,
                                           GError       **error);
sqlite3_stmt *banso_sql_prepare           (sqlite3       *db,
                                           const char    *sql,
                                           GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
