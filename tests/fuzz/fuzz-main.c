/* fuzz-main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Runs a libFuzzer target over the files and directories named on the command line, so that
 * the corpus can run as an ordinary test (under ASan/UBSan) without clang's -fsanitize=fuzzer.
 * Link it with any file that defines LLVMFuzzerTestOneInput(). */

#define G_LOG_DOMAIN "banso-fuzz"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);
int LLVMFuzzerInitialize (int    *argc,
                          char ***argv) __attribute__ ((weak));

static guint n_inputs;

static gboolean
run_file (const char  *path,
          GError     **error)
{
  g_autofree char *contents = NULL;
  guint8 *copy;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, error))
    return FALSE;

  /* An exactly-sized copy, so that the sanitizers catch reads one byte too far (the
   * g_file_get_contents() buffer has a trailing NUL). */
  copy = malloc (MAX (len, 1));
  g_assert_nonnull (copy);
  memcpy (copy, contents, len);

  g_print ("%s\n", path);
  LLVMFuzzerTestOneInput (copy, len);
  free (copy);
  n_inputs++;

  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static gboolean
run_path (const char  *path,
          GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;
  guint i;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return run_file (path, error);

  dir = g_dir_open (path, 0, error);
  if (dir == NULL)
    return FALSE;

  /* Sorted, so that a failure reproduces in the same order. */
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (name[0] != '.')
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);

  for (i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (path, g_ptr_array_index (names, i), NULL);

      if (!run_path (child, error))
        return FALSE;
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  int i;

  if (argc < 2)
    {
      g_printerr ("Usage: %s FILE-OR-DIRECTORY...\n", argv[0]);
      return 2;
    }

  if (LLVMFuzzerInitialize != NULL)
    LLVMFuzzerInitialize (&argc, &argv);

  for (i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!run_path (argv[i], &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  g_print ("Ran %u inputs\n", n_inputs);

  return 0;
}
