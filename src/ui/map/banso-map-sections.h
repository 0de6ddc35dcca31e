/* banso-map-sections.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-section.h"

G_BEGIN_DECLS

void banso_map_sections_register (void);

G_END_DECLS
