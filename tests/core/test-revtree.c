/* test-revtree.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Revision trees as replication builds them: winners, conflicts, bodiless ancestors,
 * tombstones and resolution, without a server.
 */

#include "config.h"

#include "banso-check.h"
#include "banso-household-store.h"
#include "banso-revtree.h"
#include "banso-test-util.h"

#define COMMUNE "03646"

typedef struct
{
  char       *dir;
  BansoStore *store;
  BansoUser  *admin;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = banso_test_open_tmp_store (&f->dir, &f->admin);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  banso_test_close_tmp_store (f->store, f->admin, f->dir);
}

static char *
household_body (const char *head)
{
  g_autoptr(BansoHousehold) h = banso_test_new_household (COMMUNE, head);
  return banso_test_household_json (h);
}

static void
apply (Fixture            *f,
       const char         *id,
       const char * const *ancestry,
       gboolean            deleted,
       const char         *body,
       gboolean            expect_applied)
{
  g_autoptr(GError) error = NULL;
  gboolean applied = !expect_applied;
  BansoTxn *txn = banso_store_begin (f->store, f->admin, &error);

  g_assert_no_error (error);
  g_assert_true (banso_revtree_apply (txn, id, "household", ancestry, deleted, body, NULL,
                                      &applied, &error));
  g_assert_no_error (error);
  g_assert_true (banso_txn_commit (txn, &error));
  g_assert_no_error (error);
  g_assert_cmpint (applied, ==, expect_applied);
}

static char *
winner (Fixture    *f,
        const char *id)
{
  return banso_test_store_query_text (f->store, "SELECT rev FROM documents WHERE id = ?1", id);
}

static gint64
n_conflicts (Fixture *f)
{
  return banso_test_store_query_int (f->store, "SELECT count(*) FROM conflicts");
}

static gint64
n_listed (Fixture *f)
{
  return banso_test_store_query_int (f->store, "SELECT count(*) FROM household_index");
}


static void
test_winner_rule (void)
{
  /* Live beats deleted, then generation, then the greater hash. */
  g_assert_cmpint (banso_revision_compare ("1-a", FALSE, "5-z", TRUE), >, 0);
  g_assert_cmpint (banso_revision_compare ("3-a", FALSE, "2-z", FALSE), >, 0);
  g_assert_cmpint (banso_revision_compare ("10-a", FALSE, "9-z", FALSE), >, 0);
  g_assert_cmpint (banso_revision_compare ("2-b", FALSE, "2-a", FALSE), >, 0);
  g_assert_cmpint (banso_revision_compare ("2-a", FALSE, "2-a", FALSE), ==, 0);
}

static void
test_new_and_repeated (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *body = household_body ("Lò Văn Pơm");
  const char *chain[] = { "3-ccc", "2-bbb", "1-aaa", NULL };
  g_auto(GStrv) ancestry = NULL;
  g_autofree char *rev = NULL;

  apply (f, "h1", chain, FALSE, body, TRUE);
  /* A retried batch brings the same revision again: nothing changes. */
  apply (f, "h1", chain, FALSE, body, FALSE);

  rev = winner (f, "h1");
  g_assert_cmpstr (rev, ==, "3-ccc");
  g_assert_cmpint (n_listed (f), ==, 1);
  g_assert_cmpint (banso_test_store_query_int (f->store, "SELECT count(*) FROM revisions WHERE bodiless = 1"), ==, 2);

  /* The history goes back out as it came in, bodiless ancestors included. */
  {
    sqlite3 *db = banso_store_acquire_reader (f->store, NULL);
    sqlite3_stmt *knows = banso_revtree_prepare_knows (db, NULL);

    ancestry = banso_revtree_ancestry (db, "h1", "3-ccc", 100, NULL);
    g_assert_true (banso_revtree_knows (knows, "h1", "3-ccc"));
    g_assert_true (banso_revtree_knows (knows, "h1", "1-aaa"));
    g_assert_false (banso_revtree_knows (knows, "h1", "4-ddd"));
    sqlite3_finalize (knows);
    banso_store_release_reader (f->store, db);
  }
  g_assert_cmpstrv (ancestry, ((const char *[]){ "3-ccc", "2-bbb", "1-aaa", NULL }));
  banso_test_assert_whole (f->store);
}

