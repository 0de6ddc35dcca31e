/* banso-records.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "banso-record-filter.h"
#include "banso-record-row.h"
#include "banso-record-source.h"

G_BEGIN_DECLS

typedef enum
{
  BANSO_RECORD_KIND_HOUSEHOLD,
  BANSO_RECORD_KIND_PRESTIGE,
} BansoRecordKind;

#define BANSO_TYPE_RECORDS_SOURCE (banso_records_source_get_type ())

G_DECLARE_FINAL_TYPE (BansoRecordsSource, banso_records_source, BANSO, RECORDS_SOURCE, GObject)

BansoRecordSource *banso_records_source_new   (BansoRecordKind          kind);

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

G_END_DECLS
