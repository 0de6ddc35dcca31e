/* banso-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#ifdef G_OS_UNIX
#include <sys/mman.h>
#include <unistd.h>
#endif

#include "banso-csv.h"

/* How much of the file the constructors check, so that a file in the wrong encoding is refused
 * before the caller starts importing; the rest is checked one record at a time. How far
 * delimiter detection looks for the end of the first record. Fuzzing builds use small limits
 * so that small inputs reach the code past them. */
#ifdef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
# define PREFIX_CHECK_SIZE 64
# define DETECT_LIMIT      64
#else
# define PREFIX_CHECK_SIZE (64 * 1024)
# define DETECT_LIMIT      (64 * 1024)
#endif

#define ONES      G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGH_BITS G_GUINT64_CONSTANT (0x8080808080808080)

/* Non-zero iff one of the eight bytes of w is zero. */
#define HAS_ZERO_BYTE(w) (((w) - ONES) & ~(w) & HIGH_BITS)

typedef struct
{
  gsize start;
  gsize length;
} Field;

struct _BansoCsvReader
{
  /* Owns the text: the mapped file, the caller's bytes or the UTF-16 conversion. */
  GBytes     *bytes;
  const char *end;
  const char *pos;
  /* Everything before this has been checked for UTF-8 and NUL bytes. */
  const char *checked_end;
  /* For a mapped file: the pages before this were read and given back, so
   * that the file read does not stay in the process's memory. */
  const char *released;
  const char *converted_from;
  char        delimiter;

  /* The current record: NUL-terminated fields packed into one reused buffer. */
  char       *buf;
  gsize       buf_len;
  gsize       buf_alloc;
  Field      *fields;
  guint       n_fields;
  guint       fields_alloc;

  guint       line;
  guint       record_line;
  guint       record;

  /* Kept so that calling next() again after a failure cannot look like a clean end. */
  GError     *error;
};

G_DEFINE_QUARK (banso-csv-error-quark, banso_csv_error)

/* A line break is LF, CRLF or a lone CR. Callers never split a CRLF pair between two calls,
 * except at the end of the whole text. */
static guint
count_line_breaks (const char *p,
                   const char *end)
{
  guint n = 0;

  for (; p < end; p++)
    {
      if (*p == '\n')
        n++;
      else if (*p == '\r' && (p + 1 == end || p[1] != '\n'))
        n++;
    }

  return n;
}

/* Returns the first byte that is not part of valid UTF-8 or is NUL, or NULL when there is
 * none. Hand-written rather than g_utf8_validate_len() so that runs of ASCII are skipped a
 * word at a time: this runs over every byte of the file. */
static const char *
find_invalid_utf8 (const char *start,
                   const char *end)
{
  const guchar *p = (const guchar *)start;
  const guchar *e = (const guchar *)end;

  while (p < e)
    {
      guchar c = *p;

      if (c < 0x80)
        {
          if (G_UNLIKELY (c == 0))
            return (const char *)p;
          p++;

          while (e - p >= 8)
            {
              guint64 w;

              memcpy (&w, p, sizeof w);
              if (((w & HIGH_BITS) | HAS_ZERO_BYTE (w)) != 0)
                break;
              p += 8;
            }
          continue;
        }

      /* Table 3-7 of the Unicode standard: no overlong forms, surrogates or values above
       * U+10FFFF. Vietnamese letters are mostly 2 bytes (ă, ơ, đ) or 3 (ễ, ự). */
      if (c < 0xE0)
        {
          if (c < 0xC2 || e - p < 2 || (p[1] & 0xC0) != 0x80)
            return (const char *)p;
          p += 2;
        }
      else if (c < 0xF0)
        {
          if (e - p < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80
              || (c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] > 0x9F))
            return (const char *)p;
          p += 3;
        }
      else
        {
          if (c > 0xF4 || e - p < 4
              || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80
              || (c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] > 0x8F))
            return (const char *)p;
          p += 4;
        }
    }

  return NULL;
}

