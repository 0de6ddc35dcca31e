/* banso-archive-screen.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "banso-webvtt.h"

G_BEGIN_DECLS

#define BANSO_TYPE_ARCHIVE_SCREEN (banso_archive_screen_get_type ())

G_DECLARE_FINAL_TYPE (BansoArchiveScreen, banso_archive_screen, BANSO, ARCHIVE_SCREEN, GtkWidget)

GtkWidget      *banso_archive_screen_new          (void);
void            banso_archive_screen_set_file     (BansoArchiveScreen *self,
                                                   const char         *path);
void            banso_archive_screen_set_track    (BansoArchiveScreen *self,
                                                   BansoVttFile       *track);
GtkMediaStream *banso_archive_screen_get_stream   (BansoArchiveScreen *self);
gint64          banso_archive_screen_get_position (BansoArchiveScreen *self);
void            banso_archive_screen_seek         (BansoArchiveScreen *self,
                                                   gint64              ms);
void            banso_archive_screen_set_large    (BansoArchiveScreen *self,
                                                   gboolean            large);
int             banso_archive_screen_get_cue      (BansoArchiveScreen *self);
const char     *banso_archive_screen_get_subtitle (BansoArchiveScreen *self);

G_END_DECLS
