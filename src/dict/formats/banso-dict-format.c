/* banso-dict-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-dict"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "banso-dict-format-private.h"

G_DEFINE_QUARK (banso-dict-format-error-quark, banso_dict_format_error)

static gboolean
has_suffix_ci (const char *name,
               const char *suffix)
{
  gsize n = strlen (name);
  gsize m = strlen (suffix);

  return n >= m && g_ascii_strcasecmp (name + n - m, suffix) == 0;
}

static gboolean
sibling_exists (const char *path,
                const char *strip,
                const char *add)
{
  g_autofree char *base = g_strndup (path, strlen (path) - strlen (strip));
  g_autofree char *other = g_strconcat (base, add, NULL);

  return g_file_test (other, G_FILE_TEST_EXISTS);
}

static BansoDictFormat
sniff (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, NULL);
  char buf[1024];
  gssize n;

  if (in == NULL)
    return BANSO_DICT_FORMAT_UNKNOWN;
  n = g_input_stream_read (G_INPUT_STREAM (in), buf, sizeof buf - 1, NULL, NULL);
  if (n <= 0)
    return BANSO_DICT_FORMAT_UNKNOWN;
  buf[n] = '\0';
  if (g_str_has_prefix (buf, "StarDict's dict ifo file"))
    return BANSO_DICT_FORMAT_STARDICT;
  if (strstr (buf, "<lift") != NULL)
    return BANSO_DICT_FORMAT_LIFT;
  return BANSO_DICT_FORMAT_UNKNOWN;
}

/**
 * banso_dict_format_guess:
 * @path: any file of a dictionary (a StarDict dictionary by any of its files)
 *
 * Guesses the format from the name of the file and the files beside it,
 * then from its first bytes.
 */
BansoDictFormat
banso_dict_format_guess (const char *path)
{
  g_return_val_if_fail (path != NULL, BANSO_DICT_FORMAT_UNKNOWN);

  if (has_suffix_ci (path, ".lift"))
    return BANSO_DICT_FORMAT_LIFT;
  if (has_suffix_ci (path, ".ifo") || has_suffix_ci (path, ".idx")
      || has_suffix_ci (path, ".idx.gz") || has_suffix_ci (path, ".syn"))
    return BANSO_DICT_FORMAT_STARDICT;
  if (has_suffix_ci (path, ".index"))
    return BANSO_DICT_FORMAT_DICTD;
  if (has_suffix_ci (path, ".csv") || has_suffix_ci (path, ".tsv"))
    return BANSO_DICT_FORMAT_CSV;
  if (has_suffix_ci (path, ".dict.dz") || has_suffix_ci (path, ".dict"))
    {
      const char *strip = has_suffix_ci (path, ".dz") ? ".dict.dz" : ".dict";

      if (sibling_exists (path, strip, ".ifo"))
        return BANSO_DICT_FORMAT_STARDICT;
      if (sibling_exists (path, strip, ".index"))
        return BANSO_DICT_FORMAT_DICTD;
    }

  return sniff (path);
}

gboolean
_banso_dict_sink_emit (BansoDictSink  *sink,
                       JsonObject     *entry,
                       guint64         done,
                       guint64         total,
                       GError        **error)
{
  if (g_cancellable_set_error_if_cancelled (sink->cancellable, error))
    return FALSE;
  if (sink->func != NULL && !sink->func (entry, sink->user_data, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                             _("Reading the dictionary was stopped"));
      return FALSE;
    }
  if (sink->progress != NULL)
    sink->progress (done, total, sink->user_data);
  return TRUE;
}

/**
 * banso_dict_read:
 *
 * See banso-dict-format.h. @format may be %BANSO_DICT_FORMAT_UNKNOWN, to
 * guess it.
 */
gboolean
banso_dict_read (const char             *path,
                 BansoDictFormat         format,
                 JsonObject            **info_out,
                 BansoDictEntryFunc      func,
                 BansoDictProgressFunc   progress,
                 gpointer                user_data,
                 GCancellable           *cancellable,
                 GError                **error)
{
  BansoDictSink sink = { func, progress, user_data, cancellable };
  g_autoptr(JsonObject) info = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (info_out != NULL)
    *info_out = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MISSING,
                   _("File %s does not exist"), path);
      return FALSE;
    }

  if (format == BANSO_DICT_FORMAT_UNKNOWN)
    format = banso_dict_format_guess (path);

  switch (format)
    {
    case BANSO_DICT_FORMAT_LIFT:
      ok = _banso_dict_read_lift (path, &info, &sink, error);
      break;
    case BANSO_DICT_FORMAT_STARDICT:
      ok = _banso_dict_read_stardict (path, &info, &sink, error);
      break;
    case BANSO_DICT_FORMAT_DICTD:
      ok = _banso_dict_read_dictd (path, &info, &sink, error);
      break;
    case BANSO_DICT_FORMAT_CSV:
      ok = _banso_dict_read_csv (path, &info, &sink, error);
      break;
    case BANSO_DICT_FORMAT_UNKNOWN:
    default:
      g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_UNSUPPORTED,
                   _("File %s is not a dictionary Banso can read (LIFT, StarDict, dictd or CSV)"),
                   path);
      return FALSE;
    }

  if (ok && info_out != NULL)
    *info_out = g_steal_pointer (&info);
  return ok;
}

