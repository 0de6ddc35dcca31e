/* banso-prestige.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-records"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "banso-fold.h"
#include "banso-household.h"
#include "banso-commune-scope.h"
#include "banso-household-store.h"
#include "banso-records-private.h"
#include "banso-prestige.h"
#include "banso-reference.h"
#include "banso-validate.h"

G_DEFINE_BOXED_TYPE (BansoPrestige, banso_prestige, banso_prestige_copy, banso_prestige_free)

BansoPrestige *
banso_prestige_new (void)
{
  return g_new0 (BansoPrestige, 1);
}

BansoPrestige *
banso_prestige_copy (const BansoPrestige *src)
{
  BansoPrestige *self = g_new0 (BansoPrestige, 1);

  self->id = g_strdup (src->id);
  self->rev = g_strdup (src->rev);
  self->household = g_strdup (src->household);
  self->member = g_strdup (src->member);
  self->name = g_strdup (src->name);
  self->ethnic = g_strdup (src->ethnic);
  self->commune = g_strdup (src->commune);
  self->village = g_strdup (src->village);
  self->year = src->year;
  self->influence = g_strdup (src->influence);
  self->phone = g_strdup (src->phone);
  self->notes = g_strdup (src->notes);
  return self;
}

void
banso_prestige_free (BansoPrestige *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->rev);
  g_free (self->household);
  g_free (self->member);
  g_free (self->name);
  g_free (self->ethnic);
  g_free (self->commune);
  g_free (self->village);
  g_free (self->influence);
  g_free (self->phone);
  g_free (self->notes);
  g_free (self);
}

static void
add_string (JsonBuilder *builder,
            const char  *key,
            const char  *value)
{
  if (value == NULL || *value == '\0')
    return;
  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, value);
}

char *
banso_prestige_to_json (const BansoPrestige *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_string (builder, "household", self->household);
  add_string (builder, "member", self->member);
  add_string (builder, "name", self->name);
  add_string (builder, "ethnic", self->ethnic);
  add_string (builder, "commune", self->commune);
  add_string (builder, "village", self->village);
  if (self->year > 0)
    {
      json_builder_set_member_name (builder, "year");
      json_builder_add_int_value (builder, self->year);
    }
  add_string (builder, "influence", self->influence);
  add_string (builder, "phone", self->phone);
  add_string (builder, "notes", self->notes);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

BansoPrestige *
banso_prestige_from_json (const char  *json,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  BansoPrestige *self;
  JsonObject *o;

  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID,
                   _("A prestigious person record must be a JSON object."));
      return NULL;
    }
  o = json_node_get_object (json_parser_get_root (parser));

  self = banso_prestige_new ();
  self->household = g_strdup (json_object_get_string_member_with_default (o, "household", NULL));
  self->member = g_strdup (json_object_get_string_member_with_default (o, "member", NULL));
  self->name = g_strdup (json_object_get_string_member_with_default (o, "name", NULL));
  self->ethnic = g_strdup (json_object_get_string_member_with_default (o, "ethnic", NULL));
  self->commune = g_strdup (json_object_get_string_member_with_default (o, "commune", NULL));
  self->village = g_strdup (json_object_get_string_member_with_default (o, "village", NULL));
  self->year = (int)json_object_get_int_member_with_default (o, "year", 0);
  self->influence = g_strdup (json_object_get_string_member_with_default (o, "influence", NULL));
  self->phone = g_strdup (json_object_get_string_member_with_default (o, "phone", NULL));
  self->notes = g_strdup (json_object_get_string_member_with_default (o, "notes", NULL));
  return self;
}

gboolean
banso_prestige_validate (const BansoPrestige  *self,
                         GError              **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) local_error = NULL;

  if (!banso_validate_person_name (self->name, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, _("Name: %s"),
                   local_error->message);
      return FALSE;
    }
  if (self->commune == NULL || *self->commune == '\0')
    {
      g_set_error (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_EMPTY,
                   _("Commune: choose the commune of the person."));
      return FALSE;
    }
  if (!banso_validate_year (self->year, 1990, g_date_time_get_year (now), &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, _("Year recognised: %s"),
                   local_error->message);
      return FALSE;
    }
  if (self->phone != NULL && *self->phone != '\0' &&
      !banso_validate_phone (self->phone, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, _("Phone: %s"),
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
run (BansoTxn      *txn,
     sqlite3_stmt  *stmt,
     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return banso_sql_error (banso_txn_get_db (txn), rc, error);
  return TRUE;
}

static gboolean
index_prestige (BansoTxn             *txn,
                gint64                docno,
                const BansoPrestige  *self,
                GError              **error)
{
  g_autofree char *fold = NULL;
  g_autofree char *search = NULL;
  sqlite3_stmt *stmt;

  fold = banso_fold (self->name, -1);
  {
    g_autofree char *text = g_strdup_printf ("%s %s", self->name,
                                             self->influence ? self->influence : "");
    search = banso_fold (text, -1);
  }

  stmt = banso_txn_prepare (txn, "INSERT OR REPLACE INTO prestige_index"
                                 " (docno, commune, village, name, name_fold, ethnic, year, search)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docno);
  sqlite3_bind_text (stmt, 2, self->commune, -1, SQLITE_STATIC);
  if (self->village && *self->village)
    sqlite3_bind_text (stmt, 3, self->village, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, self->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, fold, -1, SQLITE_STATIC);
  if (self->ethnic && *self->ethnic)
    sqlite3_bind_text (stmt, 6, self->ethnic, -1, SQLITE_STATIC);
  if (self->year > 0)
    sqlite3_bind_int (stmt, 7, self->year);
  sqlite3_bind_text (stmt, 8, search, -1, SQLITE_STATIC);
  return run (txn, stmt, error);
}

gboolean
banso_prestige_save (BansoTxn       *txn,
                     BansoPrestige  *self,
                     GError        **error)
{
  BansoUser *user = banso_txn_get_user (txn);
  g_autofree char *body = NULL;
  g_autofree char *rev = NULL;
  sqlite3_stmt *stmt;
  gint64 docno;

  if (!banso_prestige_validate (self, error) ||
      !banso_user_can_edit_records (user, self->commune, error))
    return FALSE;

  if (self->id != NULL)
    {
      g_autofree char *old = banso_stored_commune (txn, self->id);
      if (old != NULL && g_strcmp0 (old, self->commune) != 0 &&
          !banso_user_can_edit_records (user, old, error))
        return FALSE;
    }

  stmt = banso_txn_prepare (txn, "SELECT 1 FROM admin_units WHERE edition = '"
                                 BANSO_ADMIN_EDITION "' AND code = ?1 AND kind != 'province'",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->commune, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID,
                   _("Commune: there is no commune with the code %s."), self->commune);
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (self->id == NULL)
    self->id = banso_doc_new_id ();

  body = banso_prestige_to_json (self);
  if (!banso_doc_put (txn, BANSO_PRESTIGE_TYPE, self->id, body, self->rev,
                      BANSO_DOC_PUT_DEFAULT, &docno, &rev, error))
    return FALSE;

  if (!index_prestige (txn, docno, self, error))
    return FALSE;

  g_free (self->rev);
  self->rev = g_steal_pointer (&rev);
  return TRUE;
}

gboolean
banso_prestige_delete (BansoTxn    *txn,
                       const char  *id,
                       const char  *rev,
                       char       **out_rev,
                       GError     **error)
{
  g_autofree char *commune = banso_indexed_commune (txn, "prestige_index", id);
  sqlite3_stmt *stmt;
  gint64 docno;

  if (commune == NULL)
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_NOT_FOUND,
                   _("The record %s does not exist or was already removed."), id);
      return FALSE;
    }
  if (!banso_user_can_edit_records (banso_txn_get_user (txn), commune, error) ||
      !banso_doc_delete (txn, id, rev, &docno, out_rev, error))
    return FALSE;

  stmt = banso_txn_prepare (txn, "DELETE FROM prestige_index WHERE docno = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docno);
  return run (txn, stmt, error);
}

BansoPrestige *
banso_prestige_load (sqlite3     *db,
                     const char  *id,
                     GError     **error)
{
  g_autoptr(BansoDocInfo) info = banso_doc_lookup_typed (db, id, BANSO_PRESTIGE_TYPE,
                                                         _("a prestigious person"), error);
  BansoPrestige *self;

  if (info == NULL)
    return NULL;
  self = banso_prestige_from_json (info->body, error);
  if (self == NULL)
    return NULL;
  self->id = g_strdup (info->id);
  self->rev = g_strdup (info->rev);
  return self;
}

/**
 * banso_prestige_reindex_all:
 *
 * Rebuilds the list index of prestigious persons from their documents.
 */
