/* banso-archive-access.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "banso-archive-item.h"
#include "banso-store.h"

G_BEGIN_DECLS

gboolean  banso_archive_user_may_see       (BansoUser          *user,
                                            BansoArchiveAccess  access,
                                            const char * const *roles,
                                            const char         *commune);
gboolean  banso_archive_user_may_see_item  (BansoUser          *user,
                                            BansoArchiveItem   *item);
char     *banso_archive_access_sql         (BansoUser          *user,
                                            const char         *alias);
gboolean  banso_archive_item_visible       (BansoStore         *store,
                                            BansoUser          *user,
                                            const char         *item_id);
gboolean  banso_archive_media_visible      (BansoStore         *store,
                                            BansoUser          *user,
                                            const char         *media_id);
gboolean  banso_archive_media_visible_db   (sqlite3            *db,
                                            BansoUser          *user,
                                            const char         *media_id);

G_END_DECLS
