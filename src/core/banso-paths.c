/* banso-paths.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-core"

#include "config.h"

#include "banso-paths.h"

char *
banso_default_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "banso", NULL);
}

/* The demo district lives apart from the office's own data, so trying the demo
 * can never mix invented records into real ones. */
char *
banso_demo_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "banso", "demo", NULL);
}

char *
banso_database_path (const char *data_dir)
{
  return g_build_filename (data_dir, "banso.db", NULL);
}
