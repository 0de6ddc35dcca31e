/* banso-drafts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-core"

#include "config.h"

#include <json-glib/json-glib.h>

#include <string.h>

#include "banso-document.h"
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

/**
 * banso_draft_wrap:
 * @member: the kind of record: its document type
 * @rev: (nullable): the revision the form started from
 *
 * Returns: the draft body: the record as typed, with its revision, so that a
 *   reopened form still detects a change made elsewhere meanwhile
 */
char *
banso_draft_wrap (const char *member,
                  const char *rev,
                  const char *record_json)
{
  GString *body = g_string_new ("{\"rev\":");

  if (rev != NULL)
    banso_json_append_string (body, rev);
  else
    g_string_append (body, "null");
  g_string_append_printf (body, ",\"%s\":%s}", member, record_json);
  return g_string_free (body, FALSE);
}

/**
 * banso_draft_unwrap:
 *
 * Returns: (nullable): the record's JSON, or %NULL when @body is not a draft
 *   of that kind
 */
char *
banso_draft_unwrap (const char  *body,
                    const char  *member,
                    char       **rev)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonNode *record;

  if (!json_parser_load_from_data (parser, body, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  root = json_node_get_object (json_parser_get_root (parser));
  record = json_object_get_member (root, member);
  if (record == NULL || !JSON_NODE_HOLDS_OBJECT (record))
    return NULL;

  if (rev != NULL)
    *rev = g_strdup (json_object_get_string_member_with_default (root, "rev", NULL));
  return json_to_string (record, FALSE);
}

/* Inside a save's transaction: the record and the end of its draft commit
 * together, so one of them is always there. */
gboolean
banso_draft_remove_in (BansoTxn    *txn,
                       const char  *key,
                       GError     **error)
{
  sqlite3_stmt *stmt = banso_txn_prepare (txn, "DELETE FROM drafts WHERE key = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return banso_sql_error (banso_txn_get_db (txn), rc, error);
  return TRUE;
}

typedef struct
{
  BansoUser *user;
  char      *key;
  char      *kind;
  char      *doc_id;
  char      *body;
} KeepJob;

static void
keep_job_free (KeepJob *job)
{
  g_clear_object (&job->user);
  g_free (job->key);
  g_free (job->kind);
  g_free (job->doc_id);
  g_free (job->body);
  g_free (job);
}

static void
keep_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  KeepJob *job = task_data;
  g_autoptr(GError) error = NULL;

  if (job->body != NULL)
    banso_draft_save (BANSO_STORE (source_object), job->user, job->key, job->kind, job->doc_id,
                      job->body, &error);
  else
    banso_draft_delete (BANSO_STORE (source_object), job->user, job->key, &error);

  if (error != NULL)
    g_warning ("Could not keep the draft %s: %s", job->key, error->message);
  g_task_return_boolean (task, error == NULL);
}

/**
 * banso_draft_keep_async:
 * @body: (nullable): the draft, or %NULL to forget it
 *
 * Writes or removes a draft in a worker thread; forms call it as the user
 * types, and a failure is logged rather than shown, since the form itself
 * still holds what was typed.
 */
void
banso_draft_keep_async (BansoStore *store,
                        BansoUser  *user,
                        const char *key,
                        const char *kind,
                        const char *doc_id,
                        const char *body)
{
  g_autoptr(GTask) task = g_task_new (store, NULL, NULL, NULL);
  KeepJob *job = g_new0 (KeepJob, 1);

  job->user = g_object_ref (user);
  job->key = g_strdup (key);
  job->kind = g_strdup (kind);
  job->doc_id = g_strdup (doc_id);
  job->body = g_strdup (body);
  g_task_set_source_tag (task, banso_draft_keep_async);
  g_task_set_task_data (task, job, (GDestroyNotify)keep_job_free);
  g_task_run_in_thread (task, keep_thread);
}

/**
 * banso_draft_key_new:
 * @doc_id: (nullable): the record being edited, or %NULL for a new one
 *
 * Returns: the key of a form's draft: "TYPE:ID", or "TYPE:new-…"
 *   for a record not saved yet
 */
char *
banso_draft_key_new (const char *kind,
                     const char *doc_id)
{
  g_autofree char *id = NULL;

  if (doc_id != NULL)
    return g_strdup_printf ("%s:%s", kind, doc_id);
  id = banso_doc_new_id ();
  return g_strdup_printf ("%s:new-%s", kind, id);
}

/**
 * banso_draft_key_doc_id:
 *
 * Returns: (nullable): the record a draft of @kind edits, %NULL for a new one
 */
char *
banso_draft_key_doc_id (const char *key,
                        const char *kind)
{
  gsize n = strlen (kind);

  if (strncmp (key, kind, n) != 0 || key[n] != ':' || g_str_has_prefix (key + n + 1, "new-"))
    return NULL;
  return g_strdup (key + n + 1);
}
