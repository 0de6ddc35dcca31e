/* banso-household-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-core"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "banso-fold.h"
#include "banso-household-store.h"
#include "banso-reference.h"
#include "banso-store-private.h"

static gboolean
step_done (BansoTxn      *txn,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return banso_sql_error (banso_txn_get_db (txn), rc, error);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
exists (BansoTxn    *txn,
        const char  *sql,
        const char  *a,
        const char  *b,
        GError     **error)
{
  sqlite3_stmt *stmt = banso_txn_prepare (txn, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, a, -1, SQLITE_STATIC);
  if (b != NULL)
    sqlite3_bind_text (stmt, 2, b, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

/**
 * banso_indexed_commune:
 * @index_table: "household_index" or "prestige_index"
 *
 * Returns: (nullable): the commune of a live (not deleted) record of that kind
 */
char *
banso_indexed_commune (BansoTxn   *txn,
                       const char *index_table,
                       const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT x.commune FROM %s x JOIN documents d"
                                          " USING (docno) WHERE d.id = ?1", index_table);
  sqlite3_stmt *stmt = banso_txn_prepare (txn, sql, NULL);
  char *commune = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    commune = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return commune;
}

/* The commune a record had when last written, deleted or not: restoring or
 * overwriting a record is a change to that commune too. */
char *
banso_stored_commune (BansoTxn   *txn,
                const char *id)
{
  sqlite3_stmt *stmt = banso_txn_prepare (txn,
                                          "SELECT json_extract (body, '$.commune') FROM documents"
                                          " WHERE id = ?1", NULL);
  char *commune = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) == SQLITE_TEXT)
    commune = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return commune;
}

