/* banso-prestige-form.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "banso-context.h"
#include "banso-form.h"
#include "banso-prestige.h"

G_BEGIN_DECLS

#define BANSO_TYPE_PRESTIGE_FORM (banso_prestige_form_get_type ())

G_DECLARE_FINAL_TYPE (BansoPrestigeForm, banso_prestige_form, BANSO, PRESTIGE_FORM, BansoForm)

GtkWindow *banso_prestige_form_new (BansoContext        *context,
                                    const BansoPrestige *prestige);

GtkWindow *banso_prestige_form_new_from_draft (BansoContext *context,
                                              const char   *draft_key,
                                              const char   *draft_body);

G_END_DECLS
