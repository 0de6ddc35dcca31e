/* banso-record-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "banso-record-row.h"
#include "banso-record-source.h"
#include "banso-store.h"

G_BEGIN_DECLS

#define BANSO_TYPE_RECORD_LIST (banso_record_list_get_type ())

G_DECLARE_FINAL_TYPE (BansoRecordList, banso_record_list, BANSO, RECORD_LIST, GObject)

BansoRecordList         *banso_record_list_new         (BansoStore              *store,
                                                        BansoRecordSource       *source);
const BansoRecordFilter *banso_record_list_get_filter  (BansoRecordList         *self);
void                     banso_record_list_set_filter  (BansoRecordList         *self,
                                                        const BansoRecordFilter *filter);
void                     banso_record_list_reload      (BansoRecordList         *self);
guint                    banso_record_list_get_count   (BansoRecordList         *self);
gboolean                 banso_record_list_get_loading (BansoRecordList         *self);
const GError            *banso_record_list_get_error   (BansoRecordList         *self);

G_END_DECLS
