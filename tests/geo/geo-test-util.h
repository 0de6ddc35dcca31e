/* geo-test-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>

/* A file of the shared reference data (BANSO_SHARED_DATA). */
static inline char *
geo_test_shared (const char *relative)
{
  const char *root = g_getenv ("BANSO_SHARED_DATA");

  return g_build_filename (root ? root : "/work/shared/data", relative, NULL);
}

/* A file of the project's data/ folder. */
static inline char *
geo_test_data (const char *relative)
{
  return g_build_filename (SOURCE_DATADIR, relative, NULL);
}
