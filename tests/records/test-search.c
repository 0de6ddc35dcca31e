/* test-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The household search: every word in one person, heads of household first;
 * the prestige form's member search follows the same rules.
 */

#include "config.h"

#include <locale.h>

#include "banso-household-store.h"
#include "banso-member-search.h"
#include "banso-records.h"
#include "banso-store.h"
#include "banso-test-util.h"

typedef struct
{
  char       *dir;
  BansoStore *store;
  BansoUser  *admin;
  GStrv       communes;
  char       *tuan;      /* Dương Xuân Tuấn's household */
  char       *thang;     /* Lò Văn Thắng's */
  char       *wife;      /* a household where Lò Văn Thắng is not the head */
} Fixture;

static char *
save (Fixture        *f,
      BansoHousehold *h)
{
  banso_test_save_household (f->store, f->admin, h);
  return g_strdup (h->id);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(BansoHousehold) tuan = NULL;
  g_autoptr(BansoHousehold) wife = NULL;
  g_autoptr(BansoHousehold) thang = NULL;
  g_autoptr(BansoHousehold) other = NULL;

  f->store = banso_test_open_tmp_store (&f->dir, &f->admin);
  f->communes = banso_test_list_communes (f->store, "14", 1);

  tuan = banso_test_new_household (f->communes[0], "Dương Xuân Tuấn");
  banso_test_add_member (tuan, "Dương Văn Thắng", BANSO_SEX_MALE, "2001", "03", "child", NULL, NULL);
  banso_test_add_member (tuan, "Dương Quang Long", BANSO_SEX_MALE, "2004", "03", "child", NULL,
                         "0912345678");
  f->tuan = save (f, tuan);

  /* Saved before the head who matches, and ahead of him in the name order:
   * only the rank puts him first. */
  wife = banso_test_new_household (f->communes[0], "Cầm Thị Ban");
  banso_test_add_member (wife, "Lò Văn Thắng", BANSO_SEX_MALE, "1990", "03", "child", NULL, NULL);
  f->wife = save (f, wife);

  thang = banso_test_new_household (f->communes[0], "Lò Văn Thắng");
  f->thang = save (f, thang);

  other = banso_test_new_household (f->communes[0], "Lò Văn Pơm");
  banso_test_add_member (other, "Quàng Thị Thắng", BANSO_SEX_FEMALE, "1992", "03", "spouse", NULL, NULL);
  g_free (save (f, other));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_strfreev (f->communes);
  g_free (f->tuan);
  g_free (f->thang);
  g_free (f->wife);
  banso_test_close_tmp_store (f->store, f->admin, f->dir);
}

/* The ids of the list's rows for @search, in order, joined by spaces;
 * @commune filters as well when set. */
static char *
list_ids (Fixture    *f,
          const char *search,
          const char *commune,
          guint       offset,
          guint       limit,
          guint      *count)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoRecordFilter) filter = banso_record_filter_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) ids = g_string_new (NULL);
  sqlite3 *db = banso_store_acquire_reader (f->store, &error);

  g_assert_no_error (error);
  filter->search = g_strdup (search);
  filter->commune = g_strdup (commune);
  banso_records_count (db, BANSO_RECORD_KIND_HOUSEHOLD, filter, count, &error);
  g_assert_no_error (error);
  rows = banso_records_fetch (db, BANSO_RECORD_KIND_HOUSEHOLD, filter, offset, limit, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      if (ids->len)
        g_string_append_c (ids, ' ');
      g_string_append (ids, banso_record_row_get_id (g_ptr_array_index (rows, i)));
    }
  banso_store_release_reader (f->store, db);
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static void
test_spread (Fixture       *f,
             gconstpointer  data)
{
  const char *searches[] = { "duong quang thang", "tuan long", "Dương Quang Thắng" };

  for (guint c = 0; c < 2; c++)
    for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
      {
        guint count = 99;
        g_autofree char *ids = list_ids (f, searches[i], c ? f->communes[0] : NULL, 0, 50, &count);

        g_assert_cmpstr (ids, ==, "");
        g_assert_cmpuint (count, ==, 0);
      }

  /* The words of one member find the household, whoever says them. */
  for (guint c = 0; c < 2; c++)
    {
      const char *one[] = { "duong quang long", "DUONG VAN THANG", "tuan", "0912345678" };

      for (guint i = 0; i < G_N_ELEMENTS (one); i++)
        {
          guint count = 0;
          g_autofree char *ids = list_ids (f, one[i], c ? f->communes[0] : NULL, 0, 50, &count);

          g_assert_cmpstr (ids, ==, f->tuan);
          g_assert_cmpuint (count, ==, 1);
        }
    }
}

