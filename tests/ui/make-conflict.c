/* make-conflict.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   make-conflict DATA_DIR
 *
 * For the window test of the Sync section, which has no server to make a
 * conflict with: opens (or creates) the database in DATA_DIR, saves a
 * household, and applies two revisions of it made apart, as replication
 * would bring them from two offices. Prints the id, then the head of
 * household of each version, the winner first.
 *
 *   The winner (2-fff…): the head as imported, "Lo Van Pom", with an address.
 *   The other (2-111…): the head's name spelt right, "Lò Văn Pơm", and his
 *   wife added; no address.
 */

#include "config.h"

#include <locale.h>

#include "banso-household-store.h"
#include "banso-paths.h"
#include "banso-reference.h"
#include "banso-revtree.h"

#define WINNER_REV "2-ffffffffffffffffffffffffffffffff"
#define OTHER_REV  "2-11111111111111111111111111111111"

static BansoMember *
add_member (BansoHousehold *h,
            const char     *name,
            BansoSex        sex,
            const char     *birth,
            const char     *relation)
{
  BansoMember *m = banso_household_add_member (h);

  m->name = g_strdup (name);
  m->sex = sex;
  m->birth = g_strdup (birth);
  m->ethnic = g_strdup ("03");
  m->relation = g_strdup (relation);
  return m;
}

static char *
to_json (const BansoHousehold *h)
{
  GString *out = g_string_new (NULL);

  banso_household_to_json (h, out);
  return g_string_free (out, FALSE);
}

static gboolean
apply (BansoStore  *store,
       BansoUser   *user,
       const char  *id,
       const char  *rev,
       const char  *parent,
       const char  *body,
       GError     **error)
{
  const char *ancestry[] = { rev, parent, NULL };
  BansoTxn *txn = banso_store_begin (store, user, error);

  if (txn == NULL)
    return FALSE;
  if (!banso_revtree_apply (txn, id, BANSO_HOUSEHOLD_TYPE, ancestry, FALSE, body, NULL, NULL,
                            error))
    {
      banso_txn_rollback (txn);
      return FALSE;
    }
  return banso_txn_commit (txn, error);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoStore) store = NULL;
  g_autoptr(BansoUser) admin = NULL;
  g_autoptr(GPtrArray) communes = NULL;
  g_autoptr(BansoHousehold) base = NULL;
  g_autoptr(BansoHousehold) winner = NULL;
  g_autoptr(BansoHousehold) other = NULL;
  g_autofree char *path = NULL;
  g_autofree char *winner_body = NULL;
  g_autofree char *other_body = NULL;
  BansoTxn *txn;
  sqlite3 *db;

  setlocale (LC_ALL, "");
  if (argc != 2)
    {
      g_printerr ("usage: %s DATA_DIR\n", argv[0]);
      return 2;
    }

  path = banso_database_path (argv[1]);
  if ((store = banso_store_open (path, &error)) == NULL ||
      (admin = banso_store_dup_admin (store, &error)) == NULL)
    goto fail;

  /* A commune of Sơn La, where the new database's records are. */
  if ((db = banso_store_acquire_reader (store, &error)) == NULL)
    goto fail;
  communes = banso_reference_list_communes (db, "14", &error);
  banso_store_release_reader (store, db);
  if (communes == NULL || communes->len == 0)
    goto fail;

  base = banso_household_new ();
  base->commune = g_strdup (((BansoRefItem *)g_ptr_array_index (communes, 0))->code);
  add_member (base, "Lo Van Pom", BANSO_SEX_MALE, "1985", "head");
  banso_household_set_poverty (base, 2025, BANSO_POVERTY_POOR);
  if ((txn = banso_store_begin (store, admin, &error)) == NULL)
    goto fail;
  if (!banso_household_save (txn, base, BANSO_DOC_PUT_DEFAULT, &error))
    {
      banso_txn_rollback (txn);
      goto fail;
    }
  if (!banso_txn_commit (txn, &error))
    goto fail;

  winner = banso_household_copy (base);
  winner->address = g_strdup ("Bản Mòng, tổ 3");
  winner_body = to_json (winner);

  other = banso_household_copy (base);
  g_free (banso_household_get_head (other)->name);
  banso_household_get_head (other)->name = g_strdup ("Lò Văn Pơm");
  add_member (other, "Lò Thị Ban", BANSO_SEX_FEMALE, "1987", "spouse");
  other_body = to_json (other);

  if (!apply (store, admin, base->id, OTHER_REV, base->rev, other_body, &error) ||
      !apply (store, admin, base->id, WINNER_REV, base->rev, winner_body, &error))
    goto fail;

  g_print ("%s\n%s\n%s\n", base->id, banso_household_get_head (winner)->name,
           banso_household_get_head (other)->name);
  return 0;

fail:
  g_printerr ("make-conflict: %s\n", error ? error->message : "no commune of Sơn La");
  return 1;
}
