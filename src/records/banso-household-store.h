/* banso-household-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-document.h"
#include "banso-household.h"
#include "banso-store.h"
#include "banso-village.h"

G_BEGIN_DECLS

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
gboolean        banso_household_reindex_all  (BansoTxn     *txn,
                                              GError      **error);
gboolean        banso_household_reindex_doc  (BansoTxn     *txn,
                                              const char   *type,
                                              gint64        docno,
                                              const char   *body,
                                              gboolean      fresh,
                                              GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoHouseholdRow, banso_household_row_free)

G_END_DECLS
