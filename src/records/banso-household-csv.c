/* banso-household-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-records"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "banso-csv.h"
#include "banso-fold.h"
#include "banso-household-columns.h"
#include "banso-household-csv.h"
#include "banso-household-bulk.h"
#include "banso-household-store.h"
#include "banso-import-writer.h"
#include "banso-reference.h"
#include "banso-validate.h"

#define MAX_PROBLEMS 200

G_DEFINE_QUARK (banso-import-error-quark, banso_import_error)

static const char *column_keys[N_COLUMNS + 1] = {
  "household", "commune_code", "commune_name", "village", "address", "member_name", "sex",
  "birth", "ethnic", "relation", "citizen_id", "phone", "poverty_year", "poverty_status",
  "notes", "member_id", "poverty_history", NULL,
};

/* Headers as Vietnamese offices write them, folded. */
static const char *column_aliases[N_COLUMNS] = {
  "ma ho|so ho|ho so",
  "ma xa|ma xa phuong",
  "xa|ten xa|xa phuong",
  "thon|thon ban|ban|thon, ban",
  "dia chi",
  "ho ten|ho va ten|ten",
  "gioi tinh",
  "ngay sinh|nam sinh",
  "dan toc",
  "quan he|quan he voi chu ho",
  "cccd|so cccd|can cuoc|can cuoc cong dan|so dinh danh",
  "dien thoai|so dien thoai|sdt",
  "nam",
  "ho ngheo|tinh trang ngheo|phan loai ho",
  "ghi chu",
  "ma thanh vien",
  "lich su ngheo",
};

static const gboolean column_required[N_COLUMNS] = {
  [COL_HOUSEHOLD] = TRUE, [COL_COMMUNE_CODE] = TRUE, [COL_MEMBER_NAME] = TRUE,
  [COL_RELATION] = TRUE,
};

const char * const *
banso_household_csv_columns (void)
{
  return column_keys;
}

void
banso_import_result_free (BansoImportResult *result)
{
  if (result == NULL)
    return;
  g_ptr_array_unref (result->problems);
  g_free (result);
}

static void
problem_free (BansoImportProblem *problem)
{
  g_free (problem->column);
  g_free (problem->message);
  g_free (problem);
}

char *
banso_import_problem_to_string (const BansoImportProblem *problem)
{
  if (problem->column != NULL)
    /* Translators: line number, column name, then what is wrong. */
    return g_strdup_printf (_("Line %u, column “%s”: %s"), problem->line, problem->column,
                            problem->message);
  return g_strdup_printf (_("Line %u: %s"), problem->line, problem->message);
}

typedef struct
{
  BansoStore          *store;
  BansoTxn            *txn;
  BansoCsvReader      *reader;
  int                  map[N_COLUMNS];   /* column → field index, -1 when absent */
  BansoImportResult   *result;

  BansoHousehold      *current;
  const char          *current_key;      /* owned by seen_keys */
  guint                current_line;
  char                *first_row[N_COLUMNS]; /* household fields as its first row gave them */
  GHashTable          *seen_keys;        /* key → first line */
  GHashTable          *communes;         /* code → TRUE */
  GHashTable          *villages;         /* "commune\nfold" → id */
  char                *last_village[2];  /* the commune and name last looked up, */
  const char          *last_village_id;  /* and its id, owned by villages */
  GHashTable          *ethnic;           /* text → code (or "" for unknown) */
  gint                 writing;          /* FALSE once a problem is found: only check */
  int                  this_year;
  BansoHouseholdBulk  *bulk_restore;     /* set during a bulk import */
  /* While the rows are read, the writer thread alone uses the transaction
   * (and looks up the ids of households once nothing is written); this
   * thread looks ethnic groups up in a copy of their table. */
  BansoImportWriter   *writer;
  sqlite3             *lookup_db;
  GMutex               lock;             /* for the problems */
} Import;

