/* banso-sync-schedule.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "banso-sync-schedule.h"

/**
 * banso_sync_next_delay:
 * @failures: failed runs in a row (0 after a success)
 * @interval: seconds between runs while all is well
 *
 * After a failure the wait doubles from 15 seconds up to 30 minutes, with a
 * quarter of jitter either way, so that a hundred offices whose link came back
 * at the same moment do not all knock on the data center together.
 *
 * Returns: seconds to wait before the next run
 */
guint
banso_sync_next_delay (guint failures,
                       guint interval)
{
  guint base;

  if (failures == 0)
    base = interval;
  else
    base = MIN ((guint64)BANSO_SYNC_BACKOFF_FIRST << MIN (failures - 1, 16), BANSO_SYNC_BACKOFF_MAX);

  return MAX (1, (guint)g_random_int_range ((gint32)(base * 3 / 4), (gint32)(base * 5 / 4) + 1));
}
