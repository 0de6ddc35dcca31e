/* banso-archive-ingest.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "banso-archive.h"

G_BEGIN_DECLS

/* What every file of one ingest gets; NULL and -1 leave the default. */
typedef struct
{
  const char         *title;        /* for a single file; else from the file name */
  const char         *description;
  const char         *ethnic;       /* code */
  const char         *commune;      /* code */
  const char         *date;
  const char         *language;     /* of the recording and of a WebVTT without one */
  const char * const *subtitles;    /* WebVTT files chosen, besides those matched by name */
  int                 kind;         /* BansoArchiveKind */
  BansoArchiveAccess  access;
  const char * const *roles;
  gboolean            sample;
} BansoIngestOptions;

#define BANSO_INGEST_OPTIONS_INIT { NULL, NULL, NULL, NULL, NULL, NULL, NULL, -1, \
                                    BANSO_ARCHIVE_ACCESS_PUBLIC, NULL, FALSE }

typedef struct
{
  char     *path;
  char     *item_id;    /* the new item, or the one that already holds the file */
  gboolean  duplicate;
  GError   *error;      /* why the file was refused, or NULL */
} BansoIngestResult;

typedef void (*BansoIngestProgressFunc) (guint       done,
                                         guint       total,
                                         const char *path,
                                         gpointer    user_data);

GPtrArray *banso_archive_ingest          (BansoStore               *store,
                                          BansoUser                *user,
                                          const char * const       *paths,
                                          const BansoIngestOptions *options,
                                          BansoIngestProgressFunc   progress,
                                          gpointer                  progress_data,
                                          GCancellable             *cancellable,
                                          GError                  **error);
GPtrArray *banso_archive_expand_paths    (const char * const       *paths,
                                          GError                  **error);
char      *banso_archive_language_of_vtt (const char               *media_path,
                                          const char               *vtt_path,
                                          const char               *fallback);
const char *banso_archive_language_label (const char               *code);
void       banso_ingest_result_free      (BansoIngestResult        *result);

G_END_DECLS
