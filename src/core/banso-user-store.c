/* banso-user-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "banso-password.h"
#include "banso-reference.h"
#include "banso-user-store.h"

/* The users of an office and their passwords. They live in the office's own
 * database and never sync (see schema step 14). Every change, login and
 * failed login is a line of the append-only table user_events, written in the
 * transaction of the change. */

#define USER_COLUMNS "id, name, role, disabled, password_hash IS NOT NULL"

void
banso_user_event_free (BansoUserEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->at);
  g_free (event->actor);
  g_free (event->login);
  g_free (event->action);
  g_free (event->detail);
  g_free (event);
}

static BansoUser *
user_from_row (sqlite3      *db,
               sqlite3_stmt *stmt)
{
  g_autoptr(GPtrArray) communes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) c = NULL;
  const char *id = (const char *)sqlite3_column_text (stmt, 0);
  BansoRole role = BANSO_ROLE_TRAINER;
  BansoUser *user;

  banso_role_from_string ((const char *)sqlite3_column_text (stmt, 2), &role);

  c = banso_sql_prepare (db, "SELECT commune_code FROM user_communes WHERE user_id = ?1"
                             " ORDER BY commune_code", NULL);
  if (c != NULL)
    {
      sqlite3_bind_text (c, 1, id, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (c) == SQLITE_ROW)
        g_ptr_array_add (communes, g_strdup ((const char *)sqlite3_column_text (c, 0)));
    }
  g_ptr_array_add (communes, NULL);

  user = banso_user_new (id, (const char *)sqlite3_column_text (stmt, 1), role,
                         (const char * const *)communes->pdata);
  banso_user_set_disabled (user, sqlite3_column_int (stmt, 3));
  banso_user_set_has_password (user, sqlite3_column_int (stmt, 4));
  return user;
}

GPtrArray *
banso_store_list_users (BansoStore  *self,
                        GError     **error)
{
  g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (BANSO_IS_STORE (self), NULL);

  if (!(db = banso_store_acquire_reader (self, error)))
    return NULL;

  stmt = banso_sql_prepare (db, "SELECT " USER_COLUMNS " FROM users"
                                " ORDER BY id != '" BANSO_SYSTEM_USER "', role != 'admin', name, id",
                            error);
  if (stmt == NULL)
    {
      banso_store_release_reader (self, db);
      return NULL;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (users, user_from_row (db, stmt));

  g_clear_pointer (&stmt, sqlite3_finalize);
  banso_store_release_reader (self, db);

  return g_steal_pointer (&users);
}

BansoUser *
banso_store_dup_user (BansoStore  *self,
                      const char  *user_id,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  BansoUser *user = NULL;
  sqlite3 *db;

  g_return_val_if_fail (BANSO_IS_STORE (self), NULL);
  g_return_val_if_fail (user_id != NULL, NULL);

  if (!(db = banso_store_acquire_reader (self, error)))
    return NULL;

  stmt = banso_sql_prepare (db, "SELECT " USER_COLUMNS " FROM users WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, user_id, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        user = user_from_row (db, stmt);
      else
        g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_NOT_FOUND,
                     _("There is no user “%s” in this database."), user_id);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  banso_store_release_reader (self, db);

  return user;
}

/* The system account: upgrades, the demo and the command line write under it. */
BansoUser *
banso_store_dup_admin (BansoStore  *self,
                       GError     **error)
{
  return banso_store_dup_user (self, BANSO_SYSTEM_USER, error);
}

/* Checks {{{ */

/**
 * banso_login_name_check:
 *
 * A login name is 2 to 32 small letters without diacritics, digits, dots,
 * hyphens and underscores, and starts with a letter: officials type it on
 * any keyboard, and it goes into the audit log as it is.
 */
gboolean
banso_login_name_check (const char  *login,
                        GError     **error)
{
  gsize len = login ? strlen (login) : 0;

  if (len < 2 || len > 32 || !g_ascii_islower (login[0]))
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID,
                   _("The login name “%s” is not valid: it has 2 to 32 characters and starts with a small letter."),
                   login ? login : "");
      return FALSE;
    }
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_islower (login[i]) && !g_ascii_isdigit (login[i]) &&
        login[i] != '.' && login[i] != '-' && login[i] != '_')
      {
        g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID,
                     _("The login name “%s” is not valid: use small letters without diacritics, digits, “.”, “-” and “_” (character %u is not one of them)."),
                     login, (guint)i + 1);
        return FALSE;
      }
  if (g_str_equal (login, BANSO_SYSTEM_USER))
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_EXISTS,
                   _("“%s” is the name of the system account, which cannot log in; choose another login name."),
                   login);
      return FALSE;
    }
  return TRUE;
}

