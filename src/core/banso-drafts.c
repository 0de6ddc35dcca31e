/* banso-drafts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-core"

#include "config.h"

#include "banso-drafts.h"

/* A half-filled form is written here as the user types, with the same
 * durability as records, so that closing the window or a crash loses nothing.
 * Drafts are local to this office and never synced.
 */

void
banso_draft_free (BansoDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->key);
  g_free (draft->kind);
  g_free (draft->doc_id);
  g_free (draft->body);
  g_free (draft);
}

gboolean
banso_draft_save (BansoStore  *store,
                  BansoUser   *user,
                  const char  *key,
                  const char  *kind,
                  const char  *doc_id,
                  const char  *body,
                  GError     **error)
{
  g_autofree char *now = banso_now_iso8601 ();
  BansoTxn *txn;
  sqlite3_stmt *stmt;

  if (!(txn = banso_store_begin (store, user, error)))
    return FALSE;

  stmt = banso_txn_prepare (txn, "INSERT OR REPLACE INTO drafts (key, kind, doc_id, body, updated_at)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    {
      banso_txn_rollback (txn);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, doc_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, body, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      banso_sql_error (banso_txn_get_db (txn), sqlite3_errcode (banso_txn_get_db (txn)), error);
      sqlite3_reset (stmt);
      banso_txn_rollback (txn);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return banso_txn_commit (txn, error);
}

gboolean
banso_draft_delete (BansoStore  *store,
                    BansoUser   *user,
                    const char  *key,
                    GError     **error)
{
  BansoTxn *txn;
  sqlite3_stmt *stmt;

  if (!(txn = banso_store_begin (store, user, error)))
    return FALSE;

  stmt = banso_txn_prepare (txn, "DELETE FROM drafts WHERE key = ?1", error);
  if (stmt == NULL)
    {
      banso_txn_rollback (txn);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_step (stmt);
  sqlite3_reset (stmt);
  return banso_txn_commit (txn, error);
}

GPtrArray *
banso_draft_list (BansoStore  *store,
                  GError     **error)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify)banso_draft_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  if (!(db = banso_store_acquire_reader (store, error)))
    return NULL;

  stmt = banso_sql_prepare (db, "SELECT key, kind, doc_id, body FROM drafts ORDER BY updated_at",
                            error);
  if (stmt != NULL)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        BansoDraft *draft = g_new0 (BansoDraft, 1);
        draft->key = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
        draft->kind = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
        draft->doc_id = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
        draft->body = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
        g_ptr_array_add (drafts, draft);
      }
  g_clear_pointer (&stmt, sqlite3_finalize);
  banso_store_release_reader (store, db);

  return g_steal_pointer (&drafts);
}
