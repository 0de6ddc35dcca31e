/* test-dict-tasks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's calls: search, open, save with the draft, remove and undo,
 * import (all or nothing, progress, cancel, sounds as media documents, a
 * missing sound refused) and export, on FieldWorks's own LIFT files.
 */

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "banso-dict.h"
#include "banso-dict-tasks.h"
#include "banso-drafts.h"
#include "banso-test-util.h"

typedef struct
{
  char       *dir;
  BansoStore *store;
  BansoUser  *admin;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = banso_test_open_tmp_store (&f->dir, &f->admin);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  banso_test_close_tmp_store (f->store, f->admin, f->dir);
}

typedef struct
{
  gboolean  done;
  gpointer  result;
  GError   *error;
} Wait;

static void
finished (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Wait *w = user_data;

  w->result = banso_store_task_finish (BANSO_STORE (source), result, &w->error);
  w->done = TRUE;
}

static void
wait_for (Wait *w)
{
  while (!w->done)
    g_main_context_iteration (NULL, TRUE);
}

static char *
data_path (const char *folder,
           const char *file)
{
  const char *data = g_getenv ("BANSO_DICT_DATA_DIR");

  return g_build_filename (data ? data : "/work/shared/data/dict", folder, file, NULL);
}

static void
on_progress (guint64  done,
             guint64  total,
             guint    entries,
             gpointer user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (done, <=, total);
  (*calls)++;
}

static BansoDictImportResult *
import_flags (Fixture              *f,
              BansoUser            *user,
              const char           *path,
              BansoDictImportFlags  flags,
              guint                *progress_calls,
              GCancellable         *cancellable,
              GError              **error);

static BansoDictImportResult *
import (Fixture     *f,
        BansoUser   *user,
        const char  *path,
        guint       *progress_calls,
        GCancellable *cancellable,
        GError     **error)
{
  return import_flags (f, user, path, 0, progress_calls, cancellable, error);
}