static gboolean
require_admin (BansoUser  *acting,
               GError    **error)
{
  if (banso_user_get_role (acting) != BANSO_ROLE_ADMIN || banso_user_get_disabled (acting))
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION,
                   _("Only an administrator may add or change users; %s is %s."),
                   banso_user_get_name (acting),
                   banso_role_get_label (banso_user_get_role (acting)));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_fields (BansoTxn   *txn,
              BansoUser  *user,
              GError    **error)
{
  const char * const *communes = banso_user_get_communes (user);
  g_autofree char *name = g_strstrip (g_strdup (banso_user_get_name (user)));
  sqlite3_stmt *stmt;

  if (*name == '\0')
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID,
                   _("The user “%s” needs a full name."), banso_user_get_id (user));
      return FALSE;
    }

  if (banso_user_get_role (user) != BANSO_ROLE_COMMUNE_OFFICIAL)
    return TRUE;
  if (communes[0] == NULL)
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID,
                   _("The commune official “%s” needs at least one commune."),
                   banso_user_get_id (user));
      return FALSE;
    }
  for (guint i = 0; communes[i] != NULL; i++)
    {
      if (!(stmt = banso_txn_prepare (txn, "SELECT 1 FROM admin_units WHERE edition = '"
                                           BANSO_ADMIN_EDITION "' AND code = ?1"
                                           " AND kind != 'province'", error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, communes[i], -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID,
                       _("There is no commune with the code “%s” in the administrative units of %s."),
                       communes[i], BANSO_ADMIN_EDITION);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }
  return TRUE;
}

/* How many enabled administrators who can log in there are besides @login. */
static gint64
count_other_admins (BansoTxn   *txn,
                    const char *login)
{
  sqlite3_stmt *stmt = banso_txn_prepare (txn, "SELECT count(*) FROM users WHERE role = 'admin'"
                                               " AND disabled = 0 AND password_hash IS NOT NULL"
                                               " AND id != ?1", NULL);
  gint64 n = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* The account as it is in the file, inside the writing transaction. */
static BansoUser *
read_user (BansoTxn   *txn,
           const char *login)
{
  sqlite3_stmt *stmt = banso_txn_prepare (txn, "SELECT " USER_COLUMNS " FROM users WHERE id = ?1",
                                          NULL);
  BansoUser *user = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    user = user_from_row (banso_txn_get_db (txn), stmt);
  sqlite3_reset (stmt);
  return user;
}

/* }}} */

/* Writing {{{ */

static gboolean
write_event (BansoTxn    *txn,
             const char  *actor,
             const char  *login,
             const char  *action,
             const char  *detail,
             GError     **error)
{
  g_autofree char *now = banso_now_iso8601 ();
  sqlite3_stmt *stmt;

  stmt = banso_txn_prepare (txn, "INSERT INTO user_events (at, actor, login, action, detail)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, actor, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, login, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, detail ? detail : "", -1, SQLITE_TRANSIENT);
  return banso_sql_step_done (banso_txn_get_db (txn), stmt, error);
}

static gboolean
write_communes (BansoTxn   *txn,
                BansoUser  *user,
                GError    **error)
{
  const char * const *communes = banso_user_get_communes (user);
  sqlite3_stmt *stmt;

  if (!(stmt = banso_txn_prepare (txn, "DELETE FROM user_communes WHERE user_id = ?1", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, banso_user_get_id (user), -1, SQLITE_TRANSIENT);
  if (!banso_sql_step_done (banso_txn_get_db (txn), stmt, error))
    return FALSE;

  /* Only a commune official has communes. */
  if (banso_user_get_role (user) != BANSO_ROLE_COMMUNE_OFFICIAL)
    return TRUE;
  for (guint i = 0; communes[i]; i++)
    {
      stmt = banso_txn_prepare (txn, "INSERT OR IGNORE INTO user_communes (user_id, commune_code)"
                                     " VALUES (?1, ?2)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, banso_user_get_id (user), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, communes[i], -1, SQLITE_TRANSIENT);
      if (!banso_sql_step_done (banso_txn_get_db (txn), stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* What changed, for the log: "name, role admin → trainer, communes 14001 14004". */
static char *
describe_change (BansoUser  *before,
                 BansoUser  *after,
                 const char *hash)
{
  GString *text = g_string_new (NULL);
  const char * const *b = banso_user_get_communes (before);
  const char * const *a = banso_user_get_communes (after);
  gboolean same = g_strv_length ((char **)b) == g_strv_length ((char **)a);

  for (guint i = 0; same && a[i]; i++)
    same = g_strv_contains (b, a[i]);
  if (banso_user_get_role (after) != BANSO_ROLE_COMMUNE_OFFICIAL)
    same = same || (b[0] == NULL);

  if (g_strcmp0 (banso_user_get_name (before), banso_user_get_name (after)) != 0)
    g_string_append_printf (text, "name %s → %s; ", banso_user_get_name (before),
                            banso_user_get_name (after));
  if (banso_user_get_role (before) != banso_user_get_role (after))
    g_string_append_printf (text, "role %s → %s; ",
                            banso_role_to_string (banso_user_get_role (before)),
                            banso_role_to_string (banso_user_get_role (after)));
  if (!same && banso_user_get_role (after) == BANSO_ROLE_COMMUNE_OFFICIAL)
    {
      g_autofree char *list = g_strjoinv (" ", (char **)a);
      g_string_append_printf (text, "communes %s; ", list);
    }
  if (hash != NULL)
    g_string_append (text, "password; ");
  if (text->len >= 2)
    g_string_truncate (text, text->len - 2);
  return g_string_free (text, FALSE);
}

typedef enum
{
  SAVE_CREATE,
  SAVE_UPDATE,
  SAVE_EITHER,
} SaveMode;

static gboolean
save_user (BansoStore  *self,
           BansoUser   *acting,
           BansoUser   *user,
           const char  *hash,
           SaveMode     mode,
           const char  *create_detail,
           GError     **error)
{
  g_autoptr(BansoUser) before = NULL;
  g_autofree char *now = banso_now_iso8601 ();
  g_autofree char *name = g_strstrip (g_strdup (banso_user_get_name (user)));
  const char *id = banso_user_get_id (user);
  sqlite3_stmt *stmt;
  BansoTxn *txn;

  if (!(txn = banso_store_begin (self, acting, error)))
    return FALSE;

  before = read_user (txn, id);
  if (before != NULL && mode == SAVE_CREATE)
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_EXISTS,
                   _("There is already a user “%s”."), id);
      goto fail;
    }
  if (before == NULL && mode == SAVE_UPDATE)
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_NOT_FOUND,
                   _("There is no user “%s” in this database."), id);
      goto fail;
    }
  if (before != NULL && banso_user_is_system (before) && mode == SAVE_UPDATE)
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION,
                   _("The system account “%s” cannot be changed."), id);
      goto fail;
    }
  if (!check_fields (txn, user, error))
    goto fail;
  /* Nobody may leave the office without an administrator who can log in. */
  if (before != NULL && banso_user_get_role (before) == BANSO_ROLE_ADMIN &&
      banso_user_get_role (user) != BANSO_ROLE_ADMIN && banso_user_get_has_password (before) &&
      !banso_user_get_disabled (before) && count_other_admins (txn, id) == 0)
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION,
                   _("%s is the only administrator who can log in: make another user an administrator first."),
                   banso_user_get_name (before));
      goto fail;
    }

  stmt = banso_txn_prepare (txn,
                            "INSERT INTO users (id, name, role, created_at, password_hash, updated_at)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?4)"
                            " ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
                            "   role = excluded.role, updated_at = excluded.updated_at,"
                            "   password_hash = coalesce (excluded.password_hash, password_hash)",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, banso_role_to_string (banso_user_get_role (user)), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, hash, -1, SQLITE_TRANSIENT);
  if (!banso_sql_step_done (banso_txn_get_db (txn), stmt, error) ||
      !write_communes (txn, user, error))
    goto fail;

  if (before == NULL)
    {
      g_autofree char *detail = NULL;
      const char * const *communes = banso_user_get_communes (user);
      g_autofree char *list = g_strjoinv (" ", (char **)communes);

      detail = g_strdup_printf ("%s%s%s%s%s", create_detail ? create_detail : "",
                                create_detail ? "; " : "",
                                banso_role_to_string (banso_user_get_role (user)),
                                banso_user_get_role (user) == BANSO_ROLE_COMMUNE_OFFICIAL ? " " : "",
                                banso_user_get_role (user) == BANSO_ROLE_COMMUNE_OFFICIAL ? list : "");
      if (!write_event (txn, banso_user_get_id (acting), id, "create", detail, error))
        goto fail;
    }
  else
    {
      g_autoptr(BansoUser) after = read_user (txn, id);
      g_autofree char *detail = describe_change (before, after, hash);

      if (*detail != '\0' &&
          !write_event (txn, banso_user_get_id (acting), id, hash ? "password" : "update",
                        detail, error))
        goto fail;
    }

  return banso_txn_commit (txn, error);

fail:
  banso_txn_rollback (txn);
  return FALSE;
}

/**
 * banso_store_add_user:
 *
 * Adds a user, or changes one, without touching their password. Only an
 * administrator may do this. The demo and the tests make users with it.
 */
gboolean
banso_store_add_user (BansoStore  *self,
                      BansoUser   *acting,
                      BansoUser   *user,
                      GError     **error)
{
  g_return_val_if_fail (BANSO_IS_STORE (self), FALSE);
  g_return_val_if_fail (BANSO_IS_USER (acting), FALSE);
  g_return_val_if_fail (BANSO_IS_USER (user), FALSE);

  return require_admin (acting, error) &&
         save_user (self, acting, user, NULL, SAVE_EITHER, NULL, error);
}

/**
 * banso_store_create_user:
 * @password: the new user's password, kept only as its salted hash
 *
 * Adds a user who can log in. Only an administrator may. Slow (the hash):
 * call it off the main loop.
 */
gboolean
banso_store_create_user (BansoStore  *self,
                         BansoUser   *acting,
                         BansoUser   *user,
                         const char  *password,
                         GError     **error)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (BANSO_IS_STORE (self), FALSE);
  g_return_val_if_fail (BANSO_IS_USER (acting), FALSE);
  g_return_val_if_fail (BANSO_IS_USER (user), FALSE);

  if (!require_admin (acting, error) ||
      !banso_login_name_check (banso_user_get_id (user), error) ||
      !(hash = banso_password_hash (password, error)))
    return FALSE;
  return save_user (self, acting, user, hash, SAVE_CREATE, NULL, error);
}

/**
 * banso_store_update_user:
 * @user: the user's login name with their new full name, role and communes
 * @password: (nullable): a new password, or %NULL to keep the one they have
 *
 * Changes a user. Only an administrator may; the last administrator who can
 * log in stays one.
 */
gboolean
banso_store_update_user (BansoStore  *self,
                         BansoUser   *acting,
                         BansoUser   *user,
                         const char  *password,
                         GError     **error)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (BANSO_IS_STORE (self), FALSE);
  g_return_val_if_fail (BANSO_IS_USER (acting), FALSE);
  g_return_val_if_fail (BANSO_IS_USER (user), FALSE);

  if (!require_admin (acting, error))
    return FALSE;
  if (password != NULL && !(hash = banso_password_hash (password, error)))
    return FALSE;
  return save_user (self, acting, user, hash, SAVE_UPDATE, NULL, error);
}

