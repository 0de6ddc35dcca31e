/* banso-archive-tasks.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "banso-archive.h"
#include "banso-archive-ingest.h"
#include "banso-archive-package.h"

G_BEGIN_DECLS

/* An item with what its page plays: the media file, the subtitle tracks parsed. */
typedef struct
{
  BansoArchiveItem *item;
  char             *media_path;   /* or NULL when the file has not arrived */
  GPtrArray        *tracks;       /* of BansoVttFile, as item->subtitles */
  GPtrArray        *track_errors; /* of char *, NULL where the track was read */
} BansoArchiveOpened;

void                banso_archive_opened_free   (BansoArchiveOpened  *opened);

void                banso_archive_list_async    (BansoStore          *store,
                                                 BansoUser           *user,
                                                 const BansoArchiveQuery *query,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
GPtrArray          *banso_archive_list_finish   (GAsyncResult        *result,
                                                 GError             **error);

void                banso_archive_thumbnail_async  (BansoStore          *store,
                                                    BansoUser           *user,
                                                    const char          *item_id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GBytes             *banso_archive_thumbnail_finish (GAsyncResult        *result,
                                                    GError             **error);

void                banso_archive_open_async    (BansoStore          *store,
                                                 BansoUser           *user,
                                                 const char          *item_id,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
BansoArchiveOpened *banso_archive_open_finish   (GAsyncResult        *result,
                                                 GError             **error);

void                banso_archive_save_async    (BansoStore          *store,
                                                 BansoUser           *user,
                                                 BansoArchiveItem    *item,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
char               *banso_archive_save_finish   (GAsyncResult        *result,
                                                 GError             **error);

void                banso_archive_ingest_async  (BansoStore          *store,
                                                 BansoUser           *user,
                                                 const char * const  *paths,
                                                 BansoIngestProgressFunc progress,
                                                 gpointer             progress_data,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
GPtrArray          *banso_archive_ingest_finish (GAsyncResult        *result,
                                                 GError             **error);

void                banso_archive_export_async  (BansoStore          *store,
                                                 BansoUser           *user,
                                                 const char          *destination,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean            banso_archive_export_finish (GAsyncResult        *result,
                                                 BansoPackageStats   *stats,
                                                 GError             **error);

G_END_DECLS
