/* dict-test-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-dict-format.h"

G_BEGIN_DECLS

/* Every entry read, in order; NULL with @error set on failure. */
JsonArray  *dict_test_read_all    (const char       *path,
                                   BansoDictFormat   format,
                                   JsonObject      **info_out,
                                   GError          **error);
gboolean    dict_test_write_all   (const char       *path,
                                   BansoDictFormat   format,
                                   JsonObject       *info,
                                   JsonArray        *entries,
                                   GError          **error);
char       *dict_test_tmpdir      (void);
void        dict_test_rmdir       (const char       *dir);
char       *dict_test_to_string   (JsonObject       *obj);
/* Fails the test at the first entry that differs, showing both. */
void        dict_test_assert_same (JsonArray        *a,
                                   JsonArray        *b);
/* Runs a program; returns its exit status, its output in @out. */
int         dict_test_run         (const char * const *argv,
                                   char              **out);
char       *dict_test_find_tool   (const char       *name);
void        dict_test_write_file  (const char       *path,
                                   const void       *data,
                                   gssize            len);
void        dict_test_truncate    (const char       *src,
                                   const char       *dest,
                                   gsize             keep);

G_END_DECLS