G_GNUC_PRINTF (4, 5)
static void
add_problem (Import     *imp,
             guint       line,
             int         column,
             const char *format,
             ...)
{
  BansoImportProblem *problem;
  va_list args;

  g_atomic_int_set (&imp->writing, FALSE);
  if (imp->writer != NULL)
    banso_import_writer_stop (imp->writer);

  problem = g_new0 (BansoImportProblem, 1);
  problem->line = line;
  problem->column = column >= 0 ? g_strdup (column_keys[column]) : NULL;
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);

  g_mutex_lock (&imp->lock);
  if (imp->result->problems->len < MAX_PROBLEMS)
    g_ptr_array_add (imp->result->problems, g_steal_pointer (&problem));
  g_mutex_unlock (&imp->lock);
  if (problem != NULL)
    problem_free (problem);
}

static guint
count_problems (Import *imp)
{
  guint n;

  g_mutex_lock (&imp->lock);
  n = imp->result->problems->len;
  g_mutex_unlock (&imp->lock);
  return n;
}

static void
report_existing (Import     *imp,
                 guint       line,
                 const char *key)
{
  add_problem (imp, line, COL_HOUSEHOLD,
               _("household %s is already in the database; was this file imported before?"), key);
}

static const char *
field (Import *imp,
       int     column)
{
  if (imp->map[column] < 0)
    return "";
  /* Export escapes what spreadsheets would run as formulas. */
  return banso_csv_formula_unescape (banso_csv_reader_trim_field (imp->reader, imp->map[column]));
}

static int
match_header (const char *text)
{
  g_autofree char *fold = banso_fold (text, -1);

  g_strdelimit (fold, "_", ' ');
  for (int i = 0; i < N_COLUMNS; i++)
    {
      g_auto(GStrv) aliases = NULL;
      g_autofree char *key = g_strdelimit (g_strdup (column_keys[i]), "_", ' ');

      if (g_strcmp0 (fold, key) == 0)
        return i;
      aliases = g_strsplit (column_aliases[i], "|", -1);
      if (g_strv_contains ((const char * const *)aliases, fold))
        return i;
    }
  return -1;
}

static gboolean
read_header (Import  *imp,
             GError **error)
{
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n;

  for (int i = 0; i < N_COLUMNS; i++)
    imp->map[i] = -1;

  if (!banso_csv_reader_next (imp->reader, error))
    {
      if (error && *error == NULL)
        g_set_error (error, BANSO_IMPORT_ERROR, BANSO_IMPORT_ERROR_COLUMNS,
                     _("The file is empty: it has no header line."));
      return FALSE;
    }

  n = banso_csv_reader_get_n_fields (imp->reader);
  for (guint i = 0; i < n; i++)
    {
      const char *name = banso_csv_reader_trim_field (imp->reader, i);
      int column;

      if (*name == '\0')
        continue;
      column = match_header (name);
      if (column < 0)
        {
          g_autofree char *known = g_strjoinv (", ", (char **)column_keys);
          g_set_error (error, BANSO_IMPORT_ERROR, BANSO_IMPORT_ERROR_COLUMNS,
                       _("Line %u, column %u: “%s” is not a column Banso knows. The columns are: %s."),
                       banso_csv_reader_get_line (imp->reader), i + 1, name, known);
          return FALSE;
        }
      if (imp->map[column] >= 0)
        {
          g_set_error (error, BANSO_IMPORT_ERROR, BANSO_IMPORT_ERROR_COLUMNS,
                       _("Line %u, column %u: the column “%s” appears twice."),
                       banso_csv_reader_get_line (imp->reader), i + 1, column_keys[column]);
          return FALSE;
        }
      imp->map[column] = i;
    }

  for (int i = 0; i < N_COLUMNS; i++)
    if (column_required[i] && imp->map[i] < 0)
      g_string_append_printf (missing, "%s%s", missing->len ? ", " : "", column_keys[i]);

  if (missing->len > 0)
    {
      g_set_error (error, BANSO_IMPORT_ERROR, BANSO_IMPORT_ERROR_COLUMNS,
                   _("Line %u: the header lacks the required columns %s. Is this a household list?"),
                   banso_csv_reader_get_line (imp->reader), missing->str);
      return FALSE;
    }

  return TRUE;
}

