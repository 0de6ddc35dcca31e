/* banso-dict-io.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dictionary files in and out of the store. An import is one transaction:
 * the dictionary, every entry and every sound and picture file they name
 * (as media documents), or nothing. The reading and writing of the formats
 * is banso-dict-format's.
 */

#define G_LOG_DOMAIN "banso-dict"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "banso-dict.h"
#include "banso-json.h"
#include "banso-dict-io.h"
#include "banso-media.h"
#ifdef BANSO_HAVE_DICT_FORMATS
#include "banso-dict-format.h"
#endif

void
banso_dict_import_result_free (BansoDictImportResult *result)
{
  if (result == NULL)
    return;
  g_free (result->dictionary_id);
  g_free (result->title);
  g_free (result);
}

#ifdef BANSO_HAVE_DICT_FORMATS

typedef struct
{
  BansoTxn                *txn;
  const char              *path;
  const char              *lang;
  BansoDictImportFlags     flags;
  char                    *folder;
  char                    *dictionary_id;
  GHashTable              *media;     /* full path → media id */
  BansoDictImportProgress  progress;
  gpointer                 user_data;
  GCancellable            *cancellable;
  guint                    n_entries;
  guint64                  done, total;
} Import;

/* Copies a file an entry names into the media folder once, and notes its
 * media document beside the reference, which stays as the file had it. */
static gboolean
add_media (Import      *im,
           JsonObject  *media,
           JsonObject  *entry,
           gboolean     required,
           GError     **error)
{
  const char *href = json_object_get_string_member_with_default (media, "href", NULL);
  g_autofree char *full = NULL;
  g_autofree char *head = NULL;
  const char *id;

  if (href == NULL || *href == '\0' || g_uri_peek_scheme (href) != NULL)
    return TRUE;
  full = g_path_is_absolute (href) ? g_strdup (href) : g_build_filename (im->folder, href, NULL);
  id = g_hash_table_lookup (im->media, full);
  if (id == NULL)
    {
      g_autofree char *type = NULL;
      char *new_id;

      if (!g_file_test (full, G_FILE_TEST_IS_REGULAR))
        {
          if (!required || (im->flags & BANSO_DICT_IMPORT_KEEP_MISSING_MEDIA))
            return TRUE;
          head = banso_dict_entry_headword (entry);
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                       _("%s: entry “%s”: the sound file %s is missing; nothing was imported."),
                       im->path, head, full);
          return FALSE;
        }
      type = g_content_type_guess (full, NULL, 0, NULL);
      head = banso_dict_entry_headword (entry);
      new_id = banso_media_add_in (im->txn, full, head, type, im->cancellable, error);
      if (new_id == NULL)
        return FALSE;
      g_hash_table_insert (im->media, g_strdup (full), new_id);
      id = new_id;
    }
  json_object_set_string_member (media, "media_id", id);
  return TRUE;
}

static gboolean
add_media_list (Import      *im,
                JsonObject  *holder,
                const char  *member,
                JsonObject  *entry,
                gboolean     required,
                GError     **error)
{
  JsonArray *list = _banso_json_array (holder, member);

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);

      if (JSON_NODE_HOLDS_OBJECT (node) &&
          !add_media (im, json_node_get_object (node), entry, required, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_sense_pictures (Import      *im,
                    JsonObject  *sense,
                    JsonObject  *entry,
                    GError     **error)
{
  JsonArray *subs = _banso_json_array (sense, "subsenses");

  if (!add_media_list (im, sense, "pictures", entry, FALSE, error))
    return FALSE;
  for (guint i = 0; subs != NULL && i < json_array_get_length (subs); i++)
    if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (subs, i)) &&
        !add_sense_pictures (im, json_node_get_object (json_array_get_element (subs, i)), entry, error))
      return FALSE;
  return TRUE;
}

static gboolean
import_entry (JsonObject  *entry,
              gpointer     user_data,
              GError     **error)
{
  Import *im = user_data;
  JsonArray *list;

  if (g_cancellable_set_error_if_cancelled (im->cancellable, error))
    return FALSE;

  json_object_set_string_member (entry, "dictionary", im->dictionary_id);
  if (im->lang != NULL &&
      g_strcmp0 (json_object_get_string_member_with_default (entry, "lang", "und"), "und") == 0)
    json_object_set_string_member (entry, "lang", im->lang);
  list = _banso_json_array (entry, "pronunciations");
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (list, i)) &&
        !add_media_list (im, json_node_get_object (json_array_get_element (list, i)), "media",
                         entry, TRUE, error))
      return FALSE;
  list = _banso_json_array (entry, "senses");
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (list, i)) &&
        !add_sense_pictures (im, json_node_get_object (json_array_get_element (list, i)), entry, error))
      return FALSE;

  if (!banso_dict_entry_save (im->txn, NULL, NULL, entry, BANSO_DOC_PUT_IMPORT, NULL, NULL, error))
    {
      g_autofree char *head = banso_dict_entry_headword (entry);

      g_prefix_error (error, _("%s: entry %u (“%s”): "), im->path, im->n_entries + 1, head);
      return FALSE;
    }
  im->n_entries++;
  if (im->progress != NULL && im->n_entries % 500 == 0)
    im->progress (im->done, im->total, im->n_entries, im->user_data);
  return TRUE;
}

