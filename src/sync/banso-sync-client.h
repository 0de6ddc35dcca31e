/* banso-sync-client.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define BANSO_SYNC_ERROR (banso_sync_error_quark ())

typedef enum
{
  BANSO_SYNC_ERROR_NETWORK,     /* no route, refused, reset, cut */
  BANSO_SYNC_ERROR_TIMEOUT,     /* no answer, or an answer that never ends */
  BANSO_SYNC_ERROR_TLS,         /* the certificate did not verify */
  BANSO_SYNC_ERROR_AUTH,        /* 401/403 */
  BANSO_SYNC_ERROR_INSECURE,    /* plain HTTP to another machine */
  BANSO_SYNC_ERROR_NOT_FOUND,   /* 404 */
  BANSO_SYNC_ERROR_TOO_LARGE,   /* 413: send smaller batches */
  BANSO_SYNC_ERROR_SERVER,      /* 5xx and other refusals */
  BANSO_SYNC_ERROR_BAD_REPLY,   /* not JSON, or not the JSON expected */
  BANSO_SYNC_ERROR_SETTINGS,    /* a wrong URL or CA file */
  BANSO_SYNC_ERROR_CANCELLED,
  BANSO_SYNC_ERROR_NO_PASSWORD, /* a login without a password saved */
  BANSO_SYNC_ERROR_KEYRING,     /* the desktop keyring could not be asked */
} BansoSyncError;

#define BANSO_TYPE_SYNC_CLIENT (banso_sync_client_get_type ())

G_DECLARE_FINAL_TYPE (BansoSyncClient, banso_sync_client, BANSO, SYNC_CLIENT, GObject)

GQuark           banso_sync_error_quark           (void);
BansoSyncClient *banso_sync_client_new            (const char       *server_url,
                                                   const char       *user,
                                                   const char       *password,
                                                   const char       *ca_file,
                                                   GError          **error);
void             banso_sync_client_set_deadline   (BansoSyncClient  *self,
                                                   guint             io_seconds,
                                                   guint             request_seconds);
const char      *banso_sync_client_get_server     (BansoSyncClient  *self);
guint64          banso_sync_client_get_bytes_sent (BansoSyncClient  *self);
guint64          banso_sync_client_get_bytes_received (BansoSyncClient *self);
JsonNode        *banso_sync_client_request        (BansoSyncClient  *self,
                                                   const char       *method,
                                                   const char       *path,
                                                   const char       *body,
                                                   gsize             body_len,
                                                   guint            *out_status,
                                                   GCancellable     *cancellable,
                                                   GError          **error);
GBytes          *banso_sync_client_request_bytes  (BansoSyncClient  *self,
                                                   const char       *method,
                                                   const char       *path,
                                                   const char       *body,
                                                   gsize             body_len,
                                                   const char       *content_type,
                                                   guint            *out_status,
                                                   GCancellable     *cancellable,
                                                   GError          **error);
char            *banso_sync_escape_id             (const char       *id);
gboolean         banso_sync_host_is_loopback      (const char       *host);

G_END_DECLS
