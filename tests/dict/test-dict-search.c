/* test-dict-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Search through the store: ranking, both directions, suggestions, browse
 * order, the tokenizer against unicode61 on Cham words, validation, roles,
 * the list source, reindexing.
 */

#include <glib.h>
#include <string.h>

#include "banso-check.h"
#include "banso-dict.h"
#include "banso-dict-search.h"
#include "banso-dict-source.h"
#include "banso-dict-tokenizer.h"
#include "banso-record-row.h"
#include "banso-schema.h"
#include "banso-test-util.h"

typedef struct
{
  char       *dir;
  BansoStore *store;
  BansoUser  *admin;
  char       *hnj;    /* dictionary ids */
  char       *blt;
  char       *cjm;
} Fixture;

static JsonObject *
make_entry (const char *dictionary,
            const char *lang,
            const char *ws,
            const char *headword,
            const char *gloss_vi,
            const char *definition,
            const char *example)
{
  g_autofree char *json = NULL;
  g_autoptr(GString) sense = g_string_new ("{\"glosses\":[{\"ws\":\"vi\",\"text\":\"");

  g_string_append_printf (sense, "%s\"}]", gloss_vi);
  if (definition != NULL)
    g_string_append_printf (sense, ",\"definitions\":[{\"ws\":\"vi\",\"text\":\"%s\"}]", definition);
  if (example != NULL)
    g_string_append_printf (sense, ",\"examples\":[{\"forms\":[{\"ws\":\"%s\",\"text\":\"%s\"}]}]",
                            ws, example);
  g_string_append (sense, "}");
  json = g_strdup_printf ("{\"dictionary\":\"%s\",\"lang\":\"%s\",\"forms\":[{\"ws\":\"%s\","
                          "\"text\":\"%s\"}],\"senses\":[%s]}",
                          dictionary, lang, ws, headword, sense->str);
  {
    g_autoptr(JsonNode) node = json_from_string (json, NULL);

    g_assert_nonnull (node);
    return json_object_ref (json_node_get_object (node));
  }
}

static char *
add_dictionary (BansoTxn   *txn,
                const char *lang,
                const char *title,
                gboolean    reference)
{
  g_autoptr(JsonObject) d = json_object_new ();
  g_autoptr(GError) error = NULL;
  char *id = NULL;

  json_object_set_string_member (d, "title", title);
  json_object_set_string_member (d, "lang", lang);
  if (reference)
    json_object_set_boolean_member (d, "reference", TRUE);
  g_assert_true (banso_dictionary_save (txn, NULL, NULL, d, &id, NULL, &error));
  g_assert_no_error (error);
  return id;
}

