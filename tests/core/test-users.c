/* test-users.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "banso-check.h"
#include "banso-demo.h"
#include "banso-password.h"
#include "banso-schema.h"
#include "banso-test-util.h"
#include "banso-user-store.h"

/* Helpers {{{ */

typedef struct
{
  char       *dir;
  BansoStore *store;
  BansoUser  *system;
  BansoUser  *head;       /* the first administrator, "quantri" */
  GStrv       communes;   /* the first three of Sơn La */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = banso_test_open_tmp_store (&f->dir, &f->system);
  f->communes = banso_test_list_communes (f->store, "14", 3);
  f->head = banso_store_create_first_admin (f->store, "quantri", "Hoàng Văn Minh", "mật khẩu 1",
                                            &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->head);
  g_strfreev (f->communes);
  banso_test_close_tmp_store (f->store, f->system, f->dir);
}

static BansoUserEvent *
last_event (BansoStore *store,
            const char *login,
            guint      *n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = banso_store_list_user_events (store, login, &error);
  BansoUserEvent *event;

  g_assert_no_error (error);
  g_assert_cmpuint (events->len, >, 0);
  if (n != NULL)
    *n = events->len;
  event = g_ptr_array_steal_index (events, events->len - 1);
  return event;
}

static void
assert_last_event (BansoStore *store,
                   const char *login,
                   const char *actor,
                   const char *action,
                   const char *detail)
{
  g_autoptr(BansoUserEvent) event = last_event (store, login, NULL);

  g_assert_cmpstr (event->login, ==, login);
  g_assert_cmpstr (event->actor, ==, actor);
  g_assert_cmpstr (event->action, ==, action);
  if (detail != NULL)
    g_assert_cmpstr (event->detail, ==, detail);
  g_assert_true (g_str_has_suffix (event->at, "Z"));
}

static guint
count_events (BansoStore *store)
{
  g_autoptr(GPtrArray) events = banso_store_list_user_events (store, NULL, NULL);
  return events->len;
}

/* }}} */

/* The hash {{{ */

static void
test_hash (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = banso_password_hash ("Bản Số 2026", &error);
  g_autofree char *b = NULL;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (a, "$argon2id$"));
  g_assert_null (strstr (a, "Bản Số 2026"));
  g_assert_null (strstr (a, "2026"));
  g_assert_true (banso_password_verify (a, "Bản Số 2026"));
  g_assert_false (banso_password_verify (a, "Ban So 2026"));
  g_assert_false (banso_password_verify (a, "Bản Số 2026 "));
  g_assert_false (banso_password_verify (a, ""));
  g_assert_false (banso_password_verify (NULL, "Bản Số 2026"));

  /* A new salt each time: the same password never gives the same string. */
  b = banso_password_hash ("Bản Số 2026", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a, !=, b);
  g_assert_true (banso_password_verify (b, "Bản Số 2026"));

  /* Too short, or only spaces. */
  g_assert_null (banso_password_hash ("abc", &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "4"));
  g_clear_error (&error);
  g_assert_null (banso_password_hash ("      ", &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID);
}

