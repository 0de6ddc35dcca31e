/* test-household-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "banso-csv.h"
#include "banso-document.h"
#include "banso-fold.h"
#include "banso-household-csv.h"
#include "banso-household-export.h"
#include "banso-household-store.h"
#include "banso-store.h"
#include "banso-test-util.h"

/* Helpers {{{ */

typedef struct
{
  char       *dir;
  BansoStore *store;
  BansoUser  *admin;
  char       *a;        /* two communes of Sơn La */
  char       *b;
  guint       n_files;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_auto(GStrv) communes = NULL;

  f->store = banso_test_open_tmp_store (&f->dir, &f->admin);

  communes = banso_test_list_communes (f->store, "14", 2);
  f->a = g_strdup (communes[0]);
  f->b = g_strdup (communes[1]);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  banso_test_close_tmp_store (f->store, f->admin, f->dir);
  g_free (f->a);
  g_free (f->b);
}

/* Writes @length bytes (-1: a string) to a new file of the fixture's folder. */
static char *
write_file (Fixture    *f,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("file-%u.csv", ++f->n_files);
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static BansoImportResult *
import_ok (Fixture    *f,
           BansoStore *store,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  BansoImportResult *result = banso_household_import_csv (store, f->admin, path, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  for (guint i = 0; i < result->problems->len; i++)
    {
      g_autofree char *text = banso_import_problem_to_string (g_ptr_array_index (result->problems, i));
      g_test_message ("problem: %s", text);
    }
  g_assert_cmpuint (result->problems->len, ==, 0);
  return result;
}

/* An import that must be refused as a whole: @line and @column name the first problem. */
static BansoImportResult *
import_refused (Fixture    *f,
                const char *path,
                guint       line,
                const char *column)
{
  g_autoptr(GError) error = NULL;
  BansoImportResult *result;
  BansoImportProblem *problem;
  BansoTestCounts before, after;

  banso_test_get_counts (f->store, &before);
  result = banso_household_import_csv (f->store, f->admin, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->problems->len, >=, 1);
  g_assert_cmpuint (result->households, ==, 0);
  g_assert_cmpuint (result->members, ==, 0);
  g_assert_cmpuint (result->villages, ==, 0);
  problem = g_ptr_array_index (result->problems, 0);
  if (problem->line != line || g_strcmp0 (problem->column, column) != 0)
    g_error ("expected a problem at line %u, column %s; got line %u, column %s: %s",
             line, column, problem->line, problem->column, problem->message);
  g_assert_nonnull (problem->message);
  g_assert_cmpstr (problem->message, !=, "");
  banso_test_get_counts (f->store, &after);
  g_assert_cmpint (after.documents, ==, before.documents);
  g_assert_cmpint (after.audit, ==, before.audit);
  return result;
}

static int
compare_by_head (gconstpointer a,
                 gconstpointer b)
{
  const BansoHousehold *ha = *(const BansoHousehold **)a;
  const BansoHousehold *hb = *(const BansoHousehold **)b;
  g_autofree char *fa = banso_fold (banso_household_get_head (ha)->name, -1);
  g_autofree char *fb = banso_fold (banso_household_get_head (hb)->name, -1);

  return strcmp (fa, fb);
}

/* Every household of @store, by the folded name of the head. */
static GPtrArray *
load_all (BansoStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify)banso_household_free);
  sqlite3 *db = banso_store_acquire_reader (store, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id FROM documents WHERE type = 'household'"
                                           " AND deleted = 0", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      BansoHousehold *h = banso_household_load (db, (const char *)sqlite3_column_text (stmt, 0), &error);
      g_assert_no_error (error);
      g_ptr_array_add (all, h);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  banso_store_release_reader (store, db);
  g_ptr_array_sort (all, compare_by_head);
  return all;
}

static BansoHousehold *
find_by_head (GPtrArray  *all,
              const char *name)
{
  for (guint i = 0; i < all->len; i++)
    {
      BansoHousehold *h = g_ptr_array_index (all, i);
      if (g_strcmp0 (banso_household_get_head (h)->name, name) == 0)
        return h;
    }
  g_error ("no household with head %s", name);
  return NULL;
}

static BansoMember *
member (BansoHousehold *h,
        guint           i)
{
  g_assert_cmpuint (i, <, h->members->len);
  return g_ptr_array_index (h->members, i);
}

static void
assert_member (BansoMember *m,
               const char  *name,
               BansoSex     sex,
               const char  *birth,
               const char  *ethnic,
               const char  *relation,
               const char  *citizen_id,
               const char  *phone)
{
  g_assert_cmpstr (m->name, ==, name);
  g_assert_cmpint (m->sex, ==, sex);
  g_assert_cmpstr (m->birth, ==, birth);
  g_assert_cmpstr (m->ethnic, ==, ethnic);
  g_assert_cmpstr (m->relation, ==, relation);
  g_assert_cmpstr (m->citizen_id, ==, citizen_id);
  g_assert_cmpstr (m->phone, ==, phone);
  g_assert_nonnull (m->id);
}

static char *
village_name (BansoStore *store,
              const char *id)
{
  char *name;

  if (id == NULL)
    return NULL;
  name = banso_test_store_query_text (store, "SELECT v.name FROM village_index v JOIN documents d"
                                             " USING (docno) WHERE d.id = ?1", id);
  g_assert_nonnull (name);
  return name;
}

static int
poverty_of (BansoHousehold *h,
            int            *year)
{
  return banso_household_latest_poverty (h, year);
}

/* The household file most tests start from, with the delimiter and line end given. */
static char *
sample_csv (Fixture    *f,
            char        d,
            const char *eol)
{
  return g_strdup_printf ("household%ccommune_code%ccommune_name%cvillage%caddress%cmember_name%csex%cbirth%cethnic%crelation%ccitizen_id%cphone%cpoverty_year%cpoverty_status%cnotes%s"
                          "H1%c%s%cSơn La%cBản Mòng%cTổ 3%cLò Văn Pơm%cmale%c02/03/1985%cThái%chead%c014085001234%c0912 345 678%c2025%cpoor%cNhà sàn%s"
                          "H1%c%s%c%cBản Mòng%c%cQuàng Thị Ẻ%cfemale%c1987%c03%cspouse%c014187004321%c%c%c%c%s"
                          "H1%c%s%c%cBản Mòng%c%cLò Thị Ngọc%cF%c2010-09-01%cthái%cchild%c%c%c%c%c%s"
                          "H2%c%s%c%c%c%cGiàng A Páo%cNam%c1970%cH'Mông%cChủ hộ%c%c+84 388 123 456%c2024%cnear-poor%c%s"
                          "H2%c%s%c%c%c%cSùng Thị Mỷ%cNữ%c1972%cMông%cVợ%c%c%c%c%c%s",
                          d, d, d, d, d, d, d, d, d, d, d, d, d, d, eol,
                          d, f->a, d, d, d, d, d, d, d, d, d, d, d, d, d, eol,
                          d, f->a, d, d, d, d, d, d, d, d, d, d, d, d, d, eol,
                          d, f->a, d, d, d, d, d, d, d, d, d, d, d, d, d, eol,
                          d, f->b, d, d, d, d, d, d, d, d, d, d, d, d, d, eol,
                          d, f->b, d, d, d, d, d, d, d, d, d, d, d, d, d, eol);
}

/* What sample_csv() holds, once imported into @store. */
static void
assert_sample_imported (Fixture    *f,
                        BansoStore *store,
                        GPtrArray  *all)
{
  BansoHousehold *h1 = find_by_head (all, "Lò Văn Pơm");
  BansoHousehold *h2 = find_by_head (all, "Giàng A Páo");
  g_autofree char *village = village_name (store, h1->village);
  int year = 0;

  g_assert_cmpstr (h1->commune, ==, f->a);
  g_assert_cmpstr (village, ==, "Bản Mòng");
  g_assert_cmpstr (h1->address, ==, "Tổ 3");
  g_assert_cmpstr (h1->notes, ==, "Nhà sàn");
  g_assert_cmpint (poverty_of (h1, &year), ==, BANSO_POVERTY_POOR);
  g_assert_cmpint (year, ==, 2025);
  g_assert_cmpuint (h1->members->len, ==, 3);
  assert_member (member (h1, 0), "Lò Văn Pơm", BANSO_SEX_MALE, "1985-03-02", "03", "head",
                 "014085001234", "0912345678");
  assert_member (member (h1, 1), "Quàng Thị Ẻ", BANSO_SEX_FEMALE, "1987", "03", "spouse",
                 "014187004321", NULL);
  assert_member (member (h1, 2), "Lò Thị Ngọc", BANSO_SEX_FEMALE, "2010-09-01", "03", "child",
                 NULL, NULL);

  g_assert_cmpstr (h2->commune, ==, f->b);
  g_assert_null (h2->village);
  g_assert_null (h2->address);
  g_assert_null (h2->notes);
  g_assert_cmpint (poverty_of (h2, &year), ==, BANSO_POVERTY_NEAR_POOR);
  g_assert_cmpint (year, ==, 2024);
  g_assert_cmpuint (h2->members->len, ==, 2);
  assert_member (member (h2, 0), "Giàng A Páo", BANSO_SEX_MALE, "1970", "08", "head", NULL,
                 "0388123456");
  assert_member (member (h2, 1), "Sùng Thị Mỷ", BANSO_SEX_FEMALE, "1972", "08", "spouse", NULL, NULL);
}

/* }}} */

/* Reading files {{{ */

static void
test_import_valid (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *csv = sample_csv (f, ',', "\n");
  g_autofree char *path = write_file (f, csv, -1);
  g_autoptr(BansoImportResult) result = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  BansoTestCounts counts;

  result = import_ok (f, f->store, path);
  g_assert_cmpuint (result->households, ==, 2);
  g_assert_cmpuint (result->members, ==, 5);
  g_assert_cmpuint (result->villages, ==, 1);
  g_assert_null (result->converted_from);

  all = load_all (f->store);
  g_assert_cmpuint (all->len, ==, 2);
  assert_sample_imported (f, f->store, all);

  /* Two households and one village, one audit entry each. */
  banso_test_get_counts (f->store, &counts);
  g_assert_cmpint (counts.documents, ==, 3);
  g_assert_cmpint (counts.audit, ==, 3);
  {
    sqlite3 *db = banso_store_acquire_reader (f->store, &error);
    g_assert_no_error (error);
    g_assert_cmpint (banso_test_query_int (db, "SELECT count(*) FROM audit WHERE action = 'import'"
                                               " AND doc_type = 'household' AND user_id = 'admin'"), ==, 2);
    banso_store_release_reader (f->store, db);
  }
}

static void
test_import_vietnamese_headers (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *csv = NULL;
  g_autofree char *path = NULL;
  g_autoptr(BansoImportResult) result = NULL;
  g_autoptr(GPtrArray) all = NULL;
  BansoHousehold *h;
  int year = 0;

  csv = g_strdup_printf ("Mã hộ,Mã xã,Xã,\"Thôn, bản\",Địa chỉ,HỌ VÀ TÊN,Giới tính,Năm sinh,Dân tộc,"
                         "Quan hệ với chủ hộ,Số CCCD,Số điện thoại,Năm,Hộ nghèo,Ghi chú\n"
                         "1,%s,Xã X,Bản Hụn,Nhà 5,Lò Văn Pơm,Nam,1985,Thái,Chủ hộ,014085001234,0912345678,2025,Hộ nghèo,\n"
                         "1,%s,Xã X,Bản Hụn,Nhà 5,Quàng Thị Ẻ,Nữ,1987,Thái,Vợ,,,,,\n"
                         "2,%s,Xã Y,,,Giàng A Páo,Nam,1970,Mông,Chủ hộ,,,2024,Cận nghèo,Đã xác minh\n",
                         f->a, f->a, f->b);
  path = write_file (f, csv, -1);
  result = import_ok (f, f->store, path);
  g_assert_cmpuint (result->households, ==, 2);
  g_assert_cmpuint (result->members, ==, 3);

  all = load_all (f->store);
  h = find_by_head (all, "Lò Văn Pơm");
  g_assert_cmpuint (h->members->len, ==, 2);
  g_assert_cmpstr (h->address, ==, "Nhà 5");
  g_assert_nonnull (h->village);
  g_assert_cmpint (poverty_of (h, &year), ==, BANSO_POVERTY_POOR);
  g_assert_cmpint (year, ==, 2025);
  assert_member (member (h, 0), "Lò Văn Pơm", BANSO_SEX_MALE, "1985", "03", "head", "014085001234",
                 "0912345678");
  assert_member (member (h, 1), "Quàng Thị Ẻ", BANSO_SEX_FEMALE, "1987", "03", "spouse", NULL, NULL);
  h = find_by_head (all, "Giàng A Páo");
  g_assert_cmpint (poverty_of (h, &year), ==, BANSO_POVERTY_NEAR_POOR);
  g_assert_cmpint (year, ==, 2024);
  g_assert_cmpstr (h->notes, ==, "Đã xác minh");
}

static void
test_import_bom (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *plain = sample_csv (f, ',', "\r\n");
  g_autofree char *bom = g_strconcat ("\xef\xbb\xbf", plain, NULL);
  g_autofree char *path = write_file (f, bom, -1);
  g_autofree char *other_dir = NULL;
  g_autofree char *plain_path = write_file (f, plain, -1);
  g_autoptr(BansoImportResult) result = NULL;
  g_autoptr(BansoImportResult) plain_result = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) plain_all = NULL;
  BansoStore *other;

  /* With the BOM that Excel writes: the first column is still "household". */
  result = import_ok (f, f->store, path);
  g_assert_cmpuint (result->households, ==, 2);
  all = load_all (f->store);
  assert_sample_imported (f, f->store, all);

  /* Without it, into a second database: the same households. */
  other_dir = g_build_filename (f->dir, "other", NULL);
  other = banso_test_open_store (other_dir, "banso.db");
  plain_result = import_ok (f, other, plain_path);
  g_assert_cmpuint (plain_result->households, ==, 2);
  plain_all = load_all (other);
  assert_sample_imported (f, other, plain_all);
  banso_test_close_store (other);
}

