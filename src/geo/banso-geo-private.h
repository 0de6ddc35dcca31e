/* banso-geo-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-geo-region.h"
#include "banso-store.h"

G_BEGIN_DECLS

void            banso_geo_init               (void);
gboolean        _banso_warning_index         (BansoTxn     *txn,
                                              const char   *type,
                                              gint64        docno,
                                              const char   *body,
                                              gboolean      fresh,
                                              GError      **error);
gboolean        _banso_warning_reindex_all   (BansoTxn     *txn,
                                              GError      **error);
gboolean        _banso_warning_validate      (const char   *body,
                                              GError      **error);
BansoRegionSet *_banso_geo_get_communes      (GError      **error);

G_END_DECLS