static gboolean
check_references (BansoTxn              *txn,
                  const BansoHousehold  *household,
                  GError               **error)
{
  if (!exists (txn, "SELECT 1 FROM admin_units WHERE edition = '" BANSO_ADMIN_EDITION "'"
                    " AND code = ?1 AND kind != 'province'", household->commune, NULL, NULL))
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID,
                   _("Commune: there is no commune with the code %s."), household->commune);
      return FALSE;
    }

  if (household->village != NULL && *household->village != '\0' &&
      !exists (txn, "SELECT 1 FROM village_index v JOIN documents d USING (docno)"
                    " WHERE d.id = ?1 AND v.commune = ?2",
               household->village, household->commune, NULL))
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID,
                   _("Village: the village is not in commune %s."), household->commune);
      return FALSE;
    }

  for (guint i = 0; i < household->members->len; i++)
    {
      const BansoMember *m = g_ptr_array_index (household->members, i);

      if (m->ethnic != NULL && *m->ethnic != '\0' &&
          !exists (txn, "SELECT 1 FROM ethnic_groups WHERE code = ?1", m->ethnic, NULL, NULL))
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
build_search_text (const BansoHousehold *household,
                   GString              *out)
{
  for (guint i = 0; i < household->members->len; i++)
    {
      const BansoMember *m = g_ptr_array_index (household->members, i);

      if (out->len)
        g_string_append_c (out, ' ');
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
}

static gboolean
unindex (BansoTxn  *txn,
         gint64     docno,
         GError   **error)
{
  sqlite3_stmt *stmt;

  /* An external-content FTS table forgets a row only when told its old text. */
  stmt = banso_txn_prepare (txn,
                            "INSERT INTO household_fts (household_fts, rowid, search)"
                            " SELECT 'delete', docno, search FROM household_index WHERE docno = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docno);
  if (!step_done (txn, stmt, error))
    return FALSE;

  stmt = banso_txn_prepare (txn, "DELETE FROM household_index WHERE docno = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docno);
  return step_done (txn, stmt, error);
}

static gboolean
index_village (BansoTxn    *txn,
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
  return step_done (txn, stmt, error);
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
  if (!step_done (txn, stmt, error))
    return FALSE;
  if (!with_search)
    return TRUE;

  stmt = banso_txn_prepare (txn, "INSERT INTO household_fts (rowid, search) VALUES (?1, ?2)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docno);
  sqlite3_bind_text (stmt, 2, row->search->str, row->search->len, SQLITE_STATIC);
  return step_done (txn, stmt, error);
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
  if (!exists (txn, "SELECT 1 FROM admin_units WHERE edition = '" BANSO_ADMIN_EDITION "'"
                    " AND code = ?1 AND kind != 'province'", commune, NULL, NULL))
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

  if (!index_village (txn, docno, commune, trimmed, error))
    return NULL;

  return g_steal_pointer (&id);
}

void
banso_member_match_free (BansoMemberMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->household);
  g_free (match->member);
  g_free (match->name);
  g_free (match->ethnic);
  g_free (match->commune);
  g_free (match->village);
  g_free (match->phone);
  g_free (match->place);
  g_free (match);
}

/**
 * banso_household_find_members:
 *
 * Finds members whose folded name contains every word of @query, through the
 * households' search index.
 *
 * Returns: (transfer full): #BansoMemberMatch, at most @limit
 */
GPtrArray *
banso_household_find_members (sqlite3     *db,
                              const char  *query,
                              guint        limit,
                              GError     **error)
{
  g_autoptr(GPtrArray) matches = g_ptr_array_new_with_free_func ((GDestroyNotify)banso_member_match_free);
  g_autofree char *fts = banso_fold_query_to_fts (query);
  g_autofree char *folded = banso_fold (query, -1);
  g_auto(GStrv) words = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (fts == NULL)
    return g_steal_pointer (&matches);
  words = g_strsplit (folded, " ", -1);

  stmt = banso_sql_prepare (db,
                            "SELECT d.id, d.body, a.name, v.name FROM household_fts f"
                            " JOIN household_index x ON x.docno = f.rowid"
                            " JOIN documents d ON d.docno = x.docno"
                            " LEFT JOIN admin_units a ON a.edition = '" BANSO_ADMIN_EDITION "'"
                            "  AND a.code = x.commune"
                            " LEFT JOIN documents vd ON vd.id = x.village"
                            " LEFT JOIN village_index v ON v.docno = vd.docno"
                            " WHERE household_fts MATCH ?1 LIMIT 200", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && matches->len < limit)
    {
      g_autoptr(BansoHousehold) h = banso_household_from_json ((const char *)sqlite3_column_text (stmt, 1), NULL);
      const char *commune_name = (const char *)sqlite3_column_text (stmt, 2);
      const char *village_name = (const char *)sqlite3_column_text (stmt, 3);

      if (h == NULL)
        continue;
      for (guint i = 0; i < h->members->len && matches->len < limit; i++)
        {
          BansoMember *m = g_ptr_array_index (h->members, i);
          g_autofree char *name = banso_fold (m->name, -1);
          gboolean all = TRUE;
          BansoMemberMatch *match;

          for (guint w = 0; words[w] && all; w++)
            if (*words[w] && strstr (name, words[w]) == NULL)
              all = FALSE;
          if (!all)
            continue;

          match = g_new0 (BansoMemberMatch, 1);
          match->household = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
          match->member = g_strdup (m->id);
          match->name = g_strdup (m->name);
          match->ethnic = g_strdup (m->ethnic);
          match->commune = g_strdup (h->commune);
          match->village = g_strdup (h->village);
          match->phone = g_strdup (m->phone);
          if (village_name != NULL)
            match->place = g_strdup_printf ("%s, %s", village_name, commune_name ? commune_name : "");
          else
            match->place = g_strdup (commune_name ? commune_name : "");
          g_ptr_array_add (matches, match);
        }
    }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      banso_sql_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&matches);
}

/* Index rows from a stored body; a body that does not parse (a record from a
 * newer Banso, or damaged elsewhere) stays a document but is not listed. */
static gboolean
index_body (BansoTxn    *txn,
            const char  *type,
            gint64       docno,
            const char  *body,
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
      return index_village (txn, docno, commune, name, error);
    }
  else
    {
      g_autoptr(BansoHousehold) h = banso_household_from_json (body, NULL);

      if (h == NULL || banso_household_get_head (h) == NULL || h->commune == NULL)
        return TRUE;
      return index_household (txn, docno, h, TRUE, TRUE, error);
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
      if (!step_done (txn, stmt, error))
        return FALSE;
    }
  else if (!fresh && !unindex (txn, docno, error))
    return FALSE;

  return body == NULL || index_body (txn, type, docno, body, error);
}

/**
 * banso_household_reindex_all:
 *
 * Rebuilds the list and search index of villages and households from their
 * documents: for databases that had documents before the index tables existed.
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

      if (!index_body (txn, type, docno, body, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return banso_sql_error (db, rc, error);

  return TRUE;
}

/**
 * banso_household_bulk_begin:
 *
 * For a large import, inside its transaction: drops the secondary indexes of
 * the household list and of the audit log, which are cheaper to build once,
 * sorted, than to grow row by row, and the audit log's guard trigger while
 * its entries go in. Saves of households during the bulk must
 * pass %BANSO_DOC_PUT_DEFER_SEARCH and %BANSO_DOC_PUT_DEFER_AUDIT.
 *
 * Returns: (transfer full): the statements that rebuild what was dropped, for
 *   banso_household_bulk_end(); %NULL on error
 */
GPtrArray *
banso_household_bulk_begin (BansoTxn  *txn,
                            GError   **error)
{
  sqlite3 *db = banso_txn_get_db (txn);
  g_autoptr(GPtrArray) restore = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* The definitions are read back from the schema, so that what is rebuilt is
   * exactly what the migrations made. */
  stmt = banso_sql_prepare (db, "SELECT name, sql FROM sqlite_schema WHERE type = 'index'"
                                " AND sql IS NOT NULL AND tbl_name IN ('household_index', 'audit')",
                            error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup_printf ("INDEX \"%s\"", sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (restore, g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The guard against INSERT OR REPLACE runs a trigger program for every
   * entry, which doubles the cost of writing them; the statement below names
   * no entry, and nothing else writes inside this transaction, so the guard
   * goes back right after it. */
  stmt = banso_sql_prepare (db, "SELECT sql FROM sqlite_schema WHERE type = 'trigger'"
                                " AND name = 'audit_no_replace'", error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_insert (restore, 0, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (names, g_strdup ("TRIGGER audit_no_replace"));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The audit entries of the imported households go in at once at the end,
   * before their index is built again: the rows one save each would write. */
  stmt = banso_sql_prepare (db, "SELECT coalesce (max (docno), 0) FROM documents", error);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return banso_sql_error (db, sqlite3_errcode (db), error), NULL;
  {
    char *audit = sqlite3_mprintf ("INSERT INTO audit (at, user_id, doc_id, doc_type, action,"
                                   " rev_before, rev_after)"
                                   " SELECT strftime ('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now'), %Q, id, type,"
                                   " 'import', NULL, rev FROM documents"
                                   " WHERE docno > %lld AND type = '" BANSO_HOUSEHOLD_TYPE "'"
                                   " ORDER BY docno",
                                   banso_user_get_id (banso_txn_get_user (txn)),
                                   (long long)sqlite3_column_int64 (stmt, 0));
    g_ptr_array_insert (restore, 0, g_strdup (audit));
    sqlite3_free (audit);
  }
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP %s", (char *)g_ptr_array_index (names, i));
      if (!banso_sql_exec (db, sql, error))
        return NULL;
    }

  return g_steal_pointer (&restore);
}

/**
 * banso_household_bulk_end:
 *
 * Writes the audit entries of the households saved since
 * banso_household_bulk_begin(), rebuilds the indexes it dropped and the
 * search index, in the same transaction.
 */
gboolean
banso_household_bulk_end (BansoTxn   *txn,
                          GPtrArray  *restore,
                          GError    **error)
{
  sqlite3 *db = banso_txn_get_db (txn);

  gint64 start = g_get_monotonic_time ();

  g_ptr_array_add (restore, g_strdup ("INSERT INTO household_fts (household_fts) VALUES ('rebuild')"));
  for (guint i = 0; i < restore->len; i++)
    {
      const char *sql = g_ptr_array_index (restore, i);

      if (!banso_sql_exec (db, sql, error))
        return FALSE;
      g_debug ("bulk: %.2f s for %.48s…", (g_get_monotonic_time () - start) / 1e6, sql);
      start = g_get_monotonic_time ();
    }
  return TRUE;
}
