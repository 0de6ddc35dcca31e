/* banso-dictionary-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Dictionary section. Searching starts with each keystroke, in both
 * directions at once: words of the minority language and glosses in
 * Vietnamese, best first; when nothing matches, the words the typing comes
 * closest to are offered. Letters of the dictionary's alphabet browse it in
 * its own order. The chosen entry is shown on the right; what was looked up
 * and the favourites stay in the settings. Every query runs in a worker
 * (banso-dict-tasks); a newer keystroke cancels the one before.
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-dict.h"
#include "banso-dict-language.h"
#include "banso-dict-tasks.h"
#include "banso-store-async.h"
#include "banso-dict-entry-view.h"
#include "banso-dictionary-page-private.h"
#include "banso-ui-utils.h"

#define RESULT_LIMIT 60
#define HISTORY_LIMIT 30
#define BROWSE_LIMIT 400


static void banso_dictionary_page_section_init (BansoSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BansoDictionaryPage, banso_dictionary_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BANSO_TYPE_SECTION,
                                                      banso_dictionary_page_section_init))

/* All are BansoSection's. */
enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_ICON_NAME,
  PROP_BADGE,
  PROP_BADGE_DESCRIPTION,
  PROP_SEARCHABLE,
  PROP_SEARCH_MODE,
  PROP_COMMANDS,
};

static void show_entry (BansoDictionaryPage *self,
                        const char          *id);
static void run_search (BansoDictionaryPage *self);

static GSettings *
settings_of (BansoDictionaryPage *self)
{
  return self->context ? banso_context_get_settings (self->context) : NULL;
}

const char *
_banso_dictionary_page_get_selected (BansoDictionaryPage *self)
{
  const char *code = banso_dropdown_get_code (self->dictionary_drop);

  return code != NULL && *code != '\0' ? code : NULL;
}

static BansoDictSearchFlags
search_flags (BansoDictionaryPage *self)
{
  GSettings *settings = settings_of (self);

  if (settings != NULL && g_settings_get_boolean (settings, "dictionary-ignore-final-tone"))
    return BANSO_DICT_SEARCH_IGNORE_TONE;
  return BANSO_DICT_SEARCH_DEFAULT;
}

BansoDictionaryInfo *
_banso_dictionary_page_find (BansoDictionaryPage *self,
                 const char          *id)
{
  for (guint i = 0; id && self->dictionaries && i < self->dictionaries->len; i++)
    {
      BansoDictionaryInfo *info = g_ptr_array_index (self->dictionaries, i);

      if (g_strcmp0 (info->id, id) == 0)
        return info;
    }
  return NULL;
}

/* The language of the chosen dictionary, or of the only one there is. */
static const char *
selected_lang (BansoDictionaryPage *self)
{
  BansoDictionaryInfo *info = _banso_dictionary_page_find (self, _banso_dictionary_page_get_selected (self));

  if (info == NULL && self->dictionaries != NULL && self->dictionaries->len == 1)
    info = g_ptr_array_index (self->dictionaries, 0);
  return info ? info->lang : NULL;
}

/* Rows {{{ */

/* A row of results, history or favourites: the headword in its script's
 * font, the glosses under it. */
static GtkWidget *
hit_row_new (const char *id,
             const char *headword,
             const char *glosses)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (headword);
  GtkWidget *subtitle = gtk_label_new (glosses);
  g_autofree char *accessible = NULL;

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  if (banso_dict_script_class (headword) != NULL)
    gtk_widget_add_css_class (title, banso_dict_script_class (headword));

  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_visible (subtitle, glosses != NULL && *glosses != '\0');

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  accessible = glosses && *glosses ? g_strdup_printf ("%s — %s", headword, glosses) : g_strdup (headword);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (row), "entry-id", g_strdup (id), g_free);
  g_object_set_data_full (G_OBJECT (row), "headword", g_strdup (headword), g_free);
  g_object_set_data_full (G_OBJECT (row), "glosses", g_strdup (glosses), g_free);
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* }}} */