/* Writers */

BansoDictWriter *
banso_dict_writer_new (const char       *path,
                       BansoDictFormat   format,
                       JsonObject       *info,
                       GError          **error)
{
  const BansoDictWriterClass *klass;
  BansoDictWriter *writer;
  g_autoptr(JsonObject) empty = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (format == BANSO_DICT_FORMAT_UNKNOWN)
    format = banso_dict_format_guess (path);

  switch (format)
    {
    case BANSO_DICT_FORMAT_LIFT:
      klass = &_banso_dict_lift_writer_class;
      break;
    case BANSO_DICT_FORMAT_STARDICT:
      klass = &_banso_dict_stardict_writer_class;
      break;
    case BANSO_DICT_FORMAT_CSV:
      klass = &_banso_dict_csv_writer_class;
      break;
    case BANSO_DICT_FORMAT_DICTD:
    case BANSO_DICT_FORMAT_UNKNOWN:
    default:
      g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_UNSUPPORTED,
                   _("Banso cannot write %s: it writes LIFT (.lift), StarDict (.ifo) and CSV (.csv)"),
                   path);
      return NULL;
    }

  if (info == NULL)
    info = empty = json_object_new ();

  writer = g_malloc0 (klass->size);
  writer->klass = klass;
  writer->path = g_strdup (path);
  if (!klass->open (writer, info, error))
    {
      banso_dict_writer_free (writer);
      return NULL;
    }
  return writer;
}

gboolean
banso_dict_writer_add (BansoDictWriter  *writer,
                       JsonObject       *entry,
                       GError          **error)
{
  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);
  g_return_val_if_fail (!writer->finished, FALSE);

  if (!writer->klass->add (writer, entry, error))
    return FALSE;
  writer->n_entries++;
  return TRUE;
}

gboolean
banso_dict_writer_finish (BansoDictWriter  *writer,
                          GError          **error)
{
  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (!writer->finished, FALSE);

  writer->finished = TRUE;
  return writer->klass->finish (writer, error);
}

void
banso_dict_writer_free (BansoDictWriter *writer)
{
  if (writer == NULL)
    return;
  writer->klass->free (writer);
  g_free (writer->path);
  g_free (writer);
}

/* Output files */

gboolean
_banso_dict_out_open (BansoDictOut  *out,
                      const char    *path,
                      GError       **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmpl = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  int fd;

  memset (out, 0, sizeof *out);
  fd = g_mkstemp (tmpl);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  out->fp = fdopen (fd, "wb");
  if (out->fp == NULL)
    {
      int saved = errno;

      close (fd);
      g_unlink (tmpl);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  out->path = g_strdup (path);
  out->tmp_path = g_steal_pointer (&tmpl);
  return TRUE;
}

gboolean
_banso_dict_out_write (BansoDictOut  *out,
                       const void    *data,
                       gsize          len,
                       GError       **error)
{
  g_assert (out->fp != NULL);

  if (len > 0 && fwrite (data, 1, len, out->fp) != len)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write %s: %s"), out->path, g_strerror (saved));
      return FALSE;
    }
  out->written += len;
  return TRUE;
}

