/* banso-user.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-core"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-store.h"
#include "banso-user.h"

struct _BansoUser
{
  GObject    parent_instance;
  char      *id;
  char      *name;
  BansoRole  role;
  GStrv      communes;
  gboolean   disabled;
  gboolean   has_password;
};

G_DEFINE_FINAL_TYPE (BansoUser, banso_user, G_TYPE_OBJECT)

static const char *role_names[] = {
  "admin", "commune-official", "cultural-staff", "trainer", "lexicographer",
};

G_STATIC_ASSERT (G_N_ELEMENTS (role_names) == BANSO_N_ROLES);

static void
banso_user_finalize (GObject *object)
{
  BansoUser *self = (BansoUser *)object;

  g_free (self->id);
  g_free (self->name);
  g_strfreev (self->communes);

  G_OBJECT_CLASS (banso_user_parent_class)->finalize (object);
}

static void
banso_user_class_init (BansoUserClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = banso_user_finalize;
}

static void
banso_user_init (BansoUser *self)
{
}

BansoUser *
banso_user_new (const char         *id,
                const char         *name,
                BansoRole           role,
                const char * const *communes)
{
  BansoUser *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (BANSO_TYPE_USER, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name ? name : id);
  self->role = role;
  self->communes = communes ? g_strdupv ((char **)communes) : g_new0 (char *, 1);

  return self;
}

const char *
banso_user_get_id (BansoUser *self)
{
  g_return_val_if_fail (BANSO_IS_USER (self), NULL);
  return self->id;
}

const char *
banso_user_get_name (BansoUser *self)
{
  g_return_val_if_fail (BANSO_IS_USER (self), NULL);
  return self->name;
}

BansoRole
banso_user_get_role (BansoUser *self)
{
  g_return_val_if_fail (BANSO_IS_USER (self), BANSO_ROLE_TRAINER);
  return self->role;
}

const char * const *
banso_user_get_communes (BansoUser *self)
{
  g_return_val_if_fail (BANSO_IS_USER (self), NULL);
  return (const char * const *)self->communes;
}

gboolean
banso_user_get_disabled (BansoUser *self)
{
  g_return_val_if_fail (BANSO_IS_USER (self), TRUE);
  return self->disabled;
}

void
banso_user_set_disabled (BansoUser *self,
                         gboolean   disabled)
{
  g_return_if_fail (BANSO_IS_USER (self));
  self->disabled = !!disabled;
}

/* Whether the user can log in at all: the system account and users made
 * before logins existed have no password. */
gboolean
banso_user_get_has_password (BansoUser *self)
{
  g_return_val_if_fail (BANSO_IS_USER (self), FALSE);
  return self->has_password;
}

void
banso_user_set_has_password (BansoUser *self,
                             gboolean   has_password)
{
  g_return_if_fail (BANSO_IS_USER (self));
  self->has_password = !!has_password;
}

gboolean
banso_user_is_system (BansoUser *self)
{
  g_return_val_if_fail (BANSO_IS_USER (self), FALSE);
  return g_strcmp0 (self->id, BANSO_SYSTEM_USER) == 0;
}

/* The scope rule lives here, in core, so that every path that writes records —
 * the window, the CLI, an import, later sync — is held to it, not only the UI.
 */
gboolean
banso_user_can_edit_records (BansoUser   *self,
                             const char  *commune_code,
                             GError     **error)
{
  g_return_val_if_fail (BANSO_IS_USER (self), FALSE);

  switch (self->role)
    {
    case BANSO_ROLE_ADMIN:
      return TRUE;

    case BANSO_ROLE_COMMUNE_OFFICIAL:
      if (commune_code != NULL &&
          g_strv_contains ((const char * const *)self->communes, commune_code))
        return TRUE;
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION,
                   _("%s may only change records of their own communes; commune %s is not one of them."),
                   self->name, commune_code ? commune_code : "?");
      return FALSE;

    case BANSO_ROLE_CULTURAL_STAFF:
    case BANSO_ROLE_TRAINER:
    case BANSO_ROLE_LEXICOGRAPHER:
    default:
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION,
                   _("%s is %s and may not change the records of communes."),
                   self->name, banso_role_get_label (self->role));
      return FALSE;
    }
}

/* A lexicographer edits dictionary entries and nothing else. */
gboolean
banso_user_can_edit_dictionary (BansoUser  *self,
                                GError    **error)
{
  g_return_val_if_fail (BANSO_IS_USER (self), FALSE);

  if (self->role == BANSO_ROLE_ADMIN || self->role == BANSO_ROLE_LEXICOGRAPHER)
    return TRUE;
  g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION,
               _("%s is %s and may not change dictionary entries."),
               self->name, banso_role_get_label (self->role));
  return FALSE;
}

const char *
banso_role_to_string (BansoRole role)
{
  g_return_val_if_fail (role < BANSO_N_ROLES, "trainer");
  return role_names[role];
}

gboolean
banso_role_from_string (const char *text,
                        BansoRole  *role)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    {
      if (g_strcmp0 (text, role_names[i]) == 0)
        {
          *role = (BansoRole)i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
banso_role_get_label (BansoRole role)
{
  switch (role)
    {
    case BANSO_ROLE_ADMIN:
      return _("an administrator");
    case BANSO_ROLE_COMMUNE_OFFICIAL:
      return _("a commune official");
    case BANSO_ROLE_CULTURAL_STAFF:
      return _("cultural staff");
    case BANSO_ROLE_LEXICOGRAPHER:
      return _("a lexicographer");
    case BANSO_ROLE_TRAINER:
    default:
      return _("a trainer");
    }
}

/* The role as a list or a drop-down names it. */
const char *
banso_role_get_title (BansoRole role)
{
  switch (role)
    {
    case BANSO_ROLE_ADMIN:
      return _("Administrator");
    case BANSO_ROLE_COMMUNE_OFFICIAL:
      return _("Commune official");
    case BANSO_ROLE_CULTURAL_STAFF:
      return _("Cultural staff");
    case BANSO_ROLE_LEXICOGRAPHER:
      return _("Lexicographer");
    case BANSO_ROLE_TRAINER:
    default:
      return _("Trainer");
    }
}
