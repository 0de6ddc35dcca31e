/* banso-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-cli"

#include "config.h"

#include <gio/gio.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>
#include <unistd.h>

#include "banso-check.h"
#include "banso-cli.h"
#include "banso-demo.h"
#include "banso-archive-demo.h"
#include "banso-household-csv.h"
#include "banso-household-export.h"
#include "banso-paths.h"
#include "banso-store.h"
#include "banso-user-store.h"



static char *data_dir;
static char *user_id;

int
usage (const char *message)
{
  if (message != NULL)
    g_printerr ("banso-cli: %s\n", message);
  /* One message per group of commands, so that each capability adds its own. */
  g_printerr (_("Usage: banso-cli [--data-dir DIR] [--user LOGIN] COMMAND\n"
                "\n"
                "Commands:\n"
                "  demo [--households N] [--seed S]   fill an empty database with the demo district\n"
                "  import households FILE.csv         import households and members, all or nothing\n"
                "  export households [--commune CODE] write households as CSV to standard output\n"
                "  check                              check the database and its audit log\n"
                "  sync --server URL [--database NAME] [--once]\n"
                "                                     send and receive changes with the data center\n"
                "  user add LOGIN --name NAME --role ROLE [--commune CODE…]\n"
                "                                     add a user (password from BANSO_PASSWORD or asked)\n"
                "  user list                          list the users\n"
                "  user set LOGIN [--name NAME] [--role ROLE] [--commune CODE…] [--password]\n"
                "                                     change a user\n"
                "  user disable|enable LOGIN          stop a user from logging in, or let them again\n"
                "  user log [LOGIN]                   logins, failed logins and changes of users\n"));

  g_printerr (_("  dict import [--lang CODE] [--keep-missing-media] FILE\n"
                "                                     import a dictionary (LIFT, StarDict .ifo, dictd .index, CSV)\n"
                "  dict search [--lang CODE] QUERY    look a word up, best first: headword, tab, glosses\n"
                "  dict export [--lang CODE] FILE     write entries as LIFT (.lift), StarDict (.ifo) or CSV\n"
                "  dict list                          list the dictionaries\n"));
  g_printerr (_("  map info FILE.mbtiles              metadata, zooms, tile count and format of a base map\n"
                "  map render-demo OUT.mbtiles        render the demo base map\n"
                "  warning import FILE [--title T] [--level N] [--csv]\n"
                "                                     save a warning area (GeoJSON, KML), list what it affects\n"
                "  warning list                       the warnings saved\n"));
  g_printerr ("%s", _("  archive add FILE… [--title T] [--ethnic CODE] [--commune CODE] [--subtitles F.vtt]\n"
                      "  archive list | show ID [--json] | export DIR|FILE.zip | import PACKAGE\n"
                      "                                     the culture archive\n"));
  g_printerr (_("\n"
                "Without --user, changes are recorded under the system account “admin”. With\n"
                "--user LOGIN, that user's password is checked (BANSO_USER_PASSWORD or asked).\n"));
  return EXIT_USAGE;
}

int
fail (GError *error)
{
  g_printerr ("banso-cli: %s\n", error->message);
  g_error_free (error);
  return EXIT_FAILURE;
}

char *
database_path (void)
{
  g_autofree char *dir = data_dir ? g_strdup (data_dir) : banso_default_data_dir ();

  return banso_database_path (dir);
}

BansoStore *
open_store (GError **error)
{
  g_autofree char *path = database_path ();
  BansoStore *store = banso_store_open (path, error);
  GPtrArray *repairs = store ? banso_store_get_repairs (store) : NULL;

  for (guint i = 0; repairs != NULL && i < repairs->len; i++)
    g_printerr ("%s\n", (char *)g_ptr_array_index (repairs, i));
  return store;
}

/* Who the command acts as. Without --user: the system account, since whoever
 * runs banso-cli on the office computer holds the database file anyway; the
 * audit log says so. With --user: that user, once their password is checked
 * (and the check is in the log of accounts, as a login in the window is). */
