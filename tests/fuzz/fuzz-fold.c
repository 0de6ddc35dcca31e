/* fuzz-fold.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for banso-fold and banso-validate: nothing may crash, and the
 * documented properties must hold for every input.
 */

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "banso-fold.h"
#include "banso-validate.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Unlike g_assert(), not compiled out by G_DISABLE_ASSERT. */
#define CHECK(cond)                                                         \
  G_STMT_START {                                                            \
    if (G_UNLIKELY (!(cond)))                                               \
      {                                                                     \
        g_printerr ("%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        abort ();                                                           \
      }                                                                     \
  } G_STMT_END

static gboolean
has_tai_viet (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xAA80 && c <= 0xAADF)
        return TRUE;
    }
  return FALSE;
}

static void
check_fold (const char *data,
            size_t      size)
{
  g_autofree char *folded = banso_fold (data, size);
  g_autoptr(GString) appended = g_string_new ("prefix ");

  CHECK (folded != NULL);
  CHECK (g_utf8_validate (folded, -1, NULL));
  CHECK (folded[0] != ' ');
  CHECK (strstr (folded, "  ") == NULL);
  CHECK (!g_str_has_suffix (folded, " "));

  banso_fold_append (appended, data, size);
  CHECK (g_str_has_prefix (appended->str, "prefix "));
  CHECK (strcmp (appended->str + strlen ("prefix "), folded) == 0);
  CHECK (appended->len == strlen (appended->str));

  /* Nul-free valid UTF-8: precomposed and decomposed forms must fold the same. */
  if (g_utf8_validate_len (data, size, NULL))
    {
      g_autofree char *nfc = g_utf8_normalize (data, size, G_NORMALIZE_NFC);
      g_autofree char *nfd = g_utf8_normalize (data, size, G_NORMALIZE_NFD);
      g_autofree char *folded_nfc = banso_fold (nfc, -1);
      g_autofree char *folded_nfd = banso_fold (nfd, -1);

      CHECK (strcmp (folded, folded_nfc) == 0);
      CHECK (strcmp (folded, folded_nfd) == 0);

      /* Only the Tai Viet reordering is allowed to change a key folded again. */
      if (!has_tai_viet (folded))
        {
          g_autofree char *twice = banso_fold (folded, -1);

          CHECK (strcmp (folded, twice) == 0);
        }
    }
}

/* Each token is "…" with inner quotes doubled, then '*'; tokens are separated by one space. */
static void
check_query (const char *text)
{
  g_autofree char *expr = banso_fold_query_to_fts (text);
  const char *p = expr;
  guint tokens = 0;

  if (expr == NULL)
    return;

  CHECK (g_utf8_validate (expr, -1, NULL));
  while (*p != '\0')
    {
      CHECK (*p == '"');
      for (p++; !(p[0] == '"' && p[1] != '"'); p++)
        {
          CHECK (*p != '\0');
          if (p[0] == '"')
            p++;
        }
      p++;
      CHECK (*p == '*');
      p++;
      tokens++;
      if (*p == ' ')
        {
          p++;
          CHECK (*p == '"');
        }
      else
        {
          CHECK (*p == '\0');
        }
    }
  CHECK (tokens >= 1 && tokens <= 32);
}

static void
check_error (gboolean  ok,
             GError   *error)
{
  if (ok)
    {
      CHECK (error == NULL);
    }
  else
    {
      CHECK (error != NULL);
      CHECK (error->domain == BANSO_VALIDATE_ERROR);
      CHECK (error->message != NULL && error->message[0] != '\0');
      CHECK (g_utf8_validate (error->message, -1, NULL));
    }
}

static void
check_validators (const char *text,
                  int         a,
                  int         b)
{
  {
    g_autoptr(GError) error = NULL;
    gboolean ok = banso_validate_citizen_id (text, a, b % 3, &error);

    check_error (ok, error);
    /* Knowing less about the person can only make an ID acceptable. */
    if (ok)
      CHECK (banso_validate_citizen_id (text, 0, 0, NULL));
  }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *normalized = NULL;
    gboolean ok = banso_validate_phone (text, &normalized, &error);

    check_error (ok, error);
    if (!ok)
      CHECK (normalized == NULL);
    if (normalized != NULL)
      {
        g_autofree char *again = NULL;
        gsize len = strlen (normalized);

        CHECK (ok);
        CHECK (len == 10 || len == 11);
        CHECK (normalized[0] == '0');
        for (gsize i = 0; i < len; i++)
          CHECK (g_ascii_isdigit (normalized[i]));
        CHECK (banso_validate_phone (normalized, &again, NULL));
        CHECK (g_strcmp0 (normalized, again) == 0);
      }
  }

  {
    g_autoptr(GError) error = NULL;
    int year = -1, month = -1, day = -1;
    gboolean ok = banso_validate_birth_date (text, &year, &month, &day, &error);

    check_error (ok, error);
    if (ok)
      {
        CHECK (year >= 1900 && year <= 9999);
        CHECK (month >= 0 && month <= 12);
        CHECK ((month == 0) == (day == 0));
        if (month != 0)
          CHECK (g_date_valid_dmy (day, month, year));
      }
    else
      {
        CHECK (year == 0 && month == 0 && day == 0);
      }
  }

  {
    g_autoptr(GError) error = NULL;
    gboolean ok = banso_validate_person_name (text, &error);

    check_error (ok, error);
  }

  {
    g_autoptr(GError) error = NULL;
    int min = MIN (a, b);
    int max = MAX (a, b);
    gboolean ok = banso_validate_year (a ^ b, min, max, &error);

    check_error (ok, error);
    CHECK (ok == ((a ^ b) >= min && (a ^ b) <= max));
  }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  int a = 0, b = 0;

  /* Bigger inputs find nothing new and only slow the fuzzer down. */
  if (size > 64 * 1024)
    return 0;

  /* Every byte sequence, valid UTF-8 or not, nul bytes included. */
  check_fold ((const char *) data, size);

  /* The nul-terminated API sees the text up to the first nul. */
  text = g_strndup ((const char *) data, size);
  {
    g_autofree char *folded = banso_fold (text, -1);
    g_autofree char *folded_len = banso_fold (text, strlen (text));

    CHECK (strcmp (folded, folded_len) == 0);
  }

  check_query (text);

  if (size >= 2 * sizeof (int))
    {
      memcpy (&a, data, sizeof a);
      memcpy (&b, data + sizeof a, sizeof b);
    }
  check_validators (text, a, b);

  return 0;
}
