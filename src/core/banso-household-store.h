/* banso-household-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-document.h"
#include "banso-household.h"
#include "banso-store.h"

G_BEGIN_DECLS

#define BANSO_VILLAGE_TYPE "village"

/* A household made ready to be written, away from the database: its JSON
 * and what the list and search indexes keep of it. The row holds
 * the household and points into it; an import fills the same rows again and
 * again, and keeps their buffers. */
typedef struct
{
  BansoHousehold *household;
  const char     *id;
  GString        *body;
  const char     *commune;
  const char     *village;
  const char     *head;
  GString        *head_fold;
  const char     *ethnic;
  const char     *poverty;
  guint           members;
  GString        *search;
} BansoHouseholdRow;

BansoHouseholdRow *banso_household_row_new     (void);
void               banso_household_row_fill    (BansoHouseholdRow        *row,
                                                BansoHousehold           *household);
void               banso_household_row_release (BansoHouseholdRow        *row);
void               banso_household_row_free    (BansoHouseholdRow        *row);
gboolean           banso_household_write_row   (BansoTxn                 *txn,
                                                const BansoHouseholdRow  *row,
                                                BansoDocPutFlags          flags,
                                                GError                  **error);

gboolean        banso_household_save    (BansoTxn          *txn,
                                         BansoHousehold    *household,
                                         BansoDocPutFlags   flags,
                                         GError           **error);
gboolean        banso_household_delete  (BansoTxn          *txn,
                                         const char        *id,
                                         const char        *rev,
                                         char             **out_rev,
                                         GError           **error);
BansoHousehold *banso_household_load    (sqlite3           *db,
                                         const char        *id,
                                         GError           **error);
char           *banso_village_create    (BansoTxn          *txn,
                                         const char        *commune,
                                         const char        *name,
                                         const char        *kind,
                                         GError           **error);
char           *banso_village_create_with_id (BansoTxn     *txn,
                                              const char   *id,
                                              const char   *commune,
                                              const char   *name,
                                              const char   *kind,
                                              GError      **error);
char           *banso_village_find      (BansoTxn          *txn,
                                         const char        *commune,
                                         const char        *name);

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

GPtrArray      *banso_household_bulk_begin   (BansoTxn     *txn,
                                              GError      **error);
gboolean        banso_household_bulk_end     (BansoTxn     *txn,
                                              GPtrArray    *restore,
                                              GError      **error);
gboolean        banso_household_reindex_all  (BansoTxn     *txn,
                                              GError      **error);
gboolean        banso_household_reindex_doc  (BansoTxn     *txn,
                                              const char   *type,
                                              gint64        docno,
                                              const char   *body,
                                              gboolean      fresh,
                                              GError      **error);
char           *banso_indexed_commune        (BansoTxn     *txn,
                                              const char   *index_table,
                                              const char   *id);
char           *banso_stored_commune         (BansoTxn     *txn,
                                              const char   *id);
GPtrArray      *banso_household_find_members (sqlite3      *db,
                                              const char   *query,
                                              guint         limit,
                                              GError      **error);
void            banso_member_match_free      (BansoMemberMatch *match);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoHouseholdRow, banso_household_row_free)

G_END_DECLS
