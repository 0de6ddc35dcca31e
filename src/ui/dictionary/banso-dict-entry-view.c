/* banso-dict-entry-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One dictionary entry as a reader sees it: the headword in every writing
 * system it has, with the font of its script, the pronunciation with a
 * button that plays its recording, then the senses with their glosses,
 * definitions, examples and pictures, and links to related entries.
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-dict-entry-view.h"
#include "banso-dict-language.h"

struct _BansoDictEntryView
{
  GtkWidget               parent_instance;

  GtkBox                 *content;

  JsonObject             *entry;
  GtkMediaStream         *playing;
  GtkWidget              *playing_button;

  BansoDictMediaResolver  resolver;
  gpointer                resolver_data;
  GDestroyNotify          resolver_destroy;
};

G_DEFINE_FINAL_TYPE (BansoDictEntryView, banso_dict_entry_view, GTK_TYPE_WIDGET)

enum {
  RELATED_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers over the entry's JSON {{{ */

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
element_object (JsonArray *array,
                guint      i)
{
  JsonNode *node = json_array_get_element (array, i);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* }}} */

/* Building blocks {{{ */

/**
 * banso_dict_script_class:
 *
 * Returns: (nullable): the CSS class giving @text its script's font: Tai Viet
 *   and Cham are drawn with Noto Sans Tai Viet and Noto Sans Cham
 */
const char *
banso_dict_script_class (const char *text)
{
  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      switch (g_unichar_get_script (g_utf8_get_char (p)))
        {
        case G_UNICODE_SCRIPT_TAI_VIET:
          return "script-tavt";
        case G_UNICODE_SCRIPT_CHAM:
          return "script-cham";
        case G_UNICODE_SCRIPT_KHMER:
          return "script-khmr";
        case G_UNICODE_SCRIPT_LATIN:
          return NULL;
        default:
          break;
        }
    }
  return NULL;
}