static void
add (BansoTxn   *txn,
     JsonObject *entry)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (banso_dict_entry_save (txn, NULL, NULL, entry, 0, NULL, NULL, &error));
  g_assert_no_error (error);
  json_object_unref (entry);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BansoTxn *txn;

  f->store = banso_test_open_tmp_store (&f->dir, &f->admin);
  txn = banso_store_begin (f->store, f->admin, &error);
  g_assert_no_error (error);
  f->hnj = add_dictionary (txn, "hnj", "Mông", FALSE);
  f->blt = add_dictionary (txn, "blt", "Thái", FALSE);
  f->cjm = add_dictionary (txn, "cjm", "Chăm", FALSE);

  add (txn, make_entry (f->hnj, "hnj", "hnj-Latn", "tsev", "nhà", NULL, NULL));
  add (txn, make_entry (f->hnj, "hnj", "hnj-Latn", "tsev neeg", "gia đình", NULL, NULL));
  add (txn, make_entry (f->hnj, "hnj", "hnj-Latn", "tsho", "áo", "mặc tsev", NULL));
  add (txn, make_entry (f->hnj, "hnj", "hnj-Latn", "tes", "tay", NULL, NULL));
  add (txn, make_entry (f->hnj, "hnj", "hnj-Latn", "txiv", "bố", NULL, "Kuv txiv nyob tsev."));
  add (txn, make_entry (f->hnj, "hnj", "hnj-Latn", "ntxhais", "con gái", NULL, NULL));
  add (txn, make_entry (f->hnj, "hnj", "hnj-Latn", "ntoo", "cây", NULL, NULL));
  add (txn, make_entry (f->hnj, "hnj", "hnj-Latn", "kaum", "mười", "tsev kaum", NULL));
  add (txn, make_entry (f->blt, "blt", "blt-Tavt", "ꪵꪢ꪿", "mẹ", NULL, NULL));
  add (txn, make_entry (f->blt, "blt", "blt-Tavt", "ꪹꪢꪉ", "mường", NULL, NULL));
  add (txn, make_entry (f->blt, "blt", "blt-Tavt", "ꪢꪱ꫁", "ngựa", NULL, NULL));
  add (txn, make_entry (f->blt, "blt", "blt-Tavt", "ꪣꪱ", "chó", NULL, NULL));
  add (txn, make_entry (f->cjm, "cjm", "cjm-Cham", "ꨌꩌ", "người Chăm", "ꨌꩌ", NULL));
  add (txn, make_entry (f->cjm, "cjm", "cjm-Cham", "ꨌꨪꩌ", "chim", "ꨌꨪꩌ", NULL));
  g_assert_true (banso_txn_commit (txn, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_free (f->hnj);
  g_free (f->blt);
  g_free (f->cjm);
  banso_test_close_tmp_store (f->store, f->admin, f->dir);
}

static GPtrArray *
search (Fixture              *f,
        const char           *text,
        const char           *lang,
        BansoDictSearchFlags  flags)
{
  g_autoptr(BansoDictQuery) q = banso_dict_query_new (text);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = banso_store_acquire_reader (f->store, &error);
  GPtrArray *hits;

  g_assert_no_error (error);
  q->lang = g_strdup (lang);
  q->flags = flags;
  hits = banso_dict_search (db, q, &error);
  g_assert_no_error (error);
  banso_store_release_reader (f->store, db);
  return hits;
}

static void
assert_hit (GPtrArray      *hits,
            guint           i,
            const char     *headword,
            BansoDictMatch  match)
{
  BansoDictHit *hit;

  if (i >= hits->len)
    g_error ("result %u (%s) missing: %u results", i, headword, hits->len);
  hit = g_ptr_array_index (hits, i);
  g_assert_cmpstr (hit->headword, ==, headword);
  g_assert_cmpstr (banso_dict_match_to_string (hit->match), ==, banso_dict_match_to_string (match));
}

/* Among the glosses, one that is exactly the word typed comes before one
 * that holds it, whichever was stored first. */
static void
test_whole_gloss_first (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  BansoTxn *txn = banso_store_begin (f->store, f->admin, &error);

  g_assert_no_error (error);
  add (txn, make_entry (f->hnj, "hnj", "hnj-Latn", "liaj", "ruộng nước", NULL, NULL));
  add (txn, make_entry (f->hnj, "hnj", "hnj-Latn", "qhov dej", "giếng nước", NULL, NULL));
  add (txn, make_entry (f->hnj, "hnj", "hnj-Latn", "dej", "nước", NULL, NULL));
  g_assert_true (banso_txn_commit (txn, &error));
  g_assert_no_error (error);

  hits = search (f, "nuoc", NULL, BANSO_DICT_SEARCH_DEFAULT);
  assert_hit (hits, 0, "dej", BANSO_DICT_MATCH_GLOSS);
  g_assert_cmpuint (hits->len, ==, 3);
}

static void
test_ranking (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = search (f, "tsev", NULL, 0);

  /* Exact headword, headword prefix, gloss word… */
  assert_hit (hits, 0, "tsev", BANSO_DICT_MATCH_EXACT);
  assert_hit (hits, 1, "tsev neeg", BANSO_DICT_MATCH_PREFIX);
  /* …then words in definitions and examples. */
  g_assert_cmpuint (hits->len, ==, 5);
  for (guint i = 2; i < hits->len; i++)
    g_assert_cmpint (((BansoDictHit *)g_ptr_array_index (hits, i))->match, ==,
                     BANSO_DICT_MATCH_TEXT);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Without tones or capitals, a headword's prefix. */
  hits = search (f, "TS", NULL, 0);
  g_assert_cmpuint (hits->len, ==, 5);
  assert_hit (hits, 0, "tsev", BANSO_DICT_MATCH_PREFIX);
  assert_hit (hits, 1, "tsev neeg", BANSO_DICT_MATCH_PREFIX);
  assert_hit (hits, 2, "tsho", BANSO_DICT_MATCH_PREFIX);
  g_assert_cmpint (((BansoDictHit *)g_ptr_array_index (hits, 3))->match, ==, BANSO_DICT_MATCH_TEXT);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* The languages filter. */
  hits = search (f, "tsev", "blt", 0);
  g_assert_cmpuint (hits->len, ==, 0);
}

static void
test_reverse (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = search (f, "nha", NULL, 0);

  /* "nha" typed without its tone finds the gloss "nhà". */
  assert_hit (hits, 0, "tsev", BANSO_DICT_MATCH_GLOSS);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = search (f, "Gia Đình", NULL, 0);
  assert_hit (hits, 0, "tsev neeg", BANSO_DICT_MATCH_GLOSS);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Forward only: the glosses are not searched. */
  hits = search (f, "nha", NULL, BANSO_DICT_SEARCH_FORWARD_ONLY | BANSO_DICT_SEARCH_NO_SUGGESTIONS);
  g_assert_cmpuint (hits->len, ==, 0);
}

static void
test_fuzzy (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = search (f, "txiw", NULL, 0);

  assert_hit (hits, 0, "txiv", BANSO_DICT_MATCH_FUZZY);
  g_clear_pointer (&hits, g_ptr_array_unref);
  /* Two edits. */
  hits = search (f, "ntxais", NULL, 0);
  assert_hit (hits, 0, "ntxhais", BANSO_DICT_MATCH_FUZZY);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (f, "nthaiz", NULL, 0);
  assert_hit (hits, 0, "ntxhais", BANSO_DICT_MATCH_FUZZY);
  g_clear_pointer (&hits, g_ptr_array_unref);
  /* Three are too many. */
  hits = search (f, "qqqqqqq", NULL, 0);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (f, "txiw", NULL, BANSO_DICT_SEARCH_NO_SUGGESTIONS);
  g_assert_cmpuint (hits->len, ==, 0);
}

static void
test_ignore_tone (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = search (f, "tse", "hnj", BANSO_DICT_SEARCH_IGNORE_TONE);

  assert_hit (hits, 0, "tsev", BANSO_DICT_MATCH_EXACT);
  g_clear_pointer (&hits, g_ptr_array_unref);
  /* A tone letter typed wrong still finds the word. */
  hits = search (f, "tses", "hnj", BANSO_DICT_SEARCH_IGNORE_TONE);
  assert_hit (hits, 0, "tsev", BANSO_DICT_MATCH_EXACT);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (f, "tse", "hnj", 0);
  assert_hit (hits, 0, "tsev", BANSO_DICT_MATCH_PREFIX);
}

static void
test_tai_viet (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = search (f, "ꪢ", NULL, 0);

  /* Typing the consonant finds the words written with a pre-base vowel. */
  g_assert_cmpuint (hits->len, ==, 3);
  for (guint i = 0; i < hits->len; i++)
    g_assert_cmpint (((BansoDictHit *)g_ptr_array_index (hits, i))->match, ==,
                     BANSO_DICT_MATCH_PREFIX);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Typed in visual order. */
  hits = search (f, "ꪵꪢ", NULL, 0);
  assert_hit (hits, 0, "ꪵꪢ꪿", BANSO_DICT_MATCH_EXACT);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* The other placement of the tone mark, and none. */
  hits = search (f, "ꪢ꫁ꪱ", NULL, 0);
  assert_hit (hits, 0, "ꪢꪱ꫁", BANSO_DICT_MATCH_EXACT);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (f, "ꪢꪱ", NULL, 0);
  assert_hit (hits, 0, "ꪢꪱ꫁", BANSO_DICT_MATCH_EXACT);
}

/* Whether @word matches each of @rows, in a table of @tokenizer. */
static gint64
count_matches (sqlite3    *db,
               const char *tokenizer,
               const char *word)
{
  g_autofree char *create = g_strdup_printf ("DROP TABLE IF EXISTS t;"
                                             "CREATE VIRTUAL TABLE t USING fts5 (x, tokenize = '%s');"
                                             "INSERT INTO t VALUES ('ꨌꩌ');"      /* Cam */
                                             "INSERT INTO t VALUES ('ꨌꨪꩌ');",    /* cim */
                                             tokenizer);
  g_autofree char *query = g_strdup_printf ("SELECT count (*) FROM t WHERE t MATCH '\"%s\"'", word);

  banso_test_raw_exec (db, create);
  return banso_test_query_int (db, query);
}

static void
test_tokenizer (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_true (banso_dict_tokenizer_register (db, FALSE, &error));
  g_assert_no_error (error);
  /* unicode61 cuts both words at their vowel signs: ꨌꩌ finds ꨌꨪꩌ too. */
  g_assert_cmpint (count_matches (db, "unicode61", "ꨌꩌ"), ==, 2);
  /* Banso's tokenizer keeps them whole. */
  g_assert_cmpint (count_matches (db, BANSO_DICT_TOKENIZER, "ꨌꩌ"), ==, 1);
  g_assert_cmpint (count_matches (db, BANSO_DICT_TOKENIZER, "ꨌꨪꩌ"), ==, 1);
  sqlite3_close (db);

  /* And through the dictionary's full-text search. */
  hits = search (f, "ꨌꩌ", "cjm", BANSO_DICT_SEARCH_REVERSE_ONLY | BANSO_DICT_SEARCH_NO_SUGGESTIONS);
  g_assert_cmpuint (hits->len, ==, 1);
  assert_hit (hits, 0, "ꨌꩌ", BANSO_DICT_MATCH_TEXT);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (f, "ꨌꩌ", "cjm", 0);
  assert_hit (hits, 0, "ꨌꩌ", BANSO_DICT_MATCH_EXACT);
  g_assert_cmpuint (hits->len, ==, 1);

  {
    g_autoptr(GPtrArray) words = banso_dict_tokenizer_split ("ꨌꨪꩌ, Lò-Văn \"x\" ꫁");

    g_assert_cmpuint (words->len, ==, 4);
    g_assert_cmpstr (g_ptr_array_index (words, 0), ==, "ꨌꨪꩌ");
    g_assert_cmpstr (g_ptr_array_index (words, 2), ==, "Văn");
  }
}

static GPtrArray *
browse (Fixture    *f,
        const char *lang,
        const char *letter)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = banso_store_acquire_reader (f->store, &error);
  GPtrArray *hits = banso_dict_browse (db, lang, letter, NULL, 0, 100, &error);
  guint n = 0;

  g_assert_no_error (error);
  g_assert_true (banso_dict_browse_count (db, lang, letter, NULL, &n, &error));
  g_assert_cmpuint (n, ==, hits->len);
  banso_store_release_reader (f->store, db);
  return hits;
}

