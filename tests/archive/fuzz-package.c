/* fuzz-package.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An archive package from another office on any bytes: as the manifest.json of a package
 * folder (with one small file beside it) and as a .zip. The import refuses it with a message
 * or imports it whole; it never crashes, never logs a critical and never writes outside the
 * folder it unpacks into. */

#define G_LOG_DOMAIN "banso-fuzz"

#include "config.h"

#include <glib/gstdio.h>

#include "banso-archive.h"
#include "banso-archive-package.h"
#include "banso-test-util.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);
int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);

static BansoStore *store;
static BansoUser *admin;
static char *store_dir;
static char *work_dir;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  store = banso_test_open_tmp_store (&store_dir, &admin);
  work_dir = banso_test_make_tmpdir ();
  return 0;
}

static void
import_once (const char *path)
{
  g_autoptr(GError) error = NULL;
  BansoPackageStats stats = { 0 };

  if (!banso_archive_import (store, admin, path, &stats, NULL, &error))
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
  else
    g_assert_no_error (error);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *folder = g_build_filename (work_dir, "package", NULL);
  g_autofree char *manifest = g_build_filename (folder, "manifest.json", NULL);
  g_autofree char *media_dir = g_build_filename (folder, "media", NULL);
  g_autofree char *media = g_build_filename (media_dir, "a.ogg", NULL);
  g_autofree char *zip = g_build_filename (work_dir, "package.zip", NULL);
  g_autofree char *outside = g_build_filename (work_dir, "outside", NULL);

  /* As a folder: the bytes are the manifest; a file "media/a.ogg" ("hello\n", whose
   * SHA-256 the seed manifests give) lies beside it. */
  banso_test_rm_rf (folder);
  g_assert_cmpint (g_mkdir_with_parents (media_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (manifest, (const char *) data, size, NULL));
  g_assert_true (g_file_set_contents (media, "hello\n", -1, NULL));
  import_once (folder);

  /* As a .zip. */
  g_assert_true (g_file_set_contents (zip, (const char *) data, size, NULL));
  import_once (zip);

  /* Nothing escaped the folder it was unpacked in. */
  g_assert_false (g_file_test (outside, G_FILE_TEST_EXISTS));
  return 0;
}