static void
test_import_semicolon (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *sample = sample_csv (f, ';', "\r\n");
  g_autofree char *csv = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sep = NULL;
  g_autofree char *sep_path = NULL;
  g_autoptr(BansoImportResult) result = NULL;
  g_autoptr(BansoImportResult) sep_result = NULL;
  g_autoptr(GPtrArray) all = NULL;
  BansoHousehold *h;

  /* Commas in a semicolon file are text, quoted or not. */
  csv = g_strconcat (sample, "H3;", f->a, ";;;Tổ 3, bản Mòng;Cầm Văn Khăm;;;;head;;;;;Ghi chú, có dấu phẩy\r\n", NULL);
  path = write_file (f, csv, -1);
  result = import_ok (f, f->store, path);
  g_assert_cmpuint (result->households, ==, 3);
  all = load_all (f->store);
  assert_sample_imported (f, f->store, all);
  h = find_by_head (all, "Cầm Văn Khăm");
  g_assert_cmpstr (h->address, ==, "Tổ 3, bản Mòng");
  g_assert_cmpstr (h->notes, ==, "Ghi chú, có dấu phẩy");
  g_clear_pointer (&all, g_ptr_array_unref);

  /* Excel's "sep=;" line. */
  sep = g_strdup_printf ("sep=;\nhousehold;commune_code;member_name;relation\nK1;%s;Vì Văn Chanh;head\n", f->b);
  sep_path = write_file (f, sep, -1);
  sep_result = import_ok (f, f->store, sep_path);
  g_assert_cmpuint (sep_result->households, ==, 1);
  all = load_all (f->store);
  h = find_by_head (all, "Vì Văn Chanh");
  g_assert_cmpstr (h->commune, ==, f->b);
}

