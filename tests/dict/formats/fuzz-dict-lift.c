/* fuzz-dict-lift.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-fuzz"

#include "config.h"

#include "fuzz-dict-common.h"

/* Whatever LIFT file is read, writing it and reading it back gives the same
 * entries. */
int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *path = fuzz_write ("in.lift", data, size);
  g_autofree char *out = g_build_filename (fuzz_dir (), "out.lift", NULL);
  g_autofree char *out_ranges = g_build_filename (fuzz_dir (), "out.lift-ranges", NULL);
  g_autoptr(JsonObject) info = NULL;
  g_autoptr(JsonObject) info2 = NULL;
  g_autoptr(JsonArray) entries = fuzz_read (path, BANSO_DICT_FORMAT_LIFT, &info);
  g_autoptr(JsonArray) again = NULL;
  g_autoptr(BansoDictWriter) writer = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;
  guint i;

  if (entries == NULL)
    return 0;

  writer = banso_dict_writer_new (out, BANSO_DICT_FORMAT_LIFT, info, &error);
  g_assert_no_error (error);
  for (i = 0; ok && i < json_array_get_length (entries); i++)
    ok = banso_dict_writer_add (writer, json_array_get_object_element (entries, i), &error);
  g_assert_no_error (error);
  g_assert_true (banso_dict_writer_finish (writer, &error));
  g_assert_no_error (error);

  again = fuzz_read (out, BANSO_DICT_FORMAT_LIFT, &info2);
  g_assert_nonnull (again);
  g_assert_cmpuint (json_array_get_length (again), ==, json_array_get_length (entries));
  for (i = 0; i < json_array_get_length (entries); i++)
    g_assert_true (json_node_equal (json_array_get_element (entries, i), json_array_get_element (again, i)));

  g_unlink (out);
  g_unlink (out_ranges);
  return 0;
}
