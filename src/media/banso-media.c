/* banso-media.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Media files of the culture archive: each file is kept once in the media
 * folder next to the database, named by its SHA-256, and described by a
 * "media" document (title, type, size, the hash of every 1 MiB piece). The
 * media_files table says how much of each file is here and whether the
 * server has all of it; sync moves the pieces.
 */

#define G_LOG_DOMAIN "banso-media"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "banso-media.h"

void
banso_media_file_free (BansoMediaFile *file)
{
  if (file == NULL)
    return;
  g_free (file->id);
  g_free (file->sha256);
  g_free (file);
}

char *
banso_media_dir (BansoStore *store)
{
  g_autofree char *dir = g_path_get_dirname (banso_store_get_path (store));

  return g_build_filename (dir, "media", NULL);
}

char *
banso_media_path (BansoStore *store,
                  const char *sha256)
{
  g_autofree char *dir = banso_media_dir (store);

  return g_build_filename (dir, sha256, NULL);
}

char *
banso_media_chunk_id (const char *sha256,
                      guint       index)
{
  return g_strdup_printf (BANSO_MEDIA_CHUNK_PREFIX "%s:%u", sha256, index);
}

/**
 * banso_user_can_edit_archive:
 *
 * The culture archive is kept by the cultural staff and administrators.
 */
gboolean
banso_user_can_edit_archive (BansoUser  *user,
                             GError    **error)
{
  BansoRole role = banso_user_get_role (user);

  if (role == BANSO_ROLE_ADMIN || role == BANSO_ROLE_CULTURAL_STAFF)
    return TRUE;
  g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION,
               _("%s is %s and may not change the culture archive."),
               banso_user_get_name (user), banso_role_get_label (banso_user_get_role (user)));
  return FALSE;
}

static gboolean
is_sha256 (const char *text)
{
  guint n = 0;

  for (; text[n]; n++)
    if (!g_ascii_isxdigit (text[n]) || g_ascii_isupper (text[n]))
      return FALSE;
  return n == 64;
}

