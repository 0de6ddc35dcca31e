/* sync-test-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "banso-replicator.h"

G_BEGIN_DECLS

/* A helper process that prints "KEY=value" lines once it is ready. */
typedef struct
{
  GSubprocess *process;
  char        *workdir;
  guint        port;
  char        *ca_file;
} SyncHelper;

SyncHelper *sync_helper_start_server   (const char    *admin);
SyncHelper *sync_helper_start_proxy    (guint          target_port);
SyncHelper *sync_helper_start_tls      (guint          target_port);
void        sync_helper_stop           (SyncHelper    *helper);
char       *sync_helper_url            (SyncHelper    *helper,
                                        const char    *scheme);

/* The fault proxy's control URLs. */
void        sync_proxy_fault           (SyncHelper    *proxy,
                                        const char    *json);
JsonNode   *sync_proxy_stats           (SyncHelper    *proxy);

/* Plain HTTP to the server, for checks from the outside. */
JsonNode   *sync_http_json             (const char    *method,
                                        const char    *url,
                                        const char    *body);

/* The PouchDB replica: runs a script of steps, returns one node per step. */
GPtrArray  *sync_replica_run           (const char    *script_json,
                                        const char    *db_dir);

gboolean    sync_run                   (BansoStore    *store,
                                        BansoUser     *user,
                                        const char    *url,
                                        const char    *database,
                                        guint          batch,
                                        const char    *ca_file,
                                        BansoSyncStats *stats,
                                        GError       **error);
char       *sync_store_fingerprint     (BansoStore    *store);

G_END_DECLS