static void
test_import_quoting (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *csv = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *path = NULL;
  g_autofree char *bad_path = NULL;
  g_autoptr(BansoImportResult) result = NULL;
  g_autoptr(BansoImportResult) bad_result = NULL;
  g_autoptr(GPtrArray) all = NULL;
  BansoHousehold *h;

  /* As Excel writes it: CRLF between rows, LF inside a cell, quotes doubled. */
  csv = g_strdup_printf ("household,commune_code,address,member_name,relation,notes\r\n"
                         "H1,%s,\"Nhà 12, tổ 3\",\"Lò Văn Pơm\",head,\"Hộ \"\"khó khăn\"\" nhất,\nghi chú dòng 2\"\r\n"
                         "H2,%s,\"\",Giàng A Páo,\"Chủ hộ\",\"  \"\r\n"
                         "H3,%s,\"\"\"Nhà sàn\"\"\",\" Cầm Văn Khăm \",head,\r\n",
                         f->a, f->a, f->b);
  path = write_file (f, csv, -1);
  result = import_ok (f, f->store, path);
  g_assert_cmpuint (result->households, ==, 3);

  all = load_all (f->store);
  h = find_by_head (all, "Lò Văn Pơm");
  g_assert_cmpstr (h->address, ==, "Nhà 12, tổ 3");
  g_assert_cmpstr (h->notes, ==, "Hộ \"khó khăn\" nhất,\nghi chú dòng 2");
  h = find_by_head (all, "Giàng A Páo");
  g_assert_null (h->address);
  g_assert_null (h->notes);
  g_assert_cmpstr (member (h, 0)->relation, ==, "head");
  /* Cells are trimmed. */
  h = find_by_head (all, "Cầm Văn Khăm");
  g_assert_cmpstr (h->address, ==, "\"Nhà sàn\"");

  /* Line numbers count the lines inside quoted cells: H3 starts on line 5. */
  bad = g_strdup_printf ("household,commune_code,address,member_name,relation,notes,citizen_id\r\n"
                         "K1,%s,\"Nhà 12,\ntổ 3\",Lò Văn Pơm,head,,\r\n"
                         "K2,%s,,Giàng A Páo,head,,\r\n"
                         "K3,%s,,Cầm Văn Khăm,head,,12345\r\n",
                         f->a, f->a, f->b);
  bad_path = write_file (f, bad, -1);
  bad_result = import_refused (f, bad_path, 5, "citizen_id");
  g_assert_cmpuint (bad_result->problems->len, ==, 1);
}

static char *
to_utf16 (const char *text,
          const char *charset,
          const char *bom,
          gsize      *length)
{
  g_autoptr(GError) error = NULL;
  gsize written = 0;
  g_autofree char *converted = g_convert (text, -1, charset, "UTF-8", NULL, &written, &error);
  char *out;

  g_assert_no_error (error);
  out = g_malloc (written + 2);
  memcpy (out, bom, 2);
  memcpy (out + 2, converted, written);
  *length = written + 2;
  return out;
}

static void
test_import_utf16 (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *csv = sample_csv (f, '\t', "\r\n");
  g_autofree char *le = NULL;
  g_autofree char *be = NULL;
  g_autofree char *le_path = NULL;
  g_autofree char *be_path = NULL;
  g_autofree char *other_dir = NULL;
  g_autoptr(BansoImportResult) result = NULL;
  g_autoptr(BansoImportResult) be_result = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) be_all = NULL;
  BansoStore *other;
  gsize length = 0;

  /* Excel's "Unicode Text": UTF-16LE with a BOM, tab-delimited. */
  le = to_utf16 (csv, "UTF-16LE", "\xff\xfe", &length);
  le_path = write_file (f, le, length);
  result = import_ok (f, f->store, le_path);
  g_assert_cmpstr (result->converted_from, ==, "UTF-16LE");
  g_assert_cmpuint (result->households, ==, 2);
  all = load_all (f->store);
  assert_sample_imported (f, f->store, all);

  be = to_utf16 (csv, "UTF-16BE", "\xfe\xff", &length);
  be_path = write_file (f, be, length);
  other_dir = g_build_filename (f->dir, "other", NULL);
  other = banso_test_open_store (other_dir, "banso.db");
  be_result = import_ok (f, other, be_path);
  g_assert_cmpstr (be_result->converted_from, ==, "UTF-16BE");
  be_all = load_all (other);
  assert_sample_imported (f, other, be_all);
  banso_test_close_store (other);
}

