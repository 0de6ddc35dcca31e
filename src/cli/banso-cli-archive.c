/* banso-cli-archive.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `banso-cli archive`: add files to the culture archive, list and show items (with their
 * media, chapters and parsed cues), export and import packages. What the acting user may
 * not see does not appear, as in the window. */

#define G_LOG_DOMAIN "banso-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <unistd.h>

#include "banso-archive.h"
#include "banso-archive-ingest.h"
#include "banso-archive-package.h"
#include "banso-cli.h"

static void
ingest_progress (guint       done,
                 guint       total,
                 const char *path,
                 gpointer    user_data)
{
  if (isatty (STDERR_FILENO))
    g_printerr ("\r%u / %u", done, total);
}

static int
cmd_add (int    argc,
         char **argv)
{
  g_autoptr(BansoStore) store = NULL;
  g_autoptr(BansoUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *title = NULL, *ethnic = NULL, *commune = NULL, *kind = NULL;
  g_autofree char *access = NULL, *language = NULL;
  g_auto(GStrv) subtitles = NULL;
  g_auto(GStrv) roles = NULL;
  BansoIngestOptions options = BANSO_INGEST_OPTIONS_INIT;
  guint refused = 0;
  GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, NULL, NULL },
    { "ethnic", 0, 0, G_OPTION_ARG_STRING, &ethnic, NULL, NULL },
    { "commune", 0, 0, G_OPTION_ARG_STRING, &commune, NULL, NULL },
    { "subtitles", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &subtitles, NULL, NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, NULL, NULL },
    { "access", 0, 0, G_OPTION_ARG_STRING, &access, NULL, NULL },
    { "role", 0, 0, G_OPTION_ARG_STRING_ARRAY, &roles, NULL, NULL },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, NULL, NULL },
    { NULL }
  };

  if (!parse_command_options (&argc, &argv, entries, "archive add", &error) || argc < 2)
    return usage (error ? error->message
                        : _("archive add takes: FILE… [--title T] [--ethnic CODE] "
                            "[--commune CODE] [--subtitles F.vtt]"));
  options.title = title;
  options.ethnic = ethnic;
  options.commune = commune;
  options.language = language;
  options.subtitles = (const char * const *) subtitles;
  options.roles = (const char * const *) roles;
  if (kind != NULL)
    {
      BansoArchiveKind k;

      if (!banso_archive_kind_from_string (kind, &k))
        return usage (_("--kind is one of festival, ritual, song, craft, product, other"));
      options.kind = k;
    }
  if (access != NULL && !banso_archive_access_from_string (access, &options.access))
    return usage (_("--access is one of public, community, restricted"));

  if (!(store = open_store (&error)) || !(user = acting_user (store, &error)))
    return fail (g_steal_pointer (&error));

  results = banso_archive_ingest (store, user, (const char * const *) argv + 1, &options,
                                  ingest_progress, NULL, NULL, &error);
  if (isatty (STDERR_FILENO))
    g_printerr ("\r");
  if (results == NULL)
    return fail (g_steal_pointer (&error));
  for (guint i = 0; i < results->len; i++)
    {
      BansoIngestResult *r = g_ptr_array_index (results, i);

      if (r->error != NULL)
        {
          g_printerr ("banso-cli: %s\n", r->error->message);
          if (!r->duplicate)
            refused++;
        }
      else
        g_print ("%s\t%s\n", r->item_id, r->path);
    }
  return refused > 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}

static int
cmd_list (int    argc,
          char **argv)
{
  g_autoptr(BansoStore) store = NULL;
  g_autoptr(BansoUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *search = NULL;
  BansoArchiveQuery query = BANSO_ARCHIVE_QUERY_INIT;
  GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, NULL, NULL },
    { NULL }
  };

  if (!parse_command_options (&argc, &argv, entries, "archive list", &error) || argc != 1)
    return usage (error ? error->message : _("archive list takes only --search"));
  if (!(store = open_store (&error)) || !(user = acting_user (store, &error)))
    return fail (g_steal_pointer (&error));
  query.search = search;
  if ((rows = banso_archive_list (store, user, &query, &error)) == NULL)
    return fail (g_steal_pointer (&error));
  for (guint i = 0; i < rows->len; i++)
    {
      BansoArchiveRow *row = g_ptr_array_index (rows, i);

      g_print ("%s\t%s\t%s\t%s\t%d\t%s\n", row->id, banso_archive_kind_to_string (row->kind),
               row->media_kind, banso_archive_access_to_string (row->access), row->year,
               row->title);
    }
  return EXIT_SUCCESS;
}

