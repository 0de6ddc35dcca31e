/* banso-dict-entry-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form in which a lexicographer adds or edits an entry: the headword in
 * each writing system of the language, the pronunciation, the part of
 * speech and the senses with their glosses, definition and example. The
 * entry is edited in place: whatever the form does not show (media, traits,
 * relations, data of a LIFT file Banso does not know) is kept as it was.
 * The draft, the question before typing is thrown away and Save are
 * BansoForm's.
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-dict.h"
#include "banso-dict-entry-form.h"
#include "banso-dict-entry-view.h"
#include "banso-dict-language.h"
#include "banso-ui-utils.h"

/* The fields of one sense. */
typedef struct
{
  AdwPreferencesGroup *group;
  AdwEntryRow         *gloss_vi;
  AdwEntryRow         *gloss_en;
  AdwEntryRow         *definition;
  AdwEntryRow         *example;
  AdwEntryRow         *translation;
  JsonObject          *original;   /* (nullable) the sense as loaded */
} SenseFields;

struct _BansoDictEntryForm
{
  BansoForm            parent_instance;

  BansoDictEntryDoc   *doc;
  char                *lang;
  GPtrArray           *headword_rows;  /* of AdwEntryRow, "ws" in their data */
  GPtrArray           *senses;         /* of SenseFields */

  AdwPreferencesGroup *headword_group;
  AdwActionRow        *dictionary_row;
  GtkDropDown         *dictionary_drop;
  AdwEntryRow         *ipa_row;
  AdwEntryRow         *pos_row;
  GtkBox              *senses_box;
  GtkLabel            *problem_label;
};

G_DEFINE_FINAL_TYPE (BansoDictEntryForm, banso_dict_entry_form, BANSO_TYPE_FORM)

static void
sense_fields_free (SenseFields *fields)
{
  g_clear_pointer (&fields->original, json_object_unref);
  g_free (fields);
}

static char *
row_text (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  if (*stripped == '\0')
    return NULL;
  return g_utf8_normalize (stripped, -1, G_NORMALIZE_NFC);
}

/* JSON helpers {{{ */

static JsonArray *
get_array (JsonObject *object,
           const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static const char *
form_text (JsonArray  *forms,
           const char *ws)
{
  for (guint i = 0; forms && i < json_array_get_length (forms); i++)
    {
      JsonObject *form = json_array_get_object_element (forms, i);

      if (form && g_strcmp0 (json_object_get_string_member_with_default (form, "ws", NULL), ws) == 0)
        return json_object_get_string_member_with_default (form, "text", NULL);
    }
  return NULL;
}

/* Whether @ws is of language @lang: "vi" and "vi-Latn" are. */
static gboolean
ws_of (const char *ws,
       const char *lang)
{
  gsize len = strlen (lang);

  return ws != NULL && strncmp (ws, lang, len) == 0 && (ws[len] == '\0' || ws[len] == '-');
}

/* Sets the text of @ws in the multitext @name of @object, keeping the other
 * writing systems; a NULL @text removes it. Forms of the same language as
 * @ws other than @ws itself are left alone. */
static void
set_form (JsonObject *object,
          const char *name,
          const char *ws,
          const char *text)
{
  JsonArray *old = get_array (object, name);
  g_autoptr(JsonArray) forms = json_array_new ();
  gboolean done = FALSE;

  for (guint i = 0; old && i < json_array_get_length (old); i++)
    {
      JsonNode *node = json_array_get_element (old, i);
      JsonObject *form = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (form && g_strcmp0 (json_object_get_string_member_with_default (form, "ws", NULL), ws) == 0)
        {
          if (text != NULL && !done)
            {
              JsonObject *copy = json_node_get_object (json_node_copy (node));

              json_object_set_string_member (copy, "text", text);
              json_array_add_object_element (forms, copy);
            }
          done = TRUE;
          continue;
        }
      json_array_add_element (forms, json_node_copy (node));
    }

  if (!done && text != NULL)
    {
      JsonObject *form = json_object_new ();

      json_object_set_string_member (form, "ws", ws);
      json_object_set_string_member (form, "text", text);
      json_array_add_object_element (forms, form);
    }

  if (json_array_get_length (forms) > 0)
    json_object_set_array_member (object, name, g_steal_pointer (&forms));
  else
    json_object_remove_member (object, name);
}

static JsonObject *
object_copy (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) copy = NULL;

  json_node_set_object (node, object);
  copy = json_node_copy (node);
  return json_object_ref (json_node_get_object (copy));
}

