/* banso-records.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "banso-record-row.h"

G_BEGIN_DECLS

typedef enum
{
  BANSO_RECORD_KIND_HOUSEHOLD,
  BANSO_RECORD_KIND_PRESTIGE,
} BansoRecordKind;

/* What a list shows: copied whole into each query, so a worker thread never
 * reads a filter the window is changing. */
typedef struct
{
  char     *search;
  char     *commune;
  char     *village;
  char     *ethnic;
  char     *status;
  char     *sort;
  gboolean  descending;
} BansoRecordFilter;

BansoRecordFilter *banso_record_filter_new    (void);
BansoRecordFilter *banso_record_filter_copy   (const BansoRecordFilter *filter);
void               banso_record_filter_free   (BansoRecordFilter       *filter);
gboolean           banso_record_filter_equal  (const BansoRecordFilter *a,
                                               const BansoRecordFilter *b);

gboolean           banso_records_count        (sqlite3                 *db,
                                               BansoRecordKind          kind,
                                               const BansoRecordFilter *filter,
                                               guint                   *n_rows,
                                               GError                 **error);
GPtrArray         *banso_records_fetch        (sqlite3                 *db,
                                               BansoRecordKind          kind,
                                               const BansoRecordFilter *filter,
                                               guint                    offset,
                                               guint                    limit,
                                               GError                 **error);
GPtrArray         *banso_records_fetch_full   (sqlite3                 *db,
                                               BansoRecordKind          kind,
                                               const BansoRecordFilter *filter,
                                               guint                    offset,
                                               guint                    limit,
                                               guint                    total,
                                               GError                 **error);
sqlite3_stmt      *banso_records_select_bodies (sqlite3                *db,
                                               BansoRecordKind          kind,
                                               const BansoRecordFilter *filter,
                                               GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoRecordFilter, banso_record_filter_free)

G_END_DECLS
