/* bench-records.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "banso-demo.h"
#include "banso-paths.h"
#include "banso-records.h"
#include "banso-store.h"

/* Times what the household list does for each filter: in one read
 * transaction, banso_records_count() and then the first page of 100 rows with
 * banso_records_fetch(), on a reader connection of the store. The database is
 * the demo generator's district with BANSO_BENCH_HOUSEHOLDS households
 * (default 1,000,000), made once in BANSO_BENCH_DIR and reused afterwards;
 * BANSO_BENCH_RUNS sets the runs per query (default 7).
 */

#define DEFAULT_HOUSEHOLDS 1000000
#define DEFAULT_RUNS 7
#define PAGE_SIZE 100
#define GOAL_MS 100.0

typedef struct
{
  char              *label;
  BansoRecordFilter *filter;
  guint              offset;
} Case;

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *value = g_getenv (name);
  guint64 n;

  if (value == NULL || *value == '\0')
    return fallback;
  if (!g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT, &n, NULL))
    {
      g_printerr ("bench-records: %s must be a positive number, not “%s”\n", name, value);
      exit (EXIT_FAILURE);
    }
  return (guint)n;
}

static void
progress (guint    done,
          guint    total,
          gpointer user_data)
{
  gint64 started = *(gint64 *)user_data;
  static guint last;

  /* The generator reports its last commit and then its end. */
  if (done == last)
    return;
  last = done;
  g_printerr ("bench-records: generated %u / %u households (%.0f s)\n", done, total,
              (g_get_monotonic_time () - started) / 1e6);
}

/* The stamp is written only after the generator finished, so an interrupted
 * run never leaves a half-filled database that later runs would reuse. The
 * shell benchmarks share it (see bench-common.sh). */
