/* fuzz-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-fuzz"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "banso-csv.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

/* Writes the current record and reads it back: the writer and the reader must agree. */
static void
check_round_trip (BansoCsvReader *reader)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BansoCsvReader) again = NULL;
  g_autoptr(GError) error = NULL;
  guint n = banso_csv_reader_get_n_fields (reader);
  guint i;

  for (i = 0; i < n; i++)
    g_ptr_array_add (fields, (gpointer)banso_csv_reader_get_field (reader, i));

  banso_csv_append_row (out, (const char * const *)fields->pdata, n,
                        banso_csv_reader_get_delimiter (reader));

  bytes = g_bytes_new (out->str, out->len);
  again = banso_csv_reader_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  banso_csv_reader_set_delimiter (again, banso_csv_reader_get_delimiter (reader));

  g_assert_true (banso_csv_reader_next (again, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (banso_csv_reader_get_n_fields (again), ==, n);
  for (i = 0; i < n; i++)
    {
      g_assert_cmpuint (banso_csv_reader_get_field_length (again, i), ==,
                        banso_csv_reader_get_field_length (reader, i));
      g_assert_cmpstr (banso_csv_reader_get_field (again, i), ==,
                       banso_csv_reader_get_field (reader, i));
    }

  g_assert_false (banso_csv_reader_next (again, &error));
  g_assert_no_error (error);
}

static void
dump_field (GString    *dump,
            const char *field,
            gsize       len)
{
  g_string_append_printf (dump, "[%" G_GSIZE_FORMAT ":", len);
  g_string_append_len (dump, field, len);
  g_string_append_c (dump, ']');
}

/* The obvious byte-at-a-time parser, to check the fast one against. Returns FALSE on an
 * unterminated quote, with the position in *error_line and *error_field. */
static gboolean
reference_parse (const char *s,
                 gsize       n,
                 char        delimiter,
                 GString    *dump,
                 guint      *error_line,
                 guint      *error_field)
{
  gsize i = 0;
  guint line = 1;

  for (;;)
    {
      guint field_no = 0;
      gsize record_start;

      while (i < n && (s[i] == '\r' || s[i] == '\n'))
        {
          if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
            i++;
          i++;
          line++;
        }
      if (i == n)
        return TRUE;

      record_start = dump->len;
      g_string_append_printf (dump, "%u:", line);

      for (;;)
        {
          g_autoptr(GString) field = g_string_new (NULL);

          field_no++;
          if (s[i] == '"')
            {
              guint quote_line = line;

              for (i++;; i++)
                {
                  if (i == n)
                    {
                      g_string_truncate (dump, record_start);
                      *error_line = quote_line;
                      *error_field = field_no;
                      return FALSE;
                    }
                  if (s[i] == '"')
                    {
                      if (i + 1 < n && s[i + 1] == '"')
                        i++;
                      else
                        break;
                    }
                  else if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == n || s[i + 1] != '\n')))
                    {
                      line++;
                    }
                  g_string_append_c (field, s[i]);
                }
              i++;
            }

          while (i < n && s[i] != delimiter && s[i] != '\r' && s[i] != '\n')
            g_string_append_c (field, s[i++]);

          dump_field (dump, field->str, field->len);

          if (i == n)
            break;
          if (s[i] == delimiter)
            {
              i++;
              if (i == n)
                {
                  dump_field (dump, "", 0);
                  break;
                }
              continue;
            }
          if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
            i++;
          i++;
          line++;
          break;
        }

      g_string_append_c (dump, '\n');
    }
}

/* Leaves out what the reader transforms before parsing: UTF-16, workbooks and sep= lines. */
static gboolean
is_plain_input (const char *text,
                gsize       len)
{
  return !(len >= 1 && ((guchar)text[0] == 0xFF || (guchar)text[0] == 0xFE))
         && !(len >= 4 && memcmp (text, "PK\x03\x04", 4) == 0)
         && !(len >= 1 && (guchar)text[0] == 0xD0)
         && !(len >= 4 && memcmp (text, "sep=", 4) == 0);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(BansoCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) dump = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);
  const char *text = (const char *)data;
  gsize text_len = size;
  gboolean plain;
  gboolean valid;
  gboolean terminated = TRUE;
  guint error_line = 0;
  guint error_field = 0;
  guint last_line = 0;
  guint record = 0;

  plain = is_plain_input (text, text_len);
  if (plain && text_len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      text_len -= 3;
      /* After the BOM, only a sep= line is special. */
      plain = !(text_len >= 4 && memcmp (text, "sep=", 4) == 0);
    }
  valid = g_utf8_validate_len (text, text_len, NULL);

  reader = banso_csv_reader_new_from_bytes (bytes, &error);
  if (reader == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == BANSO_CSV_ERROR);
      g_assert_true (!plain || !valid);
      return 0;
    }

  if (plain)
    terminated = reference_parse (text, text_len, banso_csv_reader_get_delimiter (reader),
                                  expected, &error_line, &error_field);

  while (banso_csv_reader_next (reader, &error))
    {
      guint n = banso_csv_reader_get_n_fields (reader);
      guint i;

      record++;
      g_assert_cmpuint (banso_csv_reader_get_record (reader), ==, record);
      g_assert_cmpuint (banso_csv_reader_get_line (reader), >, last_line);
      last_line = banso_csv_reader_get_line (reader);
      g_assert_cmpuint (n, >=, 1);

      g_string_append_printf (dump, "%u:", last_line);
      for (i = 0; i < n; i++)
        {
          const char *field = banso_csv_reader_get_field (reader, i);
          gsize len = banso_csv_reader_get_field_length (reader, i);

          g_assert_cmpuint (strlen (field), ==, len);
          g_assert_true (g_utf8_validate (field, len, NULL));
          dump_field (dump, field, len);
        }
      g_string_append_c (dump, '\n');
      g_assert_cmpstr (banso_csv_reader_get_field (reader, n), ==, "");

      check_round_trip (reader);

      for (i = 0; i < n; i++)
        {
          const char *trimmed = banso_csv_reader_trim_field (reader, i);

          g_assert_cmpuint (strlen (trimmed), ==, banso_csv_reader_get_field_length (reader, i));
          g_assert_true (g_utf8_validate (trimmed, -1, NULL));
        }
    }

  if (plain && valid && terminated)
    {
      g_assert_no_error (error);
      g_assert_cmpstr (dump->str, ==, expected->str);
    }
  else if (plain && valid)
    {
      g_autofree char *where = g_strdup_printf ("Field %u on line %u ", error_field, error_line);

      g_assert_error (error, BANSO_CSV_ERROR, BANSO_CSV_ERROR_SYNTAX);
      g_assert_nonnull (strstr (error->message, where));
      g_assert_cmpstr (dump->str, ==, expected->str);
    }
  else if (plain)
    {
      /* Records up to the first bad one, then the encoding error. */
      g_assert_nonnull (error);
      g_assert_true (error->code == BANSO_CSV_ERROR_ENCODING
                     || error->code == BANSO_CSV_ERROR_NOT_CSV);
      g_assert_true (g_str_has_prefix (expected->str, dump->str));
    }

  if (error != NULL)
    {
      g_assert_true (error->domain == BANSO_CSV_ERROR);
      g_clear_error (&error);
      /* Errors stick. */
      g_assert_false (banso_csv_reader_next (reader, &error));
      g_assert_nonnull (error);
    }

  return 0;
}
