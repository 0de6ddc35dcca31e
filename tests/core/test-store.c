/* test-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "banso-demo.h"
#include "banso-document.h"
#include "banso-drafts.h"
#include "banso-fold.h"
#include "banso-household-store.h"
#include "banso-record-list.h"
#include "banso-record-row.h"
#include "banso-records.h"
#include "banso-reference.h"
#include "banso-schema.h"
#include "banso-store.h"
#include "banso-test-util.h"

#define SON_LA "14"

/* Helpers {{{ */

/* Runs whatever is pending on the main context, without blocking. */
static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

/* Runs @sql on a connection of its own to the database at @path. */
static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = banso_test_raw_open (path);

  banso_test_raw_exec (db, sql);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static char *
file_checksum (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

static void
write_file (const char *path,
            const void *data,
            gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

/* Opening @path must fail with one of the two codes and leave the file as it was. */
static void
assert_refused (const char *path,
                int         code1,
                int         code2)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = file_checksum (path);
  g_autofree char *after = NULL;
  BansoStore *store;

  store = banso_store_open (path, &error);
  if (store != NULL)
    {
      banso_test_close_store (store);
      g_error ("%s was opened; it should have been refused", path);
    }
  g_assert_nonnull (error);
  if (!g_error_matches (error, BANSO_STORE_ERROR, code1) &&
      !g_error_matches (error, BANSO_STORE_ERROR, code2))
    g_error ("%s: unexpected error %s %d: %s", path, g_quark_to_string (error->domain),
             error->code, error->message);
  if (g_test_verbose ())
    g_test_message ("refused: %s", error->message);
  /* The message says that the file was left alone. */
  if (strstr (error->message, "did not change") == NULL &&
      strstr (error->message, "untouched") == NULL)
    g_error ("%s: the message does not say the file is unchanged: %s", path, error->message);

  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static char *
citizen_id (int      year,
            BansoSex sex,
            guint    serial)
{
  int digit = (year >= 2000 ? 2 : 0) + (sex == BANSO_SEX_FEMALE ? 1 : 0);

  return g_strdup_printf ("014%d%02d%06u", digit, year % 100, serial % 1000000);
}

/* A member born in @year, with no citizen ID or phone. */
static BansoMember *
add_member (BansoHousehold *h,
            const char     *name,
            BansoSex        sex,
            int             year,
            const char     *ethnic,
            const char     *relation)
{
  g_autofree char *birth = g_strdup_printf ("%d", year);

  return banso_test_add_member (h, name, sex, birth, ethnic, relation, NULL, NULL);
}

static BansoHousehold *
simple_household (const char *commune,
                  const char *head,
                  const char *ethnic)
{
  BansoHousehold *h = banso_household_new ();

  h->commune = g_strdup (commune);
  add_member (h, head, BANSO_SEX_MALE, 1980, ethnic, "head");
  return h;
}

static gboolean
timeout_cb (gpointer data)
{
  g_error ("timed out waiting for %s", (const char *)data);
  return G_SOURCE_REMOVE;
}

/* }}} */

/* Opening {{{ */

static void
test_open_create (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = banso_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "office", "data", "banso.db", NULL);
  g_autofree char *mode = NULL;
  g_autoptr(BansoUser) admin = NULL;
  BansoStore *store;
  BansoTxn *txn;
  sqlite3 *db;
  int rc;

  store = banso_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (banso_store_get_path (store), ==, path);
  g_assert_false (banso_store_is_demo (store));

  /* What a reader sees of the file and of its own connection. */
  db = banso_store_acquire_reader (store, &error);
  g_assert_no_error (error);
  mode = query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (banso_test_query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (banso_test_query_int (db, "PRAGMA application_id"), ==, BANSO_APPLICATION_ID);
  g_assert_cmpint (banso_test_query_int (db, "PRAGMA user_version"), ==, banso_schema_get_latest_version ());
  /* A reader is read-only. */
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM meta", NULL, NULL, NULL), !=, SQLITE_OK);
  banso_store_release_reader (store, db);

  /* synchronous is a setting of each connection: the writer's is what matters. */
  admin = banso_test_dup_admin (store);
  txn = banso_store_begin (store, admin, &error);
  g_assert_no_error (error);
  db = banso_txn_get_db (txn);
  g_clear_pointer (&mode, g_free);
  mode = query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (banso_test_query_int (db, "PRAGMA synchronous"), ==, 2 /* FULL */);
  g_assert_cmpint (banso_test_query_int (db, "PRAGMA foreign_keys"), ==, 1);
  /* …and foreign keys are enforced, not only switched on. */
  rc = sqlite3_exec (db, "INSERT INTO user_communes (user_id, commune_code) VALUES ('nobody', '03646')",
                     NULL, NULL, NULL);
  g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
  banso_txn_rollback (txn);

  banso_test_close_store (store);
  banso_test_rm_rf (dir);
}

static void
test_open_reference (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = banso_test_make_tmpdir ();
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) provinces = NULL;
  g_autoptr(GPtrArray) communes = NULL;
  g_autofree char *province = NULL;
  BansoStore *store = banso_test_open_store (dir, "banso.db");
  gboolean found_mong = FALSE, found_son_la = FALSE;
  sqlite3 *db;

  db = banso_store_acquire_reader (store, &error);
  g_assert_no_error (error);

  groups = banso_reference_list_ethnic_groups (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 54);
  for (guint i = 0; i < groups->len; i++)
    {
      BansoRefItem *item = g_ptr_array_index (groups, i);
      g_autofree char *expected = g_strdup_printf ("%02u", i + 1);

      /* Codes 01 to 54, in order. */
      g_assert_cmpstr (item->code, ==, expected);
      if (g_str_equal (item->code, "08"))
        {
          g_assert_cmpstr (item->name, ==, "Mông");
          found_mong = TRUE;
        }
    }
  g_assert_true (found_mong);
  g_assert_cmpstr (((BansoRefItem *)g_ptr_array_index (groups, 0))->name, ==, "Kinh");

  provinces = banso_reference_list_provinces (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (provinces->len, ==, 34);
  for (guint i = 0; i < provinces->len; i++)
    {
      BansoRefItem *item = g_ptr_array_index (provinces, i);
      if (g_str_equal (item->code, SON_LA))
        {
          g_assert_nonnull (strstr (item->name, "Sơn La"));
          found_son_la = TRUE;
        }
    }
  g_assert_true (found_son_la);

  g_assert_cmpint (banso_test_query_int (db, "SELECT count(*) FROM admin_units WHERE edition = '2025'"
                                             " AND kind != 'province'"), ==, 3321);

  communes = banso_reference_list_communes (db, SON_LA, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (communes->len, ==, 75);
  for (guint i = 0; i < communes->len; i++)
    {
      BansoRefItem *item = g_ptr_array_index (communes, i);
      g_assert_cmpstr (item->parent, ==, SON_LA);
      g_assert_cmpuint (strlen (item->code), ==, 5);
    }
  province = banso_reference_commune_province (db, ((BansoRefItem *)g_ptr_array_index (communes, 0))->code);
  g_assert_cmpstr (province, ==, SON_LA);

  banso_store_release_reader (store, db);
  banso_test_close_store (store);
  banso_test_rm_rf (dir);
}

static void
test_open_reopen (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = banso_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "banso.db", NULL);
  g_autoptr(BansoUser) admin = NULL;
  g_autoptr(BansoHousehold) first = NULL;
  g_autoptr(BansoHousehold) second = NULL;
  g_autoptr(BansoHousehold) loaded = NULL;
  g_autofree char *name = NULL;
  g_auto(GStrv) communes = NULL;
  BansoStore *store;
  sqlite3 *db;

  store = banso_test_open_store (dir, "banso.db");
  admin = banso_test_dup_admin (store);
  communes = banso_test_list_communes (store, SON_LA, 1);
  first = simple_household (communes[0], "Lò Văn Pơm", "03");
  banso_test_save_household (store, admin, first);
  banso_test_close_store (store);

  /* Edit the reference data behind Banso's back: a reload would undo it. */
  raw_exec (path,
            "UPDATE ethnic_groups SET name = 'Mông (sửa)' WHERE code = '08';"
            "DELETE FROM admin_units WHERE edition = '2025' AND code = '03646';");

  store = banso_test_open_store (dir, "banso.db");
  db = banso_store_acquire_reader (store, &error);
  g_assert_no_error (error);
  name = query_text (db, "SELECT name FROM ethnic_groups WHERE code = '08'");
  g_assert_cmpstr (name, ==, "Mông (sửa)");
  g_assert_cmpint (banso_test_query_int (db, "SELECT count(*) FROM admin_units WHERE parent_code = '14'"), ==, 74);
  g_assert_cmpint (banso_test_query_int (db, "SELECT count(*) FROM ethnic_groups"), ==, 54);
  g_assert_cmpint (banso_test_query_int (db, "SELECT count(*) FROM users WHERE id = 'admin'"), ==, 1);

  /* The records are still there, and new ones continue the sequence. */
  loaded = banso_household_load (db, first->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->rev, ==, first->rev);
  banso_store_release_reader (store, db);

  second = simple_household (communes[0], "Quàng Văn Inh", "03");
  banso_test_save_household (store, admin, second);
  g_assert_cmpint (banso_test_store_query_int (store, "SELECT count(DISTINCT seq) FROM documents"), ==, 2);
  g_assert_cmpint (banso_test_store_query_int (store, "SELECT count(*) FROM documents"), ==, 2);

  banso_test_close_store (store);
  banso_test_rm_rf (dir);
}

static void
test_open_corrupt_random (void)
{
  g_autofree char *dir = banso_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "banso.db", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint8 data[8192];

  for (guint i = 0; i < sizeof data; i++)
    data[i] = g_rand_int_range (rand, 0, 256);
  write_file (path, data, sizeof data);
  assert_refused (path, BANSO_STORE_ERROR_CORRUPT, BANSO_STORE_ERROR_NOT_BANSO);

  /* A short file of text. */
  write_file (path, "household,commune\n", 18);
  assert_refused (path, BANSO_STORE_ERROR_CORRUPT, BANSO_STORE_ERROR_NOT_BANSO);

  banso_test_rm_rf (dir);
}

static void
test_open_corrupt_header (void)
{
  g_autofree char *dir = banso_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "banso.db", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint8 data[16384];

  for (guint seed = 0; seed < 4; seed++)
    {
      g_rand_set_seed (rand, seed);
      for (guint i = 0; i < sizeof data; i++)
        data[i] = g_rand_int_range (rand, 0, 256);
      memcpy (data, "SQLite format 3", 16);
      write_file (path, data, sizeof data);
      assert_refused (path, BANSO_STORE_ERROR_CORRUPT, BANSO_STORE_ERROR_NOT_BANSO);
    }

  /* A plausible header (4096-byte pages) over garbage pages. */
  g_rand_set_seed (rand, 99);
  for (guint i = 0; i < sizeof data; i++)
    data[i] = g_rand_int_range (rand, 0, 256);
  memcpy (data, "SQLite format 3", 16);
  data[16] = 0x10; data[17] = 0x00;          /* page size 4096 */
  data[18] = 1; data[19] = 1;                /* legacy journal */
  data[20] = 0; data[21] = 64; data[22] = 32; data[23] = 32;
  write_file (path, data, sizeof data);
  assert_refused (path, BANSO_STORE_ERROR_CORRUPT, BANSO_STORE_ERROR_NOT_BANSO);

  banso_test_rm_rf (dir);
}

static void
test_open_corrupt_truncated (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = banso_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "banso.db", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  BansoStore *store;
  /* Where a copy can stop: in the schema, in the reference data, in the records. */
  const double fractions[] = { 0.0, 0.25, 0.5, 0.75, 0.9, 1.0 };
  gsize page;

  store = banso_test_open_store (dir, "banso.db");
  banso_demo_generate (store, 60, 3, NULL, NULL, &error);
  g_assert_no_error (error);
  banso_test_close_store (store);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  /* The page size as the header gives it (big-endian, 1 for 65536). */
  page = ((guchar)contents[16] << 8) | (guchar)contents[17];
  page = page == 1 ? 65536 : page;
  g_assert_cmpuint (length % page, ==, 0);
  g_assert_cmpuint (length, >, 10 * page);

  for (guint i = 0; i < G_N_ELEMENTS (fractions); i++)
    {
      g_autofree char *cut_path = g_strdup_printf ("%s/cut-%u.db", dir, i);
      gsize pages = length / page;
      gsize keep;

      /* Whole pages: 2 for the first, one page short for the last. */
      if (i == 0)
        keep = 2;
      else if (fractions[i] >= 1.0)
        keep = pages - 1;
      else
        keep = (gsize)(pages * fractions[i]);

      if (g_test_verbose ())
        g_test_message ("keeping %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " pages", keep, pages);
      write_file (cut_path, contents, keep * page);
      assert_refused (cut_path, BANSO_STORE_ERROR_CORRUPT, BANSO_STORE_ERROR_NOT_BANSO);
    }

  banso_test_rm_rf (dir);
}

static guint
count_open_files (void)
{
  GDir *dir = g_dir_open ("/proc/self/fd", 0, NULL);
  guint n = 0;

  if (dir == NULL)
    return 0;
  while (g_dir_read_name (dir) != NULL)
    n++;
  g_dir_close (dir);
  return n;
}

/* A refused file is closed again: nothing keeps it open, or locked. */
static void
test_open_corrupt_closed (void)
{
  g_autofree char *dir = banso_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "banso.db", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  guint8 data[8192];
  guint before, after;

  if (!g_file_test ("/proc/self/fd", G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("needs /proc/self/fd");
      banso_test_rm_rf (dir);
      return;
    }

  for (guint i = 0; i < sizeof data; i++)
    data[i] = g_rand_int_range (rand, 0, 256);
  memcpy (data, "SQLite format 3", 16);
  write_file (path, data, sizeof data);

  before = count_open_files ();
  for (guint i = 0; i < 3; i++)
    assert_refused (path, BANSO_STORE_ERROR_CORRUPT, BANSO_STORE_ERROR_NOT_BANSO);
  after = count_open_files ();
  banso_test_rm_rf (dir);

  if (after > before)
    {
      /* Known bug in inspect_existing() (banso-store.c): sqlite3_close() is
       * called before the statement is finalized, so it fails with SQLITE_BUSY. */
      g_test_fail_printf ("%s", "a refused database stays open: inspect_existing() leaks its "
                         "read-only connection when PRAGMA application_id fails");
      return;
    }
  g_assert_cmpuint (after, ==, before);
}

static void
make_foreign_db (const char *path,
                 const char *pragmas)
{
  g_autofree char *sql = g_strdup_printf ("%s;"
                                          "CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT, phone TEXT);"
                                          "INSERT INTO contacts (name, phone) VALUES ('Lò Văn Pơm', '0912345678');"
                                          "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT);",
                                          pragmas);

  raw_exec (path, sql);
}

static void
test_open_other_program (void)
{
  g_autofree char *dir = banso_test_make_tmpdir ();
  g_autofree char *versioned = g_build_filename (dir, "versioned.sqlite", NULL);
  g_autofree char *geopackage = g_build_filename (dir, "map.gpkg", NULL);

  make_foreign_db (versioned, "PRAGMA user_version = 3");
  assert_refused (versioned, BANSO_STORE_ERROR_NOT_BANSO, BANSO_STORE_ERROR_NOT_BANSO);

  make_foreign_db (geopackage, "PRAGMA application_id = 1196444487");  /* "GPKG" */
  assert_refused (geopackage, BANSO_STORE_ERROR_NOT_BANSO, BANSO_STORE_ERROR_NOT_BANSO);

  banso_test_rm_rf (dir);
}

/* application_id 0 and user_version 0, as most programs leave them, but tables of
 * its own: Banso must not add its schema to such a file. */
static void
test_open_other_program_unversioned (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = banso_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "contacts.sqlite", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  BansoStore *store;

  make_foreign_db (path, "PRAGMA user_version = 0");
  before = file_checksum (path);

  store = banso_store_open (path, &error);
  if (store != NULL)
    {
      /* Known bug in inspect_existing() (banso-store.c): only user_version is
       * looked at when application_id is 0. Remove this branch once fixed. */
      banso_test_close_store (store);
      banso_test_rm_rf (dir);
      g_test_fail_printf ("%s", "banso_store_open() adopts another program's SQLite file whose "
                         "application_id and user_version are 0 and writes Banso's schema into it");
      return;
    }
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_NOT_BANSO);
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  banso_test_rm_rf (dir);
}

static void
test_open_newer (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = banso_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "banso.db", NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %u",
                                          banso_schema_get_latest_version () + 1);
  g_autoptr(BansoUser) admin = NULL;
  g_autoptr(BansoHousehold) h = NULL;
  g_auto(GStrv) communes = NULL;
  BansoStore *store;

  store = banso_test_open_store (dir, "banso.db");
  admin = banso_test_dup_admin (store);
  communes = banso_test_list_communes (store, SON_LA, 1);
  h = simple_household (communes[0], "Lò Văn Pơm", "03");
  banso_test_save_household (store, admin, h);
  banso_test_close_store (store);

  raw_exec (path, sql);
  assert_refused (path, BANSO_STORE_ERROR_NEWER, BANSO_STORE_ERROR_NEWER);

  /* The message says which version made it. */
  store = banso_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_NEWER);
  {
    g_autofree char *number = g_strdup_printf ("%u", banso_schema_get_latest_version () + 1);
    g_assert_nonnull (strstr (error->message, number));
  }

  banso_test_rm_rf (dir);
}

/* }}} */

/* Documents {{{ */

static gint64
count_rows (sqlite3    *db,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  return banso_test_query_int (db, sql);
}

static gboolean
is_doc_id (const char *id)
{
  if (strlen (id) != 32)
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

static void
test_document_revisions (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = banso_test_make_tmpdir ();
  g_autofree char *id = banso_doc_new_id ();
  g_autofree char *other_id = banso_doc_new_id ();
  g_autofree char *rev1 = NULL, *rev2 = NULL, *rev3 = NULL, *rev4 = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(BansoUser) admin = NULL;
  const char *body1 = "{\"name\":\"Lò Văn Pơm\"}";
  const char *body2 = "{\"name\":\"Lò Văn Pơm\",\"phone\":\"0912345678\"}";
  const char *body4 = "{\"name\":\"Lò Văn Pơm\",\"restored\":true}";
  BansoStore *store;
  BansoTxn *txn;
  gint64 docno = 0, docno2 = 0;
  sqlite3 *db;

  g_assert_true (is_doc_id (id));
  g_assert_cmpstr (id, !=, other_id);

  store = banso_test_open_store (dir, "banso.db");
  admin = banso_test_dup_admin (store);

  /* Create. */
  txn = banso_store_begin (store, admin, &error);
  g_assert_no_error (error);
  banso_doc_put (txn, "note", id, body1, NULL, BANSO_DOC_PUT_DEFAULT, &docno, &rev1, &error);
  g_assert_no_error (error);
  banso_txn_commit (txn, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (rev1, "1-"));
  g_assert_cmpuint (banso_revision_generation (rev1), ==, 1);
  expected = banso_revision_compute (NULL, FALSE, body1);
  g_assert_cmpstr (rev1, ==, expected);
  g_clear_pointer (&expected, g_free);

  db = banso_store_acquire_reader (store, &error);
  g_assert_no_error (error);
  {
    g_autoptr(BansoDocInfo) info = banso_doc_lookup (db, id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (info->docno, ==, docno);
    g_assert_cmpstr (info->id, ==, id);
    g_assert_cmpstr (info->type, ==, "note");
    g_assert_cmpstr (info->rev, ==, rev1);
    g_assert_cmpstr (info->body, ==, body1);
    g_assert_false (info->deleted);
  }
  {
    g_autoptr(BansoDocInfo) info = banso_doc_lookup (db, other_id, &error);
    g_assert_null (info);
    g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  banso_store_release_reader (store, db);

  /* Update. */
  txn = banso_store_begin (store, admin, &error);
  g_assert_no_error (error);
  banso_doc_put (txn, "note", id, body2, rev1, BANSO_DOC_PUT_DEFAULT, &docno2, &rev2, &error);
  g_assert_no_error (error);
  banso_txn_commit (txn, &error);
  g_assert_no_error (error);
  g_assert_cmpint (docno2, ==, docno);
  g_assert_true (g_str_has_prefix (rev2, "2-"));
  g_assert_cmpuint (banso_revision_generation (rev2), ==, 2);
  expected = banso_revision_compute (rev1, FALSE, body2);
  g_assert_cmpstr (rev2, ==, expected);
  g_clear_pointer (&expected, g_free);

  /* Delete: a tombstone that keeps the body. */
  txn = banso_store_begin (store, admin, &error);
  g_assert_no_error (error);
  banso_doc_delete (txn, id, rev2, &docno2, &rev3, &error);
  g_assert_no_error (error);
  banso_txn_commit (txn, &error);
  g_assert_no_error (error);
  g_assert_cmpint (docno2, ==, docno);
  g_assert_true (g_str_has_prefix (rev3, "3-"));
  expected = banso_revision_compute (rev2, TRUE, body2);
  g_assert_cmpstr (rev3, ==, expected);
  g_clear_pointer (&expected, g_free);

  db = banso_store_acquire_reader (store, &error);
  g_assert_no_error (error);
  {
    g_autoptr(BansoDocInfo) info = banso_doc_lookup (db, id, &error);
    g_assert_no_error (error);
    g_assert_true (info->deleted);
    g_assert_cmpstr (info->rev, ==, rev3);
    g_assert_cmpstr (info->body, ==, body2);
  }
  banso_store_release_reader (store, db);

  /* Deleting again is a conflict. */
  txn = banso_store_begin (store, admin, &error);
  g_assert_no_error (error);
  g_assert_false (banso_doc_delete (txn, id, rev3, NULL, NULL, &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  banso_txn_rollback (txn);

  /* Restore from the tombstone's revision. */
  txn = banso_store_begin (store, admin, &error);
  g_assert_no_error (error);
  banso_doc_put (txn, "note", id, body4, rev3, BANSO_DOC_PUT_DEFAULT, NULL, &rev4, &error);
  g_assert_no_error (error);
  banso_txn_commit (txn, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (rev4, "4-"));
  expected = banso_revision_compute (rev3, FALSE, body4);
  g_assert_cmpstr (rev4, ==, expected);

  db = banso_store_acquire_reader (store, &error);
  g_assert_no_error (error);
  {
    g_autoptr(BansoDocInfo) info = banso_doc_lookup (db, id, &error);
    g_autoptr(sqlite3_stmt) stmt = NULL;
    const char *revs[] = { rev1, rev2, rev3 };
    const char *parents[] = { NULL, rev1, rev2 };
    const int deleted[] = { 0, 0, 1 };
    const char *bodies[] = { body1, body2, body2 };

    g_assert_no_error (error);
    g_assert_false (info->deleted);
    g_assert_cmpstr (info->rev, ==, rev4);
    g_assert_cmpstr (info->body, ==, body4);

    /* Each superseded revision is kept with its parent and body. */
    g_assert_cmpint (count_rows (db, "revisions"), ==, 3);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT parent_rev, deleted, body FROM revisions"
                                             " WHERE doc_id = ?1 AND rev = ?2", -1, &stmt, NULL),
                     ==, SQLITE_OK);
    for (guint i = 0; i < G_N_ELEMENTS (revs); i++)
      {
        sqlite3_reset (stmt);
        sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, 2, revs[i], -1, SQLITE_STATIC);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, parents[i]);
        g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, deleted[i]);
        g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 2), ==, bodies[i]);
      }
  }
  banso_store_release_reader (store, db);

  banso_test_close_store (store);
  banso_test_rm_rf (dir);
}