/* }}} */

/* Collecting {{{ */

static JsonObject *
collect_sense (BansoDictEntryForm *self,
               SenseFields        *fields)
{
  JsonObject *sense = fields->original ? object_copy (fields->original) : json_object_new ();
  g_autofree char *gloss_vi = row_text (fields->gloss_vi);
  g_autofree char *gloss_en = row_text (fields->gloss_en);
  g_autofree char *definition = row_text (fields->definition);
  g_autofree char *example_text = row_text (fields->example);
  g_autofree char *translation_text = row_text (fields->translation);
  JsonArray *examples = get_array (sense, "examples");
  JsonObject *example = NULL;

  set_form (sense, "glosses", "vi", gloss_vi);
  set_form (sense, "glosses", "en", gloss_en);
  set_form (sense, "definitions", "vi", definition);

  if (examples != NULL && json_array_get_length (examples) > 0)
    example = json_array_get_object_element (examples, 0);
  if (example == NULL && (example_text != NULL || translation_text != NULL))
    {
      g_autoptr(JsonArray) list = json_array_new ();

      example = json_object_new ();
      json_array_add_object_element (list, example);
      json_object_set_array_member (sense, "examples", g_steal_pointer (&list));
    }
  if (example != NULL)
    {
      JsonArray *translations = get_array (example, "translations");
      JsonObject *translation = NULL;

      set_form (example, "forms", g_ptr_array_index (self->headword_rows, 0) ?
                g_object_get_data (g_ptr_array_index (self->headword_rows, 0), "ws") : self->lang,
                example_text);
      if (translations != NULL && json_array_get_length (translations) > 0)
        translation = json_array_get_object_element (translations, 0);
      if (translation == NULL && translation_text != NULL)
        {
          g_autoptr(JsonArray) list = json_array_new ();

          translation = json_object_new ();
          json_array_add_object_element (list, translation);
          json_object_set_array_member (example, "translations", g_steal_pointer (&list));
        }
      if (translation != NULL)
        set_form (translation, "forms", "vi", translation_text);
    }
  return sense;
}

static JsonObject *
collect (BansoDictEntryForm *self)
{
  JsonObject *entry = self->doc->entry ? object_copy (self->doc->entry) : json_object_new ();
  g_autofree char *ipa = row_text (self->ipa_row);
  g_autofree char *pos = row_text (self->pos_row);
  g_autoptr(JsonArray) senses = json_array_new ();
  const char *dictionary = banso_dropdown_get_code (self->dictionary_drop);

  json_object_set_string_member (entry, "lang", self->lang);
  if (dictionary != NULL && *dictionary != '\0')
    json_object_set_string_member (entry, "dictionary", dictionary);

  for (guint i = 0; i < self->headword_rows->len; i++)
    {
      AdwEntryRow *row = g_ptr_array_index (self->headword_rows, i);
      g_autofree char *text = row_text (row);

      set_form (entry, "forms", g_object_get_data (G_OBJECT (row), "ws"), text);
    }

  {
    g_autofree char *ws = g_strconcat (self->lang, "-fonipa", NULL);
    JsonArray *pronunciations = get_array (entry, "pronunciations");
    JsonObject *first = pronunciations && json_array_get_length (pronunciations) > 0
                        ? json_array_get_object_element (pronunciations, 0) : NULL;

    if (first == NULL && ipa != NULL)
      {
        g_autoptr(JsonArray) list = json_array_new ();

        first = json_object_new ();
        json_array_add_object_element (list, first);
        json_object_set_array_member (entry, "pronunciations", g_steal_pointer (&list));
      }
    if (first != NULL)
      set_form (first, "forms", ws, ipa);
  }

  if (pos != NULL)
    json_object_set_string_member (entry, "pos", pos);
  else if (json_object_has_member (entry, "pos"))
    json_object_remove_member (entry, "pos");

  for (guint i = 0; i < self->senses->len; i++)
    json_array_add_object_element (senses, collect_sense (self, g_ptr_array_index (self->senses, i)));
  json_object_set_array_member (entry, "senses", g_steal_pointer (&senses));
  return entry;
}

