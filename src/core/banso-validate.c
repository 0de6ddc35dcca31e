/* banso-validate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "banso-validate.h"

G_DEFINE_QUARK (banso-validate-error-quark, banso_validate_error)

#define NAME_MAX_CHARS 100
#define BIRTH_YEAR_MIN 1900

/*
 * Province codes of birth registration, Circular 07/2016/TT-BCA: those of the 63 provinces
 * as they were before the 2025 mergers. Citizen IDs keep the code they were issued with.
 */
static const guint8 province_codes[] = {
  1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35,
  36, 37, 38, 40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70,
  72, 74, 75, 77, 79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96,
};

G_STATIC_ASSERT (G_N_ELEMENTS (province_codes) == 63);

static gboolean
is_province_code (guint code)
{
  for (gsize i = 0; i < G_N_ELEMENTS (province_codes); i++)
    if (province_codes[i] == code)
      return TRUE;
  return FALSE;
}

/* Today's date, read from the clock at most once a minute: GLib reads the
 * local time zone file on every call, which an import of millions of rows
 * would otherwise do millions of times. */
static void
today (int *year,
       int *month,
       int *day)
{
  static __thread gint64 checked_at;
  static __thread int y, m, d;
  gint64 now = g_get_monotonic_time ();

  if (y == 0 || now - checked_at > 60 * G_USEC_PER_SEC)
    {
      g_autoptr(GDateTime) local = g_date_time_new_now_local ();

      g_date_time_get_ymd (local, &y, &m, &d);
      checked_at = now;
    }
  if (year)
    *year = y;
  if (month)
    *month = m;
  if (day)
    *day = d;
}

static gboolean
check_utf8 (const char  *text,
            GError     **error)
{
  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return TRUE;
  g_set_error_literal (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_FORMAT,
                       _("This is not valid text."));
  return FALSE;
}

/* @text must be valid UTF-8 or NULL. Trims Unicode white space, such as pasted NBSPs. */
static char *
dup_trimmed (const char *text)
{
  const char *start = text != NULL ? text : "";
  const char *end;

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}

/* The character as the user can see it in a message; invisible ones by their code point. */
static char *
describe_char (gunichar c)
{
  char buf[8] = { 0, };

  if (!g_unichar_isgraph (c))
    return g_strdup_printf ("U+%04X", c);
  g_unichar_to_utf8 (c, buf);
  return g_strdup (buf);
}

