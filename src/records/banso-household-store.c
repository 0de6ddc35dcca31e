/* banso-household-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-records"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "banso-commune-scope.h"
#include "banso-fold.h"
#include "banso-household-store.h"
#include "banso-records-private.h"
#include "banso-reference.h"
#include "banso-store-private.h"
#include "banso-village.h"

static gboolean
check_references (BansoTxn              *txn,
                  const BansoHousehold  *household,
                  GError               **error)
{
  if (!banso_commune_exists (txn, household->commune))
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID,
                   _("Commune: there is no commune with the code %s."), household->commune);
      return FALSE;
    }

  if (household->village != NULL && *household->village != '\0' &&
      !banso_village_in_commune (txn, household->village, household->commune))
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID,
                   _("Village: the village is not in commune %s."), household->commune);
      return FALSE;
    }

  for (guint i = 0; i < household->members->len; i++)
    {
      const BansoMember *m = g_ptr_array_index (household->members, i);

      if (m->ethnic != NULL && *m->ethnic != '\0' &&
          !_banso_records_exists (txn, "SELECT 1 FROM ethnic_groups WHERE code = ?1", m->ethnic, NULL, NULL))
        {
          g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID,
                       _("Member %u (%s), ethnic group: there is no ethnic group with the code %s."),
                       i + 1, m->name, m->ethnic);
          return FALSE;
        }
    }

  return TRUE;
}

static void
append_person (GString           *out,
               const BansoMember *m)
{
  banso_fold_append (out, m->name, -1);
  if (m->citizen_id && *m->citizen_id)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, m->citizen_id);
    }
  if (m->phone && *m->phone)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, m->phone);
    }
}

/* The search text of a household has one folded text per person (name,
 * citizen ID, phone), the head first, each ended by BANSO_HOUSEHOLD_SEARCH_END
 * (folding drops control characters, so no text holds it): the search index
 * has a row per person (banso-records-schema.c, step 15), so that the words
 * of a search must all be found in one person. A household of more than
 * BANSO_HOUSEHOLD_SEARCH_PERSONS persons has the last ones in its last text. */
static void
build_search_text (const BansoHousehold *household,
                   GString              *out)
{
  const BansoMember *head = banso_household_get_head (household);
  guint n = 0;

  if (head != NULL)
    {
      append_person (out, head);
      g_string_append_c (out, BANSO_HOUSEHOLD_SEARCH_END);
      n++;
    }
  for (guint i = 0; i < household->members->len; i++)
    {
      const BansoMember *m = g_ptr_array_index (household->members, i);

      if (m == head)
        continue;
      if (n == BANSO_HOUSEHOLD_SEARCH_PERSONS)
        {
          g_string_truncate (out, out->len - 1);
          g_string_append_c (out, ' ');
        }
      append_person (out, m);
      g_string_append_c (out, BANSO_HOUSEHOLD_SEARCH_END);
      n = MIN (n + 1, BANSO_HOUSEHOLD_SEARCH_PERSONS);
    }
}

/* Adds or removes (@command "delete") the search index's rows of a household,
 * one per person of its search text. */
static gboolean
write_search_rows (BansoTxn    *txn,
                   gint64       docno,
                   const char  *search,
                   gsize        length,
                   gboolean     delete,
                   GError     **error)
{
  sqlite3 *db = banso_txn_get_db (txn);
  const char *end = search + length;
  guint person = 0;

  for (const char *p = search; p < end; person++)
    {
      const char *stop = memchr (p, BANSO_HOUSEHOLD_SEARCH_END, end - p);
      sqlite3_stmt *stmt;

      if (stop == NULL)
        stop = end;
      stmt = banso_txn_prepare (txn, delete ?
                                "INSERT INTO household_fts (household_fts, rowid, search)"
                                " VALUES ('delete', ?1, ?2)" :
                                "INSERT INTO household_fts (rowid, search) VALUES (?1, ?2)",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, docno * BANSO_HOUSEHOLD_SEARCH_PERSONS + person);
      sqlite3_bind_text (stmt, 2, p, stop - p, SQLITE_STATIC);
      if (!banso_sql_step_done (db, stmt, error))
        return FALSE;
      p = stop + 1;
    }
  return TRUE;
}

