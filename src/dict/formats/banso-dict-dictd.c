/* banso-dict-dictd.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-dict"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "banso-dict-format-private.h"

/*
 * dictd: each line of the .index is "headword TAB offset TAB length", the
 * numbers in dictd's base 64 (A–Z a–z 0–9 + /, most significant digit
 * first), with an optional fourth column holding the headword as written
 * when the first is folded. Articles are in the .dict or the .dict.dz
 * (dictzip, read by chunks). Each line gives an entry with the article as
 * the definition of one sense (writing system "und": dictd does not say);
 * the 00-database-… articles describe the dictionary and go to the info
 * (short → title, info → description, the others to "extra").
 */

static const char b64_digits[] =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static gboolean
decode_b64 (const char *text,
            guint64    *value)
{
  guint64 v = 0;
  const char *p;

  if (*text == '\0' || strlen (text) > 10)
    return FALSE;
  for (p = text; *p != '\0'; p++)
    {
      const char *d = *p != '\0' ? strchr (b64_digits, *p) : NULL;

      if (d == NULL)
        return FALSE;
      v = (v << 6) | (guint64)(d - b64_digits);
    }
  *value = v;
  return TRUE;
}

static char *
strip_suffix (const char *path)
{
  static const char * const suffixes[] = { ".index", ".dict.dz", ".dict", NULL };
  guint i;

  for (i = 0; suffixes[i] != NULL; i++)
    {
      if (g_str_has_suffix (path, suffixes[i]))
        return g_strndup (path, strlen (path) - strlen (suffixes[i]));
    }
  return g_strdup (path);
}

/* The text of an article without its first line when that line is only the
 * headword, as dictfmt writes the 00-database-… articles. */
static char *
article_body (const char *article,
              const char *headword)
{
  const char *nl = strchr (article, '\n');
  g_autofree char *first = nl != NULL ? g_strndup (article, nl - article) : g_strdup (article);

  g_strstrip (first);
  if (strcmp (first, headword) == 0 || g_str_has_prefix (first, "00-database-")
      || g_str_has_prefix (first, "00database"))
    return g_strstrip (g_strdup (nl != NULL ? nl + 1 : ""));
  return g_strstrip (g_strdup (article));
}

static gboolean
malformed_line (GError     **error,
                const char  *path,
                guint        line,
                const char  *what)
{
  g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
               _("File %s, line %u: %s"), path, line, what);
  return FALSE;
}

