/* banso-validate.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BANSO_VALIDATE_ERROR (banso_validate_error_quark ())

typedef enum
{
  BANSO_VALIDATE_ERROR_EMPTY,    /* a required value is missing */
  BANSO_VALIDATE_ERROR_FORMAT,   /* wrong characters or wrong number of them */
  BANSO_VALIDATE_ERROR_RANGE,    /* a number or date outside what is possible */
  BANSO_VALIDATE_ERROR_UNKNOWN,  /* well formed, but no such code (province, phone prefix) */
  BANSO_VALIDATE_ERROR_MISMATCH, /* disagrees with another field (birth year, sex) */
} BansoValidateError;

GQuark   banso_validate_error_quark (void);

/*
 * All validators return TRUE, or FALSE with @error set. The error message is a short
 * sentence about the value, to be shown next to the field; it does not name the field.
 * A NULL @text is treated as empty. Leading and trailing white space is ignored.
 */

/*
 * Căn cước công dân: 12 digits, beginning with the province code of birth registration,
 * the century-and-sex digit and the last two digits of the birth year (Circular
 * 07/2016/TT-BCA). @birth_year is checked when > 0; @sex is 0 unknown, 1 male, 2 female.
 */
gboolean banso_validate_citizen_id  (const char  *text,
                                     int          birth_year,
                                     int          sex,
                                     GError     **error);

/*
 * A Vietnamese mobile (10 digits, 03x 05x 07x 08x 09x) or landline (11 digits, 02xx)
 * number, written with or without spaces, dots, dashes, parentheses and a +84, 84 or 0084
 * prefix; a leading 0 dropped by a spreadsheet is put back. The phone is optional: empty
 * text is valid and gives a NULL @normalized. Otherwise @normalized (may be NULL) receives
 * the number as 0XXXXXXXXX, or NULL on error.
 */
gboolean banso_validate_phone       (const char  *text,
                                     char       **normalized,
                                     GError     **error);

/*
 * "dd/mm/yyyy", "d/m/yyyy" (also with '.' or '-' between), "yyyy-mm-dd", or a bare "yyyy",
 * for which @month and @day are set to 0. The date must exist, be in 1900 or later and not
 * be in the future. Each of @year, @month, @day may be NULL; on error they are set to 0.
 */
gboolean banso_validate_birth_date  (const char  *text,
                                     int         *year,
                                     int         *month,
                                     int         *day,
                                     GError     **error);

/* Required; 1 to 100 characters; no digits and no control characters. */
gboolean banso_validate_person_name (const char  *text,
                                     GError     **error);

/* @min <= @year <= @max. */
gboolean banso_validate_year        (int          year,
                                     int          min,
                                     int          max,
                                     GError     **error);

G_END_DECLS