static gboolean
unindex (BansoTxn  *txn,
         gint64     docno,
         GError   **error)
{
  g_autoptr(sqlite3_stmt) old = NULL;
  sqlite3 *db = banso_txn_get_db (txn);
  sqlite3_stmt *stmt;
  int rc;

  /* An external-content FTS table forgets a row only when told its old text. */
  old = banso_sql_prepare (db, "SELECT search FROM household_index WHERE docno = ?1", error);
  if (old == NULL)
    return FALSE;
  sqlite3_bind_int64 (old, 1, docno);
  rc = sqlite3_step (old);
  if (rc == SQLITE_ROW &&
      !write_search_rows (txn, docno, (const char *)sqlite3_column_text (old, 0),
                          sqlite3_column_bytes (old, 0), TRUE, error))
    return FALSE;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return banso_sql_error (db, rc, error);

  stmt = banso_txn_prepare (txn, "DELETE FROM household_index WHERE docno = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docno);
  return banso_sql_step_done (db, stmt, error);
}

/* What the list and search indexes keep of a household: pointers into it,
 * and the folded texts in the row's own buffers. */
static void
row_fill_index (BansoHouseholdRow    *row,
                const BansoHousehold *household)
{
  BansoMember *head = banso_household_get_head (household);

  row->commune = household->commune;
  row->village = household->village && *household->village ? household->village : NULL;
  row->head = head->name;
  g_string_truncate (row->head_fold, 0);
  banso_fold_append (row->head_fold, head->name, -1);
  row->ethnic = head->ethnic && *head->ethnic ? head->ethnic : NULL;
  row->poverty = banso_poverty_to_string (banso_household_latest_poverty (household, NULL));
  row->members = household->members->len;
  g_string_truncate (row->search, 0);
  build_search_text (household, row->search);
}

/**
 * banso_household_row_new:
 *
 * Returns: (transfer full): an empty row, for banso_household_row_fill()
 */
BansoHouseholdRow *
banso_household_row_new (void)
{
  BansoHouseholdRow *row = g_new0 (BansoHouseholdRow, 1);

  row->body = g_string_sized_new (1024);
  row->head_fold = g_string_sized_new (32);
  row->search = g_string_sized_new (128);
  return row;
}

/**
 * banso_household_row_release:
 *
 * Frees the household the row holds; the row keeps its buffers for the next.
 */
void
banso_household_row_release (BansoHouseholdRow *row)
{
  g_clear_pointer (&row->household, banso_household_free);
  g_string_truncate (row->body, 0);
  row->id = row->commune = row->village = row->head = row->ethnic = row->poverty = NULL;
  row->members = 0;
}

void
banso_household_row_free (BansoHouseholdRow *row)
{
  if (row == NULL)
    return;
  banso_household_row_release (row);
  g_string_free (row->body, TRUE);
  g_string_free (row->head_fold, TRUE);
  g_string_free (row->search, TRUE);
  g_free (row);
}

static gboolean
insert_index_row (BansoTxn                 *txn,
                  gint64                    docno,
                  const BansoHouseholdRow  *row,
                  gboolean                  with_search,
                  GError                  **error)
{
  sqlite3_stmt *stmt;

  stmt = banso_txn_prepare (txn,
                            "INSERT INTO household_index (docno, commune, village, head, head_fold,"
                            " ethnic, poverty, members, search)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docno);
  sqlite3_bind_text (stmt, 2, row->commune, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, row->village, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, row->head, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, row->head_fold->str, row->head_fold->len, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, row->ethnic, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, row->poverty, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 8, row->members);
  sqlite3_bind_text (stmt, 9, row->search->str, row->search->len, SQLITE_STATIC);
  if (!banso_sql_step_done (banso_txn_get_db (txn), stmt, error))
    return FALSE;
  if (!with_search)
    return TRUE;

  return write_search_rows (txn, docno, row->search->str, row->search->len, FALSE, error);
}

static gboolean
index_household (BansoTxn              *txn,
                 gint64                 docno,
                 const BansoHousehold  *household,
                 gboolean               fresh,
                 gboolean               with_search,
                 GError               **error)
{
  /* The row points into the household it does not hold. */
  g_autoptr(BansoHouseholdRow) row = banso_household_row_new ();

  if (!fresh && !unindex (txn, docno, error))
    return FALSE;
  row_fill_index (row, household);
  return insert_index_row (txn, docno, row, with_search, error);
}

/**
 * banso_household_row_fill:
 * @household: (transfer full): a new household, valid and checked; it gets an
 *   id if it has none
 *
 * Makes the household ready to be written by banso_household_write_row(),
 * in place of the one the row held. Touches no database, so an import can
 * prepare households in one thread while another writes them.
 */
void
banso_household_row_fill (BansoHouseholdRow *row,
                          BansoHousehold    *household)
{
  banso_household_row_release (row);
  if (household->id == NULL)
    household->id = banso_doc_new_id ();
  row->household = household;
  row->id = household->id;
  banso_household_to_json (household, row->body);
  row_fill_index (row, household);
}

/**
 * banso_household_write_row:
 * @flags: %BANSO_DOC_PUT_IMPORT, %BANSO_DOC_PUT_DEFER_SEARCH and
 *   %BANSO_DOC_PUT_DEFER_AUDIT count
 *
 * Writes a household prepared by banso_household_row_fill() as a new record,
 * at the first revision of its JSON;
 * an id already taken fails with %BANSO_STORE_ERROR_EXISTS. The caller has
 * checked the fields, the references and the acting user's scope.
 */
gboolean
banso_household_write_row (BansoTxn                 *txn,
                           const BansoHouseholdRow  *row,
                           BansoDocPutFlags          flags,
                           GError                  **error)
{
  g_autofree char *rev = banso_revision_compute (NULL, FALSE, row->body->str);
  gint64 docno;

  /* The revision is made here, in the writing thread: the checks of the
   * reading thread take longer than the writing. */
  return _banso_doc_insert_new (txn, BANSO_HOUSEHOLD_TYPE, row->id, rev, row->body->str,
                                row->body->len, flags, &docno, error) &&
         insert_index_row (txn, docno, row, !(flags & BANSO_DOC_PUT_DEFER_SEARCH), error);
}

/**
 * banso_household_save:
 * @household: a household; a new one (id %NULL) gets an id, and its rev is
 *   updated to the saved revision
 *
 * Validates, checks the acting user's scope (for an edit, on the old and the new
 * commune), and writes the household with its index rows and audit entry.
 */
gboolean
banso_household_save (BansoTxn          *txn,
                      BansoHousehold    *household,
                      BansoDocPutFlags   flags,
                      GError           **error)
{
  BansoUser *user = banso_txn_get_user (txn);
  g_autoptr(GString) body = NULL;
  g_autofree char *rev = NULL;
  gboolean fresh;
  gint64 docno;

  g_return_val_if_fail (txn != NULL, FALSE);
  g_return_val_if_fail (household != NULL, FALSE);

  if (!banso_household_validate (household, error))
    return FALSE;
  if (!banso_user_can_edit_records (user, household->commune, error))
    return FALSE;

  if (household->id != NULL)
    {
      g_autofree char *old_commune = banso_stored_commune (txn, household->id);

      if (old_commune != NULL && g_strcmp0 (old_commune, household->commune) != 0 &&
          !banso_user_can_edit_records (user, old_commune, error))
        return FALSE;
    }

  if (!check_references (txn, household, error))
    return FALSE;

  if (household->id == NULL)
    household->id = banso_doc_new_id ();
  fresh = household->rev == NULL;

  body = g_string_sized_new (512);
  banso_household_to_json (household, body);

  if (!banso_doc_put (txn, BANSO_HOUSEHOLD_TYPE, household->id, body->str, household->rev,
                      flags, &docno, &rev, error))
    return FALSE;

  if (!index_household (txn, docno, household, fresh,
                        !(flags & BANSO_DOC_PUT_DEFER_SEARCH), error))
    return FALSE;

  g_free (household->rev);
  household->rev = g_steal_pointer (&rev);
  return TRUE;
}

gboolean
banso_household_delete (BansoTxn    *txn,
                        const char  *id,
                        const char  *rev,
                        char       **out_rev,
                        GError     **error)
{
  g_autofree char *commune = banso_indexed_commune (txn, "household_index", id);
  gint64 docno;

  if (commune == NULL)
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_NOT_FOUND,
                   _("The household %s does not exist or was already removed."), id);
      return FALSE;
    }
  if (!banso_user_can_edit_records (banso_txn_get_user (txn), commune, error))
    return FALSE;

  if (!banso_doc_delete (txn, id, rev, &docno, out_rev, error))
    return FALSE;

  return unindex (txn, docno, error);
}

