/* banso-household-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-drafts.h"
#include "banso-household-form.h"
#include "banso-household-store.h"
#include "banso-member-row.h"
#include "banso-records-tasks.h"
#include "banso-place-picker.h"
#include "banso-store-async.h"
#include "banso-ui-utils.h"

#define DRAFT_DELAY_MS 400

/* The household form. What is typed is kept as a draft in the database a
 * moment after each change, so that closing the window, the app or the power
 * loses nothing; the draft goes when the household is saved or the user
 * discards it.
 */
struct _BansoHouseholdForm
{
  AdwWindow       parent_instance;

  BansoContext   *context;
  char           *id;
  char           *rev;
  char           *draft_key;
  guint           draft_source;
  gboolean        loading;
  gboolean        dirty;
  gboolean        saving;

  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;
  BansoPlacePicker *place;
  AdwEntryRow    *address_row;
  GtkListBox     *members_list;
  GtkLabel       *members_error;
  GtkListBox     *poverty_list;
  GtkTextView    *notes_view;
};

G_DEFINE_FINAL_TYPE (BansoHouseholdForm, banso_household_form, ADW_TYPE_WINDOW)

static void on_changed (BansoHouseholdForm *self);

/* Reading the form */

static BansoHousehold *
collect (BansoHouseholdForm *self)
{
  BansoHousehold *h = banso_household_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  g_autofree char *notes = NULL;
  const char *address;

  h->id = g_strdup (self->id);
  h->rev = g_strdup (self->rev);
  h->commune = g_strdup (banso_place_picker_get_commune (self->place));
  h->village = g_strdup (banso_place_picker_get_village (self->place));
  address = gtk_editable_get_text (GTK_EDITABLE (self->address_row));
  if (address && *address)
    h->address = g_strstrip (g_strdup (address));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->members_list));
       child; child = gtk_widget_get_next_sibling (child))
    if (BANSO_IS_MEMBER_ROW (child))
      g_ptr_array_add (h->members, banso_member_row_dup_member (BANSO_MEMBER_ROW (child)));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->poverty_list));
       child; child = gtk_widget_get_next_sibling (child))
    {
      GtkSpinButton *year = g_object_get_data (G_OBJECT (child), "year");
      GtkDropDown *status = g_object_get_data (G_OBJECT (child), "status");

      if (year && status)
        banso_household_set_poverty (h, gtk_spin_button_get_value_as_int (year),
                                     banso_poverty_from_string (banso_dropdown_get_code (status)));
    }

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (notes && *g_strstrip (notes))
    h->notes = g_steal_pointer (&notes);

  return h;
}

/* Validation: each field shows its own problem; here the form as a whole. */
gboolean
banso_household_form_is_valid (BansoHouseholdForm *self)
{
  gboolean valid = TRUE;
  guint members = 0, heads = 0;
  const char *message = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->members_list));
       child; child = gtk_widget_get_next_sibling (child))
    {
      if (!BANSO_IS_MEMBER_ROW (child))
        continue;
      members++;
      if (!banso_member_row_validate (BANSO_MEMBER_ROW (child)))
        valid = FALSE;
      if (g_strcmp0 (banso_member_row_get_relation (BANSO_MEMBER_ROW (child)), "head") == 0)
        heads++;
    }

  if (members == 0)
    message = _("Add the head of household.");
  else if (heads == 0)
    message = _("Mark one member as head of household.");
  else if (heads > 1)
    message = _("Only one member can be head of household.");

  gtk_label_set_text (self->members_error, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->members_error), message != NULL && members > 0);

  if (banso_place_picker_get_commune (self->place) == NULL)
    valid = FALSE;

  return valid && message == NULL;
}

static void
update_save (BansoHouseholdForm *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.save",
                                 !self->saving && banso_household_form_is_valid (self));
}

/* Drafts */

static char *
draft_body (BansoHouseholdForm *self)
{
  g_autoptr(BansoHousehold) h = collect (self);
  g_autoptr(GString) json = g_string_new (NULL);

  banso_household_to_json (h, json);
  return banso_draft_wrap ("household", self->rev, json->str);
}

static gboolean
save_draft_now (gpointer data)
{
  BansoHouseholdForm *self = data;
  g_autofree char *body = draft_body (self);

  self->draft_source = 0;
  banso_draft_keep_async (banso_context_get_store (self->context),
                          banso_context_get_user (self->context), self->draft_key,
                          "household", self->id, body);
  return G_SOURCE_REMOVE;
}

static void
forget_draft (BansoHouseholdForm *self)
{
  g_clear_handle_id (&self->draft_source, g_source_remove);
  banso_draft_keep_async (banso_context_get_store (self->context),
                          banso_context_get_user (self->context), self->draft_key,
                          "household", self->id, NULL);
}

static void
on_changed (BansoHouseholdForm *self)
{
  if (self->loading)
    return;

  self->dirty = TRUE;
  update_save (self);
  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->draft_source = g_timeout_add (DRAFT_DELAY_MS, save_draft_now, self);
}

