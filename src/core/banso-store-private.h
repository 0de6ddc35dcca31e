/* banso-store-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-store.h"

G_BEGIN_DECLS

gint64   _banso_txn_next_seq      (BansoTxn    *txn);
void     _banso_txn_mark_changed  (BansoTxn    *txn,
                                   const char  *type);

G_END_DECLS
