/* banso-member-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-records"

#include "config.h"

#include <string.h>

#include "banso-fold.h"
#include "banso-household.h"
#include "banso-member-search.h"
#include "banso-records-private.h"
#include "banso-reference.h"

void
banso_member_match_free (BansoMemberMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->household);
  g_free (match->member);
  g_free (match->name);
  g_free (match->ethnic);
  g_free (match->commune);
  g_free (match->village);
  g_free (match->phone);
  g_free (match->place);
  g_free (match);
}

static BansoMemberMatch *
match_new (BansoHousehold *h,
           BansoMember    *m,
           const char     *household_id,
           const char     *commune_name,
           const char     *village_name)
{
  BansoMemberMatch *match = g_new0 (BansoMemberMatch, 1);

  match->household = g_strdup (household_id);
  match->member = g_strdup (m->id);
  match->name = g_strdup (m->name);
  match->ethnic = g_strdup (m->ethnic);
  match->commune = g_strdup (h->commune);
  match->village = g_strdup (h->village);
  match->phone = g_strdup (m->phone);
  if (village_name != NULL)
    match->place = g_strdup_printf ("%s, %s", village_name, commune_name ? commune_name : "");
  else
    match->place = g_strdup (commune_name ? commune_name : "");
  return match;
}

static gboolean
name_has_words (const char  *name,
                GStrv        words)
{
  g_autofree char *folded = banso_fold (name, -1);

  for (guint w = 0; words[w]; w++)
    if (*words[w] && strstr (folded, words[w]) == NULL)
      return FALSE;
  return TRUE;
}

/* The persons of the search index's row @person of @h, in the order of
 * build_search_text() (banso-household-store.c): the head, then the other
 * members; the last row holds every member from its place on. */
static void
add_person_matches (GPtrArray      *matches,
                    guint           limit,
                    BansoHousehold *h,
                    guint           person,
                    GStrv           words,
                    const char     *household_id,
                    const char     *commune_name,
                    const char     *village_name)
{
  BansoMember *head = banso_household_get_head (h);
  guint p = head != NULL ? 1 : 0;

  if (person == 0 && head != NULL)
    {
      if (name_has_words (head->name, words))
        g_ptr_array_add (matches, match_new (h, head, household_id, commune_name, village_name));
      return;
    }
  for (guint i = 0; i < h->members->len && matches->len < limit; i++)
    {
      BansoMember *m = g_ptr_array_index (h->members, i);

      if (m == head)
        continue;
      if (MIN (p, BANSO_HOUSEHOLD_SEARCH_PERSONS - 1) == person &&
          name_has_words (m->name, words))
        g_ptr_array_add (matches, match_new (h, m, household_id, commune_name, village_name));
      p++;
    }
}

/**
 * banso_household_find_members:
 *
 * Finds persons whose folded name contains every word of @query, through the
 * households' search index: heads of household first, then the other members.
 *
 * Returns: (transfer full): #BansoMemberMatch, at most @limit
 */
GPtrArray *
banso_household_find_members (sqlite3     *db,
                              const char  *query,
                              guint        limit,
                              GError     **error)
{
  g_autoptr(GPtrArray) matches = g_ptr_array_new_with_free_func ((GDestroyNotify)banso_member_match_free);
  g_autofree char *fts = banso_fold_query_to_fts (query);
  g_autofree char *folded = banso_fold (query, -1);
  g_auto(GStrv) words = NULL;
  static const char * const parts[] = { "= 0", "> 0" };

  if (fts == NULL)
    return g_steal_pointer (&matches);
  words = g_strsplit (folded, " ", -1);

  for (guint part = 0; part < G_N_ELEMENTS (parts) && matches->len < limit; part++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autofree char *sql = NULL;
      int rc;

      sql = g_strdup_printf ("SELECT d.id, d.body, a.name, v.name, f.rowid %% %d FROM household_fts f"
                             " JOIN household_index x ON x.docno = f.rowid / %d"
                             " JOIN documents d ON d.docno = x.docno"
                             " LEFT JOIN admin_units a ON a.edition = '" BANSO_ADMIN_EDITION "'"
                             "  AND a.code = x.commune"
                             " LEFT JOIN documents vd ON vd.id = x.village"
                             " LEFT JOIN village_index v ON v.docno = vd.docno"
                             " WHERE household_fts MATCH ?1 AND f.rowid %% %d %s LIMIT 200",
                             BANSO_HOUSEHOLD_SEARCH_PERSONS, BANSO_HOUSEHOLD_SEARCH_PERSONS,
                             BANSO_HOUSEHOLD_SEARCH_PERSONS, parts[part]);
      stmt = banso_sql_prepare (db, sql, error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_TRANSIENT);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && matches->len < limit)
        {
          g_autoptr(BansoHousehold) h =
            banso_household_from_json ((const char *)sqlite3_column_text (stmt, 1), NULL);

          if (h == NULL)
            continue;
          add_person_matches (matches, limit, h, sqlite3_column_int (stmt, 4), words,
                              (const char *)sqlite3_column_text (stmt, 0),
                              (const char *)sqlite3_column_text (stmt, 2),
                              (const char *)sqlite3_column_text (stmt, 3));
        }
      if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        {
          banso_sql_error (db, rc, error);
          return NULL;
        }
    }

  return g_steal_pointer (&matches);
}
