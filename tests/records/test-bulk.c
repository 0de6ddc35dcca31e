/* test-bulk.c: bulk transactions, which take the database for themselves,
 * and the recovery of a write cut short behind their rollback journal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "banso-demo.h"
#include "banso-household-store.h"
#include "banso-store.h"
#include "banso-test-util.h"

typedef struct
{
  BansoStore *store;
  BansoUser  *admin;
  char       *dir;
  GStrv       communes;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = banso_test_open_tmp_store (&f->dir, &f->admin);
  f->communes = banso_test_list_communes (f->store, "14", 1);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_strfreev (f->communes);
  banso_test_close_tmp_store (f->store, f->admin, f->dir);
}

static char *
journal_mode (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

static char *
store_journal_mode (BansoStore *store)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = banso_store_acquire_reader (store, &error);
  char *mode;

  g_assert_no_error (error);
  mode = journal_mode (db);
  banso_store_release_reader (store, db);
  return mode;
}

static char *
save_in (BansoTxn   *txn,
         const char *commune,
         const char *head)
{
  g_autoptr(BansoHousehold) h = banso_test_new_household (commune, head);
  g_autoptr(GError) error = NULL;

  banso_household_save (txn, h, BANSO_DOC_PUT_DEFAULT, &error);
  g_assert_no_error (error);
  return g_strdup (h->id);
}

typedef struct
{
  BansoStore *store;
  const char *id;
  gint        got_reader;
  gboolean    found;
} Reader;

static gpointer
reader_thread (gpointer data)
{
  Reader *r = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoHousehold) h = NULL;
  sqlite3 *db = banso_store_acquire_reader (r->store, &error);

  g_assert_no_error (error);
  g_atomic_int_set (&r->got_reader, TRUE);
  h = banso_household_load (db, r->id, NULL);
  r->found = h != NULL;
  banso_store_release_reader (r->store, db);
  return NULL;
}

/* Nothing reads: the bulk write leaves the WAL, readers wait for it, and the
 * WAL comes back at its end. */
static void
test_exclusive (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = store_journal_mode (f->store);
  g_autofree char *during = NULL;
  g_autofree char *after = NULL;
  g_autofree char *id = NULL;
  Reader r = { f->store, NULL, FALSE, FALSE };
  GThread *thread;
  BansoTxn *txn;

  g_assert_cmpstr (before, ==, "wal");

  txn = banso_store_begin_bulk (f->store, f->admin, &error);
  g_assert_no_error (error);
  during = journal_mode (banso_txn_get_db (txn));
  g_assert_cmpstr (during, ==, "delete");
  id = save_in (txn, f->communes[0], "Lò Văn Pơm");

  /* A reader asked for now waits until the write is over, and then sees it. */
  r.id = id;
  thread = g_thread_new ("reader", reader_thread, &r);
  g_usleep (200 * 1000);
  g_assert_false (g_atomic_int_get (&r.got_reader));

  banso_txn_commit (txn, &error);
  g_assert_no_error (error);
  g_thread_join (thread);
  g_assert_true (r.got_reader);
  g_assert_true (r.found);

  after = store_journal_mode (f->store);
  g_assert_cmpstr (after, ==, "wal");
  banso_test_assert_whole (f->store);
}

static void
test_exclusive_rollback (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  g_autofree char *id = NULL;
  BansoTestCounts before_counts, after_counts;
  BansoTxn *txn;

  banso_test_get_counts (f->store, &before_counts);
  txn = banso_store_begin_bulk (f->store, f->admin, &error);
  g_assert_no_error (error);
  id = save_in (txn, f->communes[0], "Lò Văn Pơm");
  banso_txn_rollback (txn);

  after = store_journal_mode (f->store);
  g_assert_cmpstr (after, ==, "wal");
  banso_test_get_counts (f->store, &after_counts);
  banso_test_assert_same_counts (&before_counts, &after_counts);
  g_assert_null (banso_test_store_query_text (f->store, "SELECT id FROM documents WHERE id = ?1", id));
}

/* A list being read keeps the bulk write an ordinary one, in the WAL, and the
 * reader goes on reading while it runs. */
