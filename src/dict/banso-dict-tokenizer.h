/* banso-dict-tokenizer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The name FTS5 tables give in `tokenize = 'banso'`. */
#define BANSO_DICT_TOKENIZER "banso"

gboolean banso_dict_tokenizer_register (sqlite3   *db,
                                        gboolean   writer,
                                        GError   **error);

G_END_DECLS

G_BEGIN_DECLS

/* The words of @text as the tokenizer cuts them, unfolded: a search box's
 * text is given to MATCH word by word, each quoted, so that no word becomes
 * a phrase. Words that fold to nothing are left out. */
GPtrArray *banso_dict_tokenizer_split (const char *text);

G_END_DECLS
