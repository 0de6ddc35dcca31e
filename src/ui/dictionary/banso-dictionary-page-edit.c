/* banso-dictionary-page-edit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What lexicographers (and administrators) do from the Dictionary section:
 * add an entry, edit the one shown, delete it with Undo. Others only read;
 * a reference dictionary from the data center is read-only for everyone.
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-dict.h"
#include "banso-dict-entry-form.h"
#include "banso-dictionary-page-private.h"
#include "banso-store-async.h"
#include "banso-ui-utils.h"

static gboolean
may_edit (BansoDictionaryPage *self)
{
  BansoUser *user = self->context ? banso_context_get_user (self->context) : NULL;

  return user != NULL && banso_user_can_edit_dictionaries (user, NULL);
}

static BansoDictionaryInfo *
dictionary_of_shown (BansoDictionaryPage *self)
{
  const char *id;

  if (self->doc == NULL || self->doc->entry == NULL)
    return NULL;
  id = json_object_get_string_member_with_default (self->doc->entry, "dictionary", NULL);
  return _banso_dictionary_page_find (self, id);
}

void
_banso_dictionary_page_update_edit_actions (BansoDictionaryPage *self)
{
  BansoDictionaryInfo *info = dictionary_of_shown (self);
  gboolean editable = may_edit (self) && self->doc != NULL && (info == NULL || !info->reference);
  gboolean can_add = FALSE;

  for (guint i = 0; self->dictionaries && i < self->dictionaries->len; i++)
    can_add |= !((BansoDictionaryInfo *)g_ptr_array_index (self->dictionaries, i))->reference;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dictionary.edit", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dictionary.delete", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dictionary.add", may_edit (self) && can_add);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  BansoDictionaryPage *self = BANSO_DICTIONARY_PAGE (widget);
  GtkWindow *form;

  if (!may_edit (self))
    return;
  form = banso_dict_entry_form_new (self->context, self->dictionaries,
                                    _banso_dictionary_page_get_selected (self), NULL);
  gtk_window_set_transient_for (form, GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (form);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BansoDictionaryPage *self = BANSO_DICTIONARY_PAGE (widget);
  GtkWindow *form;

  if (!may_edit (self) || self->doc == NULL)
    return;
  form = banso_dict_entry_form_new (self->context, self->dictionaries, NULL, self->doc);
  gtk_window_set_transient_for (form, GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (form);
}

/* Delete with Undo {{{ */

static void
on_restored (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GtkWidget) widget = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = banso_store_task_finish (BANSO_STORE (source), result, &error);

  if (error != NULL)
    banso_widget_add_toast (widget, error->message);
  else
    banso_widget_add_toast (widget, _("Restored"));
}

static void
on_undo_clicked (AdwToast            *toast,
                 BansoDictionaryPage *self)
{
  BansoDictRemoval *removal = g_object_steal_data (G_OBJECT (toast), "removal");

  if (removal == NULL || self->context == NULL)
    return;
  banso_dict_entry_restore_async (banso_context_get_store (self->context),
                                  banso_context_get_user (self->context), removal, NULL,
                                  on_restored, g_object_ref (self));
}

static void
on_removed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BansoDictionaryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  BansoDictRemoval *removal = banso_store_task_finish (BANSO_STORE (source), result, &error);
  g_autofree char *headword = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (removal == NULL)
    {
      /* Translators: deleting a dictionary entry failed; then the reason. */
      g_autofree char *message = g_strdup_printf (_("Not deleted: %s"), error->message);

      banso_widget_add_toast (GTK_WIDGET (self), message);
      return;
    }

  headword = self->doc ? banso_dict_entry_headword (self->doc->entry) : NULL;
  /* Translators: a toast after a dictionary entry was deleted. */
  title = g_strdup_printf (_("“%s” deleted"), headword ? headword : "");
  g_clear_pointer (&self->doc, banso_dict_entry_doc_free);
  g_clear_pointer (&self->entry_id, g_free);
  banso_dict_entry_view_set_entry (self->entry_view, NULL);
  gtk_stack_set_visible_child_name (self->entry_stack, "none");
  _banso_dictionary_page_update_edit_actions (self);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  g_object_set_data_full (G_OBJECT (toast), "removal", removal,
                          (GDestroyNotify)banso_dict_removal_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), self, 0);
  banso_widget_show_toast (GTK_WIDGET (self), toast);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BansoDictionaryPage *self = BANSO_DICTIONARY_PAGE (widget);

  if (!may_edit (self) || self->doc == NULL)
    return;
  banso_dict_entry_remove_async (banso_context_get_store (self->context),
                                 banso_context_get_user (self->context), self->doc->id, NULL,
                                 on_removed, g_object_ref (self));
}

/* }}} */

void
_banso_dictionary_page_class_init_edit (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "dictionary.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "dictionary.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "dictionary.delete", NULL, delete_action);
}
