/* banso-login-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "banso-store.h"

G_BEGIN_DECLS

#define BANSO_TYPE_LOGIN_PAGE (banso_login_page_get_type ())

G_DECLARE_FINAL_TYPE (BansoLoginPage, banso_login_page, BANSO, LOGIN_PAGE, AdwBin)

GtkWidget *banso_login_page_new        (BansoStore     *store,
                                        gboolean        first_admin,
                                        gboolean        demo);
void       banso_login_page_reset      (BansoLoginPage *self,
                                        const char     *login,
                                        gboolean        locked);
gboolean   banso_login_page_get_first_admin (BansoLoginPage *self);

G_END_DECLS