/* History and favourites {{{ */

/* Both are lists of "id\theadword\tglosses", newest first. */
static void
fill_saved (BansoDictionaryPage *self,
            GtkListBox          *list,
            GtkLabel            *title,
            const char          *key)
{
  g_auto(GStrv) items = g_settings_get_strv (settings_of (self), key);

  clear_list (list);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (items[i], "\t", 3);

      if (g_strv_length (parts) < 2)
        continue;
      gtk_list_box_append (list, hit_row_new (parts[0], parts[1], parts[2]));
    }
  gtk_widget_set_visible (GTK_WIDGET (title), items[0] != NULL);
  gtk_widget_set_visible (GTK_WIDGET (list), items[0] != NULL);
}

static void
refresh_saved (BansoDictionaryPage *self)
{
  if (settings_of (self) == NULL)
    return;
  fill_saved (self, self->favourites_list, self->favourites_title, "dictionary-favourites");
  fill_saved (self, self->history_list, self->history_title, "dictionary-history");
}

static gboolean
saved_contains (BansoDictionaryPage *self,
                const char          *key,
                const char          *id)
{
  g_auto(GStrv) items = g_settings_get_strv (settings_of (self), key);
  g_autofree char *prefix = g_strconcat (id, "\t", NULL);

  for (guint i = 0; items[i] != NULL; i++)
    if (g_str_has_prefix (items[i], prefix))
      return TRUE;
  return FALSE;
}

/* Puts the entry first in @key (removing it when !@add), keeping @limit. */
static void
saved_update (BansoDictionaryPage *self,
              const char          *key,
              const char          *id,
              JsonObject          *entry,
              gboolean             add,
              guint                limit)
{
  GSettings *settings = settings_of (self);
  g_auto(GStrv) items = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *prefix = g_strconcat (id, "\t", NULL);
  g_auto(GStrv) result = NULL;
  guint n = 0;

  if (settings == NULL)
    return;
  items = g_settings_get_strv (settings, key);
  if (add)
    {
      g_autofree char *headword = banso_dict_entry_headword (entry);
      g_autofree char *glosses = banso_dict_entry_glosses (entry);
      g_autofree char *item = g_strdup_printf ("%s\t%s\t%s", id, headword ? headword : "",
                                               glosses ? glosses : "");

      g_strdelimit (glosses, "\t\n", ' ');
      g_strv_builder_add (builder, item);
      n++;
    }
  for (guint i = 0; items[i] != NULL && n < limit; i++)
    if (!g_str_has_prefix (items[i], prefix))
      {
        g_strv_builder_add (builder, items[i]);
        n++;
      }
  result = g_strv_builder_end (builder);
  g_settings_set_strv (settings, key, (const char * const *)result);
}

static void
on_favourite_toggled (BansoDictionaryPage *self,
                      GtkToggleButton     *button)
{
  JsonObject *entry = banso_dict_entry_view_get_entry (self->entry_view);
  gboolean active = gtk_toggle_button_get_active (button);

  gtk_widget_set_tooltip_text (GTK_WIDGET (button),
                               active ? _("Remove from Favourites") : _("Add to Favourites"));
  gtk_button_set_icon_name (GTK_BUTTON (button), active ? "starred-symbolic" : "non-starred-symbolic");
  if (self->entry_id == NULL || entry == NULL
      || active == saved_contains (self, "dictionary-favourites", self->entry_id))
    return;
  saved_update (self, "dictionary-favourites", self->entry_id, entry, active, G_MAXUINT);
  refresh_saved (self);
}

static void
on_saved_row_activated (BansoDictionaryPage *self,
                        GtkListBoxRow       *row,
                        GtkListBox          *list)
{
  show_entry (self, g_object_get_data (G_OBJECT (row), "entry-id"));
}

static void
clear_history_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BansoDictionaryPage *self = BANSO_DICTIONARY_PAGE (widget);

  g_settings_reset (settings_of (self), "dictionary-history");
  refresh_saved (self);
}

/* }}} */

