/* banso-archive-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Saving, reading, listing and searching archive items, and reaching their media files,
 * thumbnails and subtitles: always through the access rules, so that an item the user may
 * not see is, for them, an item that does not exist. */

#define G_LOG_DOMAIN "banso-archive"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "banso-archive-private.h"
#include "banso-document.h"
#include "banso-fold.h"
#include "banso-media.h"

void
banso_archive_row_free (BansoArchiveRow *row)
{
  if (row == NULL)
    return;
  g_free (row->id);
  g_free (row->title);
  g_free (row->media_kind);
  g_free (row->commune);
  g_free (row->thumbnail);
  g_free (row);
}

static gboolean
not_found (GError    **error,
           const char *id)
{
  g_set_error (error, BANSO_ARCHIVE_ERROR, BANSO_ARCHIVE_ERROR_NOT_FOUND,
               _("There is no archive item %s."), id);
  return FALSE;
}

gboolean
_banso_archive_put (BansoTxn          *txn,
                    BansoArchiveItem  *item,
                    gboolean           keep_id,
                    GError           **error)
{
  g_autofree char *body = NULL;
  g_autofree char *rev = NULL;
  gint64 docno = 0;

  if (!banso_archive_item_validate (item, error))
    return FALSE;
  if (item->id == NULL)
    item->id = banso_doc_new_id ();
  body = banso_archive_item_to_json (item);
  if (!banso_doc_put (txn, BANSO_ARCHIVE_ITEM_TYPE, item->id, body, keep_id ? NULL : item->rev,
                      keep_id ? BANSO_DOC_PUT_IMPORT : BANSO_DOC_PUT_DEFAULT, &docno, &rev, error)
      || !_banso_archive_reindex_doc (txn, BANSO_ARCHIVE_ITEM_TYPE, docno, body, FALSE, error))
    return FALSE;
  g_free (item->rev);
  item->rev = g_steal_pointer (&rev);
  return TRUE;
}

/* The media document of a file already copied in: the one that has its hash, or a new one. */
char *
_banso_archive_put_media (BansoTxn    *txn,
                          const char  *sha256,
                          const char  *id,
                          const char  *title,
                          const char  *file_name,
                          const char  *mime,
                          gint64       size,
                          GPtrArray   *chunks,
                          GError     **error)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *new_id = NULL;
  sqlite3_stmt *stmt;
  gint64 docno = 0;

  stmt = banso_txn_prepare (txn,
                            "SELECT d.id FROM media_files m JOIN documents d USING (docno)"
                            " WHERE m.sha256 = ?1 AND d.deleted = 0 LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      char *found = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

      sqlite3_reset (stmt);
      return found;
    }
  sqlite3_reset (stmt);

  banso_media_append_body (body, title, file_name, mime, sha256, size, chunks);
  new_id = id ? g_strdup (id) : banso_doc_new_id ();
  if (!banso_doc_put (txn, BANSO_MEDIA_TYPE, new_id, body->str, NULL, 0, &docno, NULL, error)
      || !banso_media_reindex_doc (txn, docno, body->str, error))
    return NULL;
  return g_steal_pointer (&new_id);
}

/**
 * banso_archive_save:
 *
 * Writes @item (a new one when its id is %NULL, which it then gets), for the cultural staff
 * and administrators only. Sets the item's new revision.
 */
gboolean
banso_archive_save (BansoStore        *store,
                    BansoUser         *user,
                    BansoArchiveItem  *item,
                    GError           **error)
{
  BansoTxn *txn;

  if (!banso_user_can_edit_archive (user, error))
    return FALSE;
  if ((txn = banso_store_begin (store, user, error)) == NULL)
    return FALSE;
  if (!_banso_archive_put (txn, item, FALSE, error))
    {
      banso_txn_rollback (txn);
      return FALSE;
    }
  return banso_txn_commit (txn, error);
}

/**
 * banso_archive_load:
 *
 * Returns: (transfer full): item @id, or %NULL with BANSO_ARCHIVE_ERROR_NOT_FOUND when
 *   there is none or @user may not see it (the same message, so that a restricted item
 *   does not show that it exists)
 */
BansoArchiveItem *
banso_archive_load (BansoStore  *store,
                    BansoUser   *user,
                    const char  *id,
                    GError     **error)
{
  g_autoptr(BansoDocInfo) info = NULL;
  g_autoptr(BansoArchiveItem) item = NULL;
  sqlite3 *db;

  if ((db = banso_store_acquire_reader (store, error)) == NULL)
    return NULL;
  info = banso_doc_lookup (db, id, NULL);
  banso_store_release_reader (store, db);

  if (info == NULL || info->deleted || g_strcmp0 (info->type, BANSO_ARCHIVE_ITEM_TYPE) != 0)
    return not_found (error, id), NULL;
  item = banso_archive_item_from_json (info->body, error);
  if (item == NULL)
    return NULL;
  if (!banso_archive_user_may_see_item (user, item))
    return not_found (error, id), NULL;
  g_free (item->id);
  item->id = g_strdup (info->id);
  g_free (item->rev);
  item->rev = g_strdup (info->rev);
  return g_steal_pointer (&item);
}

