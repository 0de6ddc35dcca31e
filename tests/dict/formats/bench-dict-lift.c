/* bench-dict-lift.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "banso-dict-format.h"

/*
 * The LIFT reader's speed and memory:
 * - entries per second on lotud (5,400 entries, 4.5 MB) and on lotud made
 *   ten times longer by repeating its entries, side by side with
 *   `xmllint --stream --noout` on the same files in the same run;
 * - peak resident memory (getrusage's ru_maxrss) of a process that reads a
 *   generated LIFT file of 100 MB, against the same process before reading.
 */

static gboolean
count_entry (JsonObject  *entry,
             gpointer     user_data,
             GError     **error)
{
  (*(guint *)user_data)++;
  return TRUE;
}

static double
read_seconds (const char *path,
              guint      *n)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  *n = 0;
  if (!banso_dict_read (path, BANSO_DICT_FORMAT_LIFT, NULL, count_entry, NULL, n, NULL, &error))
    g_error ("%s", error->message);
  return (g_get_monotonic_time () - start) / 1e6;
}

static double
xmllint_seconds (const char *xmllint,
                 const char *path)
{
  const char *argv[] = { xmllint, "--stream", "--noout", path, NULL };
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                     &status, &error) || !g_spawn_check_wait_status (status, &error))
    g_error ("xmllint: %s", error->message);
  return (g_get_monotonic_time () - start) / 1e6;
}

/* Lotud's header, then its entries @times over, then </lift>. */
static guint64
make_repeated (const char *lotud,
               const char *out,
               guint       times)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *first;
  const char *end;
  FILE *fp;
  guint i;
  guint64 size;

  if (!g_file_get_contents (lotud, &contents, &len, &error))
    g_error ("%s", error->message);
  first = strstr (contents, "<entry ");
  end = g_strrstr (contents, "</lift>");
  g_assert (first != NULL && end != NULL);
  fp = fopen (out, "wb");
  g_assert (fp != NULL);
  fwrite (contents, 1, first - contents, fp);
  for (i = 0; i < times; i++)
    fwrite (first, 1, end - first, fp);
  fputs ("</lift>\n", fp);
  size = ftell (fp);
  fclose (fp);
  return size;
}

static void
compare (const char *label,
         const char *path,
         const char *xmllint)
{
  double best_read = G_MAXDOUBLE;
  double best_lint = G_MAXDOUBLE;
  guint n = 0;
  guint run;

  /* Best of three of each, alternating, so both see the same page cache. */
  for (run = 0; run < 3; run++)
    {
      best_read = MIN (best_read, read_seconds (path, &n));
      if (xmllint != NULL)
        best_lint = MIN (best_lint, xmllint_seconds (xmllint, path));
    }
  g_print ("%s: %u entries, Banso %.3f s = %.0f entries/s", label, n, best_read, n / best_read);
  if (xmllint != NULL)
    g_print ("; xmllint --stream --noout %.3f s; Banso / xmllint = %.2f×", best_lint,
             best_read / best_lint);
  g_print ("\n");
}

/* The peak resident memory of this process image in KiB: ru_maxrss keeps
 * the parent's peak across exec on Linux, VmHWM starts again. */
static long
peak_kib (void)
{
  g_autofree char *status = NULL;
  const char *hwm;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (hwm = strstr (status, "VmHWM:")) == NULL)
    {
      struct rusage usage;

      getrusage (RUSAGE_SELF, &usage);
      return usage.ru_maxrss;
    }
  return strtol (hwm + 6, NULL, 10);
}

static int
measure_memory (const char *path)
{
  struct rusage usage;
  long before;
  long after;
  guint n = 0;
  double seconds;

  before = peak_kib ();
  seconds = read_seconds (path, &n);
  after = peak_kib ();
  getrusage (RUSAGE_SELF, &usage);
  g_print ("100 MB LIFT: %u entries in %.2f s (%.0f entries/s); peak resident memory %.1f MB "
           "(VmHWM; %.1f MB before reading; getrusage ru_maxrss %.1f MB, which on Linux "
           "includes the parent's peak before exec)\n",
           n, seconds, n / seconds, after / 1024.0, before / 1024.0, usage.ru_maxrss / 1024.0);
  return after <= 100 * 1024 ? 0 : 1;
}

int
main (int   argc,
      char *argv[])
{
  const char *data_dir = g_getenv ("BANSO_DICT_DATA_DIR");
  g_autofree char *lotud = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *big = NULL;
  g_autofree char *huge = NULL;
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  guint64 size;
  int status;

  setlocale (LC_ALL, "");
  if (argc == 3 && strcmp (argv[1], "--memory") == 0)
    return measure_memory (argv[2]);

  g_assert (data_dir != NULL);
  lotud = g_build_filename (data_dir, "lotud", "Lotud.lift", NULL);
  dir = g_dir_make_tmp ("banso-bench-lift-XXXXXX", NULL);
  big = g_build_filename (dir, "lotud-x10.lift", NULL);
  huge = g_build_filename (dir, "lotud-100mb.lift", NULL);

  compare ("lotud (4.5 MB)", lotud, xmllint);
  size = make_repeated (lotud, big, 10);
  compare ("lotud ×10 (45 MB)", big, xmllint);
  g_unlink (big);

  size = make_repeated (lotud, huge, 23);
  g_print ("generated %s: %.1f MB\n", huge, size / 1e6);
  {
    const char *child[] = { argv[0], "--memory", huge, NULL };
    g_autoptr(GError) error = NULL;

    if (!g_spawn_sync (NULL, (char **)child, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL, NULL,
                       NULL, &status, &error))
      g_error ("%s", error->message);
  }
  g_unlink (huge);
  g_rmdir (dir);
  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}