/* The entry {{{ */

static void
on_entry_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(BansoDictionaryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoDictEntryDoc) doc = banso_store_task_finish (BANSO_STORE (source), result, &error);
  JsonObject *entry;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (doc == NULL)
    {
      banso_widget_add_toast (GTK_WIDGET (self), error->message);
      return;
    }
  entry = doc->entry;
  g_clear_pointer (&self->doc, banso_dict_entry_doc_free);
  self->doc = g_steal_pointer (&doc);

  banso_dict_entry_view_set_entry (self->entry_view, entry);
  gtk_stack_set_visible_child_name (self->entry_stack, "entry");
  gtk_toggle_button_set_active (self->favourite_button,
                                saved_contains (self, "dictionary-favourites", self->entry_id));
  saved_update (self, "dictionary-history", self->entry_id, entry, TRUE, HISTORY_LIMIT);
  if (gtk_stack_get_visible_child_name (self->results_stack) != NULL
      && g_str_equal (gtk_stack_get_visible_child_name (self->results_stack), "start"))
    refresh_saved (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dictionary.copy", TRUE);
  _banso_dictionary_page_update_edit_actions (self);
}

static void
show_entry (BansoDictionaryPage *self,
            const char          *id)
{
  if (id == NULL || self->context == NULL)
    return;
  if (g_strcmp0 (id, self->entry_id) == 0
      && banso_dict_entry_view_get_entry (self->entry_view) != NULL)
    return;

  g_free (self->entry_id);
  self->entry_id = g_strdup (id);
  g_cancellable_cancel (self->entry_cancellable);
  g_clear_object (&self->entry_cancellable);
  self->entry_cancellable = g_cancellable_new ();
  banso_dict_entry_load_async (banso_context_get_store (self->context), id,
                               self->entry_cancellable, on_entry_loaded, g_object_ref (self));
}

static void
on_related_activated (BansoDictionaryPage *self,
                      const char          *ref,
                      BansoDictEntryView  *view)
{
  /* A relation names the other entry by its LIFT id, which is also how the
   * store knows it. */
  show_entry (self, ref);
}

static GFile *
resolve_media (const char *href,
               gpointer    user_data)
{
  BansoDictionaryPage *self = user_data;

  if (self->context == NULL || self->doc == NULL)
    return NULL;
  return banso_dict_entry_doc_find_media (self->doc, banso_context_get_store (self->context), href);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BansoDictionaryPage *self = BANSO_DICTIONARY_PAGE (widget);
  JsonObject *entry = banso_dict_entry_view_get_entry (self->entry_view);
  g_autofree char *text = NULL;

  if (entry == NULL)
    return;
  text = banso_dict_entry_to_text (entry);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  banso_widget_add_toast (widget, _("Entry copied"));
}

/* }}} */

/* Searching {{{ */

static void
show_results_page (BansoDictionaryPage *self,
                   const char          *name)
{
  gtk_stack_set_visible_child_name (self->results_stack, name);
}

static void
on_suggestion_clicked (GtkButton           *button,
                       BansoDictionaryPage *self)
{
  show_entry (self, g_object_get_data (G_OBJECT (button), "entry-id"));
}

/* Nothing matched: the headwords closest to what was typed, if any. */
static void
show_suggestions (BansoDictionaryPage *self,
                  GPtrArray           *hits)
{
  GtkWidget *child;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *description = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestions_box))) != NULL)
    gtk_flow_box_remove (self->suggestions_box, child);

  for (guint i = 0; i < hits->len; i++)
    {
      BansoDictHit *hit = g_ptr_array_index (hits, i);
      GtkWidget *button = gtk_button_new_with_label (hit->headword);
      const char *script = banso_dict_script_class (hit->headword);

      gtk_widget_add_css_class (button, "pill");
      if (script != NULL)
        gtk_widget_add_css_class (gtk_button_get_child (GTK_BUTTON (button)), script);
      gtk_widget_set_tooltip_text (button, hit->glosses);
      g_object_set_data_full (G_OBJECT (button), "entry-id", g_strdup (hit->id), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_suggestion_clicked), self);
      gtk_flow_box_append (self->suggestions_box, button);
    }

  if (self->letter != NULL)
    /* Translators: browsing the dictionary by a letter that begins no word. */
    description = g_strdup_printf (_("No word begins with “%s”."), self->letter);
  else
    /* Translators: nothing in the dictionary matches what was typed. */
    description = g_strdup_printf (_("Nothing in the dictionary matches “%s”."), query);
  adw_status_page_set_description (self->empty_page, description);
  gtk_widget_set_visible (GTK_WIDGET (self->suggestions_title), hits->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->suggestions_box), hits->len > 0);
  show_results_page (self, "empty");
}

