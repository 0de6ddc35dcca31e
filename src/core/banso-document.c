/* banso-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-core"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "banso-document.h"
#include "banso-store-private.h"

char *
banso_doc_new_id (void)
{
  /* Random ids, as CouchDB's own: two offline offices never pick the same one. */
  g_autofree char *uuid = g_uuid_string_random ();
  GString *id = g_string_sized_new (32);

  for (const char *p = uuid; *p; p++)
    if (*p != '-')
      g_string_append_c (id, *p);

  return g_string_free (id, FALSE);
}

guint
banso_revision_generation (const char *rev)
{
  if (rev == NULL)
    return 0;
  return (guint)strtoul (rev, NULL, 10);
}

/* CouchDB's revision form, N-hash: the generation counts edits, the hash makes two
 * offices' edits of the same generation distinct, and the same edit made twice
 * (a retried push) yields the same revision instead of a duplicate.
 */
char *
banso_revision_compute (const char *parent_rev,
                        gboolean    deleted,
                        const char *body)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_MD5);
  guint generation = banso_revision_generation (parent_rev) + 1;

  if (parent_rev != NULL)
    g_checksum_update (checksum, (const guchar *)parent_rev, -1);
  g_checksum_update (checksum, (const guchar *)(deleted ? "\1" : "\0"), 1);
  g_checksum_update (checksum, (const guchar *)body, -1);

  return g_strdup_printf ("%u-%s", generation, g_checksum_get_string (checksum));
}

void
banso_doc_info_free (BansoDocInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->type);
  g_free (info->rev);
  g_free (info->body);
  g_free (info);
}

BansoDocInfo *
banso_doc_lookup (sqlite3     *db,
                  const char  *id,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  BansoDocInfo *info;
  int rc;

  stmt = banso_sql_prepare (db, "SELECT docno, type, rev, deleted, body FROM documents"
                                " WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_NOT_FOUND,
                   _("The record %s does not exist."), id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      banso_sql_error (db, rc, error);
      return NULL;
    }

  info = g_new0 (BansoDocInfo, 1);
  info->docno = sqlite3_column_int64 (stmt, 0);
  info->id = g_strdup (id);
  info->type = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
  info->rev = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
  info->deleted = sqlite3_column_int (stmt, 3);
  info->body = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
  return info;
}

/**
 * banso_doc_lookup_typed:
 * @type_label: how the message names the kind (an indefinite noun phrase)
 *
 * Like banso_doc_lookup(), but refuses a document of another type.
 */
BansoDocInfo *
banso_doc_lookup_typed (sqlite3     *db,
                        const char  *id,
                        const char  *type,
                        const char  *type_label,
                        GError     **error)
{
  BansoDocInfo *info = banso_doc_lookup (db, id, error);

  if (info != NULL && g_strcmp0 (info->type, type) != 0)
    {
      /* Translators: the second %s names a kind of record, with its article. */
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_NOT_FOUND,
                   _("The record %s is not %s."), id, type_label);
      g_clear_pointer (&info, banso_doc_info_free);
    }
  return info;
}

/**
 * banso_json_append_string:
 *
 * Appends @value as a JSON string. A writer of our own: an import writes a
 * million bodies, and building a JsonNode tree for each costs more than the
 * rest of the import together.
 */
void
banso_json_append_string (GString    *out,
                          const char *value)
{
  const char *p = value;
  const char *start = value;

  g_string_append_c (out, '"');
  for (; *p; p++)
    {
      guchar c = (guchar)*p;
      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      g_string_append_len (out, start, p - start);
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default: g_string_append_printf (out, "\\u%04x", c); break;
        }
      start = p + 1;
    }
  g_string_append_len (out, start, p - start);
  g_string_append_c (out, '"');
}

