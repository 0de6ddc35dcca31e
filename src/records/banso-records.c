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

/* Which households of a search: the search index has a row per person
 * (BANSO_HOUSEHOLD_SEARCH_PERSONS), and a household is found when one of its
 * persons has every word; those whose head has them come first. */
typedef enum
{
  MATCH_ANY,     /* any person */
  MATCH_HEAD,    /* the head */
  MATCH_MEMBER,  /* a member other than the head, and not the head */
} MatchPart;

#define PERSONS G_STRINGIFY (BANSO_HOUSEHOLD_SEARCH_PERSONS)

static void
add_search_condition (GString    *sql,
                      gboolean   *first,
                      const char *fts,
                      const char *fts_query,
                      GPtrArray  *binds,
                      MatchPart   part,
                      gboolean    many)
{
  /* Unary + keeps the planner from reading the matches first when the sort
   * index should drive. */
  const char *plus = many ? "+" : "";
  g_autofree char *condition = NULL;

  switch (part)
    {
    case MATCH_ANY:
      condition = g_strdup_printf ("%sx.docno IN (SELECT rowid / " PERSONS " FROM %s"
                                   " WHERE %s MATCH ?)", plus, fts, fts);
      g_ptr_array_add (binds, (char *)fts_query);
      break;
    case MATCH_HEAD:
      condition = g_strdup_printf ("%sx.docno IN (SELECT rowid / " PERSONS " FROM %s"
                                   " WHERE %s MATCH ? AND rowid %% " PERSONS " = 0)",
                                   plus, fts, fts);
      g_ptr_array_add (binds, (char *)fts_query);
      break;
    case MATCH_MEMBER:
      condition = g_strdup_printf ("%sx.docno IN (SELECT rowid / " PERSONS " FROM %s"
                                   " WHERE %s MATCH ? AND rowid %% " PERSONS " > 0)"
                                   " AND %sx.docno NOT IN (SELECT rowid / " PERSONS " FROM %s"
                                   " WHERE %s MATCH ? AND rowid %% " PERSONS " = 0)",
                                   plus, fts, fts, plus, fts, fts);
      g_ptr_array_add (binds, (char *)fts_query);
      g_ptr_array_add (binds, (char *)fts_query);
      break;
    default:
      g_assert_not_reached ();
    }
  add_condition (sql, first, condition);
}

/* Builds the WHERE clause; every value is bound, never pasted into the SQL.
 * @part: which persons of a household the search looks at
 * @many: the search matches many rows, so let the sort index drive. */
static void
build_where (const BansoRecordTable   *info,
             const BansoRecordFilter *filter,
             GString                 *sql,
             GPtrArray               *binds,
             char                   **fts_query,
             MatchPart                part,
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
            add_search_condition (sql, &first, info->fts, *fts_query, binds, part, many);
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
      gint64 last = -1;
      guint n = 0;
      int rc;

      /* Search alone: the full-text index gives the matching persons in the
       * order of their rowids, so those of a household come together. */
      g_string_append_printf (sql, "SELECT rowid / " PERSONS " FROM %s WHERE %s MATCH ?",
                              info->fts, info->fts);
      if (!(stmt = banso_sql_prepare (db, sql->str, error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 docno = sqlite3_column_int64 (stmt, 0);

          n += docno != last;
          last = docno;
        }
      if (rc != SQLITE_DONE)
        return banso_sql_error (db, rc, error);
      *n_rows = n;
      return TRUE;
    }

  g_string_append_printf (sql, "SELECT count(*) FROM %s x", info->table);
  build_where (info, filter, sql, binds, &fts, MATCH_ANY, FALSE);

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

/* One page of the rows of @part, appended to @rows; returns the number of
 * rows added, or -1 on error. */
static int
fetch_part (sqlite3                  *db,
            const BansoRecordTable   *info,
            const BansoRecordFilter  *filter,
            MatchPart                 part,
            guint                     offset,
            guint                     limit,
            gboolean                  many,
            GPtrArray                *rows,
            GError                  **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) order = g_string_new (NULL);
  g_autoptr(GPtrArray) binds = g_ptr_array_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *fts = NULL;
  const char *dir = filter->descending ? "DESC" : "ASC";
  const char *column = order_column (info, filter->sort);
  int n = 0;
  int rc;

  if (column != NULL)
    g_string_append_printf (order, "%s %s, ", column, dir);
  g_string_append_printf (order, "x.%s %s, x.docno %s", info->name_fold, dir, dir);

  g_string_append_printf (sql, "SELECT d.id, %s FROM (SELECT x.docno FROM %s x",
                          info->columns, info->table);
  build_where (info, filter, sql, binds, &fts, part, many);
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
    return -1;
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
      n++;
    }
  if (rc != SQLITE_DONE)
    {
      banso_sql_error (db, rc, error);
      return -1;
    }

  return n;
}

/* How many households of the filter have a head with every word of the search. */
static gboolean
count_heads (sqlite3                  *db,
             const BansoRecordTable   *info,
             const BansoRecordFilter  *filter,
             guint                    *n_rows,
             GError                  **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GPtrArray) binds = g_ptr_array_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *fts = NULL;

  g_string_append_printf (sql, "SELECT count(*) FROM %s x", info->table);
  build_where (info, filter, sql, binds, &fts, MATCH_HEAD, FALSE);
  if (!(stmt = banso_sql_prepare (db, sql->str, error)))
    return FALSE;
  bind_all (stmt, binds);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return banso_sql_error (db, sqlite3_errcode (db), error);
  *n_rows = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/**
 * banso_records_fetch_full:
 * @total: how many rows the filter selects, when known (0 otherwise)
 *
 * The page is cut from the index table alone and only its rows are joined to
 * their names: cutting after the joins would join every row skipped by the
 * offset.
 *
 * A search of households lists first those whose head has every word, then
 * those where another member has them, each part in the list's order: the
 * page is cut from the first part and, past its end, from the second.
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
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *fts = NULL;
  const BansoRecordTable *info = table_of (kind);
  gboolean many = total > MANY_MATCHES;
  guint n_heads = 0;
  int n;

  if (info->fts == NULL || !is_set (filter->search) ||
      (fts = banso_fold_query_to_fts (filter->search)) == NULL)
    {
      if (fetch_part (db, info, filter, MATCH_ANY, offset, limit, many, rows, error) < 0)
        return NULL;
      return g_steal_pointer (&rows);
    }

  n = fetch_part (db, info, filter, MATCH_HEAD, offset, limit, many, rows, error);
  if (n < 0)
    return NULL;
  if ((guint)n == limit)
    return g_steal_pointer (&rows);

  /* The heads end on this page, or before it. */
  if (n > 0 || offset == 0)
    n_heads = offset + n;
  else if (!count_heads (db, info, filter, &n_heads, error))
    return NULL;

  if (fetch_part (db, info, filter, MATCH_MEMBER, offset + n - n_heads, limit - n, many,
                  rows, error) < 0)
    return NULL;
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
  build_where (info, filter, sql, binds, &fts, MATCH_ANY, FALSE);
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
