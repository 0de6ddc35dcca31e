/* test-audit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "banso-check.h"
#include "banso-demo.h"
#include "banso-document.h"
#include "banso-household-csv.h"
#include "banso-household-store.h"
#include "banso-prestige.h"
#include "banso-store.h"
#include "banso-test-util.h"

/* Helpers {{{ */

typedef struct
{
  char       *dir;
  char       *path;
  BansoStore *store;
  BansoUser  *admin;
  BansoUser  *official;
  char       *commune;    /* in the official's scope */
  char       *other;      /* not */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_auto(GStrv) communes = NULL;
  const char *scope[2] = { NULL, NULL };

  f->store = banso_test_open_tmp_store (&f->dir, &f->admin);
  f->path = g_build_filename (f->dir, "banso.db", NULL);

  communes = banso_test_list_communes (f->store, "14", 2);
  f->commune = g_strdup (communes[0]);
  f->other = g_strdup (communes[1]);

  scope[0] = f->commune;
  f->official = banso_test_add_official (f->store, f->admin, scope);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_object_unref (f->official);
  banso_test_close_tmp_store (f->store, f->admin, f->dir);
  g_free (f->path);
  g_free (f->commune);
  g_free (f->other);
}

static gint64
audit_count (Fixture *f)
{
  return banso_test_store_query_int (f->store, "SELECT count(*) FROM audit");
}

/* A connection of the test's own, as any program on the machine could open. */
static sqlite3 *
raw_writer (Fixture *f)
{
  sqlite3 *db = banso_test_raw_open (f->path);

  sqlite3_busy_timeout (db, 10000);
  return db;
}

typedef struct
{
  char *user;
  char *action;
  char *type;
  char *rev_before;
  char *rev_after;
} AuditRow;

static void
audit_row_free (AuditRow *row)
{
  g_free (row->user);
  g_free (row->action);
  g_free (row->type);
  g_free (row->rev_before);
  g_free (row->rev_after);
  g_free (row);
}

/* The raw audit rows of one document, oldest first. */
static GPtrArray *
audit_rows (Fixture    *f,
            const char *doc_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)audit_row_free);
  sqlite3 *db = banso_store_acquire_reader (f->store, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT user_id, action, doc_type, rev_before, rev_after"
                                           " FROM audit WHERE doc_id = ?1 ORDER BY entry",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, doc_id, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      AuditRow *row = g_new0 (AuditRow, 1);

      row->user = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      row->action = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      row->type = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      row->rev_before = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      row->rev_after = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
      g_ptr_array_add (rows, row);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  banso_store_release_reader (f->store, db);
  return rows;
}

static void
assert_row (GPtrArray  *rows,
            guint       i,
            const char *user,
            const char *action,
            const char *type,
            const char *rev_before,
            const char *rev_after)
{
  AuditRow *row;

  g_assert_cmpuint (i, <, rows->len);
  row = g_ptr_array_index (rows, i);
  g_assert_cmpstr (row->user, ==, user);
  g_assert_cmpstr (row->action, ==, action);
  g_assert_cmpstr (row->type, ==, type);
  g_assert_cmpstr (row->rev_before, ==, rev_before);
  g_assert_cmpstr (row->rev_after, ==, rev_after);
}

static void
assert_entry (GPtrArray  *entries,
              guint       i,
              const char *doc_id,
              const char *user,
              const char *action,
              const char *before,
              const char *after)
{
  BansoAuditEntry *e;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) at = NULL;

  g_assert_cmpuint (i, <, entries->len);
  e = g_ptr_array_index (entries, i);
  g_assert_cmpstr (e->doc_id, ==, doc_id);
  g_assert_cmpstr (e->user_id, ==, user);
  g_assert_cmpstr (e->action, ==, action);
  g_assert_cmpstr (e->before, ==, before);
  g_assert_cmpstr (e->after, ==, after);

  /* "2025-07-01T08:00:00Z", within the last minute. */
  g_assert_cmpuint (strlen (e->at), ==, 20);
  at = g_date_time_new_from_iso8601 (e->at, NULL);
  g_assert_nonnull (at);
  g_assert_cmpint (g_date_time_difference (now, at), >=, 0);
  g_assert_cmpint (g_date_time_difference (now, at), <, 60 * G_USEC_PER_SEC);
}

