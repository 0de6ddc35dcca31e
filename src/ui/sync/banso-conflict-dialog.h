/* banso-conflict-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "banso-context.h"

G_BEGIN_DECLS

#define BANSO_TYPE_CONFLICT_DIALOG (banso_conflict_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BansoConflictDialog, banso_conflict_dialog, BANSO, CONFLICT_DIALOG, AdwWindow)

GtkWindow *banso_conflict_dialog_new (BansoContext *context,
                                      const char   *id,
                                      GtkWindow    *parent);

G_END_DECLS