static void
test_reader_in_use (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *during = NULL;
  g_autofree char *id = NULL;
  g_autofree char *found = NULL;
  BansoTxn *txn;
  sqlite3 *db;

  db = banso_store_acquire_reader (f->store, &error);
  g_assert_no_error (error);

  txn = banso_store_begin_bulk (f->store, f->admin, &error);
  g_assert_no_error (error);
  during = journal_mode (banso_txn_get_db (txn));
  g_assert_cmpstr (during, ==, "wal");
  id = save_in (txn, f->communes[0], "Lò Văn Pơm");
  g_assert_cmpint (banso_test_query_int (db, "SELECT count(*) FROM ethnic_groups"), ==, 54);
  banso_txn_commit (txn, &error);
  g_assert_no_error (error);

  banso_store_release_reader (f->store, db);
  found = banso_test_store_query_text (f->store, "SELECT id FROM documents WHERE id = ?1", id);
  g_assert_cmpstr (found, ==, id);
}

#define RACE_ROUNDS 60

typedef struct
{
  BansoStore *store;
  BansoUser  *admin;
  const char *commune;
  gint        writers_left;
  gint        bad;
} Race;

static gpointer
race_writer (gpointer data)
{
  Race *race = data;

  for (guint i = 0; i < RACE_ROUNDS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = NULL;
      BansoTxn *txn = banso_store_begin_bulk (race->store, race->admin, &error);

      g_assert_no_error (error);
      id = save_in (txn, race->commune, "Lò Văn Pơm");
      banso_txn_commit (txn, &error);
      g_assert_no_error (error);
    }
  g_atomic_int_add (&race->writers_left, -1);
  return NULL;
}

static gpointer
race_reader (gpointer data)
{
  Race *race = data;

  while (g_atomic_int_get (&race->writers_left) > 0)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *mode = NULL;
      sqlite3 *db = banso_store_acquire_reader (race->store, &error);

      g_assert_no_error (error);
      /* A reader comes in only between bulk writes, when the WAL is back. */
      mode = journal_mode (db);
      if (g_strcmp0 (mode, "wal") != 0 ||
          sqlite3_exec (db, "SELECT count(*) FROM household_index", NULL, NULL, NULL) != SQLITE_OK)
        g_atomic_int_inc (&race->bad);
      banso_store_release_reader (race->store, db);
    }
  return NULL;
}

/* Bulk writes one after the other, readers all along: each bulk write keeps
 * the readers out from its start to its end, the next one included. */
static void
test_one_after_another (Fixture       *f,
                        gconstpointer  data)
{
  Race race = { f->store, f->admin, f->communes[0], 2, 0 };
  GThread *threads[5];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("race", i < 2 ? race_writer : race_reader, &race);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);

  g_assert_cmpint (race.bad, ==, 0);
  g_assert_cmpint (banso_test_store_query_int (f->store, "SELECT count(*) FROM household_index"),
                   ==, 2 * RACE_ROUNDS);
  banso_test_assert_whole (f->store);
}

typedef struct
{
  const char *path;
  gint64      households;
  char       *error;
} Opener;

static gpointer
open_thread (gpointer data)
{
  Opener *o = data;
  g_autoptr(GError) error = NULL;
  BansoStore *store = banso_store_open (o->path, &error);

  if (store == NULL)
    {
      o->error = g_strdup (error->message);
      return NULL;
    }
  o->households = banso_test_store_query_int (store, "SELECT count(*) FROM household_index");
  banso_test_close_store (store);
  return NULL;
}

/* Another Banso opening the file while a bulk write has it waits for the
 * write instead of calling the file damaged. */
static void
test_open_during_bulk (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  Opener o = { banso_store_get_path (f->store), -1, NULL };
  GThread *thread;
  BansoTxn *txn;

  txn = banso_store_begin_bulk (f->store, f->admin, &error);
  g_assert_no_error (error);
  id = save_in (txn, f->communes[0], "Lò Văn Pơm");
  thread = g_thread_new ("opener", open_thread, &o);
  g_usleep (300 * 1000);
  banso_txn_commit (txn, &error);
  g_assert_no_error (error);
  g_thread_join (thread);

  g_assert_cmpstr (o.error, ==, NULL);
  g_assert_cmpint (o.households, ==, 1);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* What a power cut leaves in the middle of a write that spilled pages into
 * the file: @sql runs in a transaction of its own on @path with a tiny cache,
 * and copies of the file and its journal are taken in the folder
 * "after-crash" beside it before it is rolled back. Returns: the copy's path. */
static char *
copy_in_crash (const char *path,
               const char *sql)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *crash_dir = g_build_filename (dir, "after-crash", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *begin = g_strconcat ("PRAGMA journal_mode = DELETE; PRAGMA cache_size = 2;"
                                        "BEGIN EXCLUSIVE;", sql, NULL);
  char *crash_path = g_build_filename (crash_dir, base, NULL);
  g_autofree char *crash_journal = g_strconcat (crash_path, "-journal", NULL);
  sqlite3 *db = banso_test_raw_open (path);

  banso_test_raw_exec (db, begin);
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_mkdir (crash_dir, 0700), ==, 0);
  copy_file (path, crash_path);
  copy_file (journal, crash_journal);
  banso_test_raw_exec (db, "ROLLBACK");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return crash_path;
}