static GtkWidget *
text_label (const char *text,
            const char *style)
{
  GtkWidget *label = gtk_label_new (text);
  const char *script = banso_dict_script_class (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  if (script != NULL)
    gtk_widget_add_css_class (label, script);
  return label;
}

/**
 * banso_dict_ws_dup_name:
 * @ws: a writing system, "blt-Tavt"
 *
 * Returns: what a reader calls it: "Thái (chữ Thái Việt)"
 */
char *
banso_dict_ws_dup_name (const char *ws)
{
  const char *name = banso_dict_language_get_name (ws);
  const char *script = NULL;

  if (name == NULL)
    return g_strdup (ws);
  if (g_str_has_suffix (ws, "-Tavt"))
    script = _("Tai Viet script");
  else if (g_str_has_suffix (ws, "-Cham"))
    script = _("Cham script");
  else if (g_str_has_suffix (ws, "-Khmr"))
    script = _("Khmer script");
  else if (g_str_has_suffix (ws, "-Latn"))
    script = _("Latin script");
  else if (g_str_has_suffix (ws, "-fonipa"))
    script = _("IPA");
  if (script == NULL)
    return g_strdup (name);
  /* Translators: a language and a script, "Thái (Tai Viet script)". */
  return g_strdup_printf (_("%s (%s)"), name, script);
}

/* A multitext as lines "text", each followed by the name of its writing
 * system when @named. */
static void
append_multitext (GtkBox     *box,
                  JsonArray  *forms,
                  const char *style,
                  gboolean    named)
{
  for (guint i = 0; forms && i < json_array_get_length (forms); i++)
    {
      JsonObject *form = element_object (forms, i);
      const char *text = member_string (form, "text");
      const char *ws = member_string (form, "ws");
      GtkWidget *row;

      if (text == NULL || *text == '\0')
        continue;

      row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      gtk_box_append (GTK_BOX (row), text_label (text, style));
      if (named && ws != NULL)
        {
          g_autofree char *name = banso_dict_ws_dup_name (ws);
          GtkWidget *tag = gtk_label_new (name);

          gtk_widget_add_css_class (tag, "dim-label");
          gtk_widget_add_css_class (tag, "caption");
          gtk_widget_set_valign (tag, GTK_ALIGN_BASELINE);
          gtk_box_append (GTK_BOX (row), tag);
        }
      gtk_box_append (box, row);
    }
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  return label;
}

/* }}} */

/* Pronunciation {{{ */

static void
set_play_button (GtkWidget *button,
                 gboolean   playing)
{
  const char *label = playing ? _("Stop the pronunciation") : _("Play the pronunciation");

  gtk_button_set_icon_name (GTK_BUTTON (button),
                            playing ? "media-playback-stop-symbolic" : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
stop_playing (BansoDictEntryView *self)
{
  if (self->playing == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->playing, self);
  gtk_media_stream_pause (self->playing);
  g_clear_object (&self->playing);
  if (self->playing_button != NULL)
    set_play_button (self->playing_button, FALSE);
  g_clear_weak_pointer (&self->playing_button);
}

/* The recording ended, or could not be played: the button says so. */
static void
on_stream_changed (GtkMediaStream     *stream,
                   GParamSpec         *pspec,
                   BansoDictEntryView *self)
{
  const GError *error = gtk_media_stream_get_error (stream);
  GtkWidget *button = self->playing_button;

  if (error != NULL && button != NULL)
    {
      /* Translators: a pronunciation could not be played; then why. */
      g_autofree char *text = g_strdup_printf (_("Cannot play the recording: %s"), error->message);

      stop_playing (self);
      gtk_widget_set_tooltip_text (button, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
    }
  else if (gtk_media_stream_get_ended (stream))
    stop_playing (self);
}

static void
on_play_clicked (GtkButton          *button,
                 BansoDictEntryView *self)
{
  const char *href = g_object_get_data (G_OBJECT (button), "href");
  g_autoptr(GFile) file = NULL;
  gboolean was_this = self->playing_button == GTK_WIDGET (button);

  stop_playing (self);
  if (was_this)
    return;

  if (self->resolver != NULL)
    file = self->resolver (href, self->resolver_data);
  if (file == NULL)
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (button), _("The recording is not on this computer"));
      gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
      return;
    }

  self->playing = gtk_media_file_new_for_file (file);
  g_set_weak_pointer (&self->playing_button, GTK_WIDGET (button));
  set_play_button (GTK_WIDGET (button), TRUE);
  g_signal_connect (self->playing, "notify::ended", G_CALLBACK (on_stream_changed), self);
  g_signal_connect (self->playing, "notify::error", G_CALLBACK (on_stream_changed), self);
  gtk_media_stream_play (self->playing);
}

static void
append_pronunciations (BansoDictEntryView *self,
                       JsonArray          *pronunciations)
{
  for (guint i = 0; pronunciations && i < json_array_get_length (pronunciations); i++)
    {
      JsonObject *p = element_object (pronunciations, i);
      JsonArray *media = member_array (p, "media");
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      JsonArray *forms = member_array (p, "forms");

      for (guint j = 0; forms && j < json_array_get_length (forms); j++)
        {
          const char *text = member_string (element_object (forms, j), "text");
          g_autofree char *slashed = NULL;

          if (text == NULL || *text == '\0')
            continue;
          slashed = g_strdup_printf ("/%s/", text);
          gtk_box_append (GTK_BOX (row), text_label (slashed, "dim-label"));
        }

      for (guint j = 0; media && j < json_array_get_length (media); j++)
        {
          const char *href = member_string (element_object (media, j), "href");
          GtkWidget *button;

          if (href == NULL)
            continue;
          button = gtk_button_new ();
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_add_css_class (button, "circular");
          set_play_button (button, FALSE);
          g_object_set_data_full (G_OBJECT (button), "href", g_strdup (href), g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (on_play_clicked), self);
          gtk_box_append (GTK_BOX (row), button);
        }

      if (gtk_widget_get_first_child (row) != NULL)
        gtk_box_append (self->content, row);
      else
        g_object_ref_sink (row), g_object_unref (row);
    }
}

/* }}} */

/* Senses {{{ */

static void
append_pictures (BansoDictEntryView *self,
                 GtkBox             *box,
                 JsonArray          *pictures)
{
  for (guint i = 0; pictures && i < json_array_get_length (pictures); i++)
    {
      JsonObject *picture = element_object (pictures, i);
      const char *href = member_string (picture, "href");
      g_autoptr(GFile) file = NULL;
      GtkWidget *image;

      if (href == NULL || self->resolver == NULL)
        continue;
      file = self->resolver (href, self->resolver_data);
      if (file == NULL)
        continue;

      image = gtk_picture_new_for_file (file);
      gtk_picture_set_can_shrink (GTK_PICTURE (image), TRUE);
      gtk_widget_set_size_request (image, -1, 160);
      gtk_widget_set_halign (image, GTK_ALIGN_START);
      gtk_box_append (box, image);
      append_multitext (box, member_array (picture, "label"), "caption", FALSE);
    }
}

static void
append_sense (BansoDictEntryView *self,
              GtkBox             *box,
              JsonObject         *sense,
              const char         *number)
{
  const char *entry_pos = member_string (self->entry, "pos");
  GtkWidget *sense_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  const char *pos = member_string (sense, "pos");
  JsonArray *examples = member_array (sense, "examples");
  JsonArray *domains = member_array (sense, "domains");
  JsonArray *subsenses = member_array (sense, "subsenses");
  GtkWidget *number_label = gtk_label_new (number);
  GtkWidget *glosses = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_widget_add_css_class (number_label, "heading");
  gtk_widget_set_valign (number_label, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (title), number_label);
  append_multitext (GTK_BOX (glosses), member_array (sense, "glosses"), "heading", TRUE);
  gtk_widget_set_hexpand (glosses, TRUE);
  gtk_box_append (GTK_BOX (title), glosses);
  if (pos != NULL && g_strcmp0 (pos, entry_pos) != 0)
    {
      GtkWidget *pos_label = gtk_label_new (pos);

      gtk_widget_add_css_class (pos_label, "dim-label");
      gtk_widget_set_valign (pos_label, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (title), pos_label);
    }
  gtk_box_append (GTK_BOX (sense_box), title);

  append_multitext (GTK_BOX (sense_box), member_array (sense, "definitions"), NULL, TRUE);

  for (guint i = 0; examples && i < json_array_get_length (examples); i++)
    {
      JsonObject *example = element_object (examples, i);
      JsonArray *translations = member_array (example, "translations");
      GtkWidget *example_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

      gtk_widget_add_css_class (example_box, "dict-example");
      append_multitext (GTK_BOX (example_box), member_array (example, "forms"), "dict-example-text", FALSE);
      for (guint j = 0; translations && j < json_array_get_length (translations); j++)
        append_multitext (GTK_BOX (example_box),
                          member_array (element_object (translations, j), "forms"),
                          "dim-label", FALSE);
      gtk_box_append (GTK_BOX (sense_box), example_box);
    }

  if (domains != NULL && json_array_get_length (domains) > 0)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (domains); i++)
        {
          JsonNode *node = json_array_get_element (domains, i);

          if (json_node_get_value_type (node) != G_TYPE_STRING)
            continue;
          if (text->len > 0)
            g_string_append (text, ", ");
          g_string_append (text, json_node_get_string (node));
        }
      if (text->len > 0)
        {
          /* Translators: the semantic domains of a sense, e.g. "Domains: Sky, Weather". */
          g_autofree char *line = g_strdup_printf (_("Domains: %s"), text->str);

          gtk_box_append (GTK_BOX (sense_box), text_label (line, "caption"));
        }
    }

  append_pictures (self, GTK_BOX (sense_box), member_array (sense, "pictures"));

  for (guint i = 0; subsenses && i < json_array_get_length (subsenses); i++)
    {
      g_autofree char *sub = g_strdup_printf ("%s%u.", number, i + 1);

      append_sense (self, GTK_BOX (sense_box), element_object (subsenses, i), sub);
    }

  gtk_box_append (box, sense_box);
}