BansoHousehold *
banso_household_load (sqlite3     *db,
                      const char  *id,
                      GError     **error)
{
  g_autoptr(BansoDocInfo) info = banso_doc_lookup_typed (db, id, BANSO_HOUSEHOLD_TYPE,
                                                         _("a household"), error);
  BansoHousehold *household;

  if (info == NULL)
    return NULL;

  household = banso_household_from_json (info->body, error);
  if (household == NULL)
    return NULL;
  household->id = g_strdup (info->id);
  household->rev = g_strdup (info->rev);
  return household;
}

/* Index rows from a stored body; a body that does not parse (a record from a
 * newer Banso, or damaged elsewhere) stays a document but is not listed. */
static gboolean
index_body (BansoTxn    *txn,
            const char  *type,
            gint64       docno,
            const char  *body,
            gboolean     with_search,
            GError     **error)
{
  if (g_str_equal (type, BANSO_VILLAGE_TYPE))
    {
      g_autoptr(JsonNode) node = json_from_string (body, NULL);
      JsonObject *o = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *name = o ? json_object_get_string_member_with_default (o, "name", NULL) : NULL;
      const char *commune = o ? json_object_get_string_member_with_default (o, "commune", NULL) : NULL;

      if (name == NULL || commune == NULL)
        return TRUE;
      return banso_village_index (txn, docno, commune, name, error);
    }
  else
    {
      g_autoptr(BansoHousehold) h = banso_household_from_json (body, NULL);

      if (h == NULL || banso_household_get_head (h) == NULL || h->commune == NULL)
        return TRUE;
      return index_household (txn, docno, h, TRUE, with_search, error);
    }
}

