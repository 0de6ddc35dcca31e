/* banso-cli-lookup.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int banso_cli_dict_search (const char  *database,
                           int          argc,
                           char       **argv);

G_END_DECLS
