/* banso-webvtt.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The WebVTT file parser, step by step as the W3C "WebVTT parser algorithm" says: the
 * signature, the header, blocks of cues, regions and style sheets, cue timings and settings.
 * Text is normalised first (NUL to U+FFFD, CR LF and CR to LF, no BOM); text that is not
 * UTF-8 is refused rather than guessed, with the offset of the first bad byte. */

#define G_LOG_DOMAIN "banso-webvtt"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "banso-webvtt-private.h"

G_DEFINE_QUARK (banso-webvtt-error-quark, banso_webvtt_error)

typedef struct
{
  const char   *s;      /* normalised input */
  gsize         len;
  gsize         pos;
  BansoVttFile *file;
  gboolean      seen_cue;
} Parser;

gboolean
_banso_vtt_is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

void
banso_vtt_cue_free (BansoVttCue *cue)
{
  if (cue == NULL)
    return;
  g_free (cue->id);
  g_free (cue->text);
  g_free (cue->settings);
  g_clear_pointer (&cue->region, banso_vtt_region_unref);
  g_free (cue);
}

BansoVttRegion *
banso_vtt_region_ref (BansoVttRegion *region)
{
  g_atomic_int_inc (&region->ref_count);
  return region;
}

void
banso_vtt_region_unref (BansoVttRegion *region)
{
  if (g_atomic_int_dec_and_test (&region->ref_count))
    {
      g_free (region->id);
      g_free (region);
    }
}

void
banso_vtt_file_free (BansoVttFile *file)
{
  if (file == NULL)
    return;
  g_ptr_array_unref (file->cues);
  g_ptr_array_unref (file->regions);
  g_ptr_array_unref (file->stylesheets);
  g_free (file);
}

static BansoVttFile *
vtt_file_new (void)
{
  BansoVttFile *file = g_new0 (BansoVttFile, 1);

  file->cues = g_ptr_array_new_with_free_func ((GDestroyNotify) banso_vtt_cue_free);
  file->regions = g_ptr_array_new_with_free_func ((GDestroyNotify) banso_vtt_region_unref);
  file->stylesheets = g_ptr_array_new_with_free_func (g_free);
  return file;
}

/* "Collect a WebVTT timestamp" from s at *pos. */
gboolean
_banso_vtt_parse_timestamp (const char *s,
                            gsize      *pos,
                            gint64     *ms)
{
  gsize p = *pos;
  gboolean hours_first = FALSE;
  guint64 v1 = 0, v2 = 0, v3 = 0, v4 = 0;
  gsize start, n;

  if (!g_ascii_isdigit (s[p]))
    return FALSE;
  start = p;
  while (g_ascii_isdigit (s[p]))
    {
      if (v1 < G_MAXUINT32)
        v1 = v1 * 10 + (s[p] - '0');
      p++;
    }
  n = p - start;
  if (n != 2 || v1 > 59)
    hours_first = TRUE;
  if (s[p] != ':')
    return FALSE;
  p++;
  start = p;
  while (g_ascii_isdigit (s[p]))
    v2 = v2 * 10 + (s[p++] - '0');
  if (p - start != 2)
    return FALSE;
  if (hours_first || s[p] == ':')
    {
      if (s[p] != ':')
        return FALSE;
      p++;
      start = p;
      while (g_ascii_isdigit (s[p]))
        v3 = v3 * 10 + (s[p++] - '0');
      if (p - start != 2)
        return FALSE;
    }
  else
    {
      v3 = v2;
      v2 = v1;
      v1 = 0;
    }
  if (s[p] != '.')
    return FALSE;
  p++;
  start = p;
  while (g_ascii_isdigit (s[p]))
    v4 = v4 * 10 + (s[p++] - '0');
  if (p - start != 3)
    return FALSE;
  if (v2 > 59 || v3 > 59)
    return FALSE;

  *ms = (gint64) (((v1 * 60 + v2) * 60 + v3) * 1000 + v4);
  *pos = p;
  return TRUE;
}