static BansoDictImportResult *
import_flags (Fixture              *f,
              BansoUser            *user,
              const char           *path,
              BansoDictImportFlags  flags,
        guint       *progress_calls,
        GCancellable *cancellable,
        GError     **error)
{
  Wait w = { 0 };

  banso_dict_import_async (f->store, user, path, NULL, flags, progress_calls ? on_progress : NULL,
                           progress_calls, cancellable, finished, &w);
  wait_for (&w);
  if (w.error != NULL)
    g_propagate_error (error, w.error);
  /* Progress reports still queued arrive before anyone looks at them. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return w.result;
}

static void
test_entry_tasks (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) d = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *dict_id = NULL;
  g_autofree char *json = NULL;
  BansoDictEntryDoc *saved, *loaded;
  BansoDictRemoval *removal;
  GPtrArray *hits;
  Wait w = { 0 };
  BansoTxn *txn;

  json_object_set_string_member (d, "title", "Mông");
  json_object_set_string_member (d, "lang", "hnj");
  txn = banso_store_begin (f->store, f->admin, &error);
  g_assert_true (banso_dictionary_save (txn, NULL, NULL, d, &dict_id, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (banso_txn_commit (txn, &error));
  g_assert_true (banso_draft_save (f->store, f->admin, "dict-entry:new", BANSO_DICT_ENTRY_TYPE, NULL,
                                   "{\"forms\":[]}", &error));
  g_assert_no_error (error);

  json = g_strdup_printf ("{\"dictionary\":\"%s\",\"forms\":[{\"ws\":\"hnj-Latn\",\"text\":\"qaib\"}],"
                          "\"senses\":[{\"glosses\":[{\"ws\":\"vi\",\"text\":\"gà\"}]}]}", dict_id);
  node = json_from_string (json, NULL);

  /* Save, with the draft gone in the same transaction. */
  banso_dict_entry_save_async (f->store, f->admin, NULL, NULL, json_node_get_object (node),
                               "dict-entry:new", NULL, finished, &w);
  wait_for (&w);
  g_assert_no_error (w.error);
  saved = w.result;
  g_assert_nonnull (saved->id);
  g_assert_cmpint (banso_test_store_query_int (f->store, "SELECT count (*) FROM drafts"), ==, 0);
  /* The language came from the headword's writing system. */
  g_assert_cmpstr (json_object_get_string_member (saved->entry, "lang"), ==, "hnj");

  /* Search it. */
  {
    g_autoptr(BansoDictQuery) q = banso_dict_query_new ("ga");
    Wait s = { 0 };

    banso_dict_search_async (f->store, q, NULL, finished, &s);
    wait_for (&s);
    g_assert_no_error (s.error);
    hits = s.result;
    g_assert_cmpuint (hits->len, ==, 1);
    g_assert_cmpstr (((BansoDictHit *)g_ptr_array_index (hits, 0))->headword, ==, "qaib");
    g_ptr_array_unref (hits);
  }

  /* Open it. */
  memset (&w, 0, sizeof w);
  banso_dict_entry_load_async (f->store, saved->id, NULL, finished, &w);
  wait_for (&w);
  g_assert_no_error (w.error);
  loaded = w.result;
  g_assert_cmpstr (loaded->rev, ==, saved->rev);

  /* Saving at an old revision is a conflict, and changes nothing. */
  memset (&w, 0, sizeof w);
  banso_dict_entry_save_async (f->store, f->admin, saved->id, "1-00000000000000000000000000000000",
                               loaded->entry, NULL, NULL, finished, &w);
  wait_for (&w);
  g_assert_nonnull (w.error);
  g_clear_error (&w.error);

  /* Remove, then undo. */
  memset (&w, 0, sizeof w);
  banso_dict_entry_remove_async (f->store, f->admin, saved->id, NULL, finished, &w);
  wait_for (&w);
  g_assert_no_error (w.error);
  removal = w.result;
  g_assert_cmpint (banso_test_store_query_int (f->store, "SELECT count (*) FROM dict_entry_index"), ==, 0);
  memset (&w, 0, sizeof w);
  banso_dict_entry_restore_async (f->store, f->admin, removal, NULL, finished, &w);
  wait_for (&w);
  g_assert_no_error (w.error);
  g_assert_cmpint (banso_test_store_query_int (f->store, "SELECT count (*) FROM dict_entry_index"), ==, 1);

  /* The list of dictionaries counts it. */
  memset (&w, 0, sizeof w);
  banso_dict_list_async (f->store, NULL, finished, &w);
  wait_for (&w);
  g_assert_no_error (w.error);
  g_assert_cmpuint (((GPtrArray *)w.result)->len, ==, 1);
  g_assert_cmpuint (((BansoDictionaryInfo *)g_ptr_array_index ((GPtrArray *)w.result, 0))->n_entries, ==, 1);
  g_ptr_array_unref (w.result);

  banso_dict_entry_doc_free (saved);
  banso_dict_entry_doc_free (loaded);
}

