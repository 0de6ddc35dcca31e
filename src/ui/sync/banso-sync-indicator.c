/* banso-sync-indicator.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The button in the header bar that says, in a few words, where sync stands:
 * the manager's summary line and an icon for its state. It opens the Sync
 * section; its tooltip has the whole line and, after a failure, the whole
 * error, since the line is cut short in a narrow window.
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-sync-indicator.h"

struct _BansoSyncIndicator
{
  GtkWidget         parent_instance;

  BansoSyncManager *manager;

  GtkButton        *button;
  GtkStack         *icon_stack;
  GtkImage         *icon;
  GtkSpinner       *spinner;
  GtkLabel         *label;
};

G_DEFINE_FINAL_TYPE (BansoSyncIndicator, banso_sync_indicator, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The icon of the state, also for the Sync section's status row. */
const char *
banso_sync_state_icon_name (BansoSyncManager *manager)
{
  switch (banso_sync_manager_get_state (manager))
    {
    case BANSO_SYNC_STATE_NOT_CONFIGURED:
      return "emblem-synchronizing-symbolic";
    case BANSO_SYNC_STATE_OFFLINE:
      return "network-offline-symbolic";
    case BANSO_SYNC_STATE_FAILED:
      return "dialog-warning-symbolic";
    case BANSO_SYNC_STATE_SYNCING:
    case BANSO_SYNC_STATE_IDLE:
    default:
      if (banso_sync_manager_get_conflicts (manager) > 0)
        return "dialog-warning-symbolic";
      if (banso_sync_manager_get_pending (manager) > 0 ||
          banso_sync_manager_get_last_success (manager) == NULL)
        return "emblem-synchronizing-symbolic";
      return "emblem-ok-symbolic";
    }
}

static void
update (BansoSyncIndicator *self)
{
  BansoSyncState state = banso_sync_manager_get_state (self->manager);
  g_autofree char *summary = banso_sync_manager_dup_summary (self->manager);
  g_autoptr(GString) tooltip = g_string_new (summary);
  guint conflicts = banso_sync_manager_get_conflicts (self->manager);
  gboolean syncing = state == BANSO_SYNC_STATE_SYNCING;
  GtkWidget *button = GTK_WIDGET (self->button);

  gtk_label_set_text (self->label, summary);
  gtk_image_set_from_icon_name (self->icon, banso_sync_state_icon_name (self->manager));
  gtk_stack_set_visible_child_name (self->icon_stack, syncing ? "spinner" : "icon");
  gtk_spinner_set_spinning (self->spinner, syncing);

  if ((state == BANSO_SYNC_STATE_FAILED || state == BANSO_SYNC_STATE_OFFLINE) &&
      banso_sync_manager_get_last_error (self->manager) != NULL)
    g_string_append_printf (tooltip, "\n%s", banso_sync_manager_get_last_error (self->manager));
  {
    g_autofree char *media = banso_sync_manager_dup_media_note (self->manager);
    if (media != NULL)
      g_string_append_printf (tooltip, "\n%s", media);
  }
  if (conflicts > 0)
    {
      g_string_append_c (tooltip, '\n');
      g_string_append_printf (tooltip,
                              ngettext ("%u record has conflicting versions: open Sync to choose what to keep.",
                                        "%u records have conflicting versions: open Sync to choose what to keep.",
                                        conflicts),
                              conflicts);
    }
  gtk_widget_set_tooltip_text (button, tooltip->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip->str, -1);

  if (state == BANSO_SYNC_STATE_FAILED ||
      (conflicts > 0 && state != BANSO_SYNC_STATE_NOT_CONFIGURED))
    gtk_widget_add_css_class (button, "warning");
  else
    gtk_widget_remove_css_class (button, "warning");
  if (state == BANSO_SYNC_STATE_NOT_CONFIGURED)
    gtk_widget_add_css_class (button, "dim-label");
  else
    gtk_widget_remove_css_class (button, "dim-label");
}

void
banso_sync_indicator_set_manager (BansoSyncIndicator *self,
                                  BansoSyncManager   *manager)
{
  g_return_if_fail (BANSO_IS_SYNC_INDICATOR (self));
  g_return_if_fail (BANSO_IS_SYNC_MANAGER (manager));

  if (self->manager == manager)
    return;
  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (self->manager, self);
  g_set_object (&self->manager, manager);

  /* The summary changes with every state, count and progress step. */
  g_signal_connect_object (manager, "notify::summary", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::state", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::conflicts", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  update (self);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

/**
 * banso_sync_indicator_set_compact:
 *
 * In a narrow window only the icon shows: a line cut down to a few letters
 * says nothing. The tooltip and screen readers still get the whole line.
 */
void
banso_sync_indicator_set_compact (BansoSyncIndicator *self,
                                  gboolean            compact)
{
  g_return_if_fail (BANSO_IS_SYNC_INDICATOR (self));

  compact = !!compact;
  if (gtk_widget_get_visible (GTK_WIDGET (self->label)) == !compact)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->label), !compact);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}

static void
banso_sync_indicator_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BansoSyncIndicator *self = BANSO_SYNC_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      g_value_set_boolean (value, !gtk_widget_get_visible (GTK_WIDGET (self->label)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
banso_sync_indicator_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  BansoSyncIndicator *self = BANSO_SYNC_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      banso_sync_indicator_set_compact (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
banso_sync_indicator_dispose (GObject *object)
{
  BansoSyncIndicator *self = (BansoSyncIndicator *)object;

  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (self->manager, self);
  g_clear_object (&self->manager);
  gtk_widget_dispose_template (GTK_WIDGET (self), BANSO_TYPE_SYNC_INDICATOR);

  G_OBJECT_CLASS (banso_sync_indicator_parent_class)->dispose (object);
}

static void
banso_sync_indicator_class_init (BansoSyncIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = banso_sync_indicator_dispose;
  object_class->get_property = banso_sync_indicator_get_property;
  object_class->set_property = banso_sync_indicator_set_property;

  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/banso/Banso/ui/banso-sync-indicator.ui");
  gtk_widget_class_bind_template_child (widget_class, BansoSyncIndicator, button);
  gtk_widget_class_bind_template_child (widget_class, BansoSyncIndicator, icon_stack);
  gtk_widget_class_bind_template_child (widget_class, BansoSyncIndicator, icon);
  gtk_widget_class_bind_template_child (widget_class, BansoSyncIndicator, spinner);
  gtk_widget_class_bind_template_child (widget_class, BansoSyncIndicator, label);
}

static void
banso_sync_indicator_init (BansoSyncIndicator *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Hidden until there is a manager to speak for. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
