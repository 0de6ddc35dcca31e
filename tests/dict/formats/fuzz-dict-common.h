/* fuzz-dict-common.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "banso-dict-format.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static char *fuzz_dir_path;

static void
fuzz_dir_remove (void)
{
  g_rmdir (fuzz_dir_path);
}

/* One folder for the whole run: the readers take files, not memory. Each
 * input removes its files, and the folder goes at exit. */
static inline const char *
fuzz_dir (void)
{
  if (fuzz_dir_path == NULL)
    {
      fuzz_dir_path = g_dir_make_tmp ("banso-fuzz-dict-XXXXXX", NULL);
      g_assert_nonnull (fuzz_dir_path);
      atexit (fuzz_dir_remove);
    }
  return fuzz_dir_path;
}

static inline char *
fuzz_write (const char *name,
            const void *data,
            gsize       len)
{
  char *path = g_build_filename (fuzz_dir (), name, NULL);

  g_assert_true (g_file_set_contents (path, len > 0 ? data : "", len, NULL));
  return path;
}

/* The part of the input before @marker (all of it without one); *@rest
 * points after the marker. */
static inline gsize
fuzz_split (const guint8  *data,
            gsize          size,
            const char    *marker,
            const guint8 **rest,
            gsize         *rest_len)
{
  gsize n = strlen (marker);
  gsize i;

  for (i = 0; i + n <= size; i++)
    {
      if (memcmp (data + i, marker, n) == 0)
        {
          *rest = data + i + n;
          *rest_len = size - i - n;
          return i;
        }
    }
  *rest = NULL;
  *rest_len = 0;
  return size;
}

static gboolean
fuzz_collect (JsonObject  *entry,
              gpointer     user_data,
              GError     **error)
{
  g_assert_nonnull (json_object_get_member (entry, "forms"));
  json_array_add_object_element (user_data, json_object_ref (entry));
  return TRUE;
}

/* Reading either succeeds, or fails with an error of the format's domain
 * (or a file error) that names the file. */
static inline JsonArray *
fuzz_read (const char       *path,
           BansoDictFormat   format,
           JsonObject      **info)
{
  g_autoptr(JsonArray) entries = json_array_new ();
  g_autoptr(GError) error = NULL;

  if (banso_dict_read (path, format, info, fuzz_collect, NULL, entries, NULL, &error))
    {
      g_assert_no_error (error);
      return g_steal_pointer (&entries);
    }
  g_assert_nonnull (error);
  g_assert_true (error->domain == BANSO_DICT_FORMAT_ERROR || error->domain == G_IO_ERROR
                 || error->domain == G_FILE_ERROR);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  return NULL;
}
