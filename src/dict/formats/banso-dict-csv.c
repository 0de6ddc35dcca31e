/* banso-dict-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-dict"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "banso-csv.h"
#include "banso-dict-format-private.h"

/*
 * Banso's CSV layout of a dictionary, one row per sense. The first row names
 * the columns, in any order (names are not case sensitive); unknown columns
 * are ignored and listed in the info's "extra": {"ignored_columns": […]}.
 *
 *   id                 the entry's LIFT id (kept in "lift": {"id": …})
 *   headword           required: the headword, in the writing system of
 *   headword_ws        (a BCP 47 tag, e.g. "blt-Tavt"; "und" when empty)
 *   headword_<ws>      the headword in another writing system, e.g.
 *                      headword_blt-Latn
 *   ipa                the pronunciation in IPA (writing system <lang>-fonipa)
 *   audio              a sound file, relative to the CSV file's folder
 *   variant            variant forms, separated by ";"
 *   pos                part of speech
 *   gloss_<ws>         glosses: gloss_vi, gloss_en, …
 *   definition_<ws>    definitions: definition_vi, …
 *   example            one example, in the headword's writing system
 *   example_<ws>       its translation: example_vi, …
 *   domain             semantic domains, separated by ";"
 *   note_<ws>          a note on the sense
 *   picture            a picture file, relative to the CSV file's folder
 *
 * A row whose headword is empty is one more sense of the entry above it (its
 * entry-level columns — id, headword_*, ipa, audio, variant — are then
 * ignored). The writer writes these columns, with the gloss, definition,
 * example and note languages of the info's "gloss_langs" (default vi, en)
 * and the headword's other writing systems of its "form_langs"; only the
 * first example of a sense fits in a row.
 */

typedef enum
{
  COL_IGNORED,
  COL_ID,
  COL_HEADWORD,
  COL_HEADWORD_WS,
  COL_HEADWORD_OTHER,
  COL_IPA,
  COL_AUDIO,
  COL_VARIANT,
  COL_POS,
  COL_GLOSS,
  COL_DEFINITION,
  COL_EXAMPLE,
  COL_EXAMPLE_TRANSLATION,
  COL_DOMAIN,
  COL_NOTE,
  COL_PICTURE,
} ColumnKind;

typedef struct
{
  ColumnKind  kind;
  char       *ws;
} Column;

static void
column_clear (gpointer data)
{
  g_free (((Column *)data)->ws);
}

static gboolean
has_tag (const char *name,
         const char *prefix,
         char      **ws)
{
  gsize n = strlen (prefix);

  if (g_ascii_strncasecmp (name, prefix, n) != 0 || name[n] != '_' || name[n + 1] == '\0')
    return FALSE;
  *ws = g_strdup (name + n + 1);
  return TRUE;
}

static Column
classify (const char *name)
{
  static const struct { const char *name; ColumnKind kind; } plain[] = {
    { "id", COL_ID }, { "headword", COL_HEADWORD }, { "headword_ws", COL_HEADWORD_WS },
    { "ipa", COL_IPA }, { "audio", COL_AUDIO }, { "variant", COL_VARIANT }, { "pos", COL_POS },
    { "example", COL_EXAMPLE }, { "domain", COL_DOMAIN }, { "picture", COL_PICTURE },
    { "gloss", COL_GLOSS }, { "definition", COL_DEFINITION }, { "note", COL_NOTE },
  };
  static const struct { const char *prefix; ColumnKind kind; } tagged[] = {
    { "headword", COL_HEADWORD_OTHER }, { "gloss", COL_GLOSS }, { "definition", COL_DEFINITION },
    { "example", COL_EXAMPLE_TRANSLATION }, { "note", COL_NOTE },
  };
  Column col = { COL_IGNORED, NULL };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (plain); i++)
    {
      if (g_ascii_strcasecmp (name, plain[i].name) == 0)
        {
          col.kind = plain[i].kind;
          if (col.kind == COL_GLOSS || col.kind == COL_DEFINITION || col.kind == COL_NOTE)
            col.ws = g_strdup ("und");
          return col;
        }
    }
  for (i = 0; i < G_N_ELEMENTS (tagged); i++)
    {
      if (has_tag (name, tagged[i].prefix, &col.ws))
        {
          col.kind = tagged[i].kind;
          return col;
        }
    }
  return col;
}