static char *
to_string (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  return json_to_string (node, FALSE);
}

static char *
banso_dict_entry_form_to_json (BansoForm *form)
{
  g_autoptr(JsonObject) entry = collect (BANSO_DICT_ENTRY_FORM (form));

  return to_string (entry);
}

/* A headword row whose text is not in the script of its writing system:
 * Tai Viet typed into the Latin row, say. */
static gboolean
check_script (AdwEntryRow  *row,
              GError      **error)
{
  const char *ws = g_object_get_data (G_OBJECT (row), "ws");
  g_autofree char *text = row_text (row);
  GUnicodeScript wanted = G_UNICODE_SCRIPT_INVALID_CODE;

  if (text == NULL || ws == NULL)
    return TRUE;
  if (g_str_has_suffix (ws, "-Tavt"))
    wanted = G_UNICODE_SCRIPT_TAI_VIET;
  else if (g_str_has_suffix (ws, "-Cham"))
    wanted = G_UNICODE_SCRIPT_CHAM;
  else if (g_str_has_suffix (ws, "-Latn"))
    wanted = G_UNICODE_SCRIPT_LATIN;
  if (wanted == G_UNICODE_SCRIPT_INVALID_CODE)
    return TRUE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      GUnicodeScript script = g_unichar_get_script (g_utf8_get_char (p));

      if (script == wanted || script == G_UNICODE_SCRIPT_COMMON || script == G_UNICODE_SCRIPT_INHERITED)
        continue;
      /* Translators: a headword field, then what is wrong with it. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: the letters are not of this writing system"),
                   adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate (BansoDictEntryForm  *self,
          JsonObject          *entry,
          GError             **error)
{
  g_autofree char *body = NULL;
  AdwEntryRow *first = g_ptr_array_index (self->headword_rows, 0);
  g_autofree char *headword = row_text (first);
  const char *dictionary = json_object_get_string_member_with_default (entry, "dictionary", NULL);

  if (dictionary == NULL || *dictionary == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Dictionary: choose the dictionary of the entry"));
      return FALSE;
    }
  if (headword == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: type the headword"),
                   adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)));
      return FALSE;
    }
  for (guint i = 0; i < self->headword_rows->len; i++)
    if (!check_script (g_ptr_array_index (self->headword_rows, i), error))
      return FALSE;
  if (self->senses->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Senses: give at least one meaning of the word"));
      return FALSE;
    }
  for (guint i = 0; i < self->senses->len; i++)
    {
      SenseFields *fields = g_ptr_array_index (self->senses, i);
      g_autofree char *vi = row_text (fields->gloss_vi);
      g_autofree char *en = row_text (fields->gloss_en);
      g_autofree char *definition = row_text (fields->definition);

      if (vi == NULL && en == NULL && definition == NULL)
        {
          /* Translators: %u is the number of a sense of a dictionary entry. */
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Sense %u: type a gloss or a definition"), i + 1);
          return FALSE;
        }
    }

  body = to_string (entry);
  return banso_dict_entry_validate (body, error);
}

