/* banso-media.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "banso-document.h"
#include "banso-store.h"

G_BEGIN_DECLS

#define BANSO_MEDIA_TYPE "media"

/* Media files travel in pieces of this size, so that a cut link resumes from
 * the last whole piece. */
#define BANSO_MEDIA_CHUNK_SIZE (1024 * 1024)

/* The prefix of the server documents that carry the pieces. */
#define BANSO_MEDIA_CHUNK_PREFIX "media-chunk:"

/* A media file as the store keeps track of it. */
typedef struct
{
  char   *id;          /* of the media document */
  char   *sha256;      /* of the whole file, and its name in the media folder */
  gint64  size;
  guint   chunks;
  guint   have;        /* leading pieces present here */
  gboolean sent;       /* every piece is on the server */
} BansoMediaFile;

void            banso_media_init           (void);
void            banso_media_file_free      (BansoMediaFile   *file);

char           *banso_media_dir            (BansoStore       *store);
char           *banso_media_path           (BansoStore       *store,
                                            const char       *sha256);
char           *banso_media_chunk_id       (const char       *sha256,
                                            guint             index);

gboolean        banso_user_can_edit_archive (BansoUser       *user,
                                             GError         **error);

char           *banso_media_add            (BansoStore       *store,
                                            BansoUser        *user,
                                            const char       *path,
                                            const char       *title,
                                            const char       *mime,
                                            GCancellable     *cancellable,
                                            GError          **error);
char           *banso_media_add_in         (BansoTxn         *txn,
                                            const char       *path,
                                            const char       *title,
                                            const char       *mime,
                                            GCancellable     *cancellable,
                                            GError          **error);
char           *banso_media_copy_in        (BansoStore       *store,
                                            const char       *path,
                                            GPtrArray        *chunks,
                                            gint64           *out_size,
                                            GCancellable     *cancellable,
                                            GError          **error);
void            banso_media_append_body    (GString          *body,
                                            const char       *title,
                                            const char       *file_name,
                                            const char       *mime,
                                            const char       *sha256,
                                            gint64            size,
                                            GPtrArray        *chunks);
BansoMediaFile *banso_media_lookup         (BansoStore       *store,
                                            const char       *id,
                                            GError          **error);
char           *banso_media_dup_chunk_hash (sqlite3          *db,
                                            const char       *sha256,
                                            guint             index);

gboolean        banso_media_reindex_doc    (BansoTxn         *txn,
                                            gint64            docno,
                                            const char       *body,
                                            GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoMediaFile, banso_media_file_free)

G_END_DECLS
