/* banso-users-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "banso-context.h"

G_BEGIN_DECLS

#define BANSO_TYPE_USERS_PAGE (banso_users_page_get_type ())

G_DECLARE_FINAL_TYPE (BansoUsersPage, banso_users_page, BANSO, USERS_PAGE, AdwPreferencesPage)

GtkWidget *banso_users_page_new (BansoContext *context);

G_END_DECLS
