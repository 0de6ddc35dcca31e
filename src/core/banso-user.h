/* banso-user.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  BANSO_ROLE_ADMIN,
  BANSO_ROLE_COMMUNE_OFFICIAL,
  BANSO_ROLE_CULTURAL_STAFF,
  BANSO_ROLE_TRAINER,
  BANSO_ROLE_LEXICOGRAPHER,
} BansoRole;

#define BANSO_N_ROLES (BANSO_ROLE_LEXICOGRAPHER + 1)

/* The account the system itself writes under (upgrades, the command line
 * without --user); it has no password and never logs in. */
#define BANSO_SYSTEM_USER "admin"

#define BANSO_TYPE_USER (banso_user_get_type ())

G_DECLARE_FINAL_TYPE (BansoUser, banso_user, BANSO, USER, GObject)

BansoUser          *banso_user_new                  (const char         *id,
                                                     const char         *name,
                                                     BansoRole           role,
                                                     const char * const *communes);
const char         *banso_user_get_id               (BansoUser          *self);
const char         *banso_user_get_name             (BansoUser          *self);
BansoRole           banso_user_get_role             (BansoUser          *self);
const char * const *banso_user_get_communes         (BansoUser          *self);
gboolean            banso_user_get_disabled         (BansoUser          *self);
void                banso_user_set_disabled         (BansoUser          *self,
                                                     gboolean            disabled);
gboolean            banso_user_get_has_password     (BansoUser          *self);
void                banso_user_set_has_password     (BansoUser          *self,
                                                     gboolean            has_password);
gboolean            banso_user_is_system            (BansoUser          *self);
gboolean            banso_user_can_edit_records     (BansoUser          *self,
                                                     const char         *commune_code,
                                                     GError            **error);
gboolean            banso_user_can_edit_dictionary  (BansoUser          *self,
                                                     GError            **error);
const char         *banso_role_to_string            (BansoRole           role);
gboolean            banso_role_from_string          (const char         *text,
                                                     BansoRole          *role);
const char         *banso_role_get_label            (BansoRole           role);
const char         *banso_role_get_title            (BansoRole           role);

G_END_DECLS
