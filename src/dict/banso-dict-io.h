/* banso-dict-io.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "banso-store.h"

G_BEGIN_DECLS

/* Bytes of the file read so far of @total, and the entries read. */
typedef void (*BansoDictImportProgress) (guint64   done,
                                         guint64   total,
                                         guint     entries,
                                         gpointer  user_data);

/**
 * BansoDictImportFlags:
 * @BANSO_DICT_IMPORT_DEFAULT: a sound file an entry names must be there
 * @BANSO_DICT_IMPORT_KEEP_MISSING_MEDIA: a missing sound file is not an
 *   error; its reference is kept as the file had it, without a media document
 */
typedef enum
{
  BANSO_DICT_IMPORT_DEFAULT            = 0,
  BANSO_DICT_IMPORT_KEEP_MISSING_MEDIA = 1 << 0,
} BansoDictImportFlags;

typedef struct
{
  char  *dictionary_id;  /* the new dictionary document */
  char  *title;
  guint  n_entries;
  guint  n_media;        /* sound and picture files copied in */
} BansoDictImportResult;

void                   banso_dict_import_result_free (BansoDictImportResult   *result);

BansoDictImportResult *banso_dict_import_file        (BansoStore              *store,
                                                      BansoUser               *user,
                                                      const char              *path,
                                                      const char              *lang,
                                                      BansoDictImportFlags     flags,
                                                      BansoDictImportProgress  progress,
                                                      gpointer                 user_data,
                                                      GCancellable            *cancellable,
                                                      GError                 **error);
gboolean               banso_dict_export_file        (BansoStore              *store,
                                                      const char              *lang,
                                                      const char              *dictionary,
                                                      const char              *path,
                                                      guint                   *n_entries,
                                                      GCancellable            *cancellable,
                                                      GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoDictImportResult, banso_dict_import_result_free)

G_END_DECLS
