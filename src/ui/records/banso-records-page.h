/* banso-records-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "banso-context.h"
#include "banso-section.h"

G_BEGIN_DECLS

#define BANSO_TYPE_RECORDS_PAGE (banso_records_page_get_type ())

G_DECLARE_FINAL_TYPE (BansoRecordsPage, banso_records_page, BANSO, RECORDS_PAGE, GtkWidget)

void        banso_records_page_set_context     (BansoRecordsPage *self,
                                                BansoContext     *context);
const char *banso_records_page_get_title       (BansoRecordsPage *self);
const char *banso_records_page_get_summary     (BansoRecordsPage *self);
gboolean    banso_records_page_get_search_mode (BansoRecordsPage *self);
void        banso_records_page_set_search_mode (BansoRecordsPage *self,
                                                gboolean          search_mode);
GListModel *banso_records_page_get_model       (BansoRecordsPage *self);
void        banso_records_page_set_commune_filter (BansoRecordsPage *self,
                                                  const char       *code);

G_END_DECLS
