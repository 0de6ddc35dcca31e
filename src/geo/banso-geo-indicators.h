/* banso-geo-indicators.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "banso-store.h"

G_BEGIN_DECLS

/* Figures per commune, for the map's choropleth and its side panel,
 * computed from the records' index tables in a worker. */

typedef enum
{
  BANSO_INDICATOR_HOUSEHOLDS,
  BANSO_INDICATOR_POOR_SHARE,
  BANSO_INDICATOR_NEAR_POOR_SHARE,
  BANSO_INDICATOR_POOR_OR_NEAR_POOR_SHARE,
  BANSO_INDICATOR_ETHNIC_SHARE,
  BANSO_INDICATOR_PRESTIGE,
} BansoIndicator;

typedef enum
{
  BANSO_BREAKS_QUANTILE,
  BANSO_BREAKS_JENKS,
  BANSO_BREAKS_EQUAL,
} BansoBreaksMethod;

typedef struct
{
  char   *commune;
  guint   households;
  guint   people;
  guint   poor;
  guint   near_poor;
  guint   ethnic;       /* households whose head is of the group asked for */
  guint   prestige;
} BansoCommuneFigures;

typedef struct
{
  BansoIndicator  indicator;
  char           *ethnic;       /* for BANSO_INDICATOR_ETHNIC_SHARE */
  GHashTable     *by_commune;   /* code → BansoCommuneFigures */
  GStrv           scope;        /* the communes computed; %NULL: all */
} BansoIndicatorTable;

typedef struct
{
  guint   n_classes;
  double *breaks;     /* n_classes + 1 bounds, ascending */
  char  **labels;     /* n_classes legend labels */
  char   *title;      /* what the legend shows, in words */
} BansoClassBreaks;

BansoIndicatorTable *banso_indicator_table_compute  (sqlite3               *db,
                                                     BansoUser             *user,
                                                     BansoIndicator         indicator,
                                                     const char            *ethnic,
                                                     GError               **error);
void                 banso_indicator_table_compute_async (BansoStore       *store,
                                                     BansoUser             *user,
                                                     BansoIndicator         indicator,
                                                     const char            *ethnic,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
BansoIndicatorTable *banso_indicator_table_compute_finish (BansoStore      *store,
                                                     GAsyncResult          *result,
                                                     GError               **error);
void                 banso_indicator_table_free     (BansoIndicatorTable   *table);
gboolean             banso_indicator_table_get_value (BansoIndicatorTable  *table,
                                                     const char            *commune,
                                                     double                *value);
const char          *banso_indicator_get_label      (BansoIndicator         indicator);
gboolean             banso_indicator_is_share       (BansoIndicator         indicator);

BansoClassBreaks    *banso_class_breaks_compute     (const double          *values,
                                                     guint                  n_values,
                                                     guint                  n_classes,
                                                     BansoBreaksMethod      method,
                                                     gboolean               percent);
BansoClassBreaks    *banso_indicator_table_classify (BansoIndicatorTable   *table,
                                                     guint                  n_classes,
                                                     BansoBreaksMethod      method);
int                  banso_class_breaks_find        (const BansoClassBreaks *breaks,
                                                     double                 value);
void                 banso_class_breaks_free        (BansoClassBreaks      *breaks);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoIndicatorTable, banso_indicator_table_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoClassBreaks, banso_class_breaks_free)

G_END_DECLS
