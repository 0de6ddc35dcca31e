/* banso-keyboard-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The typing aid: a key for each letter and mark of the chosen language. A key types into
 * the text field that has the focus in the window (or had it last), at its cursor, through
 * the composer, and never takes the focus: its buttons cannot be focused.
 *
 * By default the panel reads no physical key: what is typed on the keyboard goes to the
 * field and the system's input method (IBus or Fcitx with Unikey) as always. With Physical
 * Keys on (for a layout whose keys name US keys, Tai Viet), a capture-phase key controller
 * on the window, which sees a key before the field and its input method do, types the
 * layout's letter for a letter key pressed without Ctrl, Alt or Super in the field the keys
 * type into — but never while the input method is composing: then every key goes on to it.
 *
 * The input method is composing when the field's GtkText shows a preedit (its
 * "preedit-changed" signal gives a non-empty string; an empty one ends it). Then the keys of
 * the panel are insensitive too: typing around the input method's unfinished text would
 * tear it apart.
 * After each key in a GtkEntry the input method is told to start afresh
 * (gtk_entry_reset_im_context), since the text around the cursor has changed under it. */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-keyboard-composer.h"
#include "banso-keyboard-layout.h"
#include "banso-keyboard-panel.h"

struct _BansoKeyboardPanel
{
  GtkWidget                  parent_instance;

  GtkDropDown               *language_dropdown;
  GtkToggleButton           *shift_button;
  GtkToggleButton           *physical_button;
  GtkLabel                  *status_label;
  GtkBox                    *rows_box;
  GtkWidget                 *space_button;
  GtkWidget                 *backspace_button;

  const BansoKeyboardLayout *layout;
  GPtrArray                 *key_buttons;

  GtkRoot                   *root;
  gulong                     focus_handler;
  GtkEventController        *key_controller;
  GtkEditable               *target;
  GtkText                   *target_text;
  gulong                     preedit_handler;
  gboolean                   composing;
};

G_DEFINE_FINAL_TYPE (BansoKeyboardPanel, banso_keyboard_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LAYOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_status (BansoKeyboardPanel *self)
{
  const char *status;

  if (self->composing)
    status = _("Finish what the input method is composing first");
  else if (self->target == NULL)
    status = _("Click in a text field, then on the keys");
  else
    status = banso_keyboard_layout_get_native_name (self->layout);
  gtk_label_set_text (self->status_label, status);

  for (guint i = 0; i < self->key_buttons->len; i++)
    gtk_widget_set_sensitive (self->key_buttons->pdata[i], !self->composing);
  gtk_widget_set_sensitive (self->space_button, !self->composing);
  gtk_widget_set_sensitive (self->backspace_button, !self->composing);
}

static void
on_preedit_changed (GtkText            *text,
                    const char         *preedit,
                    BansoKeyboardPanel *self)
{
  gboolean composing = preedit != NULL && *preedit != '\0';

  if (composing == self->composing)
    return;
  self->composing = composing;
  update_status (self);
}

/* The GtkText under an editable (a GtkEntry's, a GtkSearchEntry's, a GtkSpinButton's). */
static GtkText *
find_text (GtkEditable *editable)
{
  for (guint depth = 0; editable != NULL && depth < 8; depth++)
    {
      if (GTK_IS_TEXT (editable))
        return GTK_TEXT (editable);
      editable = gtk_editable_get_delegate (editable);
    }
  return NULL;
}

static void
set_target (BansoKeyboardPanel *self,
            GtkEditable        *editable)
{
  if (self->target == editable)
    return;

  if (self->target_text != NULL)
    g_clear_signal_handler (&self->preedit_handler, self->target_text);
  self->preedit_handler = 0;
  g_clear_weak_pointer (&self->target_text);
  g_set_weak_pointer (&self->target, editable);
  self->composing = FALSE;

  if (editable != NULL)
    {
      GtkText *text = find_text (editable);

      g_set_weak_pointer (&self->target_text, text);
      if (text != NULL)
        self->preedit_handler = g_signal_connect_object (text, "preedit-changed",
                                                         G_CALLBACK (on_preedit_changed),
                                                         self, 0);
    }
  update_status (self);
}

/* The field the keys type into follows the focus; it stays while the focus is on something
 * that is not a field (a list, the language drop-down), as long as it can still be typed in. */
static void
on_focus_changed (GtkRoot            *root,
                  GParamSpec         *pspec,
                  BansoKeyboardPanel *self)
{
  GtkWidget *focus = gtk_root_get_focus (root);

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return;
  if (focus != NULL && GTK_IS_EDITABLE (focus) && gtk_editable_get_editable (GTK_EDITABLE (focus)))
    set_target (self, GTK_EDITABLE (focus));
  else if (self->target != NULL &&
           (!gtk_widget_get_mapped (GTK_WIDGET (self->target)) ||
            !gtk_widget_is_sensitive (GTK_WIDGET (self->target))))
    set_target (self, NULL);
  else
    update_status (self);
}

static GtkEditable *
get_target (BansoKeyboardPanel *self)
{
  if (self->target == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self->target)) ||
      !gtk_editable_get_editable (self->target))
    return NULL;
  return self->target;
}

