/* banso-household-form.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "banso-context.h"
#include "banso-form.h"
#include "banso-household.h"

G_BEGIN_DECLS

#define BANSO_TYPE_HOUSEHOLD_FORM (banso_household_form_get_type ())

G_DECLARE_FINAL_TYPE (BansoHouseholdForm, banso_household_form, BANSO, HOUSEHOLD_FORM, BansoForm)

GtkWindow *banso_household_form_new            (BansoContext         *context,
                                                const BansoHousehold *household);
GtkWindow *banso_household_form_new_from_draft (BansoContext         *context,
                                                const char           *draft_key,
                                                const char           *draft_body);
gboolean   banso_household_form_is_valid       (BansoHouseholdForm   *self);

G_END_DECLS
