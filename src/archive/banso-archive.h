/* banso-archive.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "banso-archive-access.h"
#include "banso-archive-error.h"
#include "banso-archive-item.h"
#include "banso-store.h"
#include "banso-webvtt.h"

G_BEGIN_DECLS

/* What the grid shows of an item. */
typedef struct
{
  char                  *id;
  char                  *title;
  BansoArchiveKind       kind;
  char                  *media_kind;   /* "video", "audio", "photo" */
  int                    year;
  char                  *commune;
  char                  *thumbnail;    /* media id, or NULL */
  gint64                 duration_ms;
  BansoArchiveAccess     access;
  gboolean               sample;
} BansoArchiveRow;

/* The grid's filters; NULL, -1 and 0 mean any. */
typedef struct
{
  const char *search;     /* folded words, all of them in title, description or transcript */
  const char *ethnic;     /* code */
  const char *commune;    /* code */
  int         kind;       /* BansoArchiveKind or -1 */
  const char *media_kind;
  int         year;
  const char *language;
  guint       offset;
  guint       limit;      /* 0: all */
} BansoArchiveQuery;

#define BANSO_ARCHIVE_QUERY_INIT { NULL, NULL, NULL, -1, NULL, 0, NULL, 0, 0 }

void               banso_archive_init            (void);

gboolean           banso_archive_save            (BansoStore         *store,
                                                  BansoUser          *user,
                                                  BansoArchiveItem   *item,
                                                  GError            **error);
BansoArchiveItem  *banso_archive_load            (BansoStore         *store,
                                                  BansoUser          *user,
                                                  const char         *id,
                                                  GError            **error);
gboolean           banso_archive_delete          (BansoStore         *store,
                                                  BansoUser          *user,
                                                  const char         *id,
                                                  GError            **error);
GPtrArray         *banso_archive_list            (BansoStore         *store,
                                                  BansoUser          *user,
                                                  const BansoArchiveQuery *query,
                                                  GError            **error);
gint64             banso_archive_count           (BansoStore         *store,
                                                  BansoUser          *user,
                                                  const BansoArchiveQuery *query,
                                                  GError            **error);
GPtrArray         *banso_archive_list_ids        (BansoStore         *store,
                                                  BansoUser          *user,
                                                  GError            **error);
char              *banso_archive_find_sha256     (BansoStore         *store,
                                                  const char         *sha256);
char              *banso_archive_media_path      (BansoStore         *store,
                                                  BansoUser          *user,
                                                  const char         *media_id,
                                                  GError            **error);
GBytes            *banso_archive_load_thumbnail  (BansoStore         *store,
                                                  BansoUser          *user,
                                                  const char         *item_id,
                                                  GError            **error);
BansoVttFile      *banso_archive_load_subtitles  (BansoStore         *store,
                                                  BansoUser          *user,
                                                  const char         *media_id,
                                                  GError            **error);
char              *banso_archive_transcript_of   (BansoVttFile       *file);

void               banso_archive_row_free        (BansoArchiveRow    *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoArchiveRow, banso_archive_row_free)

G_END_DECLS
