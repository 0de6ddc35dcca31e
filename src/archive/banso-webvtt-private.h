/* banso-webvtt-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-webvtt.h"

G_BEGIN_DECLS

typedef struct
{
  const char *name;
  const char *value;
} BansoVttEntity;

extern const BansoVttEntity banso_vtt_entities[];
extern const gsize banso_vtt_n_entities;

gboolean _banso_vtt_parse_timestamp (const char  *s,
                                     gsize       *pos,
                                     gint64      *ms);
gboolean _banso_vtt_is_space        (gunichar     c);

G_END_DECLS
