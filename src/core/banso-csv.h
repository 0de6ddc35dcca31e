/* banso-csv.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BANSO_CSV_ERROR (banso_csv_error_quark ())

typedef enum
{
  /* Not UTF-8 (e.g. Windows-1258, TCVN3) or a broken UTF-16 file. */
  BANSO_CSV_ERROR_ENCODING,
  /* A quoted field is never closed. */
  BANSO_CSV_ERROR_SYNTAX,
  /* Binary data (NUL bytes) or an Excel workbook instead of a CSV file. */
  BANSO_CSV_ERROR_NOT_CSV,
} BansoCsvError;

/*
 * BansoCsvReader streams the records of a CSV file as exported by Excel.
 *
 * Input may be UTF-8 (with or without BOM) or UTF-16 LE/BE with BOM, which is converted to
 * UTF-8. Fields are always valid UTF-8 without NUL bytes. They are returned exactly as written
 * in the file (no trimming); use banso_csv_reader_trim_field() to strip surrounding white
 * space.
 *
 * The constructors check the start of the file (the first 64 KiB) so that a file in the wrong
 * encoding or a workbook is refused before anything is imported; the rest is checked record by
 * record, so banso_csv_reader_next() can still fail with the same errors later in the file.
 * After an error, banso_csv_reader_next() keeps returning FALSE with the same error.
 *
 * The delimiter is detected from the first record (comma, semicolon or tab, counted outside
 * quotes; comma when there is none). A first line of the form "sep=;" (an Excel convention)
 * selects the delimiter instead and is skipped: it is not a record, but it counts for line
 * numbers.
 *
 * Blank lines are skipped but counted. A row of delimiters only (",,,") is a record of empty
 * fields: callers decide whether to skip it.
 *
 * The writer helpers produce what the reader reads back unchanged; values must be UTF-8.
 */
typedef struct _BansoCsvReader BansoCsvReader;

GQuark          banso_csv_error_quark               (void);

/* A delimiter the reader and the writer accept: a tab or printable ASCII but the quote. */
static inline gboolean
banso_csv_delimiter_is_valid (char delimiter)
{
  return delimiter == '\t' || (delimiter > ' ' && delimiter < 0x7F && delimiter != '"');
}

BansoCsvReader *banso_csv_reader_new_for_path       (const char          *path,
                                                     GError             **error);
BansoCsvReader *banso_csv_reader_new_from_bytes     (GBytes              *bytes,
                                                     GError             **error);
void            banso_csv_reader_free               (BansoCsvReader      *self);

const char     *banso_csv_reader_get_converted_from (BansoCsvReader      *self);
char            banso_csv_reader_get_delimiter      (BansoCsvReader      *self);
void            banso_csv_reader_set_delimiter      (BansoCsvReader      *self,
                                                     char                 delimiter);

gboolean        banso_csv_reader_next               (BansoCsvReader      *self,
                                                     GError             **error);
guint           banso_csv_reader_get_n_fields       (BansoCsvReader      *self);
const char     *banso_csv_reader_get_field          (BansoCsvReader      *self,
                                                     guint                i);
gsize           banso_csv_reader_get_field_length   (BansoCsvReader      *self,
                                                     guint                i);
const char     *banso_csv_reader_trim_field         (BansoCsvReader      *self,
                                                     guint                i);
guint           banso_csv_reader_get_line           (BansoCsvReader      *self);
guint           banso_csv_reader_get_record         (BansoCsvReader      *self);

/* banso-csv-writer.c */
void            banso_csv_append_field              (GString             *out,
                                                     const char          *value,
                                                     char                 delimiter);
void            banso_csv_append_row                (GString             *out,
                                                     const char * const  *fields,
                                                     guint                n,
                                                     char                 delimiter);
char           *banso_csv_formula_escape            (const char          *value);
const char     *banso_csv_formula_unescape          (const char          *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoCsvReader, banso_csv_reader_free)

G_END_DECLS
