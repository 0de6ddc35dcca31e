/* banso-archive-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Registers the archive item document type and its tables with the core, which knows
 * nothing of the archive by name.
 */

#define G_LOG_DOMAIN "banso-archive"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-archive.h"
#include "banso-archive-private.h"
#include "banso-doc-type.h"
#include "banso-fold.h"
#include "banso-media.h"
#include "banso-schema.h"

/* 13: the culture archive's items as the grid, its filters and search read them, and which
 * item holds which media file (for the access rules on media, thumbnails and subtitles).
 * Numbered in the sequence of the whole schema; never edited. */
static const char step_13[] =
  "CREATE TABLE archive_items ("
  "  docno INTEGER PRIMARY KEY REFERENCES documents (docno) ON DELETE CASCADE,"
  "  title TEXT NOT NULL,"
  "  fold TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  media_kind TEXT NOT NULL,"
  "  year INTEGER NOT NULL,"
  "  commune TEXT NOT NULL,"
  "  ethnic TEXT NOT NULL,"
  "  languages TEXT NOT NULL,"
  "  access TEXT NOT NULL CHECK (access IN ('public', 'community', 'restricted')),"
  "  roles TEXT NOT NULL,"
  "  thumbnail TEXT,"
  "  duration_ms INTEGER NOT NULL DEFAULT 0,"
  "  sample INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX archive_items_by_title ON archive_items (title COLLATE NOCASE);"
  "CREATE TABLE archive_media ("
  "  media_id TEXT NOT NULL,"
  "  item_docno INTEGER NOT NULL REFERENCES archive_items (docno) ON DELETE CASCADE,"
  "  sha256 TEXT,"
  "  role TEXT NOT NULL,"
  "  PRIMARY KEY (media_id, item_docno)"
  ") WITHOUT ROWID;"
  "CREATE INDEX archive_media_by_sha256 ON archive_media (sha256);"
  "CREATE INDEX archive_media_by_item ON archive_media (item_docno);";

static void
append_spaced (GString            *out,
               const char * const *values)
{
  g_string_append_c (out, ' ');
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_string_append (out, values[i]);
      g_string_append_c (out, ' ');
    }
}

