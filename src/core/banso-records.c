/* banso-records.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-core"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-fold.h"
#include "banso-household.h"
#include "banso-records.h"
#include "banso-reference.h"
#include "banso-store.h"

BansoRecordFilter *
banso_record_filter_new (void)
{
  return g_new0 (BansoRecordFilter, 1);
}

BansoRecordFilter *
banso_record_filter_copy (const BansoRecordFilter *filter)
{
  BansoRecordFilter *copy = g_new0 (BansoRecordFilter, 1);

  copy->search = g_strdup (filter->search);
  copy->commune = g_strdup (filter->commune);
  copy->village = g_strdup (filter->village);
  copy->ethnic = g_strdup (filter->ethnic);
  copy->status = g_strdup (filter->status);
  copy->sort = g_strdup (filter->sort);
  copy->descending = filter->descending;
  return copy;
}

void
banso_record_filter_free (BansoRecordFilter *filter)
{
  if (filter == NULL)
    return;
  g_free (filter->search);
  g_free (filter->commune);
  g_free (filter->village);
  g_free (filter->ethnic);
  g_free (filter->status);
  g_free (filter->sort);
  g_free (filter);
}

/* NULL and "" both mean "not filtered". */
static gboolean
same (const char *a,
      const char *b)
{
  return g_strcmp0 (a ? a : "", b ? b : "") == 0;
}

gboolean
banso_record_filter_equal (const BansoRecordFilter *a,
                           const BansoRecordFilter *b)
{
  return same (a->search, b->search) &&
         same (a->commune, b->commune) &&
         same (a->village, b->village) &&
         same (a->ethnic, b->ethnic) &&
         same (a->status, b->status) &&
         same (a->sort, b->sort) &&
         a->descending == b->descending;
}

static gboolean
is_set (const char *s)
{
  return s != NULL && *s != '\0';
}

typedef struct
{
  const char *table;
  const char *fts;
  const char *name_fold;
} KindInfo;

static const KindInfo kinds[] = {
  { "household_index", "household_fts", "head_fold" },
  { "prestige_index", NULL, "name_fold" },
};

/* Above this many search matches, reading the name index in order and
 * testing each row against the matches finds the first page sooner than
 * sorting every match. */
#define MANY_MATCHES 5000

static void
add_condition (GString    *sql,
               gboolean   *first,
               const char *condition)
{
  g_string_append (sql, *first ? " WHERE " : " AND ");
  g_string_append (sql, condition);
  *first = FALSE;
}

/* Builds the WHERE clause; every value is bound, never pasted into the SQL.
 * @many: the search matches many rows, so let the sort index drive. */
static void
build_where (BansoRecordKind          kind,
             const BansoRecordFilter *filter,
             GString                 *sql,
             GPtrArray               *binds,
             char                   **fts_query,
             gboolean                 many)
{
  const KindInfo *info = &kinds[kind];
  gboolean first = TRUE;

  if (is_set (filter->commune))
    {
      add_condition (sql, &first, "x.commune = ?");
      g_ptr_array_add (binds, filter->commune);
    }
  if (is_set (filter->village))
    {
      add_condition (sql, &first, "x.village = ?");
      g_ptr_array_add (binds, filter->village);
    }
  if (is_set (filter->ethnic))
    {
      add_condition (sql, &first, "x.ethnic = ?");
      g_ptr_array_add (binds, filter->ethnic);
    }
  if (is_set (filter->status) && kind == BANSO_RECORD_KIND_HOUSEHOLD)
    {
      add_condition (sql, &first, "x.poverty = ?");
      g_ptr_array_add (binds, filter->status);
    }
  if (is_set (filter->search))
    {
      if (info->fts != NULL)
        {
          *fts_query = banso_fold_query_to_fts (filter->search);
          if (*fts_query != NULL)
            {
              g_autofree char *condition =
                g_strdup_printf ("%sx.docno IN (SELECT rowid FROM %s WHERE %s MATCH ?)",
                                 many ? "+" : "", info->fts, info->fts);
              add_condition (sql, &first, condition);
              g_ptr_array_add (binds, *fts_query);
            }
        }
      else
        {
          /* Few enough rows that a scan of the folded text is instant. */
          g_autofree char *fold = banso_fold (filter->search, -1);
          *fts_query = g_strdup_printf ("%%%s%%", fold);
          add_condition (sql, &first, "x.search LIKE ?");
          g_ptr_array_add (binds, *fts_query);
        }
    }
}

static void
bind_all (sqlite3_stmt *stmt,
          GPtrArray    *binds)
{
  for (guint i = 0; i < binds->len; i++)
    sqlite3_bind_text (stmt, i + 1, g_ptr_array_index (binds, i), -1, SQLITE_STATIC);
}

gboolean
banso_records_count (sqlite3                  *db,
                     BansoRecordKind           kind,
                     const BansoRecordFilter  *filter,
                     guint                    *n_rows,
                     GError                  **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GPtrArray) binds = g_ptr_array_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *fts = NULL;

  if (kind == BANSO_RECORD_KIND_HOUSEHOLD && is_set (filter->search) &&
      !is_set (filter->commune) && !is_set (filter->village) && !is_set (filter->ethnic) &&
      !is_set (filter->status) && (fts = banso_fold_query_to_fts (filter->search)) != NULL)
    {
      /* Search alone: the full-text index counts its matches by itself. */
      g_string_append (sql, "SELECT count(*) FROM household_fts WHERE household_fts MATCH ?");
      g_ptr_array_add (binds, fts);
    }
  else
    {
      g_string_append_printf (sql, "SELECT count(*) FROM %s x", kinds[kind].table);
      build_where (kind, filter, sql, binds, &fts, FALSE);
    }

  if (!(stmt = banso_sql_prepare (db, sql->str, error)))
    return FALSE;
  bind_all (stmt, binds);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return banso_sql_error (db, sqlite3_errcode (db), error);

  *n_rows = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static const char *
