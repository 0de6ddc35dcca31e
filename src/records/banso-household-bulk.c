/* banso-household-bulk.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-records"

#include "config.h"

#include "banso-audit-chain.h"
#include "banso-household.h"
#include "banso-household-bulk.h"

/**
 * banso_household_bulk_begin:
 *
 * For a large import, inside its transaction: drops the secondary indexes of
 * the household list and of the audit log, which are cheaper to build once,
 * sorted, than to grow row by row, and the audit log's guard trigger while
 * its entries go in. Saves of households during the bulk must
 * pass %BANSO_DOC_PUT_DEFER_SEARCH and %BANSO_DOC_PUT_DEFER_AUDIT.
 *
 * Returns: (transfer full): what banso_household_bulk_end() needs to write
 *   the audit entries and rebuild what was dropped; %NULL on error
 */
BansoHouseholdBulk *
banso_household_bulk_begin (BansoTxn  *txn,
                            GError   **error)
{
  sqlite3 *db = banso_txn_get_db (txn);
  g_autoptr(BansoHouseholdBulk) bulk = g_new0 (BansoHouseholdBulk, 1);
  g_autoptr(GPtrArray) restore = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* The definitions are read back from the schema, so that what is rebuilt is
   * exactly what the migrations made. */
  stmt = banso_sql_prepare (db, "SELECT name, sql FROM sqlite_schema WHERE type = 'index'"
                                " AND sql IS NOT NULL AND tbl_name IN ('household_index', 'audit')",
                            error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup_printf ("INDEX \"%s\"", sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (restore, g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The guard against INSERT OR REPLACE runs a trigger program for every
   * entry, which doubles the cost of writing them; the statement below names
   * no entry, and nothing else writes inside this transaction, so the guard
   * goes back right after it. */
  stmt = banso_sql_prepare (db, "SELECT sql FROM sqlite_schema WHERE type = 'trigger'"
                                " AND name = 'audit_no_replace'", error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_insert (restore, 0, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (names, g_strdup ("TRIGGER audit_no_replace"));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The audit entries of the imported households go in at once at the end,
   * before their index is built again: the rows one save each would write. */
  stmt = banso_sql_prepare (db, "SELECT coalesce (max (docno), 0) FROM documents", error);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return banso_sql_error (db, sqlite3_errcode (db), error), NULL;
  bulk->after_docno = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP %s", (char *)g_ptr_array_index (names, i));
      if (!banso_sql_exec (db, sql, error))
        return NULL;
    }

  bulk->restore = g_steal_pointer (&restore);
  return g_steal_pointer (&bulk);
}

void
banso_household_bulk_free (BansoHouseholdBulk *bulk)
{
  if (bulk == NULL)
    return;
  g_clear_pointer (&bulk->restore, g_ptr_array_unref);
  g_free (bulk);
}

/**
 * banso_household_bulk_end:
 *
 * Writes the audit entries of the households saved since
 * banso_household_bulk_begin(), rebuilds the indexes it dropped and the
 * search index, in the same transaction.
 */
gboolean
banso_household_bulk_end (BansoTxn            *txn,
                          BansoHouseholdBulk  *bulk,
                          GError             **error)
{
  sqlite3 *db = banso_txn_get_db (txn);
  GPtrArray *restore = bulk->restore;
  gint64 start = g_get_monotonic_time ();

  if (!banso_audit_append_since (txn, bulk->after_docno, BANSO_HOUSEHOLD_TYPE, "import", error))
    return FALSE;
  g_debug ("bulk: %.2f s for the audit entries", (g_get_monotonic_time () - start) / 1e6);
  start = g_get_monotonic_time ();

  g_ptr_array_add (restore, g_strdup ("INSERT INTO household_fts (household_fts) VALUES ('rebuild')"));
  for (guint i = 0; i < restore->len; i++)
    {
      const char *sql = g_ptr_array_index (restore, i);

      if (!banso_sql_exec (db, sql, error))
        return FALSE;
      g_debug ("bulk: %.2f s for %.48s…", (g_get_monotonic_time () - start) / 1e6, sql);
      start = g_get_monotonic_time ();
    }
  return TRUE;
}
