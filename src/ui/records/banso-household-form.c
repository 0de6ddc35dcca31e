/* banso-household-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-household-form.h"
#include "banso-household-store.h"
#include "banso-member-row.h"
#include "banso-records-tasks.h"
#include "banso-place-picker.h"
#include "banso-ui-utils.h"
#include "banso-validate.h"

/* The household form: its fields. The draft, the question before typing is
 * thrown away, Save and closing are BansoForm's. */
struct _BansoHouseholdForm
{
  BansoForm       parent_instance;

  BansoPlacePicker *place;
  AdwEntryRow    *address_row;
  GtkListBox     *members_list;
  GtkLabel       *members_error;
  GtkListBox     *poverty_list;
  GtkTextView    *notes_view;
};

G_DEFINE_FINAL_TYPE (BansoHouseholdForm, banso_household_form, BANSO_TYPE_FORM)

/* Reading the form */

static BansoHousehold *
collect (BansoHouseholdForm *self)
{
  BansoHousehold *h = banso_household_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  g_autofree char *notes = NULL;
  const char *address;

  h->id = g_strdup (banso_form_get_doc_id (BANSO_FORM (self)));
  h->rev = g_strdup (banso_form_get_rev (BANSO_FORM (self)));
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

/* Validation: each field shows its own problem; here the form as a whole.
 * The error tells the first problem, and its field. */
static gboolean
validate (BansoHouseholdForm  *self,
          GError             **error)
{
  g_autoptr(GError) member_error = NULL;
  gboolean valid = TRUE;
  guint members = 0, heads = 0;
  const char *message = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->members_list));
       child; child = gtk_widget_get_next_sibling (child))
    {
      if (!BANSO_IS_MEMBER_ROW (child))
        continue;
      members++;
      if (!banso_member_row_validate (BANSO_MEMBER_ROW (child),
                                      member_error ? NULL : &member_error))
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
    g_set_error_literal (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_EMPTY,
                         _("Commune: choose the commune of the household."));
  else if (message != NULL)
    g_set_error (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_EMPTY, _("Members: %s"),
                 message);
  else if (member_error != NULL)
    g_propagate_error (error, g_steal_pointer (&member_error));
  else
    return valid;
  return FALSE;
}

/**
 * banso_household_form_is_valid:
 *
 * Returns: whether the household can be saved as the form shows it
 */
gboolean
banso_household_form_is_valid (BansoHouseholdForm *self)
{
  g_return_val_if_fail (BANSO_IS_HOUSEHOLD_FORM (self), FALSE);
  return validate (self, NULL);
}

static gpointer
banso_household_form_collect (BansoForm  *form,
                              GError    **error)
{
  BansoHouseholdForm *self = BANSO_HOUSEHOLD_FORM (form);

  return validate (self, error) ? collect (self) : NULL;
}

static char *
banso_household_form_to_json (BansoForm *form)
{
  g_autoptr(BansoHousehold) h = collect (BANSO_HOUSEHOLD_FORM (form));
  g_autoptr(GString) json = g_string_new (NULL);

  banso_household_to_json (h, json);
  return g_string_free (g_steal_pointer (&json), FALSE);
}

