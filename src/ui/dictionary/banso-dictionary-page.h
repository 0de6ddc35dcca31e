/* banso-dictionary-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-section.h"

G_BEGIN_DECLS

#define BANSO_TYPE_DICTIONARY_PAGE (banso_dictionary_page_get_type ())

G_DECLARE_FINAL_TYPE (BansoDictionaryPage, banso_dictionary_page, BANSO, DICTIONARY_PAGE, GtkWidget)

G_END_DECLS