static void
test_import_windows_1258 (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoImportResult) result = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *path = NULL;
  BansoTestCounts before, after;

  /* "Lò Văn Pơm" as Windows-1258 bytes: not UTF-8. */
  csv = g_strdup_printf ("household,commune_code,member_name,relation\n"
                         "H1,%s,L\xf2 V\xe3n P\xf5m,head\n", f->a);
  path = write_file (f, csv, -1);

  banso_test_get_counts (f->store, &before);
  result = banso_household_import_csv (f->store, f->admin, path, NULL, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, BANSO_CSV_ERROR, BANSO_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "1258"));
  g_assert_nonnull (strstr (error->message, "Line 2 "));
  banso_test_get_counts (f->store, &after);
  g_assert_cmpint (after.documents, ==, before.documents);
  g_assert_cmpint (after.audit, ==, before.audit);
}

/* }}} */

/* Refusing files {{{ */

static void
test_all_or_nothing (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("household,commune_code,village,member_name,sex,birth,relation,citizen_id\n");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(BansoImportResult) result = NULL;
  BansoImportProblem *problem;
  BansoTestCounts counts;

  /* 100 households, one line each: line n + 2 is household n. */
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *cid = NULL;

      if (i + 2 == 57)
        cid = g_strdup ("01408500123");   /* 11 digits */
      else
        cid = g_strdup_printf ("014085%06u", i);
      g_string_append_printf (csv, "H%03u,%s,Bản %s,Lò Văn Pơm,Nam,1985,head,%s\n",
                              i, i % 2 ? f->a : f->b, i % 3 ? "Mòng" : "Hụn", cid);
    }
  path = write_file (f, csv->str, csv->len);

  result = import_refused (f, path, 57, "citizen_id");
  g_assert_cmpuint (result->problems->len, ==, 1);
  problem = g_ptr_array_index (result->problems, 0);
  text = banso_import_problem_to_string (problem);
  g_assert_nonnull (strstr (text, "57"));
  g_assert_nonnull (strstr (text, "citizen_id"));

  /* Not a household, not a village, not an audit entry. */
  banso_test_get_counts (f->store, &counts);
  g_assert_cmpint (counts.documents, ==, 0);
  g_assert_cmpint (counts.audit, ==, 0);
}

static void
test_unknown_commune (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *csv = NULL;
  g_autofree char *path = NULL;
  g_autoptr(BansoImportResult) result = NULL;
  g_autoptr(BansoImportResult) empty_result = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *empty_path = NULL;
  BansoImportProblem *problem;

  csv = g_strdup_printf ("household,commune_code,member_name,relation\n"
                         "H1,%s,Lò Văn Pơm,head\n"
                         "H2,99999,Giàng A Páo,head\n"
                         "H3,%s,Cầm Văn Khăm,head\n", f->a, f->b);
  path = write_file (f, csv, -1);
  result = import_refused (f, path, 3, "commune_code");
  problem = g_ptr_array_index (result->problems, 0);
  g_assert_nonnull (strstr (problem->message, "99999"));

  /* A province code is not a commune code, and an empty one is missing. */
  empty = g_strdup_printf ("household,commune_code,member_name,relation\n"
                           "H1,%s,Lò Văn Pơm,head\n"
                           "H2,14,Giàng A Páo,head\n"
                           "H3,,Cầm Văn Khăm,head\n", f->a);
  empty_path = write_file (f, empty, -1);
  empty_result = import_refused (f, empty_path, 3, "commune_code");
  g_assert_cmpuint (empty_result->problems->len, ==, 2);
  problem = g_ptr_array_index (empty_result->problems, 1);
  g_assert_cmpuint (problem->line, ==, 4);
  g_assert_cmpstr (problem->column, ==, "commune_code");
}

/* Villages are told apart by their commune, even when households of two
 * communes with a village of the same name come one after another. */
static void
test_villages_by_commune (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *csv = NULL;
  g_autofree char *path = NULL;
  g_autoptr(BansoImportResult) result = NULL;
  g_autoptr(GPtrArray) all = NULL;
  BansoHousehold *h1, *h2, *h3, *h4;

  csv = g_strdup_printf ("household,commune_code,village,member_name,relation\n"
                         "H1,%s,Bản Mòng,Lò Văn Pơm,head\n"
                         "H2,%s,Bản Mòng,Giàng A Páo,head\n"
                         "H3,%s,Ban Mong,Cầm Văn Khăm,head\n"
                         "H4,%s,Bản Mòng,Vàng A Sử,head\n", f->a, f->b, f->b, f->a);
  path = write_file (f, csv, -1);
  result = import_ok (f, f->store, path);
  g_assert_cmpuint (result->villages, ==, 2);

  all = load_all (f->store);
  h1 = find_by_head (all, "Lò Văn Pơm");
  h2 = find_by_head (all, "Giàng A Páo");
  h3 = find_by_head (all, "Cầm Văn Khăm");
  h4 = find_by_head (all, "Vàng A Sử");
  g_assert_cmpstr (h1->village, ==, h4->village);
  g_assert_cmpstr (h2->village, ==, h3->village);
  g_assert_cmpstr (h1->village, !=, h2->village);
}

/* Every year of a poverty history is read; each wrong item is named. */
static void
test_poverty_history (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *csv = NULL;
  g_autofree char *path = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *bad_path = NULL;
  g_autofree char *long_item = g_strnfill (80, '7');
  g_autoptr(BansoImportResult) result = NULL;
  g_autoptr(BansoImportResult) refused = NULL;
  g_autoptr(GPtrArray) all = NULL;
  BansoHousehold *h;
  BansoImportProblem *problem;

  g_autofree char *spaces = g_strnfill (70, ' ');

  csv = g_strdup_printf ("household,commune_code,member_name,relation,poverty_history\n"
                         "H1,%s,Lò Văn Pơm,head, 2023:poor ;;%s;%s2024 : near-poor%s;2025:not-poor\n",
                         f->a, spaces, spaces, spaces);
  path = write_file (f, csv, -1);
  result = import_ok (f, f->store, path);
  all = load_all (f->store);
  h = find_by_head (all, "Lò Văn Pơm");
  g_assert_cmpuint (h->poverty->len, ==, 3);
  g_assert_cmpint (g_array_index (h->poverty, BansoPovertyYear, 0).year, ==, 2023);
  g_assert_cmpint (g_array_index (h->poverty, BansoPovertyYear, 0).status, ==, BANSO_POVERTY_POOR);
  g_assert_cmpint (g_array_index (h->poverty, BansoPovertyYear, 2).year, ==, 2025);
  g_assert_cmpint (g_array_index (h->poverty, BansoPovertyYear, 2).status, ==, BANSO_POVERTY_NOT_POOR);

  bad = g_strdup_printf ("household,commune_code,member_name,relation,poverty_history\n"
                         "H2,%s,Giàng A Páo,head,2024:poor;2025 poor\n"
                         "H3,%s,Cầm Văn Khăm,head,1990:poor\n"
                         "H4,%s,Vàng A Sử,head,%s:poor\n", f->a, f->a, f->a, long_item);
  bad_path = write_file (f, bad, -1);
  refused = import_refused (f, bad_path, 2, "poverty_history");
  g_assert_cmpuint (refused->problems->len, ==, 3);
  problem = g_ptr_array_index (refused->problems, 0);
  g_assert_nonnull (strstr (problem->message, "2025 poor"));
  problem = g_ptr_array_index (refused->problems, 1);
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_nonnull (strstr (problem->message, "1990:poor"));
  problem = g_ptr_array_index (refused->problems, 2);
  g_assert_cmpuint (problem->line, ==, 4);
  g_assert_nonnull (strstr (problem->message, long_item));
}

