/* banso-dictionary-sections.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void banso_dictionary_sections_register (void);

G_END_DECLS
