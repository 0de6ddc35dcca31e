/* banso-sync-client.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The HTTP side of replication: one blocking request at a time, made from a
 * worker thread, with deadlines of our own, gzip both ways, the government CA
 * file next to the system's, and errors that say in plain words what happened
 * and where.
 */

#define G_LOG_DOMAIN "banso-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "banso-sync-client.h"

#define DEFAULT_IO_SECONDS       30
#define DEFAULT_REQUEST_SECONDS  300
#define GZIP_ABOVE               1024

struct _BansoSyncClient
{
  GObject       parent_instance;

  SoupSession  *session;
  GUri         *base;
  char         *server;          /* the URL without credentials, for messages */
  char         *authorization;   /* "Basic …", or NULL */
  GTlsDatabase *extra_ca;
  guint         request_seconds;
  gboolean      gzip_requests;
  guint64       bytes_sent;
  guint64       bytes_received;
};

G_DEFINE_FINAL_TYPE (BansoSyncClient, banso_sync_client, G_TYPE_OBJECT)

G_DEFINE_QUARK (banso-sync-error-quark, banso_sync_error)

static void
banso_sync_client_finalize (GObject *object)
{
  BansoSyncClient *self = (BansoSyncClient *)object;

  g_clear_object (&self->session);
  g_clear_pointer (&self->base, g_uri_unref);
  g_clear_pointer (&self->server, g_free);
  if (self->authorization != NULL)
    memset (self->authorization, 0, strlen (self->authorization));
  g_clear_pointer (&self->authorization, g_free);
  g_clear_object (&self->extra_ca);

  G_OBJECT_CLASS (banso_sync_client_parent_class)->finalize (object);
}

static void
banso_sync_client_class_init (BansoSyncClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = banso_sync_client_finalize;
}

static void
banso_sync_client_init (BansoSyncClient *self)
{
  self->request_seconds = DEFAULT_REQUEST_SECONDS;
  self->gzip_requests = TRUE;
}

/**
 * banso_sync_host_is_loopback:
 * @host: (nullable): a host name or address
 *
 * Returns: whether @host is this machine, the one place records and
 *   credentials may go over plain HTTP
 */
gboolean
banso_sync_host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/**
 * banso_sync_client_new:
 * @server_url: e.g. "https://tttd.example.gov.vn/couchdb"; credentials in the
 *   URL are taken when @user is %NULL
 * @ca_file: (nullable): a PEM file of extra certificate authorities to trust
 *   next to the system's (the government PKI)
 *
 * Refuses plain HTTP to anything but this machine, with a login or without.
 */