static void
set_utf16_error (GError **error,
                 guint    line)
{
  g_set_error (error, BANSO_CSV_ERROR, BANSO_CSV_ERROR_ENCODING,
               _("Line %u of this UTF-16 file is damaged and cannot be read. In Excel, choose "
                 "File › Save As and the type “CSV UTF-8 (Comma delimited)”, then import that "
                 "file."),
               line);
}

/* Checks [from, to), which lies in the record that starts at rec_start on line rec_line. */
static gboolean
check_text (BansoCsvReader  *self,
            const char      *from,
            const char      *to,
            const char      *rec_start,
            guint            rec_line,
            GError         **error)
{
  const char *bad;
  const char *nul;

  bad = find_invalid_utf8 (from, to);
  if (G_LIKELY (bad == NULL))
    return TRUE;

  /* Binary files usually have bytes that are not UTF-8 before their first NUL; "binary" is
   * still the better explanation for them. */
  nul = memchr (from, '\0', to - from);
  if (nul != NULL)
    {
      g_set_error (error, BANSO_CSV_ERROR, BANSO_CSV_ERROR_NOT_CSV,
                   _("This is not a CSV file: it contains binary data (line %u)."),
                   rec_line + count_line_breaks (rec_start, nul));
      return FALSE;
    }

  if (self->converted_from != NULL)
    set_utf16_error (error, rec_line + count_line_breaks (rec_start, bad));
  else
    g_set_error (error, BANSO_CSV_ERROR, BANSO_CSV_ERROR_ENCODING,
                 _("Line %u is not UTF-8 text. The file may have been saved as Windows-1258 or "
                   "TCVN3. In Excel, choose File › Save As and the type “CSV UTF-8 (Comma "
                   "delimited)”, then import that file."),
                 rec_line + count_line_breaks (rec_start, bad));
  return FALSE;
}

static guint
count_utf16_line_breaks (const guchar *p,
                         gsize         len,
                         gboolean      big_endian)
{
  guint n = 0;
  gsize i;

  for (i = 0; i + 1 < len; i += 2)
    {
      guint unit = big_endian ? (p[i] << 8 | p[i + 1]) : (p[i + 1] << 8 | p[i]);
      guint next = 0;

      if (i + 3 < len)
        next = big_endian ? (p[i + 2] << 8 | p[i + 3]) : (p[i + 3] << 8 | p[i + 2]);

      if (unit == '\n' || (unit == '\r' && next != '\n'))
        n++;
    }

  return n;
}

static GBytes *
convert_utf16 (const char  *data,
               gsize        len,
               const char  *charset,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize bytes_read = 0;
  gsize bytes_written = 0;
  char *text;

  text = g_convert (data, len, "UTF-8", charset, &bytes_read, &bytes_written, &local_error);
  /* g_convert() succeeds on a file cut in the middle of a character, leaving it unread. */
  if (text == NULL || bytes_read != len)
    {
      gboolean big_endian = g_str_equal (charset, "UTF-16BE");
      guint line;

      line = 1 + count_utf16_line_breaks ((const guchar *)data, MIN (bytes_read, len),
                                          big_endian);
      set_utf16_error (error, line);
      g_free (text);
      return NULL;
    }

  return g_bytes_new_take (text, bytes_written);
}

static inline gboolean
is_delimiter_candidate (char c)
{
  return c == ',' || c == ';' || c == '\t';
}

/* Excel writes ';' instead of ',' in locales where ',' is the decimal separator, and "Unicode
 * Text" is tab-separated, so count the candidates outside quotes in the first record. */
