/* banso-session.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "banso-context.h"
#include "banso-window.h"

G_BEGIN_DECLS

#define BANSO_TYPE_SESSION (banso_session_get_type ())

G_DECLARE_FINAL_TYPE (BansoSession, banso_session, BANSO, SESSION, GObject)

BansoSession *banso_session_new        (BansoWindow  *window,
                                        BansoContext *context,
                                        gboolean      first_admin);
void          banso_session_lock       (BansoSession *self);
void          banso_session_log_out    (BansoSession *self);
gboolean      banso_session_get_locked (BansoSession *self);

G_END_DECLS
