/* banso-form-state.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a change of a form asks of its draft. */
typedef enum
{
  BANSO_FORM_DRAFT_NONE,    /* nothing new to keep */
  BANSO_FORM_DRAFT_KEEP,    /* the record differs from what was loaded: keep it */
  BANSO_FORM_DRAFT_FORGET,  /* the record is back to what was loaded: drop the kept draft */
} BansoFormDraft;

typedef struct _BansoFormState BansoFormState;

BansoFormState *banso_form_state_new        (void);
void            banso_form_state_free       (BansoFormState *self);
void            banso_form_state_load       (BansoFormState *self,
                                             const char     *snapshot,
                                             gboolean        from_draft);
BansoFormDraft  banso_form_state_change     (BansoFormState *self,
                                             const char     *snapshot);
void            banso_form_state_set_valid  (BansoFormState *self,
                                             gboolean        valid);
void            banso_form_state_set_saving (BansoFormState *self,
                                             gboolean        saving);
void            banso_form_state_saved      (BansoFormState *self);
void            banso_form_state_discarded  (BansoFormState *self);
gboolean        banso_form_state_is_dirty   (const BansoFormState *self);
gboolean        banso_form_state_is_saving  (const BansoFormState *self);
gboolean        banso_form_state_has_draft  (const BansoFormState *self);
gboolean        banso_form_state_can_save   (const BansoFormState *self);
gboolean        banso_form_state_must_ask   (const BansoFormState *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoFormState, banso_form_state_free)

G_END_DECLS
