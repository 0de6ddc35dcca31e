/* banso-fold.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * banso_fold() turns text into the key that every search and sort in Banso compares:
 *
 *  - precomposed and decomposed input fold the same: fold (NFC (s)) == fold (NFD (s));
 *  - lower case; Vietnamese tones and all Latin diacritics are removed (đ, Đ and Ð give d,
 *    ơ o, ư u, ĕ e, ñ n, ø o, ł l …; æ ae, œ oe, ß ss);
 *  - runs of white space become one space, leading and trailing space is dropped;
 *  - the typographic apostrophes U+2018, U+2019 and U+02BC become ', other punctuation is kept;
 *  - Tai Viet: tone marks are dropped, pre-base vowels are moved after their consonant;
 *  - Cham and every other script are lower-cased and otherwise kept as they are;
 *  - control characters, soft hyphens, zero-width spaces and bidi controls are dropped;
 *  - each run of bytes that is not valid UTF-8 becomes one U+FFFD.
 *
 * The result is a key, not text for display. Do not fold a key again: the Tai Viet
 * reordering is not idempotent.
 *
 * @length is in bytes; -1 means @text is nul-terminated.
 */
G_GNUC_WARN_UNUSED_RESULT
char *banso_fold               (const char *text,
                                gssize      length);

/* Appends the fold of @text to @out; for loops that fold millions of strings. */
void  banso_fold_append        (GString    *out,
                                const char *text,
                                gssize      length);

/*
 * Folds a search box's text into an FTS5 MATCH expression of prefix tokens:
 * "Lò Văn Po" → "lo"* "van"* "po"*
 *
 * Tokens are split where the table's tokenizer would split them, so the FTS5 table must
 * be declared with
 *   tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
 * (the default categories split Tai Viet and Cham words at their vowel signs).
 * Returns NULL when the query holds no token; at most 32 tokens are used.
 */
G_GNUC_WARN_UNUSED_RESULT
char *banso_fold_query_to_fts  (const char *query);

G_END_DECLS