static void
apply_edit (BansoKeyboardPanel      *self,
            GtkEditable             *editable,
            int                      position,
            const BansoKeyboardEdit *edit)
{
  int start = MAX (position - (int) edit->n_delete, 0);

  if (edit->n_delete > 0 || edit->n_delete_after > 0)
    gtk_editable_delete_text (editable, start, position + (int) edit->n_delete_after);
  gtk_editable_insert_text (editable, edit->insert, -1, &start);
  gtk_editable_set_position (editable, start);

  if (self->target_text != NULL)
    {
      GtkWidget *entry = gtk_widget_get_ancestor (GTK_WIDGET (self->target_text),
                                                  GTK_TYPE_ENTRY);

      /* GTK 4.8 lets only a GtkEntry reset its input method; in the other fields the input
       * method finds the text changed when it next asks for what surrounds the cursor. */
      if (entry != NULL)
        gtk_entry_reset_im_context (GTK_ENTRY (entry));
      if (!gtk_widget_has_focus (GTK_WIDGET (self->target_text)))
        gtk_text_grab_focus_without_selecting (self->target_text);
    }
}

/* Types @text (a key's, or NULL for Backspace) at the cursor of the field, replacing the
 * selection. */
static gboolean
type_into (BansoKeyboardPanel *self,
           const char         *text)
{
  GtkEditable *editable = get_target (self);
  BansoKeyboardEdit edit = { 0, 0, NULL };
  const char *contents;
  const char *cursor;
  int start, end, position;
  gboolean done;

  if (editable == NULL || self->composing)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  if (gtk_editable_get_selection_bounds (editable, &start, &end))
    {
      gtk_editable_delete_text (editable, start, end);
      gtk_editable_set_position (editable, start);
      if (text == NULL)
        return TRUE;
    }

  position = gtk_editable_get_position (editable);
  contents = gtk_editable_get_text (editable);
  cursor = g_utf8_offset_to_pointer (contents, position);
  if (text != NULL)
    done = banso_keyboard_compose_in (banso_keyboard_layout_get_script (self->layout),
                                      contents, cursor - contents, cursor, -1, text, &edit);
  else
    done = banso_keyboard_compose_backspace (banso_keyboard_layout_get_script (self->layout),
                                             contents, cursor - contents, cursor, -1, &edit);
  if (done)
    apply_edit (self, editable, position, &edit);
  banso_keyboard_edit_clear (&edit);
  return done;
}

