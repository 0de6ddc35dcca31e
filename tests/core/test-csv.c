/* test-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-test"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "banso-csv.h"

static BansoCsvReader *
reader_new (const char  *text,
            gssize       len,
            GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  if (len < 0)
    len = strlen (text);
  bytes = g_bytes_new (text, len);
  return banso_csv_reader_new_from_bytes (bytes, error);
}

/* Renders every record as "LINE:[field][field]\n" so a whole file can be compared at once. */
static char *
dump_reader (BansoCsvReader  *reader,
             GError         **error)
{
  GString *out = g_string_new (NULL);
  guint expected_record = 0;

  while (banso_csv_reader_next (reader, error))
    {
      guint i;

      expected_record++;
      g_assert_cmpuint (banso_csv_reader_get_record (reader), ==, expected_record);

      g_string_append_printf (out, "%u:", banso_csv_reader_get_line (reader));
      for (i = 0; i < banso_csv_reader_get_n_fields (reader); i++)
        {
          const char *field = banso_csv_reader_get_field (reader, i);

          g_assert_cmpuint (strlen (field), ==, banso_csv_reader_get_field_length (reader, i));
          g_assert_true (g_utf8_validate (field, -1, NULL));
          g_string_append_printf (out, "[%s]", field);
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

static char *
dump_text (const char *text,
           gssize      len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoCsvReader) reader = NULL;
  char *result;

  reader = reader_new (text, len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reader);

  result = dump_reader (reader, &error);
  g_assert_no_error (error);

  return result;
}

static void
assert_dump (const char *text,
             const char *expected)
{
  g_autofree char *dump = dump_text (text, -1);

  g_assert_cmpstr (dump, ==, expected);
}

static void
assert_message_contains (const GError *error,
                         const char   *needle)
{
  g_assert_nonnull (error);
  if (strstr (error->message, needle) == NULL)
    g_error ("Expected “%s” in the message “%s”", needle, error->message);
}

/* Header of a household list, used where the content does not matter. */
#define HEADER "Mã hộ,Họ và tên chủ hộ,Địa chỉ\r\n"

static void
test_reader_simple (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoCsvReader) reader = NULL;

  reader = reader_new (HEADER "H001,Lò Văn Ón,Bản Mường\r\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (banso_csv_reader_get_delimiter (reader), ==, ',');
  g_assert_null (banso_csv_reader_get_converted_from (reader));
  g_assert_cmpuint (banso_csv_reader_get_record (reader), ==, 0);

  g_assert_true (banso_csv_reader_next (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (banso_csv_reader_get_record (reader), ==, 1);
  g_assert_cmpuint (banso_csv_reader_get_line (reader), ==, 1);
  g_assert_cmpuint (banso_csv_reader_get_n_fields (reader), ==, 3);
  g_assert_cmpstr (banso_csv_reader_get_field (reader, 0), ==, "Mã hộ");
  g_assert_cmpstr (banso_csv_reader_get_field (reader, 2), ==, "Địa chỉ");

  g_assert_true (banso_csv_reader_next (reader, &error));
  g_assert_cmpuint (banso_csv_reader_get_record (reader), ==, 2);
  g_assert_cmpuint (banso_csv_reader_get_line (reader), ==, 2);
  g_assert_cmpstr (banso_csv_reader_get_field (reader, 1), ==, "Lò Văn Ón");

  g_assert_false (banso_csv_reader_next (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (banso_csv_reader_get_n_fields (reader), ==, 0);
  g_assert_cmpstr (banso_csv_reader_get_field (reader, 0), ==, "");

  /* The end stays the end. */
  g_assert_false (banso_csv_reader_next (reader, &error));
  g_assert_no_error (error);
}

static void
test_reader_quoted (void)
{
  assert_dump ("\"a,b\",\"say \"\"hi\"\"\",\"\",\"\"\"\"\n",
               "1:[a,b][say \"hi\"][][\"]\n");
  assert_dump ("x,\"\"\n", "1:[x][]\n");
  assert_dump ("\"Thôn 3, xã Tân Lập\",\"Nguyễn Thị \"\"Bé\"\"\"\r\n",
               "1:[Thôn 3, xã Tân Lập][Nguyễn Thị \"Bé\"]\n");
  /* A quoted field can hold a whole line of text with delimiters and line breaks. */
  assert_dump ("\",;\t\r\n\",b\n", "1:[,;\t\r\n][b]\n");
}

static void
test_reader_literal_quotes (void)
{
  /* Excel keeps a quote that is not at the start of a field. */
  assert_dump ("ab\"c,d\"\"e,f\"\n", "1:[ab\"c][d\"\"e][f\"]\n");
  /* Space before the quote: the field is not quoted. */
  assert_dump ("a, \"b\",c\n", "1:[a][ \"b\"][c]\n");
}

static void
test_reader_text_after_quote (void)
{
  assert_dump ("\"ab\"c,d\n", "1:[abc][d]\n");
  assert_dump ("\"ab\" ,d\n", "1:[ab ][d]\n");
  assert_dump ("\"ab\"c\"d\",e\n", "1:[abc\"d\"][e]\n");
  assert_dump ("a,\"b\"c", "1:[a][bc]\n");
}

static void
test_reader_embedded_newline (void)
{
  assert_dump ("h1,h2\n"
               "\"x\ny\",z\n"
               "\"p\r\nq\rr\",s\n"
               "last,1\n",
               "1:[h1][h2]\n"
               "2:[x\ny][z]\n"
               "4:[p\r\nq\rr][s]\n"
               "7:[last][1]\n");

  /* A line break split by an escaped quote is two line breaks. */
  assert_dump ("\"a\r\"\"\nb\",c\nd\n", "1:[a\r\"\nb][c]\n4:[d]\n");
}

static void
test_reader_line_endings (void)
{
  assert_dump ("a,b\r\nc,d\r\n", "1:[a][b]\n2:[c][d]\n");
  assert_dump ("a,b\rc,d\r\re,f", "1:[a][b]\n2:[c][d]\n4:[e][f]\n");
  assert_dump ("a\rb\nc\r\nd", "1:[a]\n2:[b]\n3:[c]\n4:[d]\n");
  /* LF CR is two line breaks, not one. */
  assert_dump ("a\n\rb\n", "1:[a]\n3:[b]\n");
}

static void
test_reader_blank_lines (void)
{
  assert_dump ("\n\na\n\r\n\nb\n\n\n", "3:[a]\n6:[b]\n");
  /* A row of empty fields is a record, not a blank line. */
  assert_dump ("a,b\n,\n", "1:[a][b]\n2:[][]\n");
  /* White space only is a record, kept as it is. */
  assert_dump ("a\n \n", "1:[a]\n2:[ ]\n");
}

static void
test_reader_final_line (void)
{
  assert_dump ("a,b\nc,d", "1:[a][b]\n2:[c][d]\n");
  assert_dump ("a,b\nc,\"d\"", "1:[a][b]\n2:[c][d]\n");
  assert_dump ("a,b\nc,", "1:[a][b]\n2:[c][]\n");
  assert_dump ("a,b\n\"\"", "1:[a][b]\n2:[]\n");
  assert_dump ("a,", "1:[a][]\n");
  assert_dump (",", "1:[][]\n");
}

static void
test_reader_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoCsvReader) reader = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (NULL, 0);

  reader = banso_csv_reader_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_false (banso_csv_reader_next (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (banso_csv_reader_get_record (reader), ==, 0);
  g_assert_cmpstr (banso_csv_reader_get_field (reader, 0), ==, "");

  assert_dump ("\r\n\r\n\n\r", "");
  assert_dump ("\xEF\xBB\xBF", "");
}

static void
test_reader_bom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoCsvReader) reader = NULL;

  reader = reader_new ("\xEF\xBB\xBFMã hộ;Tên\r\nH1;Ơn\r\n", -1, &error);
  g_assert_no_error (error);
  g_assert_null (banso_csv_reader_get_converted_from (reader));
  g_assert_cmpint (banso_csv_reader_get_delimiter (reader), ==, ';');
  g_assert_true (banso_csv_reader_next (reader, &error));
  g_assert_cmpstr (banso_csv_reader_get_field (reader, 0), ==, "Mã hộ");
  g_assert_cmpuint (banso_csv_reader_get_line (reader), ==, 1);

  /* Only the first BOM is an encoding mark; a second one is data. */
  assert_dump ("\xEF\xBB\xBF\xEF\xBB\xBF" "a\n", "1:[\xEF\xBB\xBF" "a]\n");
  assert_dump ("\xEF\xBB\xBF\"q,r\",s\n", "1:[q,r][s]\n");
}

static GBytes *
utf16_bytes (const char *utf8,
             const char *charset,
             const char *bom)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *converted = NULL;
  gsize len = 0;
  GByteArray *array;

  converted = g_convert (utf8, -1, charset, "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);

  array = g_byte_array_new ();
  g_byte_array_append (array, (const guint8 *)bom, 2);
  g_byte_array_append (array, (const guint8 *)converted, len);
  return g_byte_array_free_to_bytes (array);
}

static void
test_reader_utf16 (void)
{
  const char *text = "Họ tên\tĐịa chỉ\r\n"
                     "Lò Văn ꪼꪕ\t\"ꨌꩌ\r\nthôn 2\"\r\n"
                     "Y\tZ";
  const char *expected = "1:[Họ tên][Địa chỉ]\n"
                         "2:[Lò Văn ꪼꪕ][ꨌꩌ\r\nthôn 2]\n"
                         "4:[Y][Z]\n";
  struct {
    const char *charset;
    const char *bom;
  } cases[] = {
    { "UTF-16LE", "\xFF\xFE" },
    { "UTF-16BE", "\xFE\xFF" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = utf16_bytes (text, cases[i].charset, cases[i].bom);
      g_autoptr(BansoCsvReader) reader = NULL;
      g_autofree char *dump = NULL;

      reader = banso_csv_reader_new_from_bytes (bytes, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (banso_csv_reader_get_converted_from (reader), ==, cases[i].charset);
      g_assert_cmpint (banso_csv_reader_get_delimiter (reader), ==, '\t');

      dump = dump_reader (reader, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (dump, ==, expected);
    }
}

static void
test_reader_utf16_damaged (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoCsvReader) reader = NULL;

  /* Odd length: the file was cut in the middle of a character. */
  reader = reader_new ("\xFF\xFE" "a\0\r\0\n\0b\0\r\0\n\0c", 15, &error);
  g_assert_null (reader);
  g_assert_error (error, BANSO_CSV_ERROR, BANSO_CSV_ERROR_ENCODING);
  assert_message_contains (error, "Line 3 ");
  assert_message_contains (error, "UTF-16");
  g_clear_error (&error);

  /* A lone high surrogate on line 2. */
  reader = reader_new ("\xFF\xFE" "a\0\n\0\x00\xD8" "b\0", 10, &error);
  g_assert_null (reader);
  g_assert_error (error, BANSO_CSV_ERROR, BANSO_CSV_ERROR_ENCODING);
  assert_message_contains (error, "Line 2 ");
  g_clear_error (&error);

  /* UTF-16 text that contains NUL characters is binary. */
  reader = reader_new ("\xFF\xFE" "a\0\n\0\0\0", 8, &error);
  g_assert_null (reader);
  g_assert_error (error, BANSO_CSV_ERROR, BANSO_CSV_ERROR_NOT_CSV);
  assert_message_contains (error, "(line 2)");
  g_clear_error (&error);

  /* Only the BOM: an empty file. */
  reader = reader_new ("\xFF\xFE", 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (banso_csv_reader_get_converted_from (reader), ==, "UTF-16LE");
  g_assert_false (banso_csv_reader_next (reader, &error));
  g_assert_no_error (error);
}

static void
test_reader_windows_1258 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoCsvReader) reader = NULL;

  /* "Lò Văn" in Windows-1258: ò is 0xF2, ă is 0xE3. */
  reader = reader_new ("Ma ho,Ho ten\r\nH1,L\xf2 V\xe3n\r\n", -1, &error);
  g_assert_null (reader);
  g_assert_error (error, BANSO_CSV_ERROR, BANSO_CSV_ERROR_ENCODING);
  assert_message_contains (error, "Line 2 is not UTF-8 text.");
  assert_message_contains (error, "CSV UTF-8 (Comma delimited)");
  g_clear_error (&error);

  /* Line counting goes through quoted line breaks and CR-only lines. */
  reader = reader_new ("a\r\"b\r\nc\"\rd\n\xf2\n", -1, &error);
  g_assert_null (reader);
  assert_message_contains (error, "Line 5 ");
  g_clear_error (&error);

  /* Overlong forms, surrogates and truncated sequences are not UTF-8 either. */
  reader = reader_new ("a\n\xC0\xAF\n", -1, &error);
  g_assert_error (error, BANSO_CSV_ERROR, BANSO_CSV_ERROR_ENCODING);
  g_clear_error (&error);
  reader = reader_new ("\xED\xA0\x80\n", -1, &error);
  g_assert_error (error, BANSO_CSV_ERROR, BANSO_CSV_ERROR_ENCODING);
  g_clear_error (&error);
  reader = reader_new ("abc\xE1\xBB", -1, &error);
  g_assert_error (error, BANSO_CSV_ERROR, BANSO_CSV_ERROR_ENCODING);
  g_clear_error (&error);
  reader = reader_new ("\xF4\x90\x80\x80", -1, &error);
  g_assert_error (error, BANSO_CSV_ERROR, BANSO_CSV_ERROR_ENCODING);
  g_clear_error (&error);
}

/* The constructor only checks the start of the file: later problems come from next(). */
static void
test_reader_late_errors (void)
{
  struct {
    const char *bad_line;
    gsize len;
    BansoCsvError code;
    const char *message;
  } cases[] = {
#define BAD(s) s, sizeof (s) - 1
    { BAD ("H9999,L\xf2 V\xe3n\r\n"), BANSO_CSV_ERROR_ENCODING, "Line 10002 is not UTF-8" },
    { BAD ("H9999,L\xf2\0\r\n"), BANSO_CSV_ERROR_NOT_CSV, "binary data (line 10002)." },
    { BAD ("H9999,\"Lò\r\n"), BANSO_CSV_ERROR_SYNTAX, "Field 2 on line 10002 " },
#undef BAD
  };
  guint c;

  for (c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GString) text = g_string_new (HEADER);
      g_autoptr(GError) error = NULL;
      g_autoptr(BansoCsvReader) reader = NULL;
      g_autoptr(GBytes) bytes = NULL;
      guint n_records = 0;
      guint i;

      /* The header on line 1, then 5000 records of two lines each. */
      for (i = 0; i < 5000; i++)
        g_string_append_printf (text, "H%04u,Nguyễn Văn %u,\"Thôn %u,\r\nxã Ya Xiêr\"\r\n",
                                i, i, i % 7);
      g_assert_cmpuint (text->len, >, 128 * 1024);
      g_string_append_len (text, cases[c].bad_line, cases[c].len);
      g_string_append (text, "H10000,OK,OK\r\n");

      bytes = g_bytes_new (text->str, text->len);
      reader = banso_csv_reader_new_from_bytes (bytes, &error);
      g_assert_no_error (error);

      while (banso_csv_reader_next (reader, &error))
        n_records++;

      g_assert_cmpuint (n_records, ==, 5001);
      g_assert_error (error, BANSO_CSV_ERROR, cases[c].code);
      assert_message_contains (error, cases[c].message);
      g_clear_error (&error);

      /* The error sticks: it must not look like the end of the file. */
      g_assert_false (banso_csv_reader_next (reader, &error));
      g_assert_error (error, BANSO_CSV_ERROR, cases[c].code);
      g_assert_cmpuint (banso_csv_reader_get_n_fields (reader), ==, 0);
    }
}

static void
test_reader_binary (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoCsvReader) reader = NULL;

  reader = reader_new ("a,b\nc\0d\n", 8, &error);
  g_assert_null (reader);
  g_assert_error (error, BANSO_CSV_ERROR, BANSO_CSV_ERROR_NOT_CSV);
  g_assert_cmpstr (error->message, ==,
                   "This is not a CSV file: it contains binary data (line 2).");
  g_clear_error (&error);

  /* Binary data is reported as such even when bytes that are not UTF-8 come first. */
  reader = reader_new ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, &error);
  g_assert_null (reader);
  g_assert_error (error, BANSO_CSV_ERROR, BANSO_CSV_ERROR_NOT_CSV);
  g_clear_error (&error);

  reader = reader_new ("PK\x03\x04\x14\0\x06\0", 8, &error);
  g_assert_null (reader);
  g_assert_error (error, BANSO_CSV_ERROR, BANSO_CSV_ERROR_NOT_CSV);
  assert_message_contains (error, "Excel workbook");
  g_clear_error (&error);

  reader = reader_new ("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10, &error);
  g_assert_null (reader);
  g_assert_error (error, BANSO_CSV_ERROR, BANSO_CSV_ERROR_NOT_CSV);
  assert_message_contains (error, "Excel workbook");
  g_clear_error (&error);
}

static void
test_reader_unterminated (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoCsvReader) reader = NULL;

  reader = reader_new ("a,b\r\nc,\"d\r\ne\r\nf\r\n", -1, &error);
  g_assert_no_error (error);

  g_assert_true (banso_csv_reader_next (reader, &error));
  g_assert_cmpstr (banso_csv_reader_get_field (reader, 1), ==, "b");

  g_assert_false (banso_csv_reader_next (reader, &error));
  g_assert_error (error, BANSO_CSV_ERROR, BANSO_CSV_ERROR_SYNTAX);
  assert_message_contains (error, "Field 2 on line 2 ");
  g_clear_error (&error);

  g_assert_false (banso_csv_reader_next (reader, &error));
  g_assert_error (error, BANSO_CSV_ERROR, BANSO_CSV_ERROR_SYNTAX);
  g_clear_error (&error);

  /* The line is where the quoted field starts, after earlier multi-line fields. */
  g_clear_pointer (&reader, banso_csv_reader_free);
  reader = reader_new ("\"x\ny\"\rz,\"\"\"\n", -1, &error);
  g_assert_true (banso_csv_reader_next (reader, &error));
  g_assert_false (banso_csv_reader_next (reader, &error));
  assert_message_contains (error, "Field 2 on line 3 ");
  g_clear_error (&error);

  /* NULL error is allowed. */
  g_assert_false (banso_csv_reader_next (reader, NULL));
}

static void
test_reader_delimiter (void)
{
  struct {
    const char *text;
    char delimiter;
  } cases[] = {
    { "Họ tên;Ngày sinh;Ghi chú\r\n", ';' },
    { "a\tb\tc\n", '\t' },
    { "a,b,c\n", ',' },
    { "a\n", ',' },
    { "", ',' },
    /* Delimiters inside quotes do not count. */
    { "\"a,b,c\";d;e\n", ';' },
    { "\"a;b;c\",d\n", ',' },
    { "\"a\"\"b,c,d\";e\n", ';' },
    /* Only the first record counts. */
    { "a;b\nc,d,e,f\n", ';' },
    { "\"x\n,,,,\";y\n", ';' },
    /* The decimal comma of "1,5" is outnumbered by the semicolons. */
    { "a;1,5;c\n", ';' },
    { "a;b,c\n", ',' },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BansoCsvReader) reader = reader_new (cases[i].text, -1, &error);

      g_assert_no_error (error);
      if (banso_csv_reader_get_delimiter (reader) != cases[i].delimiter)
        g_error ("Case %u: expected '%c', got '%c'", i, cases[i].delimiter,
                 banso_csv_reader_get_delimiter (reader));
    }

  assert_dump ("Họ tên;Ngày sinh\r\n\"Lê, Văn\";1,5\r\n",
               "1:[Họ tên][Ngày sinh]\n2:[Lê, Văn][1,5]\n");
}

static void
test_reader_sep_line (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoCsvReader) reader = NULL;
  g_autofree char *dump = NULL;

  reader = reader_new ("sep=;\r\na,b;c\r\n", -1, &error);
  g_assert_cmpint (banso_csv_reader_get_delimiter (reader), ==, ';');
  dump = dump_reader (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dump, ==, "2:[a,b][c]\n");

  assert_dump ("sep=|\na|b", "2:[a][b]\n");
  assert_dump ("sep=\t", "");
  /* Not a sep line. */
  assert_dump ("sep=;;x\n", "1:[sep=][][x]\n");
  assert_dump ("sep=\"\n", "1:[sep=\"]\n");
  assert_dump ("\"sep=;\"\n", "1:[sep=;]\n");
}