static void
flush_household (Import *imp)
{
  g_autoptr(GError) error = NULL;
  guint heads = 0;

  if (imp->current == NULL)
    return;

  for (guint i = 0; i < imp->current->members->len; i++)
    {
      BansoMember *m = g_ptr_array_index (imp->current->members, i);
      if (g_strcmp0 (m->relation, "head") == 0)
        heads++;
    }
  if (heads != 1)
    add_problem (imp, imp->current_line, COL_RELATION,
                 heads == 0 ? _("household %s has no member marked as head of household.")
                            : _("household %s has more than one head of household."),
                 imp->current_key);

  if (g_atomic_int_get (&imp->writing))
    {
      /* Every field and reference of these rows was checked above; the
       * writer's insert finds an id already taken. */
      BansoImportItem *item = g_new0 (BansoImportItem, 1);

      item->line = imp->current_line;
      item->household = banso_import_writer_take_row (imp->writer);
      banso_household_row_fill (item->household, g_steal_pointer (&imp->current));
      banso_import_writer_push (imp->writer, item);
    }
  else if (imp->current->id != NULL)
    {
      /* Nothing is written any more; the writer still looks the id up. */
      BansoImportItem *item = g_new0 (BansoImportItem, 1);

      item->line = imp->current_line;
      item->check_id = g_strdup (imp->current->id);
      banso_import_writer_push (imp->writer, item);
    }

  g_clear_pointer (&imp->current, banso_household_free);
  imp->current_key = NULL;
}

static const char *
lookup_village (Import     *imp,
                const char *commune,
                const char *name,
                guint       line)
{
  g_autofree char *fold = NULL;
  g_autofree char *key = NULL;
  BansoImportItem *item;
  char *id;

  /* The households of a village mostly come one after another. */
  if (imp->last_village_id != NULL && strcmp (commune, imp->last_village[0]) == 0 &&
      strcmp (name, imp->last_village[1]) == 0)
    return imp->last_village_id;

  fold = banso_fold (name, -1);
  key = g_strconcat (commune, "\n", fold, NULL);
  /* Every village of the database is in the table from the start. */
  if ((id = g_hash_table_lookup (imp->villages, key)) == NULL)
    {
      if (!g_atomic_int_get (&imp->writing))
        return NULL;

      /* A new one: named here, created by the writer before the households
       * that live there. */
      id = banso_doc_new_id ();
      item = g_new0 (BansoImportItem, 1);
      item->line = line;
      item->village = g_strdup (id);
      item->commune = g_strdup (commune);
      item->name = g_strdup (name);
      banso_import_writer_push (imp->writer, item);
      imp->result->villages++;

      g_hash_table_insert (imp->villages, g_steal_pointer (&key), id);
    }

  g_free (imp->last_village[0]);
  g_free (imp->last_village[1]);
  imp->last_village[0] = g_strdup (commune);
  imp->last_village[1] = g_strdup (name);
  imp->last_village_id = id;
  return id;
}

static const char *
lookup_ethnic (Import     *imp,
               const char *text)
{
  char *code = g_hash_table_lookup (imp->ethnic, text);

  if (code == NULL)
    {
      code = banso_reference_find_ethnic (imp->lookup_db, text);
      g_hash_table_insert (imp->ethnic, g_strdup (text), code ? code : g_strdup (""));
    }
  return code && *code ? code : NULL;
}

static gboolean
is_document_id (const char *key)
{
  guint n = 0;

  for (; key[n]; n++)
    if (!g_ascii_isxdigit (key[n]) || g_ascii_isupper (key[n]))
      return FALSE;
  return n == 32;
}

