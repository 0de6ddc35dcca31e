/* banso-sync-secret.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sync password lives in the desktop keyring, never in the database or in
 * GSettings: a copied database file or a backup of the settings carries none.
 */

#define G_LOG_DOMAIN "banso-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "banso-sync-client.h"
#include "banso-sync-secret.h"

static const SecretSchema *
password_schema (void)
{
  static const SecretSchema schema = {
    "io.github.banso.Banso.SyncPassword", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "login", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "NULL", 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  };
  return &schema;
}

static void
keyring_error (GError     **error,
               GError      *cause)
{
  g_set_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_KEYRING,
               _("The keyring could not be used: %s"), cause->message);
  g_error_free (cause);
}

gboolean
banso_sync_secret_store (const char  *server,
                         const char  *login,
                         const char  *password,
                         GError     **error)
{
  g_autofree char *label = g_strdup_printf (_("Banso sync password for %s at %s"), login, server);
  GError *local_error = NULL;

  if (!secret_password_store_sync (password_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                                   NULL, &local_error, "server", server, "login", login, NULL))
    {
      keyring_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/**
 * banso_sync_secret_lookup:
 *
 * Returns: (nullable): the password, or %NULL when none is saved (@error is
 *   set only when the keyring could not be asked)
 */
char *
banso_sync_secret_lookup (const char  *server,
                          const char  *login,
                          GError     **error)
{
  GError *local_error = NULL;
  char *secret;
  char *copy;

  secret = secret_password_lookup_sync (password_schema (), NULL, &local_error,
                                        "server", server, "login", login, NULL);
  if (local_error != NULL)
    {
      keyring_error (error, local_error);
      return NULL;
    }
  copy = g_strdup (secret);
  secret_password_free (secret);
  return copy;
}

gboolean
banso_sync_secret_clear (const char  *server,
                         const char  *login,
                         GError     **error)
{
  GError *local_error = NULL;

  secret_password_clear_sync (password_schema (), NULL, &local_error,
                              "server", server, "login", login, NULL);
  if (local_error != NULL)
    {
      keyring_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}