static gpointer
banso_dict_entry_form_collect (BansoForm  *form,
                               GError    **error)
{
  BansoDictEntryForm *self = BANSO_DICT_ENTRY_FORM (form);
  g_autoptr(JsonObject) entry = collect (self);
  g_autoptr(GError) local_error = NULL;
  BansoDictEntryDoc *doc;

  if (!validate (self, entry, &local_error))
    {
      g_autofree char *headword = row_text (g_ptr_array_index (self->headword_rows, 0));

      gtk_label_set_text (self->problem_label, headword ? local_error->message : "");
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  gtk_label_set_text (self->problem_label, "");

  doc = g_new0 (BansoDictEntryDoc, 1);
  doc->id = g_strdup (self->doc->id);
  doc->rev = g_strdup (self->doc->rev);
  doc->entry = g_steal_pointer (&entry);
  return doc;
}

static char *
banso_dict_entry_form_dup_saved_message (BansoForm *form)
{
  BansoDictEntryForm *self = BANSO_DICT_ENTRY_FORM (form);
  g_autofree char *headword = row_text (g_ptr_array_index (self->headword_rows, 0));

  /* Translators: a toast after a dictionary entry was saved. */
  return g_strdup_printf (_("“%s” saved"), headword ? headword : "");
}

/* The shape BansoForm calls: the entry's id and revision travel with it. */
static void
save_entry (BansoStore          *store,
            BansoUser           *user,
            gconstpointer        record,
            const char          *draft_key,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  const BansoDictEntryDoc *doc = record;

  banso_dict_entry_save_async (store, user, doc->id, doc->rev, doc->entry, draft_key,
                               cancellable, callback, user_data);
}

/* }}} */

/* Building the fields {{{ */

static void
on_changed (BansoDictEntryForm *self)
{
  banso_form_changed (BANSO_FORM (self));
}

static AdwEntryRow *
entry_row (BansoDictEntryForm *self,
           const char         *title,
           const char         *text)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  g_signal_connect_swapped (row, "changed", G_CALLBACK (on_changed), self);
  return row;
}

static void renumber_senses (BansoDictEntryForm *self);

static void
on_remove_sense_clicked (GtkButton          *button,
                         BansoDictEntryForm *self)
{
  SenseFields *fields = g_object_get_data (G_OBJECT (button), "sense");

  gtk_box_remove (self->senses_box, GTK_WIDGET (fields->group));
  g_ptr_array_remove (self->senses, fields);
  renumber_senses (self);
  on_changed (self);
}

static void
renumber_senses (BansoDictEntryForm *self)
{
  for (guint i = 0; i < self->senses->len; i++)
    {
      SenseFields *fields = g_ptr_array_index (self->senses, i);
      /* Translators: the title of the fields of one sense of an entry. */
      g_autofree char *title = g_strdup_printf (_("Sense %u"), i + 1);

      adw_preferences_group_set_title (fields->group, title);
    }
}

static void
add_sense (BansoDictEntryForm *self,
           JsonObject         *sense)
{
  SenseFields *fields = g_new0 (SenseFields, 1);
  JsonArray *examples = sense ? get_array (sense, "examples") : NULL;
  JsonObject *example = examples && json_array_get_length (examples) > 0
                        ? json_array_get_object_element (examples, 0) : NULL;
  JsonArray *translations = example ? get_array (example, "translations") : NULL;
  JsonObject *translation = translations && json_array_get_length (translations) > 0
                            ? json_array_get_object_element (translations, 0) : NULL;
  JsonArray *example_forms = example ? get_array (example, "forms") : NULL;
  const char *example_text = NULL;
  GtkWidget *remove;

  /* The example in the language: its first form. */
  if (example_forms != NULL && json_array_get_length (example_forms) > 0)
    example_text = json_object_get_string_member_with_default (
      json_array_get_object_element (example_forms, 0), "text", NULL);

  fields->original = sense ? json_object_ref (sense) : NULL;
  fields->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  fields->gloss_vi = entry_row (self, _("Gloss in Vietnamese"),
                                sense ? form_text (get_array (sense, "glosses"), "vi") : NULL);
  fields->gloss_en = entry_row (self, _("Gloss in English"),
                                sense ? form_text (get_array (sense, "glosses"), "en") : NULL);
  fields->definition = entry_row (self, _("Definition in Vietnamese"),
                                  sense ? form_text (get_array (sense, "definitions"), "vi") : NULL);
  fields->example = entry_row (self, _("Example"), example_text);
  fields->translation = entry_row (self, _("Example in Vietnamese"),
                                   translation ? form_text (get_array (translation, "forms"), "vi") : NULL);

  adw_preferences_group_add (fields->group, GTK_WIDGET (fields->gloss_vi));
  adw_preferences_group_add (fields->group, GTK_WIDGET (fields->gloss_en));
  adw_preferences_group_add (fields->group, GTK_WIDGET (fields->definition));
  adw_preferences_group_add (fields->group, GTK_WIDGET (fields->example));
  adw_preferences_group_add (fields->group, GTK_WIDGET (fields->translation));

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove this sense"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove this sense"), -1);
  g_object_set_data (G_OBJECT (remove), "sense", fields);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_sense_clicked), self);
  adw_preferences_group_set_header_suffix (fields->group, remove);

  gtk_box_append (self->senses_box, GTK_WIDGET (fields->group));
  g_ptr_array_add (self->senses, fields);
  renumber_senses (self);
}

