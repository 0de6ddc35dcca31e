/* banso-dict-language.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The languages of the dictionaries: their codes, names, scripts, alphabets
 * and keyboards. The Tai Viet order is the consonants' order of CLDR's
 * exemplar characters for Tai Dam (blt.xml), then the vowels; its tone marks
 * are not letters (they fold away). The Latin alphabets follow the order
 * their dictionaries use, digraphs such as "ch", "ng", "ntxh" being letters.
 */

#define G_LOG_DOMAIN "banso-dict"

#include "config.h"

#include <string.h>

#include "banso-dict-language.h"

static const char * const vi_scripts[] = { "vi", NULL };
static const char * const vi_aliases[] = { NULL };
static const char * const vi_alphabets[] = {
  "a ă â b c ch d đ e ê g gh gi h i k kh l m n ng ngh nh o ô ơ p ph q r s t th tr u ư v x y",
  NULL
};
static const char * const blt_scripts[] = { "blt-Tavt", "blt-Latn", NULL };
static const char * const blt_aliases[] = { "twh", "tai-dam", "tai-don", NULL };
static const char * const blt_alphabets[] = {
  "ꫝ ꪀ ꪁ ꪂ ꪃ ꪄ ꪅ ꪆ ꪇ ꪈ ꪉ ꪊ ꪋ ꪌ ꪍ ꪎ ꪏ ꪐ ꪑ ꪒ ꪓ ꪔ ꪕ ꪖ ꪗ ꪘ ꪙ ꪚ ꪛ ꪜ ꪝ ꪞ ꪟ ꪠ ꪡ ꪢ ꪣ ꪤ ꪥ ꪦ ꪧ ꪨ ꪩ ꪪ ꪫ ꪬ ꪭ ꪮ ꪯ ꪰ ꪱ ꪲ ꪳ ꪴ ꪵ ꪶ ꪷ ꪸ ꪹ ꪺ ꪻ ꪼ ꪽ ꪾ ꫛ ꫜ",
  "a ă â b c ch d đ e ê g gh gi h i k kh l m n ng ngh nh o ô ơ p ph q r s t th tr u ư v x y",
  NULL
};
static const char * const hnj_scripts[] = { "hnj-Latn", NULL };
static const char * const hnj_aliases[] = { "hmn", "mww", "blu", NULL };
static const char * const hnj_alphabets[] = {
  "a b c ch d dh e f g h hl hm hml hn hny i j k kh l m ml n nc nch ndl nk nkh np nph npl nplh nq nqh nr nrh nt nth nts ntsh ntx ntxh ny o p ph pl plh q qh r rh s t th ts tsh tx txh u v w x xy y z",
  NULL
};
static const char * const rad_scripts[] = { "rad-Latn", NULL };
static const char * const rad_aliases[] = { NULL };
static const char * const rad_alphabets[] = {
  "a ă â b ƀ č d đ e ĕ ê g h i ĭ j k l m n ñ o ŏ ô ơ p r s t u ŭ ư w y",
  NULL
};
static const char * const cjm_scripts[] = { "cjm-Cham", "cjm-Latn", NULL };
static const char * const cjm_aliases[] = { "cja", NULL };
static const char * const cjm_alphabets[] = {
  "ꨀ ꨁ ꨂ ꨃ ꨄ ꨅ ꨆ ꨇ ꨈ ꨉ ꨊ ꨋ ꨌ ꨍ ꨎ ꨏ ꨐ ꨑ ꨒ ꨓ ꨔ ꨕ ꨖ ꨗ ꨘ ꨙ ꨚ ꨛ ꨜ ꨝ ꨞ ꨟ ꨠ ꨡ ꨢ ꨣ ꨤ ꨥ ꨦ ꨧ ꨨ ꨩ ꨪ ꨫ ꨬ ꨭ ꨮ ꨯ ꨰ ꨱ ꨲ ꨳ ꨴ ꨵ ꨶ ꩀ ꩁ ꩂ ꩃ ꩄ ꩅ ꩆ ꩇ ꩈ ꩉ ꩊ ꩋ ꩌ ꩍ",
  "a ă â b ƀ c d đ e ĕ ê g h i j k l m n ñ o ô ơ p r s t u ư w y",
  NULL
};
static const char * const km_scripts[] = { "km-Khmr", NULL };
static const char * const km_aliases[] = { "khm", NULL };
static const char * const km_alphabets[] = {
  "ក ខ គ ឃ ង ច ឆ ជ ឈ ញ ដ ឋ ឌ ឍ ណ ត ថ ទ ធ ន ប ផ ព ភ ម យ រ ល វ ឝ ឞ ស ហ ឡ អ ឣ ឤ ឥ ឦ ឧ ឨ ឩ ឪ ឫ ឬ ឭ ឮ ឯ ឰ ឱ ឲ ឳ ា ិ ី ឹ ឺ ុ ូ ួ ើ ឿ ៀ េ ែ ៃ ោ ៅ",
  NULL
};
static const char * const tyz_scripts[] = { "tyz-Latn", NULL };
static const char * const tyz_aliases[] = { NULL };
static const char * const tyz_alphabets[] = {
  "a ă â b c ch d đ e ê g gh gi h i k kh l m n ng ngh nh o ô ơ p ph q r s sl t th tr u ư v x y f j w z",
  NULL
};
static const char * const nut_scripts[] = { "nut-Latn", NULL };
static const char * const nut_aliases[] = { NULL };
static const char * const nut_alphabets[] = {
  "a ă â b c ch d đ e ê g gh gi h i k kh l m n ng ngh nh o ô ơ p ph q r s sl t th tr u ư v x y f j w z",
  NULL
};
static const char * const mtq_scripts[] = { "mtq-Latn", NULL };
static const char * const mtq_aliases[] = { NULL };
static const char * const mtq_alphabets[] = {
  "a ă â b c ch d đ e ê g gh gi h i k kh l m n ng ngh nh o ô ơ p ph q r s t th tr u ư v x y",
  NULL
};
static const char * const bdq_scripts[] = { "bdq-Latn", NULL };
static const char * const bdq_aliases[] = { NULL };
static const char * const bdq_alphabets[] = {
  "a ă â b ƀ ch d đ e ĕ ê g h i ĭ j k l m n ng nh o ŏ ô ơ p r s t u ŭ ư w y",
  NULL
};
static const char * const jra_scripts[] = { "jra-Latn", NULL };
static const char * const jra_aliases[] = { NULL };
static const char * const jra_alphabets[] = {
  "a ă â b ƀ c d đ e ĕ ê g h i ĭ j k l m n ñ o ŏ ô ơ p r s t u ŭ ư w y",
  NULL
};
static const char * const kpm_scripts[] = { "kpm-Latn", NULL };
static const char * const kpm_aliases[] = { "kjm", NULL };
static const char * const kpm_alphabets[] = {
  "a ă â b ƀ c ch d đ e ĕ ê g h i ĭ j k l m n ñ ng o ŏ ô ơ p r s t u ŭ ư w y",
  NULL
};
static const char * const ium_scripts[] = { "ium-Latn", NULL };
static const char * const ium_aliases[] = { "mjx", NULL };
static const char * const ium_alphabets[] = {
  "a b c d e f g h i j k l m n o p q r s t u w y z",
  NULL
};
static const char * const en_scripts[] = { "en", NULL };
static const char * const en_aliases[] = { NULL };
static const char * const en_alphabets[] = {
  "a b c d e f g h i j k l m n o p q r s t u v w x y z",
  NULL
};