static char
detect_delimiter (const char *p,
                  const char *end)
{
  const char *limit = p + MIN ((gsize)(end - p), DETECT_LIMIT);
  guint commas = 0;
  guint semicolons = 0;
  guint tabs = 0;
  gboolean field_start = TRUE;

  while (p < limit)
    {
      char c = *p;

      if (c == '"' && field_start)
        {
          /* Skip the quoted field; "" inside it is an escaped quote. */
          for (p++; p < limit; p++)
            {
              if (*p == '"')
                {
                  if (p + 1 < limit && p[1] == '"')
                    p++;
                  else
                    break;
                }
            }
          if (p < limit)
            p++;
          field_start = FALSE;
          continue;
        }

      if (c == '\r' || c == '\n')
        break;

      if (c == ',')
        commas++;
      else if (c == ';')
        semicolons++;
      else if (c == '\t')
        tabs++;

      field_start = is_delimiter_candidate (c);
      p++;
    }

  if (semicolons > commas && semicolons >= tabs)
    return ';';
  if (tabs > commas && tabs > semicolons)
    return '\t';
  return ',';
}

/* Excel honours a first line "sep=;" that names the delimiter. */
static gboolean
parse_sep_line (const char  *p,
                const char  *end,
                char        *delimiter,
                const char **after)
{
  if (end - p < 5 || memcmp (p, "sep=", 4) != 0 || !banso_csv_delimiter_is_valid (p[4]))
    return FALSE;

  if (end - p > 5 && p[5] != '\r' && p[5] != '\n')
    return FALSE;

  *delimiter = p[4];
  p += 5;
  if (p < end && *p == '\r')
    {
      p++;
      if (p < end && *p == '\n')
        p++;
    }
  else if (p < end && *p == '\n')
    {
      p++;
    }
  *after = p;
  return TRUE;
}

