/* banso-prestige-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-household.h"
#include "banso-member-search.h"
#include "banso-records-tasks.h"
#include "banso-place-picker.h"
#include "banso-prestige-form.h"
#include "banso-store-async.h"
#include "banso-ui-utils.h"

/* A prestigious person: found in the household records and linked to the
 * member, or typed when the person's household is not recorded here. The
 * draft, the question before typing is thrown away, Save and closing are
 * BansoForm's. */
struct _BansoPrestigeForm
{
  BansoForm         parent_instance;

  BansoPrestige    *prestige;
  GCancellable     *cancellable;
  GPtrArray        *matches;

  GtkSearchEntry   *find_entry;
  GtkListBox       *match_list;
  AdwEntryRow      *name_row;
  AdwActionRow     *link_row;
  GtkButton        *unlink_button;
  GtkDropDown      *ethnic_drop;
  AdwEntryRow      *phone_row;
  BansoPlacePicker *place;
  GtkSpinButton    *year_spin;
  AdwEntryRow      *influence_row;
  AdwEntryRow      *notes_row;
  GtkLabel         *problem_label;
};

G_DEFINE_FINAL_TYPE (BansoPrestigeForm, banso_prestige_form, BANSO_TYPE_FORM)

static char *
entry_text (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  char *copy = g_strstrip (g_strdup (text ? text : ""));

  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

static BansoPrestige *
collect (BansoPrestigeForm *self)
{
  BansoPrestige *p = banso_prestige_copy (self->prestige);

  g_free (p->name);
  p->name = entry_text (self->name_row);
  g_free (p->ethnic);
  p->ethnic = g_strdup (banso_dropdown_get_code (self->ethnic_drop));
  g_free (p->phone);
  p->phone = entry_text (self->phone_row);
  g_free (p->commune);
  p->commune = g_strdup (banso_place_picker_get_commune (self->place));
  g_free (p->village);
  p->village = g_strdup (banso_place_picker_get_village (self->place));
  p->year = gtk_spin_button_get_value_as_int (self->year_spin);
  g_free (p->influence);
  p->influence = entry_text (self->influence_row);
  g_free (p->notes);
  p->notes = entry_text (self->notes_row);
  return p;
}

static char *
banso_prestige_form_to_json (BansoForm *form)
{
  g_autoptr(BansoPrestige) p = collect (BANSO_PRESTIGE_FORM (form));

  return banso_prestige_to_json (p);
}

/* The record's own rules; the first problem, with its field, is also shown
 * under the fields once a name was typed. */
static gpointer
banso_prestige_form_collect (BansoForm  *form,
                             GError    **error)
{
  BansoPrestigeForm *self = BANSO_PRESTIGE_FORM (form);
  g_autoptr(BansoPrestige) p = collect (self);
  g_autoptr(GError) local_error = NULL;

  if (banso_prestige_validate (p, &local_error))
    {
      gtk_label_set_text (self->problem_label, "");
      return g_steal_pointer (&p);
    }
  gtk_label_set_text (self->problem_label, p->name ? local_error->message : "");
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

static void
on_changed (BansoPrestigeForm *self)
{
  banso_form_changed (BANSO_FORM (self));
}

static void
update_link (BansoPrestigeForm *self)
{
  gboolean linked = self->prestige->household != NULL;

  adw_action_row_set_subtitle (self->link_row, linked ? self->prestige->name : _("Not linked"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->unlink_button), linked);
}

static void
on_unlink_clicked (GtkButton         *button,
                   BansoPrestigeForm *self)
{
  g_clear_pointer (&self->prestige->household, g_free);
  g_clear_pointer (&self->prestige->member, g_free);
  update_link (self);
  on_changed (self);
}

static void
members_found (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(BansoPrestigeForm) self = user_data;
  g_autoptr(GPtrArray) matches = banso_store_task_finish (BANSO_STORE (object), result, NULL);
  GtkWidget *child;

  if (matches == NULL)
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->match_list))))
    gtk_list_box_remove (self->match_list, child);

  for (guint i = 0; i < matches->len; i++)
    {
      BansoMemberMatch *m = g_ptr_array_index (matches, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), m->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), m->place);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (i));
      gtk_list_box_append (self->match_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->match_list), matches->len > 0);

  g_clear_pointer (&self->matches, g_ptr_array_unref);
  self->matches = g_steal_pointer (&matches);
}

static void
on_find_changed (GtkSearchEntry    *entry,
                 BansoPrestigeForm *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  BansoStore *store;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (text == NULL || g_utf8_strlen (text, -1) < 2)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->match_list), FALSE);
      return;
    }

  store = banso_context_get_store (banso_form_get_context (BANSO_FORM (self)));
  banso_member_find_async (store, text, 8, self->cancellable, members_found, g_object_ref (self));
}

static void
on_match_activated (GtkListBox        *list,
                    GtkListBoxRow     *row,
                    BansoPrestigeForm *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index"));
  BansoMemberMatch *m;

  if (self->matches == NULL || index >= self->matches->len)
    return;
  m = g_ptr_array_index (self->matches, index);

  g_free (self->prestige->household);
  self->prestige->household = g_strdup (m->household);
  g_free (self->prestige->member);
  self->prestige->member = g_strdup (m->member);
  g_free (self->prestige->name);
  self->prestige->name = g_strdup (m->name);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), m->name);
  banso_dropdown_select_code (self->ethnic_drop, m->ethnic);
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), m->phone ? m->phone : "");
  banso_place_picker_set_place (self->place, m->commune, m->village);
  gtk_editable_set_text (GTK_EDITABLE (self->find_entry), "");
  gtk_widget_set_visible (GTK_WIDGET (self->match_list), FALSE);
  update_link (self);
  on_changed (self);
}