static void
test_bad_header (Fixture       *f,
                 gconstpointer  data)
{
  const struct
  {
    const char *csv;
    int         code;
    const char *needles[3];
  } cases[] = {
    { "household,commune_code,member_name,relation,Nghề nghiệp\nH1,03646,Lò Văn Pơm,head,Làm ruộng\n",
      BANSO_IMPORT_ERROR_COLUMNS, { "Nghề nghiệp", NULL, NULL } },
    { "household,commune_code,Họ tên,member_name,relation\nH1,03646,A,Lò Văn Pơm,head\n",
      BANSO_IMPORT_ERROR_COLUMNS, { "member_name", NULL, NULL } },
    { "household,member_name\nH1,Lò Văn Pơm\n",
      BANSO_IMPORT_ERROR_COLUMNS, { "commune_code", "relation", NULL } },
    { "Họ tên,Giới tính\nLò Văn Pơm,Nam\n",
      BANSO_IMPORT_ERROR_COLUMNS, { "household", "commune_code", "relation" } },
    { "", BANSO_IMPORT_ERROR_COLUMNS, { NULL, NULL, NULL } },
    { "household,commune_code,member_name,relation\n",
      BANSO_IMPORT_ERROR_INVALID_ROWS, { NULL, NULL, NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = write_file (f, cases[i].csv, -1);
      BansoImportResult *result;
      BansoTestCounts before, after;

      banso_test_get_counts (f->store, &before);
      result = banso_household_import_csv (f->store, f->admin, path, NULL, NULL, NULL, &error);
      g_assert_null (result);
      g_assert_error (error, BANSO_IMPORT_ERROR, cases[i].code);
      for (guint j = 0; j < G_N_ELEMENTS (cases[i].needles) && cases[i].needles[j]; j++)
        if (strstr (error->message, cases[i].needles[j]) == NULL)
          g_error ("case %u: “%s” does not name %s", i, error->message, cases[i].needles[j]);
      banso_test_get_counts (f->store, &after);
      g_assert_cmpint (after.documents, ==, before.documents);
      g_assert_cmpint (after.audit, ==, before.audit);
    }
}

static void
test_non_contiguous (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *csv = NULL;
  g_autofree char *path = NULL;
  g_autoptr(BansoImportResult) result = NULL;
  BansoImportProblem *problem;

  csv = g_strdup_printf ("household,commune_code,member_name,relation\n"
                         "H1,%s,Lò Văn Pơm,head\n"
                         "H1,%s,Quàng Thị Ẻ,spouse\n"
                         "H2,%s,Giàng A Páo,head\n"
                         "H1,%s,Lò Thị Ngọc,child\n", f->a, f->a, f->b, f->a);
  path = write_file (f, csv, -1);
  result = import_refused (f, path, 5, "household");
  g_assert_cmpuint (result->problems->len, ==, 1);
  problem = g_ptr_array_index (result->problems, 0);
  g_assert_nonnull (strstr (problem->message, "H1"));
  g_assert_nonnull (strstr (problem->message, "2"));
}

/* A later row of a household that gives another village, address, poverty
 * status or notes refuses the file, naming both lines and the column; a later
 * row that leaves them empty or repeats them (in another spelling of the
 * village) is read as the first row says. */
static void
test_rows_disagree (Fixture       *f,
                    gconstpointer  data)
{
  static const struct {
    const char *column;
    const char *first;
    const char *second;
  } cases[] = {
    { "village", "Bản Mòng", "Bản Nà" },
    { "address", "Số 3", "Số 5" },
    { "poverty_status", "poor", "near-poor" },
    { "notes", "", "Chuyển đến năm 2020" },
  };
  g_autofree char *ok_csv = NULL;
  g_autofree char *ok_path = NULL;
  g_autoptr(BansoImportResult) ok = NULL;
  g_autoptr(GPtrArray) all = NULL;
  BansoHousehold *h;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *csv = NULL;
      g_autofree char *path = NULL;
      g_autoptr(BansoImportResult) result = NULL;
      BansoImportProblem *problem;

      csv = g_strdup_printf ("household,commune_code,member_name,relation,%s\n"
                             "H0,%s,Vàng A Sử,head,\n"
                             "H1,%s,Lò Văn Pơm,head,%s\n"
                             "H1,%s,Quàng Thị Ẻ,spouse,\n"
                             "H1,%s,Lò Thị Ngọc,child,%s\n",
                             cases[i].column, f->a, f->a, cases[i].first, f->a, f->a,
                             cases[i].second);
      path = write_file (f, csv, -1);
      result = import_refused (f, path, 5, cases[i].column);
      g_assert_cmpuint (result->problems->len, ==, 1);
      problem = g_ptr_array_index (result->problems, 0);
      g_assert_nonnull (strstr (problem->message, "H1"));
      g_assert_nonnull (strstr (problem->message, "line 3"));
      g_assert_nonnull (strstr (problem->message, cases[i].second));
      if (*cases[i].first)
        g_assert_nonnull (strstr (problem->message, cases[i].first));
    }

  ok_csv = g_strdup_printf ("household,commune_code,village,address,member_name,relation,"
                            "poverty_status,notes\n"
                            "H1,%s,Bản Mòng,Số 3,Lò Văn Pơm,head,poor,Gia đình đông con\n"
                            "H1,%s,,,Quàng Thị Ẻ,spouse,,\n"
                            "H1,%s,Ban Mong,Số 3,Lò Thị Ngọc,child,Poor,Gia đình đông con\n",
                            f->a, f->a, f->a);
  ok_path = write_file (f, ok_csv, -1);
  ok = import_ok (f, f->store, ok_path);
  g_assert_cmpuint (ok->households, ==, 1);
  g_assert_cmpuint (ok->members, ==, 3);
  all = load_all (f->store);
  h = find_by_head (all, "Lò Văn Pơm");
  g_assert_cmpstr (h->address, ==, "Số 3");
  g_assert_cmpstr (h->notes, ==, "Gia đình đông con");
}

static void
test_no_head (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *csv = NULL;
  g_autofree char *two = NULL;
  g_autofree char *path = NULL;
  g_autofree char *two_path = NULL;
  g_autoptr(BansoImportResult) result = NULL;
  g_autoptr(BansoImportResult) two_result = NULL;
  BansoImportProblem *problem;

  csv = g_strdup_printf ("household,commune_code,member_name,relation\n"
                         "H1,%s,Lò Văn Pơm,head\n"
                         "H2,%s,Quàng Thị Ẻ,spouse\n"
                         "H2,%s,Lò Thị Ngọc,child\n"
                         "H3,%s,Giàng A Páo,head\n", f->a, f->a, f->a, f->b);
  path = write_file (f, csv, -1);
  result = import_refused (f, path, 3, "relation");
  g_assert_cmpuint (result->problems->len, ==, 1);
  problem = g_ptr_array_index (result->problems, 0);
  g_assert_nonnull (strstr (problem->message, "H2"));

  two = g_strdup_printf ("household,commune_code,member_name,relation\n"
                         "H1,%s,Lò Văn Pơm,head\n"
                         "H1,%s,Quàng Thị Ẻ,Chủ hộ\n", f->a, f->a);
  two_path = write_file (f, two, -1);
  two_result = import_refused (f, two_path, 2, "relation");
}

static void
test_ethnic_names (Fixture       *f,
                   gconstpointer  data)
{
  const struct
  {
    const char *text;
    const char *code;
  } cases[] = {
    { "H'Mông", "08" }, { "H’Mông", "08" }, { "Mông", "08" }, { "Mèo", "08" }, { "08", "08" },
    { "8", "08" }, { "Khmu", "29" }, { "Khơ Mú", "29" }, { "KHƠ-MÚ", "29" }, { "Thái", "03" },
    { "Tày", "02" }, { "Kinh", "01" }, { "Việt", "01" }, { "  dao ", "09" },
  };
  g_autoptr(GString) csv = g_string_new ("household,commune_code,member_name,relation,ethnic\n");
  g_autofree char *path = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *bad_path = NULL;
  g_autoptr(BansoImportResult) result = NULL;
  g_autoptr(BansoImportResult) bad_result = NULL;
  g_autoptr(GPtrArray) all = NULL;
  const char *given[] = { "An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Minh",
                          "Nga", "Oanh", "Phúc", "Quế", "Sơn" };
  BansoImportProblem *problem;

  G_STATIC_ASSERT (G_N_ELEMENTS (given) == G_N_ELEMENTS (cases));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_string_append_printf (csv, "H%u,%s,Lò Văn %s,head,\"%s\"\n", i, f->a, given[i], cases[i].text);
  path = write_file (f, csv->str, csv->len);
  result = import_ok (f, f->store, path);
  g_assert_cmpuint (result->households, ==, G_N_ELEMENTS (cases));

  all = load_all (f->store);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("Lò Văn %s", given[i]);
      BansoHousehold *h = find_by_head (all, name);

      if (g_strcmp0 (member (h, 0)->ethnic, cases[i].code) != 0)
        g_error ("“%s” gave %s, not %s", cases[i].text, member (h, 0)->ethnic, cases[i].code);
    }

  /* Not a group. */
  bad = g_strdup_printf ("household,commune_code,member_name,relation,ethnic\n"
                         "K1,%s,Vì Văn Chanh,head,Thái\n"
                         "K2,%s,Cầm Văn Khăm,head,Klingon\n", f->a, f->a);
  bad_path = write_file (f, bad, -1);
  bad_result = import_refused (f, bad_path, 3, "ethnic");
  problem = g_ptr_array_index (bad_result->problems, 0);
  g_assert_nonnull (strstr (problem->message, "Klingon"));
}