static void
test_head_first (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *both = g_strdup_printf ("%s %s", f->thang, f->wife);

  for (guint c = 0; c < 2; c++)
    {
      guint count = 0;
      g_autofree char *ids = list_ids (f, "lo van thang", c ? f->communes[0] : NULL, 0, 50, &count);
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;
      g_autofree char *past = NULL;

      g_assert_cmpstr (ids, ==, both);
      g_assert_cmpuint (count, ==, 2);

      /* Pages cut between the heads and the members, and past both. */
      first = list_ids (f, "lo van thang", c ? f->communes[0] : NULL, 0, 1, &count);
      second = list_ids (f, "lo van thang", c ? f->communes[0] : NULL, 1, 1, &count);
      past = list_ids (f, "lo van thang", c ? f->communes[0] : NULL, 2, 1, &count);
      g_assert_cmpstr (first, ==, f->thang);
      g_assert_cmpstr (second, ==, f->wife);
      g_assert_cmpstr (past, ==, "");
    }

  /* "thang": two heads do not match; Lò Văn Thắng heads his household and
   * three others have a member Thắng, listed after him. */
  {
    guint count = 0;
    g_autofree char *ids = list_ids (f, "thang", NULL, 0, 50, &count);

    g_assert_cmpuint (count, ==, 4);
    g_assert_true (g_str_has_prefix (ids, f->thang));
  }
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoHousehold) h = banso_test_load_household (f->store, f->tuan);
  BansoTxn *txn;
  guint count = 9;
  g_autofree char *ids = NULL;
  g_autofree char *after = NULL;

  /* An edit forgets the old persons' words. */
  g_free (((BansoMember *)g_ptr_array_index (h->members, 2))->name);
  ((BansoMember *)g_ptr_array_index (h->members, 2))->name = g_strdup ("Dương Quang Minh");
  banso_test_save_household (f->store, f->admin, h);
  ids = list_ids (f, "long", NULL, 0, 50, &count);
  g_assert_cmpstr (ids, ==, "");
  g_clear_pointer (&ids, g_free);
  ids = list_ids (f, "quang minh", NULL, 0, 50, &count);
  g_assert_cmpstr (ids, ==, f->tuan);

  txn = banso_store_begin (f->store, f->admin, &error);
  g_assert_no_error (error);
  banso_household_delete (txn, f->tuan, h->rev, NULL, &error);
  g_assert_no_error (error);
  banso_txn_commit (txn, &error);
  g_assert_no_error (error);

  after = list_ids (f, "duong", NULL, 0, 50, &count);
  g_assert_cmpstr (after, ==, "");
  g_assert_cmpuint (count, ==, 0);

  /* FTS5's own check: the index holds exactly the persons' texts. */
  g_assert_cmpint (banso_test_store_query_int (f->store,
                                               "SELECT count(*) FROM household_person"), ==, 5);
}

static void
test_members (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = banso_store_acquire_reader (f->store, &error);
  g_autoptr(GPtrArray) spread = NULL;
  g_autoptr(GPtrArray) thang = NULL;

  g_assert_no_error (error);
  spread = banso_household_find_members (db, "duong quang thang", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spread->len, ==, 0);

  thang = banso_household_find_members (db, "lo van thang", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (thang->len, ==, 2);
  g_assert_cmpstr (((BansoMemberMatch *)g_ptr_array_index (thang, 0))->household, ==, f->thang);
  g_assert_cmpstr (((BansoMemberMatch *)g_ptr_array_index (thang, 1))->household, ==, f->wife);
  g_assert_cmpstr (((BansoMemberMatch *)g_ptr_array_index (thang, 1))->name, ==, "Lò Văn Thắng");
  banso_store_release_reader (f->store, db);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/search/spread", Fixture, NULL, fixture_setup, test_spread, fixture_teardown);
  g_test_add ("/search/head-first", Fixture, NULL, fixture_setup, test_head_first, fixture_teardown);
  g_test_add ("/search/edit-delete", Fixture, NULL, fixture_setup, test_delete, fixture_teardown);
  g_test_add ("/search/members", Fixture, NULL, fixture_setup, test_members, fixture_teardown);

  return g_test_run ();
}
