/* banso-media-type.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Registers the media document type and its table with the core.
 */

#define G_LOG_DOMAIN "banso-media"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-doc-type.h"
#include "banso-media.h"
#include "banso-schema.h"

/* 8: media files of the culture archive: how many of each file's pieces are
 * here (pulled ones arrive a piece at a time) and whether the server has
 * them all. Numbered in the sequence of the whole schema; never edited. */
static const char step_8[] =
  "CREATE TABLE media_files ("
  "  docno INTEGER PRIMARY KEY REFERENCES documents (docno) ON DELETE CASCADE,"
  "  sha256 TEXT NOT NULL,"
  "  size INTEGER NOT NULL,"
  "  chunks INTEGER NOT NULL,"
  "  have INTEGER NOT NULL DEFAULT 0,"
  "  sent INTEGER NOT NULL DEFAULT 0 CHECK (sent IN (0, 1))"
  ");"
  "CREATE INDEX media_files_by_sha256 ON media_files (sha256);";

static gboolean
index_media (BansoTxn    *txn,
             const char  *type,
             gint64       docno,
             const char  *body,
             gboolean     fresh,
             GError     **error)
{
  return banso_media_reindex_doc (txn, docno, body, error);
}

/* No scope: a media file belongs to the whole office, and only an
 * administrator chooses between two versions of its description. */
static const BansoDocType media_type = {
  .name = BANSO_MEDIA_TYPE,
  .label = N_("Media file"),
  .index = index_media,
};

/**
 * banso_media_init:
 *
 * Registers the media type and its table. Every program that opens an
 * office database calls it first; calling it again does nothing.
 */
void
banso_media_init (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      banso_schema_add_step (8, step_8);
      banso_doc_type_register (&media_type);
      g_once_init_leave (&done, 1);
    }
}

/* Every program that links the media library has the type registered before
 * main(): a store can never open with a schema that lacks its table. */
__attribute__ ((constructor)) static void
register_at_load (void)
{
  banso_media_init ();
}