static JsonNode *
cues_to_json (BansoVttFile *file)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; i < file->cues->len; i++)
    {
      BansoVttCue *cue = g_ptr_array_index (file->cues, i);
      g_autoptr(BansoVttNode) root = banso_vtt_cue_text_parse (cue->text);
      g_autofree char *plain = banso_vtt_node_to_plain (root);
      g_autofree char *speaker = banso_vtt_cue_speaker (root);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, cue->id);
      json_builder_set_member_name (b, "start");
      json_builder_add_double_value (b, cue->start_ms / 1000.0);
      json_builder_set_member_name (b, "end");
      json_builder_add_double_value (b, cue->end_ms / 1000.0);
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, plain);
      json_builder_set_member_name (b, "markup");
      json_builder_add_string_value (b, cue->text);
      if (speaker)
        {
          json_builder_set_member_name (b, "speaker");
          json_builder_add_string_value (b, speaker);
        }
      json_builder_set_member_name (b, "settings");
      json_builder_add_string_value (b, cue->settings);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return json_builder_get_root (b);
}

static int
cmd_show (int    argc,
          char **argv)
{
  g_autoptr(BansoStore) store = NULL;
  g_autoptr(BansoUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoArchiveItem) item = NULL;
  g_autoptr(JsonNode) node = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { NULL }
  };
  JsonObject *o;
  JsonArray *tracks;

  if (!parse_command_options (&argc, &argv, entries, "archive show", &error) || argc != 2)
    return usage (error ? error->message : _("archive show takes: ID [--json]"));
  if (!(store = open_store (&error)) || !(user = acting_user (store, &error)))
    return fail (g_steal_pointer (&error));
  if ((item = banso_archive_load (store, user, argv[1], &error)) == NULL)
    return fail (g_steal_pointer (&error));

  node = banso_archive_item_to_node (item);
  o = json_node_get_object (node);
  json_object_set_string_member (o, "_id", item->id);
  json_object_set_string_member (o, "_rev", item->rev);
  tracks = json_object_get_array_member (o, "subtitles");
  for (guint i = 0; i < item->subtitles->len; i++)
    {
      BansoArchiveSubtitle *sub = g_ptr_array_index (item->subtitles, i);
      g_autoptr(BansoVttFile) file = banso_archive_load_subtitles (store, user, sub->media_id,
                                                                   &error);

      if (file == NULL)
        return fail (g_steal_pointer (&error));
      json_object_set_member (json_array_get_object_element (tracks, i), "cues",
                              cues_to_json (file));
    }

  if (json)
    {
      g_autofree char *text = json_to_string (node, TRUE);

      g_print ("%s\n", text);
      return EXIT_SUCCESS;
    }

  g_print ("%s\n", item->title);
  g_print (_("Kind: %s\n"), banso_archive_kind_get_label (item->kind));
  g_print (_("Access: %s\n"), banso_archive_access_get_label (item->access));
  if (item->date)
    g_print (_("Date: %s\n"), item->date);
  if (item->commune)
    g_print (_("Commune: %s\n"), item->commune);
  for (guint i = 0; i < item->media->len; i++)
    {
      BansoArchiveMedia *m = g_ptr_array_index (item->media, i);

      g_print (_("Media: %s, %s, %.1f s, %ux%u, %s %s\n"), m->file_name, m->mime,
               m->duration_ms / 1000.0, m->width, m->height,
               m->video_codec ? m->video_codec : "", m->audio_codec ? m->audio_codec : "");
    }
  for (guint i = 0; i < item->chapters->len; i++)
    {
      BansoArchiveChapter *c = g_ptr_array_index (item->chapters, i);
      g_autofree char *t = banso_vtt_format_time (c->start_ms);

      g_print (_("Chapter %s: %s\n"), t, c->title);
    }
  for (guint i = 0; i < item->subtitles->len; i++)
    {
      BansoArchiveSubtitle *sub = g_ptr_array_index (item->subtitles, i);
      g_autoptr(BansoVttFile) file = banso_archive_load_subtitles (store, user, sub->media_id,
                                                                   NULL);

      g_print (_("Subtitles (%s):\n"), sub->label ? sub->label : sub->language);
      for (guint c = 0; file != NULL && c < file->cues->len; c++)
        {
          BansoVttCue *cue = g_ptr_array_index (file->cues, c);
          g_autoptr(BansoVttNode) root = banso_vtt_cue_text_parse (cue->text);
          g_autofree char *plain = banso_vtt_node_to_plain (root);
          g_autofree char *start = banso_vtt_format_time (cue->start_ms);
          g_autofree char *end = banso_vtt_format_time (cue->end_ms);

          g_print ("  %s --> %s %s\t%s\n", start, end, cue->settings, plain);
        }
    }
  return EXIT_SUCCESS;
}