/* The power goes in the middle of a bulk write, after some of its pages went
 * into the file: the next start puts the file back as it was before it. */
static void
test_hot_journal (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = banso_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "banso.db", NULL);
  g_autofree char *crash_path = NULL;
  g_autofree char *crash_journal = NULL;
  g_autofree char *whole_before = NULL;
  g_autofree char *whole_after = NULL;
  BansoTestCounts before, after;
  BansoStore *store;

  store = banso_test_open_store (dir, "banso.db");
  banso_demo_generate (store, 300, 7, NULL, NULL, &error);
  g_assert_no_error (error);
  banso_test_get_counts (store, &before);
  whole_before = g_strdup_printf ("%" G_GINT64_FORMAT,
                                  banso_test_store_query_int (store, "SELECT sum (length (body)) FROM documents"));
  banso_test_close_store (store);

  crash_path = copy_in_crash (path, "UPDATE documents SET body = body || ' ';"
                                    "UPDATE household_index SET search = search || ' x';");
  crash_journal = g_strconcat (crash_path, "-journal", NULL);

  store = banso_store_open (crash_path, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (crash_journal, G_FILE_TEST_EXISTS));
  banso_test_get_counts (store, &after);
  banso_test_assert_same_counts (&before, &after);
  whole_after = g_strdup_printf ("%" G_GINT64_FORMAT,
                                 banso_test_store_query_int (store, "SELECT sum (length (body)) FROM documents"));
  g_assert_cmpstr (whole_after, ==, whole_before);
  g_assert_cmpint (banso_test_store_query_int (store, "SELECT count(*) FROM household_index"
                                                      " WHERE search LIKE '% x'"), ==, 0);
  banso_test_assert_whole (store);
  banso_test_close_store (store);

  banso_test_rm_rf (dir);
}

/* Another program's database cut short in the middle of a write is not put
 * back by Banso: that would change a file that is not its own. */
static void
test_hot_journal_other_program (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = banso_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "other.db", NULL);
  g_autofree char *crash_path = NULL;
  g_autofree char *crash_journal = NULL;
  g_autofree char *contents_before = NULL;
  g_autofree char *contents_after = NULL;
  gsize length_before, length_after;
  BansoStore *store;
  sqlite3 *db;

  db = banso_test_raw_open (path);
  banso_test_raw_exec (db, "PRAGMA application_id = 1234567;"
                           "CREATE TABLE t (x TEXT);"
                           "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)"
                           "  INSERT INTO t SELECT printf ('%0100d', i) FROM n;");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  crash_path = copy_in_crash (path, "UPDATE t SET x = x || x;");
  crash_journal = g_strconcat (crash_path, "-journal", NULL);

  g_file_get_contents (crash_path, &contents_before, &length_before, &error);
  g_assert_no_error (error);
  store = banso_store_open (crash_path, &error);
  g_assert_null (store);
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_NOT_BANSO);
  g_assert_nonnull (strstr (error->message, crash_path));
  g_assert_true (g_file_test (crash_journal, G_FILE_TEST_EXISTS));
  g_file_get_contents (crash_path, &contents_after, &length_after, NULL);
  g_assert_cmpmem (contents_after, length_after, contents_before, length_before);

  banso_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  BANSO_TEST_ADD ("/bulk/exclusive", test_exclusive);
  BANSO_TEST_ADD ("/bulk/exclusive-rollback", test_exclusive_rollback);
  BANSO_TEST_ADD ("/bulk/reader-in-use", test_reader_in_use);
  BANSO_TEST_ADD ("/bulk/one-after-another", test_one_after_another);
  BANSO_TEST_ADD ("/bulk/open-during-bulk", test_open_during_bulk);
  g_test_add_func ("/bulk/hot-journal", test_hot_journal);
  g_test_add_func ("/bulk/hot-journal-other-program", test_hot_journal_other_program);

  return g_test_run ();
}
