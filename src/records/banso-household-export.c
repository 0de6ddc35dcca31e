/* banso-household-export.c: the households a filter selects, as the CSV
 * file import reads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-records"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-csv.h"
#include "banso-household-columns.h"
#include "banso-household-csv.h"
#include "banso-household-export.h"
#include "banso-household-store.h"
#include "banso-reference.h"

static const char *
cached_name (sqlite3    *db,
             GHashTable *cache,
             const char *sql,
             const char *code)
{
  char *name;

  if (code == NULL || *code == '\0')
    return "";
  if ((name = g_hash_table_lookup (cache, code)))
    return name;

  {
    g_autoptr(sqlite3_stmt) stmt = banso_sql_prepare (db, sql, NULL);
    if (stmt != NULL)
      {
        sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
        if (sqlite3_step (stmt) == SQLITE_ROW)
          name = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      }
  }
  g_hash_table_insert (cache, g_strdup (code), name ? name : g_strdup (""));
  return g_hash_table_lookup (cache, code);
}

#define COMMUNE_NAME_SQL \
  "SELECT name FROM admin_units WHERE edition = '" BANSO_ADMIN_EDITION "' AND code = ?1"

/* What @reader may read: a commune official their communes, others all. */
static gboolean
in_scope (BansoUser  *reader,
          const char *commune)
{
  if (reader == NULL || banso_user_get_role (reader) != BANSO_ROLE_COMMUNE_OFFICIAL)
    return TRUE;
  return commune != NULL && g_strv_contains (banso_user_get_communes (reader), commune);
}

/* A row whose values a spreadsheet shows as text, never runs as formulas. */
static void
append_safe_row (GString     *buffer,
                 const char **row)
{
  char *escaped[N_COLUMNS] = { NULL };

  for (guint i = 0; i < N_COLUMNS; i++)
    if ((escaped[i] = banso_csv_formula_escape (row[i])) != NULL)
      row[i] = escaped[i];
  banso_csv_append_row (buffer, row, N_COLUMNS, ',');
  for (guint i = 0; i < N_COLUMNS; i++)
    g_free (escaped[i]);
}

/**
 * banso_household_export_csv:
 *
 * Writes the households that @filter selects, one row per member, in the same
 * columns the importer reads, UTF-8 with a BOM so that Excel shows Vietnamese.
 * Values that a spreadsheet would run as formulas are escaped. With @reader,
 * a commune official gets only the households of their communes, and a filter
 * on another commune is refused.
 */
gboolean
banso_household_export_csv (BansoStore               *store,
                            BansoUser                *reader,
                            const BansoRecordFilter  *filter,
                            GOutputStream            *out,
                            guint                    *n_households,
                            GCancellable             *cancellable,
                            GError                  **error)
{
  g_autoptr(GHashTable) communes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) villages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GString) buffer = g_string_sized_new (1 << 16);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok = TRUE;
  guint count = 0;
  sqlite3 *db;
  int rc;

  if (!(db = banso_store_acquire_reader (store, error)))
    return FALSE;

  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  if (filter->commune != NULL && !in_scope (reader, filter->commune))
    {
      const char *name = cached_name (db, communes, COMMUNE_NAME_SQL, filter->commune);

      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION,
                   _("%s may only read the records of their own communes; %s is not one of them."),
                   banso_user_get_name (reader), *name ? name : filter->commune);
      ok = FALSE;
      goto out;
    }
  stmt = banso_records_select_bodies (db, BANSO_RECORD_KIND_HOUSEHOLD, filter, error);
  if (stmt == NULL)
    {
      ok = FALSE;
      goto out;
    }

  g_string_append (buffer, "\xef\xbb\xbf");
  banso_csv_append_row (buffer, banso_household_csv_columns (), N_COLUMNS, ',');

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *)sqlite3_column_text (stmt, 0);
      g_autoptr(BansoHousehold) h = banso_household_from_json ((const char *)sqlite3_column_text (stmt, 1), NULL);
      BansoPoverty poverty;
      int pyear;
      g_autofree char *pyear_text = NULL;
      g_autoptr(GString) history = g_string_new (NULL);

      if (h == NULL || !in_scope (reader, h->commune))
        continue;
      for (guint i = 0; i < h->poverty->len; i++)
        {
          BansoPovertyYear *p = &g_array_index (h->poverty, BansoPovertyYear, i);
          g_string_append_printf (history, "%s%d:%s", i ? ";" : "", p->year,
                                  banso_poverty_to_string (p->status));
        }
      poverty = banso_household_latest_poverty (h, &pyear);
      pyear_text = pyear ? g_strdup_printf ("%d", pyear) : g_strdup ("");

      for (guint i = 0; i < h->members->len; i++)
        {
          BansoMember *m = g_ptr_array_index (h->members, i);
          const char *row[N_COLUMNS];

          row[COL_HOUSEHOLD] = id;
          row[COL_COMMUNE_CODE] = h->commune;
          row[COL_COMMUNE_NAME] = cached_name (db, communes, COMMUNE_NAME_SQL,
                                               h->commune);
          row[COL_VILLAGE] = cached_name (db, villages,
                                          "SELECT v.name FROM village_index v JOIN documents d"
                                          " USING (docno) WHERE d.id = ?1", h->village);
          row[COL_ADDRESS] = h->address ? h->address : "";
          row[COL_MEMBER_NAME] = m->name ? m->name : "";
          row[COL_SEX] = banso_sex_to_string (m->sex);
          row[COL_BIRTH] = m->birth ? m->birth : "";
          row[COL_ETHNIC] = cached_name (db, groups, "SELECT name FROM ethnic_groups WHERE code = ?1",
                                         m->ethnic);
          row[COL_RELATION] = m->relation ? m->relation : "";
          row[COL_CITIZEN_ID] = m->citizen_id ? m->citizen_id : "";
          row[COL_PHONE] = m->phone ? m->phone : "";
          row[COL_POVERTY_YEAR] = poverty != BANSO_POVERTY_UNKNOWN ? pyear_text : "";
          row[COL_POVERTY_STATUS] = poverty != BANSO_POVERTY_UNKNOWN
                                    ? banso_poverty_to_string (poverty) : "";
          row[COL_NOTES] = h->notes ? h->notes : "";
          row[COL_MEMBER_ID] = m->id ? m->id : "";
          row[COL_POVERTY_HISTORY] = history->str;
          append_safe_row (buffer, row);
        }
      count++;

      if (buffer->len > (1 << 16) - 4096)
        {
          if (!g_output_stream_write_all (out, buffer->str, buffer->len, NULL, cancellable, error))
            {
              ok = FALSE;
              goto out;
            }
          g_string_truncate (buffer, 0);
        }
    }
  if (rc != SQLITE_DONE)
    {
      ok = banso_sql_error (db, rc, error);
      goto out;
    }

  ok = g_output_stream_write_all (out, buffer->str, buffer->len, NULL, cancellable, error);
  if (n_households)
    *n_households = count;

out:
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  banso_store_release_reader (store, db);
  return ok;
}
