/* banso-csv-writer.c: CSV text that Excel opens and BansoCsvReader reads back
 * unchanged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-core"

#include "config.h"

#include <string.h>

#include "banso-csv.h"

static void
append_field (GString    *out,
              const char *value,
              char        delimiter,
              gboolean    quote)
{
  const char *p;
  gsize len;

  if (value == NULL)
    value = "";

  len = strlen (value);

  /* Spreadsheets may strip unquoted surrounding spaces. At the start of a file, a leading
   * U+FEFF would be taken for a BOM and "sep=" for Excel's delimiter line. */
  quote = quote || (len > 0 && (g_ascii_isspace (value[0]) || g_ascii_isspace (value[len - 1])
                                || g_str_has_prefix (value, "\xEF\xBB\xBF")
                                || g_str_has_prefix (value, "sep=")));

  /* Control characters include CR and LF. */
  for (p = value; !quote && *p != '\0'; p++)
    quote = *p == delimiter || *p == '"' || (guchar)*p < 0x20;

  if (!quote)
    {
      g_string_append_len (out, value, len);
      return;
    }

  g_string_append_c (out, '"');
  for (p = value; *p != '\0';)
    {
      const char *q = strchr (p, '"');

      if (q == NULL)
        {
          g_string_append (out, p);
          break;
        }

      g_string_append_len (out, p, q + 1 - p);
      g_string_append_c (out, '"');
      p = q + 1;
    }
  g_string_append_c (out, '"');
}

/**
 * banso_csv_append_field:
 * @out: the string to append to
 * @value: (nullable): UTF-8 text; %NULL is written as an empty field
 * @delimiter: the delimiter of the file
 *
 * Appends @value, quoted when it would not otherwise read back unchanged. Does not append a
 * delimiter.
 */
void
banso_csv_append_field (GString    *out,
                        const char *value,
                        char        delimiter)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (banso_csv_delimiter_is_valid (delimiter));

  append_field (out, value, delimiter, FALSE);
}

static void
append_row (GString            *out,
            const char * const *fields,
            guint               n,
            char                delimiter,
            gboolean            quote_first)
{
  guint i;

  for (i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, delimiter);
      append_field (out, fields[i], delimiter, quote_first && i == 0);
    }

  g_string_append (out, "\r\n");
}

/**
 * banso_csv_append_row:
 * @out: the string to append to
 * @fields: (array length=n): the values
 * @n: the number of values; a row without values is written as a blank line, which readers
 *   skip
 * @delimiter: the delimiter of the file
 *
 * Appends one record ending with CRLF, as Excel does.
 */
void
banso_csv_append_row (GString            *out,
                      const char * const *fields,
                      guint               n,
                      char                delimiter)
{
  gsize row_start;

  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL || n == 0);
  g_return_if_fail (banso_csv_delimiter_is_valid (delimiter));

  row_start = out->len;

  /* An unquoted lone empty field would be a blank line, which readers skip. */
  append_row (out, fields, n, delimiter,
              n == 1 && (fields[0] == NULL || fields[0][0] == '\0'));

  /* With an empty first field and a delimiter from "sep=", e.g. ["", "ep=", ""] with 's', the
   * row could read as Excel's delimiter line. */
  if (out->len - row_start == strlen ("sep=X\r\n")
      && memcmp (out->str + row_start, "sep=", 4) == 0)
    {
      g_string_truncate (out, row_start);
      append_row (out, fields, n, delimiter, TRUE);
    }
}

/* What spreadsheets run as a formula when a cell starts with it (the OWASP list). */
static gboolean
starts_formula (const char *value)
{
  return value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL;
}

/* A plain number ("-12", "3.5") is no formula and stays a number in Excel. */
static gboolean
is_plain_number (const char *value)
{
  const char *p = value;
  gboolean digits = FALSE;

  if (*p == '-')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    digits = TRUE;
  if (digits && *p == '.' && g_ascii_isdigit (p[1]))
    for (p++; g_ascii_isdigit (*p); p++)
      ;
  return digits && *p == '\0';
}

/**
 * banso_csv_formula_escape:
 * @value: (nullable): UTF-8 text
 *
 * A spreadsheet runs a cell that starts with "=", "+", "-", "@", a tab or a carriage return as
 * a formula, so such a value is written with a leading apostrophe, which makes it text. So that
 * banso_csv_formula_unescape() gives back exactly what was written, a value that already starts
 * with an apostrophe followed by one of those (or by another apostrophe) gets one too. Plain
 * numbers, negative ones included, are left as they are.
 *
 * Returns: (transfer full) (nullable): the escaped text, or %NULL when @value is safe as it is
 */
char *
banso_csv_formula_escape (const char *value)
{
  if (value == NULL || value[0] == '\0')
    return NULL;
  if ((starts_formula (value) && !is_plain_number (value)) ||
      (value[0] == '\'' && (value[1] == '\'' || starts_formula (value + 1))))
    return g_strconcat ("'", value, NULL);
  return NULL;
}

/**
 * banso_csv_formula_unescape:
 * @value: a field as read from a file
 *
 * Returns: @value without the apostrophe that banso_csv_formula_escape() put before it
 */
const char *
banso_csv_formula_unescape (const char *value)
{
  if (value[0] == '\'' && (value[1] == '\'' || starts_formula (value + 1)))
    return value + 1;
  return value;
}
