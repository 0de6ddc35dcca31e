/* banso-records-init.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void banso_records_init (void);

G_END_DECLS