gboolean
banso_archive_delete (BansoStore  *store,
                      BansoUser   *user,
                      const char  *id,
                      GError     **error)
{
  g_autoptr(BansoArchiveItem) item = NULL;
  gint64 docno = 0;
  BansoTxn *txn;

  if (!banso_user_can_edit_archive (user, error))
    return FALSE;
  if ((item = banso_archive_load (store, user, id, error)) == NULL)
    return FALSE;
  if ((txn = banso_store_begin (store, user, error)) == NULL)
    return FALSE;
  if (!banso_doc_delete (txn, id, item->rev, &docno, NULL, error)
      || !_banso_archive_reindex_doc (txn, BANSO_ARCHIVE_ITEM_TYPE, docno, NULL, FALSE, error))
    {
      banso_txn_rollback (txn);
      return FALSE;
    }
  return banso_txn_commit (txn, error);
}

static void
append_like (GString    *sql,
             const char *column,
             const char *needle)
{
  g_autoptr(GString) escaped = g_string_new (NULL);
  char *quoted;

  for (const char *p = needle; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (escaped, '\\');
      g_string_append_c (escaped, *p);
    }
  quoted = sqlite3_mprintf ("%Q", escaped->str);
  /* The quoted pattern is '...': put the wildcards inside the quotes. */
  g_string_append_printf (sql, " AND %s LIKE '%%' || %s || '%%' ESCAPE '\\'", column, quoted);
  sqlite3_free (quoted);
}

static char *
where_clause (BansoUser               *user,
              const BansoArchiveQuery *query)
{
  g_autofree char *access = banso_archive_access_sql (user, "a");
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, " WHERE d.deleted = 0 AND %s", access);
  if (query == NULL)
    return g_string_free (sql, FALSE);

  if (query->search != NULL && query->search[0] != '\0')
    {
      g_autofree char *folded = banso_fold (query->search, -1);
      g_auto(GStrv) words = g_strsplit_set (folded, " \t\n", -1);

      for (guint i = 0; words[i] != NULL; i++)
        if (words[i][0] != '\0')
          append_like (sql, "a.fold", words[i]);
    }
  if (query->ethnic != NULL && query->ethnic[0] != '\0')
    {
      g_autofree char *spaced = g_strdup_printf (" %s ", query->ethnic);

      append_like (sql, "a.ethnic", spaced);
    }
  if (query->language != NULL && query->language[0] != '\0')
    {
      g_autofree char *spaced = g_strdup_printf (" %s ", query->language);

      append_like (sql, "a.languages", spaced);
    }
  if (query->commune != NULL && query->commune[0] != '\0')
    {
      char *quoted = sqlite3_mprintf (" AND a.commune = %Q", query->commune);

      g_string_append (sql, quoted);
      sqlite3_free (quoted);
    }
  if (query->media_kind != NULL && query->media_kind[0] != '\0')
    {
      char *quoted = sqlite3_mprintf (" AND a.media_kind = %Q", query->media_kind);

      g_string_append (sql, quoted);
      sqlite3_free (quoted);
    }
  if (query->kind >= 0 && query->kind <= BANSO_ARCHIVE_KIND_OTHER)
    g_string_append_printf (sql, " AND a.kind = '%s'",
                            banso_archive_kind_to_string (query->kind));
  if (query->year > 0)
    g_string_append_printf (sql, " AND a.year = %d", query->year);
  return g_string_free (sql, FALSE);
}

/**
 * banso_archive_list:
 * @user: (nullable): who looks; %NULL: someone outside the office
 *
 * Returns: (transfer full) (element-type BansoArchiveRow): the items @user may see that
 *   match @query, by title
 */
GPtrArray *
banso_archive_list (BansoStore               *store,
                    BansoUser                *user,
                    const BansoArchiveQuery  *query,
                    GError                  **error)
{
  g_autofree char *where = where_clause (user, query);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *rows = NULL;
  sqlite3 *db;

  g_string_append_printf (sql,
                          "SELECT d.id, a.title, a.kind, a.media_kind, a.year, a.commune,"
                          " a.thumbnail, a.duration_ms, a.access, a.sample"
                          " FROM archive_items a JOIN documents d USING (docno)%s"
                          " ORDER BY a.title COLLATE NOCASE, d.id", where);
  if (query != NULL && query->limit > 0)
    g_string_append_printf (sql, " LIMIT %u OFFSET %u", query->limit, query->offset);

  if ((db = banso_store_acquire_reader (store, error)) == NULL)
    return NULL;
  stmt = banso_sql_prepare (db, sql->str, error);
  if (stmt != NULL)
    {
      int rc;

      rows = g_ptr_array_new_with_free_func ((GDestroyNotify) banso_archive_row_free);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          BansoArchiveRow *row = g_new0 (BansoArchiveRow, 1);

          row->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          row->title = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          banso_archive_kind_from_string ((const char *) sqlite3_column_text (stmt, 2),
                                          &row->kind);
          row->media_kind = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
          row->year = sqlite3_column_int (stmt, 4);
          row->commune = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
          row->thumbnail = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
          row->duration_ms = sqlite3_column_int64 (stmt, 7);
          banso_archive_access_from_string ((const char *) sqlite3_column_text (stmt, 8),
                                            &row->access);
          row->sample = sqlite3_column_int (stmt, 9);
          g_ptr_array_add (rows, row);
        }
      if (rc != SQLITE_DONE)
        {
          banso_sql_error (db, rc, error);
          g_clear_pointer (&rows, g_ptr_array_unref);
        }
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  banso_store_release_reader (store, db);
  return rows;
}

