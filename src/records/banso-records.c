/* banso-records.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-records"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-fold.h"
#include "banso-record-source.h"
#include "banso-records.h"
#include "banso-records-private.h"
#include "banso-reference.h"
#include "banso-store.h"

static gboolean
is_set (const char *s)
{
  return s != NULL && *s != '\0';
}

static const BansoRecordTable *
table_of (BansoRecordKind kind)
{
  return kind == BANSO_RECORD_KIND_HOUSEHOLD ? &banso_household_table : &banso_prestige_table;
}

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
build_where (const BansoRecordTable   *info,
             const BansoRecordFilter *filter,
             GString                 *sql,
             GPtrArray               *binds,
             char                   **fts_query,
             gboolean                 many)
{
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
  if (is_set (filter->status) && info->status != NULL)
    {
      g_autofree char *condition = g_strdup_printf ("%s = ?", info->status);

      add_condition (sql, &first, condition);
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
  const BansoRecordTable *info = table_of (kind);
  g_autofree char *fts = NULL;

  if (info->fts != NULL && is_set (filter->search) &&
      !is_set (filter->commune) && !is_set (filter->village) && !is_set (filter->ethnic) &&
      !is_set (filter->status) && (fts = banso_fold_query_to_fts (filter->search)) != NULL)
    {
      /* Search alone: the full-text index counts its matches by itself. */
      g_string_append_printf (sql, "SELECT count(*) FROM %s WHERE %s MATCH ?", info->fts, info->fts);
      g_ptr_array_add (binds, fts);
    }
  else
    {
      g_string_append_printf (sql, "SELECT count(*) FROM %s x", info->table);
      build_where (info, filter, sql, binds, &fts, FALSE);
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
order_column (const BansoRecordTable *info,
              const char             *sort)
{
  if (g_strcmp0 (sort, "commune") == 0)
    return "x.commune";
  if (g_strcmp0 (sort, "village") == 0)
    return "x.village";
  if (g_strcmp0 (sort, "ethnic") == 0)
    return "x.ethnic";
  for (guint i = 0; sort != NULL && info->sorts[i] != NULL; i += 2)
    if (g_str_equal (sort, info->sorts[i]))
      return info->sorts[i + 1];
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
  const BansoRecordTable *info = table_of (kind);
  const char *dir = filter->descending ? "DESC" : "ASC";
  const char *column = order_column (info, filter->sort);
  int rc;

  if (column != NULL)
    g_string_append_printf (order, "%s %s, ", column, dir);
  g_string_append_printf (order, "x.%s %s, x.docno %s", info->name_fold, dir, dir);

  g_string_append_printf (sql, "SELECT d.id, %s FROM (SELECT x.docno FROM %s x",
                          info->columns, info->table);
  build_where (info, filter, sql, binds, &fts, total > MANY_MATCHES);
  g_string_append_printf (sql, " ORDER BY %s LIMIT %u OFFSET %u) p", order->str, limit, offset);
  g_string_append_printf (sql,
                          " JOIN %s x ON x.docno = p.docno"
                          " JOIN documents d ON d.docno = x.docno"
                          " LEFT JOIN admin_units a ON a.edition = '" BANSO_ADMIN_EDITION "'"
                          "  AND a.code = x.commune"
                          " LEFT JOIN documents vd ON vd.id = x.village"
                          " LEFT JOIN village_index v ON v.docno = vd.docno"
                          " LEFT JOIN ethnic_groups e ON e.code = x.ethnic"
                          " ORDER BY %s", info->table, order->str);

  if (!(stmt = banso_sql_prepare (db, sql->str, error)))
    return NULL;
  bind_all (stmt, binds);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BansoRecordRow *row = banso_record_row_new ();
      const char *values[BANSO_RECORD_ROW_MAX_VALUES];

      for (guint i = 0; i < info->n_columns; i++)
        values[i] = (const char *)sqlite3_column_text (stmt, i + 1);
      if (info->fix_values != NULL)
        info->fix_values (stmt, values);

      banso_record_row_set (row, (const char *)sqlite3_column_text (stmt, 0), values, info->n_columns);
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

  const BansoRecordTable *info = table_of (kind);

  g_string_append_printf (sql, "SELECT d.id, d.body FROM %s x JOIN documents d ON d.docno = x.docno",
                          info->table);
  build_where (info, filter, sql, binds, &fts, FALSE);
  g_string_append_printf (sql, " ORDER BY x.%s, x.docno", info->name_fold);

  if (!(stmt = banso_sql_prepare (db, sql->str, error)))
    return NULL;
  for (guint i = 0; i < binds->len; i++)
    sqlite3_bind_text (stmt, i + 1, g_ptr_array_index (binds, i), -1, SQLITE_TRANSIENT);
  return stmt;
}

/* The list of households or of prestigious persons, for #BansoRecordList {{{ */

struct _BansoRecordsSource
{
  GObject          parent_instance;
  BansoRecordKind  kind;
};

static void banso_records_source_iface_init (BansoRecordSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BansoRecordsSource, banso_records_source, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BANSO_TYPE_RECORD_SOURCE,
                                                      banso_records_source_iface_init))

static const char *
source_get_changed_type (BansoRecordSource *source)
{
  return table_of (BANSO_RECORDS_SOURCE (source)->kind)->doc_type;
}

static gboolean
source_count (BansoRecordSource        *source,
              sqlite3                  *db,
              const BansoRecordFilter  *filter,
              guint                    *n_rows,
              GError                  **error)
{
  return banso_records_count (db, BANSO_RECORDS_SOURCE (source)->kind, filter, n_rows, error);
}

static GPtrArray *
source_fetch (BansoRecordSource        *source,
              sqlite3                  *db,
              const BansoRecordFilter  *filter,
              guint                     offset,
              guint                     limit,
              guint                     total,
              GError                  **error)
{
  return banso_records_fetch_full (db, BANSO_RECORDS_SOURCE (source)->kind, filter,
                                   offset, limit, total, error);
}

static void
banso_records_source_iface_init (BansoRecordSourceInterface *iface)
{
  iface->get_changed_type = source_get_changed_type;
  iface->count = source_count;
  iface->fetch = source_fetch;
}

static void
banso_records_source_class_init (BansoRecordsSourceClass *klass)
{
}

static void
banso_records_source_init (BansoRecordsSource *self)
{
}

/**
 * banso_records_source_new:
 *
 * Returns: (transfer full): the rows of the households' or the prestigious
 *   persons' list
 */
BansoRecordSource *
banso_records_source_new (BansoRecordKind kind)
{
  BansoRecordsSource *self = g_object_new (BANSO_TYPE_RECORDS_SOURCE, NULL);

  self->kind = kind;
  return BANSO_RECORD_SOURCE (self);
}

/* }}} */
