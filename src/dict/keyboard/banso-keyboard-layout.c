/* banso-keyboard-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-dict"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "banso-keyboard-layout-private.h"

/**
 * banso_keyboard_layout_get_n_layouts:
 *
 * Returns: how many layouts there are, for banso_keyboard_layout_get_nth()
 */
guint
banso_keyboard_layout_get_n_layouts (void)
{
  return _banso_keyboard_n_layouts;
}

/**
 * banso_keyboard_layout_get_nth:
 *
 * Returns: (nullable): the layout at @index, in the order the panel lists them
 */
const BansoKeyboardLayout *
banso_keyboard_layout_get_nth (guint index)
{
  if (index >= _banso_keyboard_n_layouts)
    return NULL;
  return _banso_keyboard_layouts[index];
}

/**
 * banso_keyboard_layout_lookup:
 * @code: a BCP 47 language tag, such as "blt-Tavt"
 *
 * Tags compare without regard to case, as BCP 47 says.
 *
 * Returns: (nullable): the layout for @code
 */
const BansoKeyboardLayout *
banso_keyboard_layout_lookup (const char *code)
{
  if (code == NULL)
    return NULL;
  for (guint i = 0; i < _banso_keyboard_n_layouts; i++)
    if (g_ascii_strcasecmp (_banso_keyboard_layouts[i]->code, code) == 0)
      return _banso_keyboard_layouts[i];
  return NULL;
}

const char *
banso_keyboard_layout_get_code (const BansoKeyboardLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);
  return layout->code;
}

/* The English name, translated into the user's language. */
const char *
banso_keyboard_layout_get_name (const BansoKeyboardLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);
  return g_dgettext (GETTEXT_PACKAGE, layout->name);
}

const char *
banso_keyboard_layout_get_native_name (const BansoKeyboardLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);
  return layout->native_name;
}

BansoKeyboardScript
banso_keyboard_layout_get_script (const BansoKeyboardLayout *layout)
{
  g_return_val_if_fail (layout != NULL, BANSO_KEYBOARD_SCRIPT_LATIN);
  return layout->script;
}

guint
banso_keyboard_layout_get_n_rows (const BansoKeyboardLayout *layout)
{
  guint n = 0;

  g_return_val_if_fail (layout != NULL, 0);
  while (n < G_N_ELEMENTS (layout->rows) && layout->rows[n] != NULL)
    n++;
  return n;
}

/**
 * banso_keyboard_layout_get_row:
 * @n_keys: (out): how many keys the row has
 *
 * Returns: (array length=n_keys): the keys of @row, left to right
 */
const BansoKeyboardKey *
banso_keyboard_layout_get_row (const BansoKeyboardLayout *layout,
                               guint                      row,
                               guint                     *n_keys)
{
  const BansoKeyboardKey *keys;
  guint n = 0;

  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (n_keys != NULL, NULL);
  g_return_val_if_fail (row < banso_keyboard_layout_get_n_rows (layout), NULL);

  keys = layout->rows[row];
  while (keys[n].text != NULL)
    n++;
  *n_keys = n;
  return keys;
}

/**
 * banso_keyboard_layout_find_physical:
 * @character: what the physical key types without Shift on a US keyboard ('k', '[')
 *
 * Returns: (nullable): the key of @layout that the physical key stands for
 */
const BansoKeyboardKey *
banso_keyboard_layout_find_physical (const BansoKeyboardLayout *layout,
                                     gunichar                   character)
{
  g_return_val_if_fail (layout != NULL, NULL);

  for (guint r = 0; r < banso_keyboard_layout_get_n_rows (layout); r++)
    for (const BansoKeyboardKey *key = layout->rows[r]; key->text != NULL; key++)
      if (key->physical != NULL && g_utf8_get_char (key->physical) == character)
        return key;
  return NULL;
}

/* Whether the physical keyboard can type this layout (Tai Viet's mnemonic keys). */
gboolean
banso_keyboard_layout_has_physical (const BansoKeyboardLayout *layout)
{
  g_return_val_if_fail (layout != NULL, FALSE);

  for (guint r = 0; r < banso_keyboard_layout_get_n_rows (layout); r++)
    for (const BansoKeyboardKey *key = layout->rows[r]; key->text != NULL; key++)
      if (key->physical != NULL)
        return TRUE;
  return FALSE;
}

const char *
banso_keyboard_key_get_text (const BansoKeyboardKey *key,
                             gboolean                shifted)
{
  g_return_val_if_fail (key != NULL, NULL);
  return shifted && key->shifted != NULL ? key->shifted : key->text;
}

/**
 * banso_keyboard_key_dup_label:
 *
 * What a key shows: its label, or its text; a text that begins with a combining mark is
 * shown on a dotted circle (U+25CC), as the Unicode charts show marks.
 *
 * Returns: (transfer full): the label
 */
char *
banso_keyboard_key_dup_label (const BansoKeyboardKey *key,
                              gboolean                shifted)
{
  const char *text;
  GUnicodeType type;

  g_return_val_if_fail (key != NULL, NULL);

  if (key->label != NULL && (!shifted || key->shifted == NULL))
    return g_strdup (key->label);
  text = banso_keyboard_key_get_text (key, shifted);
  type = g_unichar_type (g_utf8_get_char (text));
  if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK ||
      type == G_UNICODE_ENCLOSING_MARK)
    return g_strconcat ("\u25CC", text, NULL);
  return g_strdup (text);
}