static void
test_browse (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = browse (f, "hnj", NULL);
  static const char * const order[] = {
    "kaum", "ntoo", "ntxhais", "tes", "tsev", "tsev neeg", "tsho", "txiv",
  };

  g_assert_cmpuint (hits->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < hits->len; i++)
    assert_hit (hits, i, order[i], BANSO_DICT_MATCH_BROWSE);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* "ts" and "tsh" are letters of their own: "t" is only "tes". */
  hits = browse (f, "hnj", "t");
  g_assert_cmpuint (hits->len, ==, 1);
  assert_hit (hits, 0, "tes", BANSO_DICT_MATCH_BROWSE);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = browse (f, "hnj", "ts");
  g_assert_cmpuint (hits->len, ==, 2);     /* tsho is under "tsh" */
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Tai Viet by consonant: ꪢ holds the words written ꪵꪢ and ꪹꪢ. */
  hits = browse (f, "blt", "ꪢ");
  g_assert_cmpuint (hits->len, ==, 3);
  assert_hit (hits, 0, "ꪢꪱ꫁", BANSO_DICT_MATCH_BROWSE);
  assert_hit (hits, 1, "ꪵꪢ꪿", BANSO_DICT_MATCH_BROWSE);
  assert_hit (hits, 2, "ꪹꪢꪉ", BANSO_DICT_MATCH_BROWSE);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = browse (f, "blt", "ꪣ");
  g_assert_cmpuint (hits->len, ==, 1);
}

