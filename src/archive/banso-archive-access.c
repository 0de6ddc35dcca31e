/* banso-archive-access.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Who may see an item of the archive. Every path goes through here: lists and search, the
 * item page, thumbnails, transcripts and media files, export and packages, the command line,
 * and the map and sync through banso_archive_item_visible() and
 * banso_archive_media_visible().
 *
 * - public: anyone, also outside the office (a package for the public);
 * - community only: the office's administrators and cultural staff, and the commune
 *   officials of the item's commune; not trainers, who show items outside the community;
 * - restricted: administrators and the roles the item names. */

#define G_LOG_DOMAIN "banso-archive"

#include "config.h"

#include "banso-archive-access.h"

gboolean
banso_archive_user_may_see (BansoUser          *user,
                            BansoArchiveAccess  access,
                            const char * const *roles,
                            const char         *commune)
{
  BansoRole role;

  if (access == BANSO_ARCHIVE_ACCESS_PUBLIC)
    return TRUE;
  if (user == NULL)
    return FALSE;
  role = banso_user_get_role (user);
  if (role == BANSO_ROLE_ADMIN)
    return TRUE;

  if (access == BANSO_ARCHIVE_ACCESS_COMMUNITY)
    {
      const char * const *communes = banso_user_get_communes (user);

      if (role == BANSO_ROLE_CULTURAL_STAFF)
        return TRUE;
      if (role != BANSO_ROLE_COMMUNE_OFFICIAL || commune == NULL)
        return FALSE;
      return communes != NULL && g_strv_contains (communes, commune);
    }

  return roles != NULL && g_strv_contains (roles, banso_role_to_string (role));
}

gboolean
banso_archive_user_may_see_item (BansoUser        *user,
                                 BansoArchiveItem *item)
{
  return banso_archive_user_may_see (user, item->access, (const char * const *) item->roles,
                                     item->commune);
}

/**
 * banso_archive_access_sql:
 * @alias: the name of the archive_items table in the query
 *
 * Returns: the condition, for the query's WHERE, that keeps the rows the user may see
 *   (the same rule as banso_archive_user_may_see())
 */
char *
banso_archive_access_sql (BansoUser  *user,
                          const char *alias)
{
  GString *sql = g_string_new (NULL);
  BansoRole role;

  if (user == NULL)
    {
      g_string_append_printf (sql, "%s.access = 'public'", alias);
      return g_string_free (sql, FALSE);
    }
  role = banso_user_get_role (user);
  if (role == BANSO_ROLE_ADMIN)
    return g_strdup ("1");

  g_string_append_printf (sql, "(%s.access = 'public'", alias);
  if (role == BANSO_ROLE_CULTURAL_STAFF)
    g_string_append_printf (sql, " OR %s.access = 'community'", alias);
  else if (role == BANSO_ROLE_COMMUNE_OFFICIAL)
    {
      const char * const *communes = banso_user_get_communes (user);

      g_string_append_printf (sql, " OR (%s.access = 'community' AND %s.commune IN (''", alias,
                              alias);
      for (guint i = 0; communes != NULL && communes[i] != NULL; i++)
        {
          char *quoted = sqlite3_mprintf (", %Q", communes[i]);

          g_string_append (sql, quoted);
          sqlite3_free (quoted);
        }
      g_string_append (sql, "))");
    }
  /* Roles are kept as " trainer cultural-staff ": a role's name between spaces. */
  g_string_append_printf (sql, " OR (%s.access = 'restricted' AND instr (%s.roles, ' %s ') > 0))",
                          alias, alias, banso_role_to_string (role));
  return g_string_free (sql, FALSE);
}

static gboolean
query_visible (BansoStore *store,
               BansoUser  *user,
               const char *before,
               const char *after,
               const char *id)
{
  g_autofree char *clause = banso_archive_access_sql (user, "a");
  g_autofree char *sql = g_strconcat (before, clause, after, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean visible = FALSE;
  sqlite3 *db;

  if ((db = banso_store_acquire_reader (store, NULL)) == NULL)
    return FALSE;
  stmt = banso_sql_prepare (db, sql, NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      visible = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  banso_store_release_reader (store, db);
  return visible;
}

/**
 * banso_archive_item_visible:
 *
 * Whether @user (%NULL: someone outside the office) may see archive item @item_id, for the
 * map and sync, which show or send items without reading them.
 */
gboolean
banso_archive_item_visible (BansoStore *store,
                            BansoUser  *user,
                            const char *item_id)
{
  return query_visible (store, user,
                        "SELECT count (*) FROM archive_items a JOIN documents d USING (docno)"
                        " WHERE d.id = ?1 AND d.deleted = 0 AND ", "", item_id);
}

/* Visible when an item the user may see holds it, or when no item holds it at all (a media
 * file that is not the archive's). */
static const char media_visible_before[] =
  "SELECT EXISTS (SELECT 1 FROM archive_media m JOIN archive_items a ON a.docno = m.item_docno"
  "               WHERE m.media_id = ?1 AND ";
static const char media_visible_after[] =
  ")    OR NOT EXISTS (SELECT 1 FROM archive_media m WHERE m.media_id = ?1)";

gboolean
banso_archive_media_visible (BansoStore *store,
                             BansoUser  *user,
                             const char *media_id)
{
  return query_visible (store, user, media_visible_before, media_visible_after, media_id);
}

gboolean
banso_archive_media_visible_db (sqlite3    *db,
                                BansoUser  *user,
                                const char *media_id)
{
  g_autofree char *clause = banso_archive_access_sql (user, "a");
  g_autofree char *sql = g_strconcat (media_visible_before, clause, media_visible_after, NULL);
  g_autoptr(sqlite3_stmt) stmt = banso_sql_prepare (db, sql, NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, media_id, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
}
