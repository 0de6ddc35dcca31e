/* test-form-state.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib.h>

#include "banso-form-state.h"

/* A new form is clean; typing makes it dirty and asks for a draft; typing
 * it back to what was loaded drops the draft again. */
static void
test_form_state_dirty (void)
{
  g_autoptr(BansoFormState) state = banso_form_state_new ();

  banso_form_state_load (state, "{\"name\":null}", FALSE);
  g_assert_false (banso_form_state_is_dirty (state));
  g_assert_false (banso_form_state_must_ask (state));
  g_assert_false (banso_form_state_has_draft (state));

  g_assert_cmpint (banso_form_state_change (state, "{\"name\":null}"), ==, BANSO_FORM_DRAFT_NONE);
  g_assert_false (banso_form_state_is_dirty (state));

  g_assert_cmpint (banso_form_state_change (state, "{\"name\":\"A\"}"), ==, BANSO_FORM_DRAFT_KEEP);
  g_assert_true (banso_form_state_is_dirty (state));
  g_assert_true (banso_form_state_must_ask (state));
  g_assert_true (banso_form_state_has_draft (state));

  /* The same again: the draft already holds it. */
  g_assert_cmpint (banso_form_state_change (state, "{\"name\":\"A\"}"), ==, BANSO_FORM_DRAFT_NONE);
  g_assert_cmpint (banso_form_state_change (state, "{\"name\":\"Ab\"}"), ==, BANSO_FORM_DRAFT_KEEP);

  g_assert_cmpint (banso_form_state_change (state, "{\"name\":null}"), ==,
                   BANSO_FORM_DRAFT_FORGET);
  g_assert_false (banso_form_state_is_dirty (state));
  g_assert_false (banso_form_state_has_draft (state));
  g_assert_cmpint (banso_form_state_change (state, "{\"name\":null}"), ==, BANSO_FORM_DRAFT_NONE);
}

/* A form reopened from a draft holds typing that was never saved. */
static void
test_form_state_from_draft (void)
{
  g_autoptr(BansoFormState) state = banso_form_state_new ();

  banso_form_state_load (state, "{\"name\":\"A\"}", TRUE);
  g_assert_true (banso_form_state_is_dirty (state));
  g_assert_true (banso_form_state_has_draft (state));
  g_assert_true (banso_form_state_must_ask (state));

  g_assert_cmpint (banso_form_state_change (state, "{\"name\":\"AB\"}"), ==, BANSO_FORM_DRAFT_KEEP);
  g_assert_cmpint (banso_form_state_change (state, "{\"name\":\"A\"}"), ==, BANSO_FORM_DRAFT_KEEP);
  g_assert_true (banso_form_state_is_dirty (state));

  banso_form_state_discarded (state);
  g_assert_false (banso_form_state_is_dirty (state));
  g_assert_false (banso_form_state_has_draft (state));
}

/* Save is possible only when valid and not already saving; a save under way
 * is not interrupted by a question. */
static void
test_form_state_save (void)
{
  g_autoptr(BansoFormState) state = banso_form_state_new ();

  banso_form_state_load (state, NULL, FALSE);
  g_assert_false (banso_form_state_can_save (state));
  banso_form_state_set_valid (state, TRUE);
  g_assert_true (banso_form_state_can_save (state));

  banso_form_state_change (state, "{\"name\":\"A\"}");
  banso_form_state_set_saving (state, TRUE);
  g_assert_true (banso_form_state_is_saving (state));
  g_assert_false (banso_form_state_can_save (state));
  g_assert_false (banso_form_state_must_ask (state));

  /* A failed save keeps what was typed, and its draft. */
  banso_form_state_set_saving (state, FALSE);
  g_assert_true (banso_form_state_must_ask (state));
  g_assert_true (banso_form_state_has_draft (state));
  g_assert_true (banso_form_state_can_save (state));

  banso_form_state_set_saving (state, TRUE);
  banso_form_state_saved (state);
  g_assert_false (banso_form_state_is_saving (state));
  g_assert_false (banso_form_state_is_dirty (state));
  g_assert_false (banso_form_state_has_draft (state));
  g_assert_cmpint (banso_form_state_change (state, "{\"name\":\"A\"}"), ==, BANSO_FORM_DRAFT_NONE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/form-state/dirty", test_form_state_dirty);
  g_test_add_func ("/form-state/from-draft", test_form_state_from_draft);
  g_test_add_func ("/form-state/save", test_form_state_save);

  return g_test_run ();
}