static void
assert_invalid (const char *body,
                const char *field)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (banso_dict_entry_validate (body, &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID);
  if (!g_str_has_prefix (error->message, field))
    g_error ("“%s” should name %s", error->message, field);
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  assert_invalid ("[]", "");
  assert_invalid ("{\"lang\":\"hnj\",\"dictionary\":\"d\"}", "forms");
  assert_invalid ("{\"lang\":\"hnj\",\"dictionary\":\"d\",\"forms\":[]}", "forms");
  assert_invalid ("{\"lang\":\"hnj\",\"dictionary\":\"d\",\"forms\":[{\"ws\":\"h n\",\"text\":\"a\"}]}",
                  "forms[0].ws");
  assert_invalid ("{\"lang\":\"h\",\"dictionary\":\"d\",\"forms\":[{\"ws\":\"hnj\",\"text\":\"a\"}]}",
                  "lang");
  assert_invalid ("{\"lang\":\"hnj\",\"forms\":[{\"ws\":\"hnj\",\"text\":\"a\"}]}", "dictionary");
  assert_invalid ("{\"lang\":\"hnj\",\"dictionary\":\"d\",\"forms\":[{\"ws\":\"hnj\",\"text\":\"a\"}],"
                  "\"senses\":[{},{\"glosses\":[{\"ws\":\"vi\",\"text\":3}]}]}",
                  "senses[1].glosses[0].text");
  assert_invalid ("{\"lang\":\"hnj\",\"dictionary\":\"d\",\"forms\":[{\"ws\":\"hnj\",\"text\":\"a\"}],"
                  "\"pronunciations\":[{\"media\":[{\"label\":[]}]}]}",
                  "pronunciations[0].media[0].href");
  g_assert_true (banso_dict_entry_validate ("{\"lang\":\"hnj\",\"dictionary\":\"d\","
                                            "\"forms\":[{\"ws\":\"hnj\",\"text\":\"a\"}],"
                                            "\"extra\":[\"<x/>\"]}", &error));
  g_assert_no_error (error);

  g_assert_false (banso_dictionary_validate ("{\"title\":\"\",\"lang\":\"hnj\"}", &error));
  g_assert_true (g_str_has_prefix (error->message, "title"));
  g_clear_error (&error);
  g_assert_false (banso_dictionary_validate ("{\"title\":\"x\",\"lang\":\"hnj\",\"sample\":1}", &error));
  g_assert_true (g_str_has_prefix (error->message, "sample"));
  g_clear_error (&error);

  /* An entry of a dictionary that is not there is refused, and nothing stored. */
  {
    BansoTxn *txn = banso_store_begin (f->store, f->admin, &error);
    g_autoptr(JsonObject) e = make_entry ("nope", "hnj", "hnj-Latn", "ib", "một", NULL, NULL);

    g_assert_false (banso_dict_entry_save (txn, NULL, NULL, e, 0, NULL, NULL, &error));
    g_assert_true (g_str_has_prefix (error->message, "dictionary"));
    banso_txn_rollback (txn);
  }
}

