/* banso-dict-fold.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "banso-dict-language.h"

G_BEGIN_DECLS

/*
 * The dictionary's one folding, used on every search path (headword, prefix,
 * full text, reverse, fuzzy, browse): banso_fold() — Vietnamese tones and
 * diacritics and đ, Tai Viet tone marks dropped and pre-base vowels put after
 * their consonant, Cham and Tai Viet vowel signs kept — with the options of a
 * language (#BansoDictFoldFlags).
 */
G_GNUC_WARN_UNUSED_RESULT
char   *banso_dict_fold            (const char         *text,
                                    BansoDictFoldFlags  flags);

/* The key of what is being typed: like banso_dict_fold(), but a Tai Viet
 * pre-base vowel typed last, whose consonant is still to come, is left out,
 * so that the search already shows the words it may begin. */
G_GNUC_WARN_UNUSED_RESULT
char   *banso_dict_fold_typed      (const char         *text,
                                    BansoDictFoldFlags  flags);

/* The key that orders headwords in the alphabet of their language @lang
 * (a BCP 47 tag): letters first (digraphs being letters), then Vietnamese
 * tones (ngang, huyền, hỏi, ngã, sắc, nặng), then the text itself. Compare
 * with memcmp(); the keys of the words of a letter begin with
 * banso_dict_letter_key() of that letter. */
GBytes *banso_dict_sort_key        (const char         *text,
                                    const char         *lang);
GBytes *banso_dict_letter_key      (const char         *letter,
                                    const char         *lang);

/* The edit distance (insertions, deletions, substitutions of characters)
 * between two keys, or @max + 1 when it is more than @max. */
guint   banso_dict_edit_distance   (const char         *a,
                                    const char         *b,
                                    guint               max);

G_END_DECLS