gboolean
banso_validate_citizen_id (const char  *text,
                           int          birth_year,
                           int          sex,
                           GError     **error)
{
  g_autofree char *id = NULL;
  guint n_digits = 0;
  guint code;
  guint century_sex;
  int year;
  int this_year;
  gboolean male;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_utf8 (text, error))
    return FALSE;

  id = dup_trimmed (text);
  if (*id == '\0')
    {
      g_set_error_literal (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_EMPTY,
                           _("A citizen ID has 12 digits; this one is empty."));
      return FALSE;
    }

  for (const char *p = id; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_autofree char *shown = NULL;

      if (c >= '0' && c <= '9')
        {
          n_digits++;
          continue;
        }
      /* Spaces are refused rather than skipped: a grouped number is often a mistyped one. */
      if (g_unichar_isspace (c))
        {
          g_set_error_literal (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_FORMAT,
                               _("Type the citizen ID without spaces."));
          return FALSE;
        }
      shown = describe_char (c);
      /* Translators: %s is the character that is not a digit. */
      g_set_error (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_FORMAT,
                   _("A citizen ID has only digits; this one contains “%s”."), shown);
      return FALSE;
    }

  if (n_digits == 9)
    {
      /* Many older people in the mountain communes still carry the 9-digit CMND card. */
      g_set_error_literal (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_FORMAT,
                           _("This is an old 9-digit identity card number; "
                             "a citizen ID has 12 digits."));
      return FALSE;
    }
  if (n_digits != 12)
    {
      g_set_error (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_FORMAT,
                   _("A citizen ID has 12 digits; this one has %u."), n_digits);
      return FALSE;
    }

  code = (id[0] - '0') * 100 + (id[1] - '0') * 10 + (id[2] - '0');
  if (!is_province_code (code))
    {
      /* Translators: %.3s is the first three digits of the ID. */
      g_set_error (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_UNKNOWN,
                   _("A citizen ID starts with a province code; %.3s is not one."), id);
      return FALSE;
    }

  /*
   * 0/1: 1900s, 2/3: 2000s, 4/5: 2100s, 6/7: 2200s, 8/9: 2300s; even for men, odd for
   * women. Whatever the century, the date must not be in the future.
   */
  century_sex = id[3] - '0';
  year = 1900 + (int) (century_sex / 2) * 100 + (id[4] - '0') * 10 + (id[5] - '0');
  male = century_sex % 2 == 0;

  today (&this_year, NULL, NULL);
  if (year > this_year)
    {
      /* Translators: %d is the birth year that the ID's digits give. */
      g_set_error (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_RANGE,
                   _("This ID says its holder was born in %d, which is in the future."), year);
      return FALSE;
    }

  if (birth_year > 0 && birth_year != year)
    {
      /* Translators: the birth year the ID gives, then the birth year typed in the form. */
      g_set_error (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_MISMATCH,
                   _("This ID is for someone born in %d, not %d."), year, birth_year);
      return FALSE;
    }

  if (sex == 1 && !male)
    {
      g_set_error_literal (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_MISMATCH,
                           _("This ID is for a woman, but the person is recorded as a man."));
      return FALSE;
    }
  if (sex == 2 && male)
    {
      g_set_error_literal (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_MISMATCH,
                           _("This ID is for a man, but the person is recorded as a woman."));
      return FALSE;
    }

  return TRUE;
}

gboolean
banso_validate_phone (const char  *text,
                      char       **normalized,
                      GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(GString) digits = NULL;
  g_autofree char *national = NULL;
  gboolean plus = FALSE;
  const char *rest = NULL;
  gsize len;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (normalized != NULL)
    *normalized = NULL;

  if (!check_utf8 (text, error))
    return FALSE;

  trimmed = dup_trimmed (text);
  if (*trimmed == '\0')
    return TRUE;

  digits = g_string_new (NULL);
  for (const char *p = trimmed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_autofree char *shown = NULL;

      if (c >= '0' && c <= '9')
        g_string_append_c (digits, (char) c);
      else if (c == '+' && digits->len == 0 && !plus)
        plus = TRUE;
      else if (c == ' ' || c == '.' || c == '-' || c == '(' || c == ')')
        continue;
      else
        {
          shown = describe_char (c);
          /* Translators: %s is the character that is not allowed. */
          g_set_error (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_FORMAT,
                       _("A phone number has only digits, spaces, dots and dashes; "
                         "this one contains “%s”."), shown);
          return FALSE;
        }
    }

  len = digits->len;
  if (plus)
    {
      if (!g_str_has_prefix (digits->str, "84"))
        {
          g_set_error_literal (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_UNKNOWN,
                               _("Only Vietnamese numbers, starting with +84, are accepted."));
          return FALSE;
        }
      rest = digits->str + 2;
    }
  else if (g_str_has_prefix (digits->str, "0084"))
    rest = digits->str + 4;
  else if (g_str_has_prefix (digits->str, "84") && (len == 11 || len == 12))
    rest = digits->str + 2;

  if (rest != NULL)
    national = rest[0] == '0' ? g_strdup (rest) : g_strconcat ("0", rest, NULL);
  else if (digits->str[0] == '0')
    national = g_strdup (digits->str);
  else if ((len == 9 && strchr ("35789", digits->str[0]) != NULL)
           || (len == 10 && digits->str[0] == '2'))
    /* A spreadsheet that stored the number as a number dropped the leading 0. */
    national = g_strconcat ("0", digits->str, NULL);
  else
    {
      g_set_error_literal (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_FORMAT,
                           _("A Vietnamese phone number starts with 0 or +84."));
      return FALSE;
    }

  len = strlen (national);
  switch (national[1])
    {
    case '3':
    case '5':
    case '7':
    case '8':
    case '9':
      if (len != 10)
        {
          g_set_error (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_FORMAT,
                       _("A mobile number has 10 digits; this one has %u."), (guint) len);
          return FALSE;
        }
      break;

    case '2':
      if (len != 11)
        {
          g_set_error (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_FORMAT,
                       _("A landline number has 11 digits; this one has %u."), (guint) len);
          return FALSE;
        }
      break;

    case '1':
      g_set_error_literal (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_UNKNOWN,
                           _("Mobile numbers starting with 01 changed to 10 digits in 2018; "
                             "ask for the new number."));
      return FALSE;

    case '\0':
      g_set_error (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_FORMAT,
                   _("A phone number has 10 digits, or 11 for a landline; this one has %u."),
                   (guint) len);
      return FALSE;

    default:
      /* Translators: %.2s is the first two digits, such as 04. */
      g_set_error (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_UNKNOWN,
                   _("No Vietnamese phone number starts with %.2s."), national);
      return FALSE;
    }

  if (normalized != NULL)
    *normalized = g_steal_pointer (&national);
  return TRUE;
}

