/* banso-sync-schedule.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BANSO_SYNC_INTERVAL_SECONDS   300
#define BANSO_SYNC_BACKOFF_FIRST      15
#define BANSO_SYNC_BACKOFF_MAX        (30 * 60)

guint banso_sync_next_delay (guint failures,
                             guint interval);

G_END_DECLS
