/* banso-archive-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-archive.h"

G_BEGIN_DECLS

gboolean _banso_archive_reindex_doc (BansoTxn          *txn,
                                     const char        *type,
                                     gint64             docno,
                                     const char        *body,
                                     gboolean           fresh,
                                     GError           **error);
gboolean _banso_archive_put         (BansoTxn          *txn,
                                     BansoArchiveItem  *item,
                                     gboolean           keep_id,
                                     GError           **error);
char    *_banso_archive_put_media   (BansoTxn          *txn,
                                     const char        *sha256,
                                     const char        *id,
                                     const char        *title,
                                     const char        *file_name,
                                     const char        *mime,
                                     gint64             size,
                                     GPtrArray         *chunks,
                                     GError           **error);

G_END_DECLS