static void
show_hits (BansoDictionaryPage *self,
           GPtrArray           *hits)
{
  clear_list (self->results_list);
  for (guint i = 0; i < hits->len; i++)
    {
      BansoDictHit *hit = g_ptr_array_index (hits, i);

      gtk_list_box_append (self->results_list, hit_row_new (hit->id, hit->headword, hit->glosses));
    }
  show_results_page (self, "results");
}

static void
on_search_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BansoDictionaryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = banso_store_task_finish (BANSO_STORE (source), result, &error);
  BansoDictHit *first;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (hits == NULL)
    {
      banso_widget_add_toast (GTK_WIDGET (self), error->message);
      return;
    }

  first = hits->len > 0 ? g_ptr_array_index (hits, 0) : NULL;
  if (first != NULL && first->match != BANSO_DICT_MATCH_FUZZY)
    show_hits (self, hits);
  else
    show_suggestions (self, hits);
}

static void
run_search (BansoDictionaryPage *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  BansoStore *store;

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  if (self->context == NULL)
    return;

  if (*query == '\0' && self->letter == NULL)
    {
      refresh_saved (self);
      show_results_page (self, "start");
      return;
    }

  store = banso_context_get_store (self->context);
  self->search_cancellable = g_cancellable_new ();
  if (*query != '\0')
    {
      g_autoptr(BansoDictQuery) q = banso_dict_query_new (query);

      q->dictionary = g_strdup (_banso_dictionary_page_get_selected (self));
      q->flags = search_flags (self);
      q->limit = RESULT_LIMIT;
      banso_dict_search_async (store, q, self->search_cancellable, on_search_done, g_object_ref (self));
    }
  else
    banso_dict_browse_async (store, selected_lang (self), self->letter, 0, BROWSE_LIMIT,
                             self->search_cancellable, on_search_done, g_object_ref (self));
}

static void
on_search_changed (BansoDictionaryPage *self,
                   GtkSearchEntry      *entry)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (*query != '\0')
    g_clear_pointer (&self->letter, g_free);
  run_search (self);
}

static void
on_search_activate (BansoDictionaryPage *self,
                    GtkSearchEntry      *entry)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results_list, 0);

  if (first != NULL && g_str_equal (gtk_stack_get_visible_child_name (self->results_stack), "results"))
    {
      gtk_list_box_select_row (self->results_list, first);
      show_entry (self, g_object_get_data (G_OBJECT (first), "entry-id"));
    }
}

