/* banso-sync-sections.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include "banso-sync-page.h"
#include "banso-sync-sections.h"

void
banso_sync_sections_register (void)
{
  /* Sync comes last: it serves the sections above it. */
  banso_section_register ("sync", 90, BANSO_TYPE_SYNC_PAGE, NULL);
}
