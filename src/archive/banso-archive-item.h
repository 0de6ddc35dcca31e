/* banso-archive-item.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "banso-user.h"

G_BEGIN_DECLS

#define BANSO_ARCHIVE_ITEM_TYPE "archive-item"

typedef enum
{
  BANSO_ARCHIVE_KIND_FESTIVAL,
  BANSO_ARCHIVE_KIND_RITUAL,
  BANSO_ARCHIVE_KIND_SONG,
  BANSO_ARCHIVE_KIND_CRAFT,
  BANSO_ARCHIVE_KIND_PRODUCT,
  BANSO_ARCHIVE_KIND_OTHER,
} BansoArchiveKind;

typedef enum
{
  BANSO_ARCHIVE_ACCESS_PUBLIC,
  BANSO_ARCHIVE_ACCESS_COMMUNITY,
  BANSO_ARCHIVE_ACCESS_RESTRICTED,
} BansoArchiveAccess;

typedef enum
{
  BANSO_ARCHIVE_CONSENT_UNKNOWN,
  BANSO_ARCHIVE_CONSENT_GIVEN,
  BANSO_ARCHIVE_CONSENT_PENDING,
  BANSO_ARCHIVE_CONSENT_REFUSED,
} BansoArchiveConsent;

typedef enum
{
  BANSO_ARCHIVE_MEDIA_VIDEO,
  BANSO_ARCHIVE_MEDIA_AUDIO,
  BANSO_ARCHIVE_MEDIA_PHOTO,
} BansoArchiveMediaKind;

/* One media file of an item, as GstDiscoverer saw it. */
typedef struct
{
  char                  *media_id;    /* the media document */
  char                  *sha256;
  char                  *file_name;
  char                  *mime;
  BansoArchiveMediaKind  kind;
  gint64                 size;
  gint64                 duration_ms;
  guint                  width;
  guint                  height;
  char                  *video_codec;
  char                  *audio_codec;
  char                  *taken;       /* a photo's EXIF date, ISO 8601, or NULL */
} BansoArchiveMedia;

/* A WebVTT file of an item, itself a media document. */
typedef struct
{
  char *media_id;
  char *sha256;
  char *language;   /* BCP 47: "vi", "tai" (Thái), "hmn"... */
  char *label;
} BansoArchiveSubtitle;

typedef struct
{
  gint64  start_ms;
  char   *title;
} BansoArchiveChapter;

typedef struct
{
  char                *id;
  char                *rev;
  /* Dublin Core */
  char                *title;
  char                *title_local;   /* the title in the group's own language */
  char                *description;
  char                *creator;
  char                *date;          /* ISO 8601: a year, a month or a day */
  char                *commune;       /* the commune's code: dcterms:spatial */
  gboolean             has_coords;
  double               latitude;
  double               longitude;
  GStrv                subjects;
  char                *language;
  char                *rights;
  char                *licence;
  /* the archive's own */
  GStrv                ethnic;        /* codes of ethnic groups */
  GStrv                performers;
  GStrv                keepers;       /* knowledge keepers */
  BansoArchiveConsent  consent;
  BansoArchiveKind     kind;
  BansoArchiveAccess   access;
  GStrv                roles;         /* who may see a restricted item */
  gboolean             sample;        /* demo content */
  char                *thumbnail;     /* media id of its PNG, or NULL */
  GPtrArray           *media;         /* of BansoArchiveMedia */
  GPtrArray           *subtitles;     /* of BansoArchiveSubtitle */
  GPtrArray           *chapters;      /* of BansoArchiveChapter, by time */
  char                *transcript;    /* plain text of the subtitles, for search */
} BansoArchiveItem;

BansoArchiveItem     *banso_archive_item_new          (void);
void                  banso_archive_item_free         (BansoArchiveItem      *item);
BansoArchiveItem     *banso_archive_item_from_json    (const char            *json,
                                                       GError               **error);
BansoArchiveItem     *banso_archive_item_from_object  (JsonObject            *o,
                                                       GError               **error);
char                 *banso_archive_item_to_json      (BansoArchiveItem      *item);
JsonNode             *banso_archive_item_to_node      (BansoArchiveItem      *item);
JsonNode             *banso_archive_item_to_dublin_core (BansoArchiveItem    *item);
gboolean              banso_archive_item_validate     (BansoArchiveItem      *item,
                                                       GError               **error);
BansoArchiveMediaKind banso_archive_item_media_kind   (BansoArchiveItem      *item);
int                   banso_archive_item_year         (BansoArchiveItem      *item);

void                  banso_archive_media_free        (BansoArchiveMedia     *media);
void                  banso_archive_subtitle_free     (BansoArchiveSubtitle  *subtitle);
void                  banso_archive_chapter_free      (BansoArchiveChapter   *chapter);
void                  banso_archive_item_add_chapter  (BansoArchiveItem      *item,
                                                       gint64                 start_ms,
                                                       const char            *title);

const char           *banso_archive_kind_to_string    (BansoArchiveKind       kind);
gboolean              banso_archive_kind_from_string  (const char            *text,
                                                       BansoArchiveKind      *kind);
const char           *banso_archive_kind_get_label    (BansoArchiveKind       kind);
const char           *banso_archive_access_to_string  (BansoArchiveAccess     access);
gboolean              banso_archive_access_from_string (const char           *text,
                                                       BansoArchiveAccess    *access);
const char           *banso_archive_access_get_label  (BansoArchiveAccess     access);
const char           *banso_archive_consent_to_string (BansoArchiveConsent    consent);
const char           *banso_archive_media_kind_to_string (BansoArchiveMediaKind kind);
const char           *banso_archive_media_kind_get_label (BansoArchiveMediaKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoArchiveItem, banso_archive_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoArchiveMedia, banso_archive_media_free)

G_END_DECLS
