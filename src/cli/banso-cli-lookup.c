/* banso-cli-lookup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `banso-cli dict search`: a lookup, often one per process. It opens the
 * database read-only, with no upgrade, no demo and no reindexing, and reads
 * only the pages it needs. It needs GLib and SQLite only, so that the front
 * of banso-cli (banso-cli-front.c) can answer it without loading the
 * libraries of the other commands.
 */

#define G_LOG_DOMAIN "banso-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "banso-cli-lookup.h"
#include "banso-dict-search.h"
#include "banso-dict-tokenizer.h"

/* The schema step of the dictionary's tables (BANSO_DICT_SCHEMA_STEP). */
#define DICT_SCHEMA_STEP 11

static int
lookup_fail (char *message)
{
  g_printerr ("banso-cli: %s\n", message);
  g_free (message);
  return EXIT_FAILURE;
}

static sqlite3 *
open_read_only (const char  *path,
                char       **message)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = 0;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      *message = g_strdup_printf (_("Could not open the database %s: %s"), path,
                                  db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, 10000);
  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  if (version < DICT_SCHEMA_STEP)
    {
      *message = g_strdup_printf (_("%s holds no dictionaries yet (open it once with Banso, or import one)."),
                                  path);
      sqlite3_close (db);
      return NULL;
    }
  {
    g_autoptr(GError) error = NULL;

    if (!banso_dict_tokenizer_register (db, FALSE, &error))
      {
        *message = g_strdup (error->message);
        sqlite3_close (db);
        return NULL;
      }
  }
  return db;
}

/**
 * banso_cli_dict_search:
 * @argv: "search", then its options and the query
 *
 * Prints one result a line, best first: the headword, a tab, the glosses.
 * Returns: the exit status (1 when nothing was found, 2 on wrong usage)
 */
int
banso_cli_dict_search (const char  *database,
                       int          argc,
                       char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoDictQuery) query = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GString) out = g_string_sized_new (4096);
  g_autoptr(GOptionContext) context = g_option_context_new ("dict search");
  g_autofree char *lang = NULL;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  gboolean ignore_tone = FALSE;
  int limit = BANSO_DICT_SEARCH_LIMIT;
  GOptionEntry entries[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, NULL, "CODE" },
    { "ignore-tone", 0, 0, G_OPTION_ARG_NONE, &ignore_tone, NULL, NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, NULL, "N" },
    { NULL }
  };
  sqlite3 *db;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 2 || limit <= 0)
    {
      g_printerr ("banso-cli: %s\n", error ? error->message : _("dict search takes: [--lang CODE] QUERY"));
      return 2;
    }

  text = g_strjoinv (" ", argv + 1);
  query = banso_dict_query_new (text);
  query->lang = g_steal_pointer (&lang);
  query->limit = (guint)limit;
  if (ignore_tone)
    query->flags |= BANSO_DICT_SEARCH_IGNORE_TONE;

  if (!(db = open_read_only (database, &message)))
    return lookup_fail (g_steal_pointer (&message));
  hits = banso_dict_search (db, query, &error);
  sqlite3_close (db);
  if (hits == NULL)
    return lookup_fail (g_strdup (error->message));

  if (hits->len > 0 && ((BansoDictHit *)g_ptr_array_index (hits, 0))->match == BANSO_DICT_MATCH_FUZZY)
    g_printerr (_("Nothing found for “%s”. Did you mean:\n"), text);
  for (guint i = 0; i < hits->len; i++)
    {
      BansoDictHit *hit = g_ptr_array_index (hits, i);

      g_string_append_printf (out, "%s\t%s\n", hit->headword, hit->glosses);
    }
  fwrite (out->str, 1, out->len, stdout);
  if (hits->len == 0)
    {
      g_printerr (_("Nothing found for “%s”.\n"), text);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}
