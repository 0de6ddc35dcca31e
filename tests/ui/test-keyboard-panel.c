/* test-keyboard-panel.c: the typing aid's panel types into the field with the
 * focus, through the composer, and waits while an input method is composing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "banso-keyboard-panel.h"

static void
flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GtkText *
text_of (GtkWidget *entry)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (entry));

  g_assert_true (GTK_IS_TEXT (delegate));
  return GTK_TEXT (delegate);
}

/* The keys of the panel, depth first. */
static void
collect_buttons (GtkWidget *widget,
                 GPtrArray *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_widget_has_css_class (child, "keyboard-key"))
        g_ptr_array_add (out, child);
      collect_buttons (child, out);
    }
}

static void
test_panel (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *other = gtk_search_entry_new ();
  GtkWidget *label = gtk_label_new ("Not a field");
  GtkWidget *panel = banso_keyboard_panel_new ();
  BansoKeyboardPanel *keyboard = BANSO_KEYBOARD_PANEL (panel);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  gtk_widget_set_focusable (label, TRUE);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), other);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), panel);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  flush ();

  g_assert_cmpstr (banso_keyboard_panel_get_layout (keyboard), ==, "blt-Tavt");
  collect_buttons (panel, keys);
  g_assert_cmpuint (keys->len, ==, 36 + 2);   /* the keys, Space and Backspace */
  for (guint i = 0; i < keys->len; i++)
    {
      /* A key never takes the focus from the field. */
      g_assert_false (gtk_widget_get_can_focus (keys->pdata[i]));
      g_assert_false (gtk_widget_get_focus_on_click (keys->pdata[i]));
    }

  /* Spoken order in, visual order out, at the cursor. */
  gtk_widget_grab_focus (entry);
  flush ();
  g_assert_true (banso_keyboard_panel_type (keyboard, "ꪀ"));
  g_assert_true (banso_keyboard_panel_type (keyboard, "ꪵ"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "ꪵꪀ");
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (entry)), ==, 2);

  /* While an input method composes in the field, the keys wait. */
  g_signal_emit_by_name (text_of (entry), "preedit-changed", "vie");
  g_assert_false (banso_keyboard_panel_type (keyboard, "ꪙ"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "ꪵꪀ");
  for (guint i = 0; i < keys->len; i++)
    g_assert_false (gtk_widget_get_sensitive (keys->pdata[i]));
  g_signal_emit_by_name (text_of (entry), "preedit-changed", "");
  for (guint i = 0; i < keys->len; i++)
    g_assert_true (gtk_widget_get_sensitive (keys->pdata[i]));
  g_assert_true (banso_keyboard_panel_type (keyboard, "ꪙ"));
  g_assert_true (banso_keyboard_panel_type (keyboard, "꪿"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "ꪵꪀ꪿ꪙ");

  /* In the middle of the text, before a vowel that follows. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "ꪀꪱ");
  gtk_editable_set_position (GTK_EDITABLE (entry), 1);
  g_assert_true (banso_keyboard_panel_type (keyboard, "ꪵ"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "ꪵꪀꪱ");
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (entry)), ==, 2);

  /* A selection is replaced. */
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
  g_assert_true (banso_keyboard_panel_type (keyboard, "ꪀ"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "ꪀ");

  /* The keys follow the focus to another field, and stay with it when the focus goes to
   * something that is not a field. */
  gtk_widget_grab_focus (other);
  flush ();
  g_assert_true (banso_keyboard_panel_type (keyboard, "ꪕ"));
  gtk_widget_grab_focus (label);
  flush ();
  g_assert_true (banso_keyboard_panel_type (keyboard, "ꪼ"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (other)), ==, "ꪼꪕ");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "ꪀ");

  /* A field that cannot be edited is not typed into. */
  gtk_editable_set_editable (GTK_EDITABLE (other), FALSE);
  g_assert_false (banso_keyboard_panel_type (keyboard, "ꪀ"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (other)), ==, "ꪼꪕ");

  /* Latin: the mark joins the letter, NFC. */
  gtk_widget_grab_focus (entry);
  flush ();
  banso_keyboard_panel_set_layout (keyboard, "rad");
  gtk_editable_set_text (GTK_EDITABLE (entry), "hr");
  gtk_editable_set_position (GTK_EDITABLE (entry), -1);
  g_assert_true (banso_keyboard_panel_type (keyboard, "e"));
  g_assert_true (banso_keyboard_panel_type (keyboard, "\u0306"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "hr\u0115");

  gtk_window_destroy (GTK_WINDOW (window));
  flush ();
}

static void
test_layouts (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *panel = g_object_ref_sink (banso_keyboard_panel_new ());
  BansoKeyboardPanel *keyboard = BANSO_KEYBOARD_PANEL (panel);
  g_autofree char *stored = NULL;

  /* An unknown code shows the first layout; after the last comes the first. */
  banso_keyboard_panel_set_layout (keyboard, "cjm-Cham");
  g_assert_cmpstr (banso_keyboard_panel_get_layout (keyboard), ==, "cjm-Cham");
  banso_keyboard_panel_set_layout (keyboard, "xx-Nope");
  g_assert_cmpstr (banso_keyboard_panel_get_layout (keyboard), ==, "blt-Tavt");
  banso_keyboard_panel_next_layout (keyboard);
  g_assert_cmpstr (banso_keyboard_panel_get_layout (keyboard), ==, "blt-Latn");
  banso_keyboard_panel_set_layout (keyboard, "km");
  banso_keyboard_panel_next_layout (keyboard);
  g_assert_cmpstr (banso_keyboard_panel_get_layout (keyboard), ==, "blt-Tavt");

  /* The layout is kept in the settings, as the window binds it. */
  g_assert_false (g_settings_get_boolean (settings, "keyboard-visible"));
  g_settings_bind (settings, "keyboard-layout", panel, "layout", G_SETTINGS_BIND_DEFAULT);
  banso_keyboard_panel_set_layout (keyboard, "jra");
  stored = g_settings_get_string (settings, "keyboard-layout");
  g_assert_cmpstr (stored, ==, "jra");
  g_settings_set_string (settings, "keyboard-layout", "hnj");
  g_assert_cmpstr (banso_keyboard_panel_get_layout (keyboard), ==, "hnj");

  g_settings_unbind (panel, "layout");
  g_object_unref (panel);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/keyboard-panel/typing", test_panel);
  g_test_add_func ("/ui/keyboard-panel/layouts", test_layouts);
  return g_test_run ();
}
