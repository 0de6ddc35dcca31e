/* test-scope.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

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
  BansoStore *store;
  BansoUser  *admin;
  BansoUser  *official;   /* communes a and b */
  BansoUser  *culture;
  BansoUser  *trainer;
  char       *a, *b, *c;  /* three communes of Sơn La */
  char       *hanoi;      /* a commune of Hà Nội */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_auto(GStrv) son_la = NULL;
  g_auto(GStrv) hanoi = NULL;
  const char *scope[3];

  f->store = banso_test_open_tmp_store (&f->dir, &f->admin);

  son_la = banso_test_list_communes (f->store, "14", 3);
  hanoi = banso_test_list_communes (f->store, "01", 1);
  f->a = g_strdup (son_la[0]);
  f->b = g_strdup (son_la[1]);
  f->c = g_strdup (son_la[2]);
  f->hanoi = g_strdup (hanoi[0]);

  scope[0] = f->a;
  scope[1] = f->b;
  scope[2] = NULL;
  f->official = banso_test_add_official (f->store, f->admin, scope);
  g_assert_true (g_strv_equal (banso_user_get_communes (f->official), scope));
  f->culture = banso_test_add_user (f->store, f->admin, "culture", "Cầm Văn Khăm",
                                    BANSO_ROLE_CULTURAL_STAFF, NULL);
  f->trainer = banso_test_add_user (f->store, f->admin, "trainer", "Nguyễn Thu Hà",
                                    BANSO_ROLE_TRAINER, NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_object_unref (f->official);
  g_object_unref (f->culture);
  g_object_unref (f->trainer);
  banso_test_close_tmp_store (f->store, f->admin, f->dir);
  g_free (f->a);
  g_free (f->b);
  g_free (f->c);
  g_free (f->hanoi);
}

/* A poor household of @commune whose head has a citizen ID. */
static BansoHousehold *
new_household (const char *commune,
               const char *head)
{
  BansoHousehold *h = banso_test_new_household (commune, head);

  banso_household_get_head (h)->citizen_id = g_strdup ("014075123456");
  return h;
}

static BansoPrestige *
new_prestige (const char *commune,
              const char *name)
{
  BansoPrestige *p = banso_prestige_new ();

  p->commune = g_strdup (commune);
  p->name = g_strdup (name);
  p->ethnic = g_strdup ("08");
  p->year = 2024;
  p->influence = g_strdup ("Cả bản");
  return p;
}

/* The operations a test tries as some user, each in its own transaction. */
typedef enum
{
  OP_SAVE_HOUSEHOLD,
  OP_DELETE_HOUSEHOLD,
  OP_CREATE_VILLAGE,
  OP_SAVE_PRESTIGE,
  OP_DELETE_PRESTIGE,
} Op;

typedef struct
{
  Op              op;
  BansoHousehold *household;
  BansoPrestige  *prestige;
  const char     *commune;
  const char     *name;
} Write;