typedef struct
{
  int   value;
  guint n_digits;
} DateField;

static gboolean
set_date_error (GError     **error,
                int          code,
                const char  *message)
{
  g_set_error_literal (error, BANSO_VALIDATE_ERROR, code, message);
  return FALSE;
}

/* Splits "25/12/1980" into fields; FALSE if anything but digits and one kind of separator. */
static gboolean
split_date (const char *text,
            DateField   fields[3],
            guint      *n_fields)
{
  const char *p = text;
  char separator = '\0';

  *n_fields = 0;
  for (;;)
    {
      DateField *f;

      if (*n_fields == 3 || !g_ascii_isdigit (*p))
        return FALSE;
      f = &fields[(*n_fields)++];
      f->value = 0;
      f->n_digits = 0;
      for (; g_ascii_isdigit (*p); p++)
        {
          /* Longer fields are wrong anyway; stop counting before the int overflows. */
          if (f->n_digits < 9)
            f->value = f->value * 10 + (*p - '0');
          f->n_digits++;
        }
      if (*p == '\0')
        return TRUE;
      if ((*p != '/' && *p != '.' && *p != '-') || (separator != '\0' && *p != separator))
        return FALSE;
      separator = *p++;
    }
}

gboolean
banso_validate_birth_date (const char  *text,
                           int         *year,
                           int         *month,
                           int         *day,
                           GError     **error)
{
  g_autofree char *trimmed = NULL;
  DateField fields[3];
  guint n_fields;
  int y, m = 0, d = 0;
  int now_y, now_m, now_d;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (year != NULL)
    *year = 0;
  if (month != NULL)
    *month = 0;
  if (day != NULL)
    *day = 0;

  if (!check_utf8 (text, error))
    return FALSE;

  trimmed = dup_trimmed (text);
  if (*trimmed == '\0')
    return set_date_error (error, BANSO_VALIDATE_ERROR_EMPTY,
                           _("A date is required, such as 25/12/1980 or only 1980."));

  if (!split_date (trimmed, fields, &n_fields)
      || n_fields == 2
      || (n_fields == 3 && fields[1].n_digits > 2))
    return set_date_error (error, BANSO_VALIDATE_ERROR_FORMAT,
                           _("Write the date as day/month/year, such as 25/12/1980, "
                             "or only the year."));

  if (n_fields == 1 && fields[0].n_digits == 4)
    y = fields[0].value;
  else if (n_fields == 3 && fields[0].n_digits == 4 && fields[2].n_digits <= 2)
    {
      y = fields[0].value;
      m = fields[1].value;
      d = fields[2].value;
    }
  else if (n_fields == 3 && fields[0].n_digits <= 2 && fields[2].n_digits == 4)
    {
      d = fields[0].value;
      m = fields[1].value;
      y = fields[2].value;
    }
  else if ((n_fields == 1 && fields[0].n_digits == 2)
           || (n_fields == 3 && fields[0].n_digits <= 2 && fields[2].n_digits == 2))
    return set_date_error (error, BANSO_VALIDATE_ERROR_FORMAT,
                           _("Write the year with 4 digits, such as 25/12/1980."));
  else
    return set_date_error (error, BANSO_VALIDATE_ERROR_FORMAT,
                           _("Write the date as day/month/year, such as 25/12/1980, "
                             "or only the year."));

  if (y < BIRTH_YEAR_MIN)
    {
      g_set_error (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_RANGE,
                   _("A birth year is 1900 or later; this one is %d."), y);
      return FALSE;
    }

  today (&now_y, &now_m, &now_d);

  /* Registers write an unknown birthday as 00/00/yyyy; that is a bare year. */
  if (n_fields == 3 && d == 0 && m == 0)
    n_fields = 1;

  if (n_fields == 3)
    {
      if (d == 0)
        return set_date_error (error, BANSO_VALIDATE_ERROR_RANGE,
                               _("Write the day too, or only the year."));
      if (m < 1 || m > 12)
        {
          if (m > 12 && d >= 1 && d <= 12)
            /* Translators: %d is the month typed, above 12. */
            g_set_error (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_RANGE,
                         _("There is no month %d; write the day first, then the month."), m);
          else
            g_set_error (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_RANGE,
                         _("A month is 1 to 12; this one is %d."), m);
          return FALSE;
        }
      /* y <= 9999 here, which GDate handles. */
      if (d > g_date_get_days_in_month (m, y))
        {
          /* Translators: a month (1 to 12), its year, its number of days, the day typed. */
          g_set_error (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_RANGE,
                       _("Month %d of %d has %d days; this date says %d."),
                       m, y, g_date_get_days_in_month (m, y), d);
          return FALSE;
        }
    }

  if (y > now_y
      || (n_fields == 3 && y == now_y && (m > now_m || (m == now_m && d > now_d))))
    return set_date_error (error, BANSO_VALIDATE_ERROR_RANGE, _("This date is in the future."));

  if (year != NULL)
    *year = y;
  if (month != NULL)
    *month = m;
  if (day != NULL)
    *day = d;
  return TRUE;
}

