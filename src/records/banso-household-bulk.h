/* banso-household-bulk.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-store.h"

G_BEGIN_DECLS

/* A large import sets the indexes of the household list and the audit log
 * aside and builds them once at the end, in the same transaction. */

GPtrArray *banso_household_bulk_begin (BansoTxn   *txn,
                                       GError    **error);
gboolean   banso_household_bulk_end   (BansoTxn   *txn,
                                       GPtrArray  *restore,
                                       GError    **error);

G_END_DECLS
