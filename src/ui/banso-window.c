/* banso-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-section-row.h"
#include "banso-window.h"
#include "keyboard/banso-keyboard-panel.h"
#include "sync/banso-sync-indicator.h"

struct _BansoWindow
{
  AdwApplicationWindow  parent_instance;

  BansoContext         *context;
  GSettings            *settings;
  gboolean              search_mode;
  gboolean              locked;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *loading_page;
  GtkProgressBar       *loading_progress;
  AdwStatusPage        *error_page;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  GtkWidget            *content;
  GtkLabel             *demo_label;
  GtkLabel             *user_label;
  AdwWindowTitle       *content_title;
  GtkStack             *section_stack;
  BansoSyncIndicator   *sync_indicator;
  GtkWidget            *search_button;
  GtkRevealer          *keyboard_revealer;
  BansoKeyboardPanel   *keyboard_panel;
};

G_DEFINE_FINAL_TYPE (BansoWindow, banso_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SEARCH_MODE,
  PROP_KEYBOARD_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char           *action;
  BansoSectionCommands  command;
} commands[] = {
  { "win.add-record", BANSO_SECTION_ADD },
  { "win.import", BANSO_SECTION_IMPORT },
  { "win.export", BANSO_SECTION_EXPORT },
};

static BansoSection *
current_section (BansoWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->section_stack);

  return child != NULL ? BANSO_SECTION (child) : NULL;
}

static void
update_title (BansoWindow *self)
{
  BansoSection *section = current_section (self);
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;

  if (section == NULL)
    return;
  title = banso_section_dup_title (section);
  summary = banso_section_dup_summary (section);
  adw_window_title_set_title (self->content_title, title);
  adw_window_title_set_subtitle (self->content_title, summary);
}

/* The window's commands and search act on the section shown, once the
 * database is open, when it answers them. */
static void
update_actions (BansoWindow *self)
{
  BansoSection *section = current_section (self);
  BansoSectionCommands answered = 0;
  gboolean searchable = FALSE;

  if (self->context != NULL && section != NULL && !self->locked)
    {
      answered = banso_section_get_commands (section);
      searchable = banso_section_get_searchable (section);
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), commands[i].action,
                                   (answered & commands[i].command) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", searchable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-section",
                                 self->context != NULL && !self->locked);
  gtk_widget_set_visible (self->search_button, section != NULL &&
                                               banso_section_get_searchable (section));
}