BansoSyncClient *
banso_sync_client_new (const char  *server_url,
                       const char  *user,
                       const char  *password,
                       const char  *ca_file,
                       GError     **error)
{
  g_autoptr(BansoSyncClient) self = g_object_new (BANSO_TYPE_SYNC_CLIENT, NULL);
  g_autoptr(GUri) uri = NULL;
  g_autofree char *url_user = NULL;
  g_autofree char *url_password = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *scheme;
  const char *path;
  gsize path_len;

  g_return_val_if_fail (server_url != NULL, NULL);

  uri = g_uri_parse (server_url, G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED_PATH, &local_error);
  scheme = uri ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0))
    {
      g_set_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_SETTINGS,
                   _("Server address: “%s” is not an http:// or https:// address."), server_url);
      return NULL;
    }

  if (g_uri_get_user (uri) != NULL)
    {
      url_user = g_uri_unescape_string (g_uri_get_user (uri), NULL);
      url_password = g_uri_get_password (uri) ? g_uri_unescape_string (g_uri_get_password (uri), NULL) : NULL;
    }
  if (user == NULL || *user == '\0')
    {
      user = url_user;
      password = url_password;
    }

  /* The base without credentials, query or trailing slash. */
  path = g_uri_get_path (uri);
  path_len = strlen (path);
  while (path_len > 0 && path[path_len - 1] == '/')
    path_len--;
  {
    g_autofree char *clean_path = g_strndup (path, path_len);
    self->base = g_uri_build (G_URI_FLAGS_ENCODED_PATH, scheme, NULL, g_uri_get_host (uri),
                              g_uri_get_port (uri), clean_path, NULL, NULL);
  }
  self->server = g_uri_to_string (self->base);

  /* Household records are personal data: they never cross a network in
   * clear, whether a password goes with them or not. */
  if (g_strcmp0 (scheme, "https") != 0 && !banso_sync_host_is_loopback (g_uri_get_host (uri)))
    {
      g_set_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_INSECURE,
                   _("Over http:// the records and the password would travel unencrypted to %s. "
                     "Use an https:// address."),
                   self->server);
      return NULL;
    }

  if (user != NULL && *user != '\0')
    {
      g_autofree char *pair = g_strdup_printf ("%s:%s", user, password ? password : "");
      g_autofree char *encoded = g_base64_encode ((const guchar *)pair, strlen (pair));

      self->authorization = g_strdup_printf ("Basic %s", encoded);
      memset (pair, 0, strlen (pair));
    }

  if (ca_file != NULL && *ca_file != '\0')
    {
      self->extra_ca = g_tls_file_database_new (ca_file, &local_error);
      if (self->extra_ca == NULL)
        {
          g_set_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_SETTINGS,
                       _("Certificate authority file %s could not be read: %s"),
                       ca_file, local_error->message);
          return NULL;
        }
    }

  self->session = soup_session_new_with_options ("timeout", DEFAULT_IO_SECONDS,
                                                 "idle-timeout", 60,
                                                 "user-agent", "Banso/" PACKAGE_VERSION,
                                                 NULL);
  if (!soup_session_has_feature (self->session, SOUP_TYPE_CONTENT_DECODER))
    soup_session_add_feature_by_type (self->session, SOUP_TYPE_CONTENT_DECODER);

  return g_steal_pointer (&self);
}

/**
 * banso_sync_client_set_deadline:
 * @io_seconds: how long one read or write may wait for the network
 * @request_seconds: how long a whole request may take, reply included
 */
void
banso_sync_client_set_deadline (BansoSyncClient *self,
                                guint            io_seconds,
                                guint            request_seconds)
{
  g_return_if_fail (BANSO_IS_SYNC_CLIENT (self));

  g_object_set (self->session, "timeout", io_seconds, NULL);
  self->request_seconds = request_seconds;
}

const char *
banso_sync_client_get_server (BansoSyncClient *self)
{
  return self->server;
}

guint64
banso_sync_client_get_bytes_sent (BansoSyncClient *self)
{
  return self->bytes_sent;
}

guint64
banso_sync_client_get_bytes_received (BansoSyncClient *self)
{
  return self->bytes_received;
}

/**
 * banso_sync_escape_id:
 *
 * Returns: a document id as one path segment ("_local/" and "_design/" keep
 *   their slash, as CouchDB expects)
 */
char *
banso_sync_escape_id (const char *id)
{
  if (g_str_has_prefix (id, "_local/") || g_str_has_prefix (id, "_design/"))
    {
      const char *slash = strchr (id, '/');
      g_autofree char *rest = g_uri_escape_string (slash + 1, NULL, FALSE);
      return g_strdup_printf ("%.*s/%s", (int)(slash - id), id, rest);
    }
  return g_uri_escape_string (id, NULL, FALSE);
}

static gboolean
accept_with_extra_ca (SoupMessage          *msg,
                      GTlsCertificate      *certificate,
                      GTlsCertificateFlags  errors,
                      BansoSyncClient      *self)
{
  g_autoptr(GSocketConnectable) identity = NULL;
  GUri *uri = soup_message_get_uri (msg);
  GTlsCertificateFlags flags;

  identity = g_network_address_new (g_uri_get_host (uri), g_uri_get_port (uri));
  flags = g_tls_database_verify_chain (self->extra_ca, certificate,
                                       G_TLS_DATABASE_PURPOSE_AUTHENTICATE_SERVER,
                                       identity, NULL, G_TLS_DATABASE_VERIFY_NONE, NULL, NULL);
  return flags == 0;
}

