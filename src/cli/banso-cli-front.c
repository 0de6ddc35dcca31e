/* banso-cli-front.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The front of banso-cli. A dictionary lookup is often one process per
 * word (a script, a shell loop, another program asking), so its cost is
 * mostly the start of the process: loading the libraries that sync, import
 * and export need takes several times longer than the lookup itself. The
 * front links GLib and SQLite only, statically, answers `dict search`
 * itself, and hands every other command to the whole tool (banso-cli-tool),
 * with the same arguments, environment and standard streams.
 */

#define G_LOG_DOMAIN "banso-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>

#include "banso-cli-lookup.h"
#include "banso-paths.h"
#include "banso-store.h"

/* banso_sql_error()'s domain, which the store defines in the whole tool. */
G_DEFINE_QUARK (banso-store-error-quark, banso_store_error)

static char *
find_tool (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  /* An uninstalled build runs the tool beside it. */
  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      g_autofree char *near = g_build_filename (dir, "banso-cli-tool", NULL);

      if (g_file_test (near, G_FILE_TEST_IS_EXECUTABLE) && !g_str_has_prefix (self, BINDIR "/"))
        return g_steal_pointer (&near);
    }
  return g_strdup (BANSO_CLI_TOOL);
}

int
main (int    argc,
      char **argv)
{
  const char *data_dir = NULL;
  g_autofree char *tool = NULL;
  int i = 1;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("BANSO_LOCALEDIR") ? g_getenv ("BANSO_LOCALEDIR")
                                                                : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The global options, as the tool reads them (strict POSIX: they come
   * before the command). */
  while (i < argc && argv[i][0] == '-')
    {
      if ((g_str_equal (argv[i], "--data-dir") || g_str_equal (argv[i], "-d")) && i + 1 < argc)
        {
          data_dir = argv[i + 1];
          i += 2;
        }
      else if (g_str_has_prefix (argv[i], "--data-dir="))
        data_dir = argv[i++] + strlen ("--data-dir=");
      else if ((g_str_equal (argv[i], "--user") || g_str_equal (argv[i], "-u")) && i + 1 < argc)
        i += 2;
      else if (g_str_has_prefix (argv[i], "--user="))
        i++;
      else
        break;
    }

  if (i + 1 < argc && g_str_equal (argv[i], "dict") && g_str_equal (argv[i + 1], "search"))
    {
      g_autofree char *dir = data_dir ? g_strdup (data_dir) : banso_default_data_dir ();
      g_autofree char *path = banso_database_path (dir);

      return banso_cli_dict_search (path, argc - i - 1, argv + i + 1);
    }

  tool = find_tool ();
  execv (tool, argv);
  g_printerr ("banso-cli: %s: %s\n", tool, g_strerror (errno));
  return 1;
}
