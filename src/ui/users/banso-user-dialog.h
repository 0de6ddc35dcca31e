/* banso-user-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "banso-context.h"

G_BEGIN_DECLS

#define BANSO_TYPE_USER_DIALOG (banso_user_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BansoUserDialog, banso_user_dialog, BANSO, USER_DIALOG, AdwWindow)

GtkWindow *banso_user_dialog_new (BansoContext *context,
                                  BansoUser    *user,
                                  GPtrArray    *communes);

G_END_DECLS
