/* banso-dict-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sample dictionaries of the demo, Thái (Tai Viet and Latin) and Mông
 * (RPA) with Vietnamese and English glosses, written for Banso and marked as
 * samples. The words are in data/dict/demo-dictionary.tsv:
 *   @dictionary LANG TITLE DESCRIPTION     begins a dictionary
 *   WS=FORM|WS=FORM POS VI EN DOMAIN [EXAMPLE EXAMPLE_VI]
 * fields separated by tabs, one entry a line, # begins a comment.
 */

#define G_LOG_DOMAIN "banso-dict"

#include "config.h"

#include <gio/gio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "banso-dict.h"
#include "banso-json.h"
#include "banso-dict-demo.h"

#define DEMO_RESOURCE "/io/github/banso/Banso/dict/demo-dictionary.tsv"

static JsonArray *
multitext (const char *ws,
           const char *text)
{
  JsonArray *forms = json_array_new ();
  JsonObject *form = json_object_new ();

  json_object_set_string_member (form, "ws", ws);
  json_object_set_string_member (form, "text", text);
  json_array_add_object_element (forms, form);
  return forms;
}

static void
add_form (JsonArray  *forms,
          const char *ws,
          const char *text)
{
  JsonObject *form = json_object_new ();

  json_object_set_string_member (form, "ws", ws);
  json_object_set_string_member (form, "text", text);
  json_array_add_object_element (forms, form);
}

static JsonObject *
parse_entry (char       **fields,
             const char  *lang,
             const char  *dictionary,
             guint        line,
             GError     **error)
{
  g_autoptr(JsonObject) entry = json_object_new ();
  g_auto(GStrv) forms_text = NULL;
  JsonArray *forms = json_array_new ();
  JsonObject *sense = json_object_new ();
  JsonArray *glosses = json_array_new ();
  JsonArray *senses = json_array_new ();
  guint n = g_strv_length (fields);

  json_object_set_string_member (entry, "lang", lang);
  json_object_set_string_member (entry, "dictionary", dictionary);
  json_object_set_array_member (entry, "forms", forms);
  json_object_set_array_member (entry, "senses", senses);
  json_array_add_object_element (senses, sense);
  json_object_set_array_member (sense, "glosses", glosses);
  if (n < 5)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s:%u: %u fields, 5 or 7 expected", DEMO_RESOURCE, line, n);
      return NULL;
    }

  forms_text = g_strsplit (fields[0], "|", -1);
  for (guint i = 0; forms_text[i] != NULL; i++)
    {
      char *eq = strchr (forms_text[i], '=');

      if (eq == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s:%u: form without its writing system", DEMO_RESOURCE, line);
          return NULL;
        }
      *eq = '\0';
      add_form (forms, forms_text[i], eq + 1);
    }
  if (*fields[1] != '\0')
    {
      json_object_set_string_member (entry, "pos", fields[1]);
      json_object_set_string_member (sense, "pos", fields[1]);
    }
  add_form (glosses, "vi", fields[2]);
  if (*fields[3] != '\0')
    add_form (glosses, "en", fields[3]);
  if (*fields[4] != '\0')
    {
      JsonArray *domains = json_array_new ();

      json_array_add_string_element (domains, fields[4]);
      json_object_set_array_member (sense, "domains", domains);
    }
  if (n >= 7 && *fields[5] != '\0')
    {
      JsonArray *examples = json_array_new ();
      JsonObject *example = json_object_new ();
      JsonArray *translations = json_array_new ();
      JsonObject *translation = json_object_new ();
      g_auto(GStrv) ex = g_strsplit (fields[5], "=", 2);

      json_object_set_array_member (example, "forms",
                                    ex[1] ? multitext (ex[0], ex[1]) : multitext (lang, ex[0]));
      json_object_set_string_member (translation, "type", "Free translation");
      json_object_set_array_member (translation, "forms", multitext ("vi", fields[6]));
      json_array_add_object_element (translations, translation);
      json_object_set_array_member (example, "translations", translations);
      json_array_add_object_element (examples, example);
      json_object_set_array_member (sense, "examples", examples);
    }
  return g_steal_pointer (&entry);
}

static gboolean
load_lines (BansoTxn     *txn,
            const char   *text,
            GError      **error)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *dictionary = NULL;
  g_autofree char *lang = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;

      g_strchomp (lines[i]);
      if (*lines[i] == '\0' || *lines[i] == '#')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      if (g_str_equal (fields[0], "@dictionary"))
        {
          g_autoptr(JsonObject) d = json_object_new ();
          JsonArray *gloss_langs = json_array_new ();

          if (g_strv_length (fields) < 4)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "%s:%u: a dictionary needs its language, title and description",
                           DEMO_RESOURCE, i + 1);
              return FALSE;
            }
          json_array_add_string_element (gloss_langs, "vi");
          json_array_add_string_element (gloss_langs, "en");
          json_object_set_string_member (d, "title", fields[2]);
          json_object_set_string_member (d, "lang", fields[1]);
          json_object_set_array_member (d, "gloss_langs", gloss_langs);
          json_object_set_string_member (d, "description", fields[3]);
          json_object_set_boolean_member (d, "sample", TRUE);
          g_clear_pointer (&dictionary, g_free);
          g_free (lang);
          lang = g_strdup (fields[1]);
          if (!banso_dictionary_save (txn, NULL, NULL, d, &dictionary, NULL, error))
            return FALSE;
          continue;
        }
      if (dictionary == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s:%u: an entry before any @dictionary line", DEMO_RESOURCE, i + 1);
          return FALSE;
        }
      {
        g_autoptr(JsonObject) entry = parse_entry (fields, lang, dictionary, i + 1, error);

        if (entry == NULL ||
            !banso_dict_entry_save (txn, NULL, NULL, entry, BANSO_DOC_PUT_IMPORT, NULL, NULL, error))
          {
            g_prefix_error (error, "%s:%u: ", DEMO_RESOURCE, i + 1);
            return FALSE;
          }
      }
    }
  return TRUE;
}

/**
 * banso_dict_demo_load:
 *
 * Adds the sample dictionaries, and a lexicographer to edit them, to the
 * demo; a #BansoDemoHook.
 */
gboolean
banso_dict_demo_load (BansoStore  *store,
                      BansoUser   *admin,
                      GError     **error)
{
  g_autoptr(GBytes) data = g_resources_lookup_data (DEMO_RESOURCE, 0, error);
  g_autoptr(BansoUser) lexicographer = NULL;
  g_autofree char *text = NULL;
  BansoTxn *txn;

  if (data == NULL)
    return FALSE;
  lexicographer = banso_user_new ("lexicographer", "Lò Thị Mai", BANSO_ROLE_LEXICOGRAPHER, NULL);
  if (!banso_store_add_user (store, admin, lexicographer, error))
    return FALSE;

  text = g_strndup (g_bytes_get_data (data, NULL), g_bytes_get_size (data));
  if (!(txn = banso_store_begin (store, admin, error)))
    return FALSE;
  if (!load_lines (txn, text, error))
    {
      banso_txn_rollback (txn);
      return FALSE;
    }
  return banso_txn_commit (txn, error);
}