/* }}} */

/* Related entries {{{ */

static void
on_related_clicked (GtkButton          *button,
                    BansoDictEntryView *self)
{
  g_signal_emit (self, signals[RELATED_ACTIVATED], 0,
                 g_object_get_data (G_OBJECT (button), "ref"));
}

static void
append_relations (BansoDictEntryView *self,
                  JsonArray          *relations)
{
  GtkWidget *flow;

  if (relations == NULL || json_array_get_length (relations) == 0)
    return;

  gtk_box_append (self->content, heading (_("Related Words")));
  flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 6);

  for (guint i = 0; i < json_array_get_length (relations); i++)
    {
      JsonObject *relation = element_object (relations, i);
      const char *ref = member_string (relation, "ref");
      const char *type = member_string (relation, "type");
      const char *label = member_string (relation, "label");
      g_autofree char *text = NULL;
      GtkWidget *button;

      if (ref == NULL)
        continue;
      /* Translators: a related entry and how it is related, "ꪀꪱ (synonym)". */
      text = type ? g_strdup_printf (_("%s (%s)"), label ? label : ref, type)
                  : g_strdup (label ? label : ref);
      button = gtk_button_new_with_label (text);
      gtk_widget_add_css_class (button, "pill");
      if (banso_dict_script_class (text) != NULL)
        gtk_widget_add_css_class (gtk_button_get_child (GTK_BUTTON (button)), banso_dict_script_class (text));
      g_object_set_data_full (G_OBJECT (button), "ref", g_strdup (ref), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_related_clicked), self);
      gtk_flow_box_append (GTK_FLOW_BOX (flow), button);
    }
  gtk_box_append (self->content, flow);
}

/* }}} */

