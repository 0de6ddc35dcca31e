/* banso-archive-package.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Archive packages, to move a collection between offices without a network: a folder, or
 * a .zip written and read with libarchive, holding manifest.json (each item's body, its
 * Dublin Core terms and its files with their SHA-256), the media files, thumbnails and
 * WebVTT files. Only the items the exporting user may see go in, and the manifest says how
 * many were left out. An import checks every file against its hash before anything is
 * written, then writes everything in one transaction, keeping the ids so that a later sync
 * does not make doubles. */

#define G_LOG_DOMAIN "banso-archive"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "banso-archive-package.h"
#include "banso-archive-private.h"
#include "banso-document.h"
#include "banso-json.h"
#include "banso-media.h"

#define PACKAGE_VERSION_NUMBER 1

static void
set_str (char       **place,
         const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*place);
  *place = copy;
}

static gboolean
package_error (GError    **error,
               const char *package,
               const char *what)
{
  g_set_error (error, BANSO_ARCHIVE_ERROR, BANSO_ARCHIVE_ERROR_PACKAGE,
               _("Package %s: %s"), package, what);
  return FALSE;
}

/* An id as Banso makes them (hexadecimal, letters, digits, - _ . :), never one of the
 * server's own ("_design/…"). */
static gboolean
id_is_valid (const char *id)
{
  gsize len = id != NULL ? strlen (id) : 0;

  if (len == 0 || len > 128 || id[0] == '_')
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (id[i]) && strchr ("-_.:", id[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* The files of an entry, each an object naming its path, hash, media document and role. */
static gboolean
files_are_complete (JsonArray *files)
{
  for (guint f = 0; f < json_array_get_length (files); f++)
    {
      JsonObject *file = _banso_json_node_object (json_array_get_element (files, f));

      if (_banso_json_string (file, "path") == NULL || _banso_json_string (file, "sha256") == NULL
          || !id_is_valid (_banso_json_string (file, "media")) || _banso_json_string (file, "role") == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autoptr(GFile) src = g_file_new_for_path (from);
  g_autoptr(GFile) dst = g_file_new_for_path (to);

  return g_file_copy (src, dst, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

static char *
safe_name (const char *name)
{
  GString *out = g_string_new (NULL);

  for (const char *p = name ? name : "file"; *p; p++)
    g_string_append_c (out, (*p == '/' || *p == '\\' || *p == ':') ? '_' : *p);
  return g_string_free (out, FALSE);
}

/* Adds one file of an item to the manifest entry and to the folder. */
static gboolean
add_file (BansoStore   *store,
          BansoUser    *user,
          JsonBuilder  *b,
          const char   *dir,
          const char   *folder,
          const char   *role,
          const char   *media_id,
          const char   *file_name,
          GError      **error)
{
  g_autofree char *path = banso_archive_media_path (store, user, media_id, error);
  g_autoptr(BansoMediaFile) file = NULL;
  g_autofree char *safe = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *target = NULL;
  g_autofree char *subdir = NULL;

  if (path == NULL || (file = banso_media_lookup (store, media_id, error)) == NULL)
    return FALSE;
  safe = safe_name (file_name);
  relative = g_strdup_printf ("%s/%.12s-%s", folder, file->sha256, safe);
  subdir = g_build_filename (dir, folder, NULL);
  target = g_build_filename (dir, relative, NULL);
  if (g_mkdir_with_parents (subdir, 0755) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   _("Could not create the folder %s: %s"), subdir, g_strerror (errno));
      return FALSE;
    }
  if (!copy_file (path, target, error))
    return FALSE;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "media");
  json_builder_add_string_value (b, media_id);
  json_builder_set_member_name (b, "role");
  json_builder_add_string_value (b, role);
  json_builder_set_member_name (b, "path");
  json_builder_add_string_value (b, relative);
  json_builder_set_member_name (b, "file_name");
  json_builder_add_string_value (b, file_name ? file_name : safe);
  json_builder_set_member_name (b, "sha256");
  json_builder_add_string_value (b, file->sha256);
  json_builder_set_member_name (b, "size");
  json_builder_add_int_value (b, file->size);
  json_builder_end_object (b);
  return TRUE;
}

static gboolean
export_folder (BansoStore          *store,
               BansoUser           *user,
               const char * const  *ids,
               const char          *dir,
               BansoPackageStats   *stats,
               GCancellable        *cancellable,
               GError             **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *manifest = NULL;
  g_autofree char *now = banso_now_iso8601 ();
  gint64 everything;
  guint written = 0, left_out = 0, restricted = 0;

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   _("Could not create the folder %s: %s"), dir, g_strerror (errno));
      return FALSE;
    }
  if (ids == NULL)
    {
      if ((all = banso_archive_list_ids (store, user, error)) == NULL)
        return FALSE;
      g_ptr_array_add (all, NULL);
      ids = (const char * const *) all->pdata;
      /* Everything there is, as an administrator counts it, against what this user sees. */
      everything = banso_archive_count (store, NULL, NULL, NULL);
      {
        g_autoptr(BansoUser) admin = banso_store_dup_admin (store, NULL);

        if (admin != NULL)
          everything = banso_archive_count (store, admin, NULL, NULL);
      }
      left_out = everything > (gint64) (all->len - 1) ? everything - (all->len - 1) : 0;
    }

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, BANSO_ARCHIVE_PACKAGE_FORMAT);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, PACKAGE_VERSION_NUMBER);
  json_builder_set_member_name (b, "exported_at");
  json_builder_add_string_value (b, now);
  json_builder_set_member_name (b, "exported_by");
  json_builder_add_string_value (b, user ? banso_user_get_name (user) : "");
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(BansoArchiveItem) item = NULL;
      g_autoptr(GError) local = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      item = banso_archive_load (store, user, ids[i], &local);
      if (item == NULL)
        {
          if (!g_error_matches (local, BANSO_ARCHIVE_ERROR, BANSO_ARCHIVE_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return FALSE;
            }
          left_out++;
          continue;
        }
      if (item->access != BANSO_ARCHIVE_ACCESS_PUBLIC)
        restricted++;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, item->id);
      json_builder_set_member_name (b, "dublin_core");
      json_builder_add_value (b, banso_archive_item_to_dublin_core (item));
      json_builder_set_member_name (b, "item");
      json_builder_add_value (b, banso_archive_item_to_node (item));
      json_builder_set_member_name (b, "files");
      json_builder_begin_array (b);
      for (guint m = 0; m < item->media->len; m++)
        {
          BansoArchiveMedia *media = g_ptr_array_index (item->media, m);

          if (!add_file (store, user, b, dir, "media", "media", media->media_id,
                         media->file_name, error))
            return FALSE;
        }
      for (guint s = 0; s < item->subtitles->len; s++)
        {
          BansoArchiveSubtitle *sub = g_ptr_array_index (item->subtitles, s);
          g_autofree char *name = g_strdup_printf ("%s.%s.vtt", item->id, sub->language);

          if (!add_file (store, user, b, dir, "subtitles", "subtitles", sub->media_id, name,
                         error))
            return FALSE;
        }
      if (item->thumbnail != NULL)
        {
          g_autofree char *name = g_strdup_printf ("%s.png", item->id);

          if (!add_file (store, user, b, dir, "thumbnails", "thumbnail", item->thumbnail, name,
                         error))
            return FALSE;
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      written++;
    }
  json_builder_end_array (b);

  /* What the package says of what it holds and what it does not. */
  json_builder_set_member_name (b, "left_out");
  json_builder_add_int_value (b, left_out);
  json_builder_set_member_name (b, "not_public");
  json_builder_add_int_value (b, restricted);
  json_builder_set_member_name (b, "note");
  if (left_out > 0)
    json_builder_add_string_value (b, "Items the exporting user may not see were left out.");
  else
    json_builder_add_string_value (b, "Every item asked for is in the package.");
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  manifest = g_build_filename (dir, BANSO_ARCHIVE_PACKAGE_MANIFEST, NULL);
  if (!json_generator_to_file (gen, manifest, error))
    return FALSE;
  if (stats != NULL)
    {
      stats->items = written;
      stats->left_out = left_out;
    }
  return TRUE;
}

static gboolean
add_tree_to_zip (struct archive  *zip,
                 const char      *root,
                 const char      *relative,
                 GError         **error)
{
  g_autofree char *dir = relative ? g_build_filename (root, relative, NULL) : g_strdup (root);
  g_autoptr(GDir) d = g_dir_open (dir, 0, error);
  const char *entry;

  if (d == NULL)
    return FALSE;
  while ((entry = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *rel = relative ? g_build_filename (relative, entry, NULL) : g_strdup (entry);
      g_autofree char *full = g_build_filename (root, rel, NULL);
      g_autofree char *contents = NULL;
      struct archive_entry *e;
      gsize len;

      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        {
          if (!add_tree_to_zip (zip, root, rel, error))
            return FALSE;
          continue;
        }
      if (!g_file_get_contents (full, &contents, &len, error))
        return FALSE;
      e = archive_entry_new ();
      archive_entry_set_pathname_utf8 (e, rel);
      archive_entry_set_size (e, len);
      archive_entry_set_filetype (e, AE_IFREG);
      archive_entry_set_perm (e, 0644);
      if (archive_write_header (zip, e) != ARCHIVE_OK
          || archive_write_data (zip, contents, len) != (la_ssize_t) len)
        {
          g_set_error (error, BANSO_ARCHIVE_ERROR, BANSO_ARCHIVE_ERROR_PACKAGE,
                       _("Could not write %s into the package: %s"), rel,
                       archive_error_string (zip));
          archive_entry_free (e);
          return FALSE;
        }
      archive_entry_free (e);
    }
  return TRUE;
}

static char *
make_tmpdir (GError **error)
{
  return g_dir_make_tmp ("banso-package-XXXXXX", error);
}

static void
rm_rf (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
      const char *entry;

      while (d != NULL && (entry = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, entry, NULL);

          rm_rf (child);
        }
    }
  g_remove (path);
}

/**
 * banso_archive_export:
 * @ids: (nullable): the items to export; %NULL: every item @user may see
 * @destination: a folder, or a file ending in .zip
 *
 * Writes a package of the items. Items @user may not see are left out, and counted in the
 * manifest and in @stats. Blocks: call it in a worker.
 */
gboolean
banso_archive_export (BansoStore          *store,
                      BansoUser           *user,
                      const char * const  *ids,
                      const char          *destination,
                      BansoPackageStats   *stats,
                      GCancellable        *cancellable,
                      GError             **error)
{
  g_autofree char *lower = g_ascii_strdown (destination, -1);
  g_autofree char *tmp = NULL;
  g_autofree char *partial = NULL;
  struct archive *zip;
  gboolean ok;

  if (!g_str_has_suffix (lower, ".zip"))
    return export_folder (store, user, ids, destination, stats, cancellable, error);

  if ((tmp = make_tmpdir (error)) == NULL)
    return FALSE;
  ok = export_folder (store, user, ids, tmp, stats, cancellable, error);
  if (ok)
    {
      partial = g_strconcat (destination, ".part", NULL);
      zip = archive_write_new ();
      archive_write_set_format_zip (zip);
      if (archive_write_open_filename (zip, partial) != ARCHIVE_OK)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("Could not write %s: %s"),
                       destination, archive_error_string (zip));
          ok = FALSE;
        }
      else
        ok = add_tree_to_zip (zip, tmp, NULL, error);
      if (archive_write_close (zip) != ARCHIVE_OK && ok)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("Could not write %s: %s"),
                       destination, archive_error_string (zip));
          ok = FALSE;
        }
      archive_write_free (zip);
      if (ok && g_rename (partial, destination) != 0)
        {
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                       _("Could not write %s: %s"), destination, g_strerror (errno));
          ok = FALSE;
        }
      if (!ok)
        g_remove (partial);
    }
  rm_rf (tmp);
  return ok;
}