static gboolean
run_write (Fixture   *f,
           BansoUser *user,
           Write     *w,
           gboolean   commit_on_error,
           GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *rev = NULL;
  BansoTxn *txn;
  gboolean ok = FALSE;

  txn = banso_store_begin (f->store, user, &local_error);
  g_assert_no_error (local_error);

  switch (w->op)
    {
    case OP_SAVE_HOUSEHOLD:
      ok = banso_household_save (txn, w->household, BANSO_DOC_PUT_DEFAULT, &local_error);
      break;
    case OP_DELETE_HOUSEHOLD:
      ok = banso_household_delete (txn, w->household->id, w->household->rev, &rev, &local_error);
      if (ok)
        {
          g_free (w->household->rev);
          w->household->rev = g_steal_pointer (&rev);
        }
      break;
    case OP_CREATE_VILLAGE:
      id = banso_village_create (txn, w->commune, w->name, "ban", &local_error);
      ok = id != NULL;
      break;
    case OP_SAVE_PRESTIGE:
      ok = banso_prestige_save (txn, w->prestige, &local_error);
      break;
    case OP_DELETE_PRESTIGE:
      ok = banso_prestige_delete (txn, w->prestige->id, w->prestige->rev, &rev, &local_error);
      if (ok)
        {
          g_free (w->prestige->rev);
          w->prestige->rev = g_steal_pointer (&rev);
        }
      break;
    default:
      g_assert_not_reached ();
    }

  /* A refused write is committed anyway: whatever it wrote would stay. */
  if (ok || commit_on_error)
    {
      g_autoptr(GError) commit_error = NULL;
      banso_txn_commit (txn, &commit_error);
      g_assert_no_error (commit_error);
    }
  else
    {
      banso_txn_rollback (txn);
    }

  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

static void
assert_allowed (Fixture   *f,
                BansoUser *user,
                Write     *w)
{
  g_autoptr(GError) error = NULL;

  run_write (f, user, w, FALSE, &error);
  g_assert_no_error (error);
}

/* The write must fail with PERMISSION, name @commune, and leave every table as it was. */
static void
assert_refused (Fixture    *f,
                BansoUser  *user,
                Write      *w,
                const char *commune)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rev_before = NULL;
  BansoTestCounts before, after;

  if (w->household != NULL)
    rev_before = g_strdup (w->household->rev);
  else if (w->prestige != NULL)
    rev_before = g_strdup (w->prestige->rev);

  banso_test_get_counts (f->store, &before);
  g_assert_false (run_write (f, user, w, TRUE, &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, banso_user_get_name (user)));
  if (commune != NULL && strstr (error->message, commune) == NULL)
    g_error ("the message “%s” does not name commune %s", error->message, commune);
  banso_test_get_counts (f->store, &after);
  banso_test_assert_same_counts (&before, &after);

  /* The caller's record keeps its revision. */
  if (w->household != NULL)
    g_assert_cmpstr (w->household->rev, ==, rev_before);
  else if (w->prestige != NULL)
    g_assert_cmpstr (w->prestige->rev, ==, rev_before);
}

static char *
last_audit_user (Fixture    *f,
                 const char *doc_id)
{
  return banso_test_store_query_text (f->store, "SELECT user_id FROM audit WHERE doc_id = ?1"
                                                " ORDER BY entry DESC LIMIT 1", doc_id);
}

/* }}} */

static void
test_admin_anywhere (Fixture       *f,
                     gconstpointer  data)
{
  const char *communes[] = { f->a, f->c, f->hanoi };
  BansoTestCounts before, after;

  banso_test_get_counts (f->store, &before);
  for (guint i = 0; i < G_N_ELEMENTS (communes); i++)
    {
      g_autoptr(BansoHousehold) h = new_household (communes[i], "Lò Văn Pơm");
      g_autoptr(BansoPrestige) p = new_prestige (communes[i], "Giàng A Páo");
      Write save = { OP_SAVE_HOUSEHOLD, h, NULL, NULL, NULL };
      Write del = { OP_DELETE_HOUSEHOLD, h, NULL, NULL, NULL };
      Write village = { OP_CREATE_VILLAGE, NULL, NULL, communes[i], "Bản Mòng" };
      Write psave = { OP_SAVE_PRESTIGE, NULL, p, NULL, NULL };
      Write pdel = { OP_DELETE_PRESTIGE, NULL, p, NULL, NULL };

      assert_allowed (f, f->admin, &save);
      g_free (h->notes);
      h->notes = g_strdup ("Đã sửa");
      assert_allowed (f, f->admin, &save);
      assert_allowed (f, f->admin, &village);
      assert_allowed (f, f->admin, &psave);
      p->year = 2025;
      assert_allowed (f, f->admin, &psave);
      assert_allowed (f, f->admin, &pdel);
      assert_allowed (f, f->admin, &del);
    }
  banso_test_get_counts (f->store, &after);
  /* Per commune: a household, a village and a person, with 7 audit entries. */
  g_assert_cmpint (after.documents, ==, before.documents + 9);
  g_assert_cmpint (after.audit, ==, before.audit + 21);
  g_assert_cmpint (after.villages, ==, before.villages + 3);
  g_assert_cmpint (after.households, ==, before.households);
}

