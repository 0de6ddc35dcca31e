/* banso-reference.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-core"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "banso-fold.h"
#include "banso-reference.h"
#include "banso-store.h"

#define RESOURCE_PREFIX "/io/github/banso/Banso/reference/"

void
banso_ref_item_free (BansoRefItem *item)
{
  if (item == NULL)
    return;
  g_free (item->code);
  g_free (item->name);
  g_free (item->parent);
  g_free (item);
}

static BansoRefItem *
ref_item_new (const char *code,
              const char *name,
              const char *parent)
{
  BansoRefItem *item = g_new0 (BansoRefItem, 1);

  item->code = g_strdup (code);
  item->name = g_strdup (name);
  item->parent = g_strdup (parent);
  return item;
}

static gboolean
load_ethnic_groups (sqlite3  *db,
                    GError  **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  gsize size;

  bytes = g_resources_lookup_data (RESOURCE_PREFIX "ethnic-groups.csv", 0, error);
  if (bytes == NULL)
    return FALSE;

  text = g_strndup (g_bytes_get_data (bytes, &size), g_bytes_get_size (bytes));
  lines = g_strsplit (text, "\n", -1);

  stmt = banso_sql_prepare (db, "INSERT OR REPLACE INTO ethnic_groups (code, name, other_names, fold)"
                                " VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;

  /* The file is ours and plain: code,name,other names separated by "; ". */
  for (guint i = 1; lines[i]; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_strstrip (lines[i]), ",", 3);
      g_autoptr(GString) fold = NULL;
      g_auto(GStrv) others = NULL;

      if (g_strv_length (parts) < 2)
        continue;

      fold = g_string_new (NULL);
      banso_fold_append (fold, parts[1], -1);
      if (parts[2] != NULL)
        {
          others = g_strsplit (parts[2], ";", -1);
          for (guint j = 0; others[j]; j++)
            {
              g_string_append (fold, "|");
              banso_fold_append (fold, g_strstrip (others[j]), -1);
            }
        }

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, parts[0], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, parts[1], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, parts[2] ? parts[2] : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, fold->str, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return banso_sql_error (db, sqlite3_errcode (db), error);
    }

  return TRUE;
}

static const char *
commune_kind (const char *name)
{
  if (g_str_has_prefix (name, "Phường"))
    return "ward";
  if (g_str_has_prefix (name, "Đặc khu"))
    return "special-zone";
  return "commune";
}

static gboolean
insert_unit (sqlite3_stmt  *stmt,
             sqlite3       *db,
             const char    *code,
             const char    *kind,
             const char    *parent,
             const char    *name,
             GError       **error)
{
  g_autofree char *fold = banso_fold (name, -1);

  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, BANSO_ADMIN_EDITION, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, parent, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, fold, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return banso_sql_error (db, sqlite3_errcode (db), error);
  return TRUE;
}

static gboolean
load_admin_units (sqlite3  *db,
                  GError  **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JsonNode *root;
  JsonArray *provinces;

  bytes = g_resources_lookup_data (RESOURCE_PREFIX "vn-admin-units-2025.json", 0, error);
  if (bytes == NULL)
    return FALSE;
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), error))
    return FALSE;

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID,
                   _("The administrative units file is not a list of provinces."));
      return FALSE;
    }

  stmt = banso_sql_prepare (db, "INSERT OR REPLACE INTO admin_units"
                                " (edition, code, kind, parent_code, name, fold)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;

  provinces = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (provinces); i++)
    {
      JsonObject *province = json_array_get_object_element (provinces, i);
      const char *pcode = json_object_get_string_member (province, "code");
      JsonArray *communes = json_object_get_array_member (province, "communes");

      if (!insert_unit (stmt, db, pcode, "province", NULL,
                        json_object_get_string_member (province, "name"), error))
        return FALSE;

      for (guint j = 0; j < json_array_get_length (communes); j++)
        {
          JsonObject *commune = json_array_get_object_element (communes, j);
          const char *name = json_object_get_string_member (commune, "name");

          if (!insert_unit (stmt, db, json_object_get_string_member (commune, "code"),
                            commune_kind (name), pcode, name, error))
            return FALSE;
        }
    }

  return TRUE;
}

/**
 * banso_reference_ensure_loaded:
 *
 * Loads the ethnic groups and the 2025 administrative units that ship inside
 * Banso the first time a database is opened, in one transaction.
 */