static void
test_reader_set_delimiter (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoCsvReader) reader = NULL;
  g_autofree char *dump = NULL;

  reader = reader_new ("a,b;c\n", -1, &error);
  g_assert_cmpint (banso_csv_reader_get_delimiter (reader), ==, ',');
  banso_csv_reader_set_delimiter (reader, ';');
  g_assert_cmpint (banso_csv_reader_get_delimiter (reader), ==, ';');
  dump = dump_reader (reader, &error);
  g_assert_cmpstr (dump, ==, "1:[a,b][c]\n");
}

static void
test_reader_fields (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoCsvReader) reader = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *long_field = g_strnfill (100000, 'x');
  guint i;

  /* Many fields and a long one make the record buffers grow. */
  for (i = 0; i < 1000; i++)
    g_string_append_printf (text, "%u,", i);
  g_string_append_printf (text, "\"%s\"\n", long_field);
  g_string_append (text, "a,b\n");

  reader = reader_new (text->str, text->len, &error);
  g_assert_true (banso_csv_reader_next (reader, &error));
  g_assert_cmpuint (banso_csv_reader_get_n_fields (reader), ==, 1001);
  g_assert_cmpstr (banso_csv_reader_get_field (reader, 999), ==, "999");
  g_assert_cmpstr (banso_csv_reader_get_field (reader, 1000), ==, long_field);
  g_assert_cmpuint (banso_csv_reader_get_field_length (reader, 1000), ==, 100000);
  g_assert_cmpstr (banso_csv_reader_get_field (reader, 1001), ==, "");
  g_assert_cmpuint (banso_csv_reader_get_field_length (reader, 1001), ==, 0);
  g_assert_cmpstr (banso_csv_reader_get_field (reader, G_MAXUINT), ==, "");

  g_assert_true (banso_csv_reader_next (reader, &error));
  g_assert_cmpuint (banso_csv_reader_get_n_fields (reader), ==, 2);
  g_assert_cmpstr (banso_csv_reader_get_field (reader, 1), ==, "b");
  g_assert_cmpstr (banso_csv_reader_get_field (reader, 2), ==, "");
  g_assert_cmpuint (banso_csv_reader_get_line (reader), ==, 2);
}

