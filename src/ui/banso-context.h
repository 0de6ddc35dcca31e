/* banso-context.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "banso-store.h"
#include "banso-sync-manager.h"

G_BEGIN_DECLS

#define BANSO_TYPE_CONTEXT (banso_context_get_type ())

G_DECLARE_FINAL_TYPE (BansoContext, banso_context, BANSO, CONTEXT, GObject)

BansoContext *banso_context_new                (BansoStore   *store,
                                                GSettings    *settings,
                                                GPtrArray    *ethnic_groups,
                                                GPtrArray    *provinces);
BansoStore   *banso_context_get_store          (BansoContext *self);
GSettings    *banso_context_get_settings       (BansoContext *self);
BansoUser    *banso_context_get_user           (BansoContext *self);
void          banso_context_set_user           (BansoContext *self,
                                                BansoUser    *user);
GPtrArray    *banso_context_get_ethnic_groups  (BansoContext *self);
GPtrArray    *banso_context_get_provinces      (BansoContext *self);
const char   *banso_context_get_home_province  (BansoContext *self);
void          banso_context_set_home_province  (BansoContext *self,
                                                const char   *code);

gboolean      banso_context_get_demo           (BansoContext *self);
void          banso_context_set_demo           (BansoContext *self,
                                                gboolean      demo);
GPtrArray    *banso_context_get_users          (BansoContext *self);
void          banso_context_set_users          (BansoContext *self,
                                                GPtrArray    *users);
BansoSyncManager *banso_context_get_sync_manager (BansoContext     *self);
void          banso_context_set_sync_manager   (BansoContext     *self,
                                                BansoSyncManager *manager);
void          banso_context_shutdown           (BansoContext *self);

G_END_DECLS