static void
set_search_mode (BansoWindow *self,
                 gboolean     search_mode)
{
  search_mode = !!search_mode;
  if (self->search_mode == search_mode)
    return;
  self->search_mode = search_mode;
  if (current_section (self) != NULL)
    banso_section_set_search_mode (current_section (self), search_mode);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

static void
on_section_search_mode (BansoSection *section,
                        GParamSpec   *pspec,
                        BansoWindow  *self)
{
  if (section == current_section (self))
    set_search_mode (self, banso_section_get_search_mode (section));
}

static void
on_section_changed (BansoSection *section,
                    GParamSpec   *pspec,
                    BansoWindow  *self)
{
  if (section == current_section (self))
    {
      update_title (self);
      update_actions (self);
    }
}

static void
on_section_selected (GtkListBox    *list,
                     GtkListBoxRow *row,
                     BansoWindow   *self)
{
  const char *id;

  if (row == NULL)
    return;

  id = banso_section_row_get_id (BANSO_SECTION_ROW (row));
  gtk_stack_set_visible_child_name (self->section_stack, id);
  set_search_mode (self, banso_section_get_search_mode (current_section (self)));
  update_actions (self);
  update_title (self);

  if (self->settings != NULL && self->context != NULL)
    g_settings_set_string (self->settings, "last-section", id);
}

static void
on_section_activated (GtkListBox    *list,
                      GtkListBoxRow *row,
                      BansoWindow   *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_back_clicked (GtkButton   *button,
                 BansoWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
update_user (BansoWindow *self)
{
  BansoUser *user = banso_context_get_user (self->context);
  g_autofree char *text = NULL;

  if (user == NULL)
    return;
  /* Translators: the name of the person using Banso, and their role. */
  text = g_strdup_printf (_("Working as %s, %s"), banso_user_get_name (user),
                          banso_role_get_label (banso_user_get_role (user)));
  gtk_label_set_text (self->user_label, text);
}

/* One page and one sidebar row for each registered section, in their order. */
static void
add_sections (BansoWindow *self)
{
  g_autoptr(GPtrArray) sections = banso_section_list ();

  for (guint i = 0; i < sections->len; i++)
    {
      const BansoSectionInfo *info = sections->pdata[i];
      GtkWidget *page = banso_section_info_create (info);

      gtk_stack_add_named (self->section_stack, page, info->id);
      gtk_list_box_append (self->sidebar_list,
                           banso_section_row_new (info->id, BANSO_SECTION (page)));
      g_signal_connect_object (page, "notify::search-mode",
                               G_CALLBACK (on_section_search_mode), self, 0);
      g_signal_connect_object (page, "notify::title", G_CALLBACK (on_section_changed), self, 0);
      g_signal_connect_object (page, "notify::summary", G_CALLBACK (on_section_changed), self, 0);
      g_signal_connect_object (page, "notify::commands", G_CALLBACK (on_section_changed), self, 0);
    }
}

static void
banso_window_dispose (GObject *object)
{
  BansoWindow *self = (BansoWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BANSO_TYPE_WINDOW);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (banso_window_parent_class)->dispose (object);
}

static void
banso_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BansoWindow *self = BANSO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, self->search_mode);
      break;

    case PROP_KEYBOARD_VISIBLE:
      /* Asked for by the header bar's button while the template is being built. */
      g_value_set_boolean (value, self->keyboard_revealer != NULL &&
                                  gtk_revealer_get_reveal_child (self->keyboard_revealer));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
banso_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BansoWindow *self = BANSO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      set_search_mode (self, g_value_get_boolean (value));
      break;

    case PROP_KEYBOARD_VISIBLE:
      if (self->keyboard_revealer != NULL)
        gtk_revealer_set_reveal_child (self->keyboard_revealer, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The window's shortcuts work wherever the focus is: the sidebar, the header
 * bar or the list; they act on the section shown. */
static void
run_command_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BansoWindow *self = BANSO_WINDOW (widget);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (action_name, commands[i].action) && current_section (self) != NULL)
      banso_section_run_command (current_section (self), commands[i].command);
}

static void
show_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  banso_window_show_section (BANSO_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
on_keyboard_revealed (GtkRevealer *revealer,
                      GParamSpec  *pspec,
                      BansoWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEYBOARD_VISIBLE]);
}

static void
next_keyboard_layout_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  BansoWindow *self = BANSO_WINDOW (widget);

  /* Switching shows the keyboard: the user wants to see which language it types. */
  gtk_revealer_set_reveal_child (self->keyboard_revealer, TRUE);
  banso_keyboard_panel_next_layout (self->keyboard_panel);
}

static void
banso_window_class_init (BansoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = banso_window_dispose;
  object_class->get_property = banso_window_get_property;
  object_class->set_property = banso_window_set_property;

  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The typing aid at the bottom of the window: Ctrl+Shift+K. */
  properties[PROP_KEYBOARD_VISIBLE] =
    g_param_spec_boolean ("keyboard-visible", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BANSO_TYPE_SYNC_INDICATOR);
  g_type_ensure (BANSO_TYPE_KEYBOARD_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/banso/Banso/ui/banso-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, loading_progress);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, content);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, demo_label);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, user_label);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, section_stack);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, sync_indicator);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, keyboard_revealer);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, keyboard_panel);
  gtk_widget_class_bind_template_callback (widget_class, on_section_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_section_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_keyboard_revealed);

  gtk_widget_class_install_property_action (widget_class, "win.search", "search-mode");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    gtk_widget_class_install_action (widget_class, commands[i].action, NULL, run_command_action);
  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.add-record", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);

  gtk_widget_class_install_property_action (widget_class, "win.show-keyboard",
                                            "keyboard-visible");
  gtk_widget_class_install_action (widget_class, "win.next-keyboard-layout", NULL,
                                   next_keyboard_layout_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.show-keyboard", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.next-keyboard-layout", NULL);
}

static void
banso_window_init (BansoWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_set_data (G_OBJECT (self), "banso-toast-overlay", self->toast_overlay);
  add_sections (self);
  update_actions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-section", FALSE);
}

