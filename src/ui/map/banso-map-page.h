/* banso-map-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "banso-context.h"
#include "banso-section.h"

G_BEGIN_DECLS

#define BANSO_TYPE_MAP_PAGE (banso_map_page_get_type ())

G_DECLARE_FINAL_TYPE (BansoMapPage, banso_map_page, BANSO, MAP_PAGE, GtkWidget)

void banso_map_page_set_context (BansoMapPage *self,
                                 BansoContext *context);

G_END_DECLS
