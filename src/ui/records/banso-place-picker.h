/* banso-place-picker.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "banso-context.h"

G_BEGIN_DECLS

#define BANSO_TYPE_PLACE_PICKER (banso_place_picker_get_type ())

G_DECLARE_FINAL_TYPE (BansoPlacePicker, banso_place_picker, BANSO, PLACE_PICKER, AdwPreferencesGroup)

void        banso_place_picker_set_context (BansoPlacePicker *self,
                                            BansoContext     *context);
void        banso_place_picker_set_place   (BansoPlacePicker *self,
                                            const char       *commune,
                                            const char       *village);
const char *banso_place_picker_get_commune (BansoPlacePicker *self);
const char *banso_place_picker_get_village (BansoPlacePicker *self);
char       *banso_place_picker_dup_commune_name (BansoPlacePicker *self);

G_END_DECLS
