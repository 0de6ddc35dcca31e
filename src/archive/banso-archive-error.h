/* banso-archive-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BANSO_ARCHIVE_ERROR (banso_archive_error_quark ())

typedef enum
{
  BANSO_ARCHIVE_ERROR_INVALID,        /* a field of an item is wrong */
  BANSO_ARCHIVE_ERROR_NOT_FOUND,      /* no such item, or not one the user may see */
  BANSO_ARCHIVE_ERROR_EMPTY,          /* a zero-byte file */
  BANSO_ARCHIVE_ERROR_MISSING_CODEC,  /* GStreamer lacks what plays it */
  BANSO_ARCHIVE_ERROR_DAMAGED,        /* truncated, or not what its name says */
  BANSO_ARCHIVE_ERROR_UNSUPPORTED,    /* not a video, a song or a photo */
  BANSO_ARCHIVE_ERROR_DUPLICATE,      /* already in the archive */
  BANSO_ARCHIVE_ERROR_PACKAGE,        /* a package is incomplete or altered */
} BansoArchiveError;

GQuark banso_archive_error_quark (void);

G_END_DECLS