gboolean
_banso_doc_keep_revision (BansoTxn    *txn,
                          const char  *id,
                          GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = banso_txn_prepare (txn,
                            "INSERT OR IGNORE INTO revisions (doc_id, rev, parent_rev, deleted, body)"
                            " SELECT id, rev, parent_rev, deleted, body FROM documents WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  return banso_sql_step_done (banso_txn_get_db (txn), stmt, error);
}

typedef struct
{
  gboolean  exists;
  gint64    docno;
  char     *rev;
  char     *type;
  gboolean  deleted;
} Current;

static gboolean
read_current (BansoTxn    *txn,
              const char  *id,
              Current     *cur,
              GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  memset (cur, 0, sizeof *cur);
  stmt = banso_txn_prepare (txn, "SELECT docno, rev, type, deleted FROM documents WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      cur->exists = TRUE;
      cur->docno = sqlite3_column_int64 (stmt, 0);
      cur->rev = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      cur->type = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      cur->deleted = sqlite3_column_int (stmt, 3);
    }
  else if (rc != SQLITE_DONE)
    return banso_sql_error (banso_txn_get_db (txn), rc, error);

  sqlite3_reset (stmt);
  return TRUE;
}

static void
current_clear (Current *cur)
{
  g_clear_pointer (&cur->rev, g_free);
  g_clear_pointer (&cur->type, g_free);
}

/* A document certain to be new, with its first revision: no look-up, the
 * unique index on ids finds an id taken (%BANSO_STORE_ERROR_EXISTS). */
gboolean
_banso_doc_insert_new (BansoTxn          *txn,
                       const char        *type,
                       const char        *id,
                       const char        *rev,
                       const char        *body,
                       gssize             body_len,
                       BansoDocPutFlags   flags,
                       gint64            *out_docno,
                       GError           **error)
{
  sqlite3 *db = banso_txn_get_db (txn);
  sqlite3_stmt *stmt;
  int rc;

  stmt = banso_txn_prepare (txn,
                            "INSERT INTO documents (id, type, rev, parent_rev, deleted, seq, body)"
                            " VALUES (?1, ?2, ?3, NULL, 0, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, rev, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, _banso_txn_next_seq (txn));
  sqlite3_bind_text (stmt, 5, body, body_len, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_EXISTS,
                   _("The id %s is already taken by another record."), id);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return banso_sql_error (db, rc, error);
  if (out_docno)
    *out_docno = sqlite3_last_insert_rowid (db);

  if (!(flags & BANSO_DOC_PUT_DEFER_AUDIT) &&
      !_banso_doc_write_audit (txn, id, type, (flags & BANSO_DOC_PUT_IMPORT) ? "import" : "create",
                               NULL, rev, error))
    return FALSE;
  _banso_txn_mark_changed (txn, type);
  return TRUE;
}

/**
 * banso_doc_put:
 * @expected_rev: the revision the editor started from, or %NULL for a new document
 *
 * Writes a new revision of a document inside @txn and records it in the audit
 * log. A document changed by someone else since @expected_rev is refused with
 * %BANSO_STORE_ERROR_CONFLICT rather than overwritten. Passing the revision of a
 * deleted document restores it.
 */
gboolean
banso_doc_put (BansoTxn          *txn,
               const char        *type,
               const char        *id,
               const char        *body,
               const char        *expected_rev,
               BansoDocPutFlags   flags,
               gint64            *out_docno,
               char             **out_rev,
               GError           **error)
{
  sqlite3 *db = banso_txn_get_db (txn);
  g_autofree char *rev = NULL;
  const char *action;
  sqlite3_stmt *stmt;
  Current cur;

  g_return_val_if_fail (txn != NULL, FALSE);
  g_return_val_if_fail (type != NULL && id != NULL && body != NULL, FALSE);

  if (flags & BANSO_DOC_PUT_NEW)
    memset (&cur, 0, sizeof cur);
  else if (!read_current (txn, id, &cur, error))
    return FALSE;

  if (cur.exists && g_strcmp0 (cur.type, type) != 0)
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_CONFLICT,
                   _("The id %s already belongs to a record of another kind."), id);
      current_clear (&cur);
      return FALSE;
    }
  if ((cur.exists && expected_rev == NULL && !cur.deleted) ||
      (cur.exists && expected_rev != NULL && g_strcmp0 (cur.rev, expected_rev) != 0) ||
      (!cur.exists && expected_rev != NULL))
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_CONFLICT,
                   _("The record %s was changed or removed elsewhere since it was opened; reopen it and make the change again."),
                   id);
      current_clear (&cur);
      return FALSE;
    }

  rev = banso_revision_compute (cur.exists ? cur.rev : NULL, FALSE, body);

  if (!cur.exists)
    {
      current_clear (&cur);
      if (!_banso_doc_insert_new (txn, type, id, rev, body, -1, flags, out_docno, error))
        return FALSE;
      if (out_rev)
        *out_rev = g_steal_pointer (&rev);
      return TRUE;
    }

  if (!_banso_doc_keep_revision (txn, id, error))
    goto fail;
  stmt = banso_txn_prepare (txn,
                            "UPDATE documents SET rev = ?2, parent_rev = ?3, deleted = 0,"
                            " seq = ?4, body = ?5 WHERE docno = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, cur.docno);
  sqlite3_bind_text (stmt, 2, rev, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, cur.rev, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, _banso_txn_next_seq (txn));
  sqlite3_bind_text (stmt, 5, body, -1, SQLITE_STATIC);
  if (!banso_sql_step_done (db, stmt, error))
    goto fail;
  action = cur.deleted ? "restore" : "update";

  if (!_banso_doc_write_audit (txn, id, type, action, cur.rev, rev, error))
    goto fail;

  _banso_txn_mark_changed (txn, type);

  if (out_docno)
    *out_docno = cur.docno;
  if (out_rev)
    *out_rev = g_steal_pointer (&rev);
  current_clear (&cur);
  return TRUE;

fail:
  current_clear (&cur);
  return FALSE;
}

