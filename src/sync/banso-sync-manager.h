/* banso-sync-manager.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-replicator.h"
#include "banso-sync-log.h"

G_BEGIN_DECLS

typedef enum
{
  BANSO_SYNC_STATE_NOT_CONFIGURED,
  BANSO_SYNC_STATE_IDLE,        /* last run succeeded, or none yet */
  BANSO_SYNC_STATE_OFFLINE,     /* no network: waiting for one */
  BANSO_SYNC_STATE_SYNCING,
  BANSO_SYNC_STATE_FAILED,      /* last run failed; retrying later */
} BansoSyncState;

/* What the office syncs with; kept in the database next to the data it
 * describes (the password is in the keyring). */
typedef struct
{
  char *server;
  char *database;
  char *login;
  char *ca_file;
  char *references;   /* reference databases the office only pulls, space-separated */
  gboolean media_metered;  /* move media files on a metered connection too */
} BansoSyncSettings;

#define BANSO_TYPE_SYNC_MANAGER (banso_sync_manager_get_type ())

G_DECLARE_FINAL_TYPE (BansoSyncManager, banso_sync_manager, BANSO, SYNC_MANAGER, GObject)

void               banso_sync_settings_free          (BansoSyncSettings *settings);
BansoSyncSettings *banso_sync_settings_load          (BansoStore        *store);
BansoSyncSettings *banso_sync_settings_copy          (const BansoSyncSettings *settings);
gboolean           banso_sync_settings_save          (BansoStore        *store,
                                                      const BansoSyncSettings *settings,
                                                      GError           **error);

BansoSyncManager  *banso_sync_manager_new            (BansoStore        *store,
                                                      BansoUser         *user);
void               banso_sync_manager_start          (BansoSyncManager  *self);
void               banso_sync_manager_sync_now       (BansoSyncManager  *self);
void               banso_sync_manager_set_settings   (BansoSyncManager  *self,
                                                      const BansoSyncSettings *settings);
void               banso_sync_manager_set_user       (BansoSyncManager  *self,
                                                      BansoUser         *user);
BansoStore        *banso_sync_manager_get_store      (BansoSyncManager  *self);
BansoSyncState     banso_sync_manager_get_state      (BansoSyncManager  *self);
gint64             banso_sync_manager_get_pending    (BansoSyncManager  *self);
guint              banso_sync_manager_get_conflicts  (BansoSyncManager  *self);
guint64            banso_sync_manager_get_done       (BansoSyncManager  *self);
guint64            banso_sync_manager_get_total      (BansoSyncManager  *self);
BansoSyncDirection banso_sync_manager_get_phase      (BansoSyncManager  *self);
const char        *banso_sync_manager_get_database   (BansoSyncManager  *self);
gint64             banso_sync_manager_get_media_held (BansoSyncManager  *self);
char              *banso_sync_manager_dup_media_note (BansoSyncManager  *self);
GDateTime         *banso_sync_manager_get_last_success (BansoSyncManager *self);
GDateTime         *banso_sync_manager_get_last_failure (BansoSyncManager *self);
const char        *banso_sync_manager_get_last_error (BansoSyncManager  *self);
char              *banso_sync_manager_dup_summary    (BansoSyncManager  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoSyncSettings, banso_sync_settings_free)

G_END_DECLS