gboolean
banso_reference_ensure_loaded (sqlite3  *db,
                               GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean have_groups, have_units;

  stmt = banso_sql_prepare (db, "SELECT (SELECT count(*) FROM ethnic_groups),"
                                " (SELECT count(*) FROM admin_units WHERE edition = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, BANSO_ADMIN_EDITION, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return banso_sql_error (db, sqlite3_errcode (db), error);
  have_groups = sqlite3_column_int (stmt, 0) > 0;
  have_units = sqlite3_column_int (stmt, 1) > 0;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (have_groups && have_units)
    return TRUE;

  if (!banso_sql_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  if ((!have_groups && !load_ethnic_groups (db, error)) ||
      (!have_units && !load_admin_units (db, error)))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      g_prefix_error (error, _("Could not load the reference data: "));
      return FALSE;
    }
  return banso_sql_exec (db, "COMMIT", error);
}

/**
 * banso_reference_list_items:
 * @sql: a query of (code, name, parent) rows, with at most one parameter
 * @arg: (nullable): its value
 *
 * Returns: (transfer full) (element-type BansoRefItem): the rows
 */
GPtrArray *
banso_reference_list_items (sqlite3     *db,
                            const char  *sql,
                            const char  *arg,
                            GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify)banso_ref_item_free);
  g_autoptr(sqlite3_stmt) stmt = banso_sql_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, ref_item_new ((const char *)sqlite3_column_text (stmt, 0),
                                          (const char *)sqlite3_column_text (stmt, 1),
                                          (const char *)sqlite3_column_text (stmt, 2)));
  if (rc != SQLITE_DONE)
    {
      banso_sql_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

GPtrArray *
banso_reference_list_ethnic_groups (sqlite3  *db,
                                    GError  **error)
{
  return banso_reference_list_items (db, "SELECT code, name, other_names FROM ethnic_groups ORDER BY code",
                     NULL, error);
}

GPtrArray *
banso_reference_list_provinces (sqlite3  *db,
                                GError  **error)
{
  return banso_reference_list_items (db, "SELECT code, name, NULL FROM admin_units"
                         " WHERE edition = '" BANSO_ADMIN_EDITION "' AND kind = 'province'"
                         " ORDER BY code", NULL, error);
}

GPtrArray *
banso_reference_list_communes (sqlite3     *db,
                               const char  *province_code,
                               GError     **error)
{
  return banso_reference_list_items (db, "SELECT code, name, parent_code FROM admin_units"
                         " WHERE edition = '" BANSO_ADMIN_EDITION "' AND parent_code = ?1"
                         " ORDER BY fold", province_code, error);
}

char *
banso_reference_commune_name (sqlite3    *db,
                              const char *code)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = banso_sql_prepare (db, "SELECT name FROM admin_units WHERE edition = '"
                                BANSO_ADMIN_EDITION "' AND code = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

char *
banso_reference_commune_province (sqlite3    *db,
                                  const char *code)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = banso_sql_prepare (db, "SELECT parent_code FROM admin_units WHERE edition = '"
                                BANSO_ADMIN_EDITION "' AND code = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

/**
 * banso_reference_find_ethnic:
 * @text: a code ("08"), an official name ("Mông") or another name ("H'Mông")
 *
 * Returns: (nullable): the official code of the group, or %NULL when nothing matches
 */
char *
banso_reference_find_ethnic (sqlite3    *db,
                             const char *text)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *fold = NULL;
  g_autofree char *code = NULL;

  if (text == NULL || *text == '\0')
    return NULL;

  fold = banso_fold (text, -1);
  if (g_ascii_isdigit (fold[0]) && strlen (fold) <= 2)
    code = g_strdup_printf ("%02d", atoi (fold));

  stmt = banso_sql_prepare (db, "SELECT code FROM ethnic_groups WHERE code = ?1"
                                " OR fold = ?2 OR fold LIKE ?2 || '|%'"
                                " OR ('|' || fold || '|') LIKE '%|' || ?2 || '|%'"
                                " ORDER BY code != ?1, fold NOT LIKE ?2 || '%' LIMIT 1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code ? code : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, fold, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

/**
 * banso_reference_copy_ethnic:
 * @from: a connection to the office database
 *
 * For banso_reference_find_ethnic() in a thread that has no connection to the
 * database of its own: a private in-memory database with a copy of the table
 * of ethnic groups, made as the migrations made it.
 *
 * Returns: (transfer full): the copy, to close with sqlite3_close(); %NULL on error
 */
sqlite3 *
banso_reference_copy_ethnic (sqlite3  *from,
                             GError  **error)
{
  g_autoptr(sqlite3_stmt) schema = NULL;
  g_autoptr(sqlite3_stmt) read = NULL;
  g_autoptr(sqlite3_stmt) write = NULL;
  sqlite3 *db = NULL;
  gboolean ok;
  int rc;

  rc = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      banso_sql_error (db, rc, error);
      sqlite3_close (db);
      return NULL;
    }

  ok = (schema = banso_sql_prepare (from, "SELECT sql FROM sqlite_schema"
                                          " WHERE name = 'ethnic_groups'", error)) != NULL &&
       (sqlite3_step (schema) == SQLITE_ROW || banso_sql_error (from, sqlite3_errcode (from), error)) &&
       banso_sql_exec (db, (const char *)sqlite3_column_text (schema, 0), error) &&
       (read = banso_sql_prepare (from, "SELECT code, name, other_names, fold FROM ethnic_groups",
                                  error)) != NULL &&
       (write = banso_sql_prepare (db, "INSERT INTO ethnic_groups (code, name, other_names, fold)"
                                       " VALUES (?1, ?2, ?3, ?4)", error)) != NULL;
  rc = SQLITE_DONE;
  while (ok && (rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      for (int i = 0; i < 4; i++)
        sqlite3_bind_value (write, i + 1, sqlite3_column_value (read, i));
      if (sqlite3_step (write) != SQLITE_DONE)
        ok = banso_sql_error (db, sqlite3_errcode (db), error);
      sqlite3_reset (write);
    }
  if (ok && rc != SQLITE_DONE)
    ok = banso_sql_error (from, rc, error);

  g_clear_pointer (&schema, sqlite3_finalize);
  g_clear_pointer (&read, sqlite3_finalize);
  g_clear_pointer (&write, sqlite3_finalize);
  if (!ok)
    {
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

/**
 * banso_store_list_communes:
 * @province: (nullable): the code of a province, or %NULL for all
 *
 * banso_reference_list_communes() on a reader of @store, for a worker
 * thread that holds no connection of its own.
 *
 * Returns: (transfer full) (element-type BansoRefItem): the communes, or %NULL
 */
GPtrArray *
banso_store_list_communes (BansoStore  *store,
                           const char  *province,
                           GError     **error)
{
  GPtrArray *communes;
  sqlite3 *db = banso_store_acquire_reader (store, error);

  if (db == NULL)
    return NULL;
  communes = banso_reference_list_communes (db, province, error);
  banso_store_release_reader (store, db);
  return communes;
}