/* Members and years */

static void
on_remove_member (BansoMemberRow     *row,
                  BansoHouseholdForm *self)
{
  gtk_list_box_remove (self->members_list, GTK_WIDGET (row));
  on_changed (self);
}

static BansoMemberRow *
add_member_row (BansoHouseholdForm *self,
                const BansoMember  *member)
{
  BansoMemberRow *row = banso_member_row_new (banso_context_get_ethnic_groups (self->context),
                                              member);

  g_signal_connect_object (row, "changed", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove-requested", G_CALLBACK (on_remove_member), self, 0);
  gtk_list_box_append (self->members_list, GTK_WIDGET (row));
  return row;
}

static void
add_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BansoHouseholdForm *self = BANSO_HOUSEHOLD_FORM (widget);
  g_autoptr(BansoMember) member = banso_member_new ();
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->members_list));
  BansoMemberRow *row;

  /* The first member is the head; the rest are most often children. */
  member->relation = g_strdup (first == NULL ? "head" : "child");
  if (first == NULL)
    member->sex = BANSO_SEX_UNKNOWN;
  row = add_member_row (self, member);
  banso_member_row_focus_name (row);
  on_changed (self);
}

static void
on_remove_year (GtkButton          *button,
                BansoHouseholdForm *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  gtk_list_box_remove (self->poverty_list, row);
  on_changed (self);
}

static void
add_year_row (BansoHouseholdForm *self,
              int                 year,
              BansoPoverty        status)
{
  static const char *codes[] = { "poor", "near-poor", "not-poor", "unknown", NULL };
  const char *labels[] = {
    banso_poverty_get_label (BANSO_POVERTY_POOR),
    banso_poverty_get_label (BANSO_POVERTY_NEAR_POOR),
    banso_poverty_get_label (BANSO_POVERTY_NOT_POOR),
    banso_poverty_get_label (BANSO_POVERTY_UNKNOWN),
    NULL,
  };
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (2000, 2100, 1);
  GtkWidget *drop = gtk_drop_down_new (NULL, NULL);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Year"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), year);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (drop, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Year"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Year of review"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Poverty status"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove Year"), -1);
  banso_dropdown_set_pairs (GTK_DROP_DOWN (drop), codes, labels);
  banso_dropdown_select_code (GTK_DROP_DOWN (drop), banso_poverty_to_string (status));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), drop);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  g_object_set_data (G_OBJECT (row), "year", spin);
  g_object_set_data (G_OBJECT (row), "status", drop);

  g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drop, "notify::selected", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_year), self, 0);
  gtk_list_box_append (self->poverty_list, row);
}

static void
add_year_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BansoHouseholdForm *self = BANSO_HOUSEHOLD_FORM (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  add_year_row (self, g_date_time_get_year (now), BANSO_POVERTY_NOT_POOR);
  on_changed (self);
}

/* Save and cancel */

static void
household_saved (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(BansoHouseholdForm) self = user_data;
  g_autoptr(BansoHousehold) saved = NULL;
  g_autoptr(GError) error = NULL;
  BansoMember *head;

  banso_store_task_finish (BANSO_STORE (object), result, &error);
  self->saving = FALSE;

  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Not saved: %s"), error->message);
      gtk_label_set_text (self->error_label, text);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
      update_save (self);
      return;
    }

  saved = collect (self);
  head = banso_household_get_head (saved);
  if (head != NULL)
    {
      /* Translators: the name of the head of household. */
      g_autofree char *text = g_strdup_printf (_("Saved the household of %s"), head->name);
      banso_widget_add_toast (GTK_WIDGET (self), text);
    }
  self->dirty = FALSE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BansoHouseholdForm *self = BANSO_HOUSEHOLD_FORM (widget);
  g_autoptr(BansoHousehold) household = NULL;

  if (!banso_household_form_is_valid (self) || self->saving)
    return;

  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->saving = TRUE;
  update_save (self);
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);

  household = collect (self);
  banso_household_save_async (banso_context_get_store (self->context),
                              banso_context_get_user (self->context), household,
                              self->draft_key, NULL, household_saved, g_object_ref (self));
}

static void
on_discard_response (AdwMessageDialog   *dialog,
                     const char         *response,
                     BansoHouseholdForm *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  forget_draft (self);
  self->dirty = FALSE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BansoHouseholdForm *self = BANSO_HOUSEHOLD_FORM (widget);
  GtkWidget *dialog;

  if (!self->dirty)
    {
      forget_draft (self);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard Changes?"),
                                   _("What you typed in this form will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"), "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
banso_household_form_close_request (GtkWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "form.cancel", NULL);
  return TRUE;
}

static void
banso_household_form_dispose (GObject *object)
{
  BansoHouseholdForm *self = (BansoHouseholdForm *)object;

  /* Closing with unsaved typing (the app quitting) writes the draft at once. */
  if (self->draft_source != 0)
    {
      g_clear_handle_id (&self->draft_source, g_source_remove);
      save_draft_now (self);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), BANSO_TYPE_HOUSEHOLD_FORM);
  g_clear_object (&self->context);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->rev, g_free);
  g_clear_pointer (&self->draft_key, g_free);

  G_OBJECT_CLASS (banso_household_form_parent_class)->dispose (object);
}

