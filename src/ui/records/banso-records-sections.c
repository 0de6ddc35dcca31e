/* banso-records-sections.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include "banso-household-form.h"
#include "banso-prestige-form.h"
#include "banso-records-page.h"
#include "banso-records-sections.h"

void
banso_records_sections_register (void)
{
  banso_section_register ("households", 10, BANSO_TYPE_RECORDS_PAGE, "kind", "household", NULL);
  banso_section_register ("prestige", 20, BANSO_TYPE_RECORDS_PAGE, "kind", "prestige", NULL);
  banso_section_register_draft ("household", banso_household_form_new_from_draft);
  banso_section_register_draft ("prestige", banso_prestige_form_new_from_draft);
}