static char *
current_body (Fixture    *f,
              const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoDocInfo) info = NULL;
  sqlite3 *db = banso_store_acquire_reader (f->store, &error);

  g_assert_no_error (error);
  info = banso_doc_lookup (db, id, &error);
  g_assert_no_error (error);
  banso_store_release_reader (f->store, db);
  return g_strdup (info->body);
}

/* }}} */

static void
test_household_history (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoHousehold) h = banso_test_new_household (f->commune, "Lò Văn Pơm");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *body1 = NULL, *body2 = NULL, *body4 = NULL;
  g_autofree char *rev1 = NULL, *rev2 = NULL, *rev3 = NULL, *rev4 = NULL;
  g_autofree char *stale = NULL;
  BansoTxn *txn;
  gint64 n;

  n = audit_count (f);

  /* Created by the official. */
  banso_test_save_household (f->store, f->official, h);
  body1 = banso_test_household_json (h);
  rev1 = g_strdup (h->rev);
  g_assert_cmpint (audit_count (f), ==, n + 1);

  /* Edited by the administrator. */
  banso_household_set_poverty (h, 2025, BANSO_POVERTY_NEAR_POOR);
  g_free (h->notes);
  h->notes = g_strdup ("Đã xác minh lại, tháng 7");
  banso_test_save_household (f->store, f->admin, h);
  body2 = banso_test_household_json (h);
  rev2 = g_strdup (h->rev);
  g_assert_cmpint (audit_count (f), ==, n + 2);

  /* A stale edit is refused and leaves no trace. */
  stale = g_strdup (h->rev);
  g_free (h->rev);
  h->rev = g_strdup (rev1);
  txn = banso_store_begin (f->store, f->official, &error);
  g_assert_no_error (error);
  g_assert_false (banso_household_save (txn, h, BANSO_DOC_PUT_DEFAULT, &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  banso_txn_commit (txn, &error);
  g_assert_no_error (error);
  g_assert_cmpint (audit_count (f), ==, n + 2);
  g_free (h->rev);
  h->rev = g_steal_pointer (&stale);

  /* Deleted by the official. */
  txn = banso_store_begin (f->store, f->official, &error);
  g_assert_no_error (error);
  banso_household_delete (txn, h->id, h->rev, &rev3, &error);
  g_assert_no_error (error);
  banso_txn_commit (txn, &error);
  g_assert_no_error (error);
  g_assert_cmpint (audit_count (f), ==, n + 3);

  /* Restored by the administrator, with a change. */
  g_free (h->rev);
  h->rev = g_strdup (rev3);
  g_free (h->address);
  h->address = g_strdup ("Bản mới, tổ 2");
  banso_test_save_household (f->store, f->admin, h);
  body4 = banso_test_household_json (h);
  rev4 = g_strdup (h->rev);
  g_assert_cmpint (audit_count (f), ==, n + 4);
  g_assert_true (g_str_has_prefix (rev4, "4-"));

  /* The raw rows: who, what, which revisions. */
  rows = audit_rows (f, h->id);
  g_assert_cmpuint (rows->len, ==, 4);
  assert_row (rows, 0, "official", "create", "household", NULL, rev1);
  assert_row (rows, 1, "admin", "update", "household", rev1, rev2);
  assert_row (rows, 2, "official", "delete", "household", rev2, rev3);
  assert_row (rows, 3, "admin", "restore", "household", rev3, rev4);

  /* The bodies: nothing before a create; a delete's after is the tombstone,
   * which keeps the last body; a restore starts from the tombstone. */
  entries = banso_audit_list (f->store, h->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 4);
  assert_entry (entries, 0, h->id, "official", "create", NULL, body1);
  assert_entry (entries, 1, h->id, "admin", "update", body1, body2);
  assert_entry (entries, 2, h->id, "official", "delete", body2, body2);
  assert_entry (entries, 3, h->id, "admin", "restore", body2, body4);
  for (guint i = 0; i < entries->len; i++)
    g_assert_cmpstr (((BansoAuditEntry *)g_ptr_array_index (entries, i))->doc_type, ==, "household");
  {
    g_autofree char *body = current_body (f, h->id);
    g_assert_cmpstr (body, ==, body4);
  }
  /* The tombstone is a kept revision of its own, marked deleted. */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT deleted FROM revisions WHERE doc_id = '%s'"
                                            " AND rev = '%s'", h->id, rev3);
    g_assert_cmpint (banso_test_store_query_int (f->store, sql), ==, 1);
  }
}

