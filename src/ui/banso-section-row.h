/* banso-section-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "banso-section.h"

G_BEGIN_DECLS

#define BANSO_TYPE_SECTION_ROW (banso_section_row_get_type ())

G_DECLARE_FINAL_TYPE (BansoSectionRow, banso_section_row, BANSO, SECTION_ROW, GtkListBoxRow)

GtkWidget    *banso_section_row_new         (const char      *id,
                                             BansoSection    *section);
const char   *banso_section_row_get_id      (BansoSectionRow *self);
BansoSection *banso_section_row_get_section (BansoSectionRow *self);

G_END_DECLS
