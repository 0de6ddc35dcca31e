/* banso-sync-sections.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The Sync section. */
void banso_sync_sections_register (void);

G_END_DECLS