/**
 * banso_household_reindex_doc:
 * @type: %BANSO_HOUSEHOLD_TYPE or %BANSO_VILLAGE_TYPE
 * @body: (nullable): the winning body, or %NULL when the record is now removed
 * @fresh: the document is new: it has no index rows to remove
 *
 * Brings the list and search index in line with a document whose winning
 * revision changed outside the forms (replication, conflict resolution).
 */
gboolean
banso_household_reindex_doc (BansoTxn    *txn,
                             const char  *type,
                             gint64       docno,
                             const char  *body,
                             gboolean     fresh,
                             GError     **error)
{
  if (!fresh && g_str_equal (type, BANSO_VILLAGE_TYPE))
    {
      sqlite3_stmt *stmt = banso_txn_prepare (txn, "DELETE FROM village_index WHERE docno = ?1",
                                              error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, docno);
      if (!banso_sql_step_done (banso_txn_get_db (txn), stmt, error))
        return FALSE;
    }
  else if (!fresh && !unindex (txn, docno, error))
    return FALSE;

  return body == NULL || index_body (txn, type, docno, body, TRUE, error);
}

/**
 * banso_household_reindex_all:
 *
 * Rebuilds the list and search index of villages and households from their
 * documents: for databases that had documents before the index tables existed,
 * and for those whose search index held one row per household (before step 15).
 */
gboolean
banso_household_reindex_all (BansoTxn  *txn,
                             GError   **error)
{
  sqlite3 *db = banso_txn_get_db (txn);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!banso_sql_exec (db, "DELETE FROM village_index;"
                           "DELETE FROM household_index;"
                           "INSERT INTO household_fts (household_fts) VALUES ('delete-all');",
                       error))
    return FALSE;

  stmt = banso_sql_prepare (db, "SELECT docno, type, body FROM documents"
                                " WHERE deleted = 0 AND type IN ('village', 'household')"
                                " ORDER BY type != 'village', docno", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 docno = sqlite3_column_int64 (stmt, 0);
      const char *type = (const char *)sqlite3_column_text (stmt, 1);
      const char *body = (const char *)sqlite3_column_text (stmt, 2);

      if (!index_body (txn, type, docno, body, FALSE, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return banso_sql_error (db, rc, error);

  /* The search index is cheaper to build once from the list index than to
   * grow household by household. */
  return banso_sql_exec (db, "INSERT INTO household_fts (household_fts) VALUES ('rebuild')", error);
}