order_column (BansoRecordKind kind,
              const char     *sort)
{
  if (g_strcmp0 (sort, "commune") == 0)
    return "x.commune";
  if (g_strcmp0 (sort, "village") == 0)
    return "x.village";
  if (g_strcmp0 (sort, "ethnic") == 0)
    return "x.ethnic";
  if (g_strcmp0 (sort, "status") == 0 && kind == BANSO_RECORD_KIND_HOUSEHOLD)
    return "x.poverty";
  if (g_strcmp0 (sort, "members") == 0 && kind == BANSO_RECORD_KIND_HOUSEHOLD)
    return "x.members";
  if (g_strcmp0 (sort, "year") == 0 && kind == BANSO_RECORD_KIND_PRESTIGE)
    return "x.year";
  return NULL;
}

/**
 * banso_records_fetch_full:
 * @total: how many rows the filter selects, when known (0 otherwise)
 *
 * The page is cut from the index table alone and only its rows are joined to
 * their names: cutting after the joins would join every row skipped by the
 * offset.
 *
 * Returns: (transfer full): one page of rows, as #BansoRecordRow, with the
 *   display values of the list's columns
 */
GPtrArray *
banso_records_fetch_full (sqlite3                  *db,
                          BansoRecordKind           kind,
                          const BansoRecordFilter  *filter,
                          guint                     offset,
                          guint                     limit,
                          guint                     total,
                          GError                  **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) order = g_string_new (NULL);
  g_autoptr(GPtrArray) binds = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *fts = NULL;
  const char *dir = filter->descending ? "DESC" : "ASC";
  const char *column = order_column (kind, filter->sort);
  int rc;

  if (column != NULL)
    g_string_append_printf (order, "%s %s, ", column, dir);
  g_string_append_printf (order, "x.%s %s, x.docno %s", kinds[kind].name_fold, dir, dir);

  if (kind == BANSO_RECORD_KIND_HOUSEHOLD)
    g_string_append (sql,
                     "SELECT d.id, x.head, a.name, v.name, e.name, x.poverty, x.members"
                     " FROM (SELECT x.docno FROM household_index x");
  else
    g_string_append (sql,
                     "SELECT d.id, x.name, a.name, v.name, e.name, x.year,"
                     " json_extract (d.body, '$.influence')"
                     " FROM (SELECT x.docno FROM prestige_index x");
  build_where (kind, filter, sql, binds, &fts, total > MANY_MATCHES);
  g_string_append_printf (sql, " ORDER BY %s LIMIT %u OFFSET %u) p", order->str, limit, offset);
  g_string_append_printf (sql,
                          " JOIN %s x ON x.docno = p.docno"
                          " JOIN documents d ON d.docno = x.docno"
                          " LEFT JOIN admin_units a ON a.edition = '" BANSO_ADMIN_EDITION "'"
                          "  AND a.code = x.commune"
                          " LEFT JOIN documents vd ON vd.id = x.village"
                          " LEFT JOIN village_index v ON v.docno = vd.docno"
                          " LEFT JOIN ethnic_groups e ON e.code = x.ethnic"
                          " ORDER BY %s", kinds[kind].table, order->str);

  if (!(stmt = banso_sql_prepare (db, sql->str, error)))
    return NULL;
  bind_all (stmt, binds);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BansoRecordRow *row = banso_record_row_new ();
      const char *values[6];

      for (guint i = 0; i < 6; i++)
        values[i] = (const char *)sqlite3_column_text (stmt, i + 1);

      if (kind == BANSO_RECORD_KIND_HOUSEHOLD)
        values[4] = banso_poverty_get_label (banso_poverty_from_string (values[4]));
      else if (sqlite3_column_type (stmt, 5) == SQLITE_NULL)
        values[4] = "";

      banso_record_row_set (row, (const char *)sqlite3_column_text (stmt, 0), values, 6);
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      banso_sql_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

GPtrArray *
banso_records_fetch (sqlite3                  *db,
                     BansoRecordKind           kind,
                     const BansoRecordFilter  *filter,
                     guint                     offset,
                     guint                     limit,
                     GError                  **error)
{
  return banso_records_fetch_full (db, kind, filter, offset, limit, 0, error);
}

/**
 * banso_records_select_bodies:
 *
 * Returns: (transfer full): a statement yielding (id, body) of the records
 *   @filter selects, in the list's order; the bound values live in the
 *   statement, so @filter may be freed while it runs
 */
sqlite3_stmt *
banso_records_select_bodies (sqlite3                  *db,
                             BansoRecordKind           kind,
                             const BansoRecordFilter  *filter,
                             GError                  **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GPtrArray) binds = g_ptr_array_new ();
  g_autofree char *fts = NULL;
  sqlite3_stmt *stmt;

  g_string_append_printf (sql, "SELECT d.id, d.body FROM %s x JOIN documents d ON d.docno = x.docno",
                          kinds[kind].table);
  build_where (kind, filter, sql, binds, &fts, FALSE);
  g_string_append_printf (sql, " ORDER BY x.%s, x.docno", kinds[kind].name_fold);

  if (!(stmt = banso_sql_prepare (db, sql->str, error)))
    return NULL;
  for (guint i = 0; i < binds->len; i++)
    sqlite3_bind_text (stmt, i + 1, g_ptr_array_index (binds, i), -1, SQLITE_TRANSIENT);
  return stmt;
}