/* Unpacks a .zip into @dir, refusing names that would leave it. */
static gboolean
unzip (const char  *package,
       const char  *dir,
       GError     **error)
{
  struct archive *a = archive_read_new ();
  struct archive_entry *e;
  g_autofree char *display = g_filename_display_basename (package);
  gboolean ok = TRUE;
  int r;

  archive_read_support_format_zip (a);
  if (archive_read_open_filename (a, package, 64 * 1024) != ARCHIVE_OK)
    {
      ok = package_error (error, display, archive_error_string (a));
      archive_read_free (a);
      return ok;
    }
  while ((r = archive_read_next_header (a, &e)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname (e);
      g_autofree char *target = NULL;
      g_autofree char *parent = NULL;
      FILE *out;
      const void *buf;
      size_t size;
      la_int64_t offset;

      if (name == NULL || name[0] == '/' || strstr (name, "..") != NULL)
        {
          ok = package_error (error, display, _("it holds a file outside its folder"));
          break;
        }
      if (archive_entry_filetype (e) != AE_IFREG)
        continue;
      target = g_build_filename (dir, name, NULL);
      parent = g_path_get_dirname (target);
      g_mkdir_with_parents (parent, 0700);
      if ((out = g_fopen (target, "wb")) == NULL)
        {
          ok = package_error (error, display, g_strerror (errno));
          break;
        }
      while ((r = archive_read_data_block (a, &buf, &size, &offset)) == ARCHIVE_OK)
        if (size > 0 && fwrite (buf, 1, size, out) != size)
          {
            r = ARCHIVE_FATAL;
            break;
          }
      fclose (out);
      if (r != ARCHIVE_EOF)
        {
          ok = package_error (error, display, archive_error_string (a));
          break;
        }
    }
  if (ok && r != ARCHIVE_EOF)
    ok = package_error (error, display, archive_error_string (a));
  archive_read_free (a);
  return ok;
}

static char *
file_sha256 (const char *path)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint8 buffer[64 * 1024];
  gssize n;

  if ((in = g_file_read (file, NULL, NULL)) == NULL)
    return NULL;
  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buffer, sizeof buffer, NULL, NULL)) > 0)
    g_checksum_update (sum, buffer, n);
  if (n < 0)
    return NULL;
  return g_strdup (g_checksum_get_string (sum));
}

