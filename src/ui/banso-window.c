/* banso-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-window.h"
#include "records/banso-records-page.h"
#include "sync/banso-sync-indicator.h"
#include "sync/banso-sync-page.h"

struct _BansoWindow
{
  AdwApplicationWindow  parent_instance;

  BansoContext         *context;
  GSettings            *settings;
  gboolean              search_mode;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *loading_page;
  GtkProgressBar       *loading_progress;
  AdwStatusPage        *error_page;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  GtkListBoxRow        *households_row;
  GtkListBoxRow        *prestige_row;
  GtkListBoxRow        *sync_row;
  GtkLabel             *conflicts_badge;
  GtkWidget            *content;
  GtkLabel             *demo_label;
  GtkLabel             *user_label;
  AdwWindowTitle       *content_title;
  GtkStack             *section_stack;
  BansoRecordsPage     *households_page;
  BansoRecordsPage     *prestige_page;
  BansoSyncPage        *sync_page;
  BansoSyncIndicator   *sync_indicator;
  GtkWidget            *search_button;
};

G_DEFINE_FINAL_TYPE (BansoWindow, banso_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SEARCH_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The records page shown, or NULL in a section that is not one (Sync). */
static BansoRecordsPage *
current_page (BansoWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->section_stack);

  return BANSO_IS_RECORDS_PAGE (child) ? BANSO_RECORDS_PAGE (child) : NULL;
}

static void
update_title (BansoWindow *self)
{
  BansoRecordsPage *page = current_page (self);

  if (page == NULL)
    {
      adw_window_title_set_title (self->content_title, banso_sync_page_get_title (self->sync_page));
      adw_window_title_set_subtitle (self->content_title, NULL);
      return;
    }
  adw_window_title_set_title (self->content_title, banso_records_page_get_title (page));
  adw_window_title_set_subtitle (self->content_title, banso_records_page_get_summary (page));
}

static void
set_search_mode (BansoWindow *self,
                 gboolean     search_mode)
{
  search_mode = !!search_mode;
  if (self->search_mode == search_mode)
    return;
  self->search_mode = search_mode;
  if (current_page (self) != NULL)
    banso_records_page_set_search_mode (current_page (self), search_mode);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

static void
on_page_search_mode (BansoRecordsPage *page,
                     GParamSpec       *pspec,
                     BansoWindow      *self)
{
  if (page == current_page (self))
    set_search_mode (self, banso_records_page_get_search_mode (page));
}

static void
on_section_selected (GtkListBox    *list,
                     GtkListBoxRow *row,
                     BansoWindow   *self)
{
  const char *name;

  if (row == NULL)
    return;

  name = gtk_widget_get_name (GTK_WIDGET (row));
  gtk_stack_set_visible_child_name (self->section_stack, name);
  /* Search belongs to the records sections. */
  set_search_mode (self, current_page (self) != NULL &&
                         banso_records_page_get_search_mode (current_page (self)));
  gtk_widget_set_visible (self->search_button, current_page (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search",
                                 self->context != NULL && current_page (self) != NULL);
  update_title (self);

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-section", name);
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

/* The Sync row of the sidebar counts the records waiting for a choice. */
static void
update_conflicts_badge (BansoWindow *self)
{
  BansoSyncManager *manager = banso_context_get_sync_manager (self->context);
  guint conflicts = manager ? banso_sync_manager_get_conflicts (manager) : 0;
  g_autofree char *count = g_strdup_printf ("%u", conflicts);

  gtk_label_set_text (self->conflicts_badge, count);
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_badge), conflicts > 0);
  if (conflicts > 0)
    {
      g_autofree char *description =
        g_strdup_printf (ngettext ("%u record with conflicting versions",
                                   "%u records with conflicting versions", conflicts),
                         conflicts);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->conflicts_badge), description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->sync_row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
    }
  else
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->conflicts_badge), NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->sync_row),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
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

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The records shortcuts work wherever the focus is: the sidebar, the header
 * bar or the list; they act on the section shown. */