/**
 * banso_store_set_user_disabled:
 *
 * Disables a user, who can no longer log in (their changes stay theirs in
 * the audit log), or enables them again.
 */
gboolean
banso_store_set_user_disabled (BansoStore  *self,
                               BansoUser   *acting,
                               const char  *login,
                               gboolean     disabled,
                               GError     **error)
{
  g_autoptr(BansoUser) before = NULL;
  g_autofree char *now = banso_now_iso8601 ();
  sqlite3_stmt *stmt;
  BansoTxn *txn;

  g_return_val_if_fail (BANSO_IS_STORE (self), FALSE);
  g_return_val_if_fail (BANSO_IS_USER (acting), FALSE);
  g_return_val_if_fail (login != NULL, FALSE);

  if (!require_admin (acting, error) || !(txn = banso_store_begin (self, acting, error)))
    return FALSE;

  if (!(before = read_user (txn, login)))
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_NOT_FOUND,
                   _("There is no user “%s” in this database."), login);
      goto fail;
    }
  if (banso_user_is_system (before))
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION,
                   _("The system account “%s” cannot be changed."), login);
      goto fail;
    }
  if (!!disabled == banso_user_get_disabled (before))
    {
      banso_txn_rollback (txn);
      return TRUE;
    }
  if (disabled && g_strcmp0 (login, banso_user_get_id (acting)) == 0)
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION,
                   _("%s cannot disable their own account; another administrator can."),
                   banso_user_get_name (before));
      goto fail;
    }
  if (disabled && banso_user_get_role (before) == BANSO_ROLE_ADMIN &&
      banso_user_get_has_password (before) && count_other_admins (txn, login) == 0)
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION,
                   _("%s is the only administrator who can log in: make another user an administrator first."),
                   banso_user_get_name (before));
      goto fail;
    }

  stmt = banso_txn_prepare (txn, "UPDATE users SET disabled = ?2, updated_at = ?3 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, !!disabled);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  if (!banso_sql_step_done (banso_txn_get_db (txn), stmt, error) ||
      !write_event (txn, banso_user_get_id (acting), login, disabled ? "disable" : "enable",
                    NULL, error))
    goto fail;

  return banso_txn_commit (txn, error);