static void
clear_content (BansoDictEntryView *self)
{
  GtkWidget *child;

  stop_playing (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
}

static void
rebuild (BansoDictEntryView *self)
{
  JsonObject *entry = self->entry;
  JsonArray *forms;
  JsonArray *senses;
  JsonArray *variants;
  JsonArray *notes;
  const char *pos;

  clear_content (self);
  if (entry == NULL)
    return;

  forms = member_array (entry, "forms");
  for (guint i = 0; forms && i < json_array_get_length (forms); i++)
    {
      JsonObject *form = element_object (forms, i);
      const char *text = member_string (form, "text");
      const char *ws = member_string (form, "ws");
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
      g_autofree char *name = ws ? banso_dict_ws_dup_name (ws) : NULL;
      GtkWidget *tag;

      if (text == NULL)
        continue;
      gtk_box_append (GTK_BOX (row), text_label (text, i == 0 ? "title-1" : "title-2"));
      if (name != NULL)
        {
          tag = gtk_label_new (name);
          gtk_widget_add_css_class (tag, "dim-label");
          gtk_widget_set_valign (tag, GTK_ALIGN_BASELINE);
          gtk_box_append (GTK_BOX (row), tag);
        }
      gtk_box_append (self->content, row);
    }

  append_multitext (self->content, member_array (entry, "citation"), "title-4", TRUE);
  append_pronunciations (self, member_array (entry, "pronunciations"));

  pos = member_string (entry, "pos");
  if (pos != NULL)
    gtk_box_append (self->content, text_label (pos, "dim-label"));

  senses = member_array (entry, "senses");
  for (guint i = 0; senses && i < json_array_get_length (senses); i++)
    {
      g_autofree char *number = g_strdup_printf ("%u.", i + 1);

      append_sense (self, self->content, element_object (senses, i), number);
    }

  variants = member_array (entry, "variants");
  if (variants != NULL && json_array_get_length (variants) > 0)
    {
      gtk_box_append (self->content, heading (_("Variants")));
      for (guint i = 0; i < json_array_get_length (variants); i++)
        append_multitext (self->content, member_array (element_object (variants, i), "forms"),
                          NULL, TRUE);
    }

  notes = member_array (entry, "notes");
  if (notes != NULL && json_array_get_length (notes) > 0)
    {
      gtk_box_append (self->content, heading (_("Notes")));
      for (guint i = 0; i < json_array_get_length (notes); i++)
        append_multitext (self->content, member_array (element_object (notes, i), "forms"),
                          NULL, FALSE);
    }

  append_relations (self, member_array (entry, "relations"));
}

void
banso_dict_entry_view_set_entry (BansoDictEntryView *self,
                                 JsonObject         *entry)
{
  g_return_if_fail (BANSO_IS_DICT_ENTRY_VIEW (self));

  if (self->entry == entry)
    return;
  stop_playing (self);
  g_clear_pointer (&self->entry, json_object_unref);
  if (entry != NULL)
    self->entry = json_object_ref (entry);
  rebuild (self);
}

JsonObject *
banso_dict_entry_view_get_entry (BansoDictEntryView *self)
{
  g_return_val_if_fail (BANSO_IS_DICT_ENTRY_VIEW (self), NULL);

  return self->entry;
}

void
banso_dict_entry_view_set_resolver (BansoDictEntryView     *self,
                                    BansoDictMediaResolver  resolver,
                                    gpointer                user_data,
                                    GDestroyNotify          destroy)
{
  g_return_if_fail (BANSO_IS_DICT_ENTRY_VIEW (self));

  if (self->resolver_destroy != NULL)
    self->resolver_destroy (self->resolver_data);
  self->resolver = resolver;
  self->resolver_data = user_data;
  self->resolver_destroy = destroy;
  rebuild (self);
}

GtkWidget *
banso_dict_entry_view_new (void)
{
  return g_object_new (BANSO_TYPE_DICT_ENTRY_VIEW, NULL);
}

static void
banso_dict_entry_view_dispose (GObject *object)
{
  BansoDictEntryView *self = (BansoDictEntryView *)object;

  stop_playing (self);
  banso_dict_entry_view_set_resolver (self, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BANSO_TYPE_DICT_ENTRY_VIEW);

  G_OBJECT_CLASS (banso_dict_entry_view_parent_class)->dispose (object);
}

static void
banso_dict_entry_view_finalize (GObject *object)
{
  BansoDictEntryView *self = (BansoDictEntryView *)object;

  g_clear_pointer (&self->entry, json_object_unref);

  G_OBJECT_CLASS (banso_dict_entry_view_parent_class)->finalize (object);
}

static void
banso_dict_entry_view_class_init (BansoDictEntryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = banso_dict_entry_view_dispose;
  object_class->finalize = banso_dict_entry_view_finalize;

  /**
   * BansoDictEntryView::related-activated:
   * @ref: the LIFT id of the related entry
   *
   * The reader asked to see a related entry.
   */
  signals[RELATED_ACTIVATED] =
    g_signal_new ("related-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/banso/Banso/ui/banso-dict-entry-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BansoDictEntryView, content);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
banso_dict_entry_view_init (BansoDictEntryView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