/* A key pressed on the computer's keyboard, before the field and its input method see it. */
static gboolean
on_physical_key (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 BansoKeyboardPanel    *self)
{
  GdkEvent *event;
  const BansoKeyboardKey *key;
  guint unshifted = 0;
  gunichar c;

  if (!gtk_toggle_button_get_active (self->physical_button) ||
      !gtk_widget_get_mapped (GTK_WIDGET (self)) || self->composing ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK)) != 0)
    return FALSE;
  if (self->target_text == NULL || self->root == NULL ||
      gtk_root_get_focus (self->root) != GTK_WIDGET (self->target_text) ||
      get_target (self) == NULL)
    return FALSE;

  /* Backspace takes back what the composer did, as the panel's Backspace does. */
  if (keyval == GDK_KEY_BackSpace)
    {
      type_into (self, NULL);
      return TRUE;
    }

  /* The key's own character without Shift, whatever the keyboard layout's level. */
  event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  if (event == NULL ||
      !gdk_display_translate_key (gdk_event_get_display (event), keycode, 0,
                                  gdk_key_event_get_layout (event), &unshifted,
                                  NULL, NULL, NULL))
    return FALSE;
  c = gdk_keyval_to_unicode (unshifted);
  key = c != 0 ? banso_keyboard_layout_find_physical (self->layout, c) : NULL;
  if (key == NULL)
    return FALSE;
  type_into (self, banso_keyboard_key_get_text (key, (state & GDK_SHIFT_MASK) != 0));
  return TRUE;
}

static void
relabel (BansoKeyboardPanel *self)
{
  gboolean shifted = gtk_toggle_button_get_active (self->shift_button);

  for (guint i = 0; i < self->key_buttons->len; i++)
    {
      GtkButton *button = self->key_buttons->pdata[i];
      const BansoKeyboardKey *key = g_object_get_data (G_OBJECT (button), "banso-key");
      g_autofree char *label = banso_keyboard_key_dup_label (key, shifted);

      gtk_button_set_label (button, label);
    }
}

static void
on_key_clicked (GtkButton          *button,
                BansoKeyboardPanel *self)
{
  const BansoKeyboardKey *key = g_object_get_data (G_OBJECT (button), "banso-key");
  gboolean shifted = gtk_toggle_button_get_active (self->shift_button);

  type_into (self, banso_keyboard_key_get_text (key, shifted));
  /* Shift is for one key, as on a phone. */
  if (shifted)
    gtk_toggle_button_set_active (self->shift_button, FALSE);
}

static void
on_space_clicked (GtkButton          *button,
                  BansoKeyboardPanel *self)
{
  type_into (self, " ");
}

static void
on_backspace_clicked (GtkButton          *button,
                      BansoKeyboardPanel *self)
{
  type_into (self, NULL);
}

static void
on_shift_toggled (GtkToggleButton    *button,
                  BansoKeyboardPanel *self)
{
  relabel (self);
}

static void
build_keys (BansoKeyboardPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rows_box))) != NULL)
    gtk_box_remove (self->rows_box, child);
  g_ptr_array_set_size (self->key_buttons, 0);

  for (guint r = 0; r < banso_keyboard_layout_get_n_rows (self->layout); r++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      guint n;
      const BansoKeyboardKey *keys = banso_keyboard_layout_get_row (self->layout, r, &n);

      gtk_widget_set_halign (row, GTK_ALIGN_CENTER);
      for (guint k = 0; k < n; k++)
        {
          GtkWidget *button = gtk_button_new ();

          gtk_widget_set_can_focus (button, FALSE);
          gtk_widget_set_focus_on_click (button, FALSE);
          gtk_widget_add_css_class (button, "keyboard-key");
          g_object_set_data (G_OBJECT (button), "banso-key", (gpointer) &keys[k]);
          if (keys[k].name != NULL)
            gtk_widget_set_tooltip_text (button, _(keys[k].name));
          g_signal_connect_object (button, "clicked", G_CALLBACK (on_key_clicked), self, 0);
          gtk_box_append (GTK_BOX (row), button);
          g_ptr_array_add (self->key_buttons, button);
        }
      gtk_box_append (self->rows_box, row);
    }
  relabel (self);
  gtk_widget_set_visible (GTK_WIDGET (self->physical_button),
                          banso_keyboard_layout_has_physical (self->layout));
  update_status (self);
}

