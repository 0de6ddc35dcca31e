/* banso-keyboard-layout.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The on-screen keyboards of the typing aid, one per language: rows of keys, each key
 * inserting a text and, with Shift, another. The layouts are tables compiled into the
 * library (banso-keyboard-layouts.c); the panel draws them and hands what a key inserts to
 * the composer (banso-keyboard-composer.h), which applies the script's rules.
 */

/* The rules the composer applies to the text a layout types. */
typedef enum {
  BANSO_KEYBOARD_SCRIPT_LATIN,    /* combining marks join the letter before them; tones swap */
  BANSO_KEYBOARD_SCRIPT_TAI_VIET, /* typed in spoken order, stored in visual order */
  BANSO_KEYBOARD_SCRIPT_CHAM,     /* logical order; signs kept in their canonical order */
  BANSO_KEYBOARD_SCRIPT_KHMER,    /* logical order; a pre-base vowel typed first moves */
} BansoKeyboardScript;

typedef struct {
  const char *text;      /* what the key inserts */
  const char *shifted;   /* what it inserts with Shift; NULL: the same as text */
  const char *label;     /* what the key shows when it is not its text; NULL: the text */
  const char *name;      /* a name for screen readers (N_()), or NULL */
  const char *physical;  /* the key of a US keyboard that types it when the panel maps the
                          * physical keyboard (its unshifted character), or NULL */
} BansoKeyboardKey;

typedef struct _BansoKeyboardLayout BansoKeyboardLayout;

const BansoKeyboardLayout  *banso_keyboard_layout_get_nth         (guint                      index);
guint                       banso_keyboard_layout_get_n_layouts   (void);
const BansoKeyboardLayout  *banso_keyboard_layout_lookup          (const char                *code);

const char                 *banso_keyboard_layout_get_code        (const BansoKeyboardLayout *layout);
const char                 *banso_keyboard_layout_get_name        (const BansoKeyboardLayout *layout);
const char                 *banso_keyboard_layout_get_native_name (const BansoKeyboardLayout *layout);
BansoKeyboardScript         banso_keyboard_layout_get_script      (const BansoKeyboardLayout *layout);
guint                       banso_keyboard_layout_get_n_rows      (const BansoKeyboardLayout *layout);
const BansoKeyboardKey     *banso_keyboard_layout_get_row         (const BansoKeyboardLayout *layout,
                                                                   guint                      row,
                                                                   guint                     *n_keys);

gboolean                    banso_keyboard_layout_has_physical    (const BansoKeyboardLayout *layout);
const BansoKeyboardKey     *banso_keyboard_layout_find_physical   (const BansoKeyboardLayout *layout,
                                                                   gunichar                   character);

const char                 *banso_keyboard_key_get_text           (const BansoKeyboardKey    *key,
                                                                   gboolean                   shifted);
G_GNUC_WARN_UNUSED_RESULT
char                       *banso_keyboard_key_dup_label          (const BansoKeyboardKey    *key,
                                                                   gboolean                   shifted);

G_END_DECLS