static void
test_reader_trim (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoCsvReader) reader = NULL;

  reader = reader_new ("  Lò Văn  ,\xC2\xA0" "Bản\xC2\xA0,\" \t \",x,\"\xEF\xBB\xBF" "y \"\n",
                       -1, &error);
  g_assert_true (banso_csv_reader_next (reader, &error));
  g_assert_cmpstr (banso_csv_reader_get_field (reader, 0), ==, "  Lò Văn  ");
  g_assert_cmpstr (banso_csv_reader_trim_field (reader, 0), ==, "Lò Văn");
  g_assert_cmpstr (banso_csv_reader_get_field (reader, 0), ==, "Lò Văn");
  g_assert_cmpuint (banso_csv_reader_get_field_length (reader, 0), ==, strlen ("Lò Văn"));
  g_assert_cmpstr (banso_csv_reader_trim_field (reader, 0), ==, "Lò Văn");
  g_assert_cmpstr (banso_csv_reader_trim_field (reader, 1), ==, "Bản");
  g_assert_cmpstr (banso_csv_reader_trim_field (reader, 2), ==, "");
  g_assert_cmpuint (banso_csv_reader_get_field_length (reader, 2), ==, 0);
  g_assert_cmpstr (banso_csv_reader_trim_field (reader, 3), ==, "x");
  g_assert_cmpstr (banso_csv_reader_trim_field (reader, 4), ==, "y");
  g_assert_cmpstr (banso_csv_reader_trim_field (reader, 5), ==, "");
  /* Trimming one field leaves its neighbours alone. */
  g_assert_cmpstr (banso_csv_reader_get_field (reader, 3), ==, "x");
}

