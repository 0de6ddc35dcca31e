/* banso-household-bulk.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-store.h"

G_BEGIN_DECLS

/* A large import sets the indexes of the household list and the audit log
 * aside and builds them once at the end, in the same transaction. */

typedef struct
{
  gint64     after_docno;   /* the households saved after it are the bulk's */
  GPtrArray *restore;       /* of SQL: what rebuilds the indexes and guards */
} BansoHouseholdBulk;

BansoHouseholdBulk *banso_household_bulk_begin (BansoTxn            *txn,
                                                GError             **error);
gboolean            banso_household_bulk_end   (BansoTxn            *txn,
                                                BansoHouseholdBulk  *bulk,
                                                GError             **error);
void                banso_household_bulk_free  (BansoHouseholdBulk  *bulk);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoHouseholdBulk, banso_household_bulk_free)

G_END_DECLS