static void
import_progress (guint64  done,
                 guint64  total,
                 gpointer user_data)
{
  Import *im = user_data;

  im->done = done;
  im->total = total;
}

static JsonObject *
dictionary_from_info (JsonObject *info,
                      const char *path)
{
  JsonObject *d = json_object_new ();
  g_autofree char *base = g_path_get_basename (path);
  const char *title = info ? json_object_get_string_member_with_default (info, "title", NULL) : NULL;
  const char *lang = info ? json_object_get_string_member_with_default (info, "lang", NULL) : NULL;
  const char *desc = info ? json_object_get_string_member_with_default (info, "description", NULL) : NULL;
  JsonArray *glosses = info ? _banso_json_array (info, "gloss_langs") : NULL;
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  json_object_set_string_member (d, "title", title && *title ? title : base);
  json_object_set_string_member (d, "lang", lang && *lang ? lang : "und");
  if (glosses != NULL)
    json_object_set_array_member (d, "gloss_langs", json_array_ref (glosses));
  if (desc != NULL)
    json_object_set_string_member (d, "description", desc);
  if (info != NULL)
    json_object_set_object_member (d, "info", json_object_ref (info));
  return d;
}

#endif

/**
 * banso_dict_import_file:
 * @path: a LIFT, StarDict `.ifo`, dictd `.index` or CSV file
 * @lang: (nullable): the language of the entries when the file does not say
 * @flags: what a missing sound file does
 *
 * Imports a dictionary file as a new dictionary, all or nothing, in one
 * transaction; a sound file an entry names but that is missing refuses the
 * whole file, naming the entry and the file. Runs in a worker thread.
 *
 * Returns: (transfer full): what was imported, or %NULL
 */
BansoDictImportResult *
banso_dict_import_file (BansoStore               *store,
                        BansoUser                *user,
                        const char               *path,
                        const char               *lang,
                        BansoDictImportFlags      flags,
                        BansoDictImportProgress   progress,
                        gpointer                  user_data,
                        GCancellable             *cancellable,
                        GError                  **error)
{
#ifdef BANSO_HAVE_DICT_FORMATS
  g_autoptr(JsonObject) info = NULL;
  g_autoptr(JsonObject) first = NULL;
  g_autoptr(JsonObject) dictionary = NULL;
  g_autoptr(GHashTable) media = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *rev = NULL;
  g_autofree char *folder = g_path_get_dirname (path);
  BansoDictImportResult *result;
  BansoDictFormat format;
  Import im = { 0 };

  if (!banso_user_can_edit_dictionaries (user, error))
    return NULL;
  format = banso_dict_format_guess (path);
  if (format == BANSO_DICT_FORMAT_UNKNOWN)
    {
      g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_UNSUPPORTED,
                   _("%s: not a dictionary file Banso reads (LIFT, StarDict .ifo, dictd .index or CSV)."),
                   path);
      return NULL;
    }

  im.path = path;
  im.lang = lang;
  im.flags = flags;
  im.folder = folder;
  im.media = media;
  im.progress = progress;
  im.user_data = user_data;
  im.cancellable = cancellable;
  if (!(im.txn = banso_store_begin (store, user, error)))
    return NULL;

  /* The dictionary is written first, for its entries to name it, and its
   * description once the file has said what it is. */
  first = dictionary_from_info (NULL, path);
  if (!banso_dictionary_save (im.txn, NULL, NULL, first, &im.dictionary_id, &rev, error) ||
      !banso_dict_read (path, format, &info, import_entry, import_progress, &im, cancellable,
                        error))
    goto fail;
  dictionary = dictionary_from_info (info, path);
  if (lang != NULL &&
      g_str_equal (json_object_get_string_member (dictionary, "lang"), "und"))
    json_object_set_string_member (dictionary, "lang", lang);
  if (!banso_dictionary_save (im.txn, im.dictionary_id, rev, dictionary, NULL, NULL, error) ||
      (im.n_entries >= 10000 && !banso_dict_optimize (im.txn, error)))
    goto fail;
  if (!banso_txn_commit (im.txn, error))
    {
      g_free (im.dictionary_id);
      return NULL;
    }
  if (progress != NULL)
    progress (im.total, im.total, im.n_entries, user_data);

  result = g_new0 (BansoDictImportResult, 1);
  result->dictionary_id = g_steal_pointer (&im.dictionary_id);
  result->title = g_strdup (json_object_get_string_member (dictionary, "title"));
  result->n_entries = im.n_entries;
  result->n_media = g_hash_table_size (media);
  return result;

