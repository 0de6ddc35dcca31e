/* bench-dict.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dictionary with BANSO_BENCH_DICT_ENTRIES (default 500,000) generated
 * entries: how long each keystroke takes in the Dictionary section's own
 * code path (the list's source counts and fetches its first page on a
 * reader connection, as BansoRecordList does), while typing the prefixes of
 * real-looking words; suggestions for a word that is not there; and the
 * size of the database per entry.
 */

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <time.h>

#include "banso-dict.h"
#include "banso-dict-search.h"
#include "banso-dict-source.h"
#include "banso-store.h"

/* Syllables of the shape of Mông RPA and Thái Latin words. */
static const char *hnj_onsets[] = {
  "", "c", "ch", "d", "dl", "f", "h", "hl", "hm", "hn", "k", "kh", "l", "m", "n", "nc", "nk",
  "np", "npl", "nq", "nr", "nt", "nts", "ntx", "ntxh", "ny", "p", "ph", "pl", "q", "qh", "r", "s",
  "t", "th", "ts", "tsh", "tx", "txh", "v", "x", "xy", "y", "z",
};
static const char *hnj_rimes[] = {
  "a", "aa", "ai", "au", "aw", "e", "ee", "i", "ia", "o", "oo", "u", "ua", "w",
};
static const char *hnj_tones[] = { "", "b", "s", "j", "v", "m", "g", "d" };
static const char *blt_onsets[] = {
  "b", "c", "ch", "đ", "h", "k", "kh", "l", "m", "n", "ng", "nh", "p", "ph", "s", "t", "th", "x",
  "",
};
static const char *blt_rimes[] = {
  "a", "à", "ả", "á", "ạ", "ăm", "ặng", "ai", "ày", "ao", "âu", "en", "ết", "i", "ìn", "o",
  "ốc", "ôn", "ơ", "u", "ùng", "ư", "ươn", "ương", "ưa", "uôi", "iêu", "oi",
};
static const char *vi_words[] = {
  "nhà", "cửa", "ruộng", "nương", "lúa", "ngô", "trâu", "bò", "lợn", "gà", "vịt", "cá", "nước",
  "suối", "núi", "rừng", "cây", "hoa", "quả", "mẹ", "bố", "ông", "bà", "con", "anh", "chị", "em",
  "đầu", "tay", "chân", "mắt", "tai", "miệng", "bụng", "lưng", "ăn", "uống", "ngủ", "đi", "về",
  "làm", "học", "viết", "đọc", "tốt", "xấu", "to", "nhỏ", "mới", "cũ", "trắng", "đen", "đỏ",
  "xanh", "vàng", "lễ", "hội", "múa", "hát", "khèn", "Tết", "bản", "làng", "đường", "cầu",
  "chợ", "trường", "thuốc", "muối", "rượu", "cơm", "gạo", "muốn", "biết", "nói", "nghe", "thấy",
};

static char *
make_word (GRand   *rand,
           gboolean mong)
{
  GString *w = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 1, 4);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (w, ' ');
      if (mong)
        {
          g_string_append (w, hnj_onsets[g_rand_int_range (rand, 0, G_N_ELEMENTS (hnj_onsets))]);
          g_string_append (w, hnj_rimes[g_rand_int_range (rand, 0, G_N_ELEMENTS (hnj_rimes))]);
          g_string_append (w, hnj_tones[g_rand_int_range (rand, 0, G_N_ELEMENTS (hnj_tones))]);
        }
      else
        {
          g_string_append (w, blt_onsets[g_rand_int_range (rand, 0, G_N_ELEMENTS (blt_onsets))]);
          g_string_append (w, blt_rimes[g_rand_int_range (rand, 0, G_N_ELEMENTS (blt_rimes))]);
        }
    }
  return g_string_free (w, FALSE);
}

static char *
make_gloss (GRand *rand,
            guint  n)
{
  GString *g = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (g, ' ');
      g_string_append (g, vi_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (vi_words))]);
    }
  return g_string_free (g, FALSE);
}

static JsonObject *
make_entry (GRand      *rand,
            const char *dictionary,
            gboolean    mong,
            char      **headword)
{
  g_autofree char *gloss = make_gloss (rand, g_rand_int_range (rand, 1, 3));
  g_autofree char *def = make_gloss (rand, g_rand_int_range (rand, 3, 8));
  JsonObject *e = json_object_new ();
  JsonArray *forms = json_array_new ();
  JsonObject *form = json_object_new ();
  JsonArray *senses = json_array_new ();
  JsonObject *sense = json_object_new ();
  JsonArray *glosses = json_array_new ();
  JsonObject *g = json_object_new ();
  JsonArray *defs = json_array_new ();
  JsonObject *d = json_object_new ();

  *headword = make_word (rand, mong);
  json_object_set_string_member (e, "dictionary", dictionary);
  json_object_set_string_member (e, "lang", mong ? "hnj" : "blt");
  json_object_set_string_member (form, "ws", mong ? "hnj-Latn" : "blt-Latn");
  json_object_set_string_member (form, "text", *headword);
  json_array_add_object_element (forms, form);
  json_object_set_array_member (e, "forms", forms);
  json_object_set_string_member (g, "ws", "vi");
  json_object_set_string_member (g, "text", gloss);
  json_array_add_object_element (glosses, g);
  json_object_set_array_member (sense, "glosses", glosses);
  json_object_set_string_member (d, "ws", "vi");
  json_object_set_string_member (d, "text", def);
  json_array_add_object_element (defs, d);
  json_object_set_array_member (sense, "definitions", defs);
  json_array_add_object_element (senses, sense);
  json_object_set_array_member (e, "senses", senses);
  return e;
}

