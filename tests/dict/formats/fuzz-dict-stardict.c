/* fuzz-dict-stardict.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-fuzz"

#include "config.h"

#include "fuzz-dict-common.h"

/* The input is the .ifo, then "\n--idx--\n" and the .idx, then
 * "\n--dict--\n" and the .dict (or a .dict.dz when it starts as gzip), then
 * optionally "\n--syn--\n" and the .syn. */
int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  const guint8 *idx;
  const guint8 *dict;
  const guint8 *syn;
  gsize idx_len;
  gsize dict_len;
  gsize syn_len;
  gsize ifo_len = fuzz_split (data, size, "\n--idx--\n", &idx, &idx_len);
  g_autofree char *ifo_path = NULL;
  g_autofree char *idx_path = NULL;
  g_autofree char *dict_path = NULL;
  g_autofree char *syn_path = NULL;
  g_autoptr(JsonArray) entries = NULL;
  g_autoptr(JsonObject) info = NULL;
  gboolean gz;

  idx_len = idx != NULL ? fuzz_split (idx, idx_len, "\n--dict--\n", &dict, &dict_len) : 0;
  if (idx == NULL)
    dict = NULL, dict_len = 0;
  dict_len = dict != NULL ? fuzz_split (dict, dict_len, "\n--syn--\n", &syn, &syn_len) : 0;
  if (dict == NULL)
    syn = NULL, syn_len = 0;

  ifo_path = fuzz_write ("f.ifo", data, ifo_len);
  idx_path = fuzz_write ("f.idx", idx, idx != NULL ? idx_len : 0);
  gz = dict != NULL && dict_len >= 2 && dict[0] == 0x1f && dict[1] == 0x8b;
  dict_path = fuzz_write (gz ? "f.dict.dz" : "f.dict", dict, dict != NULL ? dict_len : 0);
  if (syn != NULL)
    syn_path = fuzz_write ("f.syn", syn, syn_len);

  entries = fuzz_read (ifo_path, BANSO_DICT_FORMAT_STARDICT, &info);
  if (entries != NULL)
    g_assert_nonnull (info);

  g_unlink (ifo_path);
  g_unlink (idx_path);
  g_unlink (dict_path);
  if (syn_path != NULL)
    g_unlink (syn_path);
  return 0;
}