static void
test_login_names (void)
{
  const char *good[] = { "quantri", "lo.thi.xuan", "cb_xa-01", "ab", NULL };
  const char *bad[] = { "", "a", "Quantri", "lò", "1abc", "has space", "admin",
                        "abcdefghijabcdefghijabcdefghijabc", NULL };

  for (guint i = 0; good[i]; i++)
    g_assert_true (banso_login_name_check (good[i], NULL));
  for (guint i = 0; bad[i]; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (banso_login_name_check (bad[i], &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
}

/* }}} */

/* The first administrator {{{ */

static void
test_first_admin (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(BansoUser) system = NULL;
  g_autoptr(BansoUser) head = NULL;
  g_autoptr(BansoUser) again = NULL;
  g_autoptr(BansoUser) logged = NULL;
  g_autofree char *hash = NULL;
  BansoStore *store = banso_test_open_tmp_store (&dir, &system);

  /* A new database: only the system account, which cannot log in. */
  g_assert_true (banso_store_needs_first_admin (store, &error));
  g_assert_no_error (error);
  g_assert_true (banso_user_is_system (system));
  g_assert_false (banso_user_get_has_password (system));
  g_assert_null (banso_store_log_in (store, "admin", "", &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  assert_last_event (store, "admin", NULL, "login-failed", "no password");

  /* Its name is taken; a bad password is refused and nothing is written. */
  g_assert_null (banso_store_create_first_admin (store, "admin", "X", "secret", &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_null (banso_store_create_first_admin (store, "quantri", "Hoàng Văn Minh", "abc", &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (banso_store_needs_first_admin (store, NULL));

  head = banso_store_create_first_admin (store, "quantri", "  Hoàng Văn Minh ", "mật khẩu 1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (banso_user_get_id (head), ==, "quantri");
  g_assert_cmpint (banso_user_get_role (head), ==, BANSO_ROLE_ADMIN);
  g_assert_false (banso_store_needs_first_admin (store, NULL));
  assert_last_event (store, "quantri", "admin", "create", "first administrator; admin");

  /* Stored as a hash, never as the password. */
  hash = banso_test_store_query_text (store, "SELECT password_hash FROM users WHERE id = ?1",
                                      "quantri");
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_null (strstr (hash, "mật khẩu"));
  g_assert_cmpint (banso_test_store_query_int (store, "SELECT count(*) FROM users"
                                                      " WHERE name = 'Hoàng Văn Minh'"), ==, 1);

  /* Only once. */
  again = banso_store_create_first_admin (store, "khac", "Người Khác", "secret", &error);
  g_assert_null (again);
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpint (banso_test_store_query_int (store, "SELECT count(*) FROM users"), ==, 2);

  logged = banso_store_log_in (store, " QuanTri ", "mật khẩu 1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (banso_user_get_name (logged), ==, "Hoàng Văn Minh");
  assert_last_event (store, "quantri", "quantri", "login", "");

  banso_test_assert_whole (store);
  banso_test_close_tmp_store (store, g_steal_pointer (&system), g_steal_pointer (&dir));
}

/* }}} */

/* Logging in {{{ */

static void
test_log_in (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoUser) user = NULL;
  guint before = count_events (f->store);

  user = banso_store_log_in (f->store, "quantri", "mật khẩu 2", &error);
  g_assert_null (user);
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION);
  g_assert_cmpstr (error->message, ==, "The login name or the password is wrong.");
  g_clear_error (&error);
  assert_last_event (f->store, "quantri", NULL, "login-failed", "wrong password");

  /* The same message for a name nobody has: it does not tell which was wrong. */
  g_assert_null (banso_store_log_in (f->store, "nobody", "mật khẩu 1", &error));
  g_assert_cmpstr (error->message, ==, "The login name or the password is wrong.");
  g_clear_error (&error);
  assert_last_event (f->store, "nobody", NULL, "login-failed", "unknown login");

  user = banso_store_log_in (f->store, "quantri", "mật khẩu 1", &error);
  g_assert_no_error (error);
  g_assert_nonnull (user);
  assert_last_event (f->store, "quantri", "quantri", "login", NULL);

  g_assert_true (banso_store_log_user_event (f->store, user, "lock", &error));
  g_assert_no_error (error);
  assert_last_event (f->store, "quantri", "quantri", "lock", NULL);
  g_assert_true (banso_store_log_user_event (f->store, user, "logout", &error));
  assert_last_event (f->store, "quantri", "quantri", "logout", NULL);
  g_assert_cmpuint (count_events (f->store), ==, before + 5);
}

/* }}} */

/* Adding, changing and disabling {{{ */

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *scope[] = { f->communes[0], f->communes[1], NULL };
  const char *bad_scope[] = { f->communes[0], "99999", NULL };
  g_autoptr(BansoUser) official = banso_user_new ("xuan", "Lò Thị Xuân",
                                                  BANSO_ROLE_COMMUNE_OFFICIAL, scope);
  g_autoptr(BansoUser) nowhere = banso_user_new ("nowhere", "Lò Văn A",
                                                 BANSO_ROLE_COMMUNE_OFFICIAL, NULL);
  g_autoptr(BansoUser) wrong = banso_user_new ("wrong", "Lò Văn B",
                                               BANSO_ROLE_COMMUNE_OFFICIAL, bad_scope);
  g_autoptr(BansoUser) nameless = banso_user_new ("nameless", "  ", BANSO_ROLE_TRAINER, NULL);
  g_autoptr(BansoUser) words = banso_user_new ("words", "Lường Văn Chữ",
                                               BANSO_ROLE_LEXICOGRAPHER, NULL);
  g_autoptr(BansoUser) stored = NULL;
  g_autoptr(BansoUser) logged = NULL;
  g_autoptr(GPtrArray) users = NULL;
  BansoTestCounts counts, after;

  g_assert_true (banso_store_create_user (f->store, f->head, official, "xuan-2026", &error));
  g_assert_no_error (error);
  assert_last_event (f->store, "xuan", "quantri", "create", NULL);
  {
    g_autoptr(BansoUserEvent) event = last_event (f->store, "xuan", NULL);
    g_autofree char *want = g_strdup_printf ("commune-official %s %s", scope[0], scope[1]);
    g_assert_cmpstr (event->detail, ==, want);
  }

  stored = banso_store_dup_user (f->store, "xuan", &error);
  g_assert_no_error (error);
  g_assert_cmpint (banso_user_get_role (stored), ==, BANSO_ROLE_COMMUNE_OFFICIAL);
  g_assert_cmpuint (g_strv_length ((char **)banso_user_get_communes (stored)), ==, 2);
  g_assert_true (banso_user_get_has_password (stored));
  g_assert_false (banso_user_get_disabled (stored));

  /* What cannot be: each refused, nothing written. */
  banso_test_get_counts (f->store, &counts);
  g_assert_false (banso_store_create_user (f->store, f->head, official, "xuan-2026", &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (banso_store_create_user (f->store, f->head, nowhere, "secret", &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "nowhere"));
  g_clear_error (&error);
  g_assert_false (banso_store_create_user (f->store, f->head, wrong, "secret", &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "99999"));
  g_clear_error (&error);
  g_assert_false (banso_store_create_user (f->store, f->head, nameless, "secret", &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (banso_store_create_user (f->store, stored, words, "secret", &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  banso_test_get_counts (f->store, &after);
  banso_test_assert_same_counts (&counts, &after);
  g_assert_null (banso_store_dup_user (f->store, "nowhere", NULL));

  /* The lexicographer: dictionary entries, not the records of communes. */
  g_assert_true (banso_store_create_user (f->store, f->head, words, "secret", &error));
  g_assert_no_error (error);
  g_assert_true (banso_user_can_edit_dictionary (words, NULL));
  g_assert_false (banso_user_can_edit_records (words, f->communes[0], &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (banso_user_can_edit_dictionary (stored, NULL));
  g_assert_cmpstr (banso_role_to_string (BANSO_ROLE_LEXICOGRAPHER), ==, "lexicographer");

  logged = banso_store_log_in (f->store, "xuan", "xuan-2026", &error);
  g_assert_no_error (error);
  g_assert_true (banso_user_can_edit_records (logged, f->communes[1], NULL));
  g_assert_false (banso_user_can_edit_records (logged, f->communes[2], NULL));

  users = banso_store_list_users (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (users->len, ==, 4);
  g_assert_true (banso_user_is_system (g_ptr_array_index (users, 0)));
  g_assert_cmpstr (banso_user_get_id (g_ptr_array_index (users, 1)), ==, "quantri");

  banso_test_assert_whole (f->store);
}

static void
test_update (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *scope[] = { f->communes[0], NULL };
  const char *scope2[] = { f->communes[2], NULL };
  g_autoptr(BansoUser) official = banso_user_new ("xuan", "Lò Thị Xuân",
                                                  BANSO_ROLE_COMMUNE_OFFICIAL, scope);
  g_autoptr(BansoUser) moved = banso_user_new ("xuan", "Lò Thị Xuân Mai",
                                               BANSO_ROLE_COMMUNE_OFFICIAL, scope2);
  g_autoptr(BansoUser) promoted = banso_user_new ("xuan", "Lò Thị Xuân Mai",
                                                  BANSO_ROLE_ADMIN, NULL);
  g_autoptr(BansoUser) demoted = banso_user_new ("quantri", "Hoàng Văn Minh",
                                                 BANSO_ROLE_TRAINER, NULL);
  g_autoptr(BansoUser) ghost = banso_user_new ("ghost", "Ma", BANSO_ROLE_TRAINER, NULL);
  g_autoptr(BansoUser) system = banso_user_new ("admin", "Hệ thống", BANSO_ROLE_TRAINER, NULL);
  g_autoptr(BansoUser) stored = NULL;
  g_autoptr(BansoUser) logged = NULL;
  guint n_before, n_after;

  g_assert_true (banso_store_create_user (f->store, f->head, official, "xuan-2026", &error));
  g_assert_no_error (error);

  g_assert_true (banso_store_update_user (f->store, f->head, moved, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(BansoUserEvent) event = last_event (f->store, "xuan", NULL);
    g_autofree char *want = g_strdup_printf ("name Lò Thị Xuân → Lò Thị Xuân Mai; communes %s",
                                             scope2[0]);
    g_assert_cmpstr (event->action, ==, "update");
    g_assert_cmpstr (event->actor, ==, "quantri");
    g_assert_cmpstr (event->detail, ==, want);
  }
  stored = banso_store_dup_user (f->store, "xuan", &error);
  g_assert_cmpstr (banso_user_get_name (stored), ==, "Lò Thị Xuân Mai");
  g_assert_cmpstr (banso_user_get_communes (stored)[0], ==, scope2[0]);
  g_assert_null (banso_user_get_communes (stored)[1]);

  /* Saving the same again logs nothing. */
  banso_user_event_free (last_event (f->store, "xuan", &n_before));
  g_assert_true (banso_store_update_user (f->store, f->head, moved, NULL, &error));
  banso_user_event_free (last_event (f->store, "xuan", &n_after));
  g_assert_cmpuint (n_before, ==, n_after);

  /* A new password: the old one no longer opens. */
  g_assert_true (banso_store_update_user (f->store, f->head, moved, "mới-2027", &error));
  g_assert_no_error (error);
  assert_last_event (f->store, "xuan", "quantri", "password", "password");
  g_assert_null (banso_store_log_in (f->store, "xuan", "xuan-2026", NULL));
  logged = banso_store_log_in (f->store, "xuan", "mới-2027", &error);
  g_assert_no_error (error);

  /* The role; an official's communes go with it. */
  g_assert_true (banso_store_update_user (f->store, f->head, promoted, NULL, &error));
  g_assert_no_error (error);
  assert_last_event (f->store, "xuan", "quantri", "update", "role commune-official → admin");
  g_assert_cmpint (banso_test_store_query_int (f->store, "SELECT count(*) FROM user_communes"
                                                         " WHERE user_id = 'xuan'"), ==, 0);

  /* Not a user that is not there, not the system account, not by a non-admin. */
  g_assert_false (banso_store_update_user (f->store, f->head, ghost, NULL, &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (banso_store_update_user (f->store, f->head, system, NULL, &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (banso_store_update_user (f->store, stored, promoted, NULL, &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION);
  g_clear_error (&error);

  /* Now that xuan is an administrator too, quantri may become a trainer. */
  g_assert_true (banso_store_update_user (f->store, f->head, demoted, NULL, &error));
  g_assert_no_error (error);
  banso_test_assert_whole (f->store);
}

static void
test_last_admin (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoUser) demoted = banso_user_new ("quantri", "Hoàng Văn Minh",
                                                 BANSO_ROLE_TRAINER, NULL);
  g_autoptr(BansoUser) second = banso_user_new ("phuong", "Vì Thị Phương", BANSO_ROLE_ADMIN, NULL);
  BansoTestCounts counts, after;

  banso_test_get_counts (f->store, &counts);
  g_assert_false (banso_store_update_user (f->store, f->head, demoted, NULL, &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "Hoàng Văn Minh"));
  g_clear_error (&error);
  g_assert_false (banso_store_set_user_disabled (f->store, f->head, "quantri", TRUE, &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  banso_test_get_counts (f->store, &after);
  banso_test_assert_same_counts (&counts, &after);

  /* With a second administrator: still not yourself, but the other may. */
  g_assert_true (banso_store_create_user (f->store, f->head, second, "phuong-1", &error));
  g_assert_no_error (error);
  g_assert_false (banso_store_set_user_disabled (f->store, f->head, "quantri", TRUE, &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_true (banso_store_set_user_disabled (f->store, second, "quantri", TRUE, &error));
  g_assert_no_error (error);
  assert_last_event (f->store, "quantri", "phuong", "disable", "");
  g_assert_false (banso_store_needs_first_admin (f->store, NULL));
}

static void
test_disable (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *scope[] = { f->communes[0], NULL };
  g_autoptr(BansoUser) official = banso_user_new ("xuan", "Lò Thị Xuân",
                                                  BANSO_ROLE_COMMUNE_OFFICIAL, scope);
  g_autoptr(BansoUser) disabled = NULL;
  g_autoptr(BansoUser) logged = NULL;
  BansoTxn *txn;

  g_assert_true (banso_store_create_user (f->store, f->head, official, "xuan-2026", &error));
  g_assert_no_error (error);
  g_assert_true (banso_store_set_user_disabled (f->store, f->head, "xuan", TRUE, &error));
  g_assert_no_error (error);
  assert_last_event (f->store, "xuan", "quantri", "disable", "");

  disabled = banso_store_dup_user (f->store, "xuan", &error);
  g_assert_true (banso_user_get_disabled (disabled));

  /* The right password, and still refused, with why. */
  g_assert_null (banso_store_log_in (f->store, "xuan", "xuan-2026", &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "Lò Thị Xuân"));
  g_assert_nonnull (strstr (error->message, "disabled"));
  g_clear_error (&error);
  assert_last_event (f->store, "xuan", NULL, "login-failed", "disabled");

  /* Nor may a disabled user write. */
  txn = banso_store_begin (f->store, disabled, &error);
  g_assert_null (txn);
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION);
  g_clear_error (&error);

  /* The system account is not a user anyone can disable. */
  g_assert_false (banso_store_set_user_disabled (f->store, f->head, "admin", TRUE, &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION);
  g_clear_error (&error);

  g_assert_true (banso_store_set_user_disabled (f->store, f->head, "xuan", FALSE, &error));
  g_assert_no_error (error);
  assert_last_event (f->store, "xuan", "quantri", "enable", "");
  logged = banso_store_log_in (f->store, "xuan", "xuan-2026", &error);
  g_assert_no_error (error);
  banso_test_assert_whole (f->store);
}

/* The log of accounts is append-only, as the audit log is. */
static void
test_log_append_only (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "banso.db", NULL);
  sqlite3 *db = banso_test_raw_open (path);
  const char *attacks[] = {
    "UPDATE user_events SET actor = 'admin'",
    "DELETE FROM user_events",
    "INSERT OR REPLACE INTO user_events (entry, at, login, action) VALUES (1, 'x', 'x', 'login')",
  };
  guint before = count_events (f->store);

  sqlite3_busy_timeout (db, 5000);
  for (guint i = 0; i < G_N_ELEMENTS (attacks); i++)
    {
      char *message = NULL;
      g_assert_cmpint (sqlite3_exec (db, attacks[i], NULL, NULL, &message), !=, SQLITE_OK);
      g_assert_nonnull (strstr (message, "append-only"));
      sqlite3_free (message);
    }
  sqlite3_close (db);
  g_assert_cmpuint (count_events (f->store), ==, before);
}

/* A password kept in clear (written around Banso) is found by the check. */
static void
test_check_finds_clear_password (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "banso.db", NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = banso_test_raw_open (path);

  sqlite3_busy_timeout (db, 5000);
  banso_test_raw_exec (db, "UPDATE users SET password_hash = 'mật khẩu 1' WHERE id = 'quantri'");
  sqlite3_close (db);
  g_assert_true (banso_store_check (f->store, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "quantri"));
}

/* The demo's people log in with the shown password. */
static void
test_demo_users (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(BansoUser) system = NULL;
  BansoStore *store = banso_test_open_tmp_store (&dir, &system);
  const char *logins[] = { BANSO_DEMO_ADMIN, BANSO_DEMO_OFFICIAL, "culture", "trainer" };
  const BansoRole roles[] = { BANSO_ROLE_ADMIN, BANSO_ROLE_COMMUNE_OFFICIAL,
                              BANSO_ROLE_CULTURAL_STAFF, BANSO_ROLE_TRAINER };

  g_assert_true (banso_demo_generate (store, 20, 3, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (banso_store_needs_first_admin (store, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (logins); i++)
    {
      g_autoptr(BansoUser) user = banso_store_log_in (store, logins[i], BANSO_DEMO_PASSWORD, &error);

      g_assert_no_error (error);
      g_assert_cmpint (banso_user_get_role (user), ==, roles[i]);
      assert_last_event (store, logins[i], logins[i], "login", NULL);
    }
  banso_test_assert_whole (store);
  banso_test_close_tmp_store (store, g_steal_pointer (&system), g_steal_pointer (&dir));
}

/* A database of schema 13 with users, their communes and audit entries
 * under them keeps them all when the users table is rebuilt. */
static void
test_upgrade_keeps_users (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = banso_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "banso.db", NULL);
  g_autoptr(BansoUser) official = NULL;
  BansoStore *store;
  sqlite3 *db = banso_test_raw_open (path);

  g_assert_true (banso_schema_migrate (db, 13, &error));
  g_assert_no_error (error);
  banso_test_raw_exec (db, "PRAGMA foreign_keys = ON;"
                           "INSERT INTO users VALUES ('admin', 'Quản trị', 'admin', '2026-01-01T00:00:00Z');"
                           "INSERT INTO users VALUES ('official', 'Lò Thị Xuân', 'commune-official', '2026-01-01T00:00:00Z');"
                           "INSERT INTO user_communes VALUES ('official', '03700');"
                           "INSERT INTO documents (id, type, rev, seq, body) VALUES ('note', 'note', '1-a', 1, '{}');"
                           "INSERT INTO audit (at, user_id, doc_id, doc_type, action, rev_after)"
                           "  VALUES ('2026-01-01T00:00:00Z', 'official', 'note', 'note', 'create', '1-a');");
  sqlite3_close (db);

  store = banso_store_open (path, &error);
  g_assert_no_error (error);
  official = banso_store_dup_user (store, "official", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (banso_user_get_name (official), ==, "Lò Thị Xuân");
  g_assert_cmpstr (banso_user_get_communes (official)[0], ==, "03700");
  g_assert_false (banso_user_get_has_password (official));
  g_assert_true (banso_store_needs_first_admin (store, NULL));
  g_assert_cmpint (banso_test_store_query_int (store, "SELECT count(*) FROM audit"
                                                      " WHERE user_id = 'official'"), ==, 1);
  g_assert_cmpint (banso_test_store_query_int (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (banso_test_store_query_int (store, "SELECT count(*) FROM pragma_foreign_key_check"),
                   ==, 0);
  banso_test_close_store (store);
  banso_test_rm_rf (dir);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/users/hash", test_hash);
  g_test_add_func ("/users/login-names", test_login_names);
  g_test_add_func ("/users/first-admin", test_first_admin);
  g_test_add_func ("/users/demo", test_demo_users);
  g_test_add_func ("/users/upgrade", test_upgrade_keeps_users);
  BANSO_TEST_ADD ("/users/log-in", test_log_in);
  BANSO_TEST_ADD ("/users/create", test_create);
  BANSO_TEST_ADD ("/users/update", test_update);
  BANSO_TEST_ADD ("/users/last-admin", test_last_admin);
  BANSO_TEST_ADD ("/users/disable", test_disable);
  BANSO_TEST_ADD ("/users/log-append-only", test_log_append_only);
  BANSO_TEST_ADD ("/users/check-clear-password", test_check_finds_clear_password);

  return g_test_run ();
}
