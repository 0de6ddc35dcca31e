/* banso-geo-indicators.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Indicators per commune and their class breaks. A commune official sees the
 * figures of the communes of their scope, as the lists show them theirs;
 * everyone else sees every commune.
 */

#define G_LOG_DOMAIN "banso-geo"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "banso-geo-indicators.h"
#include "banso-store-async.h"

static void
figures_free (BansoCommuneFigures *f)
{
  g_free (f->commune);
  g_free (f);
}

void
banso_indicator_table_free (BansoIndicatorTable *table)
{
  if (table == NULL)
    return;
  g_free (table->ethnic);
  g_hash_table_unref (table->by_commune);
  g_strfreev (table->scope);
  g_free (table);
}

static BansoCommuneFigures *
figures_for (BansoIndicatorTable *table,
             const char          *commune)
{
  BansoCommuneFigures *f = g_hash_table_lookup (table->by_commune, commune);

  if (f == NULL)
    {
      f = g_new0 (BansoCommuneFigures, 1);
      f->commune = g_strdup (commune);
      g_hash_table_insert (table->by_commune, f->commune, f);
    }
  return f;
}

static gboolean
in_scope (BansoIndicatorTable *table,
          const char          *commune)
{
  return table->scope == NULL || g_strv_contains ((const char * const *)table->scope, commune);
}

/**
 * banso_indicator_table_compute:
 * @db: a reader connection (in a worker)
 * @user: (nullable): whose scope applies
 * @ethnic: (nullable): the ethnic group's code, for the share of a group
 *
 * One pass over the households and one over the prestigious persons, grouped
 * by commune: every figure of every commune at once, whichever indicator is
 * shown (the side panel shows them all).
 */
BansoIndicatorTable *
banso_indicator_table_compute (sqlite3         *db,
                               BansoUser       *user,
                               BansoIndicator   indicator,
                               const char      *ethnic,
                               GError         **error)
{
  g_autoptr(BansoIndicatorTable) table = g_new0 (BansoIndicatorTable, 1);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  table->indicator = indicator;
  table->ethnic = g_strdup (ethnic);
  table->by_commune = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)figures_free);
  if (user != NULL && banso_user_get_role (user) == BANSO_ROLE_COMMUNE_OFFICIAL)
    table->scope = g_strdupv ((char **)banso_user_get_communes (user));

  stmt = banso_sql_prepare (db, "SELECT commune, count(*), total(members), total(poverty = 'poor'),"
                                " total(poverty = 'near-poor'), total(ethnic = ?1)"
                                " FROM household_index INDEXED BY geo_household_counts GROUP BY commune", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, ethnic ? ethnic : "", -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *commune = (const char *)sqlite3_column_text (stmt, 0);
      BansoCommuneFigures *f;

      if (commune == NULL || !in_scope (table, commune))
        continue;
      f = figures_for (table, commune);
      f->households = sqlite3_column_int (stmt, 1);
      f->people = (guint)sqlite3_column_double (stmt, 2);
      f->poor = (guint)sqlite3_column_double (stmt, 3);
      f->near_poor = (guint)sqlite3_column_double (stmt, 4);
      f->ethnic = (guint)sqlite3_column_double (stmt, 5);
    }
  if (rc != SQLITE_DONE)
    return banso_sql_error (db, rc, error), NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = banso_sql_prepare (db, "SELECT commune, count(*) FROM prestige_index GROUP BY commune", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *commune = (const char *)sqlite3_column_text (stmt, 0);

      if (commune != NULL && in_scope (table, commune))
        figures_for (table, commune)->prestige = sqlite3_column_int (stmt, 1);
    }
  if (rc != SQLITE_DONE)
    return banso_sql_error (db, rc, error), NULL;
  return g_steal_pointer (&table);
}

typedef struct
{
  BansoUser      *user;
  BansoIndicator  indicator;
  char           *ethnic;
} ComputeData;

static void
compute_data_free (gpointer data)
{
  ComputeData *d = data;

  g_clear_object (&d->user);
  g_free (d->ethnic);
  g_free (d);
}

static gpointer
compute_read (sqlite3   *db,
              gpointer   data,
              GError   **error)
{
  ComputeData *d = data;

  return banso_indicator_table_compute (db, d->user, d->indicator, d->ethnic, error);
}

/* What the map calls when it opens and again when the store says records
 * changed; the result comes from banso_indicator_table_compute_finish(). */
