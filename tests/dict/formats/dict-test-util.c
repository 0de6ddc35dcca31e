/* dict-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-test"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "dict-test-util.h"

static gboolean
collect (JsonObject  *entry,
         gpointer     user_data,
         GError     **error)
{
  json_array_add_object_element (user_data, json_object_ref (entry));
  return TRUE;
}

JsonArray *
dict_test_read_all (const char       *path,
                    BansoDictFormat   format,
                    JsonObject      **info_out,
                    GError          **error)
{
  g_autoptr(JsonArray) entries = json_array_new ();

  if (!banso_dict_read (path, format, info_out, collect, NULL, entries, NULL, error))
    return NULL;
  return g_steal_pointer (&entries);
}

gboolean
dict_test_write_all (const char       *path,
                     BansoDictFormat   format,
                     JsonObject       *info,
                     JsonArray        *entries,
                     GError          **error)
{
  g_autoptr(BansoDictWriter) writer = banso_dict_writer_new (path, format, info, error);
  guint i;

  if (writer == NULL)
    return FALSE;
  for (i = 0; i < json_array_get_length (entries); i++)
    {
      if (!banso_dict_writer_add (writer, json_array_get_object_element (entries, i), error))
        return FALSE;
    }
  return banso_dict_writer_finish (writer, error);
}

char *
dict_test_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("banso-dict-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
dict_test_rmdir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        dict_test_rmdir (child);
      else
        g_unlink (child);
    }
  g_rmdir (dir);
}

char *
dict_test_to_string (JsonObject *obj)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), obj);

  return json_to_string (node, TRUE);
}

void
dict_test_assert_same (JsonArray *a,
                       JsonArray *b)
{
  guint i;

  g_assert_cmpuint (json_array_get_length (a), ==, json_array_get_length (b));
  for (i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *na = json_array_get_element (a, i);
      JsonNode *nb = json_array_get_element (b, i);

      if (!json_node_equal (na, nb))
        {
          g_autofree char *sa = json_to_string (na, TRUE);
          g_autofree char *sb = json_to_string (nb, TRUE);

          g_test_message ("Entry %u differs:\n%s\n---\n%s", i, sa, sb);
          g_assert_cmpstr (sa, ==, sb);
          g_assert_not_reached ();
        }
    }
}

int
dict_test_run (const char * const *argv,
               char              **out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = -1;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (err != NULL && *err != '\0')
    g_test_message ("%s: %s", argv[0], err);
  return g_spawn_check_wait_status (status, NULL) ? 0 : (status == 0 ? -1 : status);
}

char *
dict_test_find_tool (const char *name)
{
  g_autofree char *in_lib = g_build_filename ("/usr/lib/stardict-tools", name, NULL);

  if (g_file_test (in_lib, G_FILE_TEST_IS_EXECUTABLE))
    return g_steal_pointer (&in_lib);
  return g_find_program_in_path (name);
}

void
dict_test_write_file (const char *path,
                      const void *data,
                      gssize      len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len < 0 ? (gssize)strlen (data) : len, &error);
  g_assert_no_error (error);
}

void
dict_test_truncate (const char *src,
                    const char *dest,
                    gsize       keep)
{
  g_autofree char *contents = NULL;
  gsize len;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (src, &contents, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (keep, <=, len);
  dict_test_write_file (dest, contents, keep);
}
