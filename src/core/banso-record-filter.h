/* banso-record-filter.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a list shows: copied whole into each query, so a worker thread never
 * reads a filter the window is changing. */
typedef struct
{
  char     *search;
  char     *commune;
  char     *village;
  char     *ethnic;
  char     *status;
  char     *sort;
  gboolean  descending;
} BansoRecordFilter;

BansoRecordFilter *banso_record_filter_new    (void);
BansoRecordFilter *banso_record_filter_copy   (const BansoRecordFilter *filter);
void               banso_record_filter_free   (BansoRecordFilter       *filter);
gboolean           banso_record_filter_equal  (const BansoRecordFilter *a,
                                               const BansoRecordFilter *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoRecordFilter, banso_record_filter_free)

G_END_DECLS