static GBytes *
gzip_bytes (const char *data,
            gsize       len)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 1);
  g_autoptr(GByteArray) out = g_byte_array_sized_new (len / 4 + 64);
  gsize in_done = 0;

  for (;;)
    {
      guint8 buffer[16384];
      gsize read = 0, written = 0;
      GConverterResult result;

      result = g_converter_convert (G_CONVERTER (compressor), data + in_done, len - in_done,
                                    buffer, sizeof buffer, G_CONVERTER_INPUT_AT_END,
                                    &read, &written, NULL);
      if (result == G_CONVERTER_ERROR)
        return NULL;
      in_done += read;
      g_byte_array_append (out, buffer, written);
      if (result == G_CONVERTER_FINISHED)
        break;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static void
set_transport_error (BansoSyncClient  *self,
                     const char       *url,
                     GError           *cause,
                     GError          **error)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_set_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_CANCELLED, _("Sync was stopped."));
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_TIMEOUT,
                 _("The server did not answer in time (%s)."), url);
  else if (cause->domain == G_TLS_ERROR)
    g_set_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_TLS,
                 _("The server %s could not prove who it is: its certificate is not trusted (%s). If your office uses the government certificate authority, choose its file in the sync settings."),
                 self->server, cause->message);
  else
    g_set_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_NETWORK,
                 _("Could not reach the server %s: %s"), self->server, cause->message);
}

static char *
reply_reason (JsonNode *node)
{
  JsonObject *o;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  o = json_node_get_object (node);
  if (json_object_has_member (o, "reason") &&
      JSON_NODE_HOLDS_VALUE (json_object_get_member (o, "reason")))
    return g_strdup (json_object_get_string_member (o, "reason"));
  if (json_object_has_member (o, "error") &&
      JSON_NODE_HOLDS_VALUE (json_object_get_member (o, "error")))
    return g_strdup (json_object_get_string_member (o, "error"));
  return NULL;
}

static gboolean
read_reply (BansoSyncClient  *self,
            GInputStream     *in,
            gint64            deadline,
            const char       *url,
            GByteArray       *out,
            GCancellable     *cancellable,
            GError          **error)
{
  guint8 buffer[65536];

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      gssize n = g_input_stream_read (in, buffer, sizeof buffer, cancellable, &local_error);

      if (n < 0)
        {
          set_transport_error (self, url, local_error, error);
          return FALSE;
        }
      if (n == 0)
        return TRUE;
      g_byte_array_append (out, buffer, n);
      self->bytes_received += n;
      if (g_get_monotonic_time () > deadline)
        {
          g_set_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_TIMEOUT,
                       _("The server's reply to %s did not end in time."), url);
          return FALSE;
        }
    }
}

/* The server sent the request elsewhere: said with the server's address and
 * where it pointed, without any user name or password the target holds. */
static void
set_redirect_error (BansoSyncClient  *self,
                    SoupMessage      *msg,
                    const char       *method,
                    const char       *url,
                    guint             status,
                    GError          **error)
{
  const char *location = soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                       "Location");
  g_autoptr(GUri) target = NULL;
  g_autofree char *shown = NULL;

  if (location != NULL)
    target = g_uri_parse_relative (soup_message_get_uri (msg), location, G_URI_FLAGS_NONE, NULL);
  shown = target ? g_uri_to_string_partial (target, G_URI_HIDE_USERINFO) : g_strdup ("?");
  /* Translators: the first %s is the server's address, then the method and
   * address of the request, the HTTP status and the address it pointed to. */
  g_set_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_SERVER,
               _("The server %s answered %s %s with a redirect (HTTP %u) to %s. Banso does not "
                 "follow redirects, so that records and the password go only to the server set; "
                 "if the new address is right, enter it in the sync settings."),
               self->server, method, url, status, shown);
}