/* "2024:poor;2025:near-poor", as export writes every year reviewed. */
static void
read_poverty_history (Import     *imp,
                      const char *text,
                      guint       line)
{
  const char *next;

  for (const char *p = text; p != NULL; p = next)
    {
      const char *end = strchr (p, ';');
      gsize len = end ? (gsize)(end - p) : strlen (p);
      g_autofree char *long_item = NULL;
      char buf[64];
      char *item;
      BansoPoverty status;
      char *colon;
      gint64 year;

      next = end ? end + 1 : NULL;
      /* An item is mostly a dozen bytes: copied on the stack, stripped. */
      while (len > 0 && g_ascii_isspace (*p))
        p++, len--;
      while (len > 0 && g_ascii_isspace (p[len - 1]))
        len--;
      if (len == 0)
        continue;
      if (len < sizeof buf)
        {
          memcpy (buf, p, len);
          buf[len] = '\0';
          item = buf;
        }
      else
        item = long_item = g_strndup (p, len);
      if ((colon = strchr (item, ':')) == NULL)
        {
          add_problem (imp, line, COL_POVERTY_HISTORY,
                       _("“%s” is not a year and a status such as 2025:poor."), item);
          continue;
        }
      *colon = '\0';
      g_strstrip (item);
      g_strstrip (colon + 1);
      status = banso_poverty_from_string (colon + 1);
      if (!g_ascii_string_to_signed (item, 10, 2000, 2100, &year, NULL) ||
          (status == BANSO_POVERTY_UNKNOWN && g_strcmp0 (colon + 1, "unknown") != 0))
        add_problem (imp, line, COL_POVERTY_HISTORY,
                     _("“%s:%s” is not a year and a status such as 2025:poor."), item, colon + 1);
      else
        banso_household_set_poverty (imp->current, (int)year, status);
    }
}

/* The columns that describe the household rather than the member: a later
 * row of the household that fills one in must agree with the first row, or
 * the file is refused rather than one of them dropped unseen. */
static const int household_columns[] = {
  COL_VILLAGE, COL_ADDRESS, COL_POVERTY_YEAR, COL_POVERTY_STATUS, COL_NOTES,
};

static void
remember_household_fields (Import *imp)
{
  for (guint i = 0; i < G_N_ELEMENTS (household_columns); i++)
    {
      int column = household_columns[i];
      g_free (imp->first_row[column]);
      imp->first_row[column] = g_strdup (field (imp, column));
    }
}

static gboolean
same_field (int         column,
            const char *a,
            const char *b)
{
  g_autofree char *fold_a = NULL;
  g_autofree char *fold_b = NULL;

  if (column != COL_VILLAGE && column != COL_POVERTY_STATUS)
    return strcmp (a, b) == 0;
  fold_a = banso_fold (a, -1);
  fold_b = banso_fold (b, -1);
  return strcmp (fold_a, fold_b) == 0;
}

static void
check_household_fields (Import     *imp,
                        const char *key,
                        guint       line)
{
  for (guint i = 0; i < G_N_ELEMENTS (household_columns); i++)
    {
      int column = household_columns[i];
      const char *first = imp->first_row[column] ? imp->first_row[column] : "";
      const char *text = field (imp, column);

      if (*text == '\0' || same_field (column, first, text))
        continue;
      if (*first == '\0')
        add_problem (imp, line, column,
                     _("household %s leaves this column empty on line %u but has “%s” here; the rows of one household must agree."),
                     key, imp->current_line, text);
      else
        add_problem (imp, line, column,
                     _("household %s has “%s” in this column on line %u but “%s” here; the rows of one household must agree."),
                     key, first, imp->current_line, text);
    }
}

