/* banso-store-inspect.c: the look at an existing database file before the
 * store opens it for writing, so that a damaged file, another program's or a
 * newer Banso's is left exactly as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-core"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "banso-schema.h"
#include "banso-store-private.h"

static guint32
banso_read_be32 (const guchar *p)
{
  return (guint32)p[0] << 24 | (guint32)p[1] << 16 | (guint32)p[2] << 8 | p[3];
}

/* A write cut short behind a rollback journal (a bulk import when the power
 * went) left the journal next to the file; only a connection that may write
 * can put the file back as it was before that write. */
static gboolean
roll_back_hot_journal (const char *path)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = NULL;
  gboolean ok;

  g_message ("Putting %s back as it was before a write that did not finish", path);
  ok = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
       (stmt = banso_sql_prepare (db, "SELECT count(*) FROM sqlite_schema", NULL)) != NULL &&
       sqlite3_step (stmt) == SQLITE_ROW;
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);
  return ok;
}

/* Refuses a file SQLite could not read: closes what was opened on it. */
static gboolean
refuse_damaged (const char    *path,
                sqlite3       *db,
                sqlite3_stmt **stmt,
                GError       **error)
{
  g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_CORRUPT,
               _("The database %s is damaged (%s). Restore it from a backup; Banso did not change it."),
               path, db ? sqlite3_errmsg (db) : "?");
  /* A connection with a live statement does not close. */
  g_clear_pointer (stmt, sqlite3_finalize);
  sqlite3_close (db);
  return FALSE;
}

static gboolean
refuse_other_program (const char  *path,
                      GError     **error)
{
  g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_NOT_BANSO,
               _("%s is an SQLite database of another program, not of Banso. Banso did not change it."),
               path);
  return FALSE;
}

/* Looks at an existing file without writing to it, so that a damaged database or
 * one from a newer Banso is left exactly as it was.
 */
static gboolean
inspect_file (const char  *path,
              gboolean     rolled_back,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *uri = NULL;
  guchar header[100] = { 0 };
  gsize n_read = 0;
  sqlite3 *db = NULL;
  int app_id, version, rc, n_objects = 0;

  in = g_file_read (file, NULL, &local_error);
  if (in == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Could not open %s: "), path);
      return FALSE;
    }

  if (!g_input_stream_read_all (G_INPUT_STREAM (in), header, sizeof header, &n_read,
                                NULL, error))
    return FALSE;

  if (n_read == 0)
    return TRUE;

  if (n_read < 16 || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_NOT_BANSO,
                   _("%s is not a Banso database: it is not an SQLite file, or its first page is damaged. Banso did not change it."),
                   path);
      return FALSE;
    }

  /* In a file: URI, '#', '?' and '%' mean something: the path is escaped, or
   * a folder named “Hồ sơ #1 ?%41” would name another file. */
  {
    g_autofree char *abs = g_canonicalize_filename (path, NULL);
    g_autofree char *escaped = g_uri_escape_string (abs, "/", FALSE);

    uri = g_strdup_printf ("file:%s?mode=ro", escaped);
  }
  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  /* Another Banso may be writing the file for itself (a large import). */
  if (rc == SQLITE_OK)
    sqlite3_busy_timeout (db, 10000);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt) == SQLITE_ROW ? SQLITE_OK : sqlite3_extended_errcode (db);
  if (rc == SQLITE_READONLY_ROLLBACK && !rolled_back)
    {
      g_clear_pointer (&stmt, sqlite3_finalize);
      sqlite3_close (db);
      db = NULL;
      /* Undoing the write changes the file: only a Banso database's. Its
       * application id, in the header, is never changed after it was made. */
      if (n_read < 72 || banso_read_be32 (header + 68) != BANSO_APPLICATION_ID)
        return refuse_other_program (path, error);
      if (roll_back_hot_journal (path))
        return inspect_file (path, TRUE, error);
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_CORRUPT,
                   _("The database %s holds a write that did not finish, and it could not be undone (is the folder read-only?). Banso did not change it."),
                   path);
      return FALSE;
    }
  if ((rc & 0xff) == SQLITE_BUSY)
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_SQL,
                   _("The database %s is in use by another Banso that is writing much at once (a large import). Try again when it has finished."),
                   path);
      g_clear_pointer (&stmt, sqlite3_finalize);
      sqlite3_close (db);
      return FALSE;
    }
  if (rc != SQLITE_OK)
    return refuse_damaged (path, db, &stmt, error);
  app_id = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc != SQLITE_OK || sqlite3_step (stmt) != SQLITE_ROW)
    return refuse_damaged (path, db, &stmt, error);
  version = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Reading the schema catches a damaged sqlite_schema page before we write,
   * and tells an empty file from another program's database. */
  rc = sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_schema", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt) == SQLITE_ROW ? SQLITE_OK : sqlite3_errcode (db);
  if (rc == SQLITE_OK)
    n_objects = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (rc != SQLITE_OK)
    return refuse_damaged (path, db, &stmt, error);
  sqlite3_close (db);

  /* Without an application id, only an empty file is Banso's to make. */
  if ((app_id != 0 && app_id != BANSO_APPLICATION_ID) ||
      (app_id == 0 && (version != 0 || n_objects > 0)))
    return refuse_other_program (path, error);
  if (version > (int)banso_schema_get_latest_version ())
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_NEWER,
                   _("%s was made by a newer version of Banso (schema %d; this version knows up to %u). Update Banso to open it; the file was left untouched."),
                   path, version, banso_schema_get_latest_version ());
      return FALSE;
    }

  return TRUE;
}

/* Returns %TRUE when the file may be opened for writing: it does not exist, is
 * empty, or is a Banso database this version knows. */
gboolean
_banso_store_inspect (const char  *path,
                      GError     **error)
{
  return inspect_file (path, FALSE, error);
}
