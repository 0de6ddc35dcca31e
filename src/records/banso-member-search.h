/* banso-member-search.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-store.h"

G_BEGIN_DECLS

/* A member found by name, for linking a prestigious person to the records. */
typedef struct
{
  char *household;
  char *member;
  char *name;
  char *ethnic;
  char *commune;
  char *village;
  char *phone;
  char *place;      /* "Bản Mòng, Xã Chiềng Cơi" */
} BansoMemberMatch;

GPtrArray *banso_household_find_members (sqlite3           *db,
                                         const char        *query,
                                         guint              limit,
                                         GError           **error);
void       banso_member_match_free      (BansoMemberMatch  *match);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoMemberMatch, banso_member_match_free)

G_END_DECLS