static gboolean
is_workbook (const char *data,
             gsize       len)
{
  /* .xlsx is a ZIP archive, .xls an OLE2 compound file. */
  return (len >= 4 && memcmp (data, "PK\x03\x04", 4) == 0)
         || (len >= 8 && memcmp (data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0);
}

void
banso_csv_reader_free (BansoCsvReader *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_error (&self->error);
  g_free (self->buf);
  g_free (self->fields);
  g_free (self);
}

/**
 * banso_csv_reader_new_from_bytes:
 * @bytes: the file contents
 * @error: return location for a #BANSO_CSV_ERROR
 *
 * Returns: (transfer full): a reader positioned before the first record, or %NULL when the
 *   start of the file shows that it is not a CSV file the reader can use.
 */
BansoCsvReader *
banso_csv_reader_new_from_bytes (GBytes  *bytes,
                                 GError **error)
{
  g_autoptr(BansoCsvReader) self = NULL;
  const char *data;
  const char *start;
  const char *cut;
  const char *after_sep;
  gsize len;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (BansoCsvReader, 1);
  self->line = 1;

  data = g_bytes_get_data (bytes, &len);
  if (data == NULL)
    data = "";

  if (is_workbook (data, len))
    {
      g_set_error (error, BANSO_CSV_ERROR, BANSO_CSV_ERROR_NOT_CSV,
                   _("This is an Excel workbook, not a CSV file. In Excel, choose File › Save As "
                     "and the type “CSV UTF-8 (Comma delimited)”, then import that file."));
      return NULL;
    }

  if (len >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      self->converted_from = data[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
      self->bytes = convert_utf16 (data + 2, len - 2, self->converted_from, error);
      if (self->bytes == NULL)
        return NULL;
      data = g_bytes_get_data (self->bytes, &len);
      if (data == NULL)
        data = "";
    }
  else
    {
      self->bytes = g_bytes_ref (bytes);
    }

  start = data;
  self->end = data + len;
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    start += 3;

  /* Cut the checked prefix after a line break so no character is split. */
  cut = start + MIN (len - (start - data), PREFIX_CHECK_SIZE);
  if (cut < self->end)
    {
      while (cut > start && cut[-1] != '\n' && cut[-1] != '\r')
        cut--;
    }
  if (!check_text (self, start, cut, start, 1, error))
    return NULL;
  self->checked_end = cut;

  if (parse_sep_line (start, self->end, &self->delimiter, &after_sep))
    {
      start = after_sep;
      self->line = 2;
    }
  else
    {
      self->delimiter = detect_delimiter (start, self->end);
    }

  self->pos = start;

  return g_steal_pointer (&self);
}

/**
 * banso_csv_reader_new_for_path:
 * @path: a file name in the GLib file name encoding
 * @error: return location for a #BANSO_CSV_ERROR or #G_FILE_ERROR
 *
 * Maps the file instead of reading it, so large files are not copied (except UTF-16 files,
 * which are converted in memory); the part read is given back as the reading goes on.
 */
BansoCsvReader *
banso_csv_reader_new_for_path (const char  *path,
                               GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  BansoCsvReader *self;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  mapped = g_mapped_file_new (path, FALSE, error);
  if (mapped == NULL)
    return NULL;

  bytes = g_mapped_file_get_bytes (mapped);
  self = banso_csv_reader_new_from_bytes (bytes, error);
  /* A UTF-16 file was converted into memory of the reader's own. */
  if (self != NULL && self->bytes == bytes && g_bytes_get_data (bytes, &len) != NULL)
    {
      self->released = g_bytes_get_data (bytes, NULL);
#if defined(G_OS_UNIX) && defined(MADV_SEQUENTIAL)
      madvise ((gpointer)self->released, len, MADV_SEQUENTIAL);
#endif
    }
  return self;
}

/**
 * banso_csv_reader_get_converted_from:
 *
 * Returns: (nullable): "UTF-16LE" or "UTF-16BE" (static strings, valid after the reader is
 *   freed) when the file was converted to UTF-8, %NULL when it already was UTF-8.
 */
const char *
banso_csv_reader_get_converted_from (BansoCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->converted_from;
}

char
banso_csv_reader_get_delimiter (BansoCsvReader *self)
{
  g_return_val_if_fail (self != NULL, ',');

  return self->delimiter;
}

/**
 * banso_csv_reader_set_delimiter:
 *
 * Overrides the detected delimiter, normally before the first call to banso_csv_reader_next().
 * The delimiter must be a tab or a printable ASCII character other than space and '"'.
 */
void
banso_csv_reader_set_delimiter (BansoCsvReader *self,
                                char            delimiter)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (banso_csv_delimiter_is_valid (delimiter));

  self->delimiter = delimiter;
}

static void
buf_grow (BansoCsvReader *self,
          gsize           extra)
{
  gsize wanted = self->buf_len + extra;
  gsize alloc = MAX (self->buf_alloc, 256);

  while (alloc < wanted)
    alloc *= 2;

  self->buf = g_realloc (self->buf, alloc);
  self->buf_alloc = alloc;
}

static inline void
buf_append (BansoCsvReader *self,
            const char     *p,
            gsize           n)
{
  if (G_UNLIKELY (self->buf_alloc - self->buf_len < n + 1))
    buf_grow (self, n + 1);

  memcpy (self->buf + self->buf_len, p, n);
  self->buf_len += n;
}

static inline void
end_field (BansoCsvReader *self,
           gsize           start)
{
  Field *field;

  if (G_UNLIKELY (self->n_fields == self->fields_alloc))
    {
      self->fields_alloc = MAX (16, self->fields_alloc * 2);
      self->fields = g_renew (Field, self->fields, self->fields_alloc);
    }

  /* buf_append() always leaves room for this terminator. */
  if (G_UNLIKELY (self->buf_alloc == self->buf_len))
    buf_grow (self, 1);
  self->buf[self->buf_len++] = '\0';

  field = &self->fields[self->n_fields++];
  field->start = start;
  field->length = self->buf_len - 1 - start;
}

/* Returns the first delimiter, CR or LF at or after p, or end. */
static inline const char *
scan_unquoted (const char *p,
               const char *end,
               char        delimiter)
{
  const guint64 delimiters = ONES * (guchar)delimiter;
  const guint64 crs = ONES * '\r';
  const guint64 lfs = ONES * '\n';

  while (end - p >= 8)
    {
      guint64 w;

      memcpy (&w, p, sizeof w);
      if ((HAS_ZERO_BYTE (w ^ delimiters) | HAS_ZERO_BYTE (w ^ crs) | HAS_ZERO_BYTE (w ^ lfs))
          != 0)
        break;
      p += 8;
    }

  while (p < end && *p != delimiter && *p != '\r' && *p != '\n')
    p++;

  return p;
}

static gboolean
fail (BansoCsvReader  *self,
      GError         **error)
{
  self->n_fields = 0;
  self->buf_len = 0;
  self->pos = self->end;
  g_propagate_error (error, g_error_copy (self->error));
  return FALSE;
}

/**
 * banso_csv_reader_next:
 * @error: return location for a #BANSO_CSV_ERROR
 *
 * Reads the next record. Blank lines are skipped.
 *
 * Returns: %TRUE when a record was read, %FALSE at the end of the file (@error not set) or on
 *   an error (@error set).
 */
/* Lets the kernel drop the pages of a mapped file read before @before (they
 * stay in the page cache, shared, and come back if touched again), a few
 * megabytes at a time: a large import would otherwise keep the whole file in
 * its resident memory. */
#define RELEASE_STEP (16 * 1024 * 1024)

static void
release_read_pages (BansoCsvReader *self,
                    const char     *before)
{
#if defined(G_OS_UNIX) && defined(MADV_DONTNEED)
  static gsize page_size;
  guintptr from, to;

  if (self->released == NULL || before - self->released < RELEASE_STEP)
    return;
  if (page_size == 0)
    page_size = sysconf (_SC_PAGESIZE);
  from = GPOINTER_TO_SIZE (self->released) & ~(page_size - 1);
  to = GPOINTER_TO_SIZE (before) & ~(page_size - 1);
  if (to > from)
    madvise (GSIZE_TO_POINTER (from), to - from, MADV_DONTNEED);
  self->released = GSIZE_TO_POINTER (to);
#endif
}

gboolean
banso_csv_reader_next (BansoCsvReader  *self,
                       GError         **error)
{
  const char *p;
  const char *end;
  const char *rec_start;
  guint line;
  char delimiter;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->error != NULL)
    return fail (self, error);

  p = self->pos;
  end = self->end;
  line = self->line;
  delimiter = self->delimiter;

  self->n_fields = 0;
  self->buf_len = 0;

  while (p < end && (*p == '\n' || *p == '\r'))
    {
      if (*p == '\r' && p + 1 < end && p[1] == '\n')
        p++;
      p++;
      line++;
    }

  if (p == end)
    {
      self->pos = p;
      self->line = line;
      return FALSE;
    }

  rec_start = p;
  self->record_line = line;

  for (;;)
    {
      gsize field_start = self->buf_len;

      if (*p == '"')
        {
          guint opening_line = line;

          p++;
          for (;;)
            {
              const char *quote = memchr (p, '"', end - p);

              if (quote == NULL)
                {
                  /* An encoding problem explains more than the quote does. */
                  if (!check_text (self, MAX (rec_start, self->checked_end), end,
                                   rec_start, self->record_line, &self->error))
                    return fail (self, error);

                  g_set_error (&self->error, BANSO_CSV_ERROR, BANSO_CSV_ERROR_SYNTAX,
                               _("Field %u on line %u starts with a quotation mark that is never "
                                 "closed. A quotation mark inside a field must be written twice "
                                 "(\"\")."),
                               self->n_fields + 1,
                               opening_line);
                  return fail (self, error);
                }

              buf_append (self, p, quote - p);
              line += count_line_breaks (p, quote);
              p = quote + 1;

              if (p < end && *p == '"')
                {
                  buf_append (self, "\"", 1);
                  p++;
                }
              else
                break;
            }
        }

      /* For a quoted field this keeps text after the closing quote, as Excel does. */
      if (p < end)
        {
          const char *stop = scan_unquoted (p, end, delimiter);

          buf_append (self, p, stop - p);
          p = stop;
        }

      end_field (self, field_start);

      if (p == end)
        break;

      if (*p == delimiter)
        {
          p++;
          if (p == end)
            {
              end_field (self, self->buf_len);
              break;
            }
          continue;
        }

      /* CR or LF: the record ends here. */
      if (*p == '\r' && p + 1 < end && p[1] == '\n')
        p++;
      p++;
      line++;
      break;
    }

  if (p > self->checked_end)
    {
      if (!check_text (self, MAX (rec_start, self->checked_end), p, rec_start,
                       self->record_line, &self->error))
        return fail (self, error);
      self->checked_end = p;
    }

  self->pos = p;
  self->line = line;
  self->record++;
  /* The record is in buf: nothing before it is read again. */
  release_read_pages (self, rec_start);

  return TRUE;
}