static void
add_split (JsonArray  *array,
           const char *value,
           const char *ws)
{
  g_auto(GStrv) parts = g_strsplit (value, ";", -1);
  guint i;

  for (i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        continue;
      if (ws == NULL)
        {
          json_array_add_string_element (array, parts[i]);
        }
      else
        {
          JsonObject *variant = json_object_new ();
          JsonArray *forms = json_array_new ();

          _banso_json_add_form (forms, ws, parts[i]);
          json_object_set_array_member (variant, "forms", forms);
          json_array_add_object_element (array, variant);
        }
    }
}

static void
add_media (JsonObject *owner,
           const char *member,
           const char *href)
{
  JsonObject *media = json_object_new ();

  json_object_set_string_member (media, "href", href);
  json_array_add_object_element (_banso_json_ensure_array (owner, member), media);
}

gboolean
_banso_dict_read_csv (const char     *path,
                      JsonObject    **info_out,
                      BansoDictSink  *sink,
                      GError        **error)
{
  g_autoptr(BansoCsvReader) reader = NULL;
  g_autoptr(GArray) columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_autoptr(JsonObject) info = json_object_new ();
  g_autoptr(JsonObject) entry = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) gloss_seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *ignored = json_array_new ();
  JsonArray *gloss_langs = json_array_new ();
  JsonArray *form_langs = json_array_new ();
  JsonObject *extra = json_object_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) finfo = NULL;
  g_autofree char *base = g_path_get_basename (path);
  guint64 total = 0;
  guint64 done = 0;
  gboolean have_headword = FALSE;
  guint i;

  json_object_set_array_member (extra, "ignored_columns", ignored);
  json_object_set_object_member (info, "extra", extra);
  json_object_set_array_member (info, "gloss_langs", gloss_langs);
  json_object_set_array_member (info, "form_langs", form_langs);
  g_array_set_clear_func (columns, column_clear);

  finfo = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                             NULL, NULL);
  if (finfo != NULL)
    total = g_file_info_get_size (finfo);

  reader = banso_csv_reader_new_for_path (path, &local_error);
  if (reader == NULL)
    {
      g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
                   _("File %s: %s"), path, local_error->message);
      return FALSE;
    }

  if (!banso_csv_reader_next (reader, &local_error))
    {
      if (local_error != NULL)
        g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
                     _("File %s: %s"), path, local_error->message);
      else
        g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
                     _("File %s is empty: it needs a first row naming the columns"), path);
      return FALSE;
    }
  for (i = 0; i < banso_csv_reader_get_n_fields (reader); i++)
    {
      const char *name = banso_csv_reader_trim_field (reader, i);
      Column col = classify (name);

      if (col.kind == COL_HEADWORD)
        have_headword = TRUE;
      if (col.kind == COL_IGNORED && *name != '\0')
        json_array_add_string_element (ignored, name);
      if (col.kind == COL_GLOSS && !g_hash_table_contains (gloss_seen, col.ws))
        {
          g_hash_table_add (gloss_seen, col.ws);
          json_array_add_string_element (gloss_langs, col.ws);
        }
      if (col.kind == COL_HEADWORD_OTHER)
        json_array_add_string_element (form_langs, col.ws);
      g_array_append_val (columns, col);
    }
  if (!have_headword)
    {
      g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
                   _("File %s, line %u: the first row has no column “headword”"),
                   path, banso_csv_reader_get_line (reader));
      return FALSE;
    }

  while (banso_csv_reader_next (reader, &local_error))
    {
      guint n = MIN (banso_csv_reader_get_n_fields (reader), columns->len);
      const char *headword = NULL;
      const char *head_ws = "und";
      g_autofree char *lang = NULL;
      JsonObject *sense;
      JsonObject *example = NULL;
      JsonObject *translation = NULL;
      gboolean empty = TRUE;

      for (i = 0; i < banso_csv_reader_get_n_fields (reader); i++)
        {
          done += banso_csv_reader_get_field_length (reader, i) + 1;
          if (*banso_csv_reader_trim_field (reader, i) != '\0')
            empty = FALSE;
        }
      if (empty)
        continue;

      for (i = 0; i < n; i++)
        {
          Column *col = &g_array_index (columns, Column, i);
          const char *value = banso_csv_reader_trim_field (reader, i);

          if (col->kind == COL_HEADWORD && *value != '\0')
            headword = value;
          else if (col->kind == COL_HEADWORD_WS && *value != '\0')
            head_ws = value;
        }

      if (headword != NULL)
        {
          JsonArray *forms = json_array_new ();

          if (entry != NULL && !_banso_dict_sink_emit (sink, entry, done, total, error))
            return FALSE;
          g_clear_pointer (&entry, json_object_unref);
          entry = json_object_new ();
          lang = _banso_lang_of_ws (head_ws);
          _banso_json_add_form (forms, head_ws, headword);
          json_object_set_array_member (entry, "forms", forms);
          json_object_set_string_member (entry, "lang", lang);
        }
      else if (entry == NULL)
        {
          g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
                       _("File %s, line %u: the row has no headword, and there is no entry "
                         "above it to add a sense to"),
                       path, banso_csv_reader_get_line (reader));
          return FALSE;
        }
      else
        {
          head_ws = _banso_json_get_string (_banso_json_array_get_object (
                      _banso_json_get_array (entry, "forms"), 0), "ws");
          lang = _banso_lang_of_ws (head_ws);
        }

      sense = json_object_new ();
      json_array_add_object_element (_banso_json_ensure_array (entry, "senses"), sense);

      for (i = 0; i < n; i++)
        {
          Column *col = &g_array_index (columns, Column, i);
          const char *value = banso_csv_reader_trim_field (reader, i);
          gboolean entry_level = headword != NULL;

          if (*value == '\0')
            continue;
          switch (col->kind)
            {
            case COL_ID:
              if (entry_level)
                {
                  JsonObject *lift = json_object_new ();

                  json_object_set_string_member (lift, "id", value);
                  json_object_set_object_member (entry, "lift", lift);
                }
              break;
            case COL_HEADWORD_OTHER:
              if (entry_level)
                _banso_json_add_form (_banso_json_get_array (entry, "forms"), col->ws, value);
              break;
            case COL_IPA:
              if (entry_level)
                {
                  JsonObject *pron = json_object_new ();
                  JsonArray *forms = json_array_new ();
                  g_autofree char *ws = g_strconcat (lang, "-fonipa", NULL);

                  _banso_json_add_form (forms, ws, value);
                  json_object_set_array_member (pron, "forms", forms);
                  json_array_add_object_element (_banso_json_ensure_array (entry,
                                                                           "pronunciations"),
                                                 pron);
                }
              break;
            case COL_AUDIO:
              if (entry_level)
                {
                  JsonArray *prons = _banso_json_ensure_array (entry, "pronunciations");

                  if (json_array_get_length (prons) == 0)
                    json_array_add_object_element (prons, json_object_new ());
                  add_media (_banso_json_array_get_object (prons, 0), "media", value);
                }
              break;
            case COL_VARIANT:
              if (entry_level)
                add_split (_banso_json_ensure_array (entry, "variants"), value, head_ws);
              break;
            case COL_POS:
              json_object_set_string_member (sense, "pos", value);
              if (!json_object_has_member (entry, "pos"))
                json_object_set_string_member (entry, "pos", value);
              break;
            case COL_GLOSS:
              _banso_json_add_form (_banso_json_ensure_array (sense, "glosses"), col->ws, value);
              break;
            case COL_DEFINITION:
              _banso_json_add_form (_banso_json_ensure_array (sense, "definitions"), col->ws,
                                    value);
              break;
            case COL_EXAMPLE:
            case COL_EXAMPLE_TRANSLATION:
              if (example == NULL)
                {
                  example = json_object_new ();
                  json_array_add_object_element (_banso_json_ensure_array (sense, "examples"),
                                                 example);
                }
              if (col->kind == COL_EXAMPLE)
                {
                  _banso_json_add_form (_banso_json_ensure_array (example, "forms"), head_ws,
                                        value);
                }
              else
                {
                  if (translation == NULL)
                    {
                      translation = json_object_new ();
                      json_array_add_object_element (_banso_json_ensure_array (example,
                                                                               "translations"),
                                                     translation);
                    }
                  _banso_json_add_form (_banso_json_ensure_array (translation, "forms"),
                                        col->ws, value);
                }
              break;
            case COL_DOMAIN:
              add_split (_banso_json_ensure_array (sense, "domains"), value, NULL);
              break;
            case COL_NOTE:
              {
                JsonObject *note = json_object_new ();
                JsonArray *forms = json_array_new ();

                _banso_json_add_form (forms, col->ws, value);
                json_object_set_array_member (note, "forms", forms);
                json_array_add_object_element (_banso_json_ensure_array (sense, "notes"), note);
              }
              break;
            case COL_PICTURE:
              add_media (sense, "pictures", value);
              break;
            case COL_HEADWORD:
            case COL_HEADWORD_WS:
            case COL_IGNORED:
            default:
              break;
            }
        }
    }
  if (local_error != NULL)
    {
      g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
                   _("File %s: %s"), path, local_error->message);
      return FALSE;
    }
  if (entry != NULL && !_banso_dict_sink_emit (sink, entry, total, total, error))
    return FALSE;

  if (g_str_has_suffix (base, ".csv") || g_str_has_suffix (base, ".tsv"))
    base[strlen (base) - 4] = '\0';
  json_object_set_string_member (info, "title", base);
  *info_out = g_steal_pointer (&info);
  return TRUE;
}

