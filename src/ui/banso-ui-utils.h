/* banso-ui-utils.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void        banso_dropdown_set_items     (GtkDropDown *dropdown,
                                          GPtrArray   *items,
                                          const char  *first_label);
void        banso_dropdown_set_pairs     (GtkDropDown        *dropdown,
                                          const char * const *codes,
                                          const char * const *labels);
void        banso_dropdown_set_no_match  (GtkDropDown *dropdown,
                                          const char  *format);
const char *banso_dropdown_get_code      (GtkDropDown *dropdown);
gboolean    banso_dropdown_select_code   (GtkDropDown *dropdown,
                                          const char  *code);
void        banso_field_set_error        (GtkWidget   *field,
                                          GtkLabel    *label,
                                          const GError *error);
void        banso_widget_show_toast      (GtkWidget   *widget,
                                          AdwToast    *toast);
void        banso_widget_add_toast       (GtkWidget   *widget,
                                          const char  *title);
char       *banso_format_count           (guint64      count);

G_END_DECLS