typedef struct
{
  JsonObject *entry;
  BansoArchiveItem *item;
} ImportItem;

static gboolean
import_folder (BansoStore         *store,
               BansoUser          *user,
               const char         *dir,
               const char         *display,
               BansoPackageStats  *stats,
               GCancellable       *cancellable,
               GError            **error)
{
  g_autofree char *manifest = g_build_filename (dir, BANSO_ARCHIVE_PACKAGE_MANIFEST, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) banso_archive_item_free);
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  JsonObject *root;
  JsonArray *list;
  BansoTxn *txn;
  guint imported = 0, skipped = 0;

  if (!json_parser_load_from_file (parser, manifest, &local))
    {
      g_autofree char *what = g_strdup_printf (_("its manifest.json cannot be read: %s"),
                                               local->message);

      return package_error (error, display, what);
    }
  root = _banso_json_node_object (json_parser_get_root (parser));
  if (root == NULL || g_strcmp0 (_banso_json_string (root, "format"), BANSO_ARCHIVE_PACKAGE_FORMAT) != 0)
    return package_error (error, display, _("it is not an archive package of Banso"));
  if (_banso_json_int (root, "version") > PACKAGE_VERSION_NUMBER)
    return package_error (error, display, _("it was made by a newer version of Banso"));
  list = _banso_json_array (root, "items");
  if (list == NULL)
    return package_error (error, display, _("its manifest lists no items"));

  /* Everything is checked before anything is written. */
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *entry = _banso_json_node_object (json_array_get_element (list, i));
      JsonObject *body = _banso_json_object (entry, "item");
      JsonArray *files = _banso_json_array (entry, "files");
      const char *id = _banso_json_string (entry, "id");
      BansoArchiveItem *item;

      if (body == NULL || files == NULL || !id_is_valid (id) || !files_are_complete (files))
        {
          g_autofree char *what = g_strdup_printf (_("item %u of its manifest is incomplete"),
                                                   i + 1);

          return package_error (error, display, what);
        }
      item = banso_archive_item_from_object (body, &local);
      if (item == NULL)
        {
          g_autofree char *what = g_strdup_printf (_("item %u: %s"), i + 1, local->message);

          return package_error (error, display, what);
        }
      g_free (item->id);
      item->id = g_strdup (id);
      g_clear_pointer (&item->rev, g_free);
      g_ptr_array_add (items, item);
      g_ptr_array_add (entries, entry);

      for (guint f = 0; f < json_array_get_length (files); f++)
        {
          JsonObject *file = json_array_get_object_element (files, f);
          const char *rel = _banso_json_string (file, "path");
          const char *sha = _banso_json_string (file, "sha256");
          g_autofree char *path = NULL;
          g_autofree char *actual = NULL;

          if (rel[0] == '/' || strstr (rel, "..") != NULL)
            return package_error (error, display, _("it names a file outside its folder"));
          path = g_build_filename (dir, rel, NULL);
          if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
            {
              g_autofree char *what = g_strdup_printf (_("the file %s of “%s” is missing"), rel,
                                                       item->title);

              return package_error (error, display, what);
            }
          actual = file_sha256 (path);
          if (g_strcmp0 (actual, sha) != 0)
            {
              g_autofree char *what =
                g_strdup_printf (_("the file %s of “%s” was altered (its SHA-256 differs)"),
                                 rel, item->title);

              return package_error (error, display, what);
            }
        }
    }

  /* Banso's own copies of the files, then every item in one transaction. */
  {
    g_autoptr(GHashTable) copied = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_ptr_array_unref);
    g_autoptr(GHashTable) sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

    for (guint i = 0; i < entries->len; i++)
      {
        JsonArray *files = _banso_json_array (entries->pdata[i], "files");

        for (guint f = 0; f < json_array_get_length (files); f++)
          {
            JsonObject *file = json_array_get_object_element (files, f);
            const char *rel = _banso_json_string (file, "path");
            g_autofree char *path = g_build_filename (dir, rel, NULL);
            GPtrArray *chunks = g_ptr_array_new_with_free_func (g_free);
            gint64 *size = g_new0 (gint64, 1);
            g_autofree char *sha = banso_media_copy_in (store, path, chunks, size, cancellable,
                                                        error);

            if (sha == NULL)
              {
                g_ptr_array_unref (chunks);
                g_free (size);
                return FALSE;
              }
            g_hash_table_replace (copied, g_strdup (sha), chunks);
            g_hash_table_replace (sizes, g_strdup (sha), size);
          }
      }

    if ((txn = banso_store_begin (store, user, error)) == NULL)
      return FALSE;
    for (guint i = 0; i < items->len; i++)
      {
        BansoArchiveItem *item = items->pdata[i];
        JsonArray *files = _banso_json_array (entries->pdata[i], "files");
        g_autoptr(BansoDocInfo) existing = NULL;
        sqlite3 *db = banso_txn_get_db (txn);

        existing = banso_doc_lookup (db, item->id, NULL);
        if (existing != NULL && !existing->deleted)
          {
            skipped++;
            continue;
          }
        for (guint f = 0; f < json_array_get_length (files); f++)
          {
            JsonObject *file = json_array_get_object_element (files, f);
            const char *sha = _banso_json_string (file, "sha256");
            const char *media_id = _banso_json_string (file, "media");
            const char *role = _banso_json_string (file, "role");
            const char *file_name = _banso_json_string (file, "file_name");
            g_autofree char *base = g_path_get_basename (_banso_json_string (file, "path"));
            g_autofree char *local_id = NULL;

            if (file_name == NULL)
              file_name = base;
            local_id = _banso_archive_put_media (txn, sha, media_id, file_name, file_name,
                                                 g_str_equal (role, "subtitles") ? "text/vtt"
                                                 : g_str_equal (role, "thumbnail") ? "image/png"
                                                 : "application/octet-stream",
                                                 *(gint64 *) g_hash_table_lookup (sizes, sha),
                                                 g_hash_table_lookup (copied, sha), error);
            if (local_id == NULL)
              goto fail;
            /* A file this office already had keeps its own media document. */
            for (guint m = 0; m < item->media->len; m++)
              {
                BansoArchiveMedia *media = item->media->pdata[m];

                if (g_strcmp0 (media->media_id, media_id) == 0)
                  set_str (&media->media_id, local_id);
              }
            for (guint s = 0; s < item->subtitles->len; s++)
              {
                BansoArchiveSubtitle *sub = item->subtitles->pdata[s];

                if (g_strcmp0 (sub->media_id, media_id) == 0)
                  set_str (&sub->media_id, local_id);
              }
            if (g_strcmp0 (item->thumbnail, media_id) == 0)
              set_str (&item->thumbnail, local_id);
          }
        if (!_banso_archive_put (txn, item, TRUE, error))
          goto fail;
        imported++;
      }
    if (!banso_txn_commit (txn, error))
      return FALSE;
  }

  if (stats != NULL)
    {
      stats->items = imported;
      stats->skipped = skipped;
      stats->left_out = CLAMP (_banso_json_int (root, "left_out"), 0, G_MAXUINT);
    }
  return TRUE;