static void
test_official_in_scope (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(BansoHousehold) h = new_household (f->a, "Lò Văn Pơm");
  g_autoptr(BansoPrestige) p = new_prestige (f->b, "Giàng A Páo");
  g_autoptr(BansoHousehold) loaded = NULL;
  g_autofree char *user = NULL;
  Write save = { OP_SAVE_HOUSEHOLD, h, NULL, NULL, NULL };
  Write del = { OP_DELETE_HOUSEHOLD, h, NULL, NULL, NULL };
  Write village = { OP_CREATE_VILLAGE, NULL, NULL, f->b, "Bản Hụn" };
  Write psave = { OP_SAVE_PRESTIGE, NULL, p, NULL, NULL };
  Write pdel = { OP_DELETE_PRESTIGE, NULL, p, NULL, NULL };
  BansoTestCounts before, after;

  banso_test_get_counts (f->store, &before);

  /* Create, edit, move between two communes of the scope, delete. */
  assert_allowed (f, f->official, &save);
  user = last_audit_user (f, h->id);
  g_assert_cmpstr (user, ==, "official");
  g_free (h->address);
  h->address = g_strdup ("Tổ 5");
  assert_allowed (f, f->official, &save);
  g_free (h->commune);
  h->commune = g_strdup (f->b);
  assert_allowed (f, f->official, &save);
  loaded = banso_test_load_household (f->store, h->id);
  g_assert_cmpstr (loaded->commune, ==, f->b);
  g_assert_cmpstr (loaded->address, ==, "Tổ 5");
  assert_allowed (f, f->official, &del);

  /* A village, and a prestigious person, edited and removed. */
  assert_allowed (f, f->official, &village);
  assert_allowed (f, f->official, &psave);
  g_free (p->commune);
  p->commune = g_strdup (f->a);
  assert_allowed (f, f->official, &psave);
  assert_allowed (f, f->official, &pdel);

  banso_test_get_counts (f->store, &after);
  g_assert_cmpint (after.documents, ==, before.documents + 3);
  g_assert_cmpint (after.audit, ==, before.audit + 8);
  g_assert_cmpint (after.households, ==, before.households);
  g_assert_cmpint (after.villages, ==, before.villages + 1);
}

static void
test_official_out_of_scope (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(BansoHousehold) mine = new_household (f->c, "Lò Văn Pơm");
  g_autoptr(BansoHousehold) theirs = new_household (f->c, "Quàng Văn Inh");
  g_autoptr(BansoHousehold) hanoi = new_household (f->hanoi, "Nguyễn Văn Hùng");
  g_autoptr(BansoPrestige) p = new_prestige (f->c, "Giàng A Páo");
  g_autoptr(BansoPrestige) mine_p = new_prestige (f->c, "Sùng A Sử");
  g_autoptr(BansoHousehold) edited = NULL;
  Write save_mine = { OP_SAVE_HOUSEHOLD, mine, NULL, NULL, NULL };
  Write save_theirs = { OP_SAVE_HOUSEHOLD, theirs, NULL, NULL, NULL };
  Write save_hanoi = { OP_SAVE_HOUSEHOLD, hanoi, NULL, NULL, NULL };
  Write village = { OP_CREATE_VILLAGE, NULL, NULL, f->c, "Bản Lè" };
  Write psave = { OP_SAVE_PRESTIGE, NULL, p, NULL, NULL };
  Write mine_psave = { OP_SAVE_PRESTIGE, NULL, mine_p, NULL, NULL };
  Write pdel = { OP_DELETE_PRESTIGE, NULL, p, NULL, NULL };
  Write del_theirs = { OP_DELETE_HOUSEHOLD, NULL, NULL, NULL, NULL };
  Write save_edited = { OP_SAVE_HOUSEHOLD, NULL, NULL, NULL, NULL };

  /* Creating in commune c, or in another province. */
  assert_refused (f, f->official, &save_mine, f->c);
  g_assert_null (mine->id);
  assert_refused (f, f->official, &save_hanoi, f->hanoi);
  assert_refused (f, f->official, &village, f->c);
  assert_refused (f, f->official, &mine_psave, f->c);

  /* Editing and deleting what the administrator made there. */
  assert_allowed (f, f->admin, &save_theirs);
  assert_allowed (f, f->admin, &psave);

  edited = banso_test_load_household (f->store, theirs->id);
  g_free (edited->notes);
  edited->notes = g_strdup ("Sửa trái phép");
  save_edited.household = edited;
  assert_refused (f, f->official, &save_edited, f->c);
  del_theirs.household = theirs;
  assert_refused (f, f->official, &del_theirs, f->c);

  p->year = 2025;
  assert_refused (f, f->official, &psave, f->c);
  assert_refused (f, f->official, &pdel, f->c);
}