static void
test_conflict_and_resolve (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *a = household_body ("Lò Văn Pơm");
  g_autofree char *b = household_body ("Lò Văn Pom");
  g_autofree char *merged = household_body ("Lò Văn Pơm (merged)");
  g_autoptr(GPtrArray) leaves = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rev = NULL;
  sqlite3 *db;
  BansoTxn *txn;

  apply (f, "h1", (const char *[]){ "1-aaa", NULL }, FALSE, a, TRUE);
  /* Two offices edit the same household offline. */
  apply (f, "h1", (const char *[]){ "2-bbb", "1-aaa", NULL }, FALSE, a, TRUE);
  apply (f, "h1", (const char *[]){ "2-ccc", "1-aaa", NULL }, FALSE, b, TRUE);

  rev = winner (f, "h1");
  g_assert_cmpstr (rev, ==, "2-ccc");
  g_assert_cmpint (n_conflicts (f), ==, 1);
  g_assert_cmpint (n_listed (f), ==, 1);

  db = banso_store_acquire_reader (f->store, NULL);
  leaves = banso_revtree_leaves (db, "h1", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (leaves->len, ==, 2);
  g_assert_cmpstr (((BansoRevision *)g_ptr_array_index (leaves, 0))->rev, ==, "2-ccc");
  g_assert_cmpstr (((BansoRevision *)g_ptr_array_index (leaves, 1))->rev, ==, "2-bbb");
  g_assert_cmpstr (((BansoRevision *)g_ptr_array_index (leaves, 1))->body, ==, a);
  list = banso_conflicts_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((BansoConflictInfo *)g_ptr_array_index (list, 0))->id, ==, "h1");
  banso_store_release_reader (f->store, db);

  /* Removing a record in conflict is refused: the other version would win unseen. */
  txn = banso_store_begin (f->store, f->admin, &error);
  g_assert_false (banso_household_delete (txn, "h1", "2-ccc", NULL, &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  banso_txn_rollback (txn);

  /* A stale winner is refused; the right one resolves. */
  txn = banso_store_begin (f->store, f->admin, &error);
  g_assert_false (banso_revtree_resolve (txn, "h1", "2-bbb", merged, &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (banso_revtree_resolve (txn, "h1", "2-ccc", merged, &error));
  g_assert_no_error (error);
  g_assert_true (banso_txn_commit (txn, &error));

  g_assert_cmpint (n_conflicts (f), ==, 0);
  g_free (rev);
  rev = winner (f, "h1");
  g_assert_cmpuint (banso_revision_generation (rev), ==, 3);
  {
    g_autoptr(BansoHousehold) h = banso_test_load_household (f->store, "h1");
    g_assert_cmpstr (banso_household_get_head (h)->name, ==, "Lò Văn Pơm (merged)");
  }
  /* The losing leaf now ends in a tombstone: a live leaf and a deleted one. */
  db = banso_store_acquire_reader (f->store, NULL);
  g_clear_pointer (&leaves, g_ptr_array_unref);
  leaves = banso_revtree_leaves (db, "h1", FALSE, &error);
  banso_store_release_reader (f->store, db);
  g_assert_cmpuint (leaves->len, ==, 2);
  g_assert_false (((BansoRevision *)g_ptr_array_index (leaves, 0))->deleted);
  g_assert_true (((BansoRevision *)g_ptr_array_index (leaves, 1))->deleted);
  g_assert_cmpint (banso_test_store_query_int (f->store, "SELECT count(*) FROM audit WHERE action = 'resolve'"), ==, 1);
  banso_test_assert_whole (f->store);
}

static void
test_remote_delete (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *a = household_body ("Giàng A Páo");
  g_autofree char *rev = NULL;

  apply (f, "h2", (const char *[]){ "1-aaa", NULL }, FALSE, a, TRUE);
  g_assert_cmpint (n_listed (f), ==, 1);

  /* A tombstone from the server removes the household from the lists. */
  apply (f, "h2", (const char *[]){ "2-ddd", "1-aaa", NULL }, TRUE, "{}", TRUE);
  g_assert_cmpint (n_listed (f), ==, 0);
  g_assert_cmpint (banso_test_store_query_int (f->store, "SELECT deleted FROM documents WHERE id = 'h2'"), ==, 1);

  /* A live conflicting branch beats the tombstone and brings it back. */
  apply (f, "h2", (const char *[]){ "2-aaa", "1-aaa", NULL }, FALSE, a, TRUE);
  rev = winner (f, "h2");
  g_assert_cmpstr (rev, ==, "2-aaa");
  g_assert_cmpint (n_listed (f), ==, 1);
  /* A deleted leaf is not a conflict to show. */
  g_assert_cmpint (n_conflicts (f), ==, 0);
  banso_test_assert_whole (f->store);
}

static void
test_local_edit_then_remote (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(BansoHousehold) h = banso_test_new_household (COMMUNE, "Sùng A Chớ");
  g_autofree char *body = household_body ("Sùng A Chớ");
  g_auto(GStrv) ancestry = NULL;
  const char *chain[4] = { NULL };
  g_autofree char *child = NULL;
  sqlite3 *db;

  banso_test_save_household (f->store, f->admin, h);
  db = banso_store_acquire_reader (f->store, NULL);
  ancestry = banso_revtree_ancestry (db, h->id, h->rev, 10, NULL);
  banso_store_release_reader (f->store, db);
  g_assert_cmpuint (g_strv_length (ancestry), ==, 1);

  /* The server's next revision of our own record fast-forwards it. */
  child = g_strdup_printf ("2-%s", "eee");
  chain[0] = child;
  chain[1] = h->rev;
  apply (f, h->id, chain, FALSE, body, TRUE);
  g_assert_cmpint (n_conflicts (f), ==, 0);
  {
    g_autofree char *rev = winner (f, h->id);
    g_assert_cmpstr (rev, ==, child);
  }
  banso_test_assert_whole (f->store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/revtree/winner-rule", test_winner_rule);
  BANSO_TEST_ADD ("/revtree/new-and-repeated", test_new_and_repeated);
  BANSO_TEST_ADD ("/revtree/conflict-and-resolve", test_conflict_and_resolve);
  BANSO_TEST_ADD ("/revtree/remote-delete", test_remote_delete);
  BANSO_TEST_ADD ("/revtree/local-edit-then-remote", test_local_edit_then_remote);

  return g_test_run ();
}
