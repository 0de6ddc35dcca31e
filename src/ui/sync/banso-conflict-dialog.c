/* banso-conflict-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A record changed in two offices before they synced: its versions side by
 * side, field by field, the fields that differ marked, and for each of those
 * a choice of the version to keep (the current winner's by default). Keeping
 * the choice writes one new version through banso_revtree_resolve(), as the
 * acting user, so validation and the user's scope apply; when that fails the
 * dialog stays open with the choices as they were.
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-conflicts.h"
#include "banso-conflict-dialog.h"
#include "banso-revtree.h"
#include "banso-store-async.h"

struct _BansoConflictDialog
{
  AdwWindow              parent_instance;

  BansoContext          *context;
  char                  *id;
  char                  *name;
  GCancellable          *cancellable;
  BansoConflictVersions *versions;
  GPtrArray             *fields;     /* BansoConflictField */
  guint                 *choices;    /* per field, the version kept */
  GPtrArray             *cells;      /* per field, a GPtrArray of its version cells */
  gboolean               saving;

  AdwWindowTitle        *window_title;
  GtkButton             *keep_button;
  GtkRevealer           *error_revealer;
  GtkLabel              *error_label;
  GtkStack              *stack;
  AdwStatusPage         *error_page;
  GtkGrid               *grid;
};

G_DEFINE_FINAL_TYPE (BansoConflictDialog, banso_conflict_dialog, ADW_TYPE_WINDOW)

enum {
  RESOLVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (BansoConflictDialog *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static char *
version_label (guint index)
{
  if (index == 0)
    return g_strdup (_("Version 1 (current)"));
  /* Translators: a version of a record in conflict; the first is "Version 1 (current)". */
  return g_strdup_printf (_("Version %u"), index + 1);
}

/* The table {{{ */

static GtkWidget *
make_cell (GtkWidget  *child,
           gboolean    differs)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (cell, "conflict-cell");
  if (differs)
    gtk_widget_add_css_class (cell, "differs");
  gtk_widget_set_hexpand (cell, TRUE);
  gtk_box_append (GTK_BOX (cell), child);
  return cell;
}

static GtkWidget *
make_value_label (const char *value)
{
  GtkWidget *label = gtk_label_new (value ? value : _("(not set)"));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_width_chars (GTK_LABEL (label), 14);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 44);
  if (value == NULL)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
update_chosen (BansoConflictDialog *self,
               guint                field)
{
  GPtrArray *cells = g_ptr_array_index (self->cells, field);

  for (guint v = 0; cells && v < cells->len; v++)
    {
      GtkWidget *cell = g_ptr_array_index (cells, v);

      if (v == self->choices[field])
        gtk_widget_add_css_class (cell, "chosen");
      else
        gtk_widget_remove_css_class (cell, "chosen");
    }
}

static void
on_choice_toggled (GtkCheckButton      *button,
                   BansoConflictDialog *self)
{
  guint field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "banso-field"));
  guint version = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "banso-version"));

  if (!gtk_check_button_get_active (button))
    return;
  self->choices[field] = version;
  update_chosen (self, field);
  show_error (self, NULL);
}

static void
build_table (BansoConflictDialog *self)
{
  guint n_versions = self->versions->versions->len;
  GtkWidget *child;
  guint row = 1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->choices, g_free);

  self->cells = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  self->choices = g_new0 (guint, self->fields->len);

  gtk_grid_attach (self->grid, make_cell (gtk_label_new (""), FALSE), 0, 0, 1, 1);
  for (guint v = 0; v < n_versions; v++)
    {
      g_autofree char *label = version_label (v);
      GtkWidget *heading = gtk_label_new (label);

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_widget_add_css_class (heading, "heading");
      gtk_grid_attach (self->grid, make_cell (heading, FALSE), v + 1, 0, 1, 1);
    }

  for (guint f = 0; f < self->fields->len; f++, row++)
    {
      const BansoConflictField *field = g_ptr_array_index (self->fields, f);
      GPtrArray *cells = g_ptr_array_new ();
      GtkWidget *name = gtk_label_new (field->label);
      GtkCheckButton *group = NULL;

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_yalign (GTK_LABEL (name), 0);
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 18);
      gtk_widget_add_css_class (name, "conflict-field");
      child = make_cell (name, field->differs);
      gtk_widget_set_hexpand (child, FALSE);
      gtk_grid_attach (self->grid, child, 0, row, 1, 1);
      g_ptr_array_add (self->cells, cells);

      if (!field->differs)
        {
          /* The same in every version: said once, across the columns. */
          const char *value = g_ptr_array_index (field->values, 0);
          GtkWidget *label = make_value_label (value);

          gtk_widget_add_css_class (label, "dim-label");
          gtk_widget_set_tooltip_text (label, _("The same in every version"));
          gtk_grid_attach (self->grid, make_cell (label, FALSE), 1, row, n_versions, 1);
          continue;
        }

      for (guint v = 0; v < n_versions; v++)
        {
          const char *value = g_ptr_array_index (field->values, v);
          /* One choice of several: a radio button to screen readers too. */
          GtkWidget *button = g_object_new (GTK_TYPE_CHECK_BUTTON,
                                            "accessible-role", GTK_ACCESSIBLE_ROLE_RADIO,
                                            NULL);
          g_autofree char *version = version_label (v);
          g_autofree char *accessible = g_strdup_printf ("%s: %s", field->label, version);
          GtkWidget *cell;

          gtk_check_button_set_child (GTK_CHECK_BUTTON (button), make_value_label (value));
          if (group == NULL)
            group = GTK_CHECK_BUTTON (button);
          else
            gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (button), v == 0);
          gtk_widget_set_valign (button, GTK_ALIGN_START);
          g_object_set_data (G_OBJECT (button), "banso-field", GUINT_TO_POINTER (f));
          g_object_set_data (G_OBJECT (button), "banso-version", GUINT_TO_POINTER (v));
          g_signal_connect (button, "toggled", G_CALLBACK (on_choice_toggled), self);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                          value ? value : _("(not set)"),
                                          -1);
          cell = make_cell (button, TRUE);
          g_ptr_array_add (cells, cell);
          gtk_grid_attach (self->grid, cell, v + 1, row, 1, 1);
        }
      update_chosen (self, f);
    }
}