static void
test_official_move (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(BansoHousehold) outside = new_household (f->c, "Quàng Văn Inh");
  g_autoptr(BansoHousehold) inside = new_household (f->a, "Lò Văn Pơm");
  g_autoptr(BansoPrestige) p_outside = new_prestige (f->c, "Giàng A Páo");
  g_autoptr(BansoPrestige) p_inside = new_prestige (f->a, "Sùng A Sử");
  g_autoptr(BansoHousehold) moved = NULL;
  Write w = { OP_SAVE_HOUSEHOLD, NULL, NULL, NULL, NULL };
  Write pw = { OP_SAVE_PRESTIGE, NULL, NULL, NULL, NULL };

  w.household = outside;
  assert_allowed (f, f->admin, &w);
  w.household = inside;
  assert_allowed (f, f->admin, &w);
  pw.prestige = p_outside;
  assert_allowed (f, f->admin, &pw);
  pw.prestige = p_inside;
  assert_allowed (f, f->admin, &pw);

  /* Into the scope from commune c: the old commune counts too. */
  moved = banso_test_load_household (f->store, outside->id);
  g_free (moved->commune);
  moved->commune = g_strdup (f->a);
  w.household = moved;
  assert_refused (f, f->official, &w, f->c);
  g_clear_pointer (&moved, banso_household_free);

  /* Out of the scope into commune c. */
  moved = banso_test_load_household (f->store, inside->id);
  g_free (moved->commune);
  moved->commune = g_strdup (f->c);
  w.household = moved;
  assert_refused (f, f->official, &w, f->c);

  /* The same for prestigious persons. */
  g_free (p_outside->commune);
  p_outside->commune = g_strdup (f->b);
  pw.prestige = p_outside;
  assert_refused (f, f->official, &pw, f->c);
  g_free (p_inside->commune);
  p_inside->commune = g_strdup (f->c);
  pw.prestige = p_inside;
  assert_refused (f, f->official, &pw, f->c);

  /* Nothing moved. */
  g_clear_pointer (&moved, banso_household_free);
  moved = banso_test_load_household (f->store, outside->id);
  g_assert_cmpstr (moved->commune, ==, f->c);
  g_clear_pointer (&moved, banso_household_free);
  moved = banso_test_load_household (f->store, inside->id);
  g_assert_cmpstr (moved->commune, ==, f->a);
}

/* A household of commune c that the administrator removed must not come back,
 * moved into the official's commune, through a restore. */
