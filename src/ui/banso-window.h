/* banso-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "banso-context.h"
#include "banso-section.h"

G_BEGIN_DECLS

#define BANSO_TYPE_WINDOW (banso_window_get_type ())

G_DECLARE_FINAL_TYPE (BansoWindow, banso_window, BANSO, WINDOW, AdwApplicationWindow)

BansoWindow *banso_window_new           (GtkApplication *application,
                                         GSettings      *settings);
void         banso_window_set_context   (BansoWindow    *self,
                                         BansoContext   *context);
void         banso_window_show_error    (BansoWindow    *self,
                                         const char     *message);
void         banso_window_set_progress  (BansoWindow    *self,
                                         const char     *title,
                                         double          fraction);
void         banso_window_show_section  (BansoWindow    *self,
                                         const char     *id);
BansoSection *banso_window_get_section  (BansoWindow    *self,
                                         const char     *id);

void          banso_window_set_locked    (BansoWindow    *self,
                                          GtkWidget      *page);

G_END_DECLS