static int
cmd_export (int    argc,
            char **argv)
{
  g_autoptr(BansoStore) store = NULL;
  g_autoptr(BansoUser) user = NULL;
  g_autoptr(GError) error = NULL;
  BansoPackageStats stats = { 0 };

  if (argc < 2)
    return usage (_("archive export takes: DIR|FILE.zip [ID…]"));
  if (!(store = open_store (&error)) || !(user = acting_user (store, &error)))
    return fail (g_steal_pointer (&error));
  if (!banso_archive_export (store, user, argc > 2 ? (const char * const *) argv + 2 : NULL,
                             argv[1], &stats, NULL, &error))
    return fail (g_steal_pointer (&error));
  g_printerr (g_dngettext (GETTEXT_PACKAGE, "Exported %u item to %s.\n",
                           "Exported %u items to %s.\n", stats.items), stats.items, argv[1]);
  if (stats.left_out > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "%u item you may not see was left out; the package says so.\n",
                             "%u items you may not see were left out; the package says so.\n",
                             stats.left_out), stats.left_out);
  return EXIT_SUCCESS;
}

static int
cmd_import (int    argc,
            char **argv)
{
  g_autoptr(BansoStore) store = NULL;
  g_autoptr(BansoUser) user = NULL;
  g_autoptr(GError) error = NULL;
  BansoPackageStats stats = { 0 };

  if (argc != 2)
    return usage (_("archive import takes: PACKAGE"));
  if (!(store = open_store (&error)) || !(user = acting_user (store, &error)))
    return fail (g_steal_pointer (&error));
  if (!banso_archive_import (store, user, argv[1], &stats, NULL, &error))
    return fail (g_steal_pointer (&error));
  g_printerr (g_dngettext (GETTEXT_PACKAGE, "Imported %u item (%u already here).\n",
                           "Imported %u items (%u already here).\n", stats.items),
              stats.items, stats.skipped);
  return EXIT_SUCCESS;
}

int
cmd_archive (int    argc,
             char **argv)
{
  const char *sub;

  if (argc < 2)
    return usage (_("archive takes: add, list, show, export or import"));
  sub = argv[1];
  argc--;
  argv++;
  if (g_str_equal (sub, "add"))
    return cmd_add (argc, argv);
  if (g_str_equal (sub, "list"))
    return cmd_list (argc, argv);
  if (g_str_equal (sub, "show"))
    return cmd_show (argc, argv);
  if (g_str_equal (sub, "export"))
    return cmd_export (argc, argv);
  if (g_str_equal (sub, "import"))
    return cmd_import (argc, argv);
  return usage (_("archive takes: add, list, show, export or import"));
}