static void
test_official_restore (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoHousehold) h = new_household (f->c, "Quàng Văn Inh");
  g_autoptr(BansoHousehold) copy = NULL;
  Write save = { OP_SAVE_HOUSEHOLD, NULL, NULL, NULL, NULL };
  Write del = { OP_DELETE_HOUSEHOLD, NULL, NULL, NULL, NULL };
  BansoTestCounts before, after;
  gboolean restored;

  save.household = h;
  del.household = h;
  assert_allowed (f, f->admin, &save);
  assert_allowed (f, f->admin, &del);
  g_assert_true (g_str_has_prefix (h->rev, "2-"));

  /* Restoring it where it was is out of scope. */
  copy = banso_household_copy (h);
  save.household = copy;
  assert_refused (f, f->official, &save, f->c);

  /* Restoring it into commune a, from the tombstone's revision. */
  g_free (copy->commune);
  copy->commune = g_strdup (f->a);
  banso_test_get_counts (f->store, &before);
  restored = run_write (f, f->official, &save, TRUE, &error);
  banso_test_get_counts (f->store, &after);
  if (restored)
    {
      g_test_fail_printf ("%s", "a commune official can restore a deleted household of another commune "
                         "into their own (banso_household_save() checks the old commune only "
                         "through household_index, which forgets deleted households)");
      return;
    }
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, f->c));
  banso_test_assert_same_counts (&before, &after);
}

static void
test_no_write_roles (Fixture       *f,
                     gconstpointer  data)
{
  BansoUser *users[] = { f->culture, f->trainer };
  g_autoptr(BansoHousehold) existing = new_household (f->a, "Lò Văn Pơm");
  g_autoptr(BansoPrestige) existing_p = new_prestige (f->a, "Giàng A Páo");
  Write w = { OP_SAVE_HOUSEHOLD, NULL, NULL, NULL, NULL };

  w.household = existing;
  assert_allowed (f, f->admin, &w);
  w.op = OP_SAVE_PRESTIGE;
  w.household = NULL;
  w.prestige = existing_p;
  assert_allowed (f, f->admin, &w);

  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    {
      g_autoptr(BansoHousehold) h = new_household (f->a, "Cầm Văn Khăm");
      g_autoptr(BansoPrestige) p = new_prestige (f->a, "Sùng A Sử");
      g_autoptr(BansoHousehold) edit = banso_test_load_household (f->store, existing->id);
      Write save = { OP_SAVE_HOUSEHOLD, h, NULL, NULL, NULL };
      Write save_edit = { OP_SAVE_HOUSEHOLD, edit, NULL, NULL, NULL };
      Write del = { OP_DELETE_HOUSEHOLD, existing, NULL, NULL, NULL };
      Write village = { OP_CREATE_VILLAGE, NULL, NULL, f->a, "Bản Nà" };
      Write psave = { OP_SAVE_PRESTIGE, NULL, p, NULL, NULL };
      Write pdel = { OP_DELETE_PRESTIGE, NULL, existing_p, NULL, NULL };

      g_free (edit->notes);
      edit->notes = g_strdup ("Sửa");
      assert_refused (f, users[i], &save, NULL);
      assert_refused (f, users[i], &save_edit, NULL);
      assert_refused (f, users[i], &del, NULL);
      assert_refused (f, users[i], &village, NULL);
      assert_refused (f, users[i], &psave, NULL);
      assert_refused (f, users[i], &pdel, NULL);
    }
}