/* }}} */

/* Reading the versions, in a worker {{{ */

static void
versions_ready (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BansoConflictDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  BansoConflictVersions *versions;

  versions = banso_store_task_finish (BANSO_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (versions == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  g_clear_pointer (&self->versions, banso_conflict_versions_free);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  self->versions = versions;
  self->fields = banso_conflict_fields (versions);
  g_free (self->name);
  {
    JsonNode *winner = g_ptr_array_index (versions->versions, 0);
    g_autofree char *body = json_to_string (winner, FALSE);
    self->name = banso_conflict_name_from_body (versions->type, versions->id, body);
  }
  adw_window_title_set_subtitle (self->window_title, self->name);

  build_table (self);
  gtk_stack_set_visible_child_name (self->stack, "versions");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conflict.keep", TRUE);
}

/* }}} */

/* Keeping the chosen values {{{ */

static void
resolve_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(BansoConflictDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gpointer done;

  done = banso_store_task_finish (BANSO_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->saving = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conflict.keep", TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->grid), TRUE);

  if (done == NULL)
    {
      show_error (self, error ? error->message : _("The chosen values could not be kept."));
      return;
    }
  g_signal_emit (self, signals[RESOLVED], 0, self->name);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
keep_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BansoConflictDialog *self = BANSO_CONFLICT_DIALOG (widget);
  BansoUser *user = banso_context_get_user (self->context);
  g_autofree char *body = NULL;

  if (self->versions == NULL || self->saving)
    return;
  if (user == NULL)
    {
      show_error (self, _("Choose who you are working as in the Preferences first."));
      return;
    }

  body = banso_conflict_merge (self->versions, self->fields, self->choices);

  self->saving = TRUE;
  show_error (self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conflict.keep", FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->grid), FALSE);
  banso_conflict_resolve_async (banso_context_get_store (self->context), user,
                                self->versions->id, self->versions->winner_rev, body,
                                self->cancellable, resolve_done, g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* }}} */

static void
banso_conflict_dialog_dispose (GObject *object)
{
  BansoConflictDialog *self = (BansoConflictDialog *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BANSO_TYPE_CONFLICT_DIALOG);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->versions, banso_conflict_versions_free);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->choices, g_free);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (banso_conflict_dialog_parent_class)->dispose (object);
}

static void
banso_conflict_dialog_class_init (BansoConflictDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = banso_conflict_dialog_dispose;

  /**
   * BansoConflictDialog::resolved:
   * @name: what the record is called, for a toast
   *
   * The chosen values were kept and the conflict is over.
   */
  signals[RESOLVED] =
    g_signal_new ("resolved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/banso/Banso/ui/banso-conflict-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BansoConflictDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BansoConflictDialog, keep_button);
  gtk_widget_class_bind_template_child (widget_class, BansoConflictDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, BansoConflictDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, BansoConflictDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, BansoConflictDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, BansoConflictDialog, grid);

  gtk_widget_class_install_action (widget_class, "conflict.keep", NULL, keep_action);
  gtk_widget_class_install_action (widget_class, "conflict.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "conflict.cancel", NULL);
}

static void
banso_conflict_dialog_init (BansoConflictDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conflict.keep", FALSE);
}

/**
 * banso_conflict_dialog_new:
 * @parent: (nullable): the window it is for; the dialog fits inside it
 *
 * Returns: (transfer none): a dialog that reads the versions of @id
 */
GtkWindow *
banso_conflict_dialog_new (BansoContext *context,
                           const char   *id,
                           GtkWindow    *parent)
{
  BansoConflictDialog *self = g_object_new (BANSO_TYPE_CONFLICT_DIALOG, NULL);

  self->context = g_object_ref (context);
  self->id = g_strdup (id);
  self->name = g_strdup (id);

  if (parent != NULL)
    {
      int width = gtk_widget_get_width (GTK_WIDGET (parent));
      int height = gtk_widget_get_height (GTK_WIDGET (parent));

      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      /* Side by side needs room, but not more than the main window has. */
      if (width > 0 && height > 0)
        gtk_window_set_default_size (GTK_WINDOW (self), CLAMP (width - 48, 360, 1000),
                                     CLAMP (height - 48, 294, 720));
    }

  gtk_stack_set_visible_child_name (self->stack, "loading");
  banso_conflict_versions_read_async (banso_context_get_store (context), id, self->cancellable,
                                      versions_ready, g_object_ref (self));
  return GTK_WINDOW (self);
}
