/* banso-presentation.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "banso-context.h"

G_BEGIN_DECLS

#define BANSO_TYPE_PRESENTATION (banso_presentation_get_type ())

G_DECLARE_FINAL_TYPE (BansoPresentation, banso_presentation, BANSO, PRESENTATION, GtkWindow)

GtkWindow *banso_presentation_new  (BansoContext       *context,
                                    const char * const *item_ids);
void       banso_presentation_next (BansoPresentation  *self);
void       banso_presentation_previous (BansoPresentation *self);

G_END_DECLS