static void
test_other_records (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoPrestige) p = banso_prestige_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *village = NULL;
  g_autofree char *body1 = NULL, *body2 = NULL;
  g_autofree char *rev1 = NULL, *rev2 = NULL, *rev3 = NULL;
  BansoTxn *txn;
  gint64 n = audit_count (f);

  /* A village. */
  txn = banso_store_begin (f->store, f->official, &error);
  g_assert_no_error (error);
  village = banso_village_create (txn, f->commune, "Bản Hụn", "ban", &error);
  g_assert_no_error (error);
  banso_txn_commit (txn, &error);
  g_assert_no_error (error);
  g_assert_cmpint (audit_count (f), ==, n + 1);
  entries = banso_audit_list (f->store, village, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (((BansoAuditEntry *)g_ptr_array_index (entries, 0))->doc_type, ==, "village");
  g_assert_cmpstr (((BansoAuditEntry *)g_ptr_array_index (entries, 0))->action, ==, "create");
  g_assert_cmpstr (((BansoAuditEntry *)g_ptr_array_index (entries, 0))->user_id, ==, "official");
  g_assert_null (((BansoAuditEntry *)g_ptr_array_index (entries, 0))->before);
  g_assert_nonnull (strstr (((BansoAuditEntry *)g_ptr_array_index (entries, 0))->after, "Bản Hụn"));
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* A prestigious person: create, update, delete. */
  p->commune = g_strdup (f->commune);
  p->village = g_strdup (village);
  p->name = g_strdup ("Giàng A Páo");
  p->ethnic = g_strdup ("08");
  p->year = 2024;
  p->influence = g_strdup ("Cả bản");
  txn = banso_store_begin (f->store, f->admin, &error);
  g_assert_no_error (error);
  banso_prestige_save (txn, p, &error);
  g_assert_no_error (error);
  banso_txn_commit (txn, &error);
  g_assert_no_error (error);
  rev1 = g_strdup (p->rev);
  body1 = banso_prestige_to_json (p);

  p->year = 2025;
  txn = banso_store_begin (f->store, f->official, &error);
  g_assert_no_error (error);
  banso_prestige_save (txn, p, &error);
  g_assert_no_error (error);
  banso_txn_commit (txn, &error);
  g_assert_no_error (error);
  rev2 = g_strdup (p->rev);
  body2 = banso_prestige_to_json (p);

  txn = banso_store_begin (f->store, f->official, &error);
  g_assert_no_error (error);
  banso_prestige_delete (txn, p->id, p->rev, &rev3, &error);
  g_assert_no_error (error);
  banso_txn_commit (txn, &error);
  g_assert_no_error (error);
  g_assert_cmpint (audit_count (f), ==, n + 4);

  rows = audit_rows (f, p->id);
  g_assert_cmpuint (rows->len, ==, 3);
  assert_row (rows, 0, "admin", "create", "prestige", NULL, rev1);
  assert_row (rows, 1, "official", "update", "prestige", rev1, rev2);
  assert_row (rows, 2, "official", "delete", "prestige", rev2, rev3);
  entries = banso_audit_list (f->store, p->id, &error);
  g_assert_no_error (error);
  assert_entry (entries, 0, p->id, "admin", "create", NULL, body1);
  assert_entry (entries, 1, p->id, "official", "update", body1, body2);
  assert_entry (entries, 2, p->id, "official", "delete", body2, body2);

  /* The whole log, oldest first, one entry per row. */
  all = banso_audit_list (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (all->len, ==, audit_count (f));
  g_assert_cmpstr (((BansoAuditEntry *)g_ptr_array_index (all, all->len - 4))->doc_id, ==, village);
  g_assert_cmpstr (((BansoAuditEntry *)g_ptr_array_index (all, all->len - 1))->action, ==, "delete");

  /* No history for an unknown id. */
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = banso_audit_list (f->store, "0123456789abcdef0123456789abcdef", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoImportResult) result = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *path = g_build_filename (f->dir, "import.csv", NULL);
  g_autofree char *csv = NULL;
  guint imports = 0, creates = 0;
  gint64 n = audit_count (f);

  csv = g_strdup_printf ("household,commune_code,village,member_name,sex,birth,ethnic,relation\n"
                         "H1,%s,Bản Mòng,Lò Văn Pơm,Nam,1985,Thái,Chủ hộ\n"
                         "H1,%s,Bản Mòng,Quàng Thị Ẻ,Nữ,1987,Thái,Vợ\n"
                         "H2,%s,Bản Mòng,Giàng A Páo,Nam,1970,Mông,Chủ hộ\n",
                         f->commune, f->commune, f->commune);
  g_file_set_contents (path, csv, -1, &error);
  g_assert_no_error (error);

  result = banso_household_import_csv (f->store, f->official, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->problems->len, ==, 0);
  g_assert_cmpuint (result->households, ==, 2);
  g_assert_cmpuint (result->villages, ==, 1);

  /* Two "import" entries for the households, one "create" for the new village. */
  g_assert_cmpint (audit_count (f), ==, n + 3);
  all = banso_audit_list (f->store, NULL, &error);
  g_assert_no_error (error);
  for (guint i = n; i < all->len; i++)
    {
      BansoAuditEntry *e = g_ptr_array_index (all, i);

      g_assert_cmpstr (e->user_id, ==, "official");
      g_assert_null (e->before);
      g_assert_nonnull (e->after);
      if (g_str_equal (e->action, "import"))
        {
          g_assert_cmpstr (e->doc_type, ==, "household");
          imports++;
        }
      else
        {
          g_assert_cmpstr (e->action, ==, "create");
          g_assert_cmpstr (e->doc_type, ==, "village");
          creates++;
        }
    }
  g_assert_cmpuint (imports, ==, 2);
  g_assert_cmpuint (creates, ==, 1);
}

/* Rows of the audit log and kept revisions cannot be changed or removed, even
 * by a program that opens the file itself. */
static void
test_append_only (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(BansoHousehold) h = banso_test_new_household (f->commune, "Lò Văn Pơm");
  g_autofree char *before = NULL;
  const struct
  {
    const char *sql;
    const char *message;
  } refused[] = {
    { "UPDATE audit SET user_id = 'official' WHERE entry = 1", "the audit log is append-only" },
    { "UPDATE audit SET action = 'update'", "the audit log is append-only" },
    { "DELETE FROM audit WHERE entry = 1", "the audit log is append-only" },
    { "DELETE FROM audit", "the audit log is append-only" },
    { "DELETE FROM revisions", "revisions are kept for the audit log" },
  };
  gint64 n_audit, n_revisions;
  sqlite3 *db;

  banso_test_save_household (f->store, f->admin, h);
  banso_household_set_poverty (h, 2025, BANSO_POVERTY_NOT_POOR);
  banso_test_save_household (f->store, f->official, h);
  n_audit = audit_count (f);
  n_revisions = banso_test_store_query_int (f->store, "SELECT count(*) FROM revisions");
  g_assert_cmpint (n_audit, ==, 2);
  g_assert_cmpint (n_revisions, ==, 1);

  db = raw_writer (f);
  for (guint pass = 0; pass < 2; pass++)
    {
      /* Switching foreign keys off changes nothing: these are triggers. */
      if (pass == 1)
        banso_test_raw_exec (db, "PRAGMA foreign_keys = OFF");

      for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
        {
          int rc = sqlite3_exec (db, refused[i].sql, NULL, NULL, NULL);

          if (rc == SQLITE_OK)
            g_error ("“%s” was allowed", refused[i].sql);
          g_assert_cmpint (rc, ==, SQLITE_CONSTRAINT_TRIGGER);
          g_assert_cmpstr (sqlite3_errmsg (db), ==, refused[i].message);
        }
    }
  g_assert_cmpint (banso_test_query_int (db, "SELECT count(*) FROM audit"), ==, n_audit);
  g_assert_cmpint (banso_test_query_int (db, "SELECT count(*) FROM revisions"), ==, n_revisions);
  g_assert_cmpint (banso_test_query_int (db, "SELECT count(*) FROM audit WHERE user_id = 'admin'"), ==, 1);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  /* Nor through the store's own writer. */
  {
    g_autoptr(GError) error = NULL;
    BansoTxn *txn = banso_store_begin (f->store, f->admin, &error);

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_exec (banso_txn_get_db (txn), "DELETE FROM audit", NULL, NULL, NULL),
                     !=, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (banso_txn_get_db (txn), "DELETE FROM revisions", NULL, NULL, NULL),
                     !=, SQLITE_OK);
    banso_txn_commit (txn, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (audit_count (f), ==, n_audit);

  /* The history still reads as it was written. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) entries = banso_audit_list (f->store, h->id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (entries->len, ==, 2);
    before = g_strdup (((BansoAuditEntry *)g_ptr_array_index (entries, 1))->before);
    g_assert_nonnull (strstr (before, "\"poor\""));
  }
}

/* Rewriting history without UPDATE or DELETE: a kept revision's body edited in
 * place, or an audit row replaced through INSERT OR REPLACE (whose implicit
 * delete does not fire DELETE triggers unless recursive_triggers is on). */
static void
test_tamper (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(BansoHousehold) h = banso_test_new_household (f->commune, "Lò Văn Pơm");
  g_autofree char *update = NULL;
  g_autofree char *replace_revision = NULL;
  g_autoptr(GString) allowed = g_string_new (NULL);
  const char *statements[3];
  const char *labels[3] = {
    "UPDATE revisions", "INSERT OR REPLACE INTO revisions", "INSERT OR REPLACE INTO audit",
  };
  sqlite3 *db;

  banso_test_save_household (f->store, f->admin, h);
  banso_household_set_poverty (h, 2025, BANSO_POVERTY_NOT_POOR);
  banso_test_save_household (f->store, f->official, h);

  update = g_strdup_printf ("UPDATE revisions SET body = '{}' WHERE doc_id = '%s'", h->id);
  replace_revision = g_strdup_printf ("INSERT OR REPLACE INTO revisions (doc_id, rev, parent_rev,"
                                      " deleted, body) SELECT doc_id, rev, parent_rev, deleted, '{}'"
                                      " FROM revisions WHERE doc_id = '%s'", h->id);
  statements[0] = update;
  statements[1] = replace_revision;
  statements[2] = "INSERT OR REPLACE INTO audit (entry, at, user_id, doc_id, doc_type, action,"
                  " rev_before, rev_after) SELECT entry, at, 'official', doc_id, doc_type, action,"
                  " rev_before, rev_after FROM audit WHERE entry = 1";

  db = raw_writer (f);
  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      banso_test_raw_exec (db, "SAVEPOINT attempt");
      if (sqlite3_exec (db, statements[i], NULL, NULL, NULL) == SQLITE_OK &&
          sqlite3_changes (db) > 0)
        g_string_append_printf (allowed, "%s%s", allowed->len ? ", " : "", labels[i]);
      /* Undo whatever got through, so that the file stays whole. */
      banso_test_raw_exec (db, "ROLLBACK TO attempt; RELEASE attempt");
    }
  g_assert_cmpint (banso_test_query_int (db, "SELECT count(*) FROM audit WHERE user_id = 'admin'"), ==, 1);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  if (allowed->len > 0)
    {
      g_autofree char *message = g_strdup_printf ("the audit history can be rewritten by raw SQL: %s",
                                                  allowed->str);
      g_test_fail_printf ("%s", message);
    }
}

static void
assert_problems_clean (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (banso_store_check (f->store, problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (char *)g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}

/* The problems banso_store_check() reports; each must contain every one of @needles. */
static void
assert_problem_found (Fixture    *f,
                      const char *needle1,
                      const char *needle2)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  gboolean found = FALSE;

  g_assert_true (banso_store_check (f->store, problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len && !found; i++)
    {
      const char *line = g_ptr_array_index (problems, i);
      found = strstr (line, needle1) != NULL && (needle2 == NULL || strstr (line, needle2) != NULL);
    }
  if (!found)
    {
      for (guint i = 0; i < problems->len; i++)
        g_test_message ("problem: %s", (char *)g_ptr_array_index (problems, i));
      g_error ("banso_store_check() did not report “%s” / “%s”", needle1, needle2 ? needle2 : "");
    }
}

static void
test_check_clean (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoHousehold) h = banso_test_new_household (f->commune, "Lò Văn Pơm");
  g_autofree char *rev = NULL;
  BansoTxn *txn;

  /* A fresh database. */
  assert_problems_clean (f);

  /* A busy one: demo data, edits, a delete and a restore. */
  banso_demo_generate (f->store, 120, 11, NULL, NULL, &error);
  g_assert_no_error (error);
  banso_test_save_household (f->store, f->official, h);
  banso_household_set_poverty (h, 2025, BANSO_POVERTY_NEAR_POOR);
  banso_test_save_household (f->store, f->admin, h);
  txn = banso_store_begin (f->store, f->admin, &error);
  g_assert_no_error (error);
  banso_household_delete (txn, h->id, h->rev, &rev, &error);
  g_assert_no_error (error);
  banso_txn_commit (txn, &error);
  g_assert_no_error (error);
  assert_problems_clean (f);

  g_free (h->rev);
  h->rev = g_steal_pointer (&rev);
  banso_test_save_household (f->store, f->official, h);
  assert_problems_clean (f);
}

static char *
plant_document (Fixture    *f,
                sqlite3    *db,
                const char *type)
{
  char *id = banso_doc_new_id ();
  g_autofree char *sql = g_strdup_printf ("INSERT INTO documents (id, type, rev, parent_rev, deleted, seq, body)"
                                          " VALUES ('%s', '%s', '1-0123456789abcdef0123456789abcdef',"
                                          " NULL, 0, 1000000 + (SELECT count(*) FROM documents),"
                                          " '{\"commune\":\"%s\",\"members\":[]}')",
                                          id, type, f->commune);

  banso_test_raw_exec (db, sql);
  return id;
}

static void
test_check_unaudited_document (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(BansoHousehold) h = banso_test_new_household (f->commune, "Lò Văn Pơm");
  g_autofree char *id = NULL;
  sqlite3 *db;

  banso_test_save_household (f->store, f->admin, h);
  assert_problems_clean (f);

  db = raw_writer (f);
  banso_test_raw_exec (db, "PRAGMA foreign_keys = OFF");
  id = plant_document (f, db, "household");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  assert_problem_found (f, id, "1-0123456789abcdef0123456789abcdef");
  assert_problem_found (f, "no audit entry", id);
  /* It is also missing from the list index. */
  assert_problem_found (f, "list index", id);
}

static void
test_check_orphan_audit (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(BansoHousehold) h = banso_test_new_household (f->commune, "Lò Văn Pơm");
  g_autofree char *sql = NULL;
  sqlite3 *db;

  banso_test_save_household (f->store, f->admin, h);

  /* An entry by a user who does not exist, for a revision nobody kept. */
  db = raw_writer (f);
  banso_test_raw_exec (db, "PRAGMA foreign_keys = OFF");
  sql = g_strdup_printf ("INSERT INTO audit (at, user_id, doc_id, doc_type, action, rev_before, rev_after)"
                         " VALUES ('2025-07-01T08:00:00Z', 'ghost', '%s', 'household', 'update',"
                         " '%s', '9-ffffffffffffffffffffffffffffffff')", h->id, h->rev);
  banso_test_raw_exec (db, sql);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  assert_problem_found (f, "9-ffffffffffffffffffffffffffffffff", h->id);
  assert_problem_found (f, "Foreign key", "audit");
}

static void
test_check_index_and_json (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(BansoHousehold) a = banso_test_new_household (f->commune, "Lò Văn Pơm");
  g_autoptr(BansoHousehold) b = banso_test_new_household (f->commune, "Quàng Văn Inh");
  g_autoptr(BansoHousehold) c = banso_test_new_household (f->commune, "Cầm Văn Khăm");
  g_autofree char *sql = NULL;
  sqlite3 *db;

  banso_test_save_household (f->store, f->admin, a);
  banso_test_save_household (f->store, f->admin, b);
  banso_test_save_household (f->store, f->admin, c);
  assert_problems_clean (f);

  db = raw_writer (f);
  /* a: marked removed, still listed; b: a body that is not JSON;
   * c: dropped from the list index. */
  sql = g_strdup_printf ("UPDATE documents SET deleted = 1 WHERE id = '%s';"
                         "UPDATE documents SET body = '{\"commune\":' WHERE id = '%s';"
                         "DELETE FROM household_index WHERE docno = (SELECT docno FROM documents WHERE id = '%s');",
                         a->id, b->id, c->id);
  banso_test_raw_exec (db, sql);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  assert_problem_found (f, "removed household is still in the list index", a->id);
  assert_problem_found (f, "not valid JSON", b->id);
  assert_problem_found (f, "missing from the list index", c->id);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  BANSO_TEST_ADD ("/audit/household", test_household_history);
  BANSO_TEST_ADD ("/audit/village-and-prestige", test_other_records);
  BANSO_TEST_ADD ("/audit/import", test_import);
  BANSO_TEST_ADD ("/audit/append-only", test_append_only);
  BANSO_TEST_ADD ("/audit/tamper", test_tamper);
  BANSO_TEST_ADD ("/audit/check/clean", test_check_clean);
  BANSO_TEST_ADD ("/audit/check/unaudited-document", test_check_unaudited_document);
  BANSO_TEST_ADD ("/audit/check/orphan-audit-entry", test_check_orphan_audit);
  BANSO_TEST_ADD ("/audit/check/index-and-json", test_check_index_and_json);

  return g_test_run ();
}