static void
on_language_selected (GtkDropDown        *dropdown,
                      GParamSpec         *pspec,
                      BansoKeyboardPanel *self)
{
  const BansoKeyboardLayout *layout =
    banso_keyboard_layout_get_nth (gtk_drop_down_get_selected (dropdown));

  if (layout != NULL)
    banso_keyboard_panel_set_layout (self, banso_keyboard_layout_get_code (layout));
  /* Back to the field, so that the next key types into it with its cursor shown. */
  if (self->target_text != NULL && gtk_widget_get_mapped (GTK_WIDGET (self->target_text)))
    gtk_text_grab_focus_without_selecting (self->target_text);
}

static void
banso_keyboard_panel_root (GtkWidget *widget)
{
  BansoKeyboardPanel *self = BANSO_KEYBOARD_PANEL (widget);

  GTK_WIDGET_CLASS (banso_keyboard_panel_parent_class)->root (widget);

  self->root = gtk_widget_get_root (widget);
  self->focus_handler = g_signal_connect_object (self->root, "notify::focus-widget",
                                                 G_CALLBACK (on_focus_changed), self, 0);

  self->key_controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (self->key_controller, "banso-keyboard-physical-keys");
  gtk_event_controller_set_propagation_phase (self->key_controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (self->key_controller, "key-pressed",
                           G_CALLBACK (on_physical_key), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->root), self->key_controller);
  on_focus_changed (self->root, NULL, self);
}

static void
banso_keyboard_panel_unroot (GtkWidget *widget)
{
  BansoKeyboardPanel *self = BANSO_KEYBOARD_PANEL (widget);

  g_clear_signal_handler (&self->focus_handler, self->root);
  if (self->key_controller != NULL)
    gtk_widget_remove_controller (GTK_WIDGET (self->root), self->key_controller);
  self->key_controller = NULL;
  self->root = NULL;
  set_target (self, NULL);

  GTK_WIDGET_CLASS (banso_keyboard_panel_parent_class)->unroot (widget);
}

static void
banso_keyboard_panel_dispose (GObject *object)
{
  BansoKeyboardPanel *self = (BansoKeyboardPanel *)object;
  GtkWidget *child;

  set_target (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BANSO_TYPE_KEYBOARD_PANEL);
  /* The rows of the template are not bound to fields: they go here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->key_buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (banso_keyboard_panel_parent_class)->dispose (object);
}

static void
banso_keyboard_panel_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BansoKeyboardPanel *self = BANSO_KEYBOARD_PANEL (object);

  switch (prop_id)
    {
    case PROP_LAYOUT:
      g_value_set_string (value, banso_keyboard_panel_get_layout (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
banso_keyboard_panel_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  BansoKeyboardPanel *self = BANSO_KEYBOARD_PANEL (object);

  switch (prop_id)
    {
    case PROP_LAYOUT:
      banso_keyboard_panel_set_layout (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
banso_keyboard_panel_class_init (BansoKeyboardPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = banso_keyboard_panel_dispose;
  object_class->get_property = banso_keyboard_panel_get_property;
  object_class->set_property = banso_keyboard_panel_set_property;
  widget_class->root = banso_keyboard_panel_root;
  widget_class->unroot = banso_keyboard_panel_unroot;

  /**
   * BansoKeyboardPanel:layout:
   *
   * The BCP 47 code of the layout shown; an unknown code shows the first layout.
   */
  properties[PROP_LAYOUT] =
    g_param_spec_string ("layout", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/banso/Banso/ui/banso-keyboard-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, BansoKeyboardPanel, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BansoKeyboardPanel, shift_button);
  gtk_widget_class_bind_template_child (widget_class, BansoKeyboardPanel, physical_button);
  gtk_widget_class_bind_template_child (widget_class, BansoKeyboardPanel, status_label);
  gtk_widget_class_bind_template_child (widget_class, BansoKeyboardPanel, rows_box);
  gtk_widget_class_bind_template_child (widget_class, BansoKeyboardPanel, space_button);
  gtk_widget_class_bind_template_child (widget_class, BansoKeyboardPanel, backspace_button);
  gtk_widget_class_bind_template_callback (widget_class, on_space_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_backspace_clicked);

  gtk_widget_class_set_css_name (widget_class, "keyboardpanel");
}

