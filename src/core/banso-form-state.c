/* banso-form-state.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include "banso-form-state.h"

/* The state of a record form apart from its widgets: whether what it shows
 * differs from what was loaded (its "snapshot", the record as JSON), whether
 * a draft of it is kept in the database, whether it may be saved now and
 * whether closing it must ask first.
 *
 * A form reopened from a draft stays dirty until it is saved or discarded:
 * what was loaded then is the draft, not a saved record.
 */
struct _BansoFormState
{
  char     *loaded;
  char     *current;
  gboolean  from_draft;
  gboolean  has_draft;
  gboolean  valid;
  gboolean  saving;
};

BansoFormState *
banso_form_state_new (void)
{
  return g_new0 (BansoFormState, 1);
}

void
banso_form_state_free (BansoFormState *self)
{
  if (self == NULL)
    return;
  g_free (self->loaded);
  g_free (self->current);
  g_free (self);
}

/**
 * banso_form_state_load:
 * @snapshot: the record as the form shows it once filled
 * @from_draft: whether it was filled from a kept draft
 */
void
banso_form_state_load (BansoFormState *self,
                       const char     *snapshot,
                       gboolean        from_draft)
{
  g_return_if_fail (self != NULL);

  g_free (self->loaded);
  self->loaded = g_strdup (snapshot ? snapshot : "");
  g_free (self->current);
  self->current = g_strdup (self->loaded);
  self->from_draft = from_draft;
  self->has_draft = from_draft;
}

/**
 * banso_form_state_change:
 * @snapshot: the record as the form shows it now
 *
 * Returns: what to do with the draft
 */
BansoFormDraft
banso_form_state_change (BansoFormState *self,
                         const char     *snapshot)
{
  g_return_val_if_fail (self != NULL, BANSO_FORM_DRAFT_NONE);

  if (snapshot == NULL)
    snapshot = "";
  if (g_strcmp0 (snapshot, self->current) == 0)
    return BANSO_FORM_DRAFT_NONE;

  g_free (self->current);
  self->current = g_strdup (snapshot);

  if (banso_form_state_is_dirty (self))
    {
      self->has_draft = TRUE;
      return BANSO_FORM_DRAFT_KEEP;
    }
  if (self->has_draft)
    {
      self->has_draft = FALSE;
      return BANSO_FORM_DRAFT_FORGET;
    }
  return BANSO_FORM_DRAFT_NONE;
}

void
banso_form_state_set_valid (BansoFormState *self,
                            gboolean        valid)
{
  g_return_if_fail (self != NULL);
  self->valid = !!valid;
}

void
banso_form_state_set_saving (BansoFormState *self,
                             gboolean        saving)
{
  g_return_if_fail (self != NULL);
  self->saving = !!saving;
}

/* The save removed the draft in its own transaction. */
void
banso_form_state_saved (BansoFormState *self)
{
  g_return_if_fail (self != NULL);

  self->saving = FALSE;
  self->from_draft = FALSE;
  self->has_draft = FALSE;
  g_free (self->loaded);
  self->loaded = g_strdup (self->current);
}

void
banso_form_state_discarded (BansoFormState *self)
{
  g_return_if_fail (self != NULL);

  self->from_draft = FALSE;
  self->has_draft = FALSE;
  g_free (self->current);
  self->current = g_strdup (self->loaded);
}

gboolean
banso_form_state_is_dirty (const BansoFormState *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->from_draft || g_strcmp0 (self->loaded, self->current) != 0;
}

gboolean
banso_form_state_is_saving (const BansoFormState *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->saving;
}

gboolean
banso_form_state_has_draft (const BansoFormState *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->has_draft;
}

gboolean
banso_form_state_can_save (const BansoFormState *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->valid && !self->saving;
}

/* A save under way closes the form itself once done: nothing to ask then. */
gboolean
banso_form_state_must_ask (const BansoFormState *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return banso_form_state_is_dirty (self) && !self->saving;
}
