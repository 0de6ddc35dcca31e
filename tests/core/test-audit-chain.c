/* test-audit-chain.c: history rewritten with plain SQL on a closed database,
 * one way at a time, and what banso_store_check() and opening say of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "banso-audit-chain.h"
#include "banso-check.h"
#include "banso-household-csv.h"
#include "banso-household-store.h"
#include "banso-store.h"
#include "banso-test-util.h"

/* Tampering as someone who knows the schema would do it: the guards taken
 * off, the change made, and the guards put back as they were. */
#define DROP_GUARDS \
  "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;" \
  " DROP TRIGGER revisions_no_update; DROP TRIGGER revisions_no_delete;"
#define PUT_GUARDS_BACK \
  "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit" \
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;" \
  "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit" \
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;" \
  "CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions" \
  "  BEGIN SELECT RAISE (ABORT, 'revisions are kept for the audit log'); END;" \
  "CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions" \
  "  BEGIN SELECT RAISE (ABORT, 'revisions are kept for the audit log'); END;"

typedef struct
{
  char       *dir;
  char       *path;
  BansoStore *store;
  BansoUser  *admin;
  char       *ids[3];   /* three households, oldest first */
} Fixture;

/* Three households, the first changed once and the last deleted, so that
 * there are kept revisions and entries before and after each. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_auto(GStrv) communes = NULL;
  const char *names[] = { "Lò Văn Pơm", "Quàng Thị Ngọc", "Cà Văn Thắng" };
  g_autoptr(GError) error = NULL;
  BansoTxn *txn;

  f->store = banso_test_open_tmp_store (&f->dir, &f->admin);
  f->path = g_build_filename (f->dir, "banso.db", NULL);
  communes = banso_test_list_communes (f->store, "14", 1);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(BansoHousehold) h = banso_test_new_household (communes[0], names[i]);

      banso_test_save_household (f->store, f->admin, h);
      f->ids[i] = g_strdup (h->id);
      if (i == 0)
        {
          g_free (h->notes);
          h->notes = g_strdup ("Đã đổi địa chỉ");
          banso_test_save_household (f->store, f->admin, h);
        }
      if (i == 2)
        {
          txn = banso_store_begin (f->store, f->admin, &error);
          g_assert_no_error (error);
          banso_household_delete (txn, h->id, h->rev, NULL, &error);
          g_assert_no_error (error);
          banso_txn_commit (txn, &error);
          g_assert_no_error (error);
        }
    }
  banso_test_assert_whole (f->store);
  g_clear_pointer (&f->store, banso_test_close_store);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->store != NULL)
    banso_test_close_store (f->store);
  g_object_unref (f->admin);
  banso_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
  for (guint i = 0; i < G_N_ELEMENTS (f->ids); i++)
    g_free (f->ids[i]);
}

/* Runs @sql on the closed database, as the sqlite3 program would. */
static void
tamper (Fixture    *f,
        const char *sql)
{
  sqlite3 *db = banso_test_raw_open (f->path);

  banso_test_raw_exec (db, sql);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static GPtrArray *
check (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);

  if (f->store == NULL)
    f->store = banso_test_open_store (f->dir, "banso.db");
  g_assert_true (banso_store_check (f->store, problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (char *)g_ptr_array_index (problems, i));
  return problems;
}

static void
assert_found (GPtrArray  *problems,
              const char *needle1,
              const char *needle2)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const char *line = g_ptr_array_index (problems, i);

      if (strstr (line, needle1) != NULL && (needle2 == NULL || strstr (line, needle2) != NULL))
        return;
    }
  g_error ("no problem says “%s” / “%s”", needle1, needle2 ? needle2 : "");
}

static void
test_clean (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = check (f);
  g_autofree char *head = NULL;
  gint64 entry = 0;
  sqlite3 *db;

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (banso_store_get_repairs (f->store)->len, ==, 0);

  /* Every entry is linked to the one before it. */
  g_assert_cmpint (banso_test_store_query_int (f->store, "SELECT count(*) FROM audit a"
                                                         " WHERE hash IS NULL OR body_hash IS NULL"
                                                         " OR prev_hash IS NOT coalesce ((SELECT hash FROM audit b"
                                                         "   WHERE b.entry = a.entry - 1), '"
                                                         BANSO_AUDIT_GENESIS "')"), ==, 0);
  db = banso_store_acquire_reader (f->store, NULL);
  g_assert_true (banso_audit_get_head (db, &entry, &head, NULL));
  banso_store_release_reader (f->store, db);
  g_assert_cmpint (entry, ==, banso_test_store_query_int (f->store, "SELECT max (entry) FROM audit"));
  g_assert_cmpuint (strlen (head), ==, 64);
}