/* }}} */

/* Export {{{ */

static BansoHousehold *
make_household (const char *commune,
                const char *village,
                const char *head,
                int         year)
{
  BansoHousehold *h = banso_household_new ();
  BansoMember *m = banso_household_add_member (h);

  h->commune = g_strdup (commune);
  h->village = g_strdup (village);
  m->name = g_strdup (head);
  m->sex = BANSO_SEX_MALE;
  m->birth = g_strdup_printf ("%d", year);
  m->ethnic = g_strdup ("03");
  m->relation = g_strdup ("head");
  m->citizen_id = g_strdup_printf ("0140%02d%06d", year % 100, year * 7);
  m->phone = g_strdup ("0912345678");
  m = banso_household_add_member (h);
  m->name = g_strdup ("Quàng Thị Ẻ");
  m->sex = BANSO_SEX_FEMALE;
  m->birth = g_strdup ("1990-12-31");
  m->ethnic = g_strdup ("08");
  m->relation = g_strdup ("spouse");
  m = banso_household_add_member (h);
  m->name = g_strdup ("Lò Thị Ngọc");
  m->relation = g_strdup ("child");
  banso_household_set_poverty (h, 2025, BANSO_POVERTY_NEAR_POOR);
  return h;
}

/* Five households: three in commune a (two in a village), two in b. */
static GPtrArray *
fill_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *village = NULL;
  GPtrArray *households = g_ptr_array_new_with_free_func ((GDestroyNotify)banso_household_free);
  BansoTxn *txn = banso_store_begin (f->store, f->admin, &error);
  BansoHousehold *h;

  g_assert_no_error (error);
  village = banso_village_create (txn, f->a, "Bản Mòng", "ban", &error);
  g_assert_no_error (error);

  g_ptr_array_add (households, make_household (f->a, village, "Lò Văn Pơm", 1985));
  g_ptr_array_add (households, make_household (f->a, village, "Cầm Văn Khăm", 1979));
  h = make_household (f->a, NULL, "Tòng Văn Chanh", 1966);
  h->address = g_strdup ("Nhà 12, tổ 3");
  h->notes = g_strdup ("Hộ \"khó khăn\"; cần hỗ trợ,\nxem lại năm sau\t(ok)");
  g_ptr_array_add (households, h);
  g_ptr_array_add (households, make_household (f->b, NULL, "Giàng A Páo", 1970));
  h = make_household (f->b, NULL, "Đặng Thị Hoa", 1988);
  g_array_set_size (h->poverty, 0);
  member (h, 0)->sex = BANSO_SEX_FEMALE;
  g_free (member (h, 0)->citizen_id);
  member (h, 0)->citizen_id = g_strdup ("014188000123");
  g_ptr_array_add (households, h);

  for (guint i = 0; i < households->len; i++)
    {
      banso_household_save (txn, g_ptr_array_index (households, i), BANSO_DOC_PUT_DEFAULT, &error);
      g_assert_no_error (error);
    }
  banso_txn_commit (txn, &error);
  g_assert_no_error (error);
  return households;
}

