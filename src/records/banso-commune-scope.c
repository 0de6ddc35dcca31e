/* banso-commune-scope.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-records"

#include "config.h"

#include "banso-commune-scope.h"
#include "banso-records-private.h"
#include "banso-reference.h"

gboolean
_banso_records_exists (BansoTxn    *txn,
                       const char  *sql,
                       const char  *a,
                       const char  *b,
                       GError     **error)
{
  sqlite3_stmt *stmt = banso_txn_prepare (txn, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, a, -1, SQLITE_STATIC);
  if (b != NULL)
    sqlite3_bind_text (stmt, 2, b, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

/* Whether @code is a commune of the administrative units in use. */
gboolean
banso_commune_exists (BansoTxn   *txn,
                      const char *code)
{
  return _banso_records_exists (txn, "SELECT 1 FROM admin_units WHERE edition = '" BANSO_ADMIN_EDITION "'"
                                     " AND code = ?1 AND kind != 'province'", code, NULL, NULL);
}

/**
 * banso_indexed_commune:
 * @index_table: "household_index" or "prestige_index"
 *
 * Returns: (nullable): the commune of a live (not deleted) record of that kind
 */
char *
banso_indexed_commune (BansoTxn   *txn,
                       const char *index_table,
                       const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT x.commune FROM %s x JOIN documents d"
                                          " USING (docno) WHERE d.id = ?1", index_table);
  sqlite3_stmt *stmt = banso_txn_prepare (txn, sql, NULL);
  char *commune = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    commune = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return commune;
}

/* The commune a record had when last written, deleted or not: restoring or
 * overwriting a record is a change to that commune too. */
char *
banso_stored_commune (BansoTxn   *txn,
                      const char *id)
{
  sqlite3_stmt *stmt = banso_txn_prepare (txn,
                                          "SELECT json_extract (body, '$.commune') FROM documents"
                                          " WHERE id = ?1", NULL);
  char *commune = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) == SQLITE_TEXT)
    commune = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return commune;
}

/**
 * banso_records_home_province:
 *
 * Returns: the province of the household written last: where this office's
 *   records are, and where new ones most likely belong
 */
char *
banso_records_home_province (sqlite3    *db,
                             const char *fallback)
{
  g_autoptr(sqlite3_stmt) stmt =
    banso_sql_prepare (db, "SELECT a.parent_code FROM"
                           " (SELECT commune FROM household_index ORDER BY docno DESC LIMIT 1) x"
                           " JOIN admin_units a ON a.edition = '" BANSO_ADMIN_EDITION "'"
                           " AND a.code = x.commune", NULL);

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  return g_strdup (fallback);
}