static void
test_reader_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoCsvReader) reader = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dump = NULL;
  int fd;

  fd = g_file_open_tmp ("banso-test-csv-XXXXXX.csv", &path, &error);
  g_assert_no_error (error);
  close (fd);

  g_file_set_contents (path, "\xEF\xBB\xBFMã hộ,Tên\r\nH1,\"Y, Z\"\r\n", -1, &error);
  g_assert_no_error (error);

  reader = banso_csv_reader_new_for_path (path, &error);
  g_assert_no_error (error);
  dump = dump_reader (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dump, ==, "1:[Mã hộ][Tên]\n2:[H1][Y, Z]\n");
  g_clear_pointer (&reader, banso_csv_reader_free);

  /* An empty file maps to no memory at all. */
  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
  reader = banso_csv_reader_new_for_path (path, &error);
  g_assert_no_error (error);
  g_assert_false (banso_csv_reader_next (reader, &error));
  g_assert_no_error (error);
  g_clear_pointer (&reader, banso_csv_reader_free);

  g_unlink (path);
  reader = banso_csv_reader_new_for_path (path, &error);
  g_assert_null (reader);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

/* Resident pages of mapped files, from /proc; -1 where there is none. */
static gint64
rss_file_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "RssFile:")) == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen ("RssFile:"), NULL, 10);
}

