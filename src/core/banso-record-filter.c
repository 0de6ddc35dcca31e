/* banso-record-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-core"

#include "config.h"

#include "banso-record-filter.h"

BansoRecordFilter *
banso_record_filter_new (void)
{
  return g_new0 (BansoRecordFilter, 1);
}

BansoRecordFilter *
banso_record_filter_copy (const BansoRecordFilter *filter)
{
  BansoRecordFilter *copy = g_new0 (BansoRecordFilter, 1);

  copy->search = g_strdup (filter->search);
  copy->commune = g_strdup (filter->commune);
  copy->village = g_strdup (filter->village);
  copy->ethnic = g_strdup (filter->ethnic);
  copy->status = g_strdup (filter->status);
  copy->sort = g_strdup (filter->sort);
  copy->descending = filter->descending;
  return copy;
}

void
banso_record_filter_free (BansoRecordFilter *filter)
{
  if (filter == NULL)
    return;
  g_free (filter->search);
  g_free (filter->commune);
  g_free (filter->village);
  g_free (filter->ethnic);
  g_free (filter->status);
  g_free (filter->sort);
  g_free (filter);
}

/* NULL and "" both mean "not filtered". */
static gboolean
same (const char *a,
      const char *b)
{
  return g_strcmp0 (a ? a : "", b ? b : "") == 0;
}

gboolean
banso_record_filter_equal (const BansoRecordFilter *a,
                           const BansoRecordFilter *b)
{
  return same (a->search, b->search) &&
         same (a->commune, b->commune) &&
         same (a->village, b->village) &&
         same (a->ethnic, b->ethnic) &&
         same (a->status, b->status) &&
         same (a->sort, b->sort) &&
         a->descending == b->descending;
}
