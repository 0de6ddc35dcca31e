/* test-validate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib.h>
#include <string.h>

#include "banso-validate.h"

#define OK (-1)

/* Checks the outcome: @code is OK or a BansoValidateError; @needle must be in the message. */
static void
check_result (const char *what,
              gboolean    result,
              GError     *error,
              int         code,
              const char *needle)
{
  if (code == OK)
    {
      if (!result || error != NULL)
        g_error ("“%s” should be valid, got: %s", what, error ? error->message : "(no error)");
      return;
    }

  if (result)
    g_error ("“%s” should be refused", what);
  g_assert_error (error, BANSO_VALIDATE_ERROR, code);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  if (needle != NULL && strstr (error->message, needle) == NULL)
    g_error ("“%s”: message “%s” should contain “%s”", what, error->message, needle);
}

static int
this_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_year (now);
}

static void
test_citizen_id (void)
{
  static const struct
  {
    const char *text;
    int         birth_year;
    int         sex;
    int         code;
    const char *needle;
  } cases[] = {
    { "001085012345", 0, 0, OK, NULL },                  /* Hà Nội, man, 1985 */
    { "  001085012345  ", 1985, 1, OK, NULL },
    { "079305123456", 2005, 2, OK, NULL },               /* TP HCM, woman, 2005 */
    { "011185000001", 1985, 2, OK, NULL },               /* Điện Biên, woman, 1985 */
    { "096099999999", 1999, 1, OK, NULL },               /* Cà Mau */
    { "002000000000", 1900, 0, OK, NULL },
    { "001085012345", 0, 3, OK, NULL },                  /* unexpected sex value: not checked */
    { "", 0, 0, BANSO_VALIDATE_ERROR_EMPTY, "12 digits" },
    { "   ", 0, 0, BANSO_VALIDATE_ERROR_EMPTY, NULL },
    { NULL, 0, 0, BANSO_VALIDATE_ERROR_EMPTY, NULL },
    { "00108501234", 0, 0, BANSO_VALIDATE_ERROR_FORMAT, "has 11" },
    { "0010850123456", 0, 0, BANSO_VALIDATE_ERROR_FORMAT, "has 13" },
    { "1", 0, 0, BANSO_VALIDATE_ERROR_FORMAT, "has 1." },
    { "012345678", 0, 0, BANSO_VALIDATE_ERROR_FORMAT, "9-digit" },
    { "001 085 012345", 0, 0, BANSO_VALIDATE_ERROR_FORMAT, "without spaces" },
    { "001085\u00A0012345", 0, 0, BANSO_VALIDATE_ERROR_FORMAT, "without spaces" },
    { "001-085-012345", 0, 0, BANSO_VALIDATE_ERROR_FORMAT, "“-”" },
    { "00108501234O", 0, 0, BANSO_VALIDATE_ERROR_FORMAT, "“O”" },
    { "\uFF10\uFF10\uFF11", 0, 0, BANSO_VALIDATE_ERROR_FORMAT, "only digits" },
    { "001085\x01" "012345", 0, 0, BANSO_VALIDATE_ERROR_FORMAT, "U+0001" },
    { "\xff", 0, 0, BANSO_VALIDATE_ERROR_FORMAT, NULL },
    { "003085012345", 0, 0, BANSO_VALIDATE_ERROR_UNKNOWN, "003" },
    { "000085012345", 0, 0, BANSO_VALIDATE_ERROR_UNKNOWN, "000" },
    { "013085012345", 0, 0, BANSO_VALIDATE_ERROR_UNKNOWN, "013" }, /* Hà Tây, merged 2008 */
    { "097085012345", 0, 0, BANSO_VALIDATE_ERROR_UNKNOWN, "097" },
    { "999085012345", 0, 0, BANSO_VALIDATE_ERROR_UNKNOWN, "999" },
    { "001485012345", 0, 0, BANSO_VALIDATE_ERROR_RANGE, "2185" },
    { "001785012345", 0, 0, BANSO_VALIDATE_ERROR_RANGE, "2285" },
    { "001899012345", 0, 0, BANSO_VALIDATE_ERROR_RANGE, "2399" },
    { "001299012345", 0, 0, BANSO_VALIDATE_ERROR_RANGE, "2099" },
    { "001085012345", 1986, 0, BANSO_VALIDATE_ERROR_MISMATCH, "born in 1985, not 1986" },
    { "001205012345", 1905, 0, BANSO_VALIDATE_ERROR_MISMATCH, "born in 2005, not 1905" },
    { "001085012345", 0, 2, BANSO_VALIDATE_ERROR_MISMATCH, "for a man" },
    { "001185012345", 0, 1, BANSO_VALIDATE_ERROR_MISMATCH, "for a woman" },
    { "001305012345", 2005, 1, BANSO_VALIDATE_ERROR_MISMATCH, "for a woman" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = banso_validate_citizen_id (cases[i].text, cases[i].birth_year,
                                               cases[i].sex, &error);

      check_result (cases[i].text ? cases[i].text : "(null)", ok, error,
                    cases[i].code, cases[i].needle);
    }

  /* Every province code of Circular 07/2016 is accepted, and only those. */
  {
    guint accepted = 0;

    for (guint code = 0; code < 1000; code++)
      {
        g_autofree char *id = g_strdup_printf ("%03u085012345", code);

        accepted += banso_validate_citizen_id (id, 0, 0, NULL);
      }
    g_assert_cmpuint (accepted, ==, 63);
  }

  /* Born this year is fine; the error argument may be NULL. */
  {
    g_autofree char *id = g_strdup_printf ("0012%02d012345", this_year () % 100);

    g_assert_true (banso_validate_citizen_id (id, this_year (), 1, NULL));
    g_assert_false (banso_validate_citizen_id (id, this_year (), 2, NULL));
  }
}

static void
test_phone (void)
{
  static const struct
  {
    const char *text;
    int         code;
    const char *result; /* the normalized number, or the needle of the message */
  } cases[] = {
    { "", OK, NULL },
    { "   ", OK, NULL },
    { NULL, OK, NULL },
    { "0912345678", OK, "0912345678" },
    { " 0912 345 678 ", OK, "0912345678" },
    { "0912.345.678", OK, "0912345678" },
    { "091-234-5678", OK, "0912345678" },
    { "+84 912 345 678", OK, "0912345678" },
    { "+84912345678", OK, "0912345678" },
    { "84912345678", OK, "0912345678" },
    { "0084 912 345 678", OK, "0912345678" },
    { "+84 (0) 912 345 678", OK, "0912345678" },
    { "(+84) 912-345-678", OK, "0912345678" },
    { "912345678", OK, "0912345678" }, /* leading 0 lost in a spreadsheet */
    { "0321234567", OK, "0321234567" },
    { "0521234567", OK, "0521234567" },
    { "0701234567", OK, "0701234567" },
    { "0861234567", OK, "0861234567" },
    { "024 3826 1234", OK, "02438261234" },
    { "(024) 3826 1234", OK, "02438261234" },
    { "+84 24 3826 1234", OK, "02438261234" },
    { "842438261234", OK, "02438261234" },
    { "0203.3812.345", OK, "02033812345" },
    { "2438261234", OK, "02438261234" },
    { "091234567", BANSO_VALIDATE_ERROR_FORMAT, "has 9" },
    { "09123456789", BANSO_VALIDATE_ERROR_FORMAT, "has 11" },
    { "+84 91234567", BANSO_VALIDATE_ERROR_FORMAT, "has 9" },
    { "0243826123", BANSO_VALIDATE_ERROR_FORMAT, "has 10" },
    { "024382612345", BANSO_VALIDATE_ERROR_FORMAT, "has 12" },
    { "0", BANSO_VALIDATE_ERROR_FORMAT, "has 1" },
    { "01681234567", BANSO_VALIDATE_ERROR_UNKNOWN, "2018" },
    { "0412345678", BANSO_VALIDATE_ERROR_UNKNOWN, "04" },
    { "0612345678", BANSO_VALIDATE_ERROR_UNKNOWN, "06" },
    { "0012025550123", BANSO_VALIDATE_ERROR_UNKNOWN, "00" },
    { "+1 202 555 0123", BANSO_VALIDATE_ERROR_UNKNOWN, "+84" },
    { "0912-345-67a", BANSO_VALIDATE_ERROR_FORMAT, "“a”" },
    { "0912 345 678 ext 2", BANSO_VALIDATE_ERROR_FORMAT, "“e”" },
    { "09+12345678", BANSO_VALIDATE_ERROR_FORMAT, "“+”" },
    { "0912/345/678", BANSO_VALIDATE_ERROR_FORMAT, "“/”" },
    { "1900 1234", BANSO_VALIDATE_ERROR_FORMAT, "starts with 0" },
    { "---", BANSO_VALIDATE_ERROR_FORMAT, NULL },
    { "\xff", BANSO_VALIDATE_ERROR_FORMAT, NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      /* Not allocated: the validator must overwrite it in every case. */
      char *normalized = (char *) "junk";
      gboolean ok = banso_validate_phone (cases[i].text, &normalized, &error);
      g_autofree char *owned = normalized;

      check_result (cases[i].text ? cases[i].text : "(null)", ok, error, cases[i].code,
                    cases[i].code == OK ? NULL : cases[i].result);
      if (cases[i].code == OK)
        g_assert_cmpstr (normalized, ==, cases[i].result);
      else
        g_assert_null (normalized);
    }

  g_assert_true (banso_validate_phone ("0912345678", NULL, NULL));
  g_assert_false (banso_validate_phone ("12", NULL, NULL));
}

static void
test_birth_date (void)
{
  static const struct
  {
    const char *text;
    int         code;
    int         year;
    int         month;
    int         day;
    const char *needle;
  } cases[] = {
    { "25/12/1980", OK, 1980, 12, 25, NULL },
    { "5/1/1980", OK, 1980, 1, 5, NULL },
    { "05/01/1980", OK, 1980, 1, 5, NULL },
    { " 25/12/1980 ", OK, 1980, 12, 25, NULL },
    { "25.12.1980", OK, 1980, 12, 25, NULL },
    { "25-12-1980", OK, 1980, 12, 25, NULL },
    { "1980-12-25", OK, 1980, 12, 25, NULL },
    { "1980-1-5", OK, 1980, 1, 5, NULL },
    { "1980", OK, 1980, 0, 0, NULL },
    { "00/00/1960", OK, 1960, 0, 0, NULL },
    { "29/02/2000", OK, 2000, 2, 29, NULL },
    { "01/01/1900", OK, 1900, 1, 1, NULL },
    { "1900", OK, 1900, 0, 0, NULL },
    { "", BANSO_VALIDATE_ERROR_EMPTY, 0, 0, 0, NULL },
    { " \t", BANSO_VALIDATE_ERROR_EMPTY, 0, 0, 0, NULL },
    { NULL, BANSO_VALIDATE_ERROR_EMPTY, 0, 0, 0, NULL },
    { "31/02/1999", BANSO_VALIDATE_ERROR_RANGE, 0, 0, 0, "has 28 days; this date says 31" },
    { "29/02/1900", BANSO_VALIDATE_ERROR_RANGE, 0, 0, 0, "has 28 days" },
    { "29/02/2001", BANSO_VALIDATE_ERROR_RANGE, 0, 0, 0, "has 28 days" },
    { "31/04/2001", BANSO_VALIDATE_ERROR_RANGE, 0, 0, 0, "has 30 days" },
    { "32/01/2001", BANSO_VALIDATE_ERROR_RANGE, 0, 0, 0, "has 31 days" },
    { "00/05/1980", BANSO_VALIDATE_ERROR_RANGE, 0, 0, 0, "day" },
    { "12/25/1980", BANSO_VALIDATE_ERROR_RANGE, 0, 0, 0, "no month 25" },
    { "25/13/1980", BANSO_VALIDATE_ERROR_RANGE, 0, 0, 0, "this one is 13" },
    { "25/00/1980", BANSO_VALIDATE_ERROR_RANGE, 0, 0, 0, "this one is 0" },
    { "1899", BANSO_VALIDATE_ERROR_RANGE, 0, 0, 0, "this one is 1899" },
    { "01/01/1850", BANSO_VALIDATE_ERROR_RANGE, 0, 0, 0, "1850" },
    { "0000", BANSO_VALIDATE_ERROR_RANGE, 0, 0, 0, NULL },
    { "2999", BANSO_VALIDATE_ERROR_RANGE, 0, 0, 0, "future" },
    { "01/01/2999", BANSO_VALIDATE_ERROR_RANGE, 0, 0, 0, "future" },
    { "25/12/80", BANSO_VALIDATE_ERROR_FORMAT, 0, 0, 0, "4 digits" },
    { "80", BANSO_VALIDATE_ERROR_FORMAT, 0, 0, 0, "4 digits" },
    { "25/12", BANSO_VALIDATE_ERROR_FORMAT, 0, 0, 0, "day/month/year" },
    { "25/12-1980", BANSO_VALIDATE_ERROR_FORMAT, 0, 0, 0, NULL },
    { "25 /12/1980", BANSO_VALIDATE_ERROR_FORMAT, 0, 0, 0, NULL },
    { "25/12/1980/1", BANSO_VALIDATE_ERROR_FORMAT, 0, 0, 0, NULL },
    { "25121980", BANSO_VALIDATE_ERROR_FORMAT, 0, 0, 0, NULL },
    { "19800", BANSO_VALIDATE_ERROR_FORMAT, 0, 0, 0, NULL },
    { "1980-12-255", BANSO_VALIDATE_ERROR_FORMAT, 0, 0, 0, NULL },
    { "1980-123-25", BANSO_VALIDATE_ERROR_FORMAT, 0, 0, 0, NULL },
    { "/12/1980", BANSO_VALIDATE_ERROR_FORMAT, 0, 0, 0, NULL },
    { "25/12/1980/", BANSO_VALIDATE_ERROR_FORMAT, 0, 0, 0, NULL },
    { "99999999999999999999/1/1980", BANSO_VALIDATE_ERROR_FORMAT, 0, 0, 0, NULL },
    { "năm 1980", BANSO_VALIDATE_ERROR_FORMAT, 0, 0, 0, NULL },
    { "\uFF11\uFF19\uFF18\uFF10", BANSO_VALIDATE_ERROR_FORMAT, 0, 0, 0, NULL },
    { "\xff", BANSO_VALIDATE_ERROR_FORMAT, 0, 0, 0, NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      int year = -1, month = -1, day = -1;
      gboolean ok = banso_validate_birth_date (cases[i].text, &year, &month, &day, &error);

      check_result (cases[i].text ? cases[i].text : "(null)", ok, error,
                    cases[i].code, cases[i].needle);
      g_assert_cmpint (year, ==, cases[i].year);
      g_assert_cmpint (month, ==, cases[i].month);
      g_assert_cmpint (day, ==, cases[i].day);
    }

  g_assert_true (banso_validate_birth_date ("1980", NULL, NULL, NULL, NULL));
}

static void
test_birth_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *today_text = g_date_time_format (now, "%d/%m/%Y");
  g_autofree char *today_iso = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *tomorrow_text = g_date_time_format (tomorrow, "%d/%m/%Y");
  g_autofree char *year_text = g_strdup_printf ("%d", this_year ());
  g_autofree char *next_year_text = g_strdup_printf ("%d", this_year () + 1);
  g_autoptr(GError) error = NULL;

  g_assert_true (banso_validate_birth_date (today_text, NULL, NULL, NULL, NULL));
  g_assert_true (banso_validate_birth_date (today_iso, NULL, NULL, NULL, NULL));
  g_assert_true (banso_validate_birth_date (year_text, NULL, NULL, NULL, NULL));
  g_assert_false (banso_validate_birth_date (next_year_text, NULL, NULL, NULL, NULL));
  g_assert_false (banso_validate_birth_date (tomorrow_text, NULL, NULL, NULL, &error));
  g_assert_error (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_RANGE);
}

static void
test_person_name (void)
{
  static const struct
  {
    const char *text;
    int         code;
    const char *needle;
  } cases[] = {
    { "Lò Văn Pơm", OK, NULL },
    { "  Giàng A Sùng ", OK, NULL },
    { "Lò Văn Pơm\n", OK, NULL },
    { "H’Mông Thị Mai", OK, NULL },
    { "Y Đức Niê", OK, NULL },
    { "Nguyễn Thị Ánh-Tuyết", OK, NULL },
    { "\uAABC\uAA95 \uAA92\uAAB1\uAAA3", OK, NULL }, /* Tai Viet */
    { "\uAA0C\uAA2E\uAA06", OK, NULL },             /* Cham */
    { "A", OK, NULL },
    { "", BANSO_VALIDATE_ERROR_EMPTY, NULL },
    { "   ", BANSO_VALIDATE_ERROR_EMPTY, NULL },
    { "\u00A0", BANSO_VALIDATE_ERROR_EMPTY, NULL },
    { NULL, BANSO_VALIDATE_ERROR_EMPTY, NULL },
    { "Nguyễn Văn 2", BANSO_VALIDATE_ERROR_FORMAT, "“2”" },
    { "Lò Văn \u0663", BANSO_VALIDATE_ERROR_FORMAT, "digits" }, /* ARABIC-INDIC THREE */
    { "Lò\tVăn", BANSO_VALIDATE_ERROR_FORMAT, "control" },
    { "Lò\nVăn", BANSO_VALIDATE_ERROR_FORMAT, "control" },
    { "Lò\x01Văn", BANSO_VALIDATE_ERROR_FORMAT, "control" },
    { "Lò\xc2\x85Văn", BANSO_VALIDATE_ERROR_FORMAT, "control" },
    { "\xff", BANSO_VALIDATE_ERROR_FORMAT, NULL },
    { "L\xc3", BANSO_VALIDATE_ERROR_FORMAT, NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = banso_validate_person_name (cases[i].text, &error);

      check_result (cases[i].text ? cases[i].text : "(null)", ok, error,
                    cases[i].code, cases[i].needle);
    }
}

static void
test_person_name_length (void)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *nfd = NULL;

  for (guint i = 0; i < 100; i++)
    g_string_append (name, "ệ");
  g_assert_true (banso_validate_person_name (name->str, NULL));

  /* Decomposed, the same name has 300 code points but still 100 characters. */
  nfd = g_utf8_normalize (name->str, -1, G_NORMALIZE_NFD);
  g_assert_cmpint (g_utf8_strlen (nfd, -1), ==, 300);
  g_assert_true (banso_validate_person_name (nfd, NULL));

  g_string_append (name, "a");
  g_assert_false (banso_validate_person_name (name->str, &error));
  g_assert_error (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "has 101"));
  g_assert_nonnull (strstr (error->message, "100"));
}

static void
test_year (void)
{
  static const struct
  {
    int         year;
    int         min;
    int         max;
    int         code;
    const char *needle;
  } cases[] = {
    { 2000, 1990, 2025, OK, NULL },
    { 1990, 1990, 2025, OK, NULL },
    { 2025, 1990, 2025, OK, NULL },
    { 2020, 2020, 2020, OK, NULL },
    { 1989, 1990, 2025, BANSO_VALIDATE_ERROR_RANGE, "1990 or later; this one is 1989" },
    { 2026, 1990, 2025, BANSO_VALIDATE_ERROR_RANGE, "2025 or earlier; this one is 2026" },
    { 0, 1990, 2025, BANSO_VALIDATE_ERROR_RANGE, "this one is 0" },
    { -5, 1990, 2025, BANSO_VALIDATE_ERROR_RANGE, NULL },
    { G_MAXINT, 1990, 2025, BANSO_VALIDATE_ERROR_RANGE, NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *what = g_strdup_printf ("%d", cases[i].year);
      gboolean ok = banso_validate_year (cases[i].year, cases[i].min, cases[i].max, &error);

      check_result (what, ok, error, cases[i].code, cases[i].needle);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/citizen-id", test_citizen_id);
  g_test_add_func ("/validate/phone", test_phone);
  g_test_add_func ("/validate/birth-date", test_birth_date);
  g_test_add_func ("/validate/birth-date-today", test_birth_date_today);
  g_test_add_func ("/validate/person-name", test_person_name);
  g_test_add_func ("/validate/person-name-length", test_person_name_length);
  g_test_add_func ("/validate/year", test_year);

  return g_test_run ();
}
