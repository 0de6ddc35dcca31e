/* banso-cli-map.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `banso-cli map` (base map files) and `banso-cli warning` (disaster
 * warnings and what they affect).
 */

#define G_LOG_DOMAIN "banso-cli"

#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <stdlib.h>
#include <unistd.h>

#include "banso-basemap.h"
#include "banso-cli.h"
#include "banso-mbtiles.h"
#include "banso-warning.h"

static int
map_info (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoMbtiles) mb = banso_mbtiles_open (path, &error);
  double w, s, e, n, lon, lat, zoom;
  gint64 count;

  if (mb == NULL)
    return fail (g_steal_pointer (&error));
  count = banso_mbtiles_count_tiles (mb, &error);
  if (count < 0)
    return fail (g_steal_pointer (&error));

  g_print (_("Name: %s\n"), banso_mbtiles_get_name (mb));
  if (banso_mbtiles_get_description (mb) && *banso_mbtiles_get_description (mb))
    g_print (_("Description: %s\n"), banso_mbtiles_get_description (mb));
  g_print (_("Format: %s (%s)\n"), banso_tile_format_to_string (banso_mbtiles_get_format (mb)),
           banso_mbtiles_format_from_metadata (mb) ? _("from the metadata") : _("detected from the tiles"));
  g_print (_("Zoom levels: %u to %u\n"), banso_mbtiles_get_min_zoom (mb), banso_mbtiles_get_max_zoom (mb));
  if (banso_mbtiles_get_bounds (mb, &w, &s, &e, &n))
    g_print (_("Bounds: %.4f, %.4f to %.4f, %.4f (west, south to east, north)\n"), w, s, e, n);
  if (banso_mbtiles_get_center (mb, &lon, &lat, &zoom))
    g_print (_("Centre: %.4f, %.4f at zoom %g\n"), lat, lon, zoom);
  if (banso_mbtiles_get_attribution (mb) && *banso_mbtiles_get_attribution (mb))
    g_print (_("Attribution: %s\n"), banso_mbtiles_get_attribution (mb));
  {
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, count);

    g_print (_("Tiles: %s\n"), number);
  }
  return EXIT_SUCCESS;
}

static void
render_progress (guint    done,
                 guint    total,
                 gpointer user_data)
{
  if (done % 50 == 0 || done == total)
    g_printerr ("\r%u / %u", done, total);
  if (done == total)
    g_printerr ("\n");
}

static int
map_render_demo (const char *path)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  guint n = 0;

  if (!banso_basemap_render_demo (path, 0, isatty (STDERR_FILENO) ? render_progress : NULL, NULL,
                                  NULL, &n, &error))
    return fail (g_steal_pointer (&error));
  g_printerr (_("Rendered %u tiles into %s in %.1f s\n"), n, path,
              (g_get_monotonic_time () - start) / 1e6);
  return EXIT_SUCCESS;
}

int
cmd_map (int    argc,
         char **argv)
{
  if (argc == 3 && g_str_equal (argv[1], "info"))
    return map_info (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "render-demo"))
    return map_render_demo (argv[2]);
  return usage (_("map takes: info FILE.mbtiles, or render-demo OUT.mbtiles"));
}

/* Pads to @width characters, not bytes: names are Vietnamese. */
static char *
pad (const char *text,
     glong       width)
{
  glong n = g_utf8_strlen (text, -1);
  GString *out = g_string_new (text);

  for (; n < width; n++)
    g_string_append_c (out, ' ');
  return g_string_free (out, FALSE);
}

static void
print_affected (BansoWarningReport *report)
{
  g_print (_("%s — level %d\n"), report->title, report->level);
  for (guint i = 0; i < report->areas->len; i++)
    {
      BansoAffectedArea *a = g_ptr_array_index (report->areas, i);
      g_autofree char *kind = pad (a->village_name ? _("village") : _("commune"), 9);
      g_autofree char *indented = a->village_name ? g_strconcat ("  ", a->village_name, NULL) : g_strdup (a->commune_name);
      g_autofree char *name = pad (indented, 28);

      g_print ("%s %s %8u %8u %8u %6u\n", kind, name, a->households, a->people, a->poor, a->prestige);
    }
  g_print (_("Total: %u communes, %u villages; %u households, %u people, %u poor households, %u prestigious persons\n"),
           report->n_communes, report->n_villages, report->total.households, report->total.people,
           report->total.poor, report->total.prestige);
}

static int
warning_import (int    argc,
                char **argv)
{
  g_autoptr(BansoStore) store = NULL;
  g_autoptr(BansoUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoWarningReport) report = NULL;
  g_autofree char *title = NULL;
  g_autofree char *id = NULL;
  gboolean csv = FALSE;
  int level = 0;
  GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, NULL, "T" },
    { "level", 0, 0, G_OPTION_ARG_INT, &level, NULL, "N" },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, NULL, NULL },
    { NULL }
  };

  if (!parse_command_options (&argc, &argv, entries, "warning import", &error) || argc != 2)
    return usage (error ? error->message : _("warning import takes: FILE.geojson|FILE.kml [--title T] [--level N] [--csv]"));

  if (!(store = open_store (&error)) || !(user = acting_user (store, &error)))
    return fail (g_steal_pointer (&error));

  /* The demo district's villages are invented: they get places inside their
   * communes, so that a warning finds them. */
  if (banso_store_is_demo (store))
    {
      BansoTxn *txn = banso_store_begin (store, user, &error);

      if (txn == NULL || banso_village_place_in_communes (txn, 1, &error) == G_MAXUINT)
        {
          if (txn != NULL)
            banso_txn_rollback (txn);
          return fail (g_steal_pointer (&error));
        }
      if (!banso_txn_commit (txn, &error))
        return fail (g_steal_pointer (&error));
    }

  id = banso_warning_import_file (store, user, argv[1], title, level, &error);
  if (id == NULL)
    return fail (g_steal_pointer (&error));
  report = banso_warning_compute (store, id, NULL, &error);
  if (report == NULL)
    return fail (g_steal_pointer (&error));

  if (csv)
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      if (!banso_warning_report_write_csv (report, out, NULL, &error))
        return fail (g_steal_pointer (&error));
    }
  else
    print_affected (report);
  g_printerr (_("Saved the warning %s\n"), id);
  return EXIT_SUCCESS;
}

static int
warning_list (void)
{
  g_autoptr(BansoStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  if (!(store = open_store (&error)) || !(list = banso_warning_list (store, &error)))
    return fail (g_steal_pointer (&error));
  for (guint i = 0; i < list->len; i++)
    {
      BansoWarningInfo *w = g_ptr_array_index (list, i);

      g_print ("%s\t%s\t%d\t%s\t%s\n", w->id, w->created, w->level, w->title, w->source ? w->source : "");
    }
  g_printerr (ngettext ("%u warning\n", "%u warnings\n", list->len), list->len);
  return EXIT_SUCCESS;
}

int
cmd_warning (int    argc,
             char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "import"))
    return warning_import (argc - 1, argv + 1);
  if (argc == 2 && g_str_equal (argv[1], "list"))
    return warning_list ();
  return usage (_("warning takes: import FILE [--title T] [--csv], or list"));
}