fail:
  banso_txn_rollback (im.txn);
  g_free (im.dictionary_id);
  return NULL;
#else
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("%s: this build of Banso cannot read dictionary files."), path);
  return NULL;
#endif
}

/**
 * banso_dict_export_file:
 * @lang: (nullable): the entries of this language
 * @dictionary: (nullable): the entries of this dictionary
 * @path: `.lift`, `.ifo` or `.csv`: the format follows the name
 *
 * Writes entries in the alphabet order; nothing appears at @path unless the
 * whole file was written.
 */
gboolean
banso_dict_export_file (BansoStore    *store,
                        const char    *lang,
                        const char    *dictionary,
                        const char    *path,
                        guint         *n_entries,
                        GCancellable  *cancellable,
                        GError       **error)
{
#ifdef BANSO_HAVE_DICT_FORMATS
  g_autoptr(BansoDictWriter) writer = NULL;
  g_autoptr(JsonObject) info = json_object_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  BansoDictFormat format = BANSO_DICT_FORMAT_UNKNOWN;
  sqlite3 *db;
  guint n = 0;
  int rc;
  gboolean ok = FALSE;

  if (g_str_has_suffix (path, ".lift"))
    format = BANSO_DICT_FORMAT_LIFT;
  else if (g_str_has_suffix (path, ".ifo"))
    format = BANSO_DICT_FORMAT_STARDICT;
  else if (g_str_has_suffix (path, ".csv"))
    format = BANSO_DICT_FORMAT_CSV;
  if (format == BANSO_DICT_FORMAT_UNKNOWN)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s: Banso writes dictionaries as LIFT (.lift), StarDict (.ifo) or CSV (.csv)."),
                   path);
      return FALSE;
    }

  if (!(db = banso_store_acquire_reader (store, error)))
    return FALSE;
  if (!banso_sql_exec (db, "BEGIN", error))
    goto out;

  /* What the file says of itself: the dictionary's description, or the language. */
  stmt = banso_sql_prepare (db,
                            "SELECT d.body FROM documents d JOIN dict_dictionary_index x USING (docno)"
                            " WHERE d.deleted = 0 AND (?1 IS NULL OR d.id = ?1) AND (?2 IS NULL OR x.lang = ?2)"
                            " ORDER BY x.sample, d.docno LIMIT 1",
                            error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_text (stmt, 1, dictionary, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, lang, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(JsonNode) node = json_from_string ((const char *)sqlite3_column_text (stmt, 0), NULL);

      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *d = json_node_get_object (node);
          JsonObject *extra = _banso_json_object (d, "info");

          if (extra != NULL)
            {
              json_object_unref (info);
              info = json_object_ref (extra);
            }
          json_object_set_string_member (info, "title", json_object_get_string_member_with_default (d, "title", ""));
          json_object_set_string_member (info, "lang", json_object_get_string_member_with_default (d, "lang", "und"));
          if (json_object_has_member (d, "gloss_langs"))
            json_object_set_member (info, "gloss_langs", json_node_copy (json_object_get_member (d, "gloss_langs")));
        }
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!json_object_has_member (info, "lang") || lang != NULL)
    json_object_set_string_member (info, "lang", lang ? lang : "und");
  if (!json_object_has_member (info, "title"))
    json_object_set_string_member (info, "title", lang ? lang : "Banso");

  if (!(writer = banso_dict_writer_new (path, format, info, error)))
    goto out;
  stmt = banso_sql_prepare (db,
                            "SELECT d.body FROM dict_entry_index x JOIN documents d USING (docno)"
                            " WHERE (?1 IS NULL OR x.lang = ?1) AND (?2 IS NULL OR x.dictionary = ?2)"
                            " ORDER BY x.lang, x.sort_key",
                            error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, dictionary, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JsonNode) node = json_from_string ((const char *)sqlite3_column_text (stmt, 0), NULL);
      JsonObject *entry;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        continue;
      entry = json_node_get_object (node);
      json_object_remove_member (entry, "dictionary");
      if (!banso_dict_writer_add (writer, entry, error))
        goto out;
      n++;
    }
  if (rc != SQLITE_DONE)
    {
      banso_sql_error (db, rc, error);
      goto out;
    }
  ok = banso_dict_writer_finish (writer, error);

out:
  g_clear_pointer (&stmt, sqlite3_finalize);
  banso_store_release_reader (store, db);
  if (ok && n_entries != NULL)
    *n_entries = n;
  return ok;
#else
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("%s: this build of Banso cannot write dictionary files."), path);
  return FALSE;
#endif
}
