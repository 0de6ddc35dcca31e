/* banso-record-source.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <sqlite3.h>

#include "banso-record-filter.h"

G_BEGIN_DECLS

#define BANSO_TYPE_RECORD_SOURCE (banso_record_source_get_type ())

G_DECLARE_INTERFACE (BansoRecordSource, banso_record_source, BANSO, RECORD_SOURCE, GObject)

/**
 * BansoRecordSourceInterface:
 * @get_changed_type: the document type whose changes reload the list (the
 *   detail of #BansoStore::changed)
 * @count: how many records @filter selects
 * @fetch: one page of them, as #BansoRecordRow; @total is the count when known
 *
 * Where a paged list (#BansoRecordList) takes its rows from. @count and
 * @fetch run in worker threads on a reader connection, inside one read
 * transaction, and must not touch anything but @db and their arguments.
 */
struct _BansoRecordSourceInterface
{
  GTypeInterface parent_iface;

  const char *(*get_changed_type) (BansoRecordSource        *self);
  gboolean    (*count)            (BansoRecordSource        *self,
                                   sqlite3                  *db,
                                   const BansoRecordFilter  *filter,
                                   guint                    *n_rows,
                                   GError                  **error);
  GPtrArray  *(*fetch)            (BansoRecordSource        *self,
                                   sqlite3                  *db,
                                   const BansoRecordFilter  *filter,
                                   guint                     offset,
                                   guint                     limit,
                                   guint                     total,
                                   GError                  **error);
};

const char *banso_record_source_get_changed_type (BansoRecordSource        *self);
gboolean    banso_record_source_count            (BansoRecordSource        *self,
                                                  sqlite3                  *db,
                                                  const BansoRecordFilter  *filter,
                                                  guint                    *n_rows,
                                                  GError                  **error);
GPtrArray  *banso_record_source_fetch            (BansoRecordSource        *self,
                                                  sqlite3                  *db,
                                                  const BansoRecordFilter  *filter,
                                                  guint                     offset,
                                                  guint                     limit,
                                                  guint                     total,
                                                  GError                  **error);

G_END_DECLS