/* A large file is read whole and right, and what was read does not stay in
 * the process's memory. */
static void
test_reader_large_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoCsvReader) reader = NULL;
  g_autoptr(GString) text = g_string_new ("household,name,note\n");
  g_autofree char *path = NULL;
  guint records = 0, n = 0;
  gint64 before, peak = 0;
  int fd;

  while (text->len < 64 * 1024 * 1024)
    g_string_append_printf (text, "%08u,\"Lò Văn Pơm, %u\",%0100u\n", n, n, n), n++;
  fd = g_file_open_tmp ("banso-test-csv-XXXXXX.csv", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  before = rss_file_kib ();
  reader = banso_csv_reader_new_for_path (path, &error);
  g_assert_no_error (error);
  while (banso_csv_reader_next (reader, &error))
    {
      if (records > 0)
        {
          g_autofree char *id = g_strdup_printf ("%08u", records - 1);
          g_autofree char *name = g_strdup_printf ("Lò Văn Pơm, %u", records - 1);

          g_assert_cmpstr (banso_csv_reader_get_field (reader, 0), ==, id);
          g_assert_cmpstr (banso_csv_reader_get_field (reader, 1), ==, name);
        }
      if ((records & 0xffff) == 0 && before >= 0)
        peak = MAX (peak, rss_file_kib () - before);
      records++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (records, ==, n + 1);
  if (before >= 0)
    {
      g_test_message ("mapped file pages resident at most: %" G_GINT64_FORMAT " KiB", peak);
      g_assert_cmpint (peak, <, 40 * 1024);
    }

  g_unlink (path);
}

static char *
write_field (const char *value,
             char        delimiter)
{
  GString *out = g_string_new (NULL);

  banso_csv_append_field (out, value, delimiter);
  return g_string_free (out, FALSE);
}

static void
assert_written (const char *value,
                char        delimiter,
                const char *expected)
{
  g_autofree char *written = write_field (value, delimiter);

  g_assert_cmpstr (written, ==, expected);
}

static void
test_writer_quoting (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *row[] = { "H1", "Lò Văn Ón", "Thôn 3, xã Tân Lập", "", NULL };
  const char *empty[] = { "" };
  const char *sep_row[] = { "", "ep=", "" };
  const char *sep_row2[] = { "sep", ";" };

  assert_written ("Lò Văn", ',', "Lò Văn");
  assert_written ("", ',', "");
  assert_written (NULL, ',', "");
  assert_written ("a,b", ',', "\"a,b\"");
  assert_written ("a,b", ';', "a,b");
  assert_written ("a;b", ';', "\"a;b\"");
  assert_written ("a\tb", '\t', "\"a\tb\"");
  assert_written ("say \"hi\"", ';', "\"say \"\"hi\"\"\"");
  assert_written ("\"", ',', "\"\"\"\"");
  assert_written ("a\nb", ',', "\"a\nb\"");
  assert_written ("a\rb", ',', "\"a\rb\"");
  assert_written (" a", ',', "\" a\"");
  assert_written ("a ", ',', "\"a \"");
  assert_written ("a\t", ',', "\"a\t\"");
  assert_written ("a b", ',', "a b");
  assert_written ("PK\x03\x04", ',', "\"PK\x03\x04\"");
  assert_written ("a\x01", ',', "\"a\x01\"");
  assert_written ("\xEF\xBB\xBF" "a", ',', "\"\xEF\xBB\xBF" "a\"");
  assert_written ("sep=;", ',', "\"sep=;\"");

  banso_csv_append_row (out, row, 5, ',');
  g_assert_cmpstr (out->str, ==, "H1,Lò Văn Ón,\"Thôn 3, xã Tân Lập\",,\r\n");

  g_string_truncate (out, 0);
  banso_csv_append_row (out, empty, 1, ';');
  g_assert_cmpstr (out->str, ==, "\"\"\r\n");

  g_string_truncate (out, 0);
  banso_csv_append_row (out, row, 1, ';');
  g_assert_cmpstr (out->str, ==, "H1\r\n");

  /* Rows that would read as Excel's "sep=" line. */
  g_string_truncate (out, 0);
  banso_csv_append_row (out, sep_row, 3, 's');
  g_assert_cmpstr (out->str, ==, "\"\"sep=s\r\n");
  g_string_truncate (out, 0);
  banso_csv_append_row (out, sep_row + 1, 1, ';');
  g_assert_cmpstr (out->str, ==, "ep=\r\n");
  g_string_truncate (out, 0);
  banso_csv_append_row (out, sep_row2, 2, '=');
  g_assert_cmpstr (out->str, ==, "\"sep\"=;\r\n");
}

static void
assert_round_trip (const char * const *rows[],
                   guint               n_rows,
                   char                delimiter,
                   gboolean            detect)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoCsvReader) reader = NULL;
  guint expected_line = 1;
  guint r;

  for (r = 0; r < n_rows; r++)
    banso_csv_append_row (out, rows[r], g_strv_length ((char **)rows[r]), delimiter);

  reader = reader_new (out->str, out->len, &error);
  g_assert_no_error (error);
  if (detect)
    g_assert_cmpint (banso_csv_reader_get_delimiter (reader), ==, delimiter);
  else
    banso_csv_reader_set_delimiter (reader, delimiter);

  for (r = 0; r < n_rows; r++)
    {
      guint n = g_strv_length ((char **)rows[r]);
      guint i;

      g_assert_true (banso_csv_reader_next (reader, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (banso_csv_reader_get_record (reader), ==, r + 1);
      g_assert_cmpuint (banso_csv_reader_get_line (reader), ==, expected_line);
      g_assert_cmpuint (banso_csv_reader_get_n_fields (reader), ==, n);

      for (i = 0; i < n; i++)
        {
          const char *field = rows[r][i];

          g_assert_cmpstr (banso_csv_reader_get_field (reader, i), ==, field);
          /* The writer writes CRLF only between records; line breaks in fields are kept. */
          for (; *field != '\0'; field++)
            if (*field == '\n' || (*field == '\r' && field[1] != '\n'))
              expected_line++;
        }
      expected_line++;
    }

  g_assert_false (banso_csv_reader_next (reader, &error));
  g_assert_no_error (error);
}

static void
test_writer_round_trip (void)
{
  const char *header[] = { "Mã hộ", "Họ và tên", "Dân tộc", "Địa chỉ", "Ghi chú", NULL };
  const char *row1[] = { "H0001", "Lò Văn Ón", "Thái", "Bản Mường, xã Chiềng Sinh",
                         "Tên chữ Thái: ꪼꪕ ꪩꪱꪉ", NULL };
  const char *row2[] = { "H0002", "Đàng Thị Ngọc", "Chăm", "Thôn Hữu Đức;\r\nPhước Hữu",
                         "Chữ Chăm: ꨌꩌ ꨀꨇꩉ, \"Akhar Thrah\"", NULL };
  const char *row3[] = { "H0003", "  có khoảng trắng  ", "", "\"", "a\nb\rc\r\nd\n\re", NULL };
  const char *row4[] = { "", "", "", "", "", NULL };
  const char *row5[] = { "", NULL };
  const char *row6[] = { "sep=;", NULL };
  const char *row7[] = { "\xEF\xBB\xBF" "BOM", "\t", ",", ";", "\"\"", NULL };
  const char * const *rows[] = { header, row1, row2, row3, row4, row5, row6, row7 };
  const char * const *first_sep[] = { row6, header, row5 };
  const char * const *first_bom[] = { row7, row1 };
  const char * const *first_empty[] = { row5, row4 };
  const char *split_sep[] = { "", "ep=", "", NULL };
  const char * const *first_split_sep[] = { split_sep, row1 };
  const char delimiters[] = { ',', ';', '\t' };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (delimiters); i++)
    {
      assert_round_trip (rows, G_N_ELEMENTS (rows), delimiters[i], TRUE);
      assert_round_trip (first_sep, G_N_ELEMENTS (first_sep), delimiters[i], FALSE);
      assert_round_trip (first_bom, G_N_ELEMENTS (first_bom), delimiters[i], TRUE);
      assert_round_trip (first_empty, G_N_ELEMENTS (first_empty), delimiters[i], FALSE);
    }

  assert_round_trip (first_split_sep, G_N_ELEMENTS (first_split_sep), 's', FALSE);
}