/**
 * banso_doc_delete:
 *
 * Replaces the document with a tombstone revision. The body stays with the
 * tombstone, so the audit log shows what was removed and Undo can bring it back.
 */
gboolean
banso_doc_delete (BansoTxn    *txn,
                  const char  *id,
                  const char  *expected_rev,
                  gint64      *out_docno,
                  char       **out_rev,
                  GError     **error)
{
  sqlite3 *db = banso_txn_get_db (txn);
  g_autofree char *rev = NULL;
  g_autofree char *body = NULL;
  sqlite3_stmt *stmt;
  Current cur;

  if (!read_current (txn, id, &cur, error))
    return FALSE;

  if (!cur.exists || cur.deleted ||
      (expected_rev != NULL && g_strcmp0 (expected_rev, cur.rev) != 0))
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_CONFLICT,
                   _("The record %s was changed or removed elsewhere since it was opened; reopen it and make the change again."),
                   id);
      current_clear (&cur);
      return FALSE;
    }

  /* Removing the winner would let a conflicting version take its place
   * unseen; the user chooses between them first. */
  stmt = banso_txn_prepare (txn, "SELECT count(*) FROM conflicts WHERE docno = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, cur.docno);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0)
    {
      sqlite3_reset (stmt);
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_CONFLICT,
                   _("The record %s has conflicting versions from another office; choose between them in Sync before removing it."),
                   id);
      goto fail;
    }
  sqlite3_reset (stmt);

  stmt = banso_txn_prepare (txn, "SELECT body FROM documents WHERE docno = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, cur.docno);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      banso_sql_error (db, sqlite3_errcode (db), error);
      goto fail;
    }
  body = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  rev = banso_revision_compute (cur.rev, TRUE, body);
  if (!_banso_doc_keep_revision (txn, id, error))
    goto fail;

  stmt = banso_txn_prepare (txn,
                            "UPDATE documents SET rev = ?2, parent_rev = ?3, deleted = 1,"
                            " seq = ?4 WHERE docno = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, cur.docno);
  sqlite3_bind_text (stmt, 2, rev, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, cur.rev, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, _banso_txn_next_seq (txn));
  if (!banso_sql_step_done (db, stmt, error))
    goto fail;

  if (!_banso_doc_write_audit (txn, id, cur.type, "delete", cur.rev, rev, error))
    goto fail;

  _banso_txn_mark_changed (txn, cur.type);
  if (out_docno)
    *out_docno = cur.docno;
  if (out_rev)
    *out_rev = g_steal_pointer (&rev);
  current_clear (&cur);
  return TRUE;

fail:
  current_clear (&cur);
  return FALSE;
}