static void
test_add_user (Fixture       *f,
               gconstpointer  data)
{
  BansoUser *users[] = { f->official, f->culture, f->trainer };
  const char *everywhere[] = { f->a, f->b, f->c, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(BansoUser) widened = NULL;
  BansoTestCounts before, after;

  banso_test_get_counts (f->store, &before);
  g_assert_cmpint (before.users, ==, 4);

  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    {
      g_autoptr(BansoUser) newcomer = banso_user_new ("newcomer", "Vì Văn Chanh",
                                                      BANSO_ROLE_COMMUNE_OFFICIAL, everywhere);
      g_autoptr(BansoUser) promoted = banso_user_new (banso_user_get_id (users[i]), "Tôi",
                                                      BANSO_ROLE_ADMIN, NULL);

      g_assert_false (banso_store_add_user (f->store, users[i], newcomer, &error));
      g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION);
      g_clear_error (&error);
      /* Nor give themselves more rights. */
      g_assert_false (banso_store_add_user (f->store, users[i], promoted, &error));
      g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION);
      g_clear_error (&error);
    }

  banso_test_get_counts (f->store, &after);
  banso_test_assert_same_counts (&before, &after);
  g_assert_null (banso_store_dup_user (f->store, "newcomer", &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  widened = banso_store_dup_user (f->store, "official", &error);
  g_assert_no_error (error);
  g_assert_cmpint (banso_user_get_role (widened), ==, BANSO_ROLE_COMMUNE_OFFICIAL);
  g_assert_cmpuint (g_strv_length ((char **)banso_user_get_communes (widened)), ==, 2);

  list = banso_store_list_users (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  /* The administrator comes first. */
  g_assert_cmpstr (banso_user_get_id (g_ptr_array_index (list, 0)), ==, "admin");
}

static void
test_import_out_of_scope (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoImportResult) result = NULL;
  g_autoptr(BansoImportResult) admin_result = NULL;
  g_autofree char *path = g_build_filename (f->dir, "ho-ngheo.csv", NULL);
  g_autofree char *csv = NULL;
  BansoImportProblem *problem;
  BansoTestCounts before, after;

  /* Line 5 is a household of commune c. */
  csv = g_strdup_printf ("household,commune_code,village,member_name,sex,birth,ethnic,relation,citizen_id\n"
                         "H1,%s,Bản Mòng,Lò Văn Pơm,Nam,1985,Thái,head,014085001234\n"
                         "H1,%s,Bản Mòng,Quàng Thị Ẻ,Nữ,1987,Thái,spouse,\n"
                         "H2,%s,,Giàng A Páo,Nam,1970,Mông,head,\n"
                         "H3,%s,Bản Lè,Cầm Văn Khăm,Nam,1979,Thái,head,\n"
                         "H4,%s,,Tòng Thị Un,Nữ,1990,Thái,head,\n",
                         f->a, f->a, f->b, f->c, f->a);
  g_file_set_contents (path, csv, -1, &error);
  g_assert_no_error (error);

  banso_test_get_counts (f->store, &before);
  result = banso_household_import_csv (f->store, f->official, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->households, ==, 0);
  g_assert_cmpuint (result->members, ==, 0);
  g_assert_cmpuint (result->villages, ==, 0);
  g_assert_cmpuint (result->problems->len, >=, 1);
  problem = g_ptr_array_index (result->problems, 0);
  g_assert_cmpuint (problem->line, ==, 5);
  g_assert_cmpstr (problem->column, ==, "commune_code");
  g_assert_nonnull (strstr (problem->message, f->c));
  for (guint i = 0; i < result->problems->len; i++)
    g_assert_cmpuint (((BansoImportProblem *)g_ptr_array_index (result->problems, i))->line, ==, 5);
  banso_test_get_counts (f->store, &after);
  banso_test_assert_same_counts (&before, &after);

  /* The file is otherwise fine: the administrator imports all of it. */
  admin_result = banso_household_import_csv (f->store, f->admin, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (admin_result->problems->len, ==, 0);
  g_assert_cmpuint (admin_result->households, ==, 4);
  g_assert_cmpuint (admin_result->members, ==, 5);
  g_assert_cmpuint (admin_result->villages, ==, 2);
  banso_test_get_counts (f->store, &after);
  g_assert_cmpint (after.households, ==, before.households + 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  BANSO_TEST_ADD ("/scope/admin-anywhere", test_admin_anywhere);
  BANSO_TEST_ADD ("/scope/official/in-scope", test_official_in_scope);
  BANSO_TEST_ADD ("/scope/official/out-of-scope", test_official_out_of_scope);
  BANSO_TEST_ADD ("/scope/official/move", test_official_move);
  BANSO_TEST_ADD ("/scope/official/restore", test_official_restore);
  BANSO_TEST_ADD ("/scope/no-write-roles", test_no_write_roles);
  BANSO_TEST_ADD ("/scope/add-user", test_add_user);
  BANSO_TEST_ADD ("/scope/import", test_import_out_of_scope);

  return g_test_run ();
}