static void
test_import_lift (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = data_path ("sena", "Sena.lift");
  g_autofree char *out = g_build_filename (f->dir, "sena-out.lift", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoDictImportResult) result = NULL;
  g_autoptr(BansoDictImportResult) again = NULL;
  g_autoptr(BansoUser) trainer = banso_test_add_user (f->store, f->admin, "t", "Giàng A Tủa",
                                                      BANSO_ROLE_TRAINER, NULL);
  guint calls = 0;
  guint *n;
  Wait w = { 0 };

  /* Only a lexicographer or an administrator imports. */
  g_assert_null (import (f, trainer, path, NULL, NULL, &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION);
  g_clear_error (&error);

  /* FieldWorks's Sena export names four sound files it does not ship: the
   * import is refused, naming the first, unless told to keep them missing. */
  g_assert_null (import (f, f->admin, path, NULL, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "minecraft-villager-sound-effect.mp3"));
  g_clear_error (&error);
  g_assert_cmpint (banso_test_store_query_int (f->store, "SELECT count (*) FROM documents"), ==, 0);

  result = import_flags (f, f->admin, path, BANSO_DICT_IMPORT_KEEP_MISSING_MEDIA, &calls, NULL,
                         &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_entries, ==, 1462);
  g_assert_cmpuint (result->n_media, ==, 0);
  g_assert_cmpuint (calls, >, 1);
  g_assert_cmpint (banso_test_store_query_int (f->store, "SELECT count (*) FROM dict_entry_index"), ==, 1462);

  /* Exported and imported again: the same entries. */
  banso_dict_export_async (f->store, NULL, result->dictionary_id, out, NULL, finished, &w);
  wait_for (&w);
  g_assert_no_error (w.error);
  n = w.result;
  g_assert_cmpuint (*n, ==, 1462);
  g_free (n);
  again = import_flags (f, f->admin, out, BANSO_DICT_IMPORT_KEEP_MISSING_MEDIA, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->n_entries, ==, 1462);
  g_assert_cmpint (banso_test_store_query_int (f->store,
                                               "SELECT count (*) FROM (SELECT headword, glosses FROM dict_entry_index"
                                               " GROUP BY headword, glosses HAVING count (*) % 2 != 0)"),
                   ==, 0);
}

static void
test_import_cancel (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = data_path ("lotud", "Lotud.lift");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  BansoTestCounts before, after;

  banso_test_get_counts (f->store, &before);
  g_cancellable_cancel (cancellable);
  g_assert_null (import (f, f->admin, path, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  banso_test_get_counts (f->store, &after);
  banso_test_assert_same_counts (&before, &after);
}

static void
test_import_sound (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = data_path ("single-entry-two-sounds", "SingleEntryLiftWithSound.lift");
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoDictImportResult) result = import (f, f->admin, path, NULL, NULL, &error);
  g_autofree char *body = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (result->n_entries, ==, 1);
  g_assert_cmpuint (result->n_media, ==, 2);
  g_assert_cmpint (banso_test_store_query_int (f->store,
                                               "SELECT count (*) FROM documents WHERE type = 'media'"),
                   ==, 2);
  body = banso_test_store_query_text (f->store,
                                      "SELECT body FROM documents WHERE type = 'dict-entry' AND ?1 IS NOT NULL",
                                      "x");
  g_assert_nonnull (strstr (body, "\"media_id\""));
  g_assert_nonnull (strstr (body, "\"href\""));
}

static void
test_import_missing_sound (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *src = data_path ("single-entry-with-sound", "SingleEntryLiftWithSound.lift");
  g_autofree char *copy = g_build_filename (f->dir, "lonely.lift", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  BansoTestCounts before, after;
  gsize len;

  /* The LIFT file without its audio folder beside it. */
  g_assert_true (g_file_get_contents (src, &text, &len, NULL));
  g_assert_true (g_file_set_contents (copy, text, len, NULL));
  banso_test_get_counts (f->store, &before);
  g_assert_null (import (f, f->admin, copy, NULL, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "lonely.lift"));
  g_assert_nonnull (strstr (error->message, "short.mp3"));
  g_assert_nonnull (strstr (error->message, "entry"));
  banso_test_get_counts (f->store, &after);
  banso_test_assert_same_counts (&before, &after);
  g_assert_cmpint (banso_test_store_query_int (f->store, "SELECT count (*) FROM documents"), ==, 0);
}

static void
test_import_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "broken.lift", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "<?xml version=\"1.0\"?>\n<lift version=\"0.13\">\n"
                                      "<entry id=\"a\"><lexical-unit><form lang=\"hnj\"><text>tsev</text>"
                                      "</form></lexical-unit></entry>\n<entry id=\"b\"><lexical-unit>",
                                      -1, NULL));
  g_assert_null (import (f, f->admin, path, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "broken.lift"));
  g_assert_cmpint (banso_test_store_query_int (f->store, "SELECT count (*) FROM documents"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  BANSO_TEST_ADD ("/dict/tasks/entry", test_entry_tasks);
  BANSO_TEST_ADD ("/dict/tasks/import-lift", test_import_lift);
  BANSO_TEST_ADD ("/dict/tasks/import-cancel", test_import_cancel);
  BANSO_TEST_ADD ("/dict/tasks/import-sound", test_import_sound);
  BANSO_TEST_ADD ("/dict/tasks/import-missing-sound", test_import_missing_sound);
  BANSO_TEST_ADD ("/dict/tasks/import-refused", test_import_refused);

  return g_test_run ();
}
