/* banso-archive-card.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "banso-archive-entry.h"
#include "banso-thumbnail-cache.h"

G_BEGIN_DECLS

#define BANSO_TYPE_ARCHIVE_CARD (banso_archive_card_get_type ())

G_DECLARE_FINAL_TYPE (BansoArchiveCard, banso_archive_card, BANSO, ARCHIVE_CARD, GtkWidget)

GtkWidget *banso_archive_card_new       (BansoThumbnailCache *cache);
void       banso_archive_card_set_entry (BansoArchiveCard    *self,
                                         BansoArchiveEntry   *entry);

G_END_DECLS
