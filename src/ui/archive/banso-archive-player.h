/* banso-archive-player.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "banso-context.h"

G_BEGIN_DECLS

#define BANSO_TYPE_ARCHIVE_PLAYER (banso_archive_player_get_type ())

G_DECLARE_FINAL_TYPE (BansoArchivePlayer, banso_archive_player, BANSO, ARCHIVE_PLAYER, AdwWindow)

GtkWindow *banso_archive_player_new (BansoContext *context,
                                     const char   *item_id);

G_END_DECLS
