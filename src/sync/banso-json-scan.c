/* banso-json-scan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Strict JSON (RFC 8259, UTF-8) read in place, without building a tree: the
 * caller walks the structure it expects and copies or steps over the rest.
 */

#define G_LOG_DOMAIN "banso-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "banso-json-scan.h"
#include "banso-sync-client.h"

gboolean
banso_json_scan_fail (BansoJsonScan       *s,
             const char *why)
{
  if (!s->failed)
    {
      /* Translators: the second %s says what was wrong, e.g. "unexpected “}” at byte 512". */
      g_set_error (s->error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_BAD_REPLY,
                   _("The server's reply to %s is not valid JSON: %s"), s->url, why);
      s->failed = TRUE;
    }
  return FALSE;
}

gboolean
banso_json_scan_fail_unexpected (BansoJsonScan *s)
{
  g_autofree char *why = NULL;

  if (s->p >= s->end)
    return banso_json_scan_fail (s, _("the reply ends too early"));
  if ((guchar)*s->p >= 0x20 && (guchar)*s->p < 0x7f)
    why = g_strdup_printf (_("unexpected “%c” at byte %lu"),
                           *s->p, (gulong)(s->p - s->start));
  else
    why = g_strdup_printf (_("unexpected byte 0x%02x at byte %lu"),
                           (guchar)*s->p, (gulong)(s->p - s->start));
  return banso_json_scan_fail (s, why);
}

void
banso_json_scan_skip_space (BansoJsonScan *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\n' || *s->p == '\r' || *s->p == '\t'))
    s->p++;
}

gboolean
banso_json_scan_expect (BansoJsonScan *s,
        char  c)
{
  banso_json_scan_skip_space (s);
  if (s->p >= s->end || *s->p != c)
    return banso_json_scan_fail_unexpected (s);
  s->p++;
  return TRUE;
}

/* TRUE and steps over @c when it comes next. */
gboolean
banso_json_scan_accept (BansoJsonScan *s,
        char  c)
{
  banso_json_scan_skip_space (s);
  if (s->p < s->end && *s->p == c)
    {
      s->p++;
      return TRUE;
    }
  return FALSE;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (BansoJsonScan     *s,
           gunichar *out)
{
  *out = 0;
  for (int i = 0; i < 4; i++, s->p++)
    {
      int v = s->p < s->end ? hex_value (*s->p) : -1;
      if (v < 0)
        return banso_json_scan_fail_unexpected (s);
      *out = (*out << 4) | (gunichar)v;
    }
  return TRUE;
}

/* A string, the cursor on its opening quote. With @out, its text is appended
 * there, unescaped. */
gboolean
banso_json_scan_string (BansoJsonScan    *s,
             GString *out)
{
  const char *run;

  banso_json_scan_skip_space (s);
  if (s->p >= s->end || *s->p != '"')
    return banso_json_scan_fail_unexpected (s);
  run = ++s->p;
  for (;;)
    {
      guchar c;

      if (s->p >= s->end)
        return banso_json_scan_fail_unexpected (s);
      c = *s->p;
      if (c == '"' || c == '\\')
        {
          if (!g_utf8_validate_len (run, s->p - run, NULL))
            {
              g_autofree char *why = g_strdup_printf (_("text that is not UTF-8 before byte %lu"),
                                                      (gulong)(s->p - s->start));
              return banso_json_scan_fail (s, why);
            }
          if (out)
            g_string_append_len (out, run, s->p - run);
          s->p++;
          if (c == '"')
            return TRUE;
          if (s->p >= s->end)
            return banso_json_scan_fail_unexpected (s);
          switch (*s->p)
            {
            case '"': case '\\': case '/':
              if (out)
                g_string_append_c (out, *s->p);
              s->p++;
              break;
            case 'b': if (out) g_string_append_c (out, '\b'); s->p++; break;
            case 'f': if (out) g_string_append_c (out, '\f'); s->p++; break;
            case 'n': if (out) g_string_append_c (out, '\n'); s->p++; break;
            case 'r': if (out) g_string_append_c (out, '\r'); s->p++; break;
            case 't': if (out) g_string_append_c (out, '\t'); s->p++; break;
            case 'u':
              {
                gunichar u, low;

                s->p++;
                if (!read_hex4 (s, &u))
                  return FALSE;
                if (u >= 0xd800 && u < 0xdc00 && s->end - s->p >= 6 &&
                    s->p[0] == '\\' && s->p[1] == 'u')
                  {
                    const char *back = s->p;

                    s->p += 2;
                    if (!read_hex4 (s, &low))
                      return FALSE;
                    if (low >= 0xdc00 && low < 0xe000)
                      u = 0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00);
                    else
                      s->p = back;
                  }
                /* Half a surrogate pair is no character; NUL ends an id early. */
                if ((u >= 0xd800 && u < 0xe000) || (out && u == 0))
                  {
                    g_autofree char *why = g_strdup_printf (_("a character that is not text before byte %lu"),
                                                            (gulong)(s->p - s->start));
                    return banso_json_scan_fail (s, why);
                  }
                if (out)
                  g_string_append_unichar (out, u);
              }
              break;
            default:
              return banso_json_scan_fail_unexpected (s);
            }
          run = s->p;
        }
      else if (c < 0x20)
        return banso_json_scan_fail_unexpected (s);
      else
        s->p++;
    }
}