BansoUser *
acting_user (BansoStore  *store,
             GError     **error)
{
  g_autofree char *prompt = NULL;
  g_autofree char *password = NULL;

  if (user_id == NULL || g_str_equal (user_id, BANSO_SYSTEM_USER))
    return banso_store_dup_admin (store, error);

  prompt = g_strdup_printf (_("Password of %s: "), user_id);
  if (!(password = read_secret (prompt, "BANSO_USER_PASSWORD", error)))
    return NULL;
  return banso_store_log_in (store, user_id, password, error);
}

gboolean
parse_command_options (int          *argc,
                       char       ***argv,
                       GOptionEntry *entries,
                       const char   *name,
                       GError      **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (name);

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  return g_option_context_parse (context, argc, argv, error);
}

static void
demo_progress (guint    done,
               guint    total,
               gpointer user_data)
{
  g_printerr ("\r%u / %u", done, total);
  if (done == total)
    g_printerr ("\n");
}

static int
cmd_demo (int    argc,
          char **argv)
{
  g_autoptr(BansoStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int households = BANSO_DEMO_DEFAULT_HOUSEHOLDS;
  int seed = BANSO_DEMO_DEFAULT_SEED;
  GOptionEntry entries[] = {
    { "households", 0, 0, G_OPTION_ARG_INT, &households, NULL, "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, NULL, "S" },
    { NULL }
  };
  gboolean has_records;

  if (!parse_command_options (&argc, &argv, entries, "demo", &error) || argc != 1 ||
      households < 0)
    return usage (error ? error->message : _("demo takes only --households and --seed"));

  if (!(store = open_store (&error)))
    return fail (g_steal_pointer (&error));

  has_records = banso_store_has_documents (store, &error);
  if (error != NULL)
    return fail (g_steal_pointer (&error));

  if (has_records)
    {
      g_printerr (_("banso-cli: this database already holds records; the demo goes into an empty data directory (use --data-dir).\n"));
      return EXIT_FAILURE;
    }

  if (!banso_demo_generate (store, households, (guint32)seed,
                            isatty (STDERR_FILENO) ? demo_progress : NULL, NULL, &error))
    return fail (g_steal_pointer (&error));
  if (!banso_archive_demo_generate (store, BANSO_DEMO_PROVINCE, NULL, &error))
    return fail (g_steal_pointer (&error));

  if (!banso_store_checkpoint (store, &error))
    return fail (g_steal_pointer (&error));
  g_printerr (_("Created the demo district with %d households in %s\n"), households,
              banso_store_get_path (store));
  return EXIT_SUCCESS;
}

static void
import_progress (BansoImportStage  stage,
                 guint             lines,
                 gpointer          user_data)
{
  if (stage == BANSO_IMPORT_STAGE_INDEXING)
    g_printerr ("\r%s", _("Building the indexes…"));
  else
    g_printerr ("\r%u", lines);
}

static int
cmd_import (int    argc,
            char **argv)
{
  g_autoptr(BansoStore) store = NULL;
  g_autoptr(BansoUser) user = NULL;
  g_autoptr(BansoImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 3 || g_strcmp0 (argv[1], "households") != 0)
    return usage (_("import takes: households FILE.csv"));

  if (!(store = open_store (&error)) || !(user = acting_user (store, &error)))
    return fail (g_steal_pointer (&error));

  result = banso_household_import_csv (store, user, argv[2],
                                       isatty (STDERR_FILENO) ? import_progress : NULL, NULL,
                                       NULL, &error);
  if (isatty (STDERR_FILENO))
    g_printerr ("\r");
  if (result == NULL)
    {
      g_prefix_error (&error, "%s: ", argv[2]);
      return fail (g_steal_pointer (&error));
    }

  if (result->problems->len > 0)
    {
      g_printerr (_("%s: nothing was imported; correct these problems and import again:\n"),
                  argv[2]);
      for (guint i = 0; i < result->problems->len; i++)
        {
          g_autofree char *text = banso_import_problem_to_string (g_ptr_array_index (result->problems, i));
          g_printerr ("  %s\n", text);
        }
      return EXIT_FAILURE;
    }

  if (!banso_store_checkpoint (store, &error))
    return fail (g_steal_pointer (&error));
  if (result->converted_from != NULL)
    g_printerr (_("The file was converted from %s.\n"), result->converted_from);
  g_printerr (_("Imported %u households with %u members (%u new villages).\n"),
              result->households, result->members, result->villages);
  return EXIT_SUCCESS;
}

static int
cmd_export (int    argc,
            char **argv)
{
  g_autoptr(BansoStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(BansoRecordFilter) filter = banso_record_filter_new ();
  g_autofree char *commune = NULL;
  GOptionEntry entries[] = {
    { "commune", 0, 0, G_OPTION_ARG_STRING, &commune, NULL, "CODE" },
    { NULL }
  };
  g_autoptr(BansoUser) user = NULL;
  guint n = 0;

  if (!parse_command_options (&argc, &argv, entries, "export", &error) || argc != 2 ||
      g_strcmp0 (argv[1], "households") != 0)
    return usage (error ? error->message : _("export takes: households [--commune CODE]"));

  if (!(store = open_store (&error)))
    return fail (g_steal_pointer (&error));

  /* Reads are scoped like writes: --user is who reads. */
  if (!(user = acting_user (store, &error)))
    return fail (g_steal_pointer (&error));

  filter->commune = g_strdup (commune);
  out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  if (!banso_household_export_csv (store, user, filter, out, &n, NULL, &error))
    return fail (g_steal_pointer (&error));

  g_printerr (_("Exported %u households.\n"), n);
  return EXIT_SUCCESS;
}

static int
cmd_check (int    argc,
           char **argv)
{
  g_autoptr(BansoStore) store = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  if (argc != 1)
    return usage (_("check takes no arguments"));

  if (!(store = open_store (&error)))
    return fail (g_steal_pointer (&error));

  if (!banso_store_check (store, problems, &error))
    return fail (g_steal_pointer (&error));

  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s\n", (char *)g_ptr_array_index (problems, i));

  if (problems->len > 0)
    {
      g_printerr (_("%u problems found in %s\n"), problems->len, banso_store_get_path (store));
      return EXIT_FAILURE;
    }

  g_print (_("%s is whole: integrity, foreign keys, audit log and indexes agree.\n"),
           banso_store_get_path (store));
  return EXIT_SUCCESS;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME, &data_dir, N_("Folder of the office database"), N_("DIR") },
    { "user", 'u', 0, G_OPTION_ARG_STRING, &user_id, N_("Act as this user, whose password is checked (default: the system account)"), N_("LOGIN") },
    { NULL }
  };
  const char *command;

  setlocale (LC_ALL, "");
  /* An uninstalled build (build-aux/run, the tests) points at its own catalogues. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("BANSO_LOCALEDIR") ? g_getenv ("BANSO_LOCALEDIR")
                                                                : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("COMMAND"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_strict_posix (context, TRUE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage (error->message);

  if (argc < 2)
    return usage (NULL);

  command = argv[1];
  argc--;
  argv++;

  if (g_str_equal (command, "demo"))
    return cmd_demo (argc, argv);
  if (g_str_equal (command, "import"))
    return cmd_import (argc, argv);
  if (g_str_equal (command, "export"))
    return cmd_export (argc, argv);
  if (g_str_equal (command, "check"))
    return cmd_check (argc, argv);
  if (g_str_equal (command, "sync"))
    return cmd_sync (argc, argv);
  if (g_str_equal (command, "dict"))
    return cmd_dict (argc, argv);
  if (g_str_equal (command, "map"))
    return cmd_map (argc, argv);
  if (g_str_equal (command, "warning"))
    return cmd_warning (argc, argv);
  if (g_str_equal (command, "user"))
    return cmd_user (argc, argv);
  if (g_str_equal (command, "archive"))
    return cmd_archive (argc, argv);

  {
    g_autofree char *message = g_strdup_printf (_("unknown command “%s”"), command);
    return usage (message);
  }
}