gint64
banso_archive_count (BansoStore               *store,
                     BansoUser                *user,
                     const BansoArchiveQuery  *query,
                     GError                  **error)
{
  g_autofree char *where = where_clause (user, query);
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM archive_items a"
                                          " JOIN documents d USING (docno)%s", where);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 n = -1;
  sqlite3 *db;

  if ((db = banso_store_acquire_reader (store, error)) == NULL)
    return -1;
  stmt = banso_sql_prepare (db, sql, error);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  banso_store_release_reader (store, db);
  return n;
}

GPtrArray *
banso_archive_list_ids (BansoStore  *store,
                        BansoUser   *user,
                        GError     **error)
{
  g_autoptr(GPtrArray) rows = banso_archive_list (store, user, NULL, error);
  GPtrArray *ids;

  if (rows == NULL)
    return NULL;
  ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (ids, g_strdup (((BansoArchiveRow *) rows->pdata[i])->id));
  return ids;
}

/* The id of the item that already holds a file of this hash, whoever may see it. */
char *
banso_archive_find_sha256 (BansoStore *store,
                           const char *sha256)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char *id = NULL;
  sqlite3 *db;

  if ((db = banso_store_acquire_reader (store, NULL)) == NULL)
    return NULL;
  stmt = banso_sql_prepare (db,
                            "SELECT d.id FROM archive_media m JOIN documents d"
                            " ON d.docno = m.item_docno WHERE m.sha256 = ?1 AND m.role = 'media'"
                            " AND d.deleted = 0 LIMIT 1", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  banso_store_release_reader (store, db);
  return id;
}

/**
 * banso_archive_media_path:
 *
 * Returns: (transfer full): the file of media document @media_id, when @user may see an
 *   item that holds it and the whole file is here
 */
char *
banso_archive_media_path (BansoStore  *store,
                          BansoUser   *user,
                          const char  *media_id,
                          GError     **error)
{
  g_autoptr(BansoMediaFile) file = NULL;

  if (media_id == NULL || !banso_archive_media_visible (store, user, media_id))
    {
      g_set_error (error, BANSO_ARCHIVE_ERROR, BANSO_ARCHIVE_ERROR_NOT_FOUND,
                   _("There is no media file %s."), media_id ? media_id : "");
      return NULL;
    }
  if ((file = banso_media_lookup (store, media_id, error)) == NULL)
    return NULL;
  if (file->have < file->chunks)
    {
      g_set_error (error, BANSO_ARCHIVE_ERROR, BANSO_ARCHIVE_ERROR_NOT_FOUND,
                   _("The media file %s has not fully arrived yet (%u of %u pieces)."),
                   media_id, file->have, file->chunks);
      return NULL;
    }
  return banso_media_path (store, file->sha256);
}

GBytes *
banso_archive_load_thumbnail (BansoStore  *store,
                              BansoUser   *user,
                              const char  *item_id,
                              GError     **error)
{
  g_autoptr(BansoArchiveItem) item = banso_archive_load (store, user, item_id, error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  if (item == NULL)
    return NULL;
  if (item->thumbnail == NULL)
    {
      g_set_error (error, BANSO_ARCHIVE_ERROR, BANSO_ARCHIVE_ERROR_NOT_FOUND,
                   _("The archive item “%s” has no picture."), item->title);
      return NULL;
    }
  if ((path = banso_archive_media_path (store, user, item->thumbnail, error)) == NULL)
    return NULL;
  if (!g_file_get_contents (path, &contents, &len, error))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&contents), len);
}

BansoVttFile *
banso_archive_load_subtitles (BansoStore  *store,
                              BansoUser   *user,
                              const char  *media_id,
                              GError     **error)
{
  g_autofree char *path = banso_archive_media_path (store, user, media_id, error);

  if (path == NULL)
    return NULL;
  return banso_vtt_file_load (path, error);
}

/* The cues' plain text, one a line: what search reads of a recording. */
char *
banso_archive_transcript_of (BansoVttFile *file)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < file->cues->len; i++)
    {
      BansoVttCue *cue = g_ptr_array_index (file->cues, i);
      g_autoptr(BansoVttNode) root = banso_vtt_cue_text_parse (cue->text);
      g_autofree char *plain = banso_vtt_node_to_plain (root);
      g_autofree char *speaker = banso_vtt_cue_speaker (root);

      if (out->len > 0)
        g_string_append_c (out, '\n');
      if (speaker)
        g_string_append_printf (out, "%s: ", speaker);
      g_string_append (out, plain);
    }
  return g_string_free (out, FALSE);
}
