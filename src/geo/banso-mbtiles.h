/* banso-mbtiles.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "banso-geo-error.h"

G_BEGIN_DECLS

typedef enum
{
  BANSO_TILE_FORMAT_UNKNOWN,
  BANSO_TILE_FORMAT_PNG,
  BANSO_TILE_FORMAT_JPEG,
  BANSO_TILE_FORMAT_WEBP,
  BANSO_TILE_FORMAT_PBF,
} BansoTileFormat;

#define BANSO_TYPE_MBTILES (banso_mbtiles_get_type ())

G_DECLARE_FINAL_TYPE (BansoMbtiles, banso_mbtiles, BANSO, MBTILES, GObject)

/* An MBTiles file opened read-only. Every function may be called from any
 * thread at the same time: each thread that reads tiles gets a connection of
 * its own from a small pool, so a map's worker threads never wait on one
 * another. The metadata is read once, at open, and never changes. */

BansoMbtiles    *banso_mbtiles_open              (const char    *path,
                                                  GError       **error);
const char      *banso_mbtiles_get_path          (BansoMbtiles  *self);
const char      *banso_mbtiles_get_name          (BansoMbtiles  *self);
const char      *banso_mbtiles_get_attribution   (BansoMbtiles  *self);
const char      *banso_mbtiles_get_description   (BansoMbtiles  *self);
const char      *banso_mbtiles_get_metadata      (BansoMbtiles  *self,
                                                  const char    *key);
BansoTileFormat  banso_mbtiles_get_format        (BansoMbtiles  *self);
gboolean         banso_mbtiles_format_from_metadata (BansoMbtiles *self);
guint            banso_mbtiles_get_min_zoom      (BansoMbtiles  *self);
guint            banso_mbtiles_get_max_zoom      (BansoMbtiles  *self);
gboolean         banso_mbtiles_get_bounds        (BansoMbtiles  *self,
                                                  double        *west,
                                                  double        *south,
                                                  double        *east,
                                                  double        *north);
gboolean         banso_mbtiles_get_center        (BansoMbtiles  *self,
                                                  double        *lon,
                                                  double        *lat,
                                                  double        *zoom);
gint64           banso_mbtiles_count_tiles       (BansoMbtiles  *self,
                                                  GError       **error);
GBytes          *banso_mbtiles_get_tile          (BansoMbtiles  *self,
                                                  guint          zoom,
                                                  guint          x,
                                                  guint          y,
                                                  GError       **error);
void             banso_mbtiles_get_tile_async    (BansoMbtiles        *self,
                                                  guint                zoom,
                                                  guint                x,
                                                  guint                y,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
GBytes          *banso_mbtiles_get_tile_finish   (BansoMbtiles        *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

BansoTileFormat  banso_tile_format_detect        (const guint8  *data,
                                                  gsize          len);
BansoTileFormat  banso_tile_format_from_string   (const char    *text);
const char      *banso_tile_format_to_string     (BansoTileFormat format);
const char      *banso_tile_format_get_mime_type (BansoTileFormat format);
guint            banso_tms_flip_row              (guint          zoom,
                                                  guint          row);

G_END_DECLS
