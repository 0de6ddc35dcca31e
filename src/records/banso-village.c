/* banso-village.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-records"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-commune-scope.h"
#include "banso-document.h"
#include "banso-fold.h"
#include "banso-records-private.h"
#include "banso-reference.h"
#include "banso-village.h"

gboolean
banso_village_index (BansoTxn    *txn,
                     gint64       docno,
                     const char  *commune,
                     const char  *name,
                     GError     **error)
{
  g_autofree char *fold = banso_fold (name, -1);
  sqlite3_stmt *stmt;

  stmt = banso_txn_prepare (txn, "INSERT INTO village_index (docno, commune, name, fold)"
                                 " VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docno);
  sqlite3_bind_text (stmt, 2, commune, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, fold, -1, SQLITE_STATIC);
  return banso_sql_step_done (banso_txn_get_db (txn), stmt, error);
}

char *
banso_village_find (BansoTxn   *txn,
                    const char *commune,
                    const char *name)
{
  g_autofree char *fold = banso_fold (name, -1);
  sqlite3_stmt *stmt = banso_txn_prepare (txn,
                                          "SELECT d.id FROM village_index v JOIN documents d"
                                          " USING (docno) WHERE v.commune = ?1 AND v.fold = ?2",
                                          NULL);
  char *id = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, commune, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, fold, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return id;
}

/**
 * banso_village_create:
 * @kind: "thon", "ban", "bon", "buon", "to-dan-pho" or %NULL
 *
 * Villages are documents like any record, created by the people who know them,
 * inside a commune of their scope.
 */
char *
banso_village_create (BansoTxn    *txn,
                      const char  *commune,
                      const char  *name,
                      const char  *kind,
                      GError     **error)
{
  return banso_village_create_with_id (txn, NULL, commune, name, kind, error);
}

/**
 * banso_village_create_with_id:
 * @id: (nullable): the id the new village takes; %NULL for a new one
 *
 * Like banso_village_create(), for an import that names its new villages
 * before it writes them.
 */
char *
banso_village_create_with_id (BansoTxn    *txn,
                              const char  *id_wanted,
                              const char  *commune,
                              const char  *name,
                              const char  *kind,
                              GError     **error)
{
  g_autoptr(GString) body = g_string_new ("{\"commune\":");
  g_autofree char *id = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));
  gint64 docno;

  if (*trimmed == '\0')
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID,
                   _("Village: enter the name of the village."));
      return NULL;
    }
  if (!banso_user_can_edit_records (banso_txn_get_user (txn), commune, error))
    return NULL;
  if (!banso_commune_exists (txn, commune))
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID,
                   _("Commune: there is no commune with the code %s."), commune);
      return NULL;
    }
  if ((id = banso_village_find (txn, commune, trimmed)) != NULL)
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_CONFLICT,
                   _("Village: %s already exists in this commune."), trimmed);
      return NULL;
    }

  banso_json_append_string (body, commune);
  g_string_append (body, ",\"name\":");
  banso_json_append_string (body, trimmed);
  if (kind != NULL)
    {
      g_string_append (body, ",\"kind\":");
      banso_json_append_string (body, kind);
    }
  g_string_append_c (body, '}');

  id = id_wanted ? g_strdup (id_wanted) : banso_doc_new_id ();
  if (!banso_doc_put (txn, BANSO_VILLAGE_TYPE, id, body->str, NULL, BANSO_DOC_PUT_DEFAULT,
                      &docno, NULL, error))
    return NULL;

  if (!banso_village_index (txn, docno, commune, trimmed, error))
    return NULL;

  return g_steal_pointer (&id);
}

/**
 * banso_village_list:
 *
 * Returns: (transfer full) (element-type BansoRefItem): the villages of a
 *   commune (id, name, commune), by name
 */
GPtrArray *
banso_village_list (sqlite3     *db,
                    const char  *commune_code,
                    GError     **error)
{
  return banso_reference_list_items (db, "SELECT d.id, v.name, v.commune FROM village_index v"
                                         " JOIN documents d USING (docno)"
                                         " WHERE v.commune = ?1 ORDER BY v.fold", commune_code, error);
}

/* Whether @village is a village of @commune. */
gboolean
banso_village_in_commune (BansoTxn   *txn,
                          const char *village,
                          const char *commune)
{
  return _banso_records_exists (txn, "SELECT 1 FROM village_index v JOIN documents d USING (docno)"
                                     " WHERE d.id = ?1 AND v.commune = ?2", village, commune, NULL);
}