BansoWindow *
banso_window_new (GtkApplication *application,
                  GSettings      *settings)
{
  BansoWindow *self = g_object_new (BANSO_TYPE_WINDOW, "application", application, NULL);

  self->settings = settings ? g_object_ref (settings) : NULL;
  if (settings != NULL)
    {
      g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "keyboard-visible", self, "keyboard-visible",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "keyboard-layout", self->keyboard_panel, "layout",
                       G_SETTINGS_BIND_DEFAULT);
    }
  return self;
}

/**
 * banso_window_set_context:
 *
 * Called once the database is open: shows the sections, on the one the user
 * had open last time.
 */
void
banso_window_set_context (BansoWindow  *self,
                          BansoContext *context)
{
  g_autofree char *last = NULL;

  g_return_if_fail (BANSO_IS_WINDOW (self));

  g_set_object (&self->context, context);
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->section_stack));
       page != NULL; page = gtk_widget_get_next_sibling (page))
    banso_section_set_context (BANSO_SECTION (page), context);

  gtk_widget_set_visible (GTK_WIDGET (self->demo_label),
                          banso_context_get_demo (context));
  g_signal_connect_object (context, "notify::user", G_CALLBACK (update_user), self,
                           G_CONNECT_SWAPPED);
  update_user (self);

  if (banso_context_get_sync_manager (context) != NULL)
    banso_sync_indicator_set_manager (self->sync_indicator,
                                      banso_context_get_sync_manager (context));

  gtk_stack_set_visible_child_name (self->main_stack, self->locked ? "lock" : "main");
  update_actions (self);

  last = self->settings ? g_settings_get_string (self->settings, "last-section") : NULL;
  banso_window_show_section (self, last);
}

/**
 * banso_window_show_section:
 * @id: (nullable): a registered section; the first one when unknown
 *
 * Shows a section, as if the user had chosen it in the sidebar.
 */
void
banso_window_show_section (BansoWindow *self,
                           const char  *id)
{
  GtkListBoxRow *row = NULL;

  g_return_if_fail (BANSO_IS_WINDOW (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (BANSO_IS_SECTION_ROW (child) &&
        (row == NULL || g_strcmp0 (banso_section_row_get_id (BANSO_SECTION_ROW (child)), id) == 0))
      {
        row = GTK_LIST_BOX_ROW (child);
        if (g_strcmp0 (banso_section_row_get_id (BANSO_SECTION_ROW (child)), id) == 0)
          break;
      }
  if (row == NULL)
    return;
  gtk_list_box_select_row (self->sidebar_list, row);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/**
 * banso_window_get_section:
 * @id: a registered section
 *
 * Returns: (transfer none) (nullable): the page of the section
 */
BansoSection *
banso_window_get_section (BansoWindow *self,
                          const char  *id)
{
  g_return_val_if_fail (BANSO_IS_WINDOW (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return (BansoSection *)gtk_stack_get_child_by_name (self->section_stack, id);
}

void
banso_window_show_error (BansoWindow *self,
                         const char  *message)
{
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

void
banso_window_set_progress (BansoWindow *self,
                           const char  *title,
                           double       fraction)
{
  adw_status_page_set_title (self->loading_page, title);
  gtk_widget_set_visible (GTK_WIDGET (self->loading_progress), fraction >= 0);
  if (fraction >= 0)
    gtk_progress_bar_set_fraction (self->loading_progress, fraction);
}

/**
 * banso_window_set_locked:
 * @page: (nullable): the page that covers the window (the login), or %NULL
 *   to show the window's content again
 *
 * While a page covers the window, its commands and shortcuts do nothing.
 */
void
banso_window_set_locked (BansoWindow *self,
                         GtkWidget   *page)
{
  g_return_if_fail (BANSO_IS_WINDOW (self));

  if (page != NULL && gtk_widget_get_parent (page) == NULL)
    gtk_stack_add_named (self->main_stack, page, "lock");
  self->locked = page != NULL;
  if (self->context != NULL)
    gtk_stack_set_visible_child_name (self->main_stack, self->locked ? "lock" : "main");
  if (self->locked)
    set_search_mode (self, FALSE);
  update_actions (self);
}