static char *
banso_prestige_form_dup_saved_message (BansoForm *form)
{
  g_autofree char *name = entry_text (BANSO_PRESTIGE_FORM (form)->name_row);

  return g_strdup_printf (_("Saved %s"), name);
}

static void
banso_prestige_form_dispose (GObject *object)
{
  BansoPrestigeForm *self = (BansoPrestigeForm *)object;

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->prestige, banso_prestige_free);
  g_clear_pointer (&self->matches, g_ptr_array_unref);

  G_OBJECT_CLASS (banso_prestige_form_parent_class)->dispose (object);
}

static void
banso_prestige_form_class_init (BansoPrestigeFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BansoFormClass *form_class = BANSO_FORM_CLASS (klass);

  object_class->dispose = banso_prestige_form_dispose;
  form_class->collect = banso_prestige_form_collect;
  form_class->to_json = banso_prestige_form_to_json;
  form_class->dup_saved_message = banso_prestige_form_dup_saved_message;
  banso_form_class_set_record (form_class, BANSO_PRESTIGE_TYPE, BANSO_TYPE_PRESTIGE,
                               (BansoFormSaveFunc)banso_prestige_save_async);

  g_type_ensure (BANSO_TYPE_PLACE_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/banso/Banso/ui/banso-prestige-form.ui");
  gtk_widget_class_bind_template_child (widget_class, BansoPrestigeForm, find_entry);
  gtk_widget_class_bind_template_child (widget_class, BansoPrestigeForm, match_list);
  gtk_widget_class_bind_template_child (widget_class, BansoPrestigeForm, name_row);
  gtk_widget_class_bind_template_child (widget_class, BansoPrestigeForm, link_row);
  gtk_widget_class_bind_template_child (widget_class, BansoPrestigeForm, unlink_button);
  gtk_widget_class_bind_template_child (widget_class, BansoPrestigeForm, ethnic_drop);
  gtk_widget_class_bind_template_child (widget_class, BansoPrestigeForm, phone_row);
  gtk_widget_class_bind_template_child (widget_class, BansoPrestigeForm, place);
  gtk_widget_class_bind_template_child (widget_class, BansoPrestigeForm, year_spin);
  gtk_widget_class_bind_template_child (widget_class, BansoPrestigeForm, influence_row);
  gtk_widget_class_bind_template_child (widget_class, BansoPrestigeForm, notes_row);
  gtk_widget_class_bind_template_child (widget_class, BansoPrestigeForm, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_unlink_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_find_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_match_activated);
}

static void
banso_prestige_form_init (BansoPrestigeForm *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

static GtkWindow *
form_new (BansoContext        *context,
          const BansoPrestige *prestige,
          const char          *draft_key)
{
  BansoPrestigeForm *self = g_object_new (BANSO_TYPE_PRESTIGE_FORM, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  banso_form_begin_load (BANSO_FORM (self), context);
  self->prestige = prestige ? banso_prestige_copy (prestige) : banso_prestige_new ();

  banso_dropdown_set_items (self->ethnic_drop, banso_context_get_ethnic_groups (context),
                            _("Not stated"));
  banso_place_picker_set_context (self->place, context);
  g_signal_connect_object (self->place, "ready", G_CALLBACK (banso_form_revalidate), self,
                           G_CONNECT_SWAPPED);
  banso_place_picker_set_place (self->place, self->prestige->commune, self->prestige->village);
  gtk_spin_button_set_range (self->year_spin, 1990, g_date_time_get_year (now));
  gtk_spin_button_set_value (self->year_spin,
                             self->prestige->year ? self->prestige->year : g_date_time_get_year (now));

  if (prestige != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), prestige->name ? prestige->name : "");
      banso_dropdown_select_code (self->ethnic_drop, prestige->ethnic);
      gtk_editable_set_text (GTK_EDITABLE (self->phone_row), prestige->phone ? prestige->phone : "");
      gtk_editable_set_text (GTK_EDITABLE (self->influence_row),
                             prestige->influence ? prestige->influence : "");
      gtk_editable_set_text (GTK_EDITABLE (self->notes_row), prestige->notes ? prestige->notes : "");
    }

  gtk_window_set_title (GTK_WINDOW (self),
                        self->prestige->rev ? _("Edit Prestigious Person")
                                            : _("New Prestigious Person"));
  update_link (self);
  banso_form_end_load (BANSO_FORM (self), self->prestige->id, self->prestige->rev, draft_key);
  return GTK_WINDOW (self);
}

GtkWindow *
banso_prestige_form_new (BansoContext        *context,
                         const BansoPrestige *prestige)
{
  g_return_val_if_fail (BANSO_IS_CONTEXT (context), NULL);

  return form_new (context, prestige, NULL);
}

/**
 * banso_prestige_form_new_from_draft:
 *
 * Reopens a form that was being filled when the app last stopped.
 */
GtkWindow *
banso_prestige_form_new_from_draft (BansoContext *context,
                                    const char   *draft_key,
                                    const char   *draft_body)
{
  g_autofree char *id = NULL;
  g_autofree char *rev = NULL;
  g_autofree char *json = banso_form_read_draft (BANSO_PRESTIGE_TYPE, draft_key, draft_body,
                                                 &id, &rev);
  g_autoptr(BansoPrestige) p = NULL;

  g_return_val_if_fail (BANSO_IS_CONTEXT (context), NULL);

  if (json == NULL || (p = banso_prestige_from_json (json, NULL)) == NULL)
    return NULL;
  g_free (p->id);
  p->id = g_steal_pointer (&id);
  g_free (p->rev);
  p->rev = g_steal_pointer (&rev);

  return form_new (context, p, draft_key);
}