void
banso_indicator_table_compute_async (BansoStore          *store,
                                     BansoUser           *user,
                                     BansoIndicator       indicator,
                                     const char          *ethnic,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  ComputeData *d = g_new0 (ComputeData, 1);

  d->user = user ? g_object_ref (user) : NULL;
  d->indicator = indicator;
  d->ethnic = g_strdup (ethnic);
  banso_store_read_async (store, compute_read, d, compute_data_free,
                          (GDestroyNotify)banso_indicator_table_free, cancellable, callback, user_data);
}

BansoIndicatorTable *
banso_indicator_table_compute_finish (BansoStore    *store,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return banso_store_task_finish (store, result, error);
}

gboolean
banso_indicator_is_share (BansoIndicator indicator)
{
  return indicator == BANSO_INDICATOR_POOR_SHARE || indicator == BANSO_INDICATOR_NEAR_POOR_SHARE ||
         indicator == BANSO_INDICATOR_POOR_OR_NEAR_POOR_SHARE || indicator == BANSO_INDICATOR_ETHNIC_SHARE;
}

const char *
banso_indicator_get_label (BansoIndicator indicator)
{
  switch (indicator)
    {
    case BANSO_INDICATOR_HOUSEHOLDS: return _("Households");
    case BANSO_INDICATOR_POOR_SHARE: return _("Share of poor households");
    case BANSO_INDICATOR_NEAR_POOR_SHARE: return _("Share of near-poor households");
    case BANSO_INDICATOR_POOR_OR_NEAR_POOR_SHARE: return _("Share of poor and near-poor households");
    case BANSO_INDICATOR_ETHNIC_SHARE: return _("Share of households of the ethnic group");
    case BANSO_INDICATOR_PRESTIGE: return _("Prestigious persons");
    default: return "";
    }
}

/**
 * banso_indicator_table_get_value:
 * @value: (out): a count, or a share from 0 to 1
 *
 * Returns: %FALSE for a commune without figures (no households, or outside
 *   the user's scope): the map leaves it without colour
 */