fail:
  banso_txn_rollback (txn);
  return FALSE;
}

/* }}} */

/* Logging in {{{ */

/**
 * banso_store_needs_first_admin:
 *
 * Whether nobody can log in as an administrator yet: a new database, or one
 * from before logins, whose only administrator is the system account.
 */
gboolean
banso_store_needs_first_admin (BansoStore  *self,
                               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean needed = FALSE;
  sqlite3 *db;

  g_return_val_if_fail (BANSO_IS_STORE (self), FALSE);

  if (!(db = banso_store_acquire_reader (self, error)))
    return FALSE;
  stmt = banso_sql_prepare (db, "SELECT NOT EXISTS (SELECT 1 FROM users WHERE role = 'admin'"
                                " AND disabled = 0 AND password_hash IS NOT NULL)", error);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    needed = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  banso_store_release_reader (self, db);
  return needed;
}

/**
 * banso_store_create_first_admin:
 *
 * Makes the first administrator of a database that has none who can log in,
 * under the system account. Refused once there is one.
 *
 * Returns: (transfer full): the new administrator, logged in
 */
BansoUser *
banso_store_create_first_admin (BansoStore  *self,
                                const char  *login,
                                const char  *name,
                                const char  *password,
                                GError     **error)
{
  g_autoptr(BansoUser) system = NULL;
  g_autoptr(BansoUser) user = NULL;
  g_autofree char *hash = NULL;

  g_return_val_if_fail (BANSO_IS_STORE (self), NULL);

  if (!banso_login_name_check (login, error) || !(hash = banso_password_hash (password, error)))
    return NULL;
  if (!banso_store_needs_first_admin (self, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION,
                     _("This database already has an administrator; ask them to add you."));
      return NULL;
    }
  if (!(system = banso_store_dup_admin (self, error)))
    return NULL;
  user = banso_user_new (login, name, BANSO_ROLE_ADMIN, NULL);
  if (!save_user (self, system, user, hash, SAVE_CREATE, "first administrator", error))
    return NULL;
  banso_user_set_has_password (user, TRUE);
  return g_steal_pointer (&user);
}