static void
test_writer_round_trip_random (void)
{
  static const char *pieces[] = {
    "a", "Z", " ", ",", ";", "\t", "\"", "\r", "\n", "\r\n", "ệ", "Đ", "ꪼ", "ꪕ", "ꨌ", "ꩌ",
    "\xEF\xBB\xBF", "\xC2\xA0", "sep=", "|", "'", "=",
  };
  const char delimiters[] = { ',', ';', '\t', '|' };
  guint iteration;

  for (iteration = 0; iteration < 300; iteration++)
    {
      guint n_rows = g_test_rand_int_range (1, 8);
      char ***rows = g_new0 (char **, n_rows + 1);
      char delimiter = delimiters[g_test_rand_int_range (0, G_N_ELEMENTS (delimiters))];
      guint r;

      for (r = 0; r < n_rows; r++)
        {
          guint n = g_test_rand_int_range (1, 7);
          guint f;

          rows[r] = g_new0 (char *, n + 1);
          for (f = 0; f < n; f++)
            {
              GString *value = g_string_new (NULL);
              guint len = g_test_rand_int_range (0, 6);

              while (len-- > 0)
                g_string_append (value, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
              rows[r][f] = g_string_free (value, FALSE);
            }
        }

      assert_round_trip ((const char * const **)rows, n_rows, delimiter, FALSE);

      for (r = 0; r < n_rows; r++)
        g_strfreev (rows[r]);
      g_free (rows);
    }
}

/* The OWASP rule, and an exact way back. */
static void
test_formula_escape (void)
{
  static const struct { const char *value, *escaped; } cases[] = {
    { "=1+1", "'=1+1" }, { "+84912345678", "'+84912345678" }, { "@SUM(A1)", "'@SUM(A1)" },
    { "-1+cmd", "'-1+cmd" }, { "\tx", "'\tx" }, { "\rx", "'\rx" }, { "'=x", "''=x" },
    { "''", "'''" }, { "-12", NULL }, { "-3.5", NULL }, { "-", "'-" }, { "-.5", "'-.5" },
    { "'", NULL }, { "'x", NULL }, { "Lò Văn Pơm", NULL }, { "", NULL }, { "0912", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = banso_csv_formula_escape (cases[i].value);
      const char *written = escaped ? escaped : cases[i].value;

      g_assert_cmpstr (escaped, ==, cases[i].escaped);
      g_assert_cmpstr (banso_csv_formula_unescape (written), ==, cases[i].value);
    }
  g_assert_null (banso_csv_formula_escape (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/reader/simple", test_reader_simple);
  g_test_add_func ("/csv/reader/quoted", test_reader_quoted);
  g_test_add_func ("/csv/reader/literal-quotes", test_reader_literal_quotes);
  g_test_add_func ("/csv/reader/text-after-quote", test_reader_text_after_quote);
  g_test_add_func ("/csv/reader/embedded-newline", test_reader_embedded_newline);
  g_test_add_func ("/csv/reader/line-endings", test_reader_line_endings);
  g_test_add_func ("/csv/reader/blank-lines", test_reader_blank_lines);
  g_test_add_func ("/csv/reader/final-line", test_reader_final_line);
  g_test_add_func ("/csv/reader/empty", test_reader_empty);
  g_test_add_func ("/csv/reader/bom", test_reader_bom);
  g_test_add_func ("/csv/reader/utf16", test_reader_utf16);
  g_test_add_func ("/csv/reader/utf16-damaged", test_reader_utf16_damaged);
  g_test_add_func ("/csv/reader/windows-1258", test_reader_windows_1258);
  g_test_add_func ("/csv/reader/late-errors", test_reader_late_errors);
  g_test_add_func ("/csv/reader/binary", test_reader_binary);
  g_test_add_func ("/csv/reader/unterminated", test_reader_unterminated);
  g_test_add_func ("/csv/reader/delimiter", test_reader_delimiter);
  g_test_add_func ("/csv/reader/sep-line", test_reader_sep_line);
  g_test_add_func ("/csv/reader/set-delimiter", test_reader_set_delimiter);
  g_test_add_func ("/csv/reader/fields", test_reader_fields);
  g_test_add_func ("/csv/reader/trim", test_reader_trim);
  g_test_add_func ("/csv/reader/path", test_reader_path);
  g_test_add_func ("/csv/reader/large-path", test_reader_large_path);
  g_test_add_func ("/csv/writer/quoting", test_writer_quoting);
  g_test_add_func ("/csv/writer/round-trip", test_writer_round_trip);
  g_test_add_func ("/csv/writer/round-trip-random", test_writer_round_trip_random);
  g_test_add_func ("/csv/writer/formula-escape", test_formula_escape);

  return g_test_run ();
}
