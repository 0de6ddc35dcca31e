/* banso-member-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "banso-household.h"

G_BEGIN_DECLS

#define BANSO_TYPE_MEMBER_ROW (banso_member_row_get_type ())

G_DECLARE_FINAL_TYPE (BansoMemberRow, banso_member_row, BANSO, MEMBER_ROW, GtkListBoxRow)

BansoMemberRow *banso_member_row_new          (GPtrArray         *ethnic_groups,
                                               const BansoMember *member);
BansoMember    *banso_member_row_dup_member   (BansoMemberRow    *self);
gboolean        banso_member_row_validate     (BansoMemberRow    *self,
                                               GError           **error);
const char     *banso_member_row_get_relation (BansoMemberRow    *self);
void            banso_member_row_focus_name   (BansoMemberRow    *self);

G_END_DECLS