static const BansoDictLanguage languages[] = {
  { "vi", "Tiếng Việt", "Tiếng Việt", vi_scripts, vi_aliases, vi_alphabets,
    BANSO_DICT_FOLD_DEFAULT, "vi" },
  { "blt", "Thái", "ꪼꪕꪒꪾ", blt_scripts, blt_aliases, blt_alphabets,
    BANSO_DICT_FOLD_DEFAULT, "blt-Tavt" },
  { "hnj", "Mông", "Hmoob", hnj_scripts, hnj_aliases, hnj_alphabets,
    BANSO_DICT_FOLD_IGNORE_FINAL_TONE, "hnj-Latn" },
  { "rad", "Ê Đê", "Êđê", rad_scripts, rad_aliases, rad_alphabets,
    BANSO_DICT_FOLD_DEFAULT, "rad-Latn" },
  { "cjm", "Chăm", "Cham", cjm_scripts, cjm_aliases, cjm_alphabets,
    BANSO_DICT_FOLD_DEFAULT, "cjm-Cham" },
  { "km", "Khmer", "ភាសាខ្មែរ", km_scripts, km_aliases, km_alphabets,
    BANSO_DICT_FOLD_DEFAULT, "km-Khmr" },
  { "tyz", "Tày", "Tày", tyz_scripts, tyz_aliases, tyz_alphabets,
    BANSO_DICT_FOLD_DEFAULT, "tyz-Latn" },
  { "nut", "Nùng", "Nùng", nut_scripts, nut_aliases, nut_alphabets,
    BANSO_DICT_FOLD_DEFAULT, "nut-Latn" },
  { "mtq", "Mường", "Mường", mtq_scripts, mtq_aliases, mtq_alphabets,
    BANSO_DICT_FOLD_DEFAULT, "mtq-Latn" },
  { "bdq", "Ba Na", "Bahnar", bdq_scripts, bdq_aliases, bdq_alphabets,
    BANSO_DICT_FOLD_DEFAULT, "bdq-Latn" },
  { "jra", "Gia Rai", "Jarai", jra_scripts, jra_aliases, jra_alphabets,
    BANSO_DICT_FOLD_DEFAULT, "jra-Latn" },
  { "kpm", "Cơ Ho", "Kơho", kpm_scripts, kpm_aliases, kpm_alphabets,
    BANSO_DICT_FOLD_DEFAULT, "kpm-Latn" },
  { "ium", "Dao", "Iu Mienh", ium_scripts, ium_aliases, ium_alphabets,
    BANSO_DICT_FOLD_DEFAULT, "ium-Latn" },
  { "en", "Tiếng Anh", "English", en_scripts, en_aliases, en_alphabets,
    BANSO_DICT_FOLD_DEFAULT, "en" },
};