static gboolean
set_file_error (GError     **error,
                const char  *path,
                int          saved_errno)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("Could not read or write the file %s: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

/**
 * banso_media_copy_in:
 * @chunks: (element-type utf8): gets the hash of each piece
 *
 * Copies @path into the media folder under its SHA-256, which it returns. A
 * file already there is simply replaced by the same bytes. Blocks: call it
 * from a worker thread.
 */
char *
banso_media_copy_in (BansoStore    *store,
         const char    *path,
         GPtrArray     *chunks,
         gint64        *out_size,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autofree char *dir = banso_media_dir (store);
  g_autofree char *tmp = NULL;
  g_autofree guint8 *buffer = g_malloc (BANSO_MEDIA_CHUNK_SIZE);
  g_autoptr(GChecksum) whole = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *sha256 = NULL;
  g_autofree char *final = NULL;
  FILE *in, *out;
  int fd;
  gint64 size = 0;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return set_file_error (error, dir, errno), NULL;
  if ((in = g_fopen (path, "rb")) == NULL)
    return set_file_error (error, path, errno), NULL;
  tmp = g_build_filename (dir, "incoming-XXXXXX", NULL);
  if ((fd = g_mkstemp (tmp)) < 0 || (out = fdopen (fd, "wb")) == NULL)
    {
      int saved = errno;
      fclose (in);
      if (fd >= 0)
        close (fd);
      return set_file_error (error, tmp, saved), NULL;
    }

  for (;;)
    {
      size_t n = fread (buffer, 1, BANSO_MEDIA_CHUNK_SIZE, in);

      if (n == 0)
        break;
      if (fwrite (buffer, 1, n, out) != n || g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          if (error != NULL && *error == NULL)
            set_file_error (error, tmp, errno);
          fclose (in);
          fclose (out);
          g_unlink (tmp);
          return NULL;
        }
      g_checksum_update (whole, buffer, n);
      g_ptr_array_add (chunks, g_compute_checksum_for_data (G_CHECKSUM_SHA256, buffer, n));
      size += n;
    }
  if (ferror (in) || fflush (out) != 0 || fsync (fileno (out)) != 0)
    {
      int saved = errno;
      const char *where = ferror (in) ? path : tmp;

      set_file_error (error, where, saved);
      fclose (in);
      fclose (out);
      g_unlink (tmp);
      return NULL;
    }
  fclose (in);
  fclose (out);

  sha256 = g_strdup (g_checksum_get_string (whole));
  final = g_build_filename (dir, sha256, NULL);
  if (g_rename (tmp, final) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      return set_file_error (error, final, saved), NULL;
    }
  *out_size = size;
  return g_steal_pointer (&sha256);
}

/* Writes the media document of a file already copied in. */
static char *
put_media_doc (BansoTxn    *txn,
               const char  *path,
               const char  *title,
               const char  *mime,
               const char  *sha256,
               gint64       size,
               GPtrArray   *chunks,
               GError     **error)
{
  g_autoptr(GString) body = g_string_sized_new (256);
  g_autofree char *id = banso_doc_new_id ();
  g_autofree char *name = g_path_get_basename (path);
  gint64 docno = 0;

  banso_media_append_body (body, title, name, mime, sha256, size, chunks);

  if (!banso_doc_put (txn, BANSO_MEDIA_TYPE, id, body->str, NULL, 0, &docno, NULL, error) ||
      !banso_media_reindex_doc (txn, docno, body->str, error))
    return NULL;
  return g_steal_pointer (&id);
}

/**
 * banso_media_append_body:
 *
 * Writes the body of the media document of a file copied in by
 * banso_media_copy_in().
 */
void
banso_media_append_body (GString    *body,
                         const char *title,
                         const char *file_name,
                         const char *mime,
                         const char *sha256,
                         gint64      size,
                         GPtrArray  *chunks)
{
  g_string_append (body, "{\"title\":");
  banso_json_append_string (body, title && *title ? title : file_name);
  g_string_append (body, ",\"file_name\":");
  banso_json_append_string (body, file_name);
  g_string_append (body, ",\"mime\":");
  banso_json_append_string (body, mime ? mime : "application/octet-stream");
  g_string_append_printf (body, ",\"size\":%" G_GINT64_FORMAT ",\"sha256\":\"%s\",\"chunk_size\":%d,\"chunks\":[",
                          size, sha256, BANSO_MEDIA_CHUNK_SIZE);
  for (guint i = 0; i < chunks->len; i++)
    g_string_append_printf (body, "%s\"%s\"", i ? "," : "", (char *)g_ptr_array_index (chunks, i));
  g_string_append (body, "]}");
}

/**
 * banso_media_add:
 * @title: what the archive calls it, e.g. "Lễ hội Xên bản, Mường Giôn 2024"
 * @mime: its content type
 *
 * Copies a file into the media folder and records it as a media document.
 * Reads the whole file: call it from a worker thread.
 *
 * Returns: (transfer full): the id of the new media document, or %NULL
 */
char *
banso_media_add (BansoStore    *store,
                 BansoUser     *user,
                 const char    *path,
                 const char    *title,
                 const char    *mime,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GPtrArray) chunks = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sha256 = NULL;
  g_autofree char *id = NULL;
  gint64 size = 0;
  BansoTxn *txn;

  if (!banso_user_can_edit_archive (user, error))
    return NULL;
  if ((sha256 = banso_media_copy_in (store, path, chunks, &size, cancellable, error)) == NULL)
    return NULL;

  if ((txn = banso_store_begin (store, user, error)) == NULL)
    return NULL;
  if (!(id = put_media_doc (txn, path, title, mime, sha256, size, chunks, error)))
    {
      banso_txn_rollback (txn);
      return NULL;
    }
  if (!banso_txn_commit (txn, error))
    return NULL;
  return g_steal_pointer (&id);
}

/**
 * banso_media_add_in:
 *
 * Like banso_media_add(), inside the caller's transaction, for a module that
 * adds media files with its own documents all or nothing (a dictionary's
 * sounds and pictures); the caller has checked what the user may do. A file
 * copied in for a transaction that is rolled back stays in the media folder,
 * unreferenced, under its hash.
 *
 * Returns: (transfer full): the id of the new media document, or %NULL
 */
char *
banso_media_add_in (BansoTxn      *txn,
                    const char    *path,
                    const char    *title,
                    const char    *mime,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GPtrArray) chunks = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sha256 = NULL;
  gint64 size = 0;

  if ((sha256 = banso_media_copy_in (banso_txn_get_store (txn), path, chunks, &size, cancellable, error)) == NULL)
    return NULL;
  return put_media_doc (txn, path, title, mime, sha256, size, chunks, error);
}

/**
 * banso_media_reindex_doc:
 * @body: (nullable): the winning body, or %NULL when the record is removed
 *
 * Keeps the media_files row of a media document in line with its body. What
 * is known of the pieces stays while the file stays the same; a file already
 * whole in the media folder counts as here.
 */
