/* banso-sync-log.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-replicator.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  run;
  char   *started_at;
  char   *finished_at;   /* NULL while running, or when Banso stopped mid-run */
  char   *server;
  char   *database;
  gint64  pushed;
  gint64  pulled;
  char   *status;        /* "running", "ok", "failed" */
  char   *message;
} BansoSyncRun;

void       banso_sync_run_free    (BansoSyncRun          *run);
gint64     banso_sync_log_start   (BansoStore            *store,
                                   const char            *server,
                                   const char            *database,
                                   GError               **error);
gboolean   banso_sync_log_finish  (BansoStore            *store,
                                   gint64                 run,
                                   const BansoSyncStats  *stats,
                                   const GError          *failure,
                                   GError               **error);
GPtrArray *banso_sync_log_list    (BansoStore            *store,
                                   guint                  limit,
                                   GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoSyncRun, banso_sync_run_free)

G_END_DECLS