/**
 * banso_dict_language_get_all:
 *
 * Returns: the table of languages, in the order a menu lists them
 */
const BansoDictLanguage *
banso_dict_language_get_all (guint *n_languages)
{
  if (n_languages != NULL)
    *n_languages = G_N_ELEMENTS (languages);
  return languages;
}

/**
 * banso_dict_language_base:
 *
 * Returns: (transfer full): the language subtag of a BCP 47 tag, in lower
 *   case: "blt-Tavt" → "blt"
 */
char *
banso_dict_language_base (const char *tag)
{
  const char *dash;

  g_return_val_if_fail (tag != NULL, NULL);
  dash = strchr (tag, '-');
  return g_ascii_strdown (tag, dash ? dash - tag : -1);
}

/**
 * banso_dict_language_lookup:
 * @tag: a BCP 47 tag ("blt", "blt-Latn", "hnj-fonipa") or an alias ("twh")
 *
 * Returns: (nullable): the language of @tag, or %NULL when Banso does not know it
 */
const BansoDictLanguage *
banso_dict_language_lookup (const char *tag)
{
  g_autofree char *base = NULL;

  if (tag == NULL || *tag == '\0')
    return NULL;
  for (guint pass = 0; pass < 2; pass++)
    {
      const char *want = pass == 0 ? tag : (base = banso_dict_language_base (tag));

      for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
        {
          const BansoDictLanguage *l = &languages[i];

          if (g_ascii_strcasecmp (l->code, want) == 0)
            return l;
          for (guint j = 0; l->aliases[j] != NULL; j++)
            if (g_ascii_strcasecmp (l->aliases[j], want) == 0)
              return l;
        }
    }
  return NULL;
}

/**
 * banso_dict_language_get_name:
 *
 * Returns: the Vietnamese name of the language of @tag, or @tag itself
 */
const char *
banso_dict_language_get_name (const char *tag)
{
  const BansoDictLanguage *l = banso_dict_language_lookup (tag);

  return l != NULL ? l->name_vi : tag;
}

/* Whether a letter of a native script can begin a word: the consonants and
 * independent vowels, not the signs that follow them. */
static gboolean
is_initial_letter (gunichar c)
{
  if (c >= 0xAA80 && c <= 0xAADF)    /* Tai Viet: by consonant */
    return c <= 0xAAAF;
  if (c >= 0xAA00 && c <= 0xAA5F)    /* Cham */
    return c <= 0xAA28;
  if (c >= 0x1780 && c <= 0x17FF)    /* Khmer */
    return c <= 0x17B3;
  return TRUE;
}

/**
 * banso_dict_language_letters:
 * @script: (nullable): one of the language's writing systems; %NULL: the main one
 *
 * The letters to browse the language by, in its alphabet order.
 *
 * Returns: (transfer container) (element-type utf8): the letters
 */
GPtrArray *
banso_dict_language_letters (const BansoDictLanguage *language,
                             const char              *script)
{
  GPtrArray *letters = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) all = NULL;
  guint index = 0;

  g_return_val_if_fail (language != NULL, letters);

  for (guint i = 0; script != NULL && language->scripts[i] != NULL; i++)
    if (g_ascii_strcasecmp (language->scripts[i], script) == 0)
      index = i;

  all = g_strsplit (language->alphabets[index], " ", -1);
  for (guint i = 0; all[i] != NULL; i++)
    if (*all[i] != '\0' && is_initial_letter (g_utf8_get_char (all[i])))
      g_ptr_array_add (letters, g_strdup (all[i]));
  return letters;
}

/**
 * banso_dict_tag_is_valid:
 *
 * Whether @tag has the form of a BCP 47 tag: a language subtag of two or
 * three letters (or a private "x-" / "qaa"…), then subtags of one to eight
 * letters and digits.
 */
gboolean
banso_dict_tag_is_valid (const char *tag)
{
  g_auto(GStrv) parts = NULL;
  gsize n;

  if (tag == NULL || *tag == '\0')
    return FALSE;
  parts = g_strsplit (tag, "-", -1);
  n = strlen (parts[0]);
  if (!(n >= 2 && n <= 3) && !(n == 1 && g_ascii_tolower (parts[0][0]) == 'x'))
    return FALSE;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gsize len = strlen (parts[i]);

      if (len < 1 || len > 8)
        return FALSE;
      for (gsize j = 0; j < len; j++)
        if (!g_ascii_isalnum (parts[i][j]) || (i == 0 && !g_ascii_isalpha (parts[i][j])))
          return FALSE;
    }
  return TRUE;
}