/* "Parse a percentage string": digits, optionally a fraction, then %, 0 to 100. */
static gboolean
parse_percentage (const char *s,
                  double     *value)
{
  gsize i = 0, len = strlen (s);
  gboolean digits = FALSE;
  double v;

  if (len < 2 || s[len - 1] != '%')
    return FALSE;
  while (g_ascii_isdigit (s[i]))
    {
      i++;
      digits = TRUE;
    }
  if (!digits)
    return FALSE;
  if (s[i] == '.')
    {
      i++;
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      while (g_ascii_isdigit (s[i]))
        i++;
    }
  if (i != len - 1)
    return FALSE;
  v = g_ascii_strtod (s, NULL);
  if (v < 0 || v > 100)
    return FALSE;
  *value = v;
  return TRUE;
}

static char **
split_spaces (const char *s)
{
  GPtrArray *parts = g_ptr_array_new ();
  const char *p = s;

  while (*p)
    {
      const char *start;

      while (*p && _banso_vtt_is_space (*p))
        p++;
      if (!*p)
        break;
      start = p;
      while (*p && !_banso_vtt_is_space (*p))
        p++;
      g_ptr_array_add (parts, g_strndup (start, p - start));
    }
  g_ptr_array_add (parts, NULL);
  return (char **) g_ptr_array_free (parts, FALSE);
}

/* Splits "name:value" at the first colon; FALSE when the colon is missing, first or last. */
static gboolean
split_setting (const char  *setting,
               char       **name,
               const char **value)
{
  const char *colon = strchr (setting, ':');

  if (colon == NULL || colon == setting || colon[1] == '\0')
    return FALSE;
  *name = g_strndup (setting, colon - setting);
  *value = colon + 1;
  return TRUE;
}

static gboolean
parse_line_position (const char *linepos,
                     double     *number,
                     gboolean   *percent)
{
  gsize i, len = strlen (linepos);
  gboolean digit = FALSE;
  guint dots = 0;

  for (i = 0; i < len; i++)
    {
      char c = linepos[i];

      if (g_ascii_isdigit (c))
        digit = TRUE;
      else if (c == '-' && i != 0)
        return FALSE;
      else if (c == '%' && i != len - 1)
        return FALSE;
      else if (c == '.')
        dots++;
      else if (c != '-' && c != '%')
        return FALSE;
    }
  if (!digit || len == 0)
    return FALSE;
  if (linepos[len - 1] == '%')
    {
      *percent = TRUE;
      return parse_percentage (linepos, number);
    }
  if (dots > 1)
    return FALSE;
  /* A real number: a dot must have digits on both sides. */
  {
    const char *dot = strchr (linepos, '.');

    if (dot != NULL && (!g_ascii_isdigit (dot[1]) || dot == linepos
                        || !g_ascii_isdigit (dot[-1])))
      return FALSE;
  }
  *percent = FALSE;
  *number = g_ascii_strtod (linepos, NULL);
  return TRUE;
}

