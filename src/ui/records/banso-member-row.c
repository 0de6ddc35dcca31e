/* banso-member-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "banso-member-row.h"
#include "banso-ui-utils.h"
#include "banso-validate.h"

/* One member of a household in the form: every field is checked as it is
 * typed, and its problem is shown right under it. */
struct _BansoMemberRow
{
  GtkListBoxRow  parent_instance;

  char          *member_id;

  GtkEntry      *name_entry;
  GtkLabel      *name_error;
  GtkDropDown   *relation_drop;
  GtkDropDown   *sex_drop;
  GtkEntry      *birth_entry;
  GtkLabel      *birth_error;
  GtkDropDown   *ethnic_drop;
  GtkEntry      *citizen_entry;
  GtkLabel      *citizen_error;
  GtkEntry      *phone_entry;
  GtkLabel      *phone_error;
  GtkButton     *remove_button;
};

G_DEFINE_FINAL_TYPE (BansoMemberRow, banso_member_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  CHANGED,
  REMOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
text_of (GtkEntry *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static gboolean
is_blank (const char *text)
{
  for (; text && *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* The first problem of the row, with the field it is in. */
static void
set_first_error (GError     **error,
                 const char  *field,
                 GError      *field_error)
{
  if (field_error == NULL || error == NULL || *error != NULL)
    return;
  /* Translators: a field of a member, then what is wrong with it. */
  g_set_error (error, field_error->domain, field_error->code, _("%s: %s"), field,
               field_error->message);
}

/**
 * banso_member_row_validate:
 * @error: (nullable): the first problem, naming its field
 *
 * Checks every field, shows each problem next to its field.
 *
 * Returns: %TRUE when the member can be saved
 */
gboolean
banso_member_row_validate (BansoMemberRow  *self,
                           GError         **error)
{
  g_autoptr(GError) name_error = NULL;
  g_autoptr(GError) birth_error = NULL;
  g_autoptr(GError) citizen_error = NULL;
  g_autoptr(GError) phone_error = NULL;
  const char *sex_code = banso_dropdown_get_code (self->sex_drop);
  int year = 0, month, day;

  banso_validate_person_name (text_of (self->name_entry), &name_error);
  if (!is_blank (text_of (self->birth_entry)))
    banso_validate_birth_date (text_of (self->birth_entry), &year, &month, &day, &birth_error);
  if (!is_blank (text_of (self->citizen_entry)))
    banso_validate_citizen_id (text_of (self->citizen_entry), year,
                               (int)banso_sex_from_string (sex_code), &citizen_error);
  if (!is_blank (text_of (self->phone_entry)))
    banso_validate_phone (text_of (self->phone_entry), NULL, &phone_error);

  /* An empty new row is not wrong yet: only say so once something was typed. */
  if (is_blank (text_of (self->name_entry)) && !gtk_widget_has_focus (GTK_WIDGET (self->name_entry)) &&
      g_object_get_data (G_OBJECT (self), "touched") == NULL)
    banso_field_set_error (GTK_WIDGET (self->name_entry), self->name_error, NULL);
  else
    banso_field_set_error (GTK_WIDGET (self->name_entry), self->name_error, name_error);
  banso_field_set_error (GTK_WIDGET (self->birth_entry), self->birth_error, birth_error);
  banso_field_set_error (GTK_WIDGET (self->citizen_entry), self->citizen_error, citizen_error);
  banso_field_set_error (GTK_WIDGET (self->phone_entry), self->phone_error, phone_error);

  set_first_error (error, _("Full name"), name_error);
  set_first_error (error, _("Date or year of birth"), birth_error);
  set_first_error (error, _("Citizen ID"), citizen_error);
  set_first_error (error, _("Phone"), phone_error);

  return name_error == NULL && birth_error == NULL && citizen_error == NULL &&
         phone_error == NULL;
}

/* Screen readers name each member row after the member. */
static void
update_accessible_name (BansoMemberRow *self)
{
  const char *name = text_of (self->name_entry);
  g_autofree char *label = NULL;

  label = is_blank (name) ? g_strdup (_("New member"))
                          : g_strdup_printf (_("Member %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
}

static void
on_field_changed (BansoMemberRow *self)
{
  update_accessible_name (self);
  if (!is_blank (text_of (self->name_entry)))
    g_object_set_data (G_OBJECT (self), "touched", GINT_TO_POINTER (1));
  banso_member_row_validate (self, NULL);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_remove_clicked (GtkButton      *button,
                   BansoMemberRow *self)
{
  g_signal_emit (self, signals[REMOVE_REQUESTED], 0);
}

static void
banso_member_row_dispose (GObject *object)
{
  BansoMemberRow *self = (BansoMemberRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BANSO_TYPE_MEMBER_ROW);
  g_clear_pointer (&self->member_id, g_free);

  G_OBJECT_CLASS (banso_member_row_parent_class)->dispose (object);
}

static void
banso_member_row_class_init (BansoMemberRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = banso_member_row_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REMOVE_REQUESTED] = g_signal_new ("remove-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/banso/Banso/ui/banso-member-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BansoMemberRow, name_entry);
  gtk_widget_class_bind_template_child (widget_class, BansoMemberRow, name_error);
  gtk_widget_class_bind_template_child (widget_class, BansoMemberRow, relation_drop);
  gtk_widget_class_bind_template_child (widget_class, BansoMemberRow, sex_drop);
  gtk_widget_class_bind_template_child (widget_class, BansoMemberRow, birth_entry);
  gtk_widget_class_bind_template_child (widget_class, BansoMemberRow, birth_error);
  gtk_widget_class_bind_template_child (widget_class, BansoMemberRow, ethnic_drop);
  gtk_widget_class_bind_template_child (widget_class, BansoMemberRow, citizen_entry);
  gtk_widget_class_bind_template_child (widget_class, BansoMemberRow, citizen_error);
  gtk_widget_class_bind_template_child (widget_class, BansoMemberRow, phone_entry);
  gtk_widget_class_bind_template_child (widget_class, BansoMemberRow, phone_error);
  gtk_widget_class_bind_template_child (widget_class, BansoMemberRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

static void
banso_member_row_init (BansoMemberRow *self)
{
  const char * const *relations = banso_relation_list ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  const char *sex_codes[] = { "", "male", "female", NULL };
  const char *sex_labels[] = {
    banso_sex_get_label (BANSO_SEX_UNKNOWN),
    banso_sex_get_label (BANSO_SEX_MALE),
    banso_sex_get_label (BANSO_SEX_FEMALE),
    NULL,
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; relations[i]; i++)
    g_ptr_array_add (labels, (gpointer)banso_relation_get_label (relations[i]));
  g_ptr_array_add (labels, NULL);
  banso_dropdown_set_pairs (self->relation_drop, relations, (const char * const *)labels->pdata);
  banso_dropdown_set_pairs (self->sex_drop, sex_codes, sex_labels);
}

static char *
display_birth (const char *birth)
{
  int y, m, d;

  if (birth == NULL)
    return g_strdup ("");
  if (sscanf (birth, "%d-%d-%d", &y, &m, &d) == 3)
    return g_strdup_printf ("%02d/%02d/%04d", d, m, y);
  return g_strdup (birth);
}

BansoMemberRow *
banso_member_row_new (GPtrArray         *ethnic_groups,
                      const BansoMember *member)
{
  BansoMemberRow *self = g_object_new (BANSO_TYPE_MEMBER_ROW, NULL);

  banso_dropdown_set_items (self->ethnic_drop, ethnic_groups, _("Not stated"));

  if (member != NULL)
    {
      g_autofree char *birth = display_birth (member->birth);

      self->member_id = g_strdup (member->id);
      gtk_editable_set_text (GTK_EDITABLE (self->name_entry), member->name ? member->name : "");
      banso_dropdown_select_code (self->relation_drop, member->relation);
      banso_dropdown_select_code (self->sex_drop, banso_sex_to_string (member->sex));
      gtk_editable_set_text (GTK_EDITABLE (self->birth_entry), birth);
      banso_dropdown_select_code (self->ethnic_drop, member->ethnic);
      gtk_editable_set_text (GTK_EDITABLE (self->citizen_entry),
                             member->citizen_id ? member->citizen_id : "");
      gtk_editable_set_text (GTK_EDITABLE (self->phone_entry), member->phone ? member->phone : "");
    }
  update_accessible_name (self);

  return self;
}

/**
 * banso_member_row_dup_member:
 *
 * Returns: (transfer full): the member as typed, with the birth date and the
 *   phone number in their stored forms when they are valid
 */
BansoMember *
banso_member_row_dup_member (BansoMemberRow *self)
{
  BansoMember *member = banso_member_new ();
  const char *birth = text_of (self->birth_entry);
  const char *citizen = text_of (self->citizen_entry);
  const char *phone = text_of (self->phone_entry);
  char *normalized = NULL;
  int y, m, d;

  if (self->member_id != NULL)
    {
      g_free (member->id);
      member->id = g_strdup (self->member_id);
    }
  member->name = g_strstrip (g_strdup (text_of (self->name_entry)));
  member->relation = g_strdup (banso_dropdown_get_code (self->relation_drop));
  member->sex = banso_sex_from_string (banso_dropdown_get_code (self->sex_drop));
  member->ethnic = g_strdup (banso_dropdown_get_code (self->ethnic_drop));

  if (banso_validate_birth_date (birth, &y, &m, &d, NULL))
    member->birth = m ? g_strdup_printf ("%04d-%02d-%02d", y, m, d) : g_strdup_printf ("%04d", y);
  else if (!is_blank (birth))
    member->birth = g_strdup (birth);

  if (!is_blank (citizen))
    member->citizen_id = g_strstrip (g_strdup (citizen));

  if (!is_blank (phone))
    member->phone = banso_validate_phone (phone, &normalized, NULL) ? normalized : g_strdup (phone);

  return member;
}

const char *
banso_member_row_get_relation (BansoMemberRow *self)
{
  return banso_dropdown_get_code (self->relation_drop);
}

void
banso_member_row_focus_name (BansoMemberRow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}
