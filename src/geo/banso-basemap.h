/* banso-basemap.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "banso-geo-region.h"

G_BEGIN_DECLS

typedef void (*BansoBasemapProgress) (guint    done,
                                      guint    total,
                                      gpointer user_data);

/* The demo base map: Vietnam's provinces at zooms 4 to 8, with Hoàng Sa and
 * Trường Sa and their names, and Sơn La's communes up to zoom 12, rendered
 * with cairo into a new MBTiles file of PNG tiles. Blocking: run it in a
 * worker or from the command line. */

gboolean banso_basemap_render_demo (const char            *path,
                                    guint                  n_threads,
                                    BansoBasemapProgress   progress,
                                    gpointer               user_data,
                                    GCancellable          *cancellable,
                                    guint                 *n_tiles,
                                    GError               **error);
char    *banso_basemap_dup_demo_path (void);
void     banso_basemap_ensure_demo_async  (GCancellable          *cancellable,
                                           GAsyncReadyCallback    callback,
                                           gpointer               user_data);
char    *banso_basemap_ensure_demo_finish (GAsyncResult          *result,
                                           GError               **error);
GBytes  *banso_basemap_render_tile (BansoRegionSet        *provinces,
                                    BansoRegionSet        *communes,
                                    guint                  zoom,
                                    guint                  x,
                                    guint                  y,
                                    GError               **error);

G_END_DECLS