gboolean
_banso_dict_out_close (BansoDictOut  *out,
                       GError       **error)
{
  int failed;
  int saved;

  if (out->fp == NULL)
    return TRUE;
  failed = fflush (out->fp) != 0 || fsync (fileno (out->fp)) != 0;
  saved = errno;
  failed |= fclose (out->fp) != 0;
  out->fp = NULL;
  if (failed)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write %s: %s"), out->path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
_banso_dict_out_commit (BansoDictOut  *out,
                        GError       **error)
{
  if (!_banso_dict_out_close (out, error))
    return FALSE;
  if (g_rename (out->tmp_path, out->path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write %s: %s"), out->path, g_strerror (saved));
      return FALSE;
    }
  g_clear_pointer (&out->tmp_path, g_free);
  g_clear_pointer (&out->path, g_free);
  return TRUE;
}

void
_banso_dict_out_abort (BansoDictOut *out)
{
  if (out->fp != NULL)
    fclose (out->fp);
  out->fp = NULL;
  if (out->tmp_path != NULL)
    g_unlink (out->tmp_path);
  g_clear_pointer (&out->tmp_path, g_free);
  g_clear_pointer (&out->path, g_free);
}

/* JSON helpers */

const char *
_banso_json_get_string (JsonObject *obj,
                        const char *member)
{
  JsonNode *node = obj != NULL ? json_object_get_member (obj, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

JsonArray *
_banso_json_get_array (JsonObject *obj,
                       const char *member)
{
  JsonNode *node = obj != NULL ? json_object_get_member (obj, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

JsonObject *
_banso_json_get_object (JsonObject *obj,
                        const char *member)
{
  JsonNode *node = obj != NULL ? json_object_get_member (obj, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

gboolean
_banso_json_get_int (JsonObject *obj,
                     const char *member,
                     gint64     *value)
{
  JsonNode *node = obj != NULL ? json_object_get_member (obj, member) : NULL;
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *value = json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *value = (gint64)json_node_get_double (node);
  else
    return FALSE;
  return TRUE;
}

JsonObject *
_banso_json_array_get_object (JsonArray *array,
                              guint      i)
{
  JsonNode *node = array != NULL && i < json_array_get_length (array)
                   ? json_array_get_element (array, i) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

const char *
_banso_json_array_get_string (JsonArray *array,
                              guint      i)
{
  JsonNode *node = array != NULL && i < json_array_get_length (array)
                   ? json_array_get_element (array, i) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

JsonArray *
_banso_json_ensure_array (JsonObject *obj,
                          const char *member)
{
  JsonArray *array = _banso_json_get_array (obj, member);

  if (array == NULL)
    {
      array = json_array_new ();
      json_object_set_array_member (obj, member, array);
    }
  return array;
}

void
_banso_json_add_form (JsonArray  *multitext,
                      const char *ws,
                      const char *text)
{
  JsonObject *form = json_object_new ();

  json_object_set_string_member (form, "ws", ws);
  json_object_set_string_member (form, "text", text);
  json_array_add_object_element (multitext, form);
}

const char *
_banso_json_multitext_first (JsonArray *multitext)
{
  if (multitext == NULL || json_array_get_length (multitext) == 0)
    return NULL;
  return _banso_json_get_string (_banso_json_array_get_object (multitext, 0), "text");
}

char *
_banso_lang_of_ws (const char *ws)
{
  const char *dash;

  if (ws == NULL || *ws == '\0')
    return g_strdup ("und");
  dash = strchr (ws, '-');
  return dash != NULL ? g_strndup (ws, dash - ws) : g_strdup (ws);
}

char *
_banso_text_sanitize (const char *text,
                      gssize      len)
{
  GString *out;
  const char *p;
  const char *end;

  if (len < 0)
    len = strlen (text);
  out = g_string_sized_new (len);
  p = text;
  end = text + len;
  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar)-1 || c == (gunichar)-2)
        {
          g_string_append (out, "\xEF\xBF\xBD");
          p++;
          continue;
        }
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        g_string_append (out, "\xEF\xBF\xBD");
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

static void
append_entity (GString    *out,
               const char *name,
               gsize       len)
{
  static const struct { const char *name; const char *text; } named[] = {
    { "lt", "<" }, { "gt", ">" }, { "amp", "&" }, { "quot", "\"" }, { "apos", "'" },
    { "nbsp", "\xC2\xA0" },
  };
  guint i;

  if (len > 1 && name[0] == '#')
    {
      g_autofree char *num = g_strndup (name + 1, len - 1);
      guint64 c;

      if (num[0] == 'x' || num[0] == 'X')
        c = g_ascii_strtoull (num + 1, NULL, 16);
      else
        c = g_ascii_strtoull (num, NULL, 10);
      if (c > 0 && c < 0x110000 && g_unichar_validate ((gunichar)c))
        {
          g_string_append_unichar (out, (gunichar)c);
          return;
        }
    }
  for (i = 0; i < G_N_ELEMENTS (named); i++)
    {
      if (strlen (named[i].name) == len && strncmp (named[i].name, name, len) == 0)
        {
          g_string_append (out, named[i].text);
          return;
        }
    }
  g_string_append_c (out, '&');
  g_string_append_len (out, name, len);
  g_string_append_c (out, ';');
}

char *
_banso_markup_to_text (const char *markup)
{
  GString *out = g_string_new (NULL);
  const char *p = markup;

  while (*p != '\0')
    {
      if (*p == '<')
        {
          const char *close = strchr (p, '>');
          gsize n;

          if (close == NULL)
            break;
          n = close - p;
          /* Line breaks and paragraphs end lines; other tags vanish. */
          if (g_ascii_strncasecmp (p, "<br", 3) == 0 || g_ascii_strncasecmp (p, "</p", 3) == 0
              || g_ascii_strncasecmp (p, "</div", 5) == 0 || g_ascii_strncasecmp (p, "</li", 4) == 0)
            g_string_append_c (out, '\n');
          p += n + 1;
        }
      else if (*p == '&')
        {
          const char *semi = strchr (p, ';');

          if (semi != NULL && semi - p <= 10)
            {
              append_entity (out, p + 1, semi - p - 1);
              p = semi + 1;
            }
          else
            {
              g_string_append_c (out, '&');
              p++;
            }
        }
      else
        {
          g_string_append_c (out, *p++);
        }
    }
  return g_string_free (out, FALSE);
}
