/* banso-record-source.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-core"

#include "config.h"

#include "banso-record-source.h"

G_DEFINE_INTERFACE (BansoRecordSource, banso_record_source, G_TYPE_OBJECT)

static void
banso_record_source_default_init (BansoRecordSourceInterface *iface)
{
}

const char *
banso_record_source_get_changed_type (BansoRecordSource *self)
{
  g_return_val_if_fail (BANSO_IS_RECORD_SOURCE (self), NULL);

  return BANSO_RECORD_SOURCE_GET_IFACE (self)->get_changed_type (self);
}

gboolean
banso_record_source_count (BansoRecordSource        *self,
                           sqlite3                  *db,
                           const BansoRecordFilter  *filter,
                           guint                    *n_rows,
                           GError                  **error)
{
  g_return_val_if_fail (BANSO_IS_RECORD_SOURCE (self), FALSE);

  return BANSO_RECORD_SOURCE_GET_IFACE (self)->count (self, db, filter, n_rows, error);
}

GPtrArray *
banso_record_source_fetch (BansoRecordSource        *self,
                           sqlite3                  *db,
                           const BansoRecordFilter  *filter,
                           guint                     offset,
                           guint                     limit,
                           guint                     total,
                           GError                  **error)
{
  g_return_val_if_fail (BANSO_IS_RECORD_SOURCE (self), NULL);

  return BANSO_RECORD_SOURCE_GET_IFACE (self)->fetch (self, db, filter, offset, limit, total, error);
}
