/* banso-sql.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The few SQLite helpers every module of ours uses: errors in the store's
 * domain, statements run and prepared.
 */

#define G_LOG_DOMAIN "banso-core"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-store.h"

gboolean
banso_sql_error (sqlite3  *db,
                 int       rc,
                 GError  **error)
{
  int code = BANSO_STORE_ERROR_SQL;
  int primary = rc & 0xff;

  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    {
      const char *path = sqlite3_db_filename (db, "main");

      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_CORRUPT,
                   _("The database %s is damaged (%s). Restore it from a backup; Banso did not change it."),
                   path && *path ? path : "?", sqlite3_errmsg (db));
      return FALSE;
    }
  if (primary == SQLITE_CONSTRAINT)
    code = BANSO_STORE_ERROR_INVALID;

  g_set_error (error, BANSO_STORE_ERROR, code,
               _("Database error: %s"), sqlite3_errmsg (db));
  return FALSE;
}

/**
 * banso_sql_step_done:
 *
 * Runs a statement that returns nothing the caller reads, and resets it for
 * the next use.
 */
gboolean
banso_sql_step_done (sqlite3       *db,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return banso_sql_error (db, rc, error);
  return TRUE;
}

gboolean
banso_sql_exec (sqlite3     *db,
                const char  *sql,
                GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return banso_sql_error (db, rc, error);
  return TRUE;
}

sqlite3_stmt *
banso_sql_prepare (sqlite3     *db,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      banso_sql_error (db, rc, error);
      return NULL;
    }
  return stmt;
}
