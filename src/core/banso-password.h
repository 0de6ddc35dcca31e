/* banso-password.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The fewest characters a password may have. */
#define BANSO_PASSWORD_MIN_LENGTH 4

char     *banso_password_hash   (const char  *password,
                                 GError     **error);
gboolean  banso_password_verify (const char  *hash,
                                 const char  *password);
gboolean  banso_password_check  (const char  *password,
                                 GError     **error);

G_END_DECLS
