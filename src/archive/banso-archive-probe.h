/* banso-archive-probe.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "banso-archive-item.h"

G_BEGIN_DECLS

/* What GStreamer says of a file: kind, codecs, size, duration, and its thumbnail. */
typedef struct
{
  BansoArchiveMediaKind  kind;
  char                  *mime;
  gint64                 duration_ms;
  guint                  width;
  guint                  height;
  char                  *video_codec;
  char                  *audio_codec;
  char                  *taken;       /* EXIF date of a photo, ISO 8601 */
  gboolean               has_gps;
  double                 latitude;
  double                 longitude;
  GBytes                *thumbnail;   /* PNG, or NULL for a song without a picture */
} BansoArchiveProbe;

#define BANSO_ARCHIVE_THUMBNAIL_WIDTH 320

void               banso_archive_gst_init      (void);
BansoArchiveProbe *banso_archive_probe_file    (const char     *path,
                                                GCancellable   *cancellable,
                                                GError        **error);
GBytes            *banso_archive_make_thumbnail (const char    *uri,
                                                 gint64         position_ms,
                                                 guint          width,
                                                 guint          height,
                                                 GError       **error);
void               banso_archive_probe_free    (BansoArchiveProbe *probe);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoArchiveProbe, banso_archive_probe_free)

G_END_DECLS