gboolean
banso_media_reindex_doc (BansoTxn    *txn,
                         gint64       docno,
                         const char  *body,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *path = NULL;
  JsonObject *o;
  JsonNode *chunks;
  const char *sha256;
  gint64 size;
  gboolean whole;
  sqlite3_stmt *stmt;

  if (body == NULL || !json_parser_load_from_data (parser, body, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    goto remove;
  o = json_node_get_object (json_parser_get_root (parser));
  sha256 = json_object_get_string_member_with_default (o, "sha256", "");
  size = json_object_get_int_member_with_default (o, "size", -1);
  chunks = json_object_get_member (o, "chunks");
  if (!is_sha256 (sha256) || size < 0 || chunks == NULL || !JSON_NODE_HOLDS_ARRAY (chunks) ||
      json_object_get_int_member_with_default (o, "chunk_size", 0) != BANSO_MEDIA_CHUNK_SIZE ||
      json_array_get_length (json_node_get_array (chunks)) !=
        (guint)((size + BANSO_MEDIA_CHUNK_SIZE - 1) / BANSO_MEDIA_CHUNK_SIZE))
    goto remove;

  path = banso_media_path (banso_txn_get_store (txn), sha256);
  whole = g_file_test (path, G_FILE_TEST_IS_REGULAR);
  stmt = banso_txn_prepare (txn,
                            "INSERT INTO media_files (docno, sha256, size, chunks, have, sent)"
                            " VALUES (?1, ?2, ?3, ?4, CASE WHEN ?5 THEN ?4 ELSE 0 END, 0)"
                            " ON CONFLICT (docno) DO UPDATE SET"
                            "  have = CASE WHEN ?5 THEN excluded.chunks"
                            "              WHEN sha256 = excluded.sha256 THEN have ELSE 0 END,"
                            "  sent = CASE WHEN sha256 = excluded.sha256 THEN sent ELSE 0 END,"
                            "  sha256 = excluded.sha256, size = excluded.size, chunks = excluded.chunks",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docno);
  sqlite3_bind_text (stmt, 2, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, size);
  sqlite3_bind_int (stmt, 4, json_array_get_length (json_node_get_array (chunks)));
  sqlite3_bind_int (stmt, 5, whole);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return banso_sql_error (banso_txn_get_db (txn), sqlite3_errcode (banso_txn_get_db (txn)), error);
  return TRUE;

remove:
  stmt = banso_txn_prepare (txn, "DELETE FROM media_files WHERE docno = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docno);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return banso_sql_error (banso_txn_get_db (txn), sqlite3_errcode (banso_txn_get_db (txn)), error);
  return TRUE;
}

/**
 * banso_media_lookup:
 *
 * Returns: (transfer full): what the store knows of the file of media
 *   document @id, or %NULL with @error
 */
BansoMediaFile *
banso_media_lookup (BansoStore  *store,
                    const char  *id,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  BansoMediaFile *file = NULL;
  sqlite3 *db;

  if ((db = banso_store_acquire_reader (store, error)) == NULL)
    return NULL;
  stmt = banso_sql_prepare (db,
                            "SELECT m.sha256, m.size, m.chunks, m.have, m.sent FROM media_files m"
                            " JOIN documents d ON d.docno = m.docno WHERE d.id = ?1",
                            error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          file = g_new0 (BansoMediaFile, 1);
          file->id = g_strdup (id);
          file->sha256 = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
          file->size = sqlite3_column_int64 (stmt, 1);
          file->chunks = sqlite3_column_int (stmt, 2);
          file->have = sqlite3_column_int (stmt, 3);
          file->sent = sqlite3_column_int (stmt, 4);
        }
      else
        g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_NOT_FOUND,
                     _("There is no media file %s."), id);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  banso_store_release_reader (store, db);
  return file;
}

/**
 * banso_media_dup_chunk_hash:
 *
 * Returns: (transfer full) (nullable): the SHA-256 the media document of file
 *   @sha256 gives for piece @index
 */
char *
banso_media_dup_chunk_hash (sqlite3    *db,
                            const char *sha256,
                            guint       index)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = banso_sql_prepare (db,
                            "SELECT json_extract (d.body, '$.chunks[' || ?2 || ']') FROM media_files m"
                            " JOIN documents d ON d.docno = m.docno WHERE m.sha256 = ?1 LIMIT 1",
                            NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, index);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 0) != SQLITE_TEXT)
    return NULL;
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}
