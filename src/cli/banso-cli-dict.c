/* banso-cli-dict.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `banso-cli dict`: import, search, export and list dictionaries. A search
 * is a lookup, often one per process: it opens the database read-only, with
 * no upgrade, no demo and no reindexing, and reads only the pages it needs.
 */

#define G_LOG_DOMAIN "banso-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "banso-cli.h"
#include "banso-cli-lookup.h"
#include "banso-dict.h"
#include "banso-dict-io.h"
#include "banso-dict-search.h"
#include "banso-dict-tasks.h"

static void
import_progress (guint64  done,
                 guint64  total,
                 guint    entries,
                 gpointer user_data)
{
  g_printerr ("\r%u", entries);
}

static int
dict_import (int    argc,
             char **argv)
{
  g_autoptr(BansoStore) store = NULL;
  g_autoptr(BansoUser) user = NULL;
  g_autoptr(BansoDictImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lang = NULL;
  gboolean keep_missing = FALSE;
  GOptionEntry entries[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, NULL, "CODE" },
    { "keep-missing-media", 0, 0, G_OPTION_ARG_NONE, &keep_missing, NULL, NULL },
    { NULL }
  };

  if (!parse_command_options (&argc, &argv, entries, "dict import", &error) || argc != 2)
    return usage (error ? error->message : _("dict import takes: [--lang CODE] FILE"));
  if (!(store = open_store (&error)) || !(user = acting_user (store, &error)))
    return fail (g_steal_pointer (&error));
  result = banso_dict_import_file (store, user, argv[1], lang,
                                   keep_missing ? BANSO_DICT_IMPORT_KEEP_MISSING_MEDIA : 0,
                                   isatty (STDERR_FILENO) ? import_progress : NULL, NULL, NULL,
                                   &error);
  if (isatty (STDERR_FILENO))
    g_printerr ("\r");
  /* The store's change notifications hold it until they are dispatched; once
   * it is let go, its WAL is folded back into the file, which read-only
   * lookups then read without replaying a log. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  if (result == NULL)
    return fail (g_steal_pointer (&error));
  g_printerr (ngettext (
                           "Imported %u entry into “%s” (%u media files).\n",
                           "Imported %u entries into “%s” (%u media files).\n",
                           result->n_entries),
              result->n_entries, result->title, result->n_media);
  return EXIT_SUCCESS;
}

static int
dict_search (int    argc,
             char **argv)
{
  g_autofree char *path = database_path ();

  return banso_cli_dict_search (path, argc, argv);
}

static int
dict_export (int    argc,
             char **argv)
{
  g_autoptr(BansoStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *dictionary = NULL;
  GOptionEntry entries[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, NULL, "CODE" },
    { "dictionary", 0, 0, G_OPTION_ARG_STRING, &dictionary, NULL, "ID" },
    { NULL }
  };
  guint n = 0;

  if (!parse_command_options (&argc, &argv, entries, "dict export", &error) || argc != 2)
    return usage (error ? error->message : _("dict export takes: [--lang CODE] FILE.lift|FILE.ifo"));
  if (!(store = open_store (&error)))
    return fail (g_steal_pointer (&error));
  if (!banso_dict_export_file (store, lang, dictionary, argv[1], &n, NULL, &error))
    return fail (g_steal_pointer (&error));
  g_printerr (ngettext ("Exported %u entry to %s.\n",
                           "Exported %u entries to %s.\n", n),
              n, argv[1]);
  return EXIT_SUCCESS;
}

static int
dict_list (int    argc,
           char **argv)
{
  g_autoptr(BansoStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  sqlite3 *db;

  if (argc != 1)
    return usage (_("dict list takes no arguments"));
  if (!(store = open_store (&error)) || !(db = banso_store_acquire_reader (store, &error)))
    return fail (g_steal_pointer (&error));
  list = banso_dict_list (db, &error);
  banso_store_release_reader (store, db);
  if (list == NULL)
    return fail (g_steal_pointer (&error));
  for (guint i = 0; i < list->len; i++)
    {
      BansoDictionaryInfo *info = g_ptr_array_index (list, i);

      g_print ("%s\t%s\t%s\t%u%s%s\n", info->id, info->title, info->lang, info->n_entries,
               info->sample ? "\tsample" : "", info->reference ? "\treference" : "");
    }
  return EXIT_SUCCESS;
}

int
cmd_dict (int    argc,
          char **argv)
{
  if (argc < 2)
    return usage (_("dict takes: import, search, export or list"));
  if (g_str_equal (argv[1], "import"))
    return dict_import (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "search"))
    return dict_search (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "export"))
    return dict_export (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "list"))
    return dict_list (argc - 1, argv + 1);
  return usage (_("dict takes: import, search, export or list"));
}