static void
on_add_sense_clicked (BansoDictEntryForm *self,
                      GtkButton          *button)
{
  SenseFields *fields;

  add_sense (self, NULL);
  fields = g_ptr_array_index (self->senses, self->senses->len - 1);
  gtk_widget_grab_focus (GTK_WIDGET (fields->gloss_vi));
  on_changed (self);
}

/* One row per writing system of the language, its main script first. */
static void
build_headword_rows (BansoDictEntryForm *self)
{
  const BansoDictLanguage *language = banso_dict_language_lookup (self->lang);
  JsonArray *forms = self->doc->entry ? get_array (self->doc->entry, "forms") : NULL;
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < self->headword_rows->len; i++)
    adw_preferences_group_remove (self->headword_group, g_ptr_array_index (self->headword_rows, i));
  g_ptr_array_set_size (self->headword_rows, 0);

  for (guint i = 0; language && language->scripts && language->scripts[i]; i++)
    g_ptr_array_add (tags, g_strdup (language->scripts[i]));
  /* Writing systems of the entry the language table does not list. */
  for (guint i = 0; forms && i < json_array_get_length (forms); i++)
    {
      const char *ws = json_object_get_string_member_with_default (
        json_array_get_object_element (forms, i), "ws", NULL);
      gboolean known = FALSE;

      for (guint j = 0; ws && j < tags->len; j++)
        known |= g_str_equal (ws, g_ptr_array_index (tags, j));
      if (ws != NULL && !known && ws_of (ws, self->lang))
        g_ptr_array_add (tags, g_strdup (ws));
    }
  if (tags->len == 0)
    g_ptr_array_add (tags, g_strdup (self->lang));

  for (guint i = 0; i < tags->len; i++)
    {
      const char *ws = g_ptr_array_index (tags, i);
      g_autofree char *name = banso_dict_ws_dup_name (ws);
      AdwEntryRow *row = entry_row (self, name, form_text (forms, ws));

      g_object_set_data_full (G_OBJECT (row), "ws", g_strdup (ws), g_free);
      adw_preferences_group_add (self->headword_group, GTK_WIDGET (row));
      g_ptr_array_add (self->headword_rows, row);
    }
}

static void
on_dictionary_changed (BansoDictEntryForm *self,
                       GParamSpec         *pspec,
                       GtkDropDown        *drop)
{
  GPtrArray *dictionaries = g_object_get_data (G_OBJECT (self), "dictionaries");
  const char *id = banso_dropdown_get_code (drop);

  for (guint i = 0; dictionaries && i < dictionaries->len; i++)
    {
      BansoDictionaryInfo *info = g_ptr_array_index (dictionaries, i);

      if (g_strcmp0 (info->id, id) == 0 && g_strcmp0 (info->lang, self->lang) != 0)
        {
          g_free (self->lang);
          self->lang = g_strdup (info->lang);
          build_headword_rows (self);
        }
    }
  on_changed (self);
}