static void
on_stop_search (BansoDictionaryPage *self,
                GtkSearchEntry      *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_result_selected (BansoDictionaryPage *self,
                    GtkListBoxRow       *row,
                    GtkListBox          *list)
{
  if (row != NULL)
    show_entry (self, g_object_get_data (G_OBJECT (row), "entry-id"));
}

static void
on_result_activated (BansoDictionaryPage *self,
                     GtkListBoxRow       *row,
                     GtkListBox          *list)
{
  show_entry (self, g_object_get_data (G_OBJECT (row), "entry-id"));
}

/* }}} */

/* Dictionaries and letters {{{ */

static void
on_letter_clicked (GtkButton           *button,
                   BansoDictionaryPage *self)
{
  g_free (self->letter);
  self->letter = g_strdup (gtk_button_get_label (button));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  run_search (self);
}

/* The letters of the chosen dictionary's language, in its alphabet order. */
static void
fill_letters (BansoDictionaryPage *self)
{
  const char *lang = selected_lang (self);
  const BansoDictLanguage *language = lang ? banso_dict_language_lookup (lang) : NULL;
  g_autoptr(GPtrArray) letters = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->letters_box))) != NULL)
    gtk_flow_box_remove (self->letters_box, child);

  if (language != NULL && language->scripts != NULL && language->scripts[0] != NULL)
    letters = banso_dict_language_letters (language, language->scripts[0]);

  for (guint i = 0; letters && i < letters->len; i++)
    {
      const char *letter = g_ptr_array_index (letters, i);
      GtkWidget *button = gtk_button_new_with_label (letter);

      gtk_widget_add_css_class (button, "flat");
      if (banso_dict_script_class (letter) != NULL)
        gtk_widget_add_css_class (gtk_button_get_child (GTK_BUTTON (button)),
                                  banso_dict_script_class (letter));
      /* Translators: the tooltip of a letter button that lists the words beginning with it. */
      {
        g_autofree char *tooltip = g_strdup_printf (_("Words beginning with %s"), letter);

        gtk_widget_set_tooltip_text (button, tooltip);
      }
      g_signal_connect (button, "clicked", G_CALLBACK (on_letter_clicked), self);
      gtk_flow_box_append (self->letters_box, button);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->letters_scroller), letters && letters->len > 0);
}

static void
on_dictionary_changed (BansoDictionaryPage *self,
                       GParamSpec          *pspec,
                       GtkDropDown         *drop)
{
  GSettings *settings = settings_of (self);

  if (settings != NULL && self->dictionaries != NULL)
    g_settings_set_string (settings, "dictionary-selected",
                           _banso_dictionary_page_get_selected (self) ? _banso_dictionary_page_get_selected (self) : "");
  g_clear_pointer (&self->letter, g_free);
  fill_letters (self);
  run_search (self);
}

static void
on_dictionaries_listed (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(BansoDictionaryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dictionaries = banso_store_task_finish (BANSO_STORE (source), result, &error);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *chosen = NULL;

  if (dictionaries == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        banso_widget_add_toast (GTK_WIDGET (self), error->message);
      return;
    }

  g_clear_pointer (&self->dictionaries, g_ptr_array_unref);
  g_ptr_array_add (codes, (gpointer)"");
  g_ptr_array_add (labels, (gpointer)_("All dictionaries"));
  for (guint i = 0; i < dictionaries->len; i++)
    {
      BansoDictionaryInfo *info = g_ptr_array_index (dictionaries, i);

      g_ptr_array_add (codes, info->id);
      g_ptr_array_add (labels, info->title);
    }
  g_ptr_array_add (codes, NULL);
  g_ptr_array_add (labels, NULL);

  g_signal_handlers_block_by_func (self->dictionary_drop, on_dictionary_changed, self);
  banso_dropdown_set_pairs (self->dictionary_drop, (const char * const *)codes->pdata,
                            (const char * const *)labels->pdata);
  self->dictionaries = g_steal_pointer (&dictionaries);
  chosen = g_settings_get_string (settings_of (self), "dictionary-selected");
  if (!banso_dropdown_select_code (self->dictionary_drop, chosen) && self->dictionaries->len > 0)
    gtk_drop_down_set_selected (self->dictionary_drop, 1);
  g_signal_handlers_unblock_by_func (self->dictionary_drop, on_dictionary_changed, self);

  gtk_widget_set_visible (GTK_WIDGET (self->dictionary_drop), self->dictionaries->len > 1);
  _banso_dictionary_page_update_edit_actions (self);
  fill_letters (self);
  run_search (self);
}

static void
reload_dictionaries (BansoDictionaryPage *self)
{
  banso_dict_list_async (banso_context_get_store (self->context), NULL,
                         on_dictionaries_listed, g_object_ref (self));
}

static void
on_store_changed (BansoStore          *store,
                  const char          *type,
                  BansoDictionaryPage *self)
{
  if (g_strcmp0 (type, BANSO_DICTIONARY_TYPE) == 0)
    {
      reload_dictionaries (self);
      return;
    }
  run_search (self);
  /* The entry shown may be the one that changed: read it again. */
  if (self->entry_id != NULL)
    {
      g_autofree char *id = g_strdup (self->entry_id);

      g_clear_pointer (&self->entry_id, g_free);
      show_entry (self, id);
    }
}

/* }}} */

static void
ignore_final_tone_changed (BansoDictionaryPage *self)
{
  run_search (self);
}

static void
banso_dictionary_page_set_context (BansoDictionaryPage *self,
                                   BansoContext        *context)
{
  GSettings *settings;
  g_autoptr(GAction) action = NULL;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  g_return_if_fail (self->context == NULL);
  self->context = g_object_ref (context);
  settings = banso_context_get_settings (context);

  action = g_settings_create_action (settings, "dictionary-ignore-final-tone");
  g_action_map_add_action (G_ACTION_MAP (group), action);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "dictionary-settings", G_ACTION_GROUP (group));
  g_signal_connect_object (settings, "changed::dictionary-ignore-final-tone",
                           G_CALLBACK (ignore_final_tone_changed), self, G_CONNECT_SWAPPED);

  self->changed_id = g_signal_connect_object (banso_context_get_store (context), "changed::" BANSO_DICTIONARY_TYPE,
                                              G_CALLBACK (on_store_changed), self, 0);
  g_signal_connect_object (banso_context_get_store (context), "changed::" BANSO_DICT_ENTRY_TYPE,
                           G_CALLBACK (on_store_changed), self, 0);

  banso_dict_entry_view_set_resolver (self->entry_view, resolve_media, self, NULL);
  refresh_saved (self);
  reload_dictionaries (self);
}