static void
test_roles (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(BansoUser) trainer = banso_test_add_user (f->store, f->admin, "t", "Giàng A Tủa",
                                                      BANSO_ROLE_TRAINER, NULL);
  g_autoptr(BansoUser) lexicographer = banso_test_add_user (f->store, f->admin, "l", "Lò Thị Mai",
                                                            BANSO_ROLE_LEXICOGRAPHER, NULL);
  g_autoptr(BansoUser) back = banso_store_dup_user (f->store, "l", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  BansoTxn *txn;

  g_assert_cmpint (banso_user_get_role (back), ==, BANSO_ROLE_LEXICOGRAPHER);
  g_assert_false (banso_user_can_edit_dictionaries (trainer, &error));
  g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION);
  g_clear_error (&error);

  txn = banso_store_begin (f->store, trainer, &error);
  {
    g_autoptr(JsonObject) e = make_entry (f->hnj, "hnj", "hnj-Latn", "ib", "một", NULL, NULL);

    g_assert_false (banso_dict_entry_save (txn, NULL, NULL, e, 0, NULL, NULL, &error));
    g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION);
    g_clear_error (&error);
  }
  banso_txn_rollback (txn);

  txn = banso_store_begin (f->store, lexicographer, &error);
  add (txn, make_entry (f->hnj, "hnj", "hnj-Latn", "ib", "một", NULL, NULL));
  reference = add_dictionary (txn, "hnj", "Từ điển tham chiếu", TRUE);
  {
    g_autoptr(JsonObject) e = make_entry (reference, "hnj", "hnj-Latn", "ob", "hai", NULL, NULL);

    /* A reference dictionary came from the data center: read-only here. */
    g_assert_false (banso_dict_entry_save (txn, NULL, NULL, e, 0, NULL, NULL, &error));
    g_assert_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION);
    g_clear_error (&error);
  }
  g_assert_true (banso_txn_commit (txn, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) hits = search (f, "ib", NULL, 0);
    assert_hit (hits, 0, "ib", BANSO_DICT_MATCH_EXACT);
  }
}