static void
parse_cue_settings (Parser      *parser,
                    BansoVttCue *cue,
                    const char  *input)
{
  g_auto(GStrv) settings = split_spaces (input);

  for (guint i = 0; settings[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      const char *value;

      if (!split_setting (settings[i], &name, &value))
        continue;

      if (g_str_equal (name, "region"))
        {
          BansoVttRegion *found = NULL;

          for (guint r = parser->file->regions->len; r > 0; r--)
            {
              BansoVttRegion *region = g_ptr_array_index (parser->file->regions, r - 1);

              if (g_strcmp0 (region->id, value) == 0)
                {
                  found = region;
                  break;
                }
            }
          g_clear_pointer (&cue->region, banso_vtt_region_unref);
          if (found != NULL)
            cue->region = banso_vtt_region_ref (found);
        }
      else if (g_str_equal (name, "vertical"))
        {
          if (g_str_equal (value, "rl"))
            cue->vertical = BANSO_VTT_VERTICAL_RL;
          else if (g_str_equal (value, "lr"))
            cue->vertical = BANSO_VTT_VERTICAL_LR;
        }
      else if (g_str_equal (name, "line"))
        {
          g_autofree char *linepos = NULL;
          const char *comma = strchr (value, ',');
          const char *linealign = NULL;
          BansoVttLineAlign align = BANSO_VTT_LINE_ALIGN_START;
          double number;
          gboolean percent;

          if (comma != NULL)
            {
              linepos = g_strndup (value, comma - value);
              linealign = comma + 1;
            }
          else
            linepos = g_strdup (value);

          if (!parse_line_position (linepos, &number, &percent))
            continue;
          if (linealign != NULL)
            {
              if (g_str_equal (linealign, "start"))
                align = BANSO_VTT_LINE_ALIGN_START;
              else if (g_str_equal (linealign, "center"))
                align = BANSO_VTT_LINE_ALIGN_CENTER;
              else if (g_str_equal (linealign, "end"))
                align = BANSO_VTT_LINE_ALIGN_END;
              else
                continue;
            }
          cue->line_auto = FALSE;
          cue->line = number;
          cue->snap_to_lines = !percent;
          cue->line_align = align;
        }
      else if (g_str_equal (name, "position"))
        {
          g_autofree char *colpos = NULL;
          const char *comma = strchr (value, ',');
          const char *colalign = NULL;
          BansoVttPositionAlign align = BANSO_VTT_POSITION_ALIGN_AUTO;
          double number;

          if (comma != NULL)
            {
              colpos = g_strndup (value, comma - value);
              colalign = comma + 1;
            }
          else
            colpos = g_strdup (value);

          if (!parse_percentage (colpos, &number))
            continue;
          if (colalign != NULL)
            {
              if (g_str_equal (colalign, "line-left"))
                align = BANSO_VTT_POSITION_ALIGN_LINE_LEFT;
              else if (g_str_equal (colalign, "center"))
                align = BANSO_VTT_POSITION_ALIGN_CENTER;
              else if (g_str_equal (colalign, "line-right"))
                align = BANSO_VTT_POSITION_ALIGN_LINE_RIGHT;
              else
                continue;
            }
          cue->position_auto = FALSE;
          cue->position = number;
          cue->position_align = align;
        }
      else if (g_str_equal (name, "size"))
        {
          double number;

          if (parse_percentage (value, &number))
            cue->size = number;
        }
      else if (g_str_equal (name, "align"))
        {
          if (g_str_equal (value, "start"))
            cue->align = BANSO_VTT_ALIGN_START;
          else if (g_str_equal (value, "center"))
            cue->align = BANSO_VTT_ALIGN_CENTER;
          else if (g_str_equal (value, "end"))
            cue->align = BANSO_VTT_ALIGN_END;
          else if (g_str_equal (value, "left"))
            cue->align = BANSO_VTT_ALIGN_LEFT;
          else if (g_str_equal (value, "right"))
            cue->align = BANSO_VTT_ALIGN_RIGHT;
        }
    }
}

/* "Collect WebVTT cue timings and settings"; FALSE when the line is not a timing line. */
static gboolean
parse_timings (Parser      *parser,
               BansoVttCue *cue,
               const char  *line)
{
  gsize p = 0;

  while (_banso_vtt_is_space (line[p]))
    p++;
  if (!_banso_vtt_parse_timestamp (line, &p, &cue->start_ms))
    return FALSE;
  while (_banso_vtt_is_space (line[p]))
    p++;
  if (strncmp (line + p, "-->", 3) != 0)
    return FALSE;
  p += 3;
  while (_banso_vtt_is_space (line[p]))
    p++;
  if (!_banso_vtt_parse_timestamp (line, &p, &cue->end_ms))
    return FALSE;
  cue->settings = g_strdup (line + p);
  parse_cue_settings (parser, cue, line + p);
  return TRUE;
}

static BansoVttRegion *
parse_region (const char *input)
{
  g_auto(GStrv) settings = split_spaces (input);
  BansoVttRegion *region = g_new0 (BansoVttRegion, 1);

  region->ref_count = 1;
  region->id = g_strdup ("");
  region->width = 100;
  region->lines = 3;
  region->region_anchor_x = 0;
  region->region_anchor_y = 100;
  region->viewport_anchor_x = 0;
  region->viewport_anchor_y = 100;

  for (guint i = 0; settings[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      const char *value;

      if (!split_setting (settings[i], &name, &value))
        continue;

      if (g_str_equal (name, "id"))
        {
          g_free (region->id);
          region->id = g_strdup (value);
        }
      else if (g_str_equal (name, "width"))
        {
          double number;

          if (parse_percentage (value, &number))
            region->width = number;
        }
      else if (g_str_equal (name, "lines"))
        {
          const char *p = value;

          while (g_ascii_isdigit (*p))
            p++;
          if (*p == '\0')
            region->lines = g_ascii_strtod (value, NULL);
        }
      else if (g_str_equal (name, "regionanchor") || g_str_equal (name, "viewportanchor"))
        {
          const char *comma = strchr (value, ',');
          g_autofree char *x = NULL;
          double ax, ay;

          if (comma == NULL)
            continue;
          x = g_strndup (value, comma - value);
          if (!parse_percentage (x, &ax) || !parse_percentage (comma + 1, &ay))
            continue;
          if (name[0] == 'r')
            {
              region->region_anchor_x = ax;
              region->region_anchor_y = ay;
            }
          else
            {
              region->viewport_anchor_x = ax;
              region->viewport_anchor_y = ay;
            }
        }
      else if (g_str_equal (name, "scroll"))
        {
          if (g_str_equal (value, "up"))
            region->scroll_up = TRUE;
        }
    }
  return region;
}

static char *
collect_line (Parser *parser)
{
  const char *nl = memchr (parser->s + parser->pos, '\n', parser->len - parser->pos);
  gsize end = nl ? (gsize) (nl - parser->s) : parser->len;
  char *line = g_strndup (parser->s + parser->pos, end - parser->pos);

  parser->pos = end;
  return line;
}

static gboolean
matches_keyword (const char *buffer,
                 const char *keyword)
{
  gsize n = strlen (keyword);

  if (strncmp (buffer, keyword, n) != 0)
    return FALSE;
  for (const char *p = buffer + n; *p; p++)
    if (*p != ' ' && *p != '\t')
      return FALSE;
  return TRUE;
}

/* "Collect a WebVTT block". */
static void
collect_block (Parser   *parser,
               gboolean  in_header)
{
  guint line_count = 0;
  gsize previous = parser->pos;
  g_autoptr(GString) buffer = g_string_new (NULL);
  gboolean seen_eof = FALSE, seen_arrow = FALSE;
  gboolean stylesheet = FALSE, region = FALSE;
  BansoVttCue *cue = NULL;

  for (;;)
    {
      g_autofree char *line = collect_line (parser);

      line_count++;
      if (parser->pos >= parser->len)
        seen_eof = TRUE;
      else
        parser->pos++;

      if (strstr (line, "-->") != NULL)
        {
          if (!in_header && (line_count == 1 || (line_count == 2 && !seen_arrow)))
            {
              seen_arrow = TRUE;
              previous = parser->pos;
              g_clear_pointer (&cue, banso_vtt_cue_free);
              cue = g_new0 (BansoVttCue, 1);
              cue->id = g_strdup (buffer->str);
              cue->snap_to_lines = TRUE;
              cue->line_auto = TRUE;
              cue->position_auto = TRUE;
              cue->size = 100;
              cue->align = BANSO_VTT_ALIGN_CENTER;
              if (!parse_timings (parser, cue, line))
                g_clear_pointer (&cue, banso_vtt_cue_free);
              else
                {
                  g_string_truncate (buffer, 0);
                  parser->seen_cue = TRUE;
                }
            }
          else
            {
              parser->pos = previous;
              break;
            }
        }
      else if (line[0] == '\0')
        break;
      else
        {
          if (!in_header && line_count == 2 && !parser->seen_cue)
            {
              if (matches_keyword (buffer->str, "STYLE"))
                {
                  stylesheet = TRUE;
                  g_string_truncate (buffer, 0);
                }
              else if (matches_keyword (buffer->str, "REGION"))
                {
                  region = TRUE;
                  g_string_truncate (buffer, 0);
                }
            }
          if (buffer->len > 0)
            g_string_append_c (buffer, '\n');
          g_string_append (buffer, line);
          previous = parser->pos;
        }

      if (seen_eof)
        break;
    }

  if (cue != NULL)
    {
      /* Sanity: the W3C rules keep cues whose end is before their start; so do we, and
       * playback simply never shows them. */
      cue->text = g_strdup (buffer->str);
      g_ptr_array_add (parser->file->cues, cue);
    }
  else if (stylesheet)
    g_ptr_array_add (parser->file->stylesheets, g_strdup (buffer->str));
  else if (region)
    {
      BansoVttRegion *r = parse_region (buffer->str);

      for (guint i = parser->file->regions->len; i > 0; i--)
        {
          BansoVttRegion *old = g_ptr_array_index (parser->file->regions, i - 1);

          if (g_str_equal (old->id, r->id))
            g_ptr_array_remove_index (parser->file->regions, i - 1);
        }
      g_ptr_array_add (parser->file->regions, r);
    }
}

/* Normalises the input: refuses bytes that are not UTF-8, drops a BOM, turns NUL into
 * U+FFFD and every CR LF or lone CR into LF. */
static char *
normalise (const char  *data,
           gsize        len,
           const char  *name,
           gsize       *out_len,
           GError     **error)
{
  const char *end;
  GString *out;
  gsize i = 0;

  if (!g_utf8_validate_len (data, len, &end))
    {
      /* g_utf8_validate stops at NUL too; look past them. */
      gsize off = 0;

      while (off < len)
        {
          const char *stop;

          if (g_utf8_validate_len (data + off, len - off, &stop))
            break;
          off = stop - data;
          if (off < len && data[off] == '\0')
            {
              off++;
              continue;
            }
          {
            guint line = 1;

            for (gsize k = 0; k < off; k++)
              if (data[k] == '\n')
                line++;
            g_set_error (error, BANSO_WEBVTT_ERROR, BANSO_WEBVTT_ERROR_ENCODING,
                         _("%s, line %u (byte %lu): the subtitles are not "
                           "in UTF-8; open the file in a text editor and save it as UTF-8"),
                         name, line, (gulong) off);
            return NULL;
          }
        }
    }

  out = g_string_sized_new (len + 1);
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  for (; i < len; i++)
    {
      char c = data[i];

      if (c == '\0')
        g_string_append (out, "\xEF\xBF\xBD");
      else if (c == '\r')
        {
          g_string_append_c (out, '\n');
          if (i + 1 < len && data[i + 1] == '\n')
            i++;
        }
      else
        g_string_append_c (out, c);
    }
  *out_len = out->len;
  return g_string_free (out, FALSE);
}

BansoVttFile *
banso_vtt_file_parse (const char  *data,
                      gsize        len,
                      const char  *name,
                      GError     **error)
{
  g_autofree char *text = NULL;
  Parser parser = { 0 };
  gsize n;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (name == NULL)
    name = _("subtitles");
  text = normalise (data ? data : "", len, name, &n, error);
  if (text == NULL)
    return NULL;

  /* The signature: WEBVTT, then the end, a space, a tab or a line feed. */
  if (n < 6 || strncmp (text, "WEBVTT", 6) != 0
      || (n > 6 && text[6] != ' ' && text[6] != '\t' && text[6] != '\n'))
    {
      g_set_error (error, BANSO_WEBVTT_ERROR, BANSO_WEBVTT_ERROR_SIGNATURE,
                   _("%s, line 1: not a WebVTT file (it must begin with “WEBVTT”)"), name);
      return NULL;
    }

  parser.s = text;
  parser.len = n;
  parser.file = vtt_file_new ();

  g_free (collect_line (&parser));
  if (parser.pos < parser.len)
    {
      parser.pos++;
      /* The header: its lines are skipped (old "Region:" lines included). */
      collect_block (&parser, TRUE);
      while (parser.pos < parser.len && parser.s[parser.pos] == '\n')
        parser.pos++;
      while (parser.pos < parser.len)
        {
          collect_block (&parser, FALSE);
          while (parser.pos < parser.len && parser.s[parser.pos] == '\n')
            parser.pos++;
        }
    }

  return parser.file;
}

BansoVttFile *
banso_vtt_file_load (const char  *path,
                     GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *display = g_filename_display_basename (path);
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, error))
    return NULL;
  return banso_vtt_file_parse (contents, len, display, error);
}

char *
banso_vtt_format_time (gint64 ms)
{
  return g_strdup_printf ("%02" G_GINT64_FORMAT ":%02d:%02d.%03d",
                          ms / 3600000, (int) (ms / 60000 % 60), (int) (ms / 1000 % 60),
                          (int) (ms % 1000));
}

const char *
banso_vtt_align_to_string (BansoVttAlign align)
{
  static const char * const names[] = { "start", "center", "end", "left", "right" };

  return names[align];
}