static void
banso_household_form_class_init (BansoHouseholdFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = banso_household_form_dispose;
  window_class->close_request = banso_household_form_close_request;

  g_type_ensure (BANSO_TYPE_PLACE_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/banso/Banso/ui/banso-household-form.ui");
  gtk_widget_class_bind_template_child (widget_class, BansoHouseholdForm, window_title);
  gtk_widget_class_bind_template_child (widget_class, BansoHouseholdForm, save_button);
  gtk_widget_class_bind_template_child (widget_class, BansoHouseholdForm, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, BansoHouseholdForm, error_label);
  gtk_widget_class_bind_template_child (widget_class, BansoHouseholdForm, place);
  gtk_widget_class_bind_template_child (widget_class, BansoHouseholdForm, address_row);
  gtk_widget_class_bind_template_child (widget_class, BansoHouseholdForm, members_list);
  gtk_widget_class_bind_template_child (widget_class, BansoHouseholdForm, members_error);
  gtk_widget_class_bind_template_child (widget_class, BansoHouseholdForm, poverty_list);
  gtk_widget_class_bind_template_child (widget_class, BansoHouseholdForm, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);

  gtk_widget_class_install_action (widget_class, "form.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "form.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "form.add-member", NULL, add_member_action);
  gtk_widget_class_install_action (widget_class, "form.add-year", NULL, add_year_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "form.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "form.cancel", NULL);
}

static void
on_notes_changed (BansoHouseholdForm *self)
{
  on_changed (self);
}

static void
banso_household_form_init (BansoHouseholdForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (on_notes_changed), self, G_CONNECT_SWAPPED);
}

static BansoHouseholdForm *
form_new (BansoContext         *context,
          const BansoHousehold *h,
          const char           *draft_key)
{
  BansoHouseholdForm *self = g_object_new (BANSO_TYPE_HOUSEHOLD_FORM, NULL);

  self->context = g_object_ref (context);
  self->loading = TRUE;
  banso_place_picker_set_context (self->place, context);
  g_signal_connect_object (self->place, "ready", G_CALLBACK (update_save), self,
                           G_CONNECT_SWAPPED);

  if (h != NULL)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);

      self->id = g_strdup (h->id);
      self->rev = g_strdup (h->rev);
      banso_place_picker_set_place (self->place, h->commune, h->village);
      gtk_editable_set_text (GTK_EDITABLE (self->address_row), h->address ? h->address : "");
      for (guint i = 0; i < h->members->len; i++)
        add_member_row (self, g_ptr_array_index (h->members, i));
      for (guint i = 0; i < h->poverty->len; i++)
        {
          BansoPovertyYear *p = &g_array_index (h->poverty, BansoPovertyYear, i);
          add_year_row (self, p->year, p->status);
        }
      gtk_text_buffer_set_text (buffer, h->notes ? h->notes : "", -1);
    }
  else
    {
      banso_place_picker_set_place (self->place, NULL, NULL);
    }

  self->draft_key = draft_key ? g_strdup (draft_key)
                              : banso_draft_key_new ("household", self->id);

  adw_window_title_set_title (self->window_title,
                              self->rev ? _("Edit Household") : _("New Household"));
  gtk_window_set_title (GTK_WINDOW (self), self->rev ? _("Edit Household") : _("New Household"));
  self->loading = FALSE;
  update_save (self);
  return self;
}

GtkWindow *
banso_household_form_new (BansoContext         *context,
                          const BansoHousehold *household)
{
  BansoHouseholdForm *self = form_new (context, household, NULL);

  if (household == NULL)
    {
      add_member_action (GTK_WIDGET (self), NULL, NULL);
      self->dirty = FALSE;
      g_clear_handle_id (&self->draft_source, g_source_remove);
    }
  return GTK_WINDOW (self);
}

/**
 * banso_household_form_new_from_draft:
 *
 * Reopens a form that was being filled when the app last stopped.
 */
GtkWindow *
banso_household_form_new_from_draft (BansoContext *context,
                                     const char   *draft_key,
                                     const char   *draft_body)
{
  g_autofree char *rev = NULL;
  g_autofree char *json = banso_draft_unwrap (draft_body, "household", &rev);
  g_autoptr(BansoHousehold) h = NULL;
  BansoHouseholdForm *self;

  if (json == NULL || (h = banso_household_from_json (json, NULL)) == NULL)
    return NULL;

  h->rev = g_steal_pointer (&rev);
  h->id = banso_draft_key_doc_id (draft_key, "household");

  self = form_new (context, h, draft_key);
  self->dirty = TRUE;
  update_save (self);
  return GTK_WINDOW (self);
}
