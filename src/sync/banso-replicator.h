/* banso-replicator.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-store.h"
#include "banso-sync-client.h"

G_BEGIN_DECLS

typedef enum
{
  BANSO_SYNC_PUSH = 1 << 0,
  BANSO_SYNC_PULL = 1 << 1,
  BANSO_SYNC_BOTH = BANSO_SYNC_PUSH | BANSO_SYNC_PULL,
  BANSO_SYNC_MEDIA = 1 << 2,   /* a progress phase: pieces of media files */
} BansoSyncDirection;

#define BANSO_SYNC_DEFAULT_BATCH 500

typedef struct
{
  guint64 pushed;          /* revisions the server took from us */
  guint64 pulled;          /* revisions we took from the server */
  guint64 push_failures;   /* revisions the server refused, one by one */
  guint64 bytes_sent;
  guint64 bytes_received;
  guint64 media_bytes;     /* of media pieces moved either way */
} BansoSyncStats;

/* Called from the replicating thread. @total is 0 when not known yet. */
typedef void (*BansoSyncProgressFunc) (BansoSyncDirection  phase,
                                       guint64             done,
                                       guint64             total,
                                       gpointer            user_data);

typedef struct
{
  BansoStore            *store;
  BansoUser             *user;          /* recorded in the audit log for pulled revisions */
  BansoSyncClient       *client;
  const char            *database;
  BansoSyncDirection     direction;
  const char            *source;        /* for a pull-only reference database, else NULL */
  guint                  batch_size;    /* 0: BANSO_SYNC_DEFAULT_BATCH */
  gboolean               create_target;
  gboolean               media;         /* move media files too (not on a metered link) */
  BansoSyncProgressFunc  progress;
  gpointer               progress_data;
} BansoReplication;

gboolean  banso_replicate             (const BansoReplication  *replication,
                                       BansoSyncStats          *stats,
                                       GCancellable            *cancellable,
                                       GError                 **error);
gint64    banso_sync_count_pending    (BansoStore              *store,
                                       const char              *server,
                                       const char              *database,
                                       GError                 **error);
gint64    banso_sync_count_media_waiting (BansoStore           *store,
                                          GError              **error);
char     *banso_replication_id        (BansoStore              *store,
                                       const char              *server,
                                       const char              *database,
                                       BansoSyncDirection       direction);

G_END_DECLS
