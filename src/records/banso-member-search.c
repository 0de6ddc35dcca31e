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

/**
 * banso_household_find_members:
 *
 * Finds members whose folded name contains every word of @query, through the
 * households' search index.
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
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (fts == NULL)
    return g_steal_pointer (&matches);
  words = g_strsplit (folded, " ", -1);

  stmt = banso_sql_prepare (db,
                            "SELECT d.id, d.body, a.name, v.name FROM household_fts f"
                            " JOIN household_index x ON x.docno = f.rowid"
                            " JOIN documents d ON d.docno = x.docno"
                            " LEFT JOIN admin_units a ON a.edition = '" BANSO_ADMIN_EDITION "'"
                            "  AND a.code = x.commune"
                            " LEFT JOIN documents vd ON vd.id = x.village"
                            " LEFT JOIN village_index v ON v.docno = vd.docno"
                            " WHERE household_fts MATCH ?1 LIMIT 200", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && matches->len < limit)
    {
      g_autoptr(BansoHousehold) h = banso_household_from_json ((const char *)sqlite3_column_text (stmt, 1), NULL);
      const char *commune_name = (const char *)sqlite3_column_text (stmt, 2);
      const char *village_name = (const char *)sqlite3_column_text (stmt, 3);

      if (h == NULL)
        continue;
      for (guint i = 0; i < h->members->len && matches->len < limit; i++)
        {
          BansoMember *m = g_ptr_array_index (h->members, i);
          g_autofree char *name = banso_fold (m->name, -1);
          gboolean all = TRUE;
          BansoMemberMatch *match;

          for (guint w = 0; words[w] && all; w++)
            if (*words[w] && strstr (name, words[w]) == NULL)
              all = FALSE;
          if (!all)
            continue;

          match = g_new0 (BansoMemberMatch, 1);
          match->household = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
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
          g_ptr_array_add (matches, match);
        }
    }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      banso_sql_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&matches);
}
