/* banso-ui-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "banso-fold.h"

#include "banso-reference.h"
#include "banso-ui-utils.h"

/* Drop-downs show names and hand back codes: the codes ride along as data on
 * the widget, in the same order as the names of its string list.
 *
 * Their search finds a name by any part of it, folded as every search of
 * Banso (banso_fold()): "muong", "Mường", "xa muong" and "An" all find
 * "Xã Mường An". GtkDropDown's own search compares the beginnings of names
 * with its own normalisation; its expression here gives it, for a name that
 * matches, the search text itself, and for one that does not a string that
 * no search begins with, so that what it keeps is what the folded comparison keeps. The
 * labels come from a factory of their own.
 */

#define NO_MATCH_KEY "banso-no-match"

static GtkWidget *
find_search_entry (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_search_entry (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
folded_contains (const char *folded_name,
                 const char *folded_search)
{
  return *folded_search == '\0' || strstr (folded_name, folded_search) != NULL;
}

static char *
match_string (GtkStringObject *item,
              GtkDropDown     *dropdown)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dropdown), "banso-search-entry");
  const char *search = entry ? gtk_editable_get_text (entry) : "";
  g_autofree char *folded_search = NULL;
  g_autofree char *folded_name = NULL;

  if (item == NULL)
    return g_strdup ("");
  if (search == NULL || *search == '\0')
    return g_strdup (gtk_string_object_get_string (item));
  folded_search = banso_fold (search, -1);
  folded_name = banso_fold (gtk_string_object_get_string (item), -1);
  /* Not an empty string: GTK 4.8's string filter leaks the value of an item
   * whose string it cannot prepare. U+0001 is never the start of a search. */
  return g_strdup (folded_contains (folded_name, folded_search) ? search : "\x01");
}

/* Says so when the search finds nothing. */
static void
on_search_changed (GtkSearchEntry *entry,
                   GtkDropDown    *dropdown)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (dropdown), "banso-no-match-label");
  const char *format = g_object_get_data (G_OBJECT (dropdown), NO_MATCH_KEY);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (entry));
  GListModel *model = gtk_drop_down_get_model (dropdown);
  g_autofree char *folded_search = banso_fold (search, -1);
  guint n = 0;

  if (label == NULL)
    return;
  for (guint i = 0; model && i < g_list_model_get_n_items (model) && n == 0; i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);
      g_autofree char *folded_name = banso_fold (gtk_string_object_get_string (item), -1);

      n += folded_contains (folded_name, folded_search);
    }
  if (n == 0)
    {
      g_autofree char *text = NULL;

      /* The formats are the translated literals of banso_dropdown_set_no_match()'s callers. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      text = g_strdup_printf (format ? format : _("Nothing matches “%s”"), search);
#pragma GCC diagnostic pop
      gtk_label_set_text (label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (label), n == 0);
}

static void
set_expression (GtkDropDown *dropdown)
{
  g_autoptr(GtkExpression) expression =
    gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                 G_CALLBACK (match_string), dropdown, NULL);

  gtk_drop_down_set_expression (dropdown, expression);
}

/* The drop-down empties its search when it closes, without telling its
 * filter: a new expression makes the filter look at every name again. */
static void
on_entry_changed (GtkEditable *entry,
                  GtkDropDown *dropdown)
{
  const char *text = gtk_editable_get_text (entry);

  if (text == NULL || *text == '\0')
    set_expression (dropdown);
}

/* A closed drop-down opens again on every name. */
static void
on_popover_closed (GtkPopover  *popover,
                   GtkDropDown *dropdown)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dropdown), "banso-search-entry");

  if (entry != NULL && *gtk_editable_get_text (entry) != '\0')
    gtk_editable_set_text (entry, "");
  set_expression (dropdown);
}

