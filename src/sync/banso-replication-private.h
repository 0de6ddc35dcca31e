/* banso-replication-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the parts of one replication share: the run, its requests, its
 * checkpoints, and the two directions.
 */

#pragma once

#include "banso-replicator.h"

G_BEGIN_DECLS

typedef struct
{
  const BansoReplication *r;
  BansoSyncStats         *stats;
  GCancellable           *cancellable;
  char                   *db_path;         /* "/<database>" escaped */
  char                   *replication_id;
  char                   *session_id;
  char                   *start_time;
  /* checkpoints */
  char                   *remote_rev;      /* of the _local document */
  JsonNode               *history;         /* array, newest first */
  guint                   batch;
} BansoRun;

gboolean  _banso_run_cancelled                (BansoRun      *run,
                                               GError       **error);
JsonNode *_banso_run_request                  (BansoRun      *run,
                                               const char    *method,
                                               const char    *path,
                                               const char    *body,
                                               gsize          len,
                                               guint         *status,
                                               GError       **error);
void      _banso_run_bad_reply                (GError       **error,
                                               BansoRun      *run,
                                               const char    *what,
                                               const char    *path);

/* banso-replication-checkpoint.c */
JsonNode *_banso_run_start_checkpoints        (BansoRun      *run,
                                               GError       **error);
char     *_banso_run_updated_history          (BansoRun      *run,
                                               JsonNode      *seq);
gboolean  _banso_run_write_local_checkpoint   (BansoRun      *run,
                                               BansoTxn      *txn,
                                               const char    *seq_text,
                                               const char    *history,
                                               GError       **error);
gboolean  _banso_run_write_remote_checkpoint  (BansoRun      *run,
                                               JsonNode      *seq,
                                               JsonNode      *history,
                                               GError       **error);

/* banso-replication-push.c */
gint64    _banso_sync_count_since             (BansoStore    *store,
                                               gint64         since,
                                               GError       **error);
gboolean  _banso_run_push                     (BansoRun      *run,
                                               GError       **error);

/* banso-replication-media.c */
gboolean  _banso_run_push_media               (BansoRun      *run,
                                               GError       **error);
gboolean  _banso_run_pull_media               (BansoRun      *run,
                                               GError       **error);

/* banso-replication-pull.c */
gboolean  _banso_run_pull                     (BansoRun      *run,
                                               GError       **error);

G_END_DECLS
