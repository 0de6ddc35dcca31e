/* banso-replication-media.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Media files travel after the records, in pieces of 1 MiB: each piece is the
 * attachment "data" of a server document "media-chunk:<file sha256>:<n>",
 * sent and fetched as raw bytes. A piece is written here (and fsynced) before
 * it is counted, so a cut link costs at most the piece in flight: the next
 * run asks the server which pieces it has, or goes on from the last piece
 * received.
 */

#define G_LOG_DOMAIN "banso-sync"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "banso-media.h"
#include "banso-document.h"
#include "banso-replication-private.h"
#include "banso-sync-doc.h"

typedef struct
{
  gint64  docno;
  char   *sha256;
  gint64  size;
  guint   chunks;
  guint   have;
} MediaRow;

static void
media_row_free (MediaRow *row)
{
  g_free (row->sha256);
  g_free (row);
}

/* The media files of this database that wait to go (@push) or to come. */
static GPtrArray *
list_waiting (BansoRun  *run,
              gboolean   push,
              GError   **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)media_row_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  if ((db = banso_store_acquire_reader (run->r->store, error)) == NULL)
    return NULL;
  stmt = banso_sql_prepare (db,
                            push
                            ? "SELECT m.docno, m.sha256, m.size, m.chunks, m.have FROM media_files m"
                              " JOIN documents d ON d.docno = m.docno"
                              " WHERE m.have = m.chunks AND m.sent = 0 AND d.deleted = 0 AND d.source IS NULL"
                              " ORDER BY m.docno"
                            : "SELECT m.docno, m.sha256, m.size, m.chunks, m.have FROM media_files m"
                              " JOIN documents d ON d.docno = m.docno"
                              " WHERE m.have < m.chunks AND d.deleted = 0 AND d.source IS ?1"
                              " ORDER BY m.docno",
                            error);
  if (stmt != NULL)
    {
      if (!push && run->r->source != NULL)
        sqlite3_bind_text (stmt, 1, run->r->source, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          MediaRow *row = g_new0 (MediaRow, 1);
          row->docno = sqlite3_column_int64 (stmt, 0);
          row->sha256 = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
          row->size = sqlite3_column_int64 (stmt, 2);
          row->chunks = sqlite3_column_int (stmt, 3);
          row->have = sqlite3_column_int (stmt, 4);
          g_ptr_array_add (rows, row);
        }
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  banso_store_release_reader (run->r->store, db);
  return error && *error ? NULL : g_steal_pointer (&rows);
}

static gboolean
set_media_column (BansoRun    *run,
                  gint64       docno,
                  const char  *sql,
                  guint        value,
                  GError     **error)
{
  BansoTxn *txn = banso_store_begin (run->r->store, run->r->user, error);
  sqlite3_stmt *stmt;

  if (txn == NULL)
    return FALSE;
  if ((stmt = banso_txn_prepare (txn, sql, error)) == NULL)
    {
      banso_txn_rollback (txn);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, docno);
  sqlite3_bind_int (stmt, 2, value);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      banso_sql_error (banso_txn_get_db (txn), sqlite3_errcode (banso_txn_get_db (txn)), error);
      banso_txn_rollback (txn);
      return FALSE;
    }
  return banso_txn_commit (txn, error);
}

static gsize
piece_size (const MediaRow *row,
            guint           index)
{
  gint64 left = row->size - (gint64)index * BANSO_MEDIA_CHUNK_SIZE;

  return (gsize)MIN (left, (gint64)BANSO_MEDIA_CHUNK_SIZE);
}

static char *
piece_path (BansoRun   *run,
            const char *sha256,
            guint       index)
{
  g_autofree char *id = banso_media_chunk_id (sha256, index);
  g_autofree char *escaped = banso_sync_escape_id (id);

  return g_strdup_printf ("%s/%s/data", run->db_path, escaped);
}

/* Which pieces of the file the server has already. */
static GHashTable *
pieces_on_server (BansoRun        *run,
                  const MediaRow  *row,
                  GError         **error)
{
  g_autofree char *path = g_strdup_printf ("%s/_all_docs", run->db_path);
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) body = g_string_new ("{\"keys\":[");
  g_autoptr(JsonNode) reply = NULL;
  JsonNode *rows;

  for (guint i = 0; i < row->chunks; i++)
    {
      g_autofree char *id = banso_media_chunk_id (row->sha256, i);
      if (i > 0)
        g_string_append_c (body, ',');
      banso_json_append_string (body, id);
    }
  g_string_append (body, "]}");

  if ((reply = _banso_run_request (run, "POST", path, body->str, body->len, NULL, error)) == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (reply) ||
      (rows = json_object_get_member (json_node_get_object (reply), "rows")) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (rows))
    {
      _banso_run_bad_reply (error, run, _("the list of records has no rows"), path);
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (rows)); i++)
    {
      JsonNode *e = json_array_get_element (json_node_get_array (rows), i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (e) ? json_node_get_object (e) : NULL;
      JsonNode *value = o ? json_object_get_member (o, "value") : NULL;
      const char *id = o ? json_object_get_string_member_with_default (o, "id", NULL) : NULL;

      /* Rows of missing pieces carry an error and no value. */
      if (id != NULL && value != NULL && JSON_NODE_HOLDS_OBJECT (value) &&
          !json_object_get_boolean_member_with_default (json_node_get_object (value), "deleted", FALSE))
        g_hash_table_add (present, g_strdup (id));
    }
  return g_steal_pointer (&present);
}

