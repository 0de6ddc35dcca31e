/* banso-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "banso-context.h"

G_BEGIN_DECLS

#define BANSO_TYPE_PREFERENCES_WINDOW (banso_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (BansoPreferencesWindow, banso_preferences_window, BANSO, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWindow *banso_preferences_window_new (BansoContext *context);

G_END_DECLS