static void
setup_search (GtkDropDown *dropdown)
{
  GtkWidget *entry;
  GtkWidget *label;
  GtkWidget *box;

  if (g_object_get_data (G_OBJECT (dropdown), "banso-search-entry") != NULL)
    return;
  entry = find_search_entry (GTK_WIDGET (dropdown));
  if (entry == NULL)
    return;
  g_object_set_data (G_OBJECT (dropdown), "banso-search-entry", entry);
  g_signal_connect_object (entry, "search-changed", G_CALLBACK (on_search_changed), dropdown, 0);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_entry_changed), dropdown, 0);
  for (GtkWidget *w = gtk_widget_get_parent (entry); w != NULL && w != GTK_WIDGET (dropdown);
       w = gtk_widget_get_parent (w))
    if (GTK_IS_POPOVER (w))
      {
        g_signal_connect_object (w, "closed", G_CALLBACK (on_popover_closed), dropdown,
                                 G_CONNECT_AFTER);
        break;
      }

  /* Under the search entry's row, in the popover's column. */
  box = gtk_widget_get_parent (entry);
  if (box != NULL && gtk_widget_get_parent (box) != NULL && GTK_IS_BOX (gtk_widget_get_parent (box)))
    {
      label = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_widget_set_visible (label, FALSE);
      gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (box)), label, box);
      g_object_set_data (G_OBJECT (dropdown), "banso-no-match-label", label);
    }
}

static const char label_factory[] =
  "<interface><template class=\"GtkListItem\"><property name=\"child\">"
  "<object class=\"GtkLabel\"><property name=\"xalign\">0</property>"
  "<binding name=\"label\"><lookup name=\"string\" type=\"GtkStringObject\">"
  "<lookup name=\"item\">GtkListItem</lookup></lookup></binding>"
  "</object></property></template></interface>";

static void
set_model (GtkDropDown *dropdown,
           GPtrArray   *codes,
           GPtrArray   *labels)
{
  g_autoptr(GtkStringList) list = NULL;

  g_ptr_array_add (codes, NULL);
  g_ptr_array_add (labels, NULL);
  list = gtk_string_list_new ((const char * const *)labels->pdata);
  g_object_set_data_full (G_OBJECT (dropdown), "banso-codes",
                          g_strdupv ((char **)codes->pdata), (GDestroyNotify)g_strfreev);

  /* GtkDropDown's default factory labels the items with the expression. */
  if (g_object_get_data (G_OBJECT (dropdown), "banso-factory") == NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (label_factory, sizeof label_factory - 1);
      g_autoptr(GtkListItemFactory) factory = gtk_builder_list_item_factory_new_from_bytes (NULL, bytes);

      gtk_drop_down_set_factory (dropdown, factory);
      g_object_set_data (G_OBJECT (dropdown), "banso-factory", factory);
    }
  setup_search (dropdown);
  set_expression (dropdown);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_enable_search (dropdown, labels->len > 12);
}

/**
 * banso_dropdown_set_no_match:
 * @format: what the search says when it finds nothing, with %s for the text
 *   searched, e.g. "No commune matches “%s”"
 */
void
banso_dropdown_set_no_match (GtkDropDown *dropdown,
                             const char  *format)
{
  g_object_set_data_full (G_OBJECT (dropdown), NO_MATCH_KEY, g_strdup (format), g_free);
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

/**
 * banso_format_count:
 *
 * A count with its thousands grouped the way the language of the window
 * writes them: "21,114" in English, "21.114" in Vietnamese. The separator
 * comes from the translation, not from the C library's locale: Banso may run
 * in Vietnamese under a locale (C.UTF-8) that groups nothing.
 *
 * Returns: (transfer full): the count as text
 */
char *
banso_format_count (guint64 count)
{
  /* Translators: what separates the thousands in 21,114 ("." in Vietnamese). */
  const char *separator = C_("thousands separator", ",");
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, count);
  GString *out = g_string_new (NULL);
  size_t len = strlen (digits);

  for (size_t i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}