/* }}} */

static void
banso_dict_entry_form_dispose (GObject *object)
{
  BansoDictEntryForm *self = BANSO_DICT_ENTRY_FORM (object);

  g_clear_pointer (&self->doc, banso_dict_entry_doc_free);
  g_clear_pointer (&self->senses, g_ptr_array_unref);
  g_clear_pointer (&self->headword_rows, g_ptr_array_unref);
  g_clear_pointer (&self->lang, g_free);

  G_OBJECT_CLASS (banso_dict_entry_form_parent_class)->dispose (object);
}

static void
banso_dict_entry_form_class_init (BansoDictEntryFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BansoFormClass *form_class = BANSO_FORM_CLASS (klass);

  object_class->dispose = banso_dict_entry_form_dispose;
  form_class->collect = banso_dict_entry_form_collect;
  form_class->to_json = banso_dict_entry_form_to_json;
  form_class->dup_saved_message = banso_dict_entry_form_dup_saved_message;
  banso_form_class_set_record (form_class, BANSO_DICT_ENTRY_TYPE, BANSO_TYPE_DICT_ENTRY_DOC,
                               save_entry);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/banso/Banso/ui/banso-dict-entry-form.ui");
  gtk_widget_class_bind_template_child (widget_class, BansoDictEntryForm, headword_group);
  gtk_widget_class_bind_template_child (widget_class, BansoDictEntryForm, dictionary_row);
  gtk_widget_class_bind_template_child (widget_class, BansoDictEntryForm, dictionary_drop);
  gtk_widget_class_bind_template_child (widget_class, BansoDictEntryForm, ipa_row);
  gtk_widget_class_bind_template_child (widget_class, BansoDictEntryForm, pos_row);
  gtk_widget_class_bind_template_child (widget_class, BansoDictEntryForm, senses_box);
  gtk_widget_class_bind_template_child (widget_class, BansoDictEntryForm, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_add_sense_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_dictionary_changed);
}