/* Sends one request and reads the whole answer, whatever its status; %NULL
 * with @error when no answer came. */
static GByteArray *
exchange (BansoSyncClient  *self,
          const char       *method,
          const char       *url,
          const char       *path,
          const char       *body,
          gsize             body_len,
          const char       *content_type,
          guint            *out_status,
          GCancellable     *cancellable,
          GError          **error)
{
  g_autoptr(GByteArray) reply = NULL;
  gboolean gzipped = FALSE;

retry:
  {
    g_autoptr(SoupMessage) msg = soup_message_new (method, url);
    g_autoptr(GInputStream) in = NULL;
    g_autoptr(GError) local_error = NULL;
    SoupMessageHeaders *headers;
    gint64 deadline;
    guint status;

    if (msg == NULL)
      {
        g_set_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_SETTINGS,
                     _("Server address: “%s” is not a valid address."), url);
        return NULL;
      }
    /* A redirect is never followed: a 302 would turn a write into a GET,
     * and the password set for this server would go to another host. */
    soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
    headers = soup_message_get_request_headers (msg);
    soup_message_headers_replace (headers, "Accept", "application/json");
    if (self->authorization != NULL)
      soup_message_headers_replace (headers, "Authorization", self->authorization);
    if (self->extra_ca != NULL)
      g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_with_extra_ca), self);

    if (body != NULL)
      {
        g_autoptr(GBytes) bytes = NULL;

        /* Media is compressed already; JSON shrinks to a fifth. */
        gzipped = content_type == NULL && self->gzip_requests && body_len > GZIP_ABOVE;
        if (gzipped && (bytes = gzip_bytes (body, body_len)) != NULL)
          soup_message_headers_replace (headers, "Content-Encoding", "gzip");
        else
          {
            gzipped = FALSE;
            bytes = g_bytes_new (body, body_len);
          }
        self->bytes_sent += g_bytes_get_size (bytes);
        soup_message_set_request_body_from_bytes (msg, content_type ? content_type : "application/json",
                                                  bytes);
      }
    self->bytes_sent += strlen (method) + strlen (path) + 160;

    deadline = g_get_monotonic_time () + (gint64)self->request_seconds * G_USEC_PER_SEC;
    in = soup_session_send (self->session, msg, cancellable, &local_error);
    if (in == NULL)
      {
        set_transport_error (self, url, local_error, error);
        return NULL;
      }

    status = soup_message_get_status (msg);
    if (out_status)
      *out_status = status;
    if (SOUP_STATUS_IS_REDIRECTION (status))
      {
        set_redirect_error (self, msg, method, url, status, error);
        g_input_stream_close (in, NULL, NULL);
        return NULL;
      }

    /* A server that cannot read gzip bodies says so once; plain from then on. */
    if (gzipped && (status == SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE || status == SOUP_STATUS_BAD_REQUEST))
      {
        g_input_stream_close (in, NULL, NULL);
        self->gzip_requests = FALSE;
        goto retry;
      }

    reply = g_byte_array_new ();
    if (!read_reply (self, in, deadline, url, reply, cancellable, error))
      return NULL;
    g_input_stream_close (in, NULL, NULL);
  }
  return g_steal_pointer (&reply);
}

static JsonNode *
parse_reply (GByteArray  *reply,
             GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  if (reply->len == 0)
    {
      g_set_error_literal (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_BAD_REPLY, _("the reply is empty"));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, (const char *)reply->data, reply->len, error))
    return NULL;
  return json_parser_steal_root (parser);
}

/* The error for an answer that is not 2xx, in the server's words when it
 * gave a reason. */
