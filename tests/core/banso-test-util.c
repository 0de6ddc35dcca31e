/* banso-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "banso-household-store.h"
#include "banso-reference.h"
#include "banso-check.h"
#include "banso-test-util.h"

/* Files and folders {{{ */

void
banso_test_rm_rf (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      GDir *dir = g_dir_open (path, 0, NULL);
      const char *name;

      if (dir != NULL)
        {
          while ((name = g_dir_read_name (dir)) != NULL)
            {
              g_autofree char *child = g_build_filename (path, name, NULL);
              banso_test_rm_rf (child);
            }
          g_dir_close (dir);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

/* A new folder named after the test program: banso-test-store-XXXXXX. */
char *
banso_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_path_get_basename (g_get_prgname () != NULL ? g_get_prgname () : "test");
  g_autofree char *template = g_strdup_printf ("banso-%s-XXXXXX", program);
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return dir;
}

/* }}} */

/* Stores {{{ */

/* Waits until a weak pointer, which another thread may clear, is NULL. */
void
banso_test_wait_for_null (gpointer   *location,
                          const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (g_atomic_pointer_get (location) != NULL)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for %s", what);
    }
}

BansoStore *
banso_test_open_store (const char *dir,
                       const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  BansoStore *store = banso_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (BANSO_IS_STORE (store));
  return store;
}

/* Drops the last reference and checks that the store is really gone, so that
 * the database is closed before the next step looks at the file. */
void
banso_test_close_store (BansoStore *store)
{
  GObject *object = G_OBJECT (store);

  g_object_add_weak_pointer (object, (gpointer *)&object);
  g_object_unref (store);
  banso_test_wait_for_null ((gpointer *)&object, "the store to be closed");
}

/* Opens banso.db in a new folder; @dir and @admin get the folder and the
 * store's administrator. */
BansoStore *
banso_test_open_tmp_store (char      **dir,
                           BansoUser **admin)
{
  BansoStore *store;

  *dir = banso_test_make_tmpdir ();
  store = banso_test_open_store (*dir, "banso.db");
  *admin = banso_test_dup_admin (store);
  return store;
}

/* Undoes banso_test_open_tmp_store(): drops @admin, closes @store, then
 * removes and frees @dir. */
void
banso_test_close_tmp_store (BansoStore *store,
                            BansoUser  *admin,
                            char       *dir)
{
  g_object_unref (admin);
  banso_test_close_store (store);
  banso_test_rm_rf (dir);
  g_free (dir);
}

BansoUser *
banso_test_dup_admin (BansoStore *store)
{
  g_autoptr(GError) error = NULL;
  BansoUser *admin = banso_store_dup_admin (store, &error);

  g_assert_no_error (error);
  g_assert_cmpint (banso_user_get_role (admin), ==, BANSO_ROLE_ADMIN);
  return admin;
}

/* Adds a user as @admin and returns it as the database has it, scope included. */
BansoUser *
banso_test_add_user (BansoStore         *store,
                     BansoUser          *admin,
                     const char         *id,
                     const char         *name,
                     BansoRole           role,
                     const char * const *communes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoUser) user = banso_user_new (id, name, role, communes);
  BansoUser *stored;

  banso_store_add_user (store, admin, user, &error);
  g_assert_no_error (error);

  stored = banso_store_dup_user (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (banso_user_get_role (stored), ==, role);
  g_assert_cmpstr (banso_user_get_name (stored), ==, name);
  return stored;
}

/* "official", Lò Thị Xuân, a commune official of @communes. */
BansoUser *
banso_test_add_official (BansoStore         *store,
                         BansoUser          *admin,
                         const char * const *communes)
{
  return banso_test_add_user (store, admin, "official", "Lò Thị Xuân",
                              BANSO_ROLE_COMMUNE_OFFICIAL, communes);
}

/* The codes of the first @n communes of @province, in the reference order. */
GStrv
banso_test_list_communes (BansoStore *store,
                          const char *province,
                          guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) communes = NULL;
  GStrvBuilder *builder = g_strv_builder_new ();
  sqlite3 *db = banso_store_acquire_reader (store, &error);
  GStrv result;

  g_assert_no_error (error);
  communes = banso_reference_list_communes (db, province, &error);
  g_assert_no_error (error);
  banso_store_release_reader (store, db);
  g_assert_cmpuint (communes->len, >=, n);
  for (guint i = 0; i < n; i++)
    g_strv_builder_add (builder, ((BansoRefItem *)g_ptr_array_index (communes, i))->code);
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

/* }}} */

/* Raw SQL {{{ */

/* A connection of the test's own, as any program on the machine could open. */
sqlite3 *
banso_test_raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  sqlite3_extended_result_codes (db, 1);
  return db;
}

