/* banso-paths.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *banso_default_data_dir (void);
char *banso_demo_data_dir    (void);
char *banso_database_path    (const char *data_dir);

G_END_DECLS
