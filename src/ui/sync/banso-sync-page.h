/* banso-sync-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "banso-context.h"
#include "banso-section.h"

G_BEGIN_DECLS

#define BANSO_TYPE_SYNC_PAGE (banso_sync_page_get_type ())

G_DECLARE_FINAL_TYPE (BansoSyncPage, banso_sync_page, BANSO, SYNC_PAGE, GtkWidget)

void        banso_sync_page_set_context (BansoSyncPage *self,
                                         BansoContext  *context);
const char *banso_sync_page_get_title   (BansoSyncPage *self);

G_END_DECLS