static void
test_guards_dropped (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = NULL;
  GPtrArray *repairs;

  tamper (f, DROP_GUARDS "DROP TRIGGER audit_no_replace; DROP TRIGGER revisions_no_replace;");

  /* Opening puts them back and says so… */
  f->store = banso_test_open_store (f->dir, "banso.db");
  repairs = banso_store_get_repairs (f->store);
  g_assert_cmpuint (repairs->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (repairs, 0), "audit_no_delete"));
  g_assert_nonnull (strstr (g_ptr_array_index (repairs, 0), f->path));
  g_assert_cmpint (banso_test_store_query_int (f->store, "SELECT count(*) FROM sqlite_schema"
                                                         " WHERE type = 'trigger' AND (tbl_name = 'audit'"
                                                         " OR tbl_name = 'revisions')"), ==, 6);

  /* …they guard again… */
  {
    sqlite3 *db = banso_test_raw_open (f->path);
    g_assert_cmpint (sqlite3_exec (db, "DELETE FROM audit", NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
    sqlite3_close (db);
  }

  /* …and check keeps saying it happened. */
  problems = check (f);
  assert_found (problems, "put back", "audit_no_delete");
  banso_test_close_store (f->store);
  f->store = NULL;

  /* A guard changed to let everything through counts as dropped. */
  tamper (f, "DROP TRIGGER audit_no_delete;"
             "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT 1; END;");
  f->store = banso_test_open_store (f->dir, "banso.db");
  g_assert_cmpuint (banso_store_get_repairs (f->store)->len, ==, 1);
}

static void
test_entry_deleted (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = NULL;

  tamper (f, DROP_GUARDS "DELETE FROM audit WHERE entry = 2;" PUT_GUARDS_BACK);
  problems = check (f);
  assert_found (problems, "breaks at entry 3", "removed");
  g_assert_cmpuint (banso_store_get_repairs (f->store)->len, ==, 0);
}

static void
test_entry_changed (Fixture       *f,
                    gconstpointer  data)
{
  const char *changes[] = {
    "UPDATE audit SET user_id = 'someone-else' WHERE entry = 2",
    "UPDATE audit SET at = '2020-01-01T00:00:00Z' WHERE entry = 2",
    "UPDATE audit SET action = 'import' WHERE entry = 2",
  };

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autoptr(GPtrArray) problems = NULL;
      g_autofree char *sql = g_strconcat (DROP_GUARDS, "PRAGMA foreign_keys = OFF;", changes[i], ";",
                                          PUT_GUARDS_BACK, NULL);
      g_autofree char *backup = g_strconcat (f->path, ".orig", NULL);
      g_autofree char *contents = NULL;
      gsize len;

      /* Each change on the same database as the fixture made it. */
      g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
      tamper (f, sql);
      problems = check (f);
      assert_found (problems, "breaks at entry 2", "changed after it was written");
      g_clear_pointer (&f->store, banso_test_close_store);
      g_assert_true (g_file_set_contents (f->path, contents, len, NULL));
    }
}

static void
test_entry_appended (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *sql = NULL;
  gint64 last;

  /* A forged entry saying the administrator made the first household's
   * current revision once more. */
  f->store = banso_test_open_store (f->dir, "banso.db");
  last = banso_test_store_query_int (f->store, "SELECT max (entry) FROM audit");
  g_clear_pointer (&f->store, banso_test_close_store);
  sql = g_strdup_printf ("INSERT INTO audit (at, user_id, doc_id, doc_type, action, rev_before, rev_after,"
                    " prev_hash, hash)"
                    " SELECT '2026-12-01T08:00:00Z', 'admin', id, type, 'update', rev, rev,"
                    " (SELECT hash FROM audit ORDER BY entry DESC LIMIT 1), hex (randomblob (32))"
                    " FROM documents WHERE id = '%s'", f->ids[0]);
  tamper (f, sql);
  problems = check (f);
  {
    g_autofree char *needle = g_strdup_printf ("breaks at entry %" G_GINT64_FORMAT, last + 1);
    assert_found (problems, needle, "changed after it was written");
  }
}

static void
test_body_edited (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE documents SET body = json_set (body, '$.notes', 'Không nghèo')"
                                     " WHERE id = '%s'", f->ids[1]);

  tamper (f, sql);
  problems = check (f);
  assert_found (problems, "its body is not the one its audit entry wrote", f->ids[1]);
}

static void
test_revision_edited (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *edit = g_strdup_printf ("UPDATE revisions SET body = json_set (body, '$.notes', 'Khác')"
                                      " WHERE doc_id = '%s'", f->ids[0]);
  g_autofree char *sql = g_strconcat (DROP_GUARDS, edit, ";", PUT_GUARDS_BACK, NULL);

  tamper (f, sql);
  problems = check (f);
  assert_found (problems, "A kept revision was changed outside Banso", f->ids[0]);
}

static void
test_document_removed (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *remove = NULL;
  g_autofree char *sql = NULL;

  /* The middle household, with every trace of it. */
  remove = g_strdup_printf ("DELETE FROM household_index WHERE docno = (SELECT docno FROM documents WHERE id = '%s');"
                       "DELETE FROM documents WHERE id = '%s';"
                       "DELETE FROM revisions WHERE doc_id = '%s';"
                       "DELETE FROM audit WHERE doc_id = '%s';",
                       f->ids[1], f->ids[1], f->ids[1], f->ids[1]);
  sql = g_strconcat (DROP_GUARDS, remove, PUT_GUARDS_BACK, NULL);
  tamper (f, sql);
  problems = check (f);
  assert_found (problems, "breaks at entry", "removed");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  BANSO_TEST_ADD ("/audit-chain/clean", test_clean);
  BANSO_TEST_ADD ("/audit-chain/guards-dropped", test_guards_dropped);
  BANSO_TEST_ADD ("/audit-chain/entry-deleted", test_entry_deleted);
  BANSO_TEST_ADD ("/audit-chain/entry-changed", test_entry_changed);
  BANSO_TEST_ADD ("/audit-chain/entry-appended", test_entry_appended);
  BANSO_TEST_ADD ("/audit-chain/body-edited", test_body_edited);
  BANSO_TEST_ADD ("/audit-chain/revision-edited", test_revision_edited);
  BANSO_TEST_ADD ("/audit-chain/document-removed", test_document_removed);

  return g_test_run ();
}