/* The account's hash and state, read outside the writing transaction: the
 * hash takes a while to check, and nothing else need wait for it. */
static BansoUser *
read_login (BansoStore  *self,
            const char  *login,
            char       **hash,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  BansoUser *user = NULL;
  sqlite3 *db;

  if (!(db = banso_store_acquire_reader (self, error)))
    return NULL;
  stmt = banso_sql_prepare (db, "SELECT " USER_COLUMNS ", password_hash FROM users WHERE id = ?1",
                            error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, login, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          user = user_from_row (db, stmt);
          *hash = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
        }
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  banso_store_release_reader (self, db);
  return user;
}

static gboolean
log_event (BansoStore  *self,
           BansoUser   *txn_user,
           const char  *actor,
           const char  *login,
           const char  *action,
           const char  *detail,
           GError     **error)
{
  BansoTxn *txn = banso_store_begin (self, txn_user, error);

  if (txn == NULL)
    return FALSE;
  if (!write_event (txn, actor, login, action, detail, error))
    {
      banso_txn_rollback (txn);
      return FALSE;
    }
  return banso_txn_commit (txn, error);
}

/**
 * banso_store_log_in:
 * @login: the login name as typed (spaces around it and capitals do not count)
 *
 * Checks a password. Both a login and a failed login are written to the log
 * of accounts. Slow on purpose: call it off the main loop.
 *
 * Returns: (transfer full): the user, or %NULL with the reason
 */