static gboolean
read_piece (const char  *file,
            int          fd,
            guint        index,
            guint8      *buffer,
            gsize        len,
            GError     **error)
{
  gsize done = 0;

  while (done < len)
    {
      gssize n = pread (fd, buffer + done, len - done, (off_t)index * BANSO_MEDIA_CHUNK_SIZE + done);
      if (n <= 0)
        {
          int saved = n < 0 ? errno : EIO;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Could not read the media file %s: %s"), file, g_strerror (saved));
          return FALSE;
        }
      done += n;
    }
  return TRUE;
}

static gboolean
push_file (BansoRun        *run,
           MediaRow        *row,
           guint64         *done,
           guint64          total,
           GError         **error)
{
  g_autofree char *file = banso_media_path (run->r->store, row->sha256);
  g_autofree guint8 *buffer = NULL;
  g_autoptr(GHashTable) present = NULL;
  int fd;

  if ((fd = g_open (file, O_RDONLY, 0)) < 0)
    {
      int saved = errno;

      /* Gone from the media folder: it is not here any more, and comes
       * back from the server if another office sent it. */
      if (saved == ENOENT)
        {
          g_message ("Media file %s is missing; it will be fetched again", file);
          return set_media_column (run, row->docno, "UPDATE media_files SET have = ?2 WHERE docno = ?1",
                                   0, error);
        }
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not read the media file %s: %s"), file, g_strerror (saved));
      return FALSE;
    }
  if ((present = pieces_on_server (run, row, error)) == NULL)
    {
      close (fd);
      return FALSE;
    }
  buffer = g_malloc (BANSO_MEDIA_CHUNK_SIZE);

  for (guint i = 0; i < row->chunks; i++, (*done)++)
    {
      g_autofree char *id = banso_media_chunk_id (row->sha256, i);
      g_autofree char *path = NULL;
      g_autoptr(GBytes) reply = NULL;
      g_autoptr(GError) local_error = NULL;
      gsize len = piece_size (row, i);
      guint status = 0;

      if (run->r->progress)
        run->r->progress (BANSO_SYNC_MEDIA, *done, total, run->r->progress_data);
      if (g_hash_table_contains (present, id))
        continue;
      if (_banso_run_cancelled (run, error) || !read_piece (file, fd, i, buffer, len, error))
        {
          close (fd);
          return FALSE;
        }
      path = piece_path (run, row->sha256, i);
      reply = banso_sync_client_request_bytes (run->r->client, "PUT", path, (const char *)buffer, len,
                                               "application/octet-stream", &status,
                                               run->cancellable, &local_error);
      /* 409: the piece is there already (it can only hold these bytes). */
      if (reply == NULL && status != 409)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          close (fd);
          return FALSE;
        }
      run->stats->media_bytes += len;
    }
  close (fd);
  return set_media_column (run, row->docno, "UPDATE media_files SET sent = ?2 WHERE docno = ?1", 1, error);
}

static gboolean
write_piece (const char  *part,
             int          fd,
             guint        index,
             const guint8 *data,
             gsize        len,
             GError     **error)
{
  gsize done = 0;

  while (done < len)
    {
      gssize n = pwrite (fd, data + done, len - done, (off_t)index * BANSO_MEDIA_CHUNK_SIZE + done);
      if (n < 0)
        break;
      done += n;
    }
  if (done < len || fsync (fd) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not write the media file %s: %s"), part, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_whole (const char  *part,
             const char  *sha256,
             GError     **error)
{
  g_autoptr(GMappedFile) map = g_mapped_file_new (part, FALSE, error);
  g_autofree char *got = NULL;

  if (map == NULL)
    return FALSE;
  got = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guint8 *)g_mapped_file_get_contents (map),
                                     g_mapped_file_get_length (map));
  if (g_strcmp0 (got, sha256) != 0)
    {
      g_set_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_BAD_REPLY,
                   _("The media file %s put together from the server's pieces is not the file that was sent."),
                   sha256);
      return FALSE;
    }
  return TRUE;
}

/* Fetches the pieces of one file from the last one here on. FALSE with
 * @error on failure; TRUE also when the server does not have a piece yet
 * (the office that has the file has not sent it all): later, then. */
