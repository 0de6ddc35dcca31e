/* banso-household-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "banso-record-filter.h"
#include "banso-store.h"
#include "banso-user.h"

G_BEGIN_DECLS

gboolean banso_household_export_csv (BansoStore               *store,
                                     BansoUser                *reader,
                                     const BansoRecordFilter  *filter,
                                     GOutputStream            *out,
                                     guint                    *n_households,
                                     GCancellable             *cancellable,
                                     GError                  **error);

G_END_DECLS
