/* banso-dict-entry-form.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-form.h"
#include "banso-dict-tasks.h"

G_BEGIN_DECLS

#define BANSO_TYPE_DICT_ENTRY_FORM (banso_dict_entry_form_get_type ())

G_DECLARE_FINAL_TYPE (BansoDictEntryForm, banso_dict_entry_form, BANSO, DICT_ENTRY_FORM, BansoForm)

GtkWindow *banso_dict_entry_form_new            (BansoContext            *context,
                                                 GPtrArray               *dictionaries,
                                                 const char              *dictionary,
                                                 const BansoDictEntryDoc *doc);
GtkWindow *banso_dict_entry_form_new_from_draft (BansoContext            *context,
                                                 const char              *draft_key,
                                                 const char              *draft_body);

G_END_DECLS
