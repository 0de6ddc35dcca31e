/* banso-record-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BANSO_RECORD_ROW_MAX_VALUES 8

#define BANSO_TYPE_RECORD_ROW (banso_record_row_get_type ())

G_DECLARE_FINAL_TYPE (BansoRecordRow, banso_record_row, BANSO, RECORD_ROW, GObject)

BansoRecordRow *banso_record_row_new        (void);
gboolean        banso_record_row_get_loaded (BansoRecordRow     *self);
const char     *banso_record_row_get_id     (BansoRecordRow     *self);
const char     *banso_record_row_get_value  (BansoRecordRow     *self,
                                             guint               column);
void            banso_record_row_set        (BansoRecordRow     *self,
                                             const char         *id,
                                             const char * const *values,
                                             guint               n_values);
void            banso_record_row_fill_from  (BansoRecordRow     *self,
                                             BansoRecordRow     *other);

G_END_DECLS