static gboolean
ensure_database (const char  *data_dir,
                 guint        n_households,
                 double      *generated_s,
                 GError     **error)
{
  g_autofree char *stamp = g_build_filename (data_dir, "complete", NULL);
  g_autofree char *path = banso_database_path (data_dir);
  g_autofree char *contents = NULL;
  g_autoptr(BansoStore) store = NULL;
  gint64 started;

  if (g_file_get_contents (stamp, &contents, NULL, NULL))
    {
      *generated_s = g_ascii_strtod (contents, NULL);
      return TRUE;
    }

  for (guint i = 0; i < 3; i++)
    {
      const char *suffix[] = { "", "-wal", "-shm" };
      g_autofree char *file = g_strconcat (path, suffix[i], NULL);
      g_unlink (file);
    }

  g_printerr ("bench-records: generating %u households in %s (this takes minutes)\n",
              n_households, data_dir);
  started = g_get_monotonic_time ();
  if (!(store = banso_store_open (path, error)) ||
      !banso_demo_generate (store, n_households, BANSO_DEMO_DEFAULT_SEED,
                            progress, &started, error))
    return FALSE;
  g_clear_object (&store);
  *generated_s = (g_get_monotonic_time () - started) / 1e6;

  g_free (contents);
  contents = g_strdup_printf ("%.1f\n", *generated_s);
  return g_file_set_contents (stamp, contents, -1, error);
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = banso_sql_prepare (db, sql, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("bench-records: %s: %s", sql, sqlite3_errmsg (db));
  return sqlite3_column_int64 (stmt, 0);
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = banso_sql_prepare (db, sql, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("bench-records: %s: %s", sql, sqlite3_errmsg (db));
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

static Case *
add_case (GPtrArray  *cases,
          char       *label,
          guint       offset)
{
  Case *c = g_new0 (Case, 1);

  c->label = label;
  c->filter = banso_record_filter_new ();
  c->offset = offset;
  g_ptr_array_add (cases, c);
  return c;
}

static void
case_free (Case *c)
{
  g_free (c->label);
  banso_record_filter_free (c->filter);
  g_free (c);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  g_autofree double *sorted = g_memdup2 (values, n * sizeof (double));

  qsort (sorted, n, sizeof (double), compare_double);
  return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

static double
maximum (double *values,
         guint   n)
{
  double m = values[0];

  for (guint i = 1; i < n; i++)
    m = MAX (m, values[i]);
  return m;
}

/* Pads to @width columns, counting characters rather than bytes. */
static void
print_padded (const char *text,
              guint       width)
{
  glong len = g_utf8_strlen (text, -1);

  g_print ("%s%*s", text, (int)(len < width ? width - len : 0), "");
}

/* The machine, as the other benchmarks print it: CPUs, model, memory. */
static void
print_machine (void)
{
  g_autofree char *cpuinfo = NULL;
  g_autofree char *meminfo = NULL;
  g_autofree char *model = NULL;
  guint64 mem_kb = 0;

  if (g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL))
    {
      const char *line = strstr (cpuinfo, "model name");
      const char *colon = line ? strchr (line, ':') : NULL;

      if (colon != NULL)
        model = g_strstrip (g_strndup (colon + 1, strcspn (colon + 1, "\n")));
    }
  if (g_file_get_contents ("/proc/meminfo", &meminfo, NULL, NULL))
    {
      const char *line = strstr (meminfo, "MemTotal:");

      if (line != NULL)
        mem_kb = g_ascii_strtoull (line + strlen ("MemTotal:"), NULL, 10);
    }
  g_print ("machine:     %u CPUs, %s, %.1f GB memory\n", g_get_num_processors (),
           model ? model : "unknown CPU", mem_kb / 1048576.0);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoStore) store = NULL;
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func ((GDestroyNotify)case_free);
  g_autofree char *bench_dir = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *village = NULL;
  g_autofree char *village_name = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d %H:%M %Z");
  g_autofree char *loadavg = NULL;
  guint n_households = env_uint ("BANSO_BENCH_HOUSEHOLDS", DEFAULT_HOUSEHOLDS);
  guint runs = env_uint ("BANSO_BENCH_RUNS", DEFAULT_RUNS);
  guint missed = 0;
  double generated_s;
  GStatBuf st;
  sqlite3 *db;

  /* meson's env: overrides the caller's, so the default comes apart. */
  setlocale (LC_ALL, "");

  if (g_getenv ("BANSO_BENCH_DIR") && *g_getenv ("BANSO_BENCH_DIR"))
    bench_dir = g_strdup (g_getenv ("BANSO_BENCH_DIR"));
  else if (g_getenv ("BANSO_BENCH_DEFAULT_DIR") && *g_getenv ("BANSO_BENCH_DEFAULT_DIR"))
    bench_dir = g_strdup (g_getenv ("BANSO_BENCH_DEFAULT_DIR"));
  else
    bench_dir = g_build_filename (g_get_tmp_dir (), "banso-bench", NULL);
  data_dir = g_strdup_printf ("%s/households-%u", bench_dir, n_households);
  path = banso_database_path (data_dir);

  if (!ensure_database (data_dir, n_households, &generated_s, &error) ||
      !(store = banso_store_open (path, &error)) ||
      !(db = banso_store_acquire_reader (store, &error)))
    {
      g_printerr ("bench-records: %s\n", error->message);
      return EXIT_FAILURE;
    }

  /* The values filtered on are read from the data, not guessed: the largest,
   * a middling and the smallest commune, and the largest village. */
  {
    g_autoptr(sqlite3_stmt) stmt = NULL;
    g_autoptr(GPtrArray) communes = g_ptr_array_new_with_free_func (g_free);
    guint picks[3];

    stmt = banso_sql_prepare (db,
                              "SELECT commune FROM household_index"
                              " GROUP BY commune ORDER BY count(*) DESC, commune", NULL);
    while (stmt && sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (communes, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
    if (communes->len == 0)
      g_error ("bench-records: the database has no households");
    picks[0] = 0;
    picks[1] = communes->len / 2;
    picks[2] = communes->len - 1;
    for (guint i = 0; i < G_N_ELEMENTS (picks); i++)
      {
        const char *code = g_ptr_array_index (communes, picks[i]);
        Case *c = add_case (cases,
                            g_strdup_printf ("commune %s (%s)", code,
                                             (const char *[]){ "largest", "median", "smallest" }[i]),
                            0);
        c->filter->commune = g_strdup (code);
      }
  }
  village = query_text (db, "SELECT village FROM household_index WHERE village IS NOT NULL"
                            " GROUP BY village ORDER BY count(*) DESC, village LIMIT 1");
  {
    g_autoptr(sqlite3_stmt) stmt = banso_sql_prepare (db,
                                                      "SELECT v.name FROM documents d"
                                                      " JOIN village_index v ON v.docno = d.docno"
                                                      " WHERE d.id = ?", NULL);
    sqlite3_bind_text (stmt, 1, village, -1, SQLITE_STATIC);
    village_name = stmt && sqlite3_step (stmt) == SQLITE_ROW
                   ? g_strdup ((const char *)sqlite3_column_text (stmt, 0)) : g_strdup (village);
  }

  {
    Case *c;
    struct { const char *label, *search; } searches[] = {
      { "search \"lo\" (common surname)", "lo" },
      { "search \"lo van pom\" (full name)", "lo van pom" },
      { "search \"Tẩn Seo Quẩy\" (rare name)", "Tẩn Seo Quẩy" },
      { "search \"014080\" (ID prefix, 6)", "014080" },
      { "search \"014080123\" (ID prefix, 9)", "014080123" },
      { "search \"xyzzy\" (no match)", "xyzzy" },
    };

    add_case (cases, g_strdup ("no filter"), 0);
    c = add_case (cases, g_strdup_printf ("village \"%s\" (largest)", village_name), 0);
    c->filter->village = g_strdup (village);
    c = add_case (cases, g_strdup ("ethnic 03 Thái (53 %)"), 0);
    c->filter->ethnic = g_strdup ("03");
    c = add_case (cases, g_strdup ("ethnic 08 Mông (16 %)"), 0);
    c->filter->ethnic = g_strdup ("08");
    c = add_case (cases, g_strdup ("ethnic 33 (0.9 %)"), 0);
    c->filter->ethnic = g_strdup ("33");
    c = add_case (cases, g_strdup ("poverty poor"), 0);
    c->filter->status = g_strdup ("poor");
    c = add_case (cases, g_strdup ("poverty near-poor"), 0);
    c->filter->status = g_strdup ("near-poor");
    for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
      {
        c = add_case (cases, g_strdup (searches[i].label), 0);
        c->filter->search = g_strdup (searches[i].search);
      }
    c = add_case (cases, g_strdup ("commune (largest) + search \"lo\""), 0);
    c->filter->commune = g_strdup (((Case *)g_ptr_array_index (cases, 0))->filter->commune);
    c->filter->search = g_strdup ("lo");
    c = add_case (cases, g_strdup ("ethnic 08 + poverty poor"), 0);
    c->filter->ethnic = g_strdup ("08");
    c->filter->status = g_strdup ("poor");
    c = add_case (cases, g_strdup ("sorted by commune"), 0);
    c->filter->sort = g_strdup ("commune");
    c = add_case (cases, g_strdup ("sorted by name, descending"), 0);
    c->filter->descending = TRUE;
    c = add_case (cases, g_strdup_printf ("no filter, page at offset %u", n_households / 2), n_households / 2);
    c = add_case (cases, g_strdup_printf ("commune (largest), page at offset %u", 1000), 1000);
    c->filter->commune = g_strdup (((Case *)g_ptr_array_index (cases, 0))->filter->commune);
  }

  g_print ("bench-records: count + first page (%u rows) as the household list does, %u runs each\n",
           PAGE_SIZE, runs);
  g_print ("date:        %s\n", date);
  print_machine ();
  if (g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL))
    {
      g_auto(GStrv) parts = g_strsplit (loadavg, " ", 4);
      if (g_strv_length (parts) >= 3)
        g_print ("load:        %s %s %s (1, 5, 15 min) at the start\n", parts[0], parts[1], parts[2]);
    }
  g_print ("database:    %s\n", path);
  g_print ("             %" G_GINT64_FORMAT " households, %" G_GINT64_FORMAT " members, %.0f MB",
           query_int (db, "SELECT count(*) FROM household_index"),
           query_int (db, "SELECT total (members) FROM household_index"),
           g_stat (path, &st) == 0 ? st.st_size / 1e6 : 0.0);
  g_print (", generated in %.1f s (banso_demo_generate, seed %d)\n\n",
           generated_s, BANSO_DEMO_DEFAULT_SEED);

  g_print ("%-44s %9s %9s %9s %9s %9s %9s  %s\n", "query", "matches", "count", "page",
           "first", "median", "max", "≤ 100 ms");
  g_print ("%-44s %9s %9s %9s %9s %9s %9s\n", "", "", "median", "median", "run", "total", "total");

  for (guint i = 0; i < cases->len; i++)
    {
      Case *c = g_ptr_array_index (cases, i);
      g_autofree double *count_ms = g_new (double, runs);
      g_autofree double *fetch_ms = g_new (double, runs);
      g_autofree double *total_ms = g_new (double, runs);
      guint n_rows = 0;
      double med;

      for (guint r = 0; r < runs; r++)
        {
          g_autoptr(GPtrArray) rows = NULL;
          gint64 t0, t1, t2;

          t0 = g_get_monotonic_time ();
          sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
          if (!banso_records_count (db, BANSO_RECORD_KIND_HOUSEHOLD, c->filter, &n_rows, &error))
            g_error ("bench-records: %s: %s", c->label, error->message);
          t1 = g_get_monotonic_time ();
          rows = banso_records_fetch (db, BANSO_RECORD_KIND_HOUSEHOLD, c->filter,
                                      c->offset, PAGE_SIZE, &error);
          sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
          t2 = g_get_monotonic_time ();
          if (rows == NULL)
            g_error ("bench-records: %s: %s", c->label, error->message);
          if (rows->len != MIN (PAGE_SIZE, n_rows > c->offset ? n_rows - c->offset : 0))
            g_error ("bench-records: %s: %u rows in the page of %u matches", c->label,
                     rows->len, n_rows);

          count_ms[r] = (t1 - t0) / 1000.0;
          fetch_ms[r] = (t2 - t1) / 1000.0;
          total_ms[r] = (t2 - t0) / 1000.0;
        }

      med = median (total_ms, runs);
      if (med > GOAL_MS)
        missed++;
      print_padded (c->label, 44);
      g_print (" %9u %9.1f %9.1f %9.1f %9.1f %9.1f  %s\n", n_rows, median (count_ms, runs),
               median (fetch_ms, runs), total_ms[0], med, maximum (total_ms, runs),
               med > GOAL_MS ? "MISSED" : "ok");
    }

  g_print ("\n%u of %u queries miss the 100 ms goal (median). Times in ms; \"first\" is the\n"
           "first run on a fresh reader connection (SQLite's page cache cold, the OS's warm).\n",
           missed, cases->len);

  banso_store_release_reader (store, db);
  return EXIT_SUCCESS;
}