static void
forward_to_page (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BansoWindow *self = BANSO_WINDOW (widget);
  const char *page_action = g_str_equal (action_name, "win.add-record") ? "records.add"
                          : g_str_equal (action_name, "win.import") ? "records.import"
                          : "records.export";

  if (self->context != NULL && current_page (self) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (current_page (self)), page_action, NULL);
}

static void
show_sync_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  banso_window_show_section (BANSO_WINDOW (widget), "sync");
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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BANSO_TYPE_RECORDS_PAGE);
  g_type_ensure (BANSO_TYPE_SYNC_PAGE);
  g_type_ensure (BANSO_TYPE_SYNC_INDICATOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/banso/Banso/ui/banso-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, loading_progress);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, households_row);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, prestige_row);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, sync_row);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, conflicts_badge);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, content);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, demo_label);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, user_label);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, section_stack);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, households_page);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, prestige_page);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, sync_page);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, sync_indicator);
  gtk_widget_class_bind_template_child (widget_class, BansoWindow, search_button);
  gtk_widget_class_bind_template_callback (widget_class, on_section_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_section_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);

  gtk_widget_class_install_property_action (widget_class, "win.search", "search-mode");
  gtk_widget_class_install_action (widget_class, "win.add-record", NULL, forward_to_page);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, forward_to_page);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, forward_to_page);
  gtk_widget_class_install_action (widget_class, "win.show-sync", NULL, show_sync_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.add-record", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
}

static void
on_page_summary (BansoRecordsPage *page,
                 GParamSpec       *pspec,
                 BansoWindow      *self)
{
  if (page == current_page (self))
    update_title (self);
}

static void
banso_window_init (BansoWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_set_data (G_OBJECT (self), "banso-toast-overlay", self->toast_overlay);

  g_signal_connect_object (self->households_page, "notify::search-mode",
                           G_CALLBACK (on_page_search_mode), self, 0);
  g_signal_connect_object (self->prestige_page, "notify::search-mode",
                           G_CALLBACK (on_page_search_mode), self, 0);
  g_signal_connect_object (self->households_page, "notify::summary",
                           G_CALLBACK (on_page_summary), self, 0);
  g_signal_connect_object (self->prestige_page, "notify::summary",
                           G_CALLBACK (on_page_summary), self, 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-sync", FALSE);
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
  banso_records_page_set_context (self->households_page, context);
  banso_records_page_set_context (self->prestige_page, context);

  gtk_widget_set_visible (GTK_WIDGET (self->demo_label),
                          banso_context_get_demo (context));
  g_signal_connect_object (context, "notify::user", G_CALLBACK (update_user), self,
                           G_CONNECT_SWAPPED);
  update_user (self);

  banso_sync_page_set_context (self->sync_page, context);
  if (banso_context_get_sync_manager (context) != NULL)
    {
      BansoSyncManager *manager = banso_context_get_sync_manager (context);

      banso_sync_indicator_set_manager (self->sync_indicator, manager);
      g_signal_connect_object (manager, "notify::conflicts", G_CALLBACK (update_conflicts_badge),
                               self, G_CONNECT_SWAPPED);
      update_conflicts_badge (self);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-sync", TRUE);
    }

  gtk_stack_set_visible_child_name (self->main_stack, "main");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", current_page (self) != NULL);

  last = self->settings ? g_settings_get_string (self->settings, "last-section") : NULL;
  banso_window_show_section (self, last);
}

void
banso_window_show_section (BansoWindow *self,
                           const char  *name)
{
  GtkListBoxRow *row = g_strcmp0 (name, "prestige") == 0 ? self->prestige_row
                     : g_strcmp0 (name, "sync") == 0 ? self->sync_row
                     : self->households_row;

  gtk_list_box_select_row (self->sidebar_list, row);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
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

GListModel *
banso_window_get_households_model (BansoWindow *self)
{
  return banso_records_page_get_model (self->households_page);
}
