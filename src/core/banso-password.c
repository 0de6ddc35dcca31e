/* banso-password.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-core"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "banso-password.h"
#include "banso-store.h"

/* Passwords are kept only as libsodium's Argon2id strings: a random salt and
 * the cost are in the string, so a stolen database file gives an attacker one
 * slow guess per try and per user, not a table to look words up in. Three
 * passes over 32 MiB take a fraction of a second on an old office laptop
 * and stay above OWASP's minimum for Argon2id (19 MiB, two passes), while
 * the window's peak memory, which the hash adds to at each login, stays
 * within its goal of 150 MB. */
#define PWHASH_OPSLIMIT 3
#define PWHASH_MEMLIMIT (32 * 1024 * 1024)

static gboolean
ensure_sodium (GError **error)
{
  static gsize initialized;
  static gboolean ok;

  if (g_once_init_enter (&initialized))
    {
      ok = sodium_init () >= 0;
      g_once_init_leave (&initialized, 1);
    }
  if (!ok)
    g_set_error_literal (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID,
                         _("The password library (libsodium) could not start."));
  return ok;
}

/**
 * banso_password_check:
 *
 * Whether @password may be chosen: long enough, not only spaces.
 */
gboolean
banso_password_check (const char  *password,
                      GError     **error)
{
  g_autofree char *stripped = NULL;

  if (password == NULL || !g_utf8_validate (password, -1, NULL))
    {
      g_set_error_literal (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID,
                           _("The password is not valid text."));
      return FALSE;
    }
  stripped = g_strstrip (g_strdup (password));
  if (g_utf8_strlen (password, -1) < BANSO_PASSWORD_MIN_LENGTH || *stripped == '\0')
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID,
                   ngettext ("A password has at least %d character.",
                             "A password has at least %d characters.",
                             BANSO_PASSWORD_MIN_LENGTH),
                   BANSO_PASSWORD_MIN_LENGTH);
      return FALSE;
    }
  return TRUE;
}

/**
 * banso_password_hash:
 *
 * Returns: (transfer full): the salted Argon2id string of @password, to keep
 *   in place of the password. Slow on purpose: call it off the main loop.
 */
char *
banso_password_hash (const char  *password,
                     GError     **error)
{
  char out[crypto_pwhash_STRBYTES];

  g_return_val_if_fail (password != NULL, NULL);

  if (!ensure_sodium (error) || !banso_password_check (password, error))
    return NULL;

  if (crypto_pwhash_str (out, password, strlen (password),
                         PWHASH_OPSLIMIT, PWHASH_MEMLIMIT) != 0)
    {
      g_set_error_literal (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID,
                           _("There was not enough memory to protect the password."));
      return NULL;
    }
  return g_strdup (out);
}

/**
 * banso_password_verify:
 *
 * Whether @password is the one @hash was made from. Slow on purpose.
 */
gboolean
banso_password_verify (const char *hash,
                       const char *password)
{
  if (hash == NULL || password == NULL || !ensure_sodium (NULL))
    return FALSE;
  return crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}