void
banso_test_raw_exec (sqlite3    *db,
                     const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* The first column of the first row of @sql, which must have one. */
gint64
banso_test_query_int (sqlite3    *db,
                      const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

gint64
banso_test_store_query_int (BansoStore *store,
                            const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = banso_store_acquire_reader (store, &error);
  gint64 value;

  g_assert_no_error (error);
  value = banso_test_query_int (db, sql);
  banso_store_release_reader (store, db);
  return value;
}

/* The text of the first column of the first row of @sql, with @param bound to
 * ?1; NULL if there is no row. */
char *
banso_test_store_query_text (BansoStore *store,
                             const char *sql,
                             const char *param)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = banso_store_acquire_reader (store, &error);
  char *text = NULL;

  g_assert_no_error (error);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_bind_text (stmt, 1, param, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);
  banso_store_release_reader (store, db);
  return text;
}

void
banso_test_get_counts (BansoStore      *store,
                       BansoTestCounts *counts)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = banso_store_acquire_reader (store, &error);

  g_assert_no_error (error);
  counts->documents = banso_test_query_int (db, "SELECT count(*) FROM documents");
  counts->audit = banso_test_query_int (db, "SELECT count(*) FROM audit");
  counts->revisions = banso_test_query_int (db, "SELECT count(*) FROM revisions");
  counts->households = banso_test_query_int (db, "SELECT count(*) FROM household_index");
  counts->villages = banso_test_query_int (db, "SELECT count(*) FROM village_index");
  counts->prestige = banso_test_query_int (db, "SELECT count(*) FROM prestige_index");
  counts->users = banso_test_query_int (db, "SELECT count(*) FROM users");
  banso_store_release_reader (store, db);
}

void
banso_test_assert_same_counts (const BansoTestCounts *a,
                               const BansoTestCounts *b)
{
  g_assert_cmpint (a->documents, ==, b->documents);
  g_assert_cmpint (a->audit, ==, b->audit);
  g_assert_cmpint (a->revisions, ==, b->revisions);
  g_assert_cmpint (a->households, ==, b->households);
  g_assert_cmpint (a->villages, ==, b->villages);
  g_assert_cmpint (a->prestige, ==, b->prestige);
  g_assert_cmpint (a->users, ==, b->users);
}

/* }}} */

/* Households {{{ */

BansoMember *
banso_test_add_member (BansoHousehold *h,
                       const char     *name,
                       BansoSex        sex,
                       const char     *birth,
                       const char     *ethnic,
                       const char     *relation,
                       const char     *citizen_id,
                       const char     *phone)
{
  BansoMember *m = banso_household_add_member (h);

  m->name = g_strdup (name);
  m->sex = sex;
  m->birth = g_strdup (birth);
  m->ethnic = g_strdup (ethnic);
  m->relation = g_strdup (relation);
  m->citizen_id = g_strdup (citizen_id);
  m->phone = g_strdup (phone);
  return m;
}

/* A poor household of @commune with its head alone. */
BansoHousehold *
banso_test_new_household (const char *commune,
                          const char *head)
{
  BansoHousehold *h = banso_household_new ();

  h->commune = g_strdup (commune);
  banso_test_add_member (h, head, BANSO_SEX_MALE, "1975", "03", "head", NULL, NULL);
  banso_household_set_poverty (h, 2025, BANSO_POVERTY_POOR);
  return h;
}

char *
banso_test_household_json (const BansoHousehold *h)
{
  GString *out = g_string_new (NULL);

  banso_household_to_json (h, out);
  return g_string_free (out, FALSE);
}

/* Saves @h as @user in a transaction of its own. */
void
banso_test_save_household (BansoStore     *store,
                           BansoUser      *user,
                           BansoHousehold *h)
{
  g_autoptr(GError) error = NULL;
  BansoTxn *txn = banso_store_begin (store, user, &error);

  g_assert_no_error (error);
  banso_household_save (txn, h, BANSO_DOC_PUT_DEFAULT, &error);
  g_assert_no_error (error);
  banso_txn_commit (txn, &error);
  g_assert_no_error (error);
}

BansoHousehold *
banso_test_load_household (BansoStore *store,
                           const char *id)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = banso_store_acquire_reader (store, &error);
  BansoHousehold *h;

  g_assert_no_error (error);
  h = banso_household_load (db, id, &error);
  g_assert_no_error (error);
  banso_store_release_reader (store, db);
  return h;
}

/* }}} */

/* The store's own checks find nothing: integrity, keys, audit log, indexes. */
void
banso_test_assert_whole (BansoStore *store)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_true (banso_store_check (store, problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s\n", (char *)g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}
