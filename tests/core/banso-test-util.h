/* banso-test-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "banso-household.h"
#include "banso-store.h"

G_BEGIN_DECLS

/* Files and folders */

void            banso_test_rm_rf              (const char           *path);
char           *banso_test_make_tmpdir        (void);

/* Stores */

void            banso_test_wait_for_null      (gpointer             *location,
                                               const char           *what);
BansoStore     *banso_test_open_store         (const char           *dir,
                                               const char           *name);
void            banso_test_close_store        (BansoStore           *store);
BansoStore     *banso_test_open_tmp_store     (char                **dir,
                                               BansoUser           **admin);
void            banso_test_close_tmp_store    (BansoStore           *store,
                                               BansoUser            *admin,
                                               char                 *dir);
BansoUser      *banso_test_dup_admin          (BansoStore           *store);
BansoUser      *banso_test_add_user           (BansoStore           *store,
                                               BansoUser            *admin,
                                               const char           *id,
                                               const char           *name,
                                               BansoRole             role,
                                               const char * const   *communes);
BansoUser      *banso_test_add_official       (BansoStore           *store,
                                               BansoUser            *admin,
                                               const char * const   *communes);
GStrv           banso_test_list_communes      (BansoStore           *store,
                                               const char           *province,
                                               guint                 n);

/* Raw SQL */

sqlite3        *banso_test_raw_open           (const char           *path);
void            banso_test_raw_exec           (sqlite3              *db,
                                               const char           *sql);
gint64          banso_test_query_int          (sqlite3              *db,
                                               const char           *sql);
gint64          banso_test_store_query_int    (BansoStore           *store,
                                               const char           *sql);
char           *banso_test_store_query_text   (BansoStore           *store,
                                               const char           *sql,
                                               const char           *param);

/* The rows of the tables a write may touch. */
typedef struct
{
  gint64 documents;
  gint64 audit;
  gint64 revisions;
  gint64 households;
  gint64 villages;
  gint64 prestige;
  gint64 users;
} BansoTestCounts;

void            banso_test_assert_whole       (BansoStore           *store);
void            banso_test_get_counts         (BansoStore           *store,
                                               BansoTestCounts      *counts);
void            banso_test_assert_same_counts (const BansoTestCounts *a,
                                               const BansoTestCounts *b);

/* Households */

BansoMember    *banso_test_add_member         (BansoHousehold       *h,
                                               const char           *name,
                                               BansoSex              sex,
                                               const char           *birth,
                                               const char           *ethnic,
                                               const char           *relation,
                                               const char           *citizen_id,
                                               const char           *phone);
BansoHousehold *banso_test_new_household      (const char           *commune,
                                               const char           *head);
char           *banso_test_household_json     (const BansoHousehold *h);
void            banso_test_save_household     (BansoStore           *store,
                                               BansoUser            *user,
                                               BansoHousehold       *h);
BansoHousehold *banso_test_load_household     (BansoStore           *store,
                                               const char           *id);

/* Tests */

/* Adds a test of the file's Fixture, set up by its fixture_setup() and torn
 * down by its fixture_teardown(). */
#define BANSO_TEST_ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

G_END_DECLS
