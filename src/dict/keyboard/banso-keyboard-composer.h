/* banso-keyboard-composer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "banso-keyboard-layout.h"

G_BEGIN_DECLS

/*
 * The composer turns a key of the typing aid into an edit of the text before the cursor:
 * how many characters (code points) to delete just before the cursor, and what to insert
 * there. It knows nothing of widgets, so the same edit applies to any text field.
 *
 * The rules, by script:
 *
 *  - every script: what comes out is NFC, together with the rest of the word around the
 *    cursor (the edit reaches back to the last white space, so that a mark typed after a
 *    letter composes with it, and on to the next, so that a mark after the cursor joins
 *    the letter typed before it): text that was NFC stays NFC;
 *  - Tai Viet (typed in spoken order, stored in visual order, as Unicode encodes it): a
 *    pre-base vowel (U+AAB5 e, U+AAB6 o, U+AAB9 uea, U+AABB aue, U+AABC ay) typed after a
 *    consonant goes before it — before ꪫ too when that consonant is labialised
 *    ("ꪀꪫ"); a tone mark (mai ek U+AABF, mai tho U+AAC1) goes on the initial consonant,
 *    after the vowel signs above or below it and before the vowel (ꪱ, ꪺ, ꪽ, ꪮ) or final
 *    consonant that follows it — typed last, as it is heard, or anywhere after the
 *    consonant: ꪀ ꪵ ꪙ ꪿ gives ꪵꪀ꪿ꪙ, ꪭ ꪮ ꪉ ꫁ gives ꪭ꫁ꪮꪉ — and a second tone mark on a syllable takes
 *    the place of the first; Backspace right after a moved pre-base vowel takes the vowel
 *    away and leaves the consonant;
 *  - Cham (logical order): a medial consonant sign (ya, ra, la, wa) typed after a vowel
 *    sign or final sign goes right after the consonant, a vowel sign typed after a final
 *    sign goes before it; a pre-base vowel sign (o, ai) typed first, as it is seen, goes
 *    after the consonant typed next;
 *  - Khmer (logical order): a pre-base vowel (e, ae, ai, and the split vowels) typed first
 *    goes after the consonant typed next;
 *  - Latin: combining marks join the letter before them (e + ◌̆ = ĕ); a second Vietnamese
 *    tone on a vowel takes the place of the first (á + ◌̀ = à); Backspace takes away the last
 *    mark of a letter (ắ → ă) before the letter itself.
 */

typedef struct {
  guint  n_delete;        /* characters to delete before the cursor */
  guint  n_delete_after;  /* characters to delete after it (a cursor inside a word) */
  char  *insert;          /* NFC text to insert there, then the cursor goes after it */
} BansoKeyboardEdit;

gboolean banso_keyboard_compose           (BansoKeyboardScript  script,
                                           const char          *before,
                                           gssize               before_length,
                                           const char          *key,
                                           BansoKeyboardEdit   *edit);
gboolean banso_keyboard_compose_in        (BansoKeyboardScript  script,
                                           const char          *before,
                                           gssize               before_length,
                                           const char          *after,
                                           gssize               after_length,
                                           const char          *key,
                                           BansoKeyboardEdit   *edit);
gboolean banso_keyboard_compose_backspace (BansoKeyboardScript  script,
                                           const char          *before,
                                           gssize               before_length,
                                           const char          *after,
                                           gssize               after_length,
                                           BansoKeyboardEdit   *edit);
void     banso_keyboard_edit_clear        (BansoKeyboardEdit   *edit);

G_END_DECLS