guint
banso_csv_reader_get_n_fields (BansoCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_fields;
}

/**
 * banso_csv_reader_get_field:
 * @i: a 0-based field index
 *
 * Returns: the field, valid until the next call to banso_csv_reader_next(); "" when the record
 *   has no field @i.
 */
const char *
banso_csv_reader_get_field (BansoCsvReader *self,
                            guint           i)
{
  g_return_val_if_fail (self != NULL, "");

  if (i >= self->n_fields)
    return "";

  return self->buf + self->fields[i].start;
}

gsize
banso_csv_reader_get_field_length (BansoCsvReader *self,
                                   guint           i)
{
  g_return_val_if_fail (self != NULL, 0);

  if (i >= self->n_fields)
    return 0;

  return self->fields[i].length;
}

static gsize
leading_space (const guchar *s,
               gsize         len)
{
  if (len >= 1 && g_ascii_isspace (s[0]))
    return 1;
  /* U+00A0 NO-BREAK SPACE, common in text pasted into Excel. */
  if (len >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
    return 2;
  /* U+FEFF, left over when files were concatenated with their BOMs. */
  if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
    return 3;
  return 0;
}

static gsize
trailing_space (const guchar *s,
                gsize         len)
{
  if (len >= 1 && g_ascii_isspace (s[len - 1]))
    return 1;
  if (len >= 2 && s[len - 2] == 0xC2 && s[len - 1] == 0xA0)
    return 2;
  if (len >= 3 && s[len - 3] == 0xEF && s[len - 2] == 0xBB && s[len - 1] == 0xBF)
    return 3;
  return 0;
}

/**
 * banso_csv_reader_trim_field:
 * @i: a 0-based field index
 *
 * Removes ASCII white space, U+00A0 and U+FEFF from both ends of field @i, in place: later
 * calls to banso_csv_reader_get_field() return the trimmed text too.
 *
 * Returns: the trimmed field, or "" when the record has no field @i.
 */
const char *
banso_csv_reader_trim_field (BansoCsvReader *self,
                             guint           i)
{
  Field *field;
  guchar *s;
  gsize n;

  g_return_val_if_fail (self != NULL, "");

  if (i >= self->n_fields)
    return "";

  field = &self->fields[i];
  s = (guchar *)self->buf + field->start;

  while ((n = leading_space (s, field->length)) > 0)
    {
      s += n;
      field->start += n;
      field->length -= n;
    }

  while ((n = trailing_space (s, field->length)) > 0)
    field->length -= n;

  s[field->length] = '\0';

  return (const char *)s;
}

/**
 * banso_csv_reader_get_line:
 *
 * Returns: the 1-based physical line on which the current record starts.
 */
guint
banso_csv_reader_get_line (BansoCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->record_line;
}

/**
 * banso_csv_reader_get_record:
 *
 * Returns: the 1-based number of the current record; the header is record 1.
 */
guint
banso_csv_reader_get_record (BansoCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->record;
}
