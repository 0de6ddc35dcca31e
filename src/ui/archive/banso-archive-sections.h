/* banso-archive-sections.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The Archive section. */
void banso_archive_sections_register (void);

G_END_DECLS
