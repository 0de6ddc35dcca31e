/* banso-dict-search.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/**
 * BansoDictMatch:
 * @BANSO_DICT_MATCH_EXACT: the headword (or a variant) is what was typed
 * @BANSO_DICT_MATCH_PREFIX: the headword begins with it
 * @BANSO_DICT_MATCH_GLOSS: a word of a gloss (reverse lookup)
 * @BANSO_DICT_MATCH_TEXT: a word of a definition, an example or a note
 * @BANSO_DICT_MATCH_FUZZY: nothing matched; a headword a little different
 *   ("Ý bạn là…")
 * @BANSO_DICT_MATCH_BROWSE: listed in alphabet order
 *
 * Why an entry is in the results, best first.
 */
typedef enum
{
  BANSO_DICT_MATCH_EXACT,
  BANSO_DICT_MATCH_PREFIX,
  BANSO_DICT_MATCH_GLOSS,
  BANSO_DICT_MATCH_TEXT,
  BANSO_DICT_MATCH_FUZZY,
  BANSO_DICT_MATCH_BROWSE,
} BansoDictMatch;

/**
 * BansoDictSearchFlags:
 * @BANSO_DICT_SEARCH_DEFAULT: both directions, full text, suggestions
 * @BANSO_DICT_SEARCH_IGNORE_TONE: Mông RPA: words match whatever their final tone letter
 * @BANSO_DICT_SEARCH_FORWARD_ONLY: headwords and variants only
 * @BANSO_DICT_SEARCH_REVERSE_ONLY: glosses (and full text) only
 * @BANSO_DICT_SEARCH_NO_FULL_TEXT: not the words of definitions and examples
 * @BANSO_DICT_SEARCH_NO_SUGGESTIONS: nothing when nothing matches
 */
typedef enum
{
  BANSO_DICT_SEARCH_DEFAULT        = 0,
  BANSO_DICT_SEARCH_IGNORE_TONE    = 1 << 0,
  BANSO_DICT_SEARCH_FORWARD_ONLY   = 1 << 1,
  BANSO_DICT_SEARCH_REVERSE_ONLY   = 1 << 2,
  BANSO_DICT_SEARCH_NO_FULL_TEXT   = 1 << 3,
  BANSO_DICT_SEARCH_NO_SUGGESTIONS = 1 << 4,
} BansoDictSearchFlags;

typedef struct
{
  char                 *text;
  char                 *lang;        /* (nullable): entries of this language only */
  char                 *dictionary;  /* (nullable): entries of this dictionary only */
  BansoDictSearchFlags  flags;
  guint                 limit;       /* 0: BANSO_DICT_SEARCH_LIMIT */
} BansoDictQuery;

#define BANSO_DICT_SEARCH_LIMIT 50

typedef struct
{
  char           *id;        /* of the entry document */
  char           *headword;  /* each writing system, "ꪣꪱ / mà" */
  char           *glosses;   /* Vietnamese first, "; " between */
  char           *lang;
  BansoDictMatch  match;
} BansoDictHit;

BansoDictQuery *banso_dict_query_new     (const char            *text);
BansoDictQuery *banso_dict_query_copy    (const BansoDictQuery  *query);
void            banso_dict_query_free    (BansoDictQuery        *query);
void            banso_dict_hit_free      (BansoDictHit          *hit);

GPtrArray      *banso_dict_search        (sqlite3               *db,
                                          const BansoDictQuery  *query,
                                          GError               **error);
gboolean        banso_dict_search_count  (sqlite3               *db,
                                          const BansoDictQuery  *query,
                                          guint                 *n_hits,
                                          GError               **error);
GPtrArray      *banso_dict_suggest       (sqlite3               *db,
                                          const BansoDictQuery  *query,
                                          GError               **error);
GPtrArray      *banso_dict_browse        (sqlite3               *db,
                                          const char            *lang,
                                          const char            *letter,
                                          const char            *dictionary,
                                          guint                  offset,
                                          guint                  limit,
                                          GError               **error);
gboolean        banso_dict_browse_count  (sqlite3               *db,
                                          const char            *lang,
                                          const char            *letter,
                                          const char            *dictionary,
                                          guint                 *n_entries,
                                          GError               **error);
const char     *banso_dict_match_to_string (BansoDictMatch       match);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoDictQuery, banso_dict_query_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoDictHit, banso_dict_hit_free)

G_END_DECLS
