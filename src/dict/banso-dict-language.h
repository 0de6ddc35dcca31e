/* banso-dict-language.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * BansoDictFoldFlags:
 * @BANSO_DICT_FOLD_DEFAULT: Banso's one folding (banso_fold())
 * @BANSO_DICT_FOLD_IGNORE_FINAL_TONE: Mông RPA: the tone letter that ends a
 *   syllable (b, s, j, v, m, d, g after a vowel) is dropped as well, so a word
 *   typed without tones finds its entries
 */
typedef enum
{
  BANSO_DICT_FOLD_DEFAULT           = 0,
  BANSO_DICT_FOLD_IGNORE_FINAL_TONE = 1 << 0,
} BansoDictFoldFlags;

/**
 * BansoDictLanguage:
 * @code: the BCP 47 language subtag ("blt")
 * @name_vi: its name in Vietnamese
 * @name_own: its name in the language itself
 * @scripts: the writing systems of its headwords, first = main ("blt-Tavt")
 * @aliases: other codes that name it ("twh"), accepted by banso_dict_language_lookup()
 * @alphabets: for each of @scripts, its letters in order, lower case NFC,
 *   separated by spaces; a letter may be several characters ("ng", "ntxh")
 * @fold_flags: the folding options its search offers (#BansoDictFoldFlags)
 * @keyboard: the id of its on-screen keyboard (the writing system it types)
 */
typedef struct
{
  const char         *code;
  const char         *name_vi;
  const char         *name_own;
  const char * const *scripts;
  const char * const *aliases;
  const char * const *alphabets;
  BansoDictFoldFlags  fold_flags;
  const char         *keyboard;
} BansoDictLanguage;

const BansoDictLanguage *banso_dict_language_lookup   (const char              *tag);
const BansoDictLanguage *banso_dict_language_get_all  (guint                   *n_languages);
char                    *banso_dict_language_base     (const char              *tag);
const char              *banso_dict_language_get_name (const char              *tag);
GPtrArray               *banso_dict_language_letters  (const BansoDictLanguage *language,
                                                       const char              *script);
gboolean                 banso_dict_tag_is_valid      (const char              *tag);

G_END_DECLS
