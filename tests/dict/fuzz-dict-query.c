/* fuzz-dict-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for what the dictionary reads from outside: a search
 * box's text (folding, the tokenizer, sort keys, edit distance, a MATCH on
 * an FTS5 table of Banso's tokenizer) and an entry body as it may come from
 * the data center (validation). Nothing may crash, and the documented
 * properties must hold for every input.
 */

#include <glib.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "banso-dict.h"
#include "banso-dict-fold.h"
#include "banso-dict-search.h"
#include "banso-dict-tokenizer.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

#define CHECK(cond)                                                         \
  G_STMT_START {                                                            \
    if (G_UNLIKELY (!(cond)))                                               \
      {                                                                     \
        g_printerr ("%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        abort ();                                                           \
      }                                                                     \
  } G_STMT_END

static sqlite3 *db;

static void
open_db (void)
{
  CHECK (sqlite3_open (":memory:", &db) == SQLITE_OK);
  CHECK (banso_dict_tokenizer_register (db, FALSE, NULL));
  CHECK (sqlite3_exec (db, "CREATE VIRTUAL TABLE t USING fts5 (x, prefix = '2 3', detail = none,"
                           " tokenize = 'banso');"
                           "INSERT INTO t VALUES ('ꨌꩌ ꨌꨪꩌ'), ('nhà cửa'), ('ꪵꪢ꪿ ꪹꪢꪉ');",
                       NULL, NULL, NULL) == SQLITE_OK);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autofree char *key = NULL;
  g_autofree char *loose = NULL;
  g_autofree char *typed = NULL;
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(GBytes) sort = NULL;
  g_autoptr(GBytes) again = NULL;
  GString *expr;

  if (db == NULL)
    open_db ();

  text = g_utf8_make_valid ((const char *)data, size);
  key = banso_dict_fold (text, 0);
  loose = banso_dict_fold (text, BANSO_DICT_FOLD_IGNORE_FINAL_TONE);
  typed = banso_dict_fold_typed (text, 0);
  CHECK (g_utf8_validate (key, -1, NULL));
  CHECK (strlen (loose) <= strlen (key));
  CHECK (g_utf8_validate (typed, -1, NULL));

  /* The same text always sorts the same, in any language of the table. */
  sort = banso_dict_sort_key (text, "blt");
  again = banso_dict_sort_key (text, "blt");
  CHECK (g_bytes_equal (sort, again));
  g_clear_pointer (&sort, g_bytes_unref);
  sort = banso_dict_sort_key (text, "hnj");
  g_clear_pointer (&sort, g_bytes_unref);
  sort = banso_dict_letter_key (text, "vi");

  CHECK (banso_dict_edit_distance (key, key, 2) == 0);
  CHECK (banso_dict_edit_distance (key, "tsev", 2) <= 3);

  /* Each word alone is a token: quoted, it never makes an FTS5 error. */
  words = banso_dict_tokenizer_split (text);
  expr = g_string_new (NULL);
  for (guint i = 0; i < words->len && i < 8; i++)
    {
      const char *w = g_ptr_array_index (words, i);

      g_string_append (expr, i ? " \"" : "\"");
      for (const char *p = w; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (expr, '"');
          g_string_append_c (expr, *p);
        }
      g_string_append (expr, "\"*");
    }
  if (expr->len > 0)
    {
      sqlite3_stmt *stmt = NULL;
      int rc;

      CHECK (sqlite3_prepare_v2 (db, "SELECT rowid FROM t WHERE t MATCH ?1", -1, &stmt, NULL) == SQLITE_OK);
      sqlite3_bind_text (stmt, 1, expr->str, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        ;
      CHECK (rc == SQLITE_DONE);
      sqlite3_finalize (stmt);
    }
  g_string_free (expr, TRUE);

  /* The same bytes as an entry body and a dictionary body. */
  {
    g_autoptr(GError) error = NULL;

    if (!banso_dict_entry_validate (text, &error))
      CHECK (error != NULL && error->message != NULL);
    g_clear_error (&error);
    if (!banso_dictionary_validate (text, &error))
      CHECK (error != NULL);
  }
  return 0;
}