static void
read_member_row (Import *imp)
{
  guint line = banso_csv_reader_get_line (imp->reader);
  const char *key = field (imp, COL_HOUSEHOLD);
  const char *commune = field (imp, COL_COMMUNE_CODE);
  const char *text;
  g_autoptr(GError) error = NULL;
  BansoMember *member;
  int year = 0, month = 0, day = 0;

  if (*key == '\0')
    {
      add_problem (imp, line, COL_HOUSEHOLD, _("the household key is empty."));
      return;
    }

  if (imp->current_key == NULL || strcmp (imp->current_key, key) != 0)
    {
      gpointer first_line;

      flush_household (imp);

      if (g_hash_table_lookup_extended (imp->seen_keys, key, NULL, &first_line))
        {
          add_problem (imp, line, COL_HOUSEHOLD,
                       _("the rows of household %s must be together; it started at line %u."),
                       key, GPOINTER_TO_UINT (first_line));
          return;
        }
      imp->current_key = g_strdup (key);
      g_hash_table_insert (imp->seen_keys, (char *)imp->current_key, GUINT_TO_POINTER (line));

      imp->current = banso_household_new ();
      /* A key in our id form is kept as the id, so that a household moved
       * between offices by export and import stays the same record; the same
       * file imported twice is refused instead of doubling the households. */
      if (is_document_id (key))
        imp->current->id = g_strdup (key);
      imp->current_line = line;
      remember_household_fields (imp);

      if (!g_hash_table_contains (imp->communes, commune))
        add_problem (imp, line, COL_COMMUNE_CODE,
                     *commune ? _("there is no commune with the code “%s”.")
                              : _("the commune code is empty%s."), commune);
      else if (!banso_user_can_edit_records (banso_txn_get_user (imp->txn), commune, &error))
        add_problem (imp, line, COL_COMMUNE_CODE, "%s", error->message);
      g_clear_error (&error);

      imp->current->commune = g_strdup (commune);
      text = field (imp, COL_VILLAGE);
      if (*text && g_hash_table_contains (imp->communes, commune))
        imp->current->village = g_strdup (lookup_village (imp, commune, text, line));
      text = field (imp, COL_ADDRESS);
      imp->current->address = *text ? g_strdup (text) : NULL;
      text = field (imp, COL_NOTES);
      imp->current->notes = *text ? g_strdup (text) : NULL;

      text = field (imp, COL_POVERTY_HISTORY);
      if (*text)
        read_poverty_history (imp, text, line);

      text = field (imp, COL_POVERTY_STATUS);
      if (*text)
        {
          BansoPoverty status = banso_poverty_from_string (text);
          const char *ytext = field (imp, COL_POVERTY_YEAR);
          int pyear = *ytext ? atoi (ytext) : imp->this_year;

          if (status == BANSO_POVERTY_UNKNOWN)
            {
              g_autofree char *fold = banso_fold (text, -1);
              if (g_str_equal (fold, "ngheo") || g_str_equal (fold, "ho ngheo"))
                status = BANSO_POVERTY_POOR;
              else if (g_str_equal (fold, "can ngheo") || g_str_equal (fold, "ho can ngheo"))
                status = BANSO_POVERTY_NEAR_POOR;
              else if (g_str_equal (fold, "khong ngheo") || g_str_equal (fold, "khong"))
                status = BANSO_POVERTY_NOT_POOR;
            }
          if (status == BANSO_POVERTY_UNKNOWN && !g_str_equal (text, "unknown"))
            add_problem (imp, line, COL_POVERTY_STATUS,
                         _("“%s” is not a poverty status; write poor, near-poor or not-poor."),
                         text);
          else if (!banso_validate_year (pyear, 2000, imp->this_year + 1, &error))
            add_problem (imp, line, COL_POVERTY_YEAR, "%s", error->message);
          else if (status != BANSO_POVERTY_UNKNOWN)
            banso_household_set_poverty (imp->current, pyear, status);
          g_clear_error (&error);
        }
    }
  else if (*commune && g_strcmp0 (commune, imp->current->commune) != 0)
    {
      add_problem (imp, line, COL_COMMUNE_CODE,
                   _("household %s is in commune %s on line %u but in %s here."),
                   key, imp->current->commune, imp->current_line, commune);
    }
  else
    check_household_fields (imp, key, line);

  /* A member id is kept, so that links to a member (a prestigious person)
   * survive a move between offices. */
  text = field (imp, COL_MEMBER_ID);
  if (strlen (text) > 64)
    {
      g_autofree char *cut = g_strndup (text, 64);
      member = banso_household_add_member_with_id (imp->current, cut);
    }
  else
    member = banso_household_add_member_with_id (imp->current, *text ? text : NULL);

  text = field (imp, COL_MEMBER_NAME);
  if (!banso_validate_person_name (text, &error))
    add_problem (imp, line, COL_MEMBER_NAME, "%s", error->message);
  member->name = g_strdup (text);
  g_clear_error (&error);

  text = field (imp, COL_SEX);
  member->sex = banso_sex_from_string (text);
  if (*text && member->sex == BANSO_SEX_UNKNOWN)
    add_problem (imp, line, COL_SEX, _("“%s” is not a sex; write male or female (Nam or Nữ)."),
                 text);

  text = field (imp, COL_BIRTH);
  if (*text)
    {
      if (!banso_validate_birth_date (text, &year, &month, &day, &error))
        add_problem (imp, line, COL_BIRTH, "%s", error->message);
      else if (month == 0 ? strlen (text) == 4
                          : strlen (text) == 10 && text[4] == '-' && text[7] == '-')
        member->birth = g_strdup (text);  /* already as it is kept */
      else if (month == 0)
        member->birth = g_strdup_printf ("%04d", year);
      else
        member->birth = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
      g_clear_error (&error);
    }

  text = field (imp, COL_ETHNIC);
  if (*text)
    {
      const char *code = lookup_ethnic (imp, text);
      if (code == NULL)
        add_problem (imp, line, COL_ETHNIC, _("“%s” is not one of the 54 ethnic groups."), text);
      member->ethnic = g_strdup (code);
    }

  text = field (imp, COL_RELATION);
  member->relation = g_strdup (banso_relation_from_label (text));
  if (member->relation == NULL)
    {
      g_autofree char *fold = banso_fold (text, -1);
      if (g_str_equal (fold, "chu ho"))
        member->relation = g_strdup ("head");
      else if (g_str_equal (fold, "vo") || g_str_equal (fold, "chong") ||
               g_str_equal (fold, "vo/chong"))
        member->relation = g_strdup ("spouse");
      else if (g_str_equal (fold, "con"))
        member->relation = g_strdup ("child");
      else if (g_str_equal (fold, "bo") || g_str_equal (fold, "me") ||
               g_str_equal (fold, "cha"))
        member->relation = g_strdup ("parent");
      else if (g_str_equal (fold, "chau"))
        member->relation = g_strdup ("grandchild");
      else if (g_str_equal (fold, "anh") || g_str_equal (fold, "chi") ||
               g_str_equal (fold, "em"))
        member->relation = g_strdup ("sibling");
      else if (g_str_equal (fold, "con dau") || g_str_equal (fold, "con re"))
        member->relation = g_strdup ("child-in-law");
      else if (g_str_equal (fold, "khac"))
        member->relation = g_strdup ("other");
      else
        add_problem (imp, line, COL_RELATION,
                     _("“%s” is not a relation; write head, spouse, child, parent, sibling, grandchild, child-in-law or other."),
                     text);
    }

  text = field (imp, COL_CITIZEN_ID);
  if (*text)
    {
      if (!banso_validate_citizen_id (text, year, (int)member->sex, &error))
        add_problem (imp, line, COL_CITIZEN_ID, "%s", error->message);
      member->citizen_id = g_strdup (text);
      g_clear_error (&error);
    }

  text = field (imp, COL_PHONE);
  if (*text)
    {
      char *normalized = NULL;
      if (!banso_validate_phone (text, &normalized, &error))
        add_problem (imp, line, COL_PHONE, "%s", error->message);
      member->phone = normalized;
      g_clear_error (&error);
    }
}