static void
set_status_error (BansoSyncClient  *self,
                  guint             status,
                  const char       *url,
                  GByteArray       *reply,
                  GError          **error)
{
  g_autoptr(JsonNode) root = parse_reply (reply, NULL);
  g_autofree char *reason = reply_reason (root);
  const char *why = reason ? reason : soup_status_get_phrase (status);

  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
    case SOUP_STATUS_FORBIDDEN:
      g_set_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_AUTH,
                   _("The server %s refused the user name or password (HTTP %u: %s)."),
                   self->server, status, why);
      break;
    case SOUP_STATUS_NOT_FOUND:
      g_set_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_NOT_FOUND,
                   _("The server has nothing at %s (HTTP 404: %s)."), url, why);
      break;
    case SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE:
      g_set_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_TOO_LARGE,
                   _("The server found the request to %s too large (HTTP 413)."), url);
      break;
    default:
      g_set_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_SERVER,
                   _("The server had a problem with %s (HTTP %u: %s)."), url, status, why);
      break;
    }
}

/* One request whose answer must be 2xx: its reply, or %NULL with @error
 * saying what went wrong; *out_url is the address asked. */
static GByteArray *
request_ok (BansoSyncClient  *self,
            const char       *method,
            const char       *path,
            const char       *body,
            gsize             body_len,
            const char       *content_type,
            guint            *out_status,
            char            **out_url,
            GCancellable     *cancellable,
            GError          **error)
{
  g_autoptr(GByteArray) reply = NULL;
  guint status = 0;

  if (out_status)
    *out_status = 0;
  *out_url = g_strconcat (self->server, path, NULL);
  reply = exchange (self, method, *out_url, path, body, body_len, content_type, &status,
                    cancellable, error);
  if (out_status)
    *out_status = status;
  if (reply != NULL && (status < 200 || status >= 300))
    {
      set_status_error (self, status, *out_url, reply, error);
      g_clear_pointer (&reply, g_byte_array_unref);
    }
  return g_steal_pointer (&reply);
}

/**
 * banso_sync_client_request:
 * @path: below the server address, starting with "/", already escaped
 * @body: (nullable): JSON to send
 * @out_status: (out) (optional): the HTTP status, also on errors
 *
 * Returns: (transfer full): the parsed JSON reply of a 2xx answer; %NULL with
 *   @error otherwise
 */
JsonNode *
banso_sync_client_request (BansoSyncClient  *self,
                           const char       *method,
                           const char       *path,
                           const char       *body,
                           gsize             body_len,
                           guint            *out_status,
                           GCancellable     *cancellable,
                           GError          **error)
{
  g_autofree char *url = NULL;
  g_autoptr(GByteArray) reply = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (BANSO_IS_SYNC_CLIENT (self), NULL);

  reply = request_ok (self, method, path, body, body_len, NULL, out_status, &url, cancellable, error);
  if (reply == NULL)
    return NULL;
  if ((root = parse_reply (reply, &local_error)) == NULL)
    g_set_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_BAD_REPLY,
                 _("The server's reply to %s is not valid JSON: %s"), url, local_error->message);
  return root;
}

/**
 * banso_sync_client_request_bytes:
 * @content_type: (nullable): of @body; %NULL for JSON
 *
 * Like banso_sync_client_request(), but the reply of a 2xx answer comes back
 * as it is, for a caller that reads it itself, and the body can be of any
 * type.
 *
 * Returns: (transfer full): the reply; %NULL with @error when the answer is
 *   not 2xx or no answer came
 */
GBytes *
banso_sync_client_request_bytes (BansoSyncClient  *self,
                                 const char       *method,
                                 const char       *path,
                                 const char       *body,
                                 gsize             body_len,
                                 const char       *content_type,
                                 guint            *out_status,
                                 GCancellable     *cancellable,
                                 GError          **error)
{
  g_autofree char *url = NULL;
  GByteArray *reply;

  g_return_val_if_fail (BANSO_IS_SYNC_CLIENT (self), NULL);

  reply = request_ok (self, method, path, body, body_len, content_type, out_status, &url,
                      cancellable, error);
  return reply ? g_byte_array_free_to_bytes (reply) : NULL;
}