static void
banso_keyboard_panel_init (BansoKeyboardPanel *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  self->key_buttons = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < banso_keyboard_layout_get_n_layouts (); i++)
    gtk_string_list_append (names,
                            banso_keyboard_layout_get_name (banso_keyboard_layout_get_nth (i)));
  gtk_drop_down_set_model (self->language_dropdown, G_LIST_MODEL (names));

  self->layout = banso_keyboard_layout_get_nth (0);
  gtk_drop_down_set_selected (self->language_dropdown, 0);
  build_keys (self);

  g_signal_connect_object (self->language_dropdown, "notify::selected",
                           G_CALLBACK (on_language_selected), self, 0);
  g_signal_connect_object (self->shift_button, "toggled",
                           G_CALLBACK (on_shift_toggled), self, 0);
}

GtkWidget *
banso_keyboard_panel_new (void)
{
  return g_object_new (BANSO_TYPE_KEYBOARD_PANEL, NULL);
}

const char *
banso_keyboard_panel_get_layout (BansoKeyboardPanel *self)
{
  g_return_val_if_fail (BANSO_IS_KEYBOARD_PANEL (self), NULL);

  return banso_keyboard_layout_get_code (self->layout);
}

/**
 * banso_keyboard_panel_set_layout:
 * @code: (nullable): a BCP 47 code, such as "blt-Tavt"
 *
 * Shows the layout of @code, or the first one when no layout has that code.
 */
void
banso_keyboard_panel_set_layout (BansoKeyboardPanel *self,
                                 const char         *code)
{
  const BansoKeyboardLayout *layout;

  g_return_if_fail (BANSO_IS_KEYBOARD_PANEL (self));

  layout = banso_keyboard_layout_lookup (code);
  if (layout == NULL)
    layout = banso_keyboard_layout_get_nth (0);
  if (layout == self->layout)
    return;

  self->layout = layout;
  for (guint i = 0; i < banso_keyboard_layout_get_n_layouts (); i++)
    if (banso_keyboard_layout_get_nth (i) == layout &&
        gtk_drop_down_get_selected (self->language_dropdown) != i)
      gtk_drop_down_set_selected (self->language_dropdown, i);
  build_keys (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
}

/* The next layout, after the last the first: Ctrl+Shift+L. */
void
banso_keyboard_panel_next_layout (BansoKeyboardPanel *self)
{
  guint n = banso_keyboard_layout_get_n_layouts ();

  g_return_if_fail (BANSO_IS_KEYBOARD_PANEL (self));

  for (guint i = 0; i < n; i++)
    if (banso_keyboard_layout_get_nth (i) == self->layout)
      {
        const BansoKeyboardLayout *next = banso_keyboard_layout_get_nth ((i + 1) % n);

        banso_keyboard_panel_set_layout (self, banso_keyboard_layout_get_code (next));
        return;
      }
}

/**
 * banso_keyboard_panel_type:
 * @text: what a key types
 *
 * Types @text into the field, as a key of the panel would.
 *
 * Returns: %FALSE when no field can be typed in, or the input method is composing
 */
gboolean
banso_keyboard_panel_type (BansoKeyboardPanel *self,
                           const char         *text)
{
  g_return_val_if_fail (BANSO_IS_KEYBOARD_PANEL (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  return type_into (self, text);
}
