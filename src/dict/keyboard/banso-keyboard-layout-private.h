/* banso-keyboard-layout-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-keyboard-layout.h"

G_BEGIN_DECLS

struct _BansoKeyboardLayout
{
  const char              *code;         /* BCP 47 */
  const char              *name;         /* English, for gettext (N_()) */
  const char              *native_name;  /* in the language itself */
  BansoKeyboardScript      script;
  /* Rows of keys, each ended by a key whose text is NULL; the list ends with NULL. */
  const BansoKeyboardKey  *rows[8];
};

extern const BansoKeyboardLayout *const _banso_keyboard_layouts[];
extern const guint _banso_keyboard_n_layouts;

G_END_DECLS