static void
assert_counts (sqlite3 *db,
               gint64   documents,
               gint64   audit,
               gint64   revisions)
{
  g_assert_cmpint (count_rows (db, "documents"), ==, documents);
  g_assert_cmpint (count_rows (db, "audit"), ==, audit);
  g_assert_cmpint (count_rows (db, "revisions"), ==, revisions);
}

static void
test_document_conflict (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = banso_test_make_tmpdir ();
  g_autofree char *id = banso_doc_new_id ();
  g_autofree char *missing = banso_doc_new_id ();
  g_autofree char *rev1 = NULL, *rev2 = NULL, *body = NULL;
  g_autoptr(BansoUser) admin = NULL;
  BansoStore *store;
  BansoTxn *txn;
  sqlite3 *db;
  char *rev = NULL;

  store = banso_test_open_store (dir, "banso.db");
  admin = banso_test_dup_admin (store);

  txn = banso_store_begin (store, admin, &error);
  g_assert_no_error (error);
  banso_doc_put (txn, "note", id, "{\"v\":1}", NULL, 0, NULL, &rev1, &error);
  g_assert_no_error (error);
  banso_doc_put (txn, "note", id, "{\"v\":2}", rev1, 0, NULL, &rev2, &error);
  g_assert_no_error (error);
  banso_txn_commit (txn, &error);
  g_assert_no_error (error);

  /* Each refused write, in a transaction that is then committed anyway:
   * nothing of it may reach the file. */
  txn = banso_store_begin (store, admin, &error);
  g_assert_no_error (error);
  db = banso_txn_get_db (txn);
  assert_counts (db, 1, 2, 1);

  /* A stale revision. */
  g_assert_false (banso_doc_put (txn, "note", id, "{\"v\":3}", rev1, 0, NULL, &rev, &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_CONFLICT);
  g_assert_null (rev);
  g_clear_error (&error);
  /* No revision for an existing record: someone else created it. */
  g_assert_false (banso_doc_put (txn, "note", id, "{\"v\":3}", NULL, 0, NULL, &rev, &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  /* A revision for a record that does not exist. */
  g_assert_false (banso_doc_put (txn, "note", missing, "{\"v\":3}", rev2, 0, NULL, &rev, &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  /* The same id for another kind of record. */
  g_assert_false (banso_doc_put (txn, "village", id, "{\"v\":3}", rev2, 0, NULL, &rev, &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  /* A stale delete. */
  g_assert_false (banso_doc_delete (txn, id, rev1, NULL, &rev, &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (banso_doc_delete (txn, missing, NULL, NULL, &rev, &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_null (rev);

  assert_counts (db, 1, 2, 1);
  banso_txn_commit (txn, &error);
  g_assert_no_error (error);

  db = banso_store_acquire_reader (store, &error);
  g_assert_no_error (error);
  assert_counts (db, 1, 2, 1);
  body = query_text (db, "SELECT body || ' ' || rev FROM documents");
  {
    g_autofree char *expected = g_strdup_printf ("{\"v\":2} %s", rev2);
    g_assert_cmpstr (body, ==, expected);
  }
  banso_store_release_reader (store, db);

  banso_test_close_store (store);
  banso_test_rm_rf (dir);
}

static void
test_document_deterministic (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = banso_test_make_tmpdir ();
  g_autofree char *id = banso_doc_new_id ();
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL;
  const char *body = "{\"name\":\"Giàng A Páo\"}";
  BansoStore *stores[2];
  char *revs[2][2] = { { NULL, NULL }, { NULL, NULL } };

  /* The same parent and body give the same revision; anything else differs. */
  a = banso_revision_compute (NULL, FALSE, body);
  b = banso_revision_compute (NULL, FALSE, body);
  c = banso_revision_compute (NULL, FALSE, "{\"name\":\"Giàng A Sử\"}");
  d = banso_revision_compute (a, FALSE, body);
  e = banso_revision_compute (a, TRUE, body);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_true (g_str_has_prefix (c, "1-"));
  g_assert_true (g_str_has_prefix (d, "2-"));
  g_assert_true (g_str_has_prefix (e, "2-"));
  g_assert_cmpstr (d, !=, e);
  g_assert_cmpstr (d + 2, !=, a + 2);
  g_assert_cmpuint (banso_revision_generation ("12-abc"), ==, 12);
  g_assert_cmpuint (banso_revision_generation (NULL), ==, 0);

  /* Two offices making the same edits get the same revisions. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("office-%u.db", i);
      g_autoptr(BansoUser) admin = NULL;
      BansoTxn *txn;

      stores[i] = banso_test_open_store (dir, name);
      admin = banso_test_dup_admin (stores[i]);
      txn = banso_store_begin (stores[i], admin, &error);
      g_assert_no_error (error);
      banso_doc_put (txn, "note", id, body, NULL, 0, NULL, &revs[i][0], &error);
      g_assert_no_error (error);
      banso_doc_put (txn, "note", id, "{\"name\":\"Giàng A Páo\",\"phone\":\"0987654321\"}",
                     revs[i][0], 0, NULL, &revs[i][1], &error);
      g_assert_no_error (error);
      banso_txn_commit (txn, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpstr (revs[0][0], ==, a);
  g_assert_cmpstr (revs[0][0], ==, revs[1][0]);
  g_assert_cmpstr (revs[0][1], ==, revs[1][1]);

  for (guint i = 0; i < 2; i++)
    {
      g_free (revs[i][0]);
      g_free (revs[i][1]);
      banso_test_close_store (stores[i]);
    }
  banso_test_rm_rf (dir);
}

/* }}} */

/* Households {{{ */

static void
test_household_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = banso_test_make_tmpdir ();
  g_autoptr(BansoUser) admin = NULL;
  g_autoptr(BansoHousehold) h = NULL;
  g_autoptr(BansoHousehold) loaded = NULL;
  g_autoptr(BansoHousehold) reloaded = NULL;
  g_autofree char *json = NULL, *loaded_json = NULL, *first_rev = NULL;
  g_autofree char *village = NULL;
  g_auto(GStrv) communes = NULL;
  BansoStore *store;
  BansoMember *m;
  BansoTxn *txn;
  sqlite3 *db;
  int year = 0;

  store = banso_test_open_store (dir, "banso.db");
  admin = banso_test_dup_admin (store);
  communes = banso_test_list_communes (store, SON_LA, 2);

  txn = banso_store_begin (store, admin, &error);
  g_assert_no_error (error);
  village = banso_village_create (txn, communes[0], "Bản Hụn", "ban", &error);
  g_assert_no_error (error);
  banso_txn_commit (txn, &error);
  g_assert_no_error (error);

  h = banso_household_new ();
  h->commune = g_strdup (communes[0]);
  h->village = g_strdup (village);
  h->address = g_strdup ("Nhà số 12, tổ 3");
  h->notes = g_strdup ("Nhà sàn gỗ \"cũ\", cạnh suối Nậm La\nCần hỗ trợ\tsửa mái \\ tường");
  m = add_member (h, "Lò Văn Pơm", BANSO_SEX_MALE, 1985, "03", "head");
  m->citizen_id = citizen_id (1985, BANSO_SEX_MALE, 1234);
  m->phone = g_strdup ("0912345678");
  g_free (m->birth);
  m->birth = g_strdup ("1985-03-02");
  m = add_member (h, "Quàng Thị Ẻ", BANSO_SEX_FEMALE, 1987, "03", "spouse");
  m->citizen_id = citizen_id (1987, BANSO_SEX_FEMALE, 4321);
  add_member (h, "Lò Thị Ngọc", BANSO_SEX_FEMALE, 2010, "03", "child");
  m = add_member (h, "Giàng A Páo", BANSO_SEX_MALE, 2012, "08", "child-in-law");
  m->sex = BANSO_SEX_UNKNOWN;
  banso_household_set_poverty (h, 2025, BANSO_POVERTY_NEAR_POOR);
  banso_household_set_poverty (h, 2023, BANSO_POVERTY_POOR);
  banso_household_set_poverty (h, 2024, BANSO_POVERTY_POOR);

  g_assert_null (h->id);
  banso_test_save_household (store, admin, h);
  g_assert_true (is_doc_id (h->id));
  g_assert_true (g_str_has_prefix (h->rev, "1-"));
  json = banso_test_household_json (h);

  db = banso_store_acquire_reader (store, &error);
  g_assert_no_error (error);
  loaded = banso_household_load (db, h->id, &error);
  g_assert_no_error (error);
  banso_store_release_reader (store, db);

  g_assert_cmpstr (loaded->id, ==, h->id);
  g_assert_cmpstr (loaded->rev, ==, h->rev);
  g_assert_cmpstr (loaded->commune, ==, communes[0]);
  g_assert_cmpstr (loaded->village, ==, village);
  g_assert_cmpstr (loaded->address, ==, h->address);
  g_assert_cmpstr (loaded->notes, ==, h->notes);
  g_assert_cmpuint (loaded->members->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      BansoMember *a = g_ptr_array_index (h->members, i);
      BansoMember *b = g_ptr_array_index (loaded->members, i);

      g_assert_cmpstr (a->id, ==, b->id);
      g_assert_cmpstr (a->name, ==, b->name);
      g_assert_cmpint (a->sex, ==, b->sex);
      g_assert_cmpstr (a->birth, ==, b->birth);
      g_assert_cmpstr (a->ethnic, ==, b->ethnic);
      g_assert_cmpstr (a->relation, ==, b->relation);
      g_assert_cmpstr (a->citizen_id, ==, b->citizen_id);
      g_assert_cmpstr (a->phone, ==, b->phone);
    }
  g_assert_cmpuint (loaded->poverty->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      BansoPovertyYear *p = &g_array_index (loaded->poverty, BansoPovertyYear, i);
      g_assert_cmpint (p->year, ==, 2023 + (int)i);
      g_assert_cmpint (p->status, ==, i < 2 ? BANSO_POVERTY_POOR : BANSO_POVERTY_NEAR_POOR);
    }
  g_assert_cmpint (banso_household_latest_poverty (loaded, &year), ==, BANSO_POVERTY_NEAR_POOR);
  g_assert_cmpint (year, ==, 2025);
  loaded_json = banso_test_household_json (loaded);
  g_assert_cmpstr (loaded_json, ==, json);

  /* Edit and save again: a second revision, the change kept. */
  first_rev = g_strdup (loaded->rev);
  g_free (((BansoMember *)g_ptr_array_index (loaded->members, 1))->name);
  ((BansoMember *)g_ptr_array_index (loaded->members, 1))->name = g_strdup ("Quàng Thị Ẻm");
  banso_household_set_poverty (loaded, 2025, BANSO_POVERTY_NOT_POOR);
  banso_test_save_household (store, admin, loaded);
  g_assert_true (g_str_has_prefix (loaded->rev, "2-"));

  db = banso_store_acquire_reader (store, &error);
  g_assert_no_error (error);
  reloaded = banso_household_load (db, h->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reloaded->rev, ==, loaded->rev);
  g_assert_cmpstr (((BansoMember *)g_ptr_array_index (reloaded->members, 1))->name, ==, "Quàng Thị Ẻm");
  g_assert_cmpint (banso_household_latest_poverty (reloaded, NULL), ==, BANSO_POVERTY_NOT_POOR);
  /* The list index follows the edit. */
  g_assert_cmpint (banso_test_query_int (db, "SELECT count(*) FROM household_index WHERE poverty = 'not-poor'"), ==, 1);
  g_assert_cmpint (banso_test_query_int (db, "SELECT count(*) FROM household_index"), ==, 1);
  banso_store_release_reader (store, db);

  /* Saving from the first revision again is a conflict. */
  g_free (h->rev);
  h->rev = g_strdup (first_rev);
  txn = banso_store_begin (store, admin, &error);
  g_assert_no_error (error);
  g_assert_false (banso_household_save (txn, h, BANSO_DOC_PUT_DEFAULT, &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  banso_txn_rollback (txn);

  /* An invalid household is refused before anything is written. */
  m = g_ptr_array_index (h->members, 0);
  g_free (m->citizen_id);
  m->citizen_id = g_strdup ("014185001234");   /* says female; the head is male */
  g_clear_pointer (&h->id, g_free);
  g_clear_pointer (&h->rev, g_free);
  txn = banso_store_begin (store, admin, &error);
  g_assert_no_error (error);
  g_assert_false (banso_household_save (txn, h, BANSO_DOC_PUT_DEFAULT, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Lò Văn Pơm"));
  g_clear_error (&error);
  banso_txn_commit (txn, &error);
  g_assert_no_error (error);
  g_assert_cmpint (banso_test_store_query_int (store, "SELECT count(*) FROM documents WHERE type = 'household'"), ==, 1);

  /* Load of something that is not a household. */
  db = banso_store_acquire_reader (store, &error);
  g_assert_no_error (error);
  g_assert_null (banso_household_load (db, village, &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  banso_store_release_reader (store, db);

  banso_test_close_store (store);
  banso_test_rm_rf (dir);
}

typedef struct
{
  GMainLoop *loop;
  guint      n_household;
  guint      n_any;
  GThread   *thread;
  char      *last_type;
  char      *check_id;
  gboolean   visible;
  BansoStore *store;
} SignalData;

static void
on_household_changed (BansoStore *store,
                      const char *type,
                      SignalData *data)
{
  data->n_household++;
  data->thread = g_thread_self ();
  g_assert_cmpstr (type, ==, "household");

  /* Emitted after the commit: a new connection already sees the record. */
  if (data->check_id != NULL)
    {
      g_autoptr(GError) error = NULL;
      sqlite3 *db = banso_store_acquire_reader (store, &error);
      g_autoptr(BansoDocInfo) info = NULL;

      g_assert_no_error (error);
      info = banso_doc_lookup (db, data->check_id, NULL);
      data->visible = info != NULL;
      banso_store_release_reader (store, db);
    }

  if (data->loop != NULL)
    g_main_loop_quit (data->loop);
}

static void
on_any_changed (BansoStore *store,
                const char *type,
                SignalData *data)
{
  data->n_any++;
  g_free (data->last_type);
  data->last_type = g_strdup (type);
}

static gboolean
quit_cb (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

static void
run_loop_for (SignalData *data,
              guint       ms)
{
  g_timeout_add (ms, quit_cb, data->loop);
  g_main_loop_run (data->loop);
}

static void
run_until_household (SignalData *data,
                     guint       expected)
{
  guint id = g_timeout_add_seconds (10, timeout_cb, (gpointer)"changed::household");

  while (data->n_household < expected)
    g_main_loop_run (data->loop);
  g_source_remove (id);
}

typedef struct
{
  BansoStore     *store;
  BansoUser      *user;
  BansoHousehold *household;
} ThreadData;

static gpointer
save_in_thread (gpointer user_data)
{
  ThreadData *data = user_data;

  banso_test_save_household (data->store, data->user, data->household);
  return NULL;
}

static void
test_household_changed_signal (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = banso_test_make_tmpdir ();
  g_autoptr(BansoUser) admin = NULL;
  g_autoptr(BansoHousehold) a = NULL;
  g_autoptr(BansoHousehold) b = NULL;
  g_autoptr(BansoHousehold) c = NULL;
  g_autofree char *village = NULL;
  g_auto(GStrv) communes = NULL;
  SignalData data = { 0 };
  ThreadData thread_data;
  BansoStore *store;
  BansoTxn *txn;
  GThread *thread;

  store = banso_test_open_store (dir, "banso.db");
  admin = banso_test_dup_admin (store);
  communes = banso_test_list_communes (store, SON_LA, 1);
  data.loop = g_main_loop_new (NULL, FALSE);
  g_signal_connect (store, "changed::household", G_CALLBACK (on_household_changed), &data);
  g_signal_connect (store, "changed", G_CALLBACK (on_any_changed), &data);

  /* Nothing before the commit. */
  a = simple_household (communes[0], "Lò Văn Pơm", "03");
  txn = banso_store_begin (store, admin, &error);
  g_assert_no_error (error);
  banso_household_save (txn, a, BANSO_DOC_PUT_DEFAULT, &error);
  g_assert_no_error (error);
  drain ();
  g_assert_cmpuint (data.n_household, ==, 0);
  data.check_id = a->id;
  banso_txn_commit (txn, &error);
  g_assert_no_error (error);
  run_until_household (&data, 1);
  g_assert_true (data.visible);
  g_assert_true (data.thread == g_thread_self ());
  g_assert_cmpstr (data.last_type, ==, "household");
  /* One emission per transaction and type. */
  run_loop_for (&data, 50);
  g_assert_cmpuint (data.n_household, ==, 1);
  g_assert_cmpuint (data.n_any, ==, 1);

  /* A rolled back transaction says nothing. */
  b = simple_household (communes[0], "Cầm Văn Inh", "03");
  txn = banso_store_begin (store, admin, &error);
  g_assert_no_error (error);
  banso_household_save (txn, b, BANSO_DOC_PUT_DEFAULT, &error);
  g_assert_no_error (error);
  banso_txn_rollback (txn);
  run_loop_for (&data, 50);
  g_assert_cmpuint (data.n_household, ==, 1);
  g_assert_cmpuint (data.n_any, ==, 1);

  /* A village is another type: changed::village, not changed::household. */
  txn = banso_store_begin (store, admin, &error);
  g_assert_no_error (error);
  village = banso_village_create (txn, communes[0], "Bản Mòng", NULL, &error);
  g_assert_no_error (error);
  banso_txn_commit (txn, &error);
  g_assert_no_error (error);
  run_loop_for (&data, 50);
  g_assert_cmpuint (data.n_household, ==, 1);
  g_assert_cmpuint (data.n_any, ==, 2);
  g_assert_cmpstr (data.last_type, ==, "village");

  /* A commit in a worker thread is announced on the main context. The main
   * thread owns its context the whole time, as g_application_run() does. */
  c = simple_household (communes[0], "Tòng Văn Chanh", "03");
  thread_data.store = store;
  thread_data.user = admin;
  thread_data.household = c;
  data.thread = NULL;
  g_assert_true (g_main_context_acquire (NULL));
  thread = g_thread_new ("writer", save_in_thread, &thread_data);
  g_thread_join (thread);
  data.check_id = c->id;
  data.visible = FALSE;
  g_assert_cmpuint (data.n_household, ==, 1);
  run_until_household (&data, 2);
  g_main_context_release (NULL);
  g_assert_true (data.thread == g_thread_self ());
  g_assert_true (data.visible);

  g_signal_handlers_disconnect_by_data (store, &data);
  g_main_loop_unref (data.loop);
  g_free (data.last_type);
  banso_test_close_store (store);
  banso_test_rm_rf (dir);
}

/* }}} */

/* Record lists {{{ */

typedef struct
{
  char        *id;
  char        *commune;
  char        *ethnic;
  const char  *status;
  char        *head;
  guint        members;
  gboolean     pom;      /* found by "lo van pom" */
  gboolean     dang_thi; /* found by "DANG THI" */
} Expected;

static void
expected_free (Expected *e)
{
  g_free (e->id);
  g_free (e->commune);
  g_free (e->ethnic);
  g_free (e->head);
  g_free (e);
}

typedef struct
{
  char       *dir;
  BansoStore *store;
  BansoUser  *admin;
  GStrv       communes;
  GPtrArray  *expected;
} ListFixture;

static const char *generic_surnames[] = { "Quàng", "Cầm", "Vì", "Tòng", "Giàng", "Hà", "Mùa" };
static const char *generic_given[] = { "Xuân", "Inh", "Chanh", "Khăm", "Páo", "Sử", "Chứ", "Tiến", "Hùng" };
static const char *generic_ethnic[] = { "03", "01", "08", "06" };

static void
add_expected (ListFixture    *fixture,
              BansoTxn       *txn,
              BansoHousehold *h,
              gboolean        pom,
              gboolean        dang_thi)
{
  g_autoptr(GError) error = NULL;
  Expected *e = g_new0 (Expected, 1);
  BansoMember *head;

  banso_household_save (txn, h, BANSO_DOC_PUT_DEFAULT, &error);
  g_assert_no_error (error);

  head = banso_household_get_head (h);
  e->id = g_strdup (h->id);
  e->commune = g_strdup (h->commune);
  e->ethnic = g_strdup (head->ethnic);
  e->status = banso_poverty_to_string (banso_household_latest_poverty (h, NULL));
  e->head = g_strdup (head->name);
  e->members = h->members->len;
  e->pom = pom;
  e->dang_thi = dang_thi;
  g_ptr_array_add (fixture->expected, e);
}

static BansoHousehold *
planted (const char   *commune,
         const char   *head,
         BansoSex      sex,
         const char   *ethnic,
         BansoPoverty  status)
{
  BansoHousehold *h = banso_household_new ();

  h->commune = g_strdup (commune);
  add_member (h, head, sex, 1970, ethnic, "head");
  banso_household_set_poverty (h, 2025, status);
  return h;
}

static void
list_fixture_setup (ListFixture   *fixture,
                    gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  BansoTxn *txn;
  const BansoPoverty statuses[] = {
    BANSO_POVERTY_POOR, BANSO_POVERTY_NEAR_POOR, BANSO_POVERTY_NOT_POOR, BANSO_POVERTY_UNKNOWN,
  };

  fixture->store = banso_test_open_tmp_store (&fixture->dir, &fixture->admin);
  fixture->communes = banso_test_list_communes (fixture->store, SON_LA, 3);
  fixture->expected = g_ptr_array_new_with_free_func ((GDestroyNotify)expected_free);

  txn = banso_store_begin (fixture->store, fixture->admin, &error);
  g_assert_no_error (error);

  /* 243 households whose names hold no word starting with "lo", "pom" or "dang". */
  for (guint i = 0; i < 243; i++)
    {
      g_autoptr(BansoHousehold) h = banso_household_new ();
      gboolean male = i % 5 != 0;
      const char *surname = generic_surnames[i % G_N_ELEMENTS (generic_surnames)];
      const char *given = generic_given[(i / 7) % G_N_ELEMENTS (generic_given)];
      g_autofree char *name = g_strdup_printf ("%s %s %s", surname, male ? "Văn" : "Thị", given);
      const char *ethnic = generic_ethnic[i % G_N_ELEMENTS (generic_ethnic)];
      BansoMember *m;

      h->commune = g_strdup (fixture->communes[i % 3]);
      m = add_member (h, name, male ? BANSO_SEX_MALE : BANSO_SEX_FEMALE, 1950 + i % 50,
                      ethnic, "head");
      if (i % 2 == 0)
        m->citizen_id = citizen_id (1950 + i % 50, m->sex, i);
      if (i % 3 >= 1)
        add_member (h, "Hà Thị Xiêng", BANSO_SEX_FEMALE, 1960, ethnic, "spouse");
      if (i % 3 == 2)
        add_member (h, "Hà Văn Chiến", BANSO_SEX_MALE, 2005, ethnic, "child");
      if (i % 11 == 0)
        banso_household_set_poverty (h, 2024, BANSO_POVERTY_POOR);
      if (statuses[i % 4] != BANSO_POVERTY_UNKNOWN)
        banso_household_set_poverty (h, 2025, statuses[i % 4]);
      add_expected (fixture, txn, h, FALSE, FALSE);
    }

  {
    g_autoptr(BansoHousehold) p1 = planted (fixture->communes[0], "Lò Văn Pơm", BANSO_SEX_MALE, "03", BANSO_POVERTY_POOR);
    g_autoptr(BansoHousehold) p2 = planted (fixture->communes[1], "LÒ VĂN PƠM", BANSO_SEX_MALE, "03", BANSO_POVERTY_NEAR_POOR);
    g_autoptr(BansoHousehold) p3 = planted (fixture->communes[2], "Quàng Thị Un", BANSO_SEX_FEMALE, "03", BANSO_POVERTY_POOR);
    g_autoptr(BansoHousehold) p4 = planted (fixture->communes[0], "Lò Văn Pó", BANSO_SEX_MALE, "29", BANSO_POVERTY_POOR);
    g_autoptr(BansoHousehold) p5 = planted (fixture->communes[0], "Đặng Thị Hoa", BANSO_SEX_FEMALE, "09", BANSO_POVERTY_POOR);
    g_autoptr(BansoHousehold) p6 = planted (fixture->communes[1], "ĐẶNG THỊ MAI", BANSO_SEX_FEMALE, "09", BANSO_POVERTY_NOT_POOR);
    g_autoptr(BansoHousehold) p7 = planted (fixture->communes[2], "Đặng Văn Lở", BANSO_SEX_MALE, "09", BANSO_POVERTY_NEAR_POOR);

    /* Found through a member who is not the head. */
    add_member (p3, "Lò Văn Pơm", BANSO_SEX_MALE, 1968, "03", "spouse");

    add_expected (fixture, txn, p1, TRUE, FALSE);
    add_expected (fixture, txn, p2, TRUE, FALSE);
    add_expected (fixture, txn, p3, TRUE, FALSE);
    add_expected (fixture, txn, p4, FALSE, FALSE);
    add_expected (fixture, txn, p5, FALSE, TRUE);
    add_expected (fixture, txn, p6, FALSE, TRUE);
    add_expected (fixture, txn, p7, FALSE, FALSE);
  }

  banso_txn_commit (txn, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->expected->len, ==, 250);
  drain ();
}

static void
list_fixture_teardown (ListFixture   *fixture,
                       gconstpointer  unused)
{
  g_ptr_array_unref (fixture->expected);
  g_strfreev (fixture->communes);
  banso_test_close_tmp_store (fixture->store, fixture->admin, fixture->dir);
}

typedef gboolean (*ExpectedFunc) (const Expected *e, gconstpointer data);

static guint
count_expected (ListFixture  *fixture,
                ExpectedFunc  func,
                gconstpointer data)
{
  guint n = 0;

  for (guint i = 0; i < fixture->expected->len; i++)
    if (func (g_ptr_array_index (fixture->expected, i), data))
      n++;
  return n;
}

static const Expected *
find_expected (ListFixture *fixture,
               const char  *id)
{
  for (guint i = 0; i < fixture->expected->len; i++)
    {
      const Expected *e = g_ptr_array_index (fixture->expected, i);
      if (g_strcmp0 (e->id, id) == 0)
        return e;
    }
  return NULL;
}

static gboolean
in_commune (const Expected *e, gconstpointer data)
{
  return g_str_equal (e->commune, data);
}

static gboolean
of_ethnic (const Expected *e, gconstpointer data)
{
  return g_str_equal (e->ethnic, data);
}

static gboolean
of_status (const Expected *e, gconstpointer data)
{
  return g_str_equal (e->status, data);
}

static gboolean
is_pom (const Expected *e, gconstpointer data)
{
  return e->pom;
}

static gboolean
is_dang_thi (const Expected *e, gconstpointer data)
{
  return e->dang_thi;
}

static gboolean
poor_in_commune (const Expected *e, gconstpointer data)
{
  return g_str_equal (e->commune, data) && g_str_equal (e->status, "poor");
}

static gboolean
any (const Expected *e, gconstpointer data)
{
  return TRUE;
}

/* Fetches every row of @filter straight from a reader, page by page. */
static GPtrArray *
fetch_all (ListFixture             *fixture,
           const BansoRecordFilter *filter,
           guint                    page_size)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3 *db = banso_store_acquire_reader (fixture->store, &error);
  guint n = 0;

  g_assert_no_error (error);
  banso_records_count (db, BANSO_RECORD_KIND_HOUSEHOLD, filter, &n, &error);
  g_assert_no_error (error);

  for (guint offset = 0; ; offset += page_size)
    {
      g_autoptr(GPtrArray) page = banso_records_fetch (db, BANSO_RECORD_KIND_HOUSEHOLD, filter,
                                                       offset, page_size, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (page->len, <=, page_size);
      for (guint i = 0; i < page->len; i++)
        g_ptr_array_add (all, g_object_ref (g_ptr_array_index (page, i)));
      if (page->len < page_size)
        break;
    }
  banso_store_release_reader (fixture->store, db);

  g_assert_cmpuint (all->len, ==, n);
  return all;
}

static void
assert_rows_match (ListFixture  *fixture,
                   GPtrArray    *rows,
                   ExpectedFunc  func,
                   gconstpointer data)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (rows->len, ==, count_expected (fixture, func, data));
  for (guint i = 0; i < rows->len; i++)
    {
      BansoRecordRow *row = g_ptr_array_index (rows, i);
      const char *id = banso_record_row_get_id (row);
      const Expected *e = find_expected (fixture, id);

      g_assert_true (banso_record_row_get_loaded (row));
      g_assert_nonnull (e);
      g_assert_true (func (e, data));
      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, (gpointer)id);
      g_assert_cmpstr (banso_record_row_get_value (row, 0), ==, e->head);
    }
}

static void
assert_sorted (GPtrArray *rows,
               gboolean   descending)
{
  for (guint i = 1; i < rows->len; i++)
    {
      g_autofree char *a = banso_fold (banso_record_row_get_value (g_ptr_array_index (rows, i - 1), 0), -1);
      g_autofree char *b = banso_fold (banso_record_row_get_value (g_ptr_array_index (rows, i), 0), -1);

      if (descending)
        g_assert_cmpint (strcmp (a, b), >=, 0);
      else
        g_assert_cmpint (strcmp (a, b), <=, 0);
    }
}

static void
test_records_fetch (ListFixture   *fixture,
                    gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoRecordFilter) filter = banso_record_filter_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autofree char *commune_name = NULL;
  sqlite3 *db;
  guint n = 0;

  /* Everything, in pages of 100: 100 + 100 + 50, no row twice. */
  rows = fetch_all (fixture, filter, 100);
  assert_rows_match (fixture, rows, any, NULL);
  assert_sorted (rows, FALSE);
  g_clear_pointer (&rows, g_ptr_array_unref);

  filter->commune = g_strdup (fixture->communes[1]);
  rows = fetch_all (fixture, filter, 7);
  assert_rows_match (fixture, rows, in_commune, fixture->communes[1]);
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_clear_pointer (&filter->commune, g_free);
  filter->ethnic = g_strdup ("08");
  rows = fetch_all (fixture, filter, 50);
  assert_rows_match (fixture, rows, of_ethnic, "08");
  g_assert_cmpuint (rows->len, >, 0);
  /* The display columns: head, commune, village, ethnic group, poverty, members. */
  for (guint i = 0; i < rows->len; i++)
    {
      BansoRecordRow *row = g_ptr_array_index (rows, i);
      const Expected *e = find_expected (fixture, banso_record_row_get_id (row));
      g_autofree char *members = g_strdup_printf ("%u", e->members);

      db = banso_store_acquire_reader (fixture->store, &error);
      g_assert_no_error (error);
      commune_name = banso_reference_commune_name (db, e->commune);
      banso_store_release_reader (fixture->store, db);

      g_assert_cmpstr (banso_record_row_get_value (row, 1), ==, commune_name);
      g_assert_cmpstr (banso_record_row_get_value (row, 2), ==, "");
      g_assert_cmpstr (banso_record_row_get_value (row, 3), ==, "Mông");
      g_assert_cmpstr (banso_record_row_get_value (row, 4), ==,
                       banso_poverty_get_label (banso_poverty_from_string (e->status)));
      g_assert_cmpstr (banso_record_row_get_value (row, 5), ==, members);
      g_clear_pointer (&commune_name, g_free);
    }
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_clear_pointer (&filter->ethnic, g_free);
  filter->status = g_strdup ("poor");
  filter->commune = g_strdup (fixture->communes[0]);
  rows = fetch_all (fixture, filter, 100);
  assert_rows_match (fixture, rows, poor_in_commune, fixture->communes[0]);
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_clear_pointer (&filter->status, g_free);
  g_clear_pointer (&filter->commune, g_free);
  filter->search = g_strdup ("lo van pom");
  rows = fetch_all (fixture, filter, 100);
  assert_rows_match (fixture, rows, is_pom, NULL);
  g_assert_cmpuint (rows->len, ==, 3);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Decomposed (NFD) input finds the same. */
  g_free (filter->search);
  filter->search = g_utf8_normalize ("Lò  Văn Pơm", -1, G_NORMALIZE_NFD);
  rows = fetch_all (fixture, filter, 100);
  assert_rows_match (fixture, rows, is_pom, NULL);
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_free (filter->search);
  filter->search = g_strdup ("DANG THI");
  rows = fetch_all (fixture, filter, 100);
  assert_rows_match (fixture, rows, is_dang_thi, NULL);
  g_assert_cmpuint (rows->len, ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* A search with no word in it filters nothing. */
  g_free (filter->search);
  filter->search = g_strdup (" ,. ");
  db = banso_store_acquire_reader (fixture->store, &error);
  g_assert_no_error (error);
  banso_records_count (db, BANSO_RECORD_KIND_HOUSEHOLD, filter, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 250);

  /* Descending order, and an offset past the end. */
  g_clear_pointer (&filter->search, g_free);
  filter->descending = TRUE;
  page = banso_records_fetch (db, BANSO_RECORD_KIND_HOUSEHOLD, filter, 0, 250, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 250);
  assert_sorted (page, TRUE);
  g_clear_pointer (&page, g_ptr_array_unref);
  page = banso_records_fetch (db, BANSO_RECORD_KIND_HOUSEHOLD, filter, 250, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 0);
  banso_store_release_reader (fixture->store, db);
}

typedef struct
{
  GMainLoop *loop;
  guint      reloaded;
  guint      changed_position;
  guint      changed_removed;
  guint      changed_added;
} ListWait;

static void
on_reloaded (BansoRecordList *list,
             ListWait        *wait)
{
  wait->reloaded++;
  g_main_loop_quit (wait->loop);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  ListWait   *wait)
{
  wait->changed_position = position;
  /* The list reports a reload as a removal then an addition. */
  wait->changed_removed += removed;
  wait->changed_added += added;
}

static void
wait_reloaded (BansoRecordList *list,
               ListWait        *wait)
{
  guint before = wait->reloaded;
  guint id = g_timeout_add_seconds (20, timeout_cb, (gpointer)"BansoRecordList::reloaded");

  while (wait->reloaded == before)
    g_main_loop_run (wait->loop);
  g_source_remove (id);
  g_assert_false (banso_record_list_get_loading (list));
  g_assert_null (banso_record_list_get_error (list));
}

static void
set_filter_and_wait (BansoRecordList         *list,
                     ListWait                *wait,
                     const BansoRecordFilter *filter)
{
  wait->changed_removed = 0;
  wait->changed_added = 0;
  banso_record_list_set_filter (list, filter);
  g_assert_true (banso_record_list_get_loading (list));
  wait_reloaded (list, wait);
}

/* Asks the model for every row, then runs the main loop until all are filled. */
static GPtrArray *
model_rows (BansoRecordList *list,
            GMainLoop       *loop)
{
  GListModel *model = G_LIST_MODEL (list);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);
  guint id;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (rows, g_list_model_get_item (model, i));
  g_assert_null (g_list_model_get_item (model, n));

  id = g_timeout_add_seconds (20, timeout_cb, (gpointer)"pages of the list");
  for (;;)
    {
      gboolean all = TRUE;

      for (guint i = 0; i < rows->len && all; i++)
        all = banso_record_row_get_loaded (g_ptr_array_index (rows, i));
      if (all)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (id);
  return rows;
}

static void
free_list (BansoRecordList *list)
{
  GObject *object = G_OBJECT (list);

  /* Requests in flight hold the list, and a worker may drop the last of
   * those references after the main loop has seen the request complete. */
  g_object_add_weak_pointer (object, (gpointer *)&object);
  g_object_unref (list);
  banso_test_wait_for_null ((gpointer *)&object, "the list to be freed");
}

static void
test_record_list_filters (ListFixture   *fixture,
                          gconstpointer  unused)
{
  g_autoptr(BansoRecordFilter) filter = banso_record_filter_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(BansoRecordSource) source = banso_records_source_new (BANSO_RECORD_KIND_HOUSEHOLD);
  ListWait wait = { 0 };
  BansoRecordList *list;
  guint n;

  wait.loop = g_main_loop_new (NULL, FALSE);
  list = banso_record_list_new (fixture->store, source);
  g_signal_connect (list, "reloaded", G_CALLBACK (on_reloaded), &wait);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &wait);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == BANSO_TYPE_RECORD_ROW);

  /* The count arrives from a worker, not at once. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  wait_reloaded (list, &wait);
  g_assert_cmpuint (banso_record_list_get_count (list), ==, 250);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 250);
  g_assert_cmpuint (wait.changed_removed, ==, 0);
  g_assert_cmpuint (wait.changed_added, ==, 250);

  /* By commune. */
  filter->commune = g_strdup (fixture->communes[2]);
  set_filter_and_wait (list, &wait, filter);
  n = count_expected (fixture, in_commune, fixture->communes[2]);
  g_assert_cmpuint (banso_record_list_get_count (list), ==, n);
  g_assert_cmpuint (wait.changed_position, ==, 0);
  g_assert_cmpuint (wait.changed_removed, ==, 250);
  g_assert_cmpuint (wait.changed_added, ==, n);
  rows = model_rows (list, wait.loop);
  assert_rows_match (fixture, rows, in_commune, fixture->communes[2]);
  assert_sorted (rows, FALSE);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* The same filter again does not reload. */
  banso_record_list_set_filter (list, filter);
  g_assert_false (banso_record_list_get_loading (list));

  /* By folded search. */
  g_clear_pointer (&filter->commune, g_free);
  filter->search = g_strdup ("lo van pom");
  set_filter_and_wait (list, &wait, filter);
  g_assert_cmpuint (banso_record_list_get_count (list), ==, 3);
  rows = model_rows (list, wait.loop);
  assert_rows_match (fixture, rows, is_pom, NULL);
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_free (filter->search);
  filter->search = g_strdup ("DANG THI");
  set_filter_and_wait (list, &wait, filter);
  g_assert_cmpuint (banso_record_list_get_count (list), ==, 2);
  rows = model_rows (list, wait.loop);
  assert_rows_match (fixture, rows, is_dang_thi, NULL);
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_free (filter->search);
  filter->search = g_strdup ("Đặng Thị Hoa");
  set_filter_and_wait (list, &wait, filter);
  g_assert_cmpuint (banso_record_list_get_count (list), ==, 1);

  g_free (filter->search);
  filter->search = g_strdup ("nobody such");
  set_filter_and_wait (list, &wait, filter);
  g_assert_cmpuint (banso_record_list_get_count (list), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 0));

  /* By ethnic group, and by poverty status. */
  g_clear_pointer (&filter->search, g_free);
  filter->ethnic = g_strdup ("08");
  set_filter_and_wait (list, &wait, filter);
  g_assert_cmpuint (banso_record_list_get_count (list), ==, count_expected (fixture, of_ethnic, "08"));
  rows = model_rows (list, wait.loop);
  assert_rows_match (fixture, rows, of_ethnic, "08");
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_clear_pointer (&filter->ethnic, g_free);
  filter->status = g_strdup ("near-poor");
  set_filter_and_wait (list, &wait, filter);
  rows = model_rows (list, wait.loop);
  assert_rows_match (fixture, rows, of_status, "near-poor");
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_free (filter->status);
  filter->status = g_strdup ("unknown");
  set_filter_and_wait (list, &wait, filter);
  g_assert_cmpuint (banso_record_list_get_count (list), ==, count_expected (fixture, of_status, "unknown"));
  g_assert_cmpuint (banso_record_list_get_count (list), >, 0);

  /* Sorted by name, both ways, over all three pages. */
  g_clear_pointer (&filter->status, g_free);
  set_filter_and_wait (list, &wait, filter);
  rows = model_rows (list, wait.loop);
  assert_rows_match (fixture, rows, any, NULL);
  assert_sorted (rows, FALSE);
  {
    g_autoptr(GPtrArray) down = NULL;

    filter->descending = TRUE;
    set_filter_and_wait (list, &wait, filter);
    down = model_rows (list, wait.loop);
    assert_rows_match (fixture, down, any, NULL);
    assert_sorted (down, TRUE);
    /* Exactly reversed, ties included. */
    for (guint i = 0; i < rows->len; i++)
      g_assert_cmpstr (banso_record_row_get_id (g_ptr_array_index (rows, i)), ==,
                       banso_record_row_get_id (g_ptr_array_index (down, down->len - 1 - i)));
  }
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_signal_handlers_disconnect_by_data (list, &wait);
  free_list (list);
  g_main_loop_unref (wait.loop);
}

static void
on_row_loaded (BansoRecordRow *row,
               GParamSpec     *pspec,
               GMainLoop      *loop)
{
  g_main_loop_quit (loop);
}

static void
test_record_list_placeholders (ListFixture   *fixture,
                               gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoRecordFilter) filter = banso_record_filter_new ();
  g_autoptr(BansoRecordRow) first = NULL;
  g_autoptr(BansoRecordRow) row = NULL;
  g_autoptr(BansoRecordRow) same = NULL;
  g_autoptr(BansoRecordRow) last = NULL;
  g_autoptr(GPtrArray) direct = NULL;
  g_autoptr(BansoHousehold) added = NULL;
  g_autoptr(BansoRecordSource) source = banso_records_source_new (BANSO_RECORD_KIND_HOUSEHOLD);
  ListWait wait = { 0 };
  BansoRecordList *list;
  sqlite3 *db;
  guint id, n;

  wait.loop = g_main_loop_new (NULL, FALSE);
  list = banso_record_list_new (fixture->store, source);
  g_signal_connect (list, "reloaded", G_CALLBACK (on_reloaded), &wait);
  wait_reloaded (list, &wait);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 250);

  db = banso_store_acquire_reader (fixture->store, &error);
  g_assert_no_error (error);
  direct = banso_records_fetch (db, BANSO_RECORD_KIND_HOUSEHOLD, filter, 0, 250, &error);
  g_assert_no_error (error);
  banso_store_release_reader (fixture->store, db);

  /* The first page comes with the count. */
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (banso_record_row_get_loaded (first));
  g_assert_cmpstr (banso_record_row_get_id (first), ==,
                   banso_record_row_get_id (g_ptr_array_index (direct, 0)));

  /* A row of the second page is a placeholder until its page arrives. */
  row = g_list_model_get_item (G_LIST_MODEL (list), 150);
  g_assert_nonnull (row);
  g_assert_false (banso_record_row_get_loaded (row));
  g_assert_null (banso_record_row_get_id (row));
  g_assert_cmpstr (banso_record_row_get_value (row, 0), ==, "");
  /* Asking again gives the same object, not a second request's row. */
  same = g_list_model_get_item (G_LIST_MODEL (list), 150);
  g_assert_true (same == row);

  g_signal_connect (row, "notify::loaded", G_CALLBACK (on_row_loaded), wait.loop);
  id = g_timeout_add_seconds (20, timeout_cb, (gpointer)"row 150 to be loaded");
  while (!banso_record_row_get_loaded (row))
    g_main_loop_run (wait.loop);
  g_source_remove (id);
  g_signal_handlers_disconnect_by_data (row, wait.loop);
  g_assert_cmpstr (banso_record_row_get_id (row), ==,
                   banso_record_row_get_id (g_ptr_array_index (direct, 150)));
  g_assert_cmpstr (banso_record_row_get_value (row, 0), ==,
                   banso_record_row_get_value (g_ptr_array_index (direct, 150), 0));

  /* The last, short page. */
  last = g_list_model_get_item (G_LIST_MODEL (list), 249);
  g_signal_connect (last, "notify::loaded", G_CALLBACK (on_row_loaded), wait.loop);
  id = g_timeout_add_seconds (20, timeout_cb, (gpointer)"row 249 to be loaded");
  while (!banso_record_row_get_loaded (last))
    g_main_loop_run (wait.loop);
  g_source_remove (id);
  g_signal_handlers_disconnect_by_data (last, wait.loop);
  g_assert_cmpstr (banso_record_row_get_id (last), ==,
                   banso_record_row_get_id (g_ptr_array_index (direct, 249)));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 250));

  /* A saved household makes the list count again. */
  added = simple_household (fixture->communes[0], "Lò Văn Pơm", "03");
  n = banso_record_list_get_count (list);
  banso_test_save_household (fixture->store, fixture->admin, added);
  wait_reloaded (list, &wait);
  g_assert_cmpuint (banso_record_list_get_count (list), ==, n + 1);

  g_signal_handlers_disconnect_by_data (list, &wait);
  free_list (list);
  g_main_loop_unref (wait.loop);
}

/* }}} */

/* Villages {{{ */

static void
test_villages (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = banso_test_make_tmpdir ();
  g_autoptr(BansoUser) admin = NULL;
  g_autoptr(BansoHousehold) h = NULL;
  g_autoptr(GPtrArray) villages = NULL;
  g_autofree char *mong = NULL, *mong_b = NULL, *found = NULL;
  g_auto(GStrv) communes = NULL;
  BansoStore *store;
  BansoTxn *txn;
  char *id;
  sqlite3 *db;
  gint64 before;

  store = banso_test_open_store (dir, "banso.db");
  admin = banso_test_dup_admin (store);
  communes = banso_test_list_communes (store, SON_LA, 2);

  txn = banso_store_begin (store, admin, &error);
  g_assert_no_error (error);
  mong = banso_village_create (txn, communes[0], "  Bản Mòng ", "ban", &error);
  g_assert_no_error (error);
  g_assert_true (is_doc_id (mong));

  /* The same name, however written, is refused in the same commune… */
  id = banso_village_create (txn, communes[0], "BẢN MÒNG", NULL, &error);
  g_assert_null (id);
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  id = banso_village_create (txn, communes[0], "Bản Mòng", "ban", &error);
  g_assert_null (id);
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  /* …but another commune may have a village of that name. */
  mong_b = banso_village_create (txn, communes[1], "Bản Mòng", "ban", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mong_b, !=, mong);

  /* An empty name and an unknown commune. */
  id = banso_village_create (txn, communes[0], "   ", NULL, &error);
  g_assert_null (id);
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID);
  g_clear_error (&error);
  id = banso_village_create (txn, "99999", "Bản Mới", NULL, &error);
  g_assert_null (id);
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID);
  g_clear_error (&error);
  id = banso_village_create (txn, SON_LA, "Bản Mới", NULL, &error);   /* a province */
  g_assert_null (id);
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID);
  g_clear_error (&error);

  found = banso_village_find (txn, communes[0], "bản mòng");
  g_assert_cmpstr (found, ==, mong);
  g_assert_null (banso_village_find (txn, communes[0], "Bản Hụn"));
  banso_txn_commit (txn, &error);
  g_assert_no_error (error);

  db = banso_store_acquire_reader (store, &error);
  g_assert_no_error (error);
  villages = banso_village_list (db, communes[0], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (villages->len, ==, 1);
  g_assert_cmpstr (((BansoRefItem *)g_ptr_array_index (villages, 0))->code, ==, mong);
  g_assert_cmpstr (((BansoRefItem *)g_ptr_array_index (villages, 0))->name, ==, "Bản Mòng");
  before = count_rows (db, "documents");
  g_assert_cmpint (before, ==, 2);
  banso_store_release_reader (store, db);

  /* A household may not point at a village of another commune. */
  h = simple_household (communes[0], "Lò Văn Pơm", "03");
  h->village = g_strdup (mong_b);
  txn = banso_store_begin (store, admin, &error);
  g_assert_no_error (error);
  g_assert_false (banso_household_save (txn, h, BANSO_DOC_PUT_DEFAULT, &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (h->rev);
  /* Nor at something that is not a village. */
  g_free (h->village);
  h->village = banso_doc_new_id ();
  g_assert_false (banso_household_save (txn, h, BANSO_DOC_PUT_DEFAULT, &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID);
  g_clear_error (&error);
  banso_txn_commit (txn, &error);
  g_assert_no_error (error);
  g_assert_cmpint (banso_test_store_query_int (store, "SELECT count(*) FROM documents"), ==, before);

  /* Its own commune's village is fine. */
  g_free (h->village);
  h->village = g_strdup (mong);
  g_clear_pointer (&h->id, g_free);
  banso_test_save_household (store, admin, h);
  g_assert_cmpint (banso_test_store_query_int (store, "SELECT count(*) FROM household_index"
                                                      " WHERE village IS NOT NULL"), ==, 1);

  banso_test_close_store (store);
  banso_test_rm_rf (dir);
}

/* }}} */

/* A draft names the record it edits, and carries its revision. */
static void
test_draft_keys (void)
{
  g_autofree char *edit = banso_draft_key_new ("household", "abc123");
  g_autofree char *fresh = banso_draft_key_new ("household", NULL);
  g_autofree char *edit_id = banso_draft_key_doc_id (edit, "household");
  g_autofree char *fresh_id = banso_draft_key_doc_id (fresh, "household");
  g_autofree char *other_id = banso_draft_key_doc_id (edit, "prestige");
  g_autofree char *body = banso_draft_wrap ("household", "2-ab", "{\"commune\":\"03721\"}");
  g_autofree char *rev = NULL;
  g_autofree char *json = banso_draft_unwrap (body, "household", &rev);
  g_autofree char *wrong = banso_draft_unwrap (body, "prestige", NULL);
  g_autofree char *broken = banso_draft_unwrap ("{not json", "household", NULL);

  g_assert_cmpstr (edit, ==, "household:abc123");
  g_assert_true (g_str_has_prefix (fresh, "household:new-"));
  g_assert_cmpstr (edit_id, ==, "abc123");
  g_assert_null (fresh_id);
  g_assert_null (other_id);
  g_assert_cmpstr (rev, ==, "2-ab");
  g_assert_cmpstr (json, ==, "{\"commune\":\"03721\"}");
  g_assert_null (wrong);
  g_assert_null (broken);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/drafts/keys", test_draft_keys);

  g_test_add_func ("/store/open/create", test_open_create);
  g_test_add_func ("/store/open/reference", test_open_reference);
  g_test_add_func ("/store/open/reopen", test_open_reopen);
  g_test_add_func ("/store/open/corrupt/random", test_open_corrupt_random);
  g_test_add_func ("/store/open/corrupt/header", test_open_corrupt_header);
  g_test_add_func ("/store/open/corrupt/truncated", test_open_corrupt_truncated);
  g_test_add_func ("/store/open/corrupt/closed", test_open_corrupt_closed);
  g_test_add_func ("/store/open/other-program", test_open_other_program);
  g_test_add_func ("/store/open/other-program-unversioned", test_open_other_program_unversioned);
  g_test_add_func ("/store/open/newer", test_open_newer);
  g_test_add_func ("/store/document/revisions", test_document_revisions);
  g_test_add_func ("/store/document/conflict", test_document_conflict);
  g_test_add_func ("/store/document/deterministic", test_document_deterministic);
  g_test_add_func ("/store/household/round-trip", test_household_round_trip);
  g_test_add_func ("/store/household/changed-signal", test_household_changed_signal);
  g_test_add ("/store/records/fetch", ListFixture, NULL,
              list_fixture_setup,
              test_records_fetch,
              list_fixture_teardown);
  g_test_add ("/store/record-list/filters", ListFixture, NULL,
              list_fixture_setup,
              test_record_list_filters,
              list_fixture_teardown);
  g_test_add ("/store/record-list/placeholders", ListFixture, NULL,
              list_fixture_setup,
              test_record_list_placeholders,
              list_fixture_teardown);
  g_test_add_func ("/store/villages", test_villages);

  return g_test_run ();
}
