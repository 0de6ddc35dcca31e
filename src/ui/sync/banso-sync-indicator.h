/* banso-sync-indicator.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "banso-sync-manager.h"

G_BEGIN_DECLS

#define BANSO_TYPE_SYNC_INDICATOR (banso_sync_indicator_get_type ())

G_DECLARE_FINAL_TYPE (BansoSyncIndicator, banso_sync_indicator, BANSO, SYNC_INDICATOR, GtkWidget)

void        banso_sync_indicator_set_manager (BansoSyncIndicator *self,
                                              BansoSyncManager   *manager);
void        banso_sync_indicator_set_compact (BansoSyncIndicator *self,
                                              gboolean            compact);
const char *banso_sync_state_icon_name       (BansoSyncManager   *manager);

G_END_DECLS