static void
banso_dict_entry_form_init (BansoDictEntryForm *self)
{
  self->headword_rows = g_ptr_array_new ();
  self->senses = g_ptr_array_new_with_free_func ((GDestroyNotify)sense_fields_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

static GtkWindow *
form_new (BansoContext            *context,
          GPtrArray               *dictionaries,
          const char              *dictionary,
          const BansoDictEntryDoc *doc,
          const char              *draft_key)
{
  BansoDictEntryForm *self = g_object_new (BANSO_TYPE_DICT_ENTRY_FORM, NULL);
  JsonObject *entry = doc ? doc->entry : NULL;
  JsonArray *senses;
  const char *lang = entry ? json_object_get_string_member_with_default (entry, "lang", NULL) : NULL;
  const char *entry_dictionary = entry ? json_object_get_string_member_with_default (entry, "dictionary", NULL) : NULL;
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  banso_form_begin_load (BANSO_FORM (self), context);
  self->doc = g_new0 (BansoDictEntryDoc, 1);
  if (doc != NULL)
    {
      self->doc->id = g_strdup (doc->id);
      self->doc->rev = g_strdup (doc->rev);
      self->doc->entry = doc->entry ? object_copy (doc->entry) : NULL;
    }
  if (entry_dictionary != NULL)
    dictionary = entry_dictionary;

  /* A new entry chooses its dictionary; an entry that exists keeps it. */
  for (guint i = 0; dictionaries && i < dictionaries->len; i++)
    {
      BansoDictionaryInfo *info = g_ptr_array_index (dictionaries, i);

      if (info->reference)
        continue;
      g_ptr_array_add (codes, info->id);
      g_ptr_array_add (labels, info->title);
      if (lang == NULL && (dictionary == NULL || g_strcmp0 (info->id, dictionary) == 0))
        {
          lang = info->lang;
          dictionary = info->id;
        }
    }
  if (codes->len == 0 && dictionary != NULL)
    {
      g_ptr_array_add (codes, (gpointer)dictionary);
      g_ptr_array_add (labels, (gpointer)dictionary);
    }
  g_ptr_array_add (codes, NULL);
  g_ptr_array_add (labels, NULL);
  g_object_set_data_full (G_OBJECT (self), "dictionaries",
                          dictionaries ? g_ptr_array_ref (dictionaries) : NULL,
                          (GDestroyNotify)g_ptr_array_unref);
  g_signal_handlers_block_by_func (self->dictionary_drop, on_dictionary_changed, self);
  banso_dropdown_set_pairs (self->dictionary_drop, (const char * const *)codes->pdata,
                            (const char * const *)labels->pdata);
  banso_dropdown_select_code (self->dictionary_drop, dictionary);
  g_signal_handlers_unblock_by_func (self->dictionary_drop, on_dictionary_changed, self);
  gtk_widget_set_visible (GTK_WIDGET (self->dictionary_row), doc == NULL || doc->rev == NULL);

  self->lang = g_strdup (lang ? lang : "und");
  build_headword_rows (self);

  if (entry != NULL)
    {
      JsonArray *pronunciations = get_array (entry, "pronunciations");
      g_autofree char *ipa_ws = g_strconcat (self->lang, "-fonipa", NULL);

      if (pronunciations && json_array_get_length (pronunciations) > 0)
        gtk_editable_set_text (GTK_EDITABLE (self->ipa_row),
                               form_text (get_array (json_array_get_object_element (pronunciations, 0),
                                                     "forms"), ipa_ws) ?: "");
      gtk_editable_set_text (GTK_EDITABLE (self->pos_row),
                             json_object_get_string_member_with_default (entry, "pos", ""));
    }

  senses = entry ? get_array (entry, "senses") : NULL;
  for (guint i = 0; senses && i < json_array_get_length (senses); i++)
    add_sense (self, json_array_get_object_element (senses, i));
  if (self->senses->len == 0)
    add_sense (self, NULL);

  gtk_window_set_title (GTK_WINDOW (self), self->doc->rev ? _("Edit Entry") : _("New Entry"));
  banso_form_end_load (BANSO_FORM (self), self->doc->id, self->doc->rev, draft_key);
  return GTK_WINDOW (self);
}

/**
 * banso_dict_entry_form_new:
 * @dictionaries: (element-type BansoDictionaryInfo): those a new entry may go to
 * @dictionary: (nullable): the one chosen first
 * @doc: (nullable): the entry to edit, or %NULL for a new one
 */
GtkWindow *
banso_dict_entry_form_new (BansoContext            *context,
                           GPtrArray               *dictionaries,
                           const char              *dictionary,
                           const BansoDictEntryDoc *doc)
{
  g_return_val_if_fail (BANSO_IS_CONTEXT (context), NULL);

  return form_new (context, dictionaries, dictionary, doc, NULL);
}

/**
 * banso_dict_entry_form_new_from_draft:
 *
 * Reopens a form that was being filled when the app last stopped.
 */
GtkWindow *
banso_dict_entry_form_new_from_draft (BansoContext *context,
                                      const char   *draft_key,
                                      const char   *draft_body)
{
  g_autofree char *id = NULL;
  g_autofree char *rev = NULL;
  g_autofree char *json = banso_form_read_draft (BANSO_DICT_ENTRY_TYPE, draft_key, draft_body,
                                                 &id, &rev);
  g_autoptr(JsonNode) node = json ? json_from_string (json, NULL) : NULL;
  BansoDictEntryDoc doc = { 0, };

  g_return_val_if_fail (BANSO_IS_CONTEXT (context), NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  doc.id = id;
  doc.rev = rev;
  doc.entry = json_node_get_object (node);
  return form_new (context, NULL, NULL, &doc, draft_key);
}