/* The writer */

typedef struct
{
  BansoDictWriter  parent;
  BansoDictOut     out;
  GPtrArray       *gloss_langs;
  GPtrArray       *form_langs;
  GString         *buf;
} CsvWriter;

static void
add_langs (GPtrArray  *langs,
           JsonArray  *array,
           const char *fallback1,
           const char *fallback2)
{
  guint i;

  for (i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      const char *ws = _banso_json_array_get_string (array, i);

      if (ws != NULL && *ws != '\0')
        g_ptr_array_add (langs, g_strdup (ws));
    }
  if (langs->len == 0 && fallback1 != NULL)
    {
      g_ptr_array_add (langs, g_strdup (fallback1));
      g_ptr_array_add (langs, g_strdup (fallback2));
    }
}

static gboolean
csv_open (BansoDictWriter  *writer,
          JsonObject       *info,
          GError          **error)
{
  CsvWriter *self = (CsvWriter *)writer;
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  static const char * const per_lang[] = { "gloss", "definition", "example", "note" };
  guint i;
  guint k;

  self->gloss_langs = g_ptr_array_new_with_free_func (g_free);
  self->form_langs = g_ptr_array_new_with_free_func (g_free);
  self->buf = g_string_new ("\xEF\xBB\xBF");
  add_langs (self->gloss_langs, _banso_json_get_array (info, "gloss_langs"), "vi", "en");
  add_langs (self->form_langs, _banso_json_get_array (info, "form_langs"), NULL, NULL);

  g_ptr_array_add (header, g_strdup ("id"));
  g_ptr_array_add (header, g_strdup ("headword"));
  g_ptr_array_add (header, g_strdup ("headword_ws"));
  for (i = 0; i < self->form_langs->len; i++)
    g_ptr_array_add (header, g_strconcat ("headword_", g_ptr_array_index (self->form_langs, i),
                                          NULL));
  g_ptr_array_add (header, g_strdup ("ipa"));
  g_ptr_array_add (header, g_strdup ("audio"));
  g_ptr_array_add (header, g_strdup ("variant"));
  g_ptr_array_add (header, g_strdup ("pos"));
  for (k = 0; k < G_N_ELEMENTS (per_lang); k++)
    {
      if (k == 2)
        g_ptr_array_add (header, g_strdup ("example"));
      for (i = 0; i < self->gloss_langs->len; i++)
        g_ptr_array_add (header, g_strconcat (per_lang[k], "_",
                                              g_ptr_array_index (self->gloss_langs, i), NULL));
      if (k == 2)
        g_ptr_array_add (header, g_strdup ("domain"));
    }
  g_ptr_array_add (header, g_strdup ("picture"));

  banso_csv_append_row (self->buf, (const char * const *)header->pdata, header->len, ',');
  if (!_banso_dict_out_open (&self->out, writer->path, error))
    return FALSE;
  return _banso_dict_out_write (&self->out, self->buf->str, self->buf->len, error);
}