static GBytes *
export (BansoStore              *store,
        const BansoRecordFilter *filter,
        guint                   *n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  banso_household_export_csv (store, NULL, filter, out, n, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, &error);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
test_export_filter (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) households = fill_store (f);
  g_autoptr(BansoRecordFilter) filter = banso_record_filter_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BansoCsvReader) reader = NULL;
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char * const *columns = banso_household_csv_columns ();
  guint n = 0, rows = 0;

  filter->commune = g_strdup (f->a);
  bytes = export (f->store, filter, &n);
  g_assert_cmpuint (n, ==, 3);
  /* UTF-8 with a BOM, for Excel. */
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 3);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 3, "\xef\xbb\xbf", 3);

  reader = banso_csv_reader_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_true (banso_csv_reader_next (reader, &error));
  g_assert_cmpuint (banso_csv_reader_get_n_fields (reader), ==, g_strv_length ((char **)columns));
  for (guint i = 0; columns[i]; i++)
    g_assert_cmpstr (banso_csv_reader_get_field (reader, i), ==, columns[i]);

  while (banso_csv_reader_next (reader, &error))
    {
      g_assert_cmpstr (banso_csv_reader_get_field (reader, 1), ==, f->a);
      g_hash_table_add (keys, g_strdup (banso_csv_reader_get_field (reader, 0)));
      rows++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (keys), ==, 3);
  g_assert_cmpuint (rows, ==, 9);
  for (guint i = 0; i < households->len; i++)
    {
      BansoHousehold *h = g_ptr_array_index (households, i);
      g_assert_true (g_hash_table_contains (keys, h->id) == g_str_equal (h->commune, f->a));
    }
  g_clear_pointer (&bytes, g_bytes_unref);

  /* No filter: all five. */
  g_clear_pointer (&filter->commune, g_free);
  bytes = export (f->store, filter, &n);
  g_assert_cmpuint (n, ==, 5);
}

/* A household as the CSV format carries it: the village by name, member ids left out. */
static char *
portable_json (BansoStore     *store,
               BansoHousehold *h)
{
  g_autoptr(BansoHousehold) copy = banso_household_copy (h);
  GString *out = g_string_new (NULL);

  g_free (copy->village);
  copy->village = village_name (store, h->village);
  for (guint i = 0; i < copy->members->len; i++)
    g_clear_pointer (&member (copy, i)->id, g_free);
  banso_household_to_json (copy, out);
  return g_string_free (out, FALSE);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) households = fill_store (f);
  g_autoptr(BansoRecordFilter) filter = banso_record_filter_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BansoImportResult) result = NULL;
  g_autofree char *path = NULL;
  g_autofree char *other_dir = g_build_filename (f->dir, "other", NULL);
  BansoStore *other;
  sqlite3 *db;
  guint n = 0;

  bytes = export (f->store, filter, &n);
  g_assert_cmpuint (n, ==, 5);
  path = write_file (f, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  other = banso_test_open_store (other_dir, "banso.db");
  result = import_ok (f, other, path);
  g_assert_cmpuint (result->households, ==, 5);
  g_assert_cmpuint (result->members, ==, 15);
  g_assert_cmpuint (result->villages, ==, 1);

  /* The same ids, and the same households. */
  db = banso_store_acquire_reader (other, NULL);
  g_assert_nonnull (db);
  for (guint i = 0; i < households->len; i++)
    {
      g_autoptr(GError) error = NULL;
      BansoHousehold *h = g_ptr_array_index (households, i);
      g_autoptr(BansoHousehold) copy = banso_household_load (db, h->id, &error);
      g_autofree char *expected = NULL;
      g_autofree char *got = NULL;

      g_assert_no_error (error);
      expected = portable_json (f->store, h);
      got = portable_json (other, copy);
      g_assert_cmpstr (got, ==, expected);
    }
  g_assert_cmpint (banso_test_query_int (db, "SELECT count(*) FROM documents WHERE type = 'household'"), ==, 5);
  banso_store_release_reader (other, db);

  banso_test_close_store (other);
}

/* What the round trip loses: the members' own ids, which prestigious persons
 * point at, and the poverty assessments of the earlier years. */
static void
test_round_trip_exact (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) households = fill_store (f);
  g_autoptr(BansoRecordFilter) filter = banso_record_filter_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BansoImportResult) result = NULL;
  g_autoptr(BansoHousehold) h = NULL;
  g_autoptr(BansoHousehold) copy = NULL;
  g_autoptr(GString) lost = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *other_dir = g_build_filename (f->dir, "other", NULL);
  BansoStore *other;
  sqlite3 *db;

  /* A history of two years. */
  h = banso_household_copy (g_ptr_array_index (households, 0));
  banso_household_set_poverty (h, 2024, BANSO_POVERTY_POOR);
  {
    BansoTxn *txn = banso_store_begin (f->store, f->admin, &error);
    g_assert_no_error (error);
    banso_household_save (txn, h, BANSO_DOC_PUT_DEFAULT, &error);
    g_assert_no_error (error);
    banso_txn_commit (txn, &error);
    g_assert_no_error (error);
  }

  bytes = export (f->store, filter, NULL);
  path = write_file (f, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  other = banso_test_open_store (other_dir, "banso.db");
  result = import_ok (f, other, path);

  db = banso_store_acquire_reader (other, &error);
  g_assert_no_error (error);
  copy = banso_household_load (db, h->id, &error);
  g_assert_no_error (error);
  banso_store_release_reader (other, db);
  banso_test_close_store (other);

  for (guint i = 0; i < h->members->len; i++)
    if (g_strcmp0 (member (h, i)->id, member (copy, i)->id) != 0)
      {
        g_string_append (lost, "member ids");
        break;
      }
  if (copy->poverty->len != h->poverty->len)
    g_string_append_printf (lost, "%spoverty years (%u of %u kept)", lost->len ? ", " : "",
                            copy->poverty->len, h->poverty->len);

  if (lost->len > 0)
    {
      g_autofree char *message = g_strdup_printf ("export and import lose %s", lost->str);
      g_test_fail_printf ("%s", message);
      return;
    }
}

/* Values a spreadsheet would run as formulas are exported as text and read back as they were;
 * numbers and phone numbers stay as they are. */