static gboolean
step_done (BansoTxn      *txn,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return banso_sql_error (banso_txn_get_db (txn), sqlite3_errcode (banso_txn_get_db (txn)),
                            error);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
add_media_row (BansoTxn    *txn,
               gint64       docno,
               const char  *media_id,
               const char  *sha256,
               const char  *role,
               GError     **error)
{
  sqlite3_stmt *stmt;

  if (media_id == NULL)
    return TRUE;
  stmt = banso_txn_prepare (txn,
                            "INSERT OR IGNORE INTO archive_media (media_id, item_docno, sha256, role)"
                            " VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, media_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, docno);
  sqlite3_bind_text (stmt, 3, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, role, -1, SQLITE_STATIC);
  return step_done (txn, stmt, error);
}

/* Brings archive_items and archive_media in line with an item's winning body. */
gboolean
_banso_archive_reindex_doc (BansoTxn    *txn,
                            const char  *type,
                            gint64       docno,
                            const char  *body,
                            gboolean     fresh,
                            GError     **error)
{
  g_autoptr(BansoArchiveItem) item = NULL;
  g_autoptr(GString) fold = NULL;
  g_autoptr(GString) ethnic = NULL;
  g_autoptr(GString) languages = NULL;
  g_autoptr(GString) roles = NULL;
  sqlite3_stmt *stmt;
  gint64 duration = 0;

  stmt = banso_txn_prepare (txn, "DELETE FROM archive_media WHERE item_docno = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docno);
  if (!step_done (txn, stmt, error))
    return FALSE;
  stmt = banso_txn_prepare (txn, "DELETE FROM archive_items WHERE docno = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docno);
  if (!step_done (txn, stmt, error))
    return FALSE;

  /* A removed item, or a body no longer readable (a newer version's), leaves the lists. */
  if (body == NULL || (item = banso_archive_item_from_json (body, NULL)) == NULL)
    return TRUE;

  fold = g_string_new (NULL);
  banso_fold_append (fold, item->title, -1);
  g_string_append_c (fold, ' ');
  if (item->description)
    banso_fold_append (fold, item->description, -1);
  for (guint i = 0; item->subjects && item->subjects[i]; i++)
    {
      g_string_append_c (fold, ' ');
      banso_fold_append (fold, item->subjects[i], -1);
    }
  for (guint i = 0; item->performers && item->performers[i]; i++)
    {
      g_string_append_c (fold, ' ');
      banso_fold_append (fold, item->performers[i], -1);
    }
  for (guint i = 0; item->keepers && item->keepers[i]; i++)
    {
      g_string_append_c (fold, ' ');
      banso_fold_append (fold, item->keepers[i], -1);
    }
  if (item->transcript)
    {
      g_string_append_c (fold, ' ');
      banso_fold_append (fold, item->transcript, -1);
    }

  ethnic = g_string_new (NULL);
  append_spaced (ethnic, (const char * const *) item->ethnic);
  roles = g_string_new (NULL);
  append_spaced (roles, (const char * const *) item->roles);
  languages = g_string_new (" ");
  if (item->language)
    g_string_append_printf (languages, "%s ", item->language);
  for (guint i = 0; i < item->subtitles->len; i++)
    {
      BansoArchiveSubtitle *s = g_ptr_array_index (item->subtitles, i);

      if (s->language)
        g_string_append_printf (languages, "%s ", s->language);
    }
  for (guint i = 0; i < item->media->len; i++)
    duration = MAX (duration, ((BansoArchiveMedia *) item->media->pdata[i])->duration_ms);

  stmt = banso_txn_prepare (txn,
                            "INSERT INTO archive_items (docno, title, fold, kind, media_kind, year,"
                            " commune, ethnic, languages, access, roles, thumbnail, duration_ms,"
                            " sample) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                            " ?13, ?14)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docno);
  sqlite3_bind_text (stmt, 2, item->title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, fold->str, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, banso_archive_kind_to_string (item->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5,
                     item->media->len
                     ? banso_archive_media_kind_to_string (banso_archive_item_media_kind (item))
                     : "", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, banso_archive_item_year (item));
  sqlite3_bind_text (stmt, 7, item->commune ? item->commune : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, ethnic->str, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, languages->str, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, banso_archive_access_to_string (item->access), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, roles->str, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 12, item->thumbnail, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 13, duration);
  sqlite3_bind_int (stmt, 14, item->sample);
  if (!step_done (txn, stmt, error))
    return FALSE;

  for (guint i = 0; i < item->media->len; i++)
    {
      BansoArchiveMedia *m = g_ptr_array_index (item->media, i);

      if (!add_media_row (txn, docno, m->media_id, m->sha256, "media", error))
        return FALSE;
    }
  for (guint i = 0; i < item->subtitles->len; i++)
    {
      BansoArchiveSubtitle *s = g_ptr_array_index (item->subtitles, i);

      if (!add_media_row (txn, docno, s->media_id, s->sha256, "subtitles", error))
        return FALSE;
    }
  return add_media_row (txn, docno, item->thumbnail, NULL, "thumbnail", error);
}

static gboolean
reindex_all (BansoTxn  *txn,
             GError   **error)
{
  g_autoptr(GPtrArray) docnos = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) bodies = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  stmt = banso_txn_prepare (txn,
                            "SELECT docno, body FROM documents WHERE type = '"
                            BANSO_ARCHIVE_ITEM_TYPE "' AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 *docno = g_new (gint64, 1);

      *docno = sqlite3_column_int64 (stmt, 0);
      g_ptr_array_add (docnos, docno);
      g_ptr_array_add (bodies, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < docnos->len; i++)
    if (!_banso_archive_reindex_doc (txn, BANSO_ARCHIVE_ITEM_TYPE,
                                     *(gint64 *) docnos->pdata[i], bodies->pdata[i], FALSE,
                                     error))
      return FALSE;
  return TRUE;
}

static gboolean
validate_item (const char  *body,
               GError     **error)
{
  g_autoptr(BansoArchiveItem) item = banso_archive_item_from_json (body, error);

  return item != NULL;
}

static char *
display_name (JsonObject *body)
{
  return g_strdup (json_object_get_string_member_with_default (body, "title", NULL));
}

static const BansoDocField item_fields[] = {
  { "title", N_("Title") },
  { "description", N_("Description") },
  { "creator", N_("Creator") },
  { "date", N_("Date") },
  { "commune", N_("Commune") },
  { "kind", N_("Kind") },
  { "access", N_("Access") },
  { "consent", N_("Consent") },
  { "chapters", N_("Chapters") },
  { "subtitles", N_("Subtitles") },
};

static const BansoCheckQuery item_checks[] = {
  { "SELECT d.id FROM documents d WHERE d.type = '" BANSO_ARCHIVE_ITEM_TYPE "' AND d.deleted = 0"
    " AND NOT EXISTS (SELECT 1 FROM archive_items a WHERE a.docno = d.docno)",
    N_("An archive item is missing from the archive's index") },
  { "SELECT d.id FROM archive_items a JOIN documents d USING (docno) WHERE d.deleted = 1",
    N_("A removed archive item is still in the archive's index") },
};

/* No scope: the archive belongs to the district office, and only an administrator chooses
 * between two versions of an item. */
static const BansoDocType item_type = {
  .name = BANSO_ARCHIVE_ITEM_TYPE,
  .label = N_("Archive item"),
  .index = _banso_archive_reindex_doc,
  .reindex_all = reindex_all,
  .index_version = 13,
  .validate = validate_item,
  .fields = item_fields,
  .n_fields = G_N_ELEMENTS (item_fields),
  .display_name = display_name,
  .checks = item_checks,
  .n_checks = G_N_ELEMENTS (item_checks),
};

/**
 * banso_archive_init:
 *
 * Registers the archive's type and tables. Every program that opens an office database
 * calls it first; calling it again does nothing.
 */
void
banso_archive_init (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      banso_media_init ();
      banso_schema_add_step (13, step_13);
      banso_doc_type_register (&item_type);
      g_once_init_leave (&done, 1);
    }
}

__attribute__ ((constructor)) static void
register_at_load (void)
{
  banso_archive_init ();
}