fail:
  banso_txn_rollback (txn);
  return FALSE;
}

/**
 * banso_archive_import:
 * @package: a package folder or .zip
 *
 * Imports a package made by banso_archive_export(), all or nothing: a missing or altered
 * file refuses the whole package and leaves the archive as it was. Items already here
 * (the same id) are left as they are. Blocks: call it in a worker.
 */
gboolean
banso_archive_import (BansoStore          *store,
                      BansoUser           *user,
                      const char          *package,
                      BansoPackageStats   *stats,
                      GCancellable        *cancellable,
                      GError             **error)
{
  g_autofree char *display = g_filename_display_basename (package);
  g_autofree char *tmp = NULL;
  gboolean ok;

  if (!banso_user_can_edit_archive (user, error))
    return FALSE;
  if (g_file_test (package, G_FILE_TEST_IS_DIR))
    return import_folder (store, user, package, display, stats, cancellable, error);
  if (!g_file_test (package, G_FILE_TEST_IS_REGULAR))
    return package_error (error, display, _("there is no such folder or file"));

  if ((tmp = make_tmpdir (error)) == NULL)
    return FALSE;
  ok = unzip (package, tmp, error)
       && import_folder (store, user, tmp, display, stats, cancellable, error);
  rm_rf (tmp);
  return ok;
}
