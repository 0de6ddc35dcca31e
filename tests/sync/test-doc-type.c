/* test-doc-type.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document type the core has never heard of, registered by this program
 * alone, goes through the store, replication with a real server, a conflict
 * and its resolution: what a new capability (dictionary entries, archive
 * items) gets without a change in the core.
 */

#include "config.h"

#include <string.h>

#include "banso-check.h"
#include "banso-conflicts.h"
#include "banso-doc-type.h"
#include "banso-revtree.h"
#include "banso-schema.h"
#include "banso-test-util.h"
#include "sync-test-util.h"

#define NOTE_TYPE "test-note"

static SyncHelper *server;
static char *server_url;

static const char note_step[] =
  "CREATE TABLE test_note_index ("
  "  docno INTEGER PRIMARY KEY REFERENCES documents (docno) ON DELETE CASCADE,"
  "  commune TEXT NOT NULL,"
  "  title TEXT NOT NULL"
  ");";

static guint n_indexed;

static JsonObject *
parse (const char *body,
       JsonNode  **node)
{
  *node = json_from_string (body, NULL);
  return *node && JSON_NODE_HOLDS_OBJECT (*node) ? json_node_get_object (*node) : NULL;
}

static gboolean
note_index (BansoTxn    *txn,
            const char  *type,
            gint64       docno,
            const char  *body,
            gboolean     fresh,
            GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  sqlite3_stmt *stmt;
  JsonObject *o;

  g_assert_cmpstr (type, ==, NOTE_TYPE);
  n_indexed++;
  stmt = banso_txn_prepare (txn, "DELETE FROM test_note_index WHERE docno = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docno);
  if (!banso_sql_step_done (banso_txn_get_db (txn), stmt, error))
    return FALSE;
  if (body == NULL || (o = parse (body, &node)) == NULL)
    return TRUE;
  stmt = banso_txn_prepare (txn, "INSERT INTO test_note_index (docno, commune, title)"
                                 " VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docno);
  sqlite3_bind_text (stmt, 2, json_object_get_string_member_with_default (o, "commune", ""), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, json_object_get_string_member_with_default (o, "title", ""), -1, SQLITE_TRANSIENT);
  return banso_sql_step_done (banso_txn_get_db (txn), stmt, error);
}

static gboolean
note_validate (const char  *body,
               GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *o = parse (body, &node);

  if (o == NULL || *json_object_get_string_member_with_default (o, "title", "") == '\0')
    {
      g_set_error_literal (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID,
                           "Title: enter the title of the note.");
      return FALSE;
    }
  return TRUE;
}

static char *
note_scope (JsonObject *body)
{
  return g_strdup (json_object_get_string_member_with_default (body, "commune", NULL));
}

static char *
note_name (JsonObject *body)
{
  return g_strdup (json_object_get_string_member_with_default (body, "title", NULL));
}

static char *
note_format (const char *key,
             JsonNode   *value,
             GHashTable *names,
             gboolean    detailed)
{
  if (g_str_equal (key, "title") && JSON_NODE_HOLDS_VALUE (value))
    return g_strdup_printf ("«%s»", json_node_get_string (value));
  return NULL;
}

static const BansoDocField note_fields[] = {
  { "title", "Title" },
  { "commune", "Commune" },
};

static const BansoCheckQuery note_checks[] = {
  { "SELECT d.id FROM documents d WHERE d.type = '" NOTE_TYPE "' AND d.deleted = 0"
    " AND NOT EXISTS (SELECT 1 FROM test_note_index x WHERE x.docno = d.docno)",
    "A note is missing from its index" },
};

static const BansoDocType note_type = {
  .name = NOTE_TYPE,
  .label = "Note",
  .index = note_index,
  .validate = note_validate,
  .scope = note_scope,
  .fields = note_fields,
  .n_fields = G_N_ELEMENTS (note_fields),
  .display_name = note_name,
  .format_value = note_format,
  .checks = note_checks,
  .n_checks = G_N_ELEMENTS (note_checks),
};

static char *
note_body (const char *commune,
           const char *title)
{
  return g_strdup_printf ("{\"commune\":\"%s\",\"title\":\"%s\"}", commune, title);
}

static void
put_note (BansoStore *store,
          BansoUser  *user,
          const char *id,
          const char *rev,
          const char *body)
{
  g_autoptr(GError) error = NULL;
  BansoTxn *txn = banso_store_begin (store, user, &error);
  gint64 docno;

  g_assert_no_error (error);
  g_assert_true (banso_doc_type_check_write (txn, NOTE_TYPE, body, &error));
  g_assert_true (banso_doc_put (txn, NOTE_TYPE, id, body, rev, BANSO_DOC_PUT_DEFAULT, &docno, NULL, &error));
  g_assert_true (banso_doc_type_index (txn, NOTE_TYPE, docno, body, rev == NULL, &error));
  g_assert_true (banso_txn_commit (txn, &error));
  g_assert_no_error (error);
}

static char *
indexed_title (BansoStore *store,
               const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT x.title FROM test_note_index x JOIN documents d"
                                          " USING (docno) WHERE d.id = '%s'", id);
  return banso_test_store_query_text (store, sql, NULL);
}

static void
sync_ok (BansoStore *store,
         BansoUser  *user,
         const char *database)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sync_run (store, user, server_url, database, 0, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_round_trip (void)
{
  char *dir_a, *dir_b;
  g_autoptr(BansoUser) other = NULL;
  BansoUser *admin_a, *admin_b;
  g_auto(GStrv) communes = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(BansoConflictVersions) versions = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL, *rev = NULL, *title = NULL, *merged = NULL;
  BansoStore *a, *b;
  BansoTxn *txn;
  sqlite3 *db;
  guint choices[2] = { 1, 0 };

  a = banso_test_open_tmp_store (&dir_a, &admin_a);
  b = banso_test_open_tmp_store (&dir_b, &admin_b);
  communes = banso_test_list_communes (a, "14", 2);

  /* The store: written, indexed by the type, checked with its own check. */
  body = note_body (communes[0], "Lễ hội Xên Bản");
  put_note (a, admin_a, "note-1", NULL, body);
  title = indexed_title (a, "note-1");
  g_assert_cmpstr (title, ==, "Lễ hội Xên Bản");
  g_clear_pointer (&title, g_free);
  g_assert_true (banso_store_check (a, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);

  /* Replication: the pull indexes what it writes, through the registry. */
  sync_ok (a, admin_a, "notes");
  sync_ok (b, admin_b, "notes");
  title = indexed_title (b, "note-1");
  g_assert_cmpstr (title, ==, "Lễ hội Xên Bản");
  g_clear_pointer (&title, g_free);

  /* Both offices change it offline: a conflict. */
  rev = banso_test_store_query_text (a, "SELECT rev FROM documents WHERE id = 'note-1'", NULL);
  g_free (body);
  body = note_body (communes[0], "Version of office A");
  put_note (a, admin_a, "note-1", rev, body);
  g_free (body);
  body = note_body (communes[0], "Version of office B");
  put_note (b, admin_b, "note-1", rev, body);
  sync_ok (a, admin_a, "notes");
  sync_ok (b, admin_b, "notes");

  db = banso_store_acquire_reader (b, &error);
  entries = banso_conflict_entries_read (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (((BansoConflictEntry *)g_ptr_array_index (entries, 0))->type, ==, NOTE_TYPE);
  g_assert_true (g_str_has_prefix (((BansoConflictEntry *)g_ptr_array_index (entries, 0))->name, "Version of office"));
  g_assert_cmpstr (banso_conflict_type_label (NOTE_TYPE), ==, "Note");
  versions = banso_conflict_versions_read (db, "note-1", &error);
  g_assert_no_error (error);
  banso_store_release_reader (b, db);

  /* The conflict view in the type's words: its fields first, its format. */
  fields = banso_conflict_fields (versions);
  g_assert_cmpuint (fields->len, ==, 2);
  g_assert_cmpstr (((BansoConflictField *)g_ptr_array_index (fields, 0))->label, ==, "Title");
  g_assert_true (((BansoConflictField *)g_ptr_array_index (fields, 0))->differs);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (((BansoConflictField *)g_ptr_array_index (fields, 0))->values, 0), "«Version of office"));
  g_assert_false (((BansoConflictField *)g_ptr_array_index (fields, 1))->differs);

  /* Resolution keeps the type's rules: its scope, its validation. */
  other = banso_test_add_official (b, admin_b, (const char * const[]){ communes[1], NULL });
  merged = banso_conflict_merge (versions, fields, choices);
  txn = banso_store_begin (b, other, &error);
  g_assert_false (banso_revtree_resolve (txn, "note-1", versions->winner_rev, merged, &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  banso_txn_rollback (txn);

  txn = banso_store_begin (b, admin_b, &error);
  g_assert_false (banso_revtree_resolve (txn, "note-1", versions->winner_rev, "{\"commune\":\"x\"}", &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Title"));
  g_clear_error (&error);
  banso_txn_rollback (txn);

  txn = banso_store_begin (b, admin_b, &error);
  g_assert_true (banso_revtree_resolve (txn, "note-1", versions->winner_rev, merged, &error));
  g_assert_true (banso_txn_commit (txn, &error));
  g_assert_no_error (error);
  title = indexed_title (b, "note-1");
  g_assert_cmpstr (title, !=, ((BansoConflictEntry *)g_ptr_array_index (entries, 0))->name);
  g_clear_pointer (&title, g_free);

  /* The resolution travels to the other office, indexed there. */
  sync_ok (b, admin_b, "notes");
  sync_ok (a, admin_a, "notes");
  g_assert_cmpint (banso_test_store_query_int (a, "SELECT count(*) FROM conflicts"), ==, 0);
  {
    g_autofree char *title_a = indexed_title (a, "note-1");
    g_autofree char *title_b = indexed_title (b, "note-1");

    g_assert_cmpstr (title_a, ==, title_b);
  }
  g_assert_true (banso_store_check (b, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (n_indexed, >=, 6);

  banso_test_close_tmp_store (a, admin_a, dir_a);
  banso_test_close_tmp_store (b, admin_b, dir_b);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Before any store opens: the type and its table, in the next step. */
  banso_schema_add_step (banso_schema_get_latest_version () + 1, note_step);
  banso_doc_type_register (&note_type);

  server = sync_helper_start_server (NULL);
  server_url = sync_helper_url (server, NULL);
  g_test_add_func ("/doc-type/round-trip", test_round_trip);
  status = g_test_run ();
  sync_helper_stop (server);
  g_free (server_url);
  return status;
}
