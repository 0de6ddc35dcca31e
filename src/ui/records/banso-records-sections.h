/* banso-records-sections.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The Households and Prestigious Persons sections. */
void banso_records_sections_register (void);

G_END_DECLS
