/* archive-test-media.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char   *archive_test_make_media  (const char *dir,
                                  const char *name,
                                  const char *pipeline);
void    archive_test_write       (const char *path,
                                  const char *contents);
double  archive_test_png_brightness (GBytes  *png);

G_END_DECLS