#define BULK_BYTES (16 * 1024 * 1024)

static goffset
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : 0;
}

/* Files this large are imported in bulk; BANSO_IMPORT_BULK_BYTES lets the
 * tests take the bulk path with small files. */
static goffset
bulk_threshold (void)
{
  const char *env = g_getenv ("BANSO_IMPORT_BULK_BYTES");

  return env != NULL ? g_ascii_strtoll (env, NULL, 10) : BULK_BYTES;
}

static void
import_clear (Import *imp)
{
  g_clear_pointer (&imp->seen_keys, g_hash_table_unref);
  g_clear_pointer (&imp->communes, g_hash_table_unref);
  g_clear_pointer (&imp->villages, g_hash_table_unref);
  g_clear_pointer (&imp->last_village[0], g_free);
  g_clear_pointer (&imp->last_village[1], g_free);
  imp->last_village_id = NULL;
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_pointer (&imp->first_row[i], g_free);
  g_clear_pointer (&imp->ethnic, g_hash_table_unref);
  g_mutex_clear (&imp->lock);
}

/* Called by the writer for what it could not write. */
static void
on_write_problem (const BansoImportItem *item,
                  const GError          *error,
                  gpointer               user_data)
{
  Import *imp = user_data;

  if (g_error_matches (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_EXISTS))
    report_existing (imp, item->line, item->household ? item->household->id : item->check_id);
  else
    add_problem (imp, item->line, item->village ? COL_VILLAGE : -1, "%s", error->message);
}