static void
test_reindex_and_check (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) before = search (f, "tsev", NULL, 0);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) gone = NULL;
  BansoTxn *txn;

  txn = banso_store_begin (f->store, f->admin, &error);
  g_assert_true (banso_dict_reindex_all (txn, &error));
  g_assert_no_error (error);
  g_assert_true (banso_txn_commit (txn, &error));
  after = search (f, "tsev", NULL, 0);
  g_assert_cmpuint (before->len, ==, after->len);
  for (guint i = 0; i < before->len; i++)
    g_assert_cmpstr (((BansoDictHit *)g_ptr_array_index (before, i))->id, ==,
                     ((BansoDictHit *)g_ptr_array_index (after, i))->id);

  /* A removed entry leaves every index. */
  txn = banso_store_begin (f->store, f->admin, &error);
  g_assert_true (banso_dict_doc_delete (txn, ((BansoDictHit *)g_ptr_array_index (after, 0))->id,
                                        NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (banso_txn_commit (txn, &error));
  gone = search (f, "tsev", NULL, 0);
  g_assert_cmpuint (gone->len, ==, after->len - 1);
  g_assert_cmpint (banso_test_store_query_int (f->store,
                                               "SELECT count (*) FROM dict_gloss_fts WHERE dict_gloss_fts MATCH 'nha'"),
                   ==, 0);

  g_assert_true (banso_store_check (f->store, problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s\n", (char *)g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_source (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(BansoDictSource) source = banso_dict_source_new (0);
  g_autoptr(BansoRecordFilter) filter = banso_record_filter_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = banso_store_acquire_reader (f->store, &error);
  guint n = 0;

  g_assert_cmpstr (banso_record_source_get_changed_type (BANSO_RECORD_SOURCE (source)), ==,
                   BANSO_DICT_ENTRY_TYPE);
  /* Browsing: every entry of the language, paged. */
  filter->ethnic = g_strdup ("hnj");
  g_assert_true (banso_record_source_count (BANSO_RECORD_SOURCE (source), db, filter, &n, &error));
  g_assert_cmpuint (n, ==, 8);
  rows = banso_record_source_fetch (BANSO_RECORD_SOURCE (source), db, filter, 2, 3, n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (banso_record_row_get_value (g_ptr_array_index (rows, 0), BANSO_DICT_COLUMN_HEADWORD),
                   ==, "ntxhais");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Searching: the results, best first. */
  filter->search = g_strdup ("tsev");
  g_assert_true (banso_record_source_count (BANSO_RECORD_SOURCE (source), db, filter, &n, &error));
  g_assert_cmpuint (n, ==, 5);
  rows = banso_record_source_fetch (BANSO_RECORD_SOURCE (source), db, filter, 0, 2, n, &error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (banso_record_row_get_value (g_ptr_array_index (rows, 0), BANSO_DICT_COLUMN_GLOSSES),
                   ==, "nhà");
  g_assert_cmpstr (banso_record_row_get_value (g_ptr_array_index (rows, 1), BANSO_DICT_COLUMN_MATCH),
                   ==, "prefix");
  banso_store_release_reader (f->store, db);
}

/* A database of schema 10, from before the dictionary, upgraded: the users'
 * role check takes the lexicographer, and the file is whole. */
static void
test_upgrade (void)
{
  g_autofree char *dir = banso_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "banso.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoStore) store = NULL;
  g_autoptr(BansoUser) admin = NULL;
  g_autoptr(BansoUser) lexicographer = banso_user_new ("l", "Lò Thị Mai", BANSO_ROLE_LEXICOGRAPHER, NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *users = NULL;
  sqlite3 *db = banso_test_raw_open (path);

  g_assert_true (banso_schema_migrate (db, BANSO_DICT_SCHEMA_STEP - 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO users (id, name, role, created_at)"
                                     " VALUES ('x', 'x', 'lexicographer', '2026')",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT_CHECK);
  sqlite3_close (db);

  store = banso_store_open (path, &error);
  g_assert_no_error (error);
  admin = banso_store_dup_admin (store, &error);
  g_assert_true (banso_store_add_user (store, admin, lexicographer, &error));
  g_assert_no_error (error);
  users = banso_test_store_query_text (store, "SELECT sql FROM sqlite_schema WHERE name = ?1", "users");
  g_assert_nonnull (strstr (users, "'lexicographer'"));
  g_assert_true (banso_store_check (store, problems, &error));
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_object (&store);
  banso_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  BANSO_TEST_ADD ("/dict/search/ranking", test_ranking);
  BANSO_TEST_ADD ("/dict/search/reverse", test_reverse);
  BANSO_TEST_ADD ("/dict/search/fuzzy", test_fuzzy);
  BANSO_TEST_ADD ("/dict/search/ignore-tone", test_ignore_tone);
  BANSO_TEST_ADD ("/dict/search/tai-viet", test_tai_viet);
  BANSO_TEST_ADD ("/dict/search/tokenizer", test_tokenizer);
  BANSO_TEST_ADD ("/dict/search/browse", test_browse);
  BANSO_TEST_ADD ("/dict/validation", test_validation);
  BANSO_TEST_ADD ("/dict/roles", test_roles);
  BANSO_TEST_ADD ("/dict/reindex-and-check", test_reindex_and_check);
  BANSO_TEST_ADD ("/dict/source", test_source);
  g_test_add ("/dict/whole-gloss-first", Fixture, NULL, fixture_setup, test_whole_gloss_first,
              fixture_teardown);
  g_test_add_func ("/dict/upgrade", test_upgrade);

  return g_test_run ();
}