static char *
add_dictionary (BansoTxn   *txn,
                const char *lang)
{
  g_autoptr(JsonObject) d = json_object_new ();
  g_autoptr(GError) error = NULL;
  char *id = NULL;

  json_object_set_string_member (d, "title", lang);
  json_object_set_string_member (d, "lang", lang);
  if (!banso_dictionary_save (txn, NULL, NULL, d, &id, NULL, &error))
    g_error ("%s", error->message);
  return id;
}

static gint64
banso_test_count (sqlite3 *db)
{
  sqlite3_stmt *stmt = banso_sql_prepare (db, "SELECT count (*) FROM dict_entry_index", NULL);
  gint64 n = 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

typedef struct
{
  double  ms;
  char   *text;
} Slow;

static GArray *slowest;

static void
note_slow (const char *text,
           double      ms)
{
  Slow s = { ms, g_strdup (text) };

  if (slowest == NULL)
    slowest = g_array_new (FALSE, FALSE, sizeof (Slow));
  g_array_append_val (slowest, s);
}

static int
compare_slow (gconstpointer a,
              gconstpointer b)
{
  double x = ((const Slow *)a)->ms, y = ((const Slow *)b)->ms;

  return x > y ? -1 : x < y;
}

static void
print_slowest (void)
{
  if (slowest == NULL)
    return;
  g_array_sort (slowest, compare_slow);
  g_print ("slowest keystrokes:");
  for (guint i = 0; i < MIN (slowest->len, 8); i++)
    g_print (" “%s” %.1f ms;", g_array_index (slowest, Slow, i).text, g_array_index (slowest, Slow, i).ms);
  g_print ("\n");
  for (guint i = 0; i < slowest->len; i++)
    g_free (g_array_index (slowest, Slow, i).text);
  g_clear_pointer (&slowest, g_array_unref);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        GArray     *times)
{
  double sum = 0;

  g_array_sort (times, compare_double);
  for (guint i = 0; i < times->len; i++)
    sum += g_array_index (times, double, i);
  g_print ("%-48s n=%-6u p50 %.3f ms   p99 %.3f ms   max %.3f ms   mean %.3f ms\n", what,
           times->len, g_array_index (times, double, times->len / 2),
           g_array_index (times, double, (guint)(times->len * 0.99)),
           g_array_index (times, double, times->len - 1), sum / times->len);
}

static GArray *cpu_times;

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* One keystroke as the section makes it: a reader, a count, the first page.
 * Returns the time it took; the processor time of the thread goes to
 * cpu_times, which a machine shared with other work disturbs less. */
static double
keystroke (BansoStore      *store,
           BansoDictSource *source,
           const char      *text)
{
  double cpu_start = thread_cpu_ms ();
  g_autoptr(BansoRecordFilter) filter = banso_record_filter_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 start = g_get_monotonic_time ();
  guint n = 0;
  sqlite3 *db;

  filter->search = g_strdup (text);
  db = banso_store_acquire_reader (store, &error);
  if (db == NULL || !banso_sql_exec (db, "BEGIN", &error) ||
      !banso_record_source_count (BANSO_RECORD_SOURCE (source), db, filter, &n, &error) ||
      !(rows = banso_record_source_fetch (BANSO_RECORD_SOURCE (source), db, filter, 0, 50, n, &error)))
    g_error ("%s", error->message);
  banso_sql_exec (db, "COMMIT", NULL);
  banso_store_release_reader (store, db);
  note_slow (text, (g_get_monotonic_time () - start) / 1000.0);
  if (cpu_times != NULL)
    g_array_append_val (cpu_times, (double){ thread_cpu_ms () - cpu_start });
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int    argc,
      char **argv)
{
  const char *env = g_getenv ("BANSO_BENCH_DICT_ENTRIES");
  const char *keep = g_getenv ("BANSO_BENCH_DICT_DB");
  guint n_entries = env ? (guint)g_ascii_strtoull (env, NULL, 10) : 500000;
  g_autofree char *dir = keep ? g_path_get_dirname (keep) : g_dir_make_tmp ("bench-dict-XXXXXX", NULL);
  g_autofree char *path = keep ? g_strdup (keep) : g_build_filename (dir, "banso.db", NULL);
  gboolean reuse = keep != NULL && g_file_test (keep, G_FILE_TEST_EXISTS);
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoStore) store = NULL;
  g_autoptr(BansoUser) admin = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (2025);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) typing = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) reverse = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) misses = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(BansoDictSource) source = banso_dict_source_new (0);
  g_autofree char *hnj = NULL;
  g_autofree char *blt = NULL;
  gint64 start;
  GStatBuf st;
  BansoTxn *txn;

  store = banso_store_open (path, &error);
  g_assert_no_error (error);
  admin = banso_store_dup_admin (store, &error);

  start = g_get_monotonic_time ();
  if (reuse)
    n_entries = 0;
  txn = banso_store_begin_bulk (store, admin, &error);
  g_assert_no_error (error);
  hnj = add_dictionary (txn, "hnj");
  blt = add_dictionary (txn, "blt");
  for (guint i = 0; i < n_entries; i++)
    {
      gboolean mong = g_rand_int_range (rand, 0, 10) < 6;
      char *headword = NULL;
      g_autoptr(JsonObject) e = make_entry (rand, mong ? hnj : blt, mong, &headword);

      if (!banso_dict_entry_save (txn, NULL, NULL, e, BANSO_DOC_PUT_IMPORT, NULL, NULL, &error))
        g_error ("%s", error->message);
      if (i % (n_entries / 300 + 1) == 0)
        g_ptr_array_add (words, headword);
      else
        g_free (headword);
    }
  /* As an import of that size leaves it. */
  if (!reuse && !banso_dict_optimize (txn, &error))
    g_error ("%s", error->message);
  if (!banso_txn_commit (txn, &error))
    g_error ("%s", error->message);
  if (reuse)
    {
      /* The words of the database kept from an earlier run. */
      sqlite3 *db = banso_store_acquire_reader (store, &error);
      sqlite3_stmt *stmt = banso_sql_prepare (db, "SELECT headword FROM dict_entry_index"
                                                  " WHERE docno % 1667 = 0", &error);

      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (words, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
      sqlite3_finalize (stmt);
      n_entries = (guint)banso_test_count (db);
      banso_store_release_reader (store, db);
    }
  g_print ("generated %u entries in %.1f s (%.0f entries/s)\n", n_entries,
           (g_get_monotonic_time () - start) / 1e6,
           n_entries / ((g_get_monotonic_time () - start) / 1e6));
  {
    sqlite3 *db = banso_store_acquire_reader (store, &error);

    banso_sql_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
    banso_store_release_reader (store, db);
  }
  g_stat (path, &st);
  g_print ("database: %.1f MB, %.0f bytes per entry (documents, revisions, audit and indexes)\n",
           st.st_size / 1e6, (double)st.st_size / n_entries);

  /* Warm up the page cache as a window that has been open a while. */
  keystroke (store, source, "a");
  print_slowest ();
  cpu_times = g_array_new (FALSE, FALSE, sizeof (double));

  if (g_getenv ("BANSO_BENCH_DICT_QUERY") != NULL)
    {
      for (guint i = 0; i < 5; i++)
        g_print ("“%s”: %.3f ms\n", g_getenv ("BANSO_BENCH_DICT_QUERY"),
                 keystroke (store, source, g_getenv ("BANSO_BENCH_DICT_QUERY")));
      return 0;
    }

  for (guint i = 0; i < words->len; i++)
    {
      const char *w = g_ptr_array_index (words, i);

      for (const char *p = g_utf8_next_char (w); ; p = g_utf8_next_char (p))
        {
          g_autofree char *prefix = g_strndup (w, p - w);

          g_array_append_val (typing, (double){ keystroke (store, source, prefix) });
          if (*p == '\0')
            break;
        }
    }
  report ("keystroke, typing headwords (count + first page)", typing);
  report ("  the same, processor time", cpu_times);
  g_array_set_size (cpu_times, 0);
  print_slowest ();

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *gloss = make_gloss (rand, 1);

      for (const char *p = g_utf8_next_char (gloss); ; p = g_utf8_next_char (p))
        {
          g_autofree char *prefix = g_strndup (gloss, p - gloss);

          g_array_append_val (reverse, (double){ keystroke (store, source, prefix) });
          if (*p == '\0')
            break;
        }
    }
  report ("keystroke, typing Vietnamese (reverse lookup)", reverse);
  report ("  the same, processor time", cpu_times);
  g_array_set_size (cpu_times, 0);
  print_slowest ();

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *w = g_strdup_printf ("qx%sz", (char *)g_ptr_array_index (words, i % words->len));

      g_array_append_val (misses, (double){ keystroke (store, source, w) });
    }
  report ("a word that is not there (suggestions)", misses);
  report ("  the same, processor time", cpu_times);
  g_array_set_size (cpu_times, 0);
  print_slowest ();

  g_clear_object (&store);
  if (keep == NULL)
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name (d)))
      {
        g_autofree char *p = g_build_filename (dir, name, NULL);
        g_unlink (p);
      }
    g_rmdir (dir);
  }
  return 0;
}
