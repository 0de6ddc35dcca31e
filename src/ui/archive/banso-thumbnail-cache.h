/* banso-thumbnail-cache.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "banso-store.h"

G_BEGIN_DECLS

#define BANSO_TYPE_THUMBNAIL_CACHE (banso_thumbnail_cache_get_type ())

G_DECLARE_FINAL_TYPE (BansoThumbnailCache, banso_thumbnail_cache, BANSO, THUMBNAIL_CACHE, GObject)

BansoThumbnailCache *banso_thumbnail_cache_new    (BansoStore          *store,
                                                   BansoUser           *user);
GdkTexture          *banso_thumbnail_cache_lookup (BansoThumbnailCache *self,
                                                   const char          *item_id);
void                 banso_thumbnail_cache_clear  (BansoThumbnailCache *self);
guint                banso_thumbnail_cache_get_size (BansoThumbnailCache *self);

G_END_DECLS
