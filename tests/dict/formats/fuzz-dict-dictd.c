/* fuzz-dict-dictd.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-fuzz"

#include "config.h"

#include "fuzz-dict-common.h"

/* The input is the .index, then "\n--dict--\n" and the .dict (a .dict.dz
 * when it starts as gzip: dictzip or plain). */
int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  const guint8 *dict;
  gsize dict_len;
  gsize index_len = fuzz_split (data, size, "\n--dict--\n", &dict, &dict_len);
  g_autofree char *index_path = fuzz_write ("f.index", data, index_len);
  g_autofree char *dict_path = NULL;
  g_autoptr(JsonArray) entries = NULL;
  g_autoptr(JsonObject) info = NULL;
  gboolean gz = dict != NULL && dict_len >= 2 && dict[0] == 0x1f && dict[1] == 0x8b;

  dict_path = fuzz_write (gz ? "f.dict.dz" : "f.dict", dict, dict != NULL ? dict_len : 0);
  entries = fuzz_read (index_path, BANSO_DICT_FORMAT_DICTD, &info);
  if (entries != NULL)
    g_assert_nonnull (info);

  g_unlink (index_path);
  g_unlink (dict_path);
  return 0;
}
