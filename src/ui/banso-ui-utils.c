/* banso-ui-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <adwaita.h>

#include "banso-reference.h"
#include "banso-ui-utils.h"

/* Drop-downs show names and hand back codes: the codes ride along as data on
 * the widget, in the same order as the names of its string list.
 */
static void
set_model (GtkDropDown *dropdown,
           GPtrArray   *codes,
           GPtrArray   *labels)
{
  g_autoptr(GtkStringList) list = NULL;
  g_autoptr(GtkExpression) expression = NULL;

  g_ptr_array_add (codes, NULL);
  g_ptr_array_add (labels, NULL);
  list = gtk_string_list_new ((const char * const *)labels->pdata);
  g_object_set_data_full (G_OBJECT (dropdown), "banso-codes",
                          g_strdupv ((char **)codes->pdata), (GDestroyNotify)g_strfreev);

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (dropdown, expression);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_enable_search (dropdown, labels->len > 12);
}

void
banso_dropdown_set_items (GtkDropDown *dropdown,
                          GPtrArray   *items,
                          const char  *first_label)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  if (first_label != NULL)
    {
      g_ptr_array_add (codes, (gpointer)"");
      g_ptr_array_add (labels, (gpointer)first_label);
    }
  for (guint i = 0; items && i < items->len; i++)
    {
      BansoRefItem *item = g_ptr_array_index (items, i);
      g_ptr_array_add (codes, item->code);
      g_ptr_array_add (labels, item->name);
    }
  set_model (dropdown, codes, labels);
}

void
banso_dropdown_set_pairs (GtkDropDown        *dropdown,
                          const char * const *codes,
                          const char * const *labels)
{
  g_autoptr(GPtrArray) c = g_ptr_array_new ();
  g_autoptr(GPtrArray) l = g_ptr_array_new ();

  for (guint i = 0; codes[i]; i++)
    {
      g_ptr_array_add (c, (gpointer)codes[i]);
      g_ptr_array_add (l, (gpointer)labels[i]);
    }
  set_model (dropdown, c, l);
}

const char *
banso_dropdown_get_code (GtkDropDown *dropdown)
{
  char **codes = g_object_get_data (G_OBJECT (dropdown), "banso-codes");
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (codes == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected >= g_strv_length (codes))
    return NULL;
  return *codes[selected] ? codes[selected] : NULL;
}

gboolean
banso_dropdown_select_code (GtkDropDown *dropdown,
                            const char  *code)
{
  char **codes = g_object_get_data (G_OBJECT (dropdown), "banso-codes");

  for (guint i = 0; codes && codes[i]; i++)
    if (g_strcmp0 (codes[i], code ? code : "") == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return TRUE;
      }
  return FALSE;
}

/* Shows a field's problem next to it, and tells screen readers about it too. */
void
banso_field_set_error (GtkWidget    *field,
                       GtkLabel     *label,
                       const GError *error)
{
  if (error != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_label_set_text (label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_label_set_text (label, "");
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* Windows keep their toast overlay as data, so that dialogs can reach the main
 * window's overlay through their transient parent. */
void
banso_widget_show_toast (GtkWidget *widget,
                         AdwToast  *toast)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwToastOverlay *overlay = NULL;

  while (GTK_IS_WINDOW (root) && overlay == NULL)
    {
      overlay = g_object_get_data (G_OBJECT (root), "banso-toast-overlay");
      if (overlay == NULL)
        root = (GtkRoot *)gtk_window_get_transient_for (GTK_WINDOW (root));
    }

  if (overlay == NULL)
    {
      g_message ("%s", adw_toast_get_title (toast));
      g_object_unref (toast);
      return;
    }
  adw_toast_overlay_add_toast (overlay, toast);
}

void
banso_widget_add_toast (GtkWidget  *widget,
                        const char *title)
{
  banso_widget_show_toast (widget, adw_toast_new (title));
}