gboolean
banso_validate_person_name (const char  *text,
                            GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *nfc = NULL;
  glong n_chars;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_utf8 (text, error))
    return FALSE;

  trimmed = dup_trimmed (text);
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_EMPTY,
                           _("A name is required."));
      return FALSE;
    }

  for (const char *p = trimmed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        {
          g_autofree char *shown = describe_char (c);

          /* Translators: %s is the digit found in the name. */
          g_set_error (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_FORMAT,
                       _("A name has no digits; this one contains “%s”."), shown);
          return FALSE;
        }
      if (g_unichar_iscntrl (c))
        {
          g_set_error_literal (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_FORMAT,
                               _("A name cannot contain tabs, line breaks "
                                 "or other control characters."));
          return FALSE;
        }
    }

  /* Count what the user sees: "ệ" typed as e + two marks is one character.
   * Normalising costs more than the rest of the check, so only a name that
   * might be too long is normalised. */
  n_chars = g_utf8_strlen (trimmed, -1);
  if (n_chars > NAME_MAX_CHARS)
    {
      nfc = g_utf8_normalize (trimmed, -1, G_NORMALIZE_NFC);
      n_chars = g_utf8_strlen (nfc, -1);
    }
  if (n_chars > NAME_MAX_CHARS)
    {
      g_set_error (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_FORMAT,
                   _("A name has at most 100 characters; this one has %ld."), n_chars);
      return FALSE;
    }

  return TRUE;
}

gboolean
banso_validate_year (int      year,
                     int      min,
                     int      max,
                     GError **error)
{
  g_return_val_if_fail (min <= max, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (year < min)
    {
      g_set_error (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_RANGE,
                   _("The year must be %d or later; this one is %d."), min, year);
      return FALSE;
    }
  if (year > max)
    {
      g_set_error (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_RANGE,
                   _("The year must be %d or earlier; this one is %d."), max, year);
      return FALSE;
    }
  return TRUE;
}
