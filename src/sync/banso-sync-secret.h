/* banso-sync-secret.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean  banso_sync_secret_store   (const char   *server,
                                     const char   *login,
                                     const char   *password,
                                     GError      **error);
char     *banso_sync_secret_lookup  (const char   *server,
                                     const char   *login,
                                     GError      **error);
gboolean  banso_sync_secret_clear   (const char   *server,
                                     const char   *login,
                                     GError      **error);

G_END_DECLS