static gboolean
pull_file (BansoRun        *run,
           MediaRow        *row,
           guint64         *done,
           guint64          total,
           GError         **error)
{
  g_autofree char *final = banso_media_path (run->r->store, row->sha256);
  g_autofree char *part = g_strconcat (final, ".part", NULL);
  g_autofree char *dir = banso_media_dir (run->r->store);
  GStatBuf st;
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      (fd = g_open (part, O_RDWR | O_CREAT, 0600)) < 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not write the media file %s: %s"), part, g_strerror (saved));
      return FALSE;
    }
  /* A piece is counted only once it is on disk; a shorter file was cut. */
  if (fstat (fd, &st) == 0 && st.st_size < (gint64)row->have * BANSO_MEDIA_CHUNK_SIZE)
    row->have = st.st_size / BANSO_MEDIA_CHUNK_SIZE;
  *done += row->have;

  for (guint i = row->have; i < row->chunks; i++, (*done)++)
    {
      g_autofree char *path = piece_path (run, row->sha256, i);
      g_autofree char *expected = NULL;
      g_autofree char *got = NULL;
      g_autoptr(GBytes) piece = NULL;
      g_autoptr(GError) local_error = NULL;
      const guint8 *data;
      gsize len;
      sqlite3 *db;

      if (run->r->progress)
        run->r->progress (BANSO_SYNC_MEDIA, *done, total, run->r->progress_data);
      if (_banso_run_cancelled (run, error))
        goto fail;
      piece = banso_sync_client_request_bytes (run->r->client, "GET", path, NULL, 0, NULL, NULL,
                                               run->cancellable, &local_error);
      if (piece == NULL)
        {
          if (g_error_matches (local_error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_NOT_FOUND))
            break;
          g_propagate_error (error, g_steal_pointer (&local_error));
          goto fail;
        }
      data = g_bytes_get_data (piece, &len);
      run->stats->media_bytes += len;

      if ((db = banso_store_acquire_reader (run->r->store, error)) == NULL)
        goto fail;
      expected = banso_media_dup_chunk_hash (db, row->sha256, i);
      banso_store_release_reader (run->r->store, db);
      got = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, len);
      if (len != piece_size (row, i) || g_strcmp0 (expected, got) != 0)
        {
          g_set_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_BAD_REPLY,
                       _("Piece %u of a media file came damaged from %s%s; it was not kept."),
                       i + 1, banso_sync_client_get_server (run->r->client), path);
          goto fail;
        }
      if (!write_piece (part, fd, i, data, len, error) ||
          !set_media_column (run, row->docno, "UPDATE media_files SET have = ?2 WHERE docno = ?1",
                             i + 1, error))
        goto fail;
      row->have = i + 1;
    }
  close (fd);
  if (row->have < row->chunks)
    return TRUE;

  if (!check_whole (part, row->sha256, error))
    {
      /* Every piece matched its hash, so the description itself is wrong:
       * start again rather than keep a file that is not what was sent. */
      set_media_column (run, row->docno, "UPDATE media_files SET have = ?2 WHERE docno = ?1", 0, NULL);
      g_unlink (part);
      return FALSE;
    }
  if (g_rename (part, final) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not write the media file %s: %s"), final, g_strerror (saved));
      return FALSE;
    }
  /* It came from the server, which so has it all. */
  return set_media_column (run, row->docno, "UPDATE media_files SET sent = ?2 WHERE docno = ?1", 1, error);

fail:
  close (fd);
  return FALSE;
}

static gboolean
move_all (BansoRun  *run,
          gboolean   push,
          GError   **error)
{
  g_autoptr(GPtrArray) rows = list_waiting (run, push, error);
  guint64 total = 0, done = 0;

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    total += ((MediaRow *)g_ptr_array_index (rows, i))->chunks;
  for (guint i = 0; i < rows->len; i++)
    if (!(push ? push_file : pull_file) (run, g_ptr_array_index (rows, i), &done, total, error))
      return FALSE;
  return TRUE;
}

/**
 * _banso_run_push_media:
 *
 * Sends the pieces the server lacks of every whole media file not sent yet.
 */
gboolean
_banso_run_push_media (BansoRun  *run,
                       GError   **error)
{
  return move_all (run, TRUE, error);
}

/**
 * _banso_run_pull_media:
 *
 * Fetches the missing pieces of the media files this database described.
 */
gboolean
_banso_run_pull_media (BansoRun  *run,
                       GError   **error)
{
  return move_all (run, FALSE, error);
}

/**
 * banso_sync_count_media_waiting:
 *
 * Returns: how many media files wait to be sent or fetched in full, or -1
 */
gint64
banso_sync_count_media_waiting (BansoStore  *store,
                                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 n = -1;
  sqlite3 *db;

  if ((db = banso_store_acquire_reader (store, error)) == NULL)
    return -1;
  stmt = banso_sql_prepare (db,
                            "SELECT count(*) FROM media_files m JOIN documents d ON d.docno = m.docno"
                            " WHERE d.deleted = 0 AND (m.have < m.chunks OR (m.sent = 0 AND d.source IS NULL))",
                            error);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  banso_store_release_reader (store, db);
  return n;
}