static char *
forms_of_ws (JsonArray  *forms,
             const char *ws,
             guint       skip_first)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint i;

  for (i = skip_first; forms != NULL && i < json_array_get_length (forms); i++)
    {
      JsonObject *form = _banso_json_array_get_object (forms, i);
      const char *fws = _banso_json_get_string (form, "ws");
      const char *text = _banso_json_get_string (form, "text");

      if (text == NULL || (ws != NULL && g_strcmp0 (fws, ws) != 0))
        continue;
      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append (out, text);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_cell (GPtrArray  *row,
          char       *value)
{
  g_autofree char *owned = value;

  g_ptr_array_add (row, _banso_text_sanitize (owned != NULL ? owned : "", -1));
}

static gboolean
csv_add (BansoDictWriter  *writer,
         JsonObject       *entry,
         GError          **error)
{
  CsvWriter *self = (CsvWriter *)writer;
  JsonArray *forms = _banso_json_get_array (entry, "forms");
  JsonArray *senses = _banso_json_get_array (entry, "senses");
  JsonArray *prons = _banso_json_get_array (entry, "pronunciations");
  JsonObject *main_form = _banso_json_array_get_object (forms, 0);
  guint n_senses = senses != NULL ? MAX (json_array_get_length (senses), 1) : 1;
  guint s;
  guint i;

  if (main_form == NULL)
    main_form = _banso_json_array_get_object (_banso_json_get_array (entry, "citation"), 0);
  if (_banso_json_get_string (main_form, "text") == NULL
      || *_banso_json_get_string (main_form, "text") == '\0')
    {
      g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
                   _("Entry %u has no headword: a CSV row needs one"), writer->n_entries + 1);
      return FALSE;
    }

  g_string_truncate (self->buf, 0);
  for (s = 0; s < n_senses; s++)
    {
      g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
      JsonObject *sense = senses != NULL ? _banso_json_array_get_object (senses, s) : NULL;
      JsonObject *example = _banso_json_array_get_object (_banso_json_get_array (sense,
                                                                                 "examples"), 0);
      JsonArray *translations = _banso_json_get_array (example, "translations");
      gboolean first = s == 0;
      const char *pos = _banso_json_get_string (sense, "pos");

      add_cell (row, first ? g_strdup (_banso_json_get_string (_banso_json_get_object (entry, "lift"),
                                                               "id")) : NULL);
      add_cell (row, first ? g_strdup (_banso_json_get_string (main_form, "text")) : NULL);
      add_cell (row, first ? g_strdup (_banso_json_get_string (main_form, "ws")) : NULL);
      for (i = 0; i < self->form_langs->len; i++)
        add_cell (row, first ? forms_of_ws (forms, g_ptr_array_index (self->form_langs, i), 1)
                             : NULL);
      {
        g_autoptr(GString) ipa = g_string_new (NULL);
        const char *audio = NULL;

        for (i = 0; first && prons != NULL && i < json_array_get_length (prons); i++)
          {
            JsonObject *pron = _banso_json_array_get_object (prons, i);
            g_autofree char *text = forms_of_ws (_banso_json_get_array (pron, "forms"), NULL, 0);

            if (*text != '\0')
              g_string_append_printf (ipa, "%s%s", ipa->len > 0 ? "; " : "", text);
            if (audio == NULL)
              audio = _banso_json_get_string (_banso_json_array_get_object (
                                                _banso_json_get_array (pron, "media"), 0), "href");
          }
        add_cell (row, g_strdup (ipa->str));
        add_cell (row, g_strdup (audio));
      }
      {
        g_autoptr(GString) variants = g_string_new (NULL);
        JsonArray *array = _banso_json_get_array (entry, "variants");

        for (i = 0; first && array != NULL && i < json_array_get_length (array); i++)
          {
            g_autofree char *text = forms_of_ws (_banso_json_get_array (
                                                   _banso_json_array_get_object (array, i),
                                                   "forms"), NULL, 0);

            if (*text != '\0')
              g_string_append_printf (variants, "%s%s", variants->len > 0 ? "; " : "", text);
          }
        add_cell (row, g_strdup (variants->str));
      }
      if (pos == NULL && first)
        pos = _banso_json_get_string (entry, "pos");
      add_cell (row, g_strdup (pos));
      for (i = 0; i < self->gloss_langs->len; i++)
        add_cell (row, forms_of_ws (_banso_json_get_array (sense, "glosses"),
                                    g_ptr_array_index (self->gloss_langs, i), 0));
      for (i = 0; i < self->gloss_langs->len; i++)
        add_cell (row, forms_of_ws (_banso_json_get_array (sense, "definitions"),
                                    g_ptr_array_index (self->gloss_langs, i), 0));
      add_cell (row, g_strdup (_banso_json_multitext_first (_banso_json_get_array (example,
                                                                                   "forms"))));
      for (i = 0; i < self->gloss_langs->len; i++)
        add_cell (row, forms_of_ws (_banso_json_get_array (_banso_json_array_get_object (
                                                             translations, 0), "forms"),
                                    g_ptr_array_index (self->gloss_langs, i), 0));
      {
        JsonArray *domains = _banso_json_get_array (sense, "domains");
        g_autoptr(GString) joined = g_string_new (NULL);

        for (i = 0; domains != NULL && i < json_array_get_length (domains); i++)
          {
            const char *d = _banso_json_array_get_string (domains, i);

            if (d != NULL)
              g_string_append_printf (joined, "%s%s", joined->len > 0 ? "; " : "", d);
          }
        add_cell (row, g_strdup (joined->str));
      }
      for (i = 0; i < self->gloss_langs->len; i++)
        {
          JsonArray *notes = _banso_json_get_array (sense, "notes");
          g_autoptr(GString) joined = g_string_new (NULL);
          guint j;

          for (j = 0; notes != NULL && j < json_array_get_length (notes); j++)
            {
              g_autofree char *text = forms_of_ws (_banso_json_get_array (
                                                     _banso_json_array_get_object (notes, j),
                                                     "forms"),
                                                   g_ptr_array_index (self->gloss_langs, i), 0);

              if (*text != '\0')
                g_string_append_printf (joined, "%s%s", joined->len > 0 ? " " : "", text);
            }
          add_cell (row, g_strdup (joined->str));
        }
      add_cell (row, g_strdup (_banso_json_get_string (_banso_json_array_get_object (
                                 _banso_json_get_array (sense, "pictures"), 0), "href")));

      banso_csv_append_row (self->buf, (const char * const *)row->pdata, row->len, ',');
    }
  return _banso_dict_out_write (&self->out, self->buf->str, self->buf->len, error);
}

static gboolean
csv_finish (BansoDictWriter  *writer,
            GError          **error)
{
  CsvWriter *self = (CsvWriter *)writer;

  return _banso_dict_out_commit (&self->out, error);
}

static void
csv_free (BansoDictWriter *writer)
{
  CsvWriter *self = (CsvWriter *)writer;

  _banso_dict_out_abort (&self->out);
  g_clear_pointer (&self->gloss_langs, g_ptr_array_unref);
  g_clear_pointer (&self->form_langs, g_ptr_array_unref);
  if (self->buf != NULL)
    g_string_free (self->buf, TRUE);
}

const BansoDictWriterClass _banso_dict_csv_writer_class = {
  sizeof (CsvWriter),
  csv_open,
  csv_add,
  csv_finish,
  csv_free,
};
