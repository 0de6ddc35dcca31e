/* banso-dictionary-sections.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include "banso-dict-entry-form.h"
#include "banso-dictionary-page.h"
#include "banso-dictionary-sections.h"

void
banso_dictionary_sections_register (void)
{
  banso_section_register ("dictionary", 40, BANSO_TYPE_DICTIONARY_PAGE, NULL);
  banso_section_register_draft ("dict-entry", banso_dict_entry_form_new_from_draft);
}