static void
on_changed (BansoHouseholdForm *self)
{
  banso_form_changed (BANSO_FORM (self));
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
  BansoContext *context = banso_form_get_context (BANSO_FORM (self));
  BansoMemberRow *row = banso_member_row_new (banso_context_get_ethnic_groups (context), member);

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

/* Save */

static char *
banso_household_form_dup_saved_message (BansoForm *form)
{
  g_autoptr(BansoHousehold) saved = collect (BANSO_HOUSEHOLD_FORM (form));
  BansoMember *head = banso_household_get_head (saved);

  if (head == NULL)
    return NULL;
  /* Translators: the name of the head of household. */
  return g_strdup_printf (_("Saved the household of %s"), head->name);
}

static void
banso_household_form_class_init (BansoHouseholdFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BansoFormClass *form_class = BANSO_FORM_CLASS (klass);

  form_class->collect = banso_household_form_collect;
  form_class->to_json = banso_household_form_to_json;
  form_class->dup_saved_message = banso_household_form_dup_saved_message;
  banso_form_class_set_record (form_class, BANSO_HOUSEHOLD_TYPE, BANSO_TYPE_HOUSEHOLD,
                               (BansoFormSaveFunc)banso_household_save_async);

  g_type_ensure (BANSO_TYPE_PLACE_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/banso/Banso/ui/banso-household-form.ui");
  gtk_widget_class_bind_template_child (widget_class, BansoHouseholdForm, place);
  gtk_widget_class_bind_template_child (widget_class, BansoHouseholdForm, address_row);
  gtk_widget_class_bind_template_child (widget_class, BansoHouseholdForm, members_list);
  gtk_widget_class_bind_template_child (widget_class, BansoHouseholdForm, members_error);
  gtk_widget_class_bind_template_child (widget_class, BansoHouseholdForm, poverty_list);
  gtk_widget_class_bind_template_child (widget_class, BansoHouseholdForm, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);

  gtk_widget_class_install_action (widget_class, "form.add-member", NULL, add_member_action);
  gtk_widget_class_install_action (widget_class, "form.add-year", NULL, add_year_action);
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

/* Why the user may not change this household, naming its commune. */
static void
explain_read_only (BansoHouseholdForm *self)
{
  BansoUser *user = banso_context_get_user (banso_form_get_context (BANSO_FORM (self)));
  g_autofree char *name = banso_place_picker_dup_commune_name (self->place);
  g_autofree char *reason = NULL;
  g_autoptr(GError) error = NULL;

  if (banso_user_get_role (user) == BANSO_ROLE_COMMUNE_OFFICIAL)
    reason = g_strdup_printf (_("This household is in %s, which is not one of your communes: you may look at it but not change it."),
                              name ? name : banso_place_picker_get_commune (self->place));
  else if (!banso_user_can_edit_records (user, NULL, &error))
    reason = g_strdup (error->message);
  banso_form_set_read_only (BANSO_FORM (self), reason);
}

static BansoHouseholdForm *
form_new (BansoContext         *context,
          const BansoHousehold *h,
          const char           *draft_key)
{
  BansoHouseholdForm *self = g_object_new (BANSO_TYPE_HOUSEHOLD_FORM, NULL);

  banso_form_begin_load (BANSO_FORM (self), context);
  banso_place_picker_set_context (self->place, context);
  g_signal_connect_object (self->place, "ready", G_CALLBACK (banso_form_revalidate), self,
                           G_CONNECT_SWAPPED);

  if (h != NULL)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);

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

  gtk_window_set_title (GTK_WINDOW (self),
                        h && h->rev ? _("Edit Household") : _("New Household"));
  /* A new household starts with the row of its head. */
  if (h == NULL)
    add_member_action (GTK_WIDGET (self), NULL, NULL);
  banso_form_end_load (BANSO_FORM (self), h ? h->id : NULL, h ? h->rev : NULL, draft_key);

  /* A household outside the user's scope opens read-only, with the reason,
   * instead of failing at Save. */
  if (h != NULL && h->rev != NULL &&
      !banso_user_can_edit_records (banso_context_get_user (context), h->commune, NULL))
    {
      explain_read_only (self);
      g_signal_connect_object (self->place, "ready", G_CALLBACK (explain_read_only), self,
                               G_CONNECT_SWAPPED);
    }
  return self;
}

GtkWindow *
banso_household_form_new (BansoContext         *context,
                          const BansoHousehold *household)
{
  g_return_val_if_fail (BANSO_IS_CONTEXT (context), NULL);

  return GTK_WINDOW (form_new (context, household, NULL));
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
  g_autofree char *id = NULL;
  g_autofree char *rev = NULL;
  g_autofree char *json = banso_form_read_draft (BANSO_HOUSEHOLD_TYPE, draft_key, draft_body,
                                                 &id, &rev);
  g_autoptr(BansoHousehold) h = NULL;

  g_return_val_if_fail (BANSO_IS_CONTEXT (context), NULL);

  if (json == NULL || (h = banso_household_from_json (json, NULL)) == NULL)
    return NULL;
  g_free (h->id);
  h->id = g_steal_pointer (&id);
  g_free (h->rev);
  h->rev = g_steal_pointer (&rev);

  return GTK_WINDOW (form_new (context, h, draft_key));
}