gboolean
_banso_dict_read_dictd (const char     *path,
                        JsonObject    **info_out,
                        BansoDictSink  *sink,
                        GError        **error)
{
  g_autofree char *base = strip_suffix (path);
  g_autofree char *index_path = g_strconcat (base, ".index", NULL);
  g_autofree char *dict_path = g_strconcat (base, ".dict.dz", NULL);
  g_autoptr(GFile) index_file = g_file_new_for_path (index_path);
  g_autoptr(GFileInputStream) raw = NULL;
  g_autoptr(GDataInputStream) in = NULL;
  g_autoptr(BansoDictData) data = NULL;
  g_autoptr(GFileInfo) finfo = NULL;
  g_autoptr(JsonObject) info = json_object_new ();
  JsonObject *extra = json_object_new ();
  guint64 total = 0;
  guint64 done = 0;
  guint64 dict_size;
  guint line_no = 0;

  json_object_set_object_member (info, "extra", extra);

  if (!g_file_test (index_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MISSING,
                   _("File %s does not exist: a dictd dictionary needs it"), index_path);
      return FALSE;
    }
  if (!g_file_test (dict_path, G_FILE_TEST_IS_REGULAR))
    {
      g_free (dict_path);
      dict_path = g_strconcat (base, ".dict", NULL);
    }
  if (!g_file_test (dict_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MISSING,
                   _("File %s.dict.dz does not exist (nor %s.dict): a dictd dictionary needs it"),
                   base, base);
      return FALSE;
    }

  data = _banso_dict_data_open (dict_path, sink->cancellable, error);
  if (data == NULL)
    return FALSE;
  dict_size = _banso_dict_data_get_size (data);

  raw = g_file_read (index_file, sink->cancellable, error);
  if (raw == NULL)
    return FALSE;
  finfo = g_file_query_info (index_file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                             NULL, NULL);
  if (finfo != NULL)
    total = g_file_info_get_size (finfo);
  in = g_data_input_stream_new (G_INPUT_STREAM (raw));
  g_data_input_stream_set_newline_type (in, G_DATA_STREAM_NEWLINE_TYPE_ANY);

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      gsize len;
      g_autofree char *line = g_data_input_stream_read_line (in, &len, sink->cancellable,
                                                             &local_error);
      g_auto(GStrv) cols = NULL;
      g_autofree char *article = NULL;
      g_autofree char *head = NULL;
      guint64 offset;
      guint64 size;

      if (line == NULL)
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          break;
        }
      line_no++;
      done += len + 1;
      if (len == 0)
        continue;
      if (!g_utf8_validate_len (line, len, NULL) || memchr (line, '\0', len) != NULL)
        return malformed_line (error, index_path, line_no, _("the line is not UTF-8 text"));

      cols = g_strsplit (line, "\t", 5);
      if (g_strv_length (cols) < 3)
        return malformed_line (error, index_path, line_no,
                               _("the line does not have a headword, an offset and a length "
                                 "separated by tabs"));
      if (!decode_b64 (cols[1], &offset) || !decode_b64 (cols[2], &size))
        return malformed_line (error, index_path, line_no,
                               _("the offset or the length is not a dictd number"));
      if (offset > dict_size || size > dict_size - offset || size > G_MAXUINT32)
        {
          g_autofree char *what = g_strdup_printf (_("the article at offset %llu of %llu bytes ends past "
                                                     "the end of %s (%llu bytes)"),
                                                   (unsigned long long)offset, (unsigned long long)size, dict_path,
                                                   (unsigned long long)dict_size);

          return malformed_line (error, index_path, line_no, what);
        }

      article = _banso_dict_data_read (data, offset, size, error);
      if (article == NULL)
        return FALSE;
      head = g_strdup (cols[3] != NULL && *cols[3] != '\0' ? cols[3] : cols[0]);
      /* dictfmt leaves a headword out of the index when none of its letters
       * is one it indexes (Tai Viet, Cham…): the article's first line has it. */
      if (*g_strstrip (head) == '\0')
        {
          const char *nl = strchr (article, '\n');

          g_free (head);
          head = _banso_text_sanitize (article, nl != NULL ? (gsize)(nl - article) : size);
          g_strstrip (head);
          if (*head == '\0')
            return malformed_line (error, index_path, line_no, _("the headword is empty"));
        }

      if (g_str_has_prefix (cols[0], "00-database-") || g_str_has_prefix (cols[0], "00database"))
        {
          g_autofree char *clean = _banso_text_sanitize (article, size);
          g_autofree char *body = article_body (clean, cols[0]);

          if (strcmp (cols[0], "00-database-short") == 0 || strcmp (cols[0], "00databaseshort") == 0)
            json_object_set_string_member (info, "title", body);
          else if (strcmp (cols[0], "00-database-info") == 0 || strcmp (cols[0], "00databaseinfo") == 0)
            json_object_set_string_member (info, "description", body);
          else
            json_object_set_string_member (extra, cols[0], body);
          if (sink->progress != NULL)
            sink->progress (done, total, sink->user_data);
          continue;
        }

      {
        g_autoptr(JsonObject) entry = json_object_new ();
        JsonArray *forms = json_array_new ();
        JsonArray *senses = json_array_new ();
        JsonObject *sense = json_object_new ();
        JsonArray *definitions = json_array_new ();
        g_autofree char *clean = _banso_text_sanitize (article, size);

        _banso_json_add_form (forms, "und", head);
        json_object_set_array_member (entry, "forms", forms);
        g_strchomp (clean);
        _banso_json_add_form (definitions, "und", clean);
        json_object_set_array_member (sense, "definitions", definitions);
        json_array_add_object_element (senses, sense);
        json_object_set_array_member (entry, "senses", senses);
        if (!_banso_dict_sink_emit (sink, entry, done, total, error))
          return FALSE;
      }
    }

  if (!json_object_has_member (info, "title"))
    {
      g_autofree char *name = g_path_get_basename (base);

      json_object_set_string_member (info, "title", name);
    }
  *info_out = g_steal_pointer (&info);
  return TRUE;
}
