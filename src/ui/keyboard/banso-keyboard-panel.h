/* banso-keyboard-panel.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BANSO_TYPE_KEYBOARD_PANEL (banso_keyboard_panel_get_type ())

G_DECLARE_FINAL_TYPE (BansoKeyboardPanel, banso_keyboard_panel, BANSO, KEYBOARD_PANEL, GtkWidget)

GtkWidget  *banso_keyboard_panel_new          (void);
const char *banso_keyboard_panel_get_layout   (BansoKeyboardPanel *self);
void        banso_keyboard_panel_set_layout   (BansoKeyboardPanel *self,
                                               const char         *code);
void        banso_keyboard_panel_next_layout  (BansoKeyboardPanel *self);
gboolean    banso_keyboard_panel_type         (BansoKeyboardPanel *self,
                                               const char         *text);

G_END_DECLS