/* BansoSection {{{ */

static void
banso_dictionary_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  BansoDictionaryPage *self = BANSO_DICTIONARY_PAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, _("Dictionary"));
      break;

    case PROP_SUMMARY:
      {
        guint n = self->dictionaries ? self->dictionaries->len : 0;

        g_value_take_string (value, n == 0 ? NULL
                             : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dictionary",
                                                             "%u dictionaries", n), n));
      }
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, "accessories-dictionary-symbolic");
      break;

    case PROP_BADGE:
    case PROP_BADGE_DESCRIPTION:
      g_value_set_string (value, NULL);
      break;

    case PROP_SEARCHABLE:
      g_value_set_boolean (value, TRUE);
      break;

    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, self->search_mode);
      break;

    case PROP_COMMANDS:
      g_value_set_uint (value, BANSO_SECTION_ADD | BANSO_SECTION_IMPORT | BANSO_SECTION_EXPORT);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
banso_dictionary_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  BansoDictionaryPage *self = BANSO_DICTIONARY_PAGE (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      /* The search entry is always there: search mode only moves the focus to it. */
      self->search_mode = g_value_get_boolean (value);
      if (self->search_mode)
        gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
banso_dictionary_page_section_set_context (BansoSection *section,
                                           BansoContext *context)
{
  banso_dictionary_page_set_context (BANSO_DICTIONARY_PAGE (section), context);
}

static void
banso_dictionary_page_section_run_command (BansoSection         *section,
                                           BansoSectionCommands  command)
{
  if (command == BANSO_SECTION_ADD)
    gtk_widget_activate_action (GTK_WIDGET (section), "dictionary.add", NULL);
  else if (command == BANSO_SECTION_IMPORT)
    gtk_widget_activate_action (GTK_WIDGET (section), "dictionary.import", NULL);
  else if (command == BANSO_SECTION_EXPORT)
    gtk_widget_activate_action (GTK_WIDGET (section), "dictionary.export", NULL);
}

static void
banso_dictionary_page_section_init (BansoSectionInterface *iface)
{
  iface->set_context = banso_dictionary_page_section_set_context;
  iface->run_command = banso_dictionary_page_section_run_command;
}

/* }}} */

/* Whoever opens the Dictionary comes to type a word. */
static void
banso_dictionary_page_map (GtkWidget *widget)
{
  BansoDictionaryPage *self = BANSO_DICTIONARY_PAGE (widget);

  GTK_WIDGET_CLASS (banso_dictionary_page_parent_class)->map (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
banso_dictionary_page_dispose (GObject *object)
{
  BansoDictionaryPage *self = BANSO_DICTIONARY_PAGE (object);

  g_cancellable_cancel (self->search_cancellable);
  g_cancellable_cancel (self->entry_cancellable);
  g_cancellable_cancel (self->file_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BANSO_TYPE_DICTIONARY_PAGE);
  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->entry_cancellable);
  g_clear_object (&self->file_cancellable);
  g_clear_object (&self->context);
  g_clear_pointer (&self->dictionaries, g_ptr_array_unref);
  g_clear_pointer (&self->doc, banso_dict_entry_doc_free);

  G_OBJECT_CLASS (banso_dictionary_page_parent_class)->dispose (object);
}

static void
banso_dictionary_page_finalize (GObject *object)
{
  BansoDictionaryPage *self = BANSO_DICTIONARY_PAGE (object);

  g_free (self->entry_id);
  g_free (self->letter);
  g_free (self->import_path);

  G_OBJECT_CLASS (banso_dictionary_page_parent_class)->finalize (object);
}

static void
banso_dictionary_page_class_init (BansoDictionaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = banso_dictionary_page_dispose;
  object_class->finalize = banso_dictionary_page_finalize;
  object_class->get_property = banso_dictionary_page_get_property;
  object_class->set_property = banso_dictionary_page_set_property;
  widget_class->map = banso_dictionary_page_map;

  banso_section_override_properties (object_class, PROP_TITLE);

  g_type_ensure (BANSO_TYPE_DICT_ENTRY_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/banso/Banso/ui/banso-dictionary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BansoDictionaryPage, box);
  gtk_widget_class_bind_template_child (widget_class, BansoDictionaryPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, BansoDictionaryPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, BansoDictionaryPage, paned);
  gtk_widget_class_bind_template_child (widget_class, BansoDictionaryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BansoDictionaryPage, dictionary_drop);
  gtk_widget_class_bind_template_child (widget_class, BansoDictionaryPage, letters_scroller);
  gtk_widget_class_bind_template_child (widget_class, BansoDictionaryPage, letters_box);
  gtk_widget_class_bind_template_child (widget_class, BansoDictionaryPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, BansoDictionaryPage, results_list);
  gtk_widget_class_bind_template_child (widget_class, BansoDictionaryPage, favourites_list);
  gtk_widget_class_bind_template_child (widget_class, BansoDictionaryPage, history_list);
  gtk_widget_class_bind_template_child (widget_class, BansoDictionaryPage, favourites_title);
  gtk_widget_class_bind_template_child (widget_class, BansoDictionaryPage, history_title);
  gtk_widget_class_bind_template_child (widget_class, BansoDictionaryPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BansoDictionaryPage, suggestions_title);
  gtk_widget_class_bind_template_child (widget_class, BansoDictionaryPage, suggestions_box);
  gtk_widget_class_bind_template_child (widget_class, BansoDictionaryPage, entry_stack);
  gtk_widget_class_bind_template_child (widget_class, BansoDictionaryPage, entry_view);
  gtk_widget_class_bind_template_child (widget_class, BansoDictionaryPage, favourite_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_dictionary_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_result_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_saved_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_favourite_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_related_activated);

  gtk_widget_class_install_action (widget_class, "dictionary.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "dictionary.clear-history", NULL, clear_history_action);
  _banso_dictionary_page_class_init_files (widget_class);
  _banso_dictionary_page_class_init_edit (widget_class);
}

static void
banso_dictionary_page_init (BansoDictionaryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dictionary.copy", FALSE);
  _banso_dictionary_page_update_edit_actions (self);
}