BansoUser *
banso_store_log_in (BansoStore  *self,
                    const char  *login,
                    const char  *password,
                    GError     **error)
{
  g_autofree char *typed = NULL;
  g_autofree char *hash = NULL;
  g_autoptr(BansoUser) user = NULL;
  g_autoptr(BansoUser) system = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *reason = NULL;

  g_return_val_if_fail (BANSO_IS_STORE (self), NULL);

  typed = g_utf8_strdown (login ? login : "", -1);
  g_strstrip (typed);
  if (!(system = banso_store_dup_admin (self, error)))
    return NULL;

  user = read_login (self, typed, &hash, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (user == NULL)
    reason = "unknown login";
  else if (hash == NULL)
    reason = "no password";
  else if (!banso_password_verify (hash, password))
    reason = "wrong password";
  else if (banso_user_get_disabled (user))
    reason = "disabled";

  if (reason != NULL)
    {
      if (!log_event (self, system, NULL, typed, "login-failed", reason, error))
        return NULL;
      if (g_str_equal (reason, "disabled"))
        g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION,
                     _("%s was disabled by an administrator and may no longer log in."),
                     banso_user_get_name (user));
      else
        g_set_error_literal (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION,
                             _("The login name or the password is wrong."));
      return NULL;
    }

  if (!log_event (self, user, typed, typed, "login", NULL, error))
    return NULL;
  return g_steal_pointer (&user);
}

/**
 * banso_store_log_user_event:
 * @action: "lock" or "logout"
 *
 * Writes what a user did with their session to the log of accounts.
 */
gboolean
banso_store_log_user_event (BansoStore  *self,
                            BansoUser   *user,
                            const char  *action,
                            GError     **error)
{
  g_return_val_if_fail (BANSO_IS_STORE (self), FALSE);
  g_return_val_if_fail (BANSO_IS_USER (user), FALSE);
  g_return_val_if_fail (g_strcmp0 (action, "lock") == 0 || g_strcmp0 (action, "logout") == 0,
                        FALSE);

  return log_event (self, user, banso_user_get_id (user), banso_user_get_id (user), action,
                    NULL, error);
}

/**
 * banso_store_list_user_events:
 * @login: (nullable): only the events of this account
 *
 * Returns: (transfer full) (element-type BansoUserEvent): the log of
 *   accounts, oldest first
 */
GPtrArray *
banso_store_list_user_events (BansoStore  *self,
                              const char  *login,
                              GError     **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify)banso_user_event_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (BANSO_IS_STORE (self), NULL);

  if (!(db = banso_store_acquire_reader (self, error)))
    return NULL;
  stmt = banso_sql_prepare (db, "SELECT entry, at, actor, login, action, detail FROM user_events"
                                " WHERE ?1 IS NULL OR login = ?1 ORDER BY entry", error);
  if (stmt == NULL)
    {
      banso_store_release_reader (self, db);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      BansoUserEvent *event = g_new0 (BansoUserEvent, 1);

      event->entry = sqlite3_column_int64 (stmt, 0);
      event->at = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      event->actor = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      event->login = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      event->action = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
      event->detail = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
      g_ptr_array_add (events, event);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  banso_store_release_reader (self, db);
  return g_steal_pointer (&events);
}

/* }}} */