gboolean
banso_prestige_reindex_all (BansoTxn  *txn,
                            GError   **error)
{
  sqlite3 *db = banso_txn_get_db (txn);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!banso_sql_exec (db, "DELETE FROM prestige_index", error))
    return FALSE;
  stmt = banso_sql_prepare (db, "SELECT docno, body FROM documents WHERE deleted = 0"
                                " AND type = '" BANSO_PRESTIGE_TYPE "'", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(BansoPrestige) p = banso_prestige_from_json ((const char *)sqlite3_column_text (stmt, 1), NULL);

      if (p == NULL || p->name == NULL || p->commune == NULL)
        continue;
      if (!index_prestige (txn, sqlite3_column_int64 (stmt, 0), p, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return banso_sql_error (db, rc, error);
  return TRUE;
}

/**
 * banso_prestige_reindex_doc:
 * @body: (nullable): the winning body, or %NULL when the record is now removed
 *
 * Brings the list index in line with a document whose winning revision changed
 * outside the form (replication, conflict resolution).
 */
gboolean
banso_prestige_reindex_doc (BansoTxn    *txn,
                            gint64       docno,
                            const char  *body,
                            GError     **error)
{
  g_autoptr(BansoPrestige) p = NULL;
  sqlite3_stmt *stmt;

  stmt = banso_txn_prepare (txn, "DELETE FROM prestige_index WHERE docno = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docno);
  if (!run (txn, stmt, error))
    return FALSE;

  if (body == NULL || (p = banso_prestige_from_json (body, NULL)) == NULL ||
      p->name == NULL || p->commune == NULL)
    return TRUE;
  return index_prestige (txn, docno, p, error);
}

/* The list {{{ */

static const char * const prestige_sorts[] = {
  "year", "x.year",
  NULL,
};

static void
prestige_fix_values (sqlite3_stmt  *stmt,
                     const char   **values)
{
  if (sqlite3_column_type (stmt, 5) == SQLITE_NULL)
    values[4] = "";
}

const BansoRecordTable banso_prestige_table = {
  .doc_type = BANSO_PRESTIGE_TYPE,
  .table = "prestige_index",
  .name_fold = "name_fold",
  .columns = "x.name, a.name, v.name, e.name, x.year, json_extract (d.body, '$.influence')",
  .n_columns = 6,
  .sorts = prestige_sorts,
  .fix_values = prestige_fix_values,
};

/* }}} */
