/* banso-map-sections.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include "banso-map-page.h"
#include "banso-map-sections.h"

void
banso_map_sections_register (void)
{
  /* After the records it draws its figures from. */
  banso_section_register ("map", 30, BANSO_TYPE_MAP_PAGE, NULL);
}
