/* banso-user-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-store.h"

G_BEGIN_DECLS

/* One line of the log of accounts: a login, a failed login, a change. */
typedef struct
{
  gint64  entry;
  char   *at;
  char   *actor;    /* who acted; NULL for a failed login */
  char   *login;    /* the account it concerns, or the name typed */
  char   *action;   /* login, login-failed, lock, logout, create, update, password,
                     * disable, enable */
  char   *detail;
} BansoUserEvent;

void        banso_user_event_free           (BansoUserEvent  *event);

gboolean    banso_login_name_check          (const char      *login,
                                             GError         **error);
gboolean    banso_store_needs_first_admin   (BansoStore      *self,
                                             GError         **error);
BansoUser  *banso_store_create_first_admin  (BansoStore      *self,
                                             const char      *login,
                                             const char      *name,
                                             const char      *password,
                                             GError         **error);
gboolean    banso_store_create_user         (BansoStore      *self,
                                             BansoUser       *acting,
                                             BansoUser       *user,
                                             const char      *password,
                                             GError         **error);
gboolean    banso_store_update_user         (BansoStore      *self,
                                             BansoUser       *acting,
                                             BansoUser       *user,
                                             const char      *password,
                                             GError         **error);
gboolean    banso_store_set_user_disabled   (BansoStore      *self,
                                             BansoUser       *acting,
                                             const char      *login,
                                             gboolean         disabled,
                                             GError         **error);
BansoUser  *banso_store_log_in              (BansoStore      *self,
                                             const char      *login,
                                             const char      *password,
                                             GError         **error);
gboolean    banso_store_log_user_event      (BansoStore      *self,
                                             BansoUser       *user,
                                             const char      *action,
                                             GError         **error);
GPtrArray  *banso_store_list_user_events    (BansoStore      *self,
                                             const char      *login,
                                             GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoUserEvent, banso_user_event_free)

G_END_DECLS