static void
test_export_formulas (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoRecordFilter) filter = banso_record_filter_new ();
  g_autoptr(BansoHousehold) h = make_household (f->a, NULL, "Lò Văn Pơm", 1985);
  g_autoptr(BansoHousehold) copy = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BansoCsvReader) reader = NULL;
  g_autoptr(BansoImportResult) result = NULL;
  g_autofree char *path = NULL;
  g_autofree char *other_dir = g_build_filename (f->dir, "other", NULL);
  const char *notes = "=HYPERLINK(\"http://example.com/\",\"Xem\")";
  const char *address = "-12";
  BansoStore *other;
  BansoTxn *txn;
  sqlite3 *db;
  gboolean seen = FALSE, seen_phone = FALSE, seen_number = FALSE;

  h->notes = g_strdup (notes);
  h->address = g_strdup (address);
  g_free (member (h, 0)->phone);
  member (h, 0)->phone = g_strdup ("+84912345678");
  g_free (member (h, 1)->name);
  member (h, 1)->name = g_strdup ("'=Quàng Thị Ẻ");
  txn = banso_store_begin (f->store, f->admin, &error);
  g_assert_no_error (error);
  banso_household_save (txn, h, BANSO_DOC_PUT_DEFAULT, &error);
  g_assert_no_error (error);
  banso_txn_commit (txn, &error);
  g_assert_no_error (error);

  bytes = export (f->store, filter, NULL);
  reader = banso_csv_reader_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_true (banso_csv_reader_next (reader, &error));
  while (banso_csv_reader_next (reader, &error))
    for (guint i = 0; i < banso_csv_reader_get_n_fields (reader); i++)
      {
        const char *value = banso_csv_reader_get_field (reader, i);
        /* Nothing a spreadsheet would run, but plain numbers. */
        if (value[0] == '-')
          g_assert_true (g_ascii_isdigit (value[1]));
        g_assert_true (value[0] != '=' && value[0] != '+' && value[0] != '@');
        if (g_str_equal (value, "'=HYPERLINK(\"http://example.com/\",\"Xem\")"))
          seen = TRUE;
        seen_phone |= g_str_equal (value, "'+84912345678");
        seen_number |= g_str_equal (value, "-12");
      }
  g_assert_no_error (error);
  g_assert_true (seen);
  g_assert_true (seen_phone);
  g_assert_true (seen_number);

  path = write_file (f, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  other = banso_test_open_store (other_dir, "banso.db");
  result = import_ok (f, other, path);
  db = banso_store_acquire_reader (other, &error);
  g_assert_no_error (error);
  copy = banso_household_load (db, h->id, &error);
  g_assert_no_error (error);
  banso_store_release_reader (other, db);
  banso_test_close_store (other);

  g_assert_cmpstr (copy->notes, ==, notes);
  g_assert_cmpstr (copy->address, ==, address);
  /* As the import always writes a +84 number. */
  g_assert_cmpstr (member (copy, 0)->phone, ==, "0912345678");
  g_assert_cmpstr (member (copy, 1)->name, ==, "'=Quàng Thị Ẻ");
}

static void
test_import_twice (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) households = fill_store (f);
  g_autoptr(BansoRecordFilter) filter = banso_record_filter_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BansoImportResult) first = NULL;
  g_autoptr(BansoImportResult) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *other_dir = g_build_filename (f->dir, "other", NULL);
  BansoImportProblem *problem;
  BansoStore *other;
  BansoTestCounts before, after;

  bytes = export (f->store, filter, NULL);
  path = write_file (f, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  other = banso_test_open_store (other_dir, "banso.db");
  first = import_ok (f, other, path);
  g_assert_cmpuint (first->households, ==, 5);

  banso_test_get_counts (other, &before);
  second = banso_household_import_csv (other, f->admin, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
  g_assert_cmpuint (second->households, ==, 0);
  g_assert_cmpuint (second->problems->len, ==, 5);
  problem = g_ptr_array_index (second->problems, 0);
  g_assert_cmpuint (problem->line, ==, 2);
  g_assert_cmpstr (problem->column, ==, "household");
  banso_test_get_counts (other, &after);
  g_assert_cmpint (after.documents, ==, before.documents);
  g_assert_cmpint (after.audit, ==, before.audit);

  /* Into the database it came from, too. */
  banso_test_get_counts (f->store, &before);
  g_clear_pointer (&second, banso_import_result_free);
  second = banso_household_import_csv (f->store, f->admin, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->households, ==, 0);
  g_assert_cmpuint (second->problems->len, ==, 5);
  banso_test_get_counts (f->store, &after);
  g_assert_cmpint (after.documents, ==, before.documents);

  /* A problem in the first row stops the writing at once; every household
   * after it that is already here is still told. */
  {
    g_auto(GStrv) lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
    g_auto(GStrv) fields = g_strsplit (lines[1], ",", 3);
    g_autofree char *broken = NULL;
    g_autofree char *text = NULL;
    g_autofree char *broken_path = NULL;
    guint n_taken = 0;

    broken = g_strjoin (",", fields[0], "99999", fields[2], NULL);
    g_free (lines[1]);
    lines[1] = g_steal_pointer (&broken);
    text = g_strjoinv ("\n", lines);
    broken_path = write_file (f, text, strlen (text));

    g_clear_pointer (&second, banso_import_result_free);
    second = banso_household_import_csv (f->store, f->admin, broken_path, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (second->households, ==, 0);
    /* The commune, twice more for the rows of the same household, and the
     * five households. */
    g_assert_cmpuint (second->problems->len, ==, 8);
    problem = g_ptr_array_index (second->problems, 0);
    g_assert_cmpuint (problem->line, ==, 2);
    g_assert_cmpstr (problem->column, ==, "commune_code");
    for (guint i = 0; i < second->problems->len; i++)
      {
        problem = g_ptr_array_index (second->problems, i);
        n_taken += strstr (problem->message, "already in the database") != NULL;
      }
    g_assert_cmpuint (n_taken, ==, 5);
    banso_test_get_counts (f->store, &after);
    g_assert_cmpint (after.documents, ==, before.documents);
  }

  banso_test_close_store (other);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  BANSO_TEST_ADD ("/household-csv/import/valid", test_import_valid);
  BANSO_TEST_ADD ("/household-csv/import/vietnamese-headers", test_import_vietnamese_headers);
  BANSO_TEST_ADD ("/household-csv/import/bom", test_import_bom);
  BANSO_TEST_ADD ("/household-csv/import/semicolon", test_import_semicolon);
  BANSO_TEST_ADD ("/household-csv/import/quoting", test_import_quoting);
  BANSO_TEST_ADD ("/household-csv/import/utf16", test_import_utf16);
  BANSO_TEST_ADD ("/household-csv/import/windows-1258", test_import_windows_1258);
  BANSO_TEST_ADD ("/household-csv/import/ethnic-names", test_ethnic_names);
  BANSO_TEST_ADD ("/household-csv/refuse/all-or-nothing", test_all_or_nothing);
  BANSO_TEST_ADD ("/household-csv/refuse/unknown-commune", test_unknown_commune);
  BANSO_TEST_ADD ("/household-csv/refuse/header", test_bad_header);
  BANSO_TEST_ADD ("/household-csv/import/villages-by-commune", test_villages_by_commune);
  BANSO_TEST_ADD ("/household-csv/poverty-history", test_poverty_history);
  BANSO_TEST_ADD ("/household-csv/refuse/non-contiguous", test_non_contiguous);
  BANSO_TEST_ADD ("/household-csv/refuse/no-head", test_no_head);
  BANSO_TEST_ADD ("/household-csv/refuse/rows-disagree", test_rows_disagree);
  BANSO_TEST_ADD ("/household-csv/export/filter", test_export_filter);
  BANSO_TEST_ADD ("/household-csv/round-trip", test_round_trip);
  BANSO_TEST_ADD ("/household-csv/round-trip/exact", test_round_trip_exact);
  BANSO_TEST_ADD ("/household-csv/export/formulas", test_export_formulas);
  BANSO_TEST_ADD ("/household-csv/import/twice", test_import_twice);

  return g_test_run ();
}