static void
load_villages (Import *imp)
{
  sqlite3_stmt *stmt = banso_txn_prepare (imp->txn,
                                          "SELECT v.commune, v.fold, d.id FROM village_index v"
                                          " JOIN documents d USING (docno)", NULL);
  if (stmt == NULL)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (imp->villages,
                         g_strconcat ((const char *)sqlite3_column_text (stmt, 0), "\n",
                                      (const char *)sqlite3_column_text (stmt, 1), NULL),
                         g_strdup ((const char *)sqlite3_column_text (stmt, 2)));
  sqlite3_reset (stmt);
}

static int
by_line (gconstpointer a,
         gconstpointer b)
{
  const BansoImportProblem *pa = *(BansoImportProblem * const *)a;
  const BansoImportProblem *pb = *(BansoImportProblem * const *)b;

  return pa->line < pb->line ? -1 : pa->line > pb->line;
}

static void
load_communes (Import *imp)
{
  sqlite3_stmt *stmt = banso_txn_prepare (imp->txn,
                                          "SELECT code FROM admin_units WHERE edition = '"
                                          BANSO_ADMIN_EDITION "' AND kind != 'province'", NULL);
  if (stmt == NULL)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (imp->communes, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
}

/**
 * banso_household_import_csv:
 *
 * Imports a household list in one transaction: every row is checked, and either
 * all households are written or none. Problems come back in the result with
 * their line and column; @error is set only when the file as a whole cannot be
 * read (not CSV, wrong encoding, unknown columns) or the database fails.
 */
BansoImportResult *
banso_household_import_csv (BansoStore           *store,
                            BansoUser            *user,
                            const char           *path,
                            BansoImportProgress   progress,
                            gpointer              user_data,
                            GCancellable         *cancellable,
                            GError              **error)
{
  g_autoptr(BansoImportResult) result = g_new0 (BansoImportResult, 1);
  g_autoptr(BansoCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  Import imp = { 0 };
  gint64 start = g_get_monotonic_time ();
  gboolean bulk;
  guint rows = 0;

  result->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)problem_free);

  if (!(reader = banso_csv_reader_new_for_path (path, error)))
    return NULL;
  result->converted_from = banso_csv_reader_get_converted_from (reader);

  imp.store = store;
  imp.reader = reader;
  imp.result = result;
  imp.writing = TRUE;
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    imp.this_year = g_date_time_get_year (now);
  }

  if (!read_header (&imp, error))
    return NULL;

  /* A large file is imported in bulk: with the database to itself when
   * nothing is reading it, and with the list and audit indexes dropped and
   * built again at the end, inside the same transaction. */
  bulk = file_size (path) >= bulk_threshold ();
  if (!(imp.txn = bulk ? banso_store_begin_bulk (store, user, error)
                       : banso_store_begin (store, user, error)))
    return NULL;

  if (bulk)
    {
      imp.bulk_restore = banso_household_bulk_begin (imp.txn, error);
      if (imp.bulk_restore == NULL)
        {
          banso_txn_rollback (imp.txn);
          return NULL;
        }
    }

  imp.seen_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  imp.communes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  imp.villages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  imp.ethnic = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_mutex_init (&imp.lock);
  load_communes (&imp);
  load_villages (&imp);

  /* A copy: the writer's connection is the writer's, and a bulk import lets
   * no reader in. */
  if ((imp.lookup_db = banso_reference_copy_ethnic (banso_txn_get_db (imp.txn), error)) == NULL)
    {
      import_clear (&imp);
      g_clear_pointer (&imp.bulk_restore, banso_household_bulk_free);
      banso_txn_rollback (imp.txn);
      return NULL;
    }

  /* This thread reads and checks; the writer writes what it made ready. */
  imp.writer = banso_import_writer_start (imp.txn,
                                          BANSO_DOC_PUT_IMPORT |
                                          (imp.bulk_restore ? BANSO_DOC_PUT_DEFER_SEARCH |
                                                              BANSO_DOC_PUT_DEFER_AUDIT : 0),
                                          on_write_problem, &imp);
  while (banso_csv_reader_next (reader, &local_error))
    {
      read_member_row (&imp);
      rows++;
      if ((rows & 0x3fff) == 0)
        {
          if (progress)
            progress (BANSO_IMPORT_STAGE_CHECKING, banso_csv_reader_get_line (reader), user_data);
          if (g_cancellable_is_cancelled (cancellable))
            break;
          if (count_problems (&imp) >= MAX_PROBLEMS)
            break;
        }
    }
  if (local_error == NULL)
    flush_household (&imp);
  else
    g_clear_pointer (&imp.current, banso_household_free);
  imp.current_key = NULL;
  banso_import_writer_finish (g_steal_pointer (&imp.writer), &result->households, &result->members);
  g_debug ("import: %.2f s to read and write %u rows", (g_get_monotonic_time () - start) / 1e6, rows);
  g_clear_pointer (&imp.lookup_db, sqlite3_close);
  g_ptr_array_sort (result->problems, by_line);

  import_clear (&imp);

  if (local_error != NULL || result->problems->len > 0 || rows == 0 ||
      g_cancellable_is_cancelled (cancellable))
    g_clear_pointer (&imp.bulk_restore, banso_household_bulk_free);

  if (local_error != NULL || g_cancellable_set_error_if_cancelled (cancellable, &local_error))
    {
      banso_txn_rollback (imp.txn);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (rows == 0)
    {
      banso_txn_rollback (imp.txn);
      g_set_error (error, BANSO_IMPORT_ERROR, BANSO_IMPORT_ERROR_INVALID_ROWS,
                   _("The file has a header but no households."));
      return NULL;
    }

  if (result->problems->len > 0)
    {
      banso_txn_rollback (imp.txn);
      result->households = 0;
      result->members = 0;
      result->villages = 0;
      return g_steal_pointer (&result);
    }

  if (imp.bulk_restore != NULL)
    {
      gboolean rebuilt;

      if (progress)
        progress (BANSO_IMPORT_STAGE_INDEXING, banso_csv_reader_get_line (reader), user_data);
      rebuilt = banso_household_bulk_end (imp.txn, imp.bulk_restore, error);

      g_clear_pointer (&imp.bulk_restore, banso_household_bulk_free);
      if (!rebuilt)
        {
          banso_txn_rollback (imp.txn);
          return NULL;
        }
    }

  start = g_get_monotonic_time ();
  if (!banso_txn_commit (imp.txn, error))
    return NULL;
  g_debug ("import: %.2f s to commit", (g_get_monotonic_time () - start) / 1e6);

  return g_steal_pointer (&result);
}
