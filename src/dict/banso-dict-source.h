/* banso-dict-source.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-dict-search.h"
#include "banso-record-source.h"

G_BEGIN_DECLS

/* The columns of the rows a #BansoDictSource gives. */
enum
{
  BANSO_DICT_COLUMN_HEADWORD,
  BANSO_DICT_COLUMN_GLOSSES,
  BANSO_DICT_COLUMN_LANG,
  BANSO_DICT_COLUMN_MATCH,    /* banso_dict_match_to_string() */
  BANSO_DICT_N_COLUMNS
};

#define BANSO_TYPE_DICT_SOURCE (banso_dict_source_get_type ())

G_DECLARE_FINAL_TYPE (BansoDictSource, banso_dict_source, BANSO, DICT_SOURCE, GObject)

BansoDictSource     *banso_dict_source_new       (BansoDictSearchFlags flags);
BansoDictSearchFlags banso_dict_source_get_flags (BansoDictSource     *self);

G_END_DECLS