static gboolean
scan_digits (BansoJsonScan *s)
{
  if (s->p >= s->end || !g_ascii_isdigit (*s->p))
    return banso_json_scan_fail_unexpected (s);
  while (s->p < s->end && g_ascii_isdigit (*s->p))
    s->p++;
  return TRUE;
}

/* A number; *integral tells whether it has neither fraction nor exponent. */
gboolean
banso_json_scan_number (BansoJsonScan     *s,
             gboolean *integral)
{
  *integral = TRUE;
  if (s->p < s->end && *s->p == '-')
    s->p++;
  if (s->p < s->end && *s->p == '0')
    s->p++;
  else if (!scan_digits (s))
    return FALSE;
  if (s->p < s->end && *s->p == '.')
    {
      s->p++;
      *integral = FALSE;
      if (!scan_digits (s))
        return FALSE;
    }
  if (s->p < s->end && (*s->p == 'e' || *s->p == 'E'))
    {
      s->p++;
      *integral = FALSE;
      if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
        s->p++;
      if (!scan_digits (s))
        return FALSE;
    }
  return TRUE;
}

static gboolean
scan_word (BansoJsonScan       *s,
           const char *word)
{
  gsize len = strlen (word);

  if ((gsize)(s->end - s->p) < len || memcmp (s->p, word, len) != 0)
    return banso_json_scan_fail_unexpected (s);
  s->p += len;
  return TRUE;
}

static gboolean
scan_container (BansoJsonScan *s,
                int   depth)
{
  char close = *s->p == '{' ? '}' : ']';

  if (depth >= BANSO_JSON_SCAN_MAX_DEPTH)
    {
      g_autofree char *why = g_strdup_printf (_("more than %d levels of nesting at byte %lu"),
                                              BANSO_JSON_SCAN_MAX_DEPTH, (gulong)(s->p - s->start));
      return banso_json_scan_fail (s, why);
    }
  s->p++;
  if (banso_json_scan_accept (s, close))
    return TRUE;
  do
    {
      if (close == '}' && (!banso_json_scan_string (s, NULL) || !banso_json_scan_expect (s, ':')))
        return FALSE;
      if (!banso_json_scan_value (s, depth + 1))
        return FALSE;
    }
  while (banso_json_scan_accept (s, ','));
  return banso_json_scan_expect (s, close);
}

/* Any value, checked and stepped over. */
gboolean
banso_json_scan_value (BansoJsonScan *s,
            int   depth)
{
  gboolean integral;

  banso_json_scan_skip_space (s);
  if (s->p >= s->end)
    return banso_json_scan_fail_unexpected (s);
  switch (*s->p)
    {
    case '{':
    case '[':
      return scan_container (s, depth);
    case '"':
      return banso_json_scan_string (s, NULL);
    case 't':
      return scan_word (s, "true");
    case 'f':
      return scan_word (s, "false");
    case 'n':
      return scan_word (s, "null");
    default:
      if (*s->p == '-' || g_ascii_isdigit (*s->p))
        return banso_json_scan_number (s, &integral);
      return banso_json_scan_fail_unexpected (s);
    }
}

gboolean
banso_json_scan_end (BansoJsonScan *s)
{
  banso_json_scan_skip_space (s);
  if (s->p != s->end)
    return banso_json_scan_fail_unexpected (s);
  return TRUE;
}