gboolean
banso_indicator_table_get_value (BansoIndicatorTable *table,
                                 const char          *commune,
                                 double              *value)
{
  BansoCommuneFigures *f;

  if (commune == NULL || !in_scope (table, commune))
    return FALSE;
  f = g_hash_table_lookup (table->by_commune, commune);
  if (table->indicator == BANSO_INDICATOR_PRESTIGE)
    {
      *value = f ? f->prestige : 0;
      return TRUE;
    }
  if (f == NULL || f->households == 0)
    {
      *value = 0;
      return table->indicator == BANSO_INDICATOR_HOUSEHOLDS;
    }
  switch (table->indicator)
    {
    case BANSO_INDICATOR_HOUSEHOLDS: *value = f->households; break;
    case BANSO_INDICATOR_POOR_SHARE: *value = (double)f->poor / f->households; break;
    case BANSO_INDICATOR_NEAR_POOR_SHARE: *value = (double)f->near_poor / f->households; break;
    case BANSO_INDICATOR_POOR_OR_NEAR_POOR_SHARE: *value = (double)(f->poor + f->near_poor) / f->households; break;
    case BANSO_INDICATOR_ETHNIC_SHARE: *value = (double)f->ethnic / f->households; break;
    case BANSO_INDICATOR_PRESTIGE:
    default: *value = f->prestige; break;
    }
  return TRUE;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

/* Jenks natural breaks by dynamic programming (Fisher's exact method): the
 * classes whose summed squared deviations are smallest. n is at most a few
 * thousand communes. */
static void
jenks (const double *v,
       guint         n,
       guint         k,
       double       *breaks)
{
  g_autofree double *cost = g_new (double, (gsize)(n + 1) * (k + 1));
  g_autofree guint *split = g_new0 (guint, (gsize)(n + 1) * (k + 1));
  g_autofree double *sum = g_new0 (double, n + 1);
  g_autofree double *sum2 = g_new0 (double, n + 1);
  guint end;

#define COST(i, j) cost[(gsize)(i) * (k + 1) + (j)]
#define SPLIT(i, j) split[(gsize)(i) * (k + 1) + (j)]
  for (guint i = 0; i < n; i++)
    {
      sum[i + 1] = sum[i] + v[i];
      sum2[i + 1] = sum2[i] + v[i] * v[i];
    }
  for (guint i = 0; i <= n; i++)
    for (guint j = 0; j <= k; j++)
      COST (i, j) = INFINITY;
  COST (0, 0) = 0;
  for (guint j = 1; j <= k; j++)
    for (guint i = j; i <= n; i++)
      for (guint m = j - 1; m < i; m++)
        {
          double s = sum[i] - sum[m], s2 = sum2[i] - sum2[m];
          double c = COST (m, j - 1) + s2 - s * s / (i - m);

          if (c < COST (i, j))
            {
              COST (i, j) = c;
              SPLIT (i, j) = m;
            }
        }
  breaks[k] = v[n - 1];
  end = n;
  for (guint j = k; j > 0; j--)
    {
      guint m = SPLIT (end, j);

      breaks[j - 1] = v[m];
      end = m;
    }
  breaks[0] = v[0];
#undef COST
#undef SPLIT
}

static char *
format_value (double   v,
              gboolean percent)
{
  if (percent)
    return g_strdup_printf ("%.0f%%", v * 100);
  return g_strdup_printf ("%.0f", v);
}

/**
 * banso_class_breaks_compute:
 * @percent: values are shares (0 to 1) and the labels say percentages
 *
 * Splits the values into at most @n_classes classes (fewer when there are
 * fewer distinct values) and labels each for the legend, "12% – 25%".
 */
BansoClassBreaks *
banso_class_breaks_compute (const double      *values,
                            guint              n_values,
                            guint              n_classes,
                            BansoBreaksMethod  method,
                            gboolean           percent)
{
  g_autofree double *v = g_memdup2 (values, sizeof (double) * MAX (n_values, 1));
  BansoClassBreaks *b = g_new0 (BansoClassBreaks, 1);
  guint distinct = 0;

  g_return_val_if_fail (n_classes >= 1, b);

  /* No records yet: no values to sort, and qsort() may not be given none. */
  if (n_values > 0)
    qsort (v, n_values, sizeof (double), compare_doubles);
  for (guint i = 0; i < n_values; i++)
    if (i == 0 || v[i] != v[i - 1])
      distinct++;
  b->n_classes = MIN (n_classes, MAX (distinct, 1));
  b->breaks = g_new0 (double, b->n_classes + 1);
  b->labels = g_new0 (char *, b->n_classes + 1);

  if (n_values == 0)
    b->breaks[0] = b->breaks[1] = 0;
  else if (method == BANSO_BREAKS_JENKS)
    jenks (v, n_values, b->n_classes, b->breaks);
  else
    for (guint c = 0; c <= b->n_classes; c++)
      b->breaks[c] = method == BANSO_BREAKS_EQUAL
                       ? v[0] + (v[n_values - 1] - v[0]) * c / b->n_classes
                       : v[MIN ((gsize)c * n_values / b->n_classes, n_values - 1)];
  if (n_values > 0)
    b->breaks[b->n_classes] = v[n_values - 1];

  for (guint c = 0; c < b->n_classes; c++)
    {
      g_autofree char *lo = format_value (b->breaks[c], percent);
      g_autofree char *hi = format_value (b->breaks[c + 1], percent);

      b->labels[c] = g_strcmp0 (lo, hi) == 0 ? g_strdup (lo) : g_strdup_printf ("%s – %s", lo, hi);
    }
  return b;
}

/* Returns: the class of @value (the last class includes its upper bound), or -1 */
int
banso_class_breaks_find (const BansoClassBreaks *b,
                         double                  value)
{
  if (b->n_classes == 0 || value < b->breaks[0] || value > b->breaks[b->n_classes])
    return -1;
  for (guint c = 0; c + 1 < b->n_classes; c++)
    if (value < b->breaks[c + 1])
      return c;
  return b->n_classes - 1;
}

/* The classes of the table's values, with the legend's title. */
BansoClassBreaks *
banso_indicator_table_classify (BansoIndicatorTable *table,
                                guint                n_classes,
                                BansoBreaksMethod    method)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  GHashTableIter iter;
  gpointer key;
  BansoClassBreaks *b;
  const char *method_name;

  g_hash_table_iter_init (&iter, table->by_commune);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      double v;

      if (banso_indicator_table_get_value (table, key, &v))
        g_array_append_val (values, v);
    }
  b = banso_class_breaks_compute ((double *)values->data, values->len, n_classes, method,
                                  banso_indicator_is_share (table->indicator));
  method_name = method == BANSO_BREAKS_JENKS ? _("natural breaks (Jenks)")
              : method == BANSO_BREAKS_EQUAL ? _("equal intervals")
              : _("quantiles, about as many communes in each class");
  b->title = g_strdup_printf (ngettext ("%s by commune, %u class: %s",
                                        "%s by commune, %u classes: %s", b->n_classes),
                              banso_indicator_get_label (table->indicator), b->n_classes, method_name);
  return b;
}

void
banso_class_breaks_free (BansoClassBreaks *b)
{
  if (b == NULL)
    return;
  g_free (b->breaks);
  g_strfreev (b->labels);
  g_free (b->title);
  g_free (b);
}
