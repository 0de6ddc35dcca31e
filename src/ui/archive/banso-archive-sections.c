/* banso-archive-sections.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include "banso-archive-page.h"
#include "banso-archive-sections.h"

void
banso_archive_sections_register (void)
{
  /* After the records, before sync. */
  banso_section_register ("archive", 50, BANSO_TYPE_ARCHIVE_PAGE, NULL);
}
