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
