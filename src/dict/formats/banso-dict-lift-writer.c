/* banso-dict-lift-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-dict"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <string.h>

#include "banso-dict-lift.h"

/*
 * Writes LIFT 0.13 that FieldWorks reads: the header names the ranges, which
 * go to a .lift-ranges file beside the .lift, and each entry is written from
 * its JSON the way the reader reads it, so that reading what was written gives
 * the same JSON. What the reader kept as XML ("extra") is written back as it
 * was, once checked to be well formed.
 */

typedef struct
{
  BansoDictWriter  parent;
  BansoDictOut     out;
  BansoDictOut     ranges_out;
  gboolean         have_ranges;
  char            *lang;
  GString         *buf;
  GError          *bad;
} LiftWriter;

static void
append_escaped (GString    *out,
                const char *text,
                gboolean    attribute)
{
  g_autofree char *clean = _banso_text_sanitize (text, -1);
  const char *p;

  for (p = clean; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          if (attribute)
            g_string_append (out, "&quot;");
          else
            g_string_append_c (out, '"');
          break;
        case '\r':
          g_string_append (out, "&#13;");
          break;
        case '\n':
          if (attribute)
            g_string_append (out, "&#10;");
          else
            g_string_append_c (out, '\n');
          break;
        case '\t':
          if (attribute)
            g_string_append (out, "&#9;");
          else
            g_string_append_c (out, '\t');
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

static void
append_attr (GString    *out,
             const char *name,
             const char *value)
{
  if (value == NULL)
    return;
  g_string_append_printf (out, " %s=\"", name);
  append_escaped (out, value, TRUE);
  g_string_append_c (out, '"');
}

static void
append_int_attr (GString    *out,
                 const char *name,
                 JsonObject *obj,
                 const char *member)
{
  gint64 n;

  if (_banso_json_get_int (obj, member, &n))
    g_string_append_printf (out, " %s=\"%" G_GINT64_FORMAT "\"", name, n);
}

static gboolean
is_xml_name (const char *name)
{
  return xmlValidateName ((const xmlChar *)name, 0) == 0;
}

/* The attributes the reader kept: those of the element itself, or with
 * @prefix, those of its child element @prefix. */
static void
append_kept_attrs (GString            *out,
                   JsonObject         *obj,
                   const char * const *known,
                   const char         *prefix)
{
  JsonObject *attrs = _banso_json_get_object (obj, "attributes");
  g_autoptr(GList) names = NULL;
  gsize prefix_len = prefix != NULL ? strlen (prefix) : 0;
  GList *l;

  if (attrs == NULL)
    return;
  names = json_object_get_members (attrs);
  for (l = names; l != NULL; l = l->next)
    {
      const char *key = l->data;
      const char *name = key;
      const char *at = strchr (key, '@');

      if (prefix != NULL)
        {
          if (strncmp (key, prefix, prefix_len) != 0 || key[prefix_len] != '@')
            continue;
          name = key + prefix_len + 1;
        }
      else if (at != NULL)
        {
          continue;
        }
      if (known != NULL && g_strv_contains (known, name))
        continue;
      if (!is_xml_name (name))
        continue;
      append_attr (out, name, _banso_json_get_string (attrs, key));
    }
}

static void
append_extra (LiftWriter *self,
              GString    *out,
              JsonObject *obj)
{
  JsonArray *extra = _banso_json_get_array (obj, "extra");
  guint i;

  for (i = 0; extra != NULL && i < json_array_get_length (extra); i++)
    {
      const char *xml = _banso_json_array_get_string (extra, i);
      g_autofree char *check = NULL;

      if (xml == NULL)
        continue;
      check = _banso_lift_fragment_text (xml);
      if (check == NULL)
        {
          if (self->bad == NULL)
            g_set_error (&self->bad, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
                         _("An element kept from another file is not well-formed XML: %.80s"),
                         xml);
          continue;
        }
      g_string_append (out, xml);
      g_string_append_c (out, '\n');
    }
}

static void
append_form (LiftWriter *self,
             GString    *out,
             JsonObject *form,
             const char *element)
{
  static const char * const known[] = { "lang", NULL };
  const char *ws = _banso_json_get_string (form, "ws");
  const char *text = _banso_json_get_string (form, "text");
  const char *spans = _banso_json_get_string (form, "spans");
  JsonArray *annotations = _banso_json_get_array (form, "annotations");
  guint i;

  /* A form read without a lang keeps none; one made elsewhere without a
   * writing system gets the dictionary's language. */
  if (ws == NULL)
    ws = self->lang;
  else if (*ws == '\0')
    ws = NULL;
  if (text == NULL)
    text = "";
  g_string_append_printf (out, "<%s", element);
  append_attr (out, "lang", ws);
  append_kept_attrs (out, form, known, NULL);
  g_string_append (out, "><text");
  append_kept_attrs (out, form, NULL, "text");
  g_string_append_c (out, '>');
  if (spans != NULL)
    {
      g_autofree char *plain = _banso_lift_fragment_text (spans);
      g_autofree char *want = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);

      /* The markup, unless the text was changed since it was read. */
      if (plain != NULL && want != NULL && strcmp (plain, want) == 0)
        g_string_append (out, spans);
      else
        append_escaped (out, text, FALSE);
    }
  else
    {
      append_escaped (out, text, FALSE);
    }
  g_string_append (out, "</text>");
  for (i = 0; annotations != NULL && i < json_array_get_length (annotations); i++)
    {
      const char *xml = _banso_json_array_get_string (annotations, i);
      g_autofree char *check = xml != NULL ? _banso_lift_fragment_text (xml) : NULL;

      if (check != NULL)
        g_string_append (out, xml);
    }
  append_extra (self, out, form);
  g_string_append_printf (out, "</%s>\n", element);
}

static void
append_forms (LiftWriter *self,
              GString    *out,
              JsonArray  *forms,
              const char *element)
{
  guint i;

  for (i = 0; forms != NULL && i < json_array_get_length (forms); i++)
    {
      JsonObject *form = _banso_json_array_get_object (forms, i);

      if (form != NULL)
        append_form (self, out, form, element);
    }
}

/* A multitext element <@element> from @owner[@member]. */
static void
append_multitext (LiftWriter *self,
                  GString    *out,
                  JsonObject *owner,
                  const char *member,
                  const char *element)
{
  JsonArray *forms = _banso_json_get_array (owner, member);

  if (forms == NULL)
    return;
  g_string_append_printf (out, "<%s", element);
  append_kept_attrs (out, owner, NULL, element);
  g_string_append (out, ">\n");
  append_forms (self, out, forms, "form");
  g_string_append_printf (out, "</%s>\n", element);
}

static void append_common (LiftWriter *self,
                           GString    *out,
                           JsonObject *obj);

static void
append_trait (LiftWriter *self,
              GString    *out,
              JsonObject *trait)
{
  static const char * const known[] = { "name", "value", NULL };

  g_string_append (out, "<trait");
  append_attr (out, "name", _banso_json_get_string (trait, "name"));
  append_attr (out, "value", _banso_json_get_string (trait, "value"));
  append_kept_attrs (out, trait, known, NULL);
  if (_banso_json_get_array (trait, "extra") != NULL)
    {
      g_string_append (out, ">");
      append_extra (self, out, trait);
      g_string_append (out, "</trait>\n");
    }
  else
    {
      g_string_append (out, "/>\n");
    }
}

static void
append_traits (LiftWriter *self,
               GString    *out,
               JsonArray  *traits)
{
  guint i;

  for (i = 0; traits != NULL && i < json_array_get_length (traits); i++)
    {
      JsonObject *trait = _banso_json_array_get_object (traits, i);

      if (trait != NULL)
        append_trait (self, out, trait);
    }
}

static void
append_field (LiftWriter *self,
              GString    *out,
              JsonObject *field)
{
  static const char * const known[] = { "type", NULL };

  g_string_append (out, "<field");
  append_attr (out, "type", _banso_json_get_string (field, "type"));
  append_kept_attrs (out, field, known, NULL);
  g_string_append (out, ">\n");
  append_forms (self, out, _banso_json_get_array (field, "forms"), "form");
  append_common (self, out, field);
  append_extra (self, out, field);
  g_string_append (out, "</field>\n");
}

static void
append_common (LiftWriter *self,
               GString    *out,
               JsonObject *obj)
{
  JsonArray *fields = _banso_json_get_array (obj, "fields");
  guint i;

  append_traits (self, out, _banso_json_get_array (obj, "traits"));
  for (i = 0; fields != NULL && i < json_array_get_length (fields); i++)
    {
      JsonObject *field = _banso_json_array_get_object (fields, i);

      if (field != NULL)
        append_field (self, out, field);
    }
}

/* A note, a translation, a reversal. */
static void
append_typed (LiftWriter *self,
              GString    *out,
              JsonObject *obj,
              const char *element)
{
  static const char * const known[] = { "type", NULL };

  g_string_append_printf (out, "<%s", element);
  append_attr (out, "type", _banso_json_get_string (obj, "type"));
  append_kept_attrs (out, obj, known, NULL);
  g_string_append (out, ">\n");
  append_forms (self, out, _banso_json_get_array (obj, "forms"), "form");
  append_common (self, out, obj);
  append_extra (self, out, obj);
  g_string_append_printf (out, "</%s>\n", element);
}

typedef void (*AppendFunc) (LiftWriter *self,
                            GString    *out,
                            JsonObject *obj,
                            const char *element);

static void
append_each (LiftWriter *self,
             GString    *out,
             JsonObject *owner,
             const char *member,
             const char *element,
             AppendFunc  func)
{
  JsonArray *array = _banso_json_get_array (owner, member);
  guint i;

  for (i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *obj = _banso_json_array_get_object (array, i);

      if (obj != NULL)
        func (self, out, obj, element);
    }
}

static void
append_media (LiftWriter *self,
              GString    *out,
              JsonObject *media,
              const char *element)
{
  static const char * const known[] = { "href", NULL };
  const char *href = _banso_json_get_string (media, "href");
  const char *folder = strcmp (element, "media") == 0 ? "audio" : "pictures";

  g_string_append_printf (out, "<%s", element);
  if (href != NULL)
    {
      g_autofree char *relative = _banso_lift_href_from_entry (href, folder);

      append_attr (out, "href", relative);
    }
  append_kept_attrs (out, media, known, NULL);
  g_string_append (out, ">");
  append_multitext (self, out, media, "label", "label");
  append_extra (self, out, media);
  g_string_append_printf (out, "</%s>\n", element);
}

static void
append_pronunciation (LiftWriter *self,
                      GString    *out,
                      JsonObject *pron,
                      const char *element)
{
  g_string_append (out, "<pronunciation");
  append_kept_attrs (out, pron, NULL, NULL);
  g_string_append (out, ">\n");
  append_forms (self, out, _banso_json_get_array (pron, "forms"), "form");
  append_each (self, out, pron, "media", "media", append_media);
  append_common (self, out, pron);
  append_extra (self, out, pron);
  g_string_append (out, "</pronunciation>\n");
}

static void
append_variant (LiftWriter *self,
                GString    *out,
                JsonObject *variant,
                const char *element)
{
  static const char * const known[] = { "ref", NULL };

  g_string_append (out, "<variant");
  append_attr (out, "ref", _banso_json_get_string (variant, "ref"));
  append_kept_attrs (out, variant, known, NULL);
  g_string_append (out, ">\n");
  append_forms (self, out, _banso_json_get_array (variant, "forms"), "form");
  append_common (self, out, variant);
  append_extra (self, out, variant);
  g_string_append (out, "</variant>\n");
}

static void
append_relation (LiftWriter *self,
                 GString    *out,
                 JsonObject *relation,
                 const char *element)
{
  /* A non-numeric order is among the kept attributes. */
  static const char * const known[] = { "type", "ref", NULL };

  g_string_append (out, "<relation");
  append_attr (out, "type", _banso_json_get_string (relation, "type"));
  append_attr (out, "ref", _banso_json_get_string (relation, "ref"));
  append_int_attr (out, "order", relation, "order");
  append_kept_attrs (out, relation, known, NULL);
  g_string_append (out, ">\n");
  append_multitext (self, out, relation, "usage", "usage");
  append_common (self, out, relation);
  append_extra (self, out, relation);
  g_string_append (out, "</relation>\n");
}

static void
append_etymology (LiftWriter *self,
                  GString    *out,
                  JsonObject *etym,
                  const char *element)
{
  static const char * const known[] = { "type", "source", NULL };

  g_string_append (out, "<etymology");
  append_attr (out, "type", _banso_json_get_string (etym, "type"));
  append_attr (out, "source", _banso_json_get_string (etym, "source"));
  append_kept_attrs (out, etym, known, NULL);
  g_string_append (out, ">\n");
  append_forms (self, out, _banso_json_get_array (etym, "forms"), "form");
  append_forms (self, out, _banso_json_get_array (etym, "glosses"), "gloss");
  append_common (self, out, etym);
  append_extra (self, out, etym);
  g_string_append (out, "</etymology>\n");
}

static void
append_example (LiftWriter *self,
                GString    *out,
                JsonObject *example,
                const char *element)
{
  static const char * const known[] = { "source", NULL };

  g_string_append (out, "<example");
  append_attr (out, "source", _banso_json_get_string (example, "source"));
  append_kept_attrs (out, example, known, NULL);
  g_string_append (out, ">\n");
  append_forms (self, out, _banso_json_get_array (example, "forms"), "form");
  append_each (self, out, example, "translations", "translation", append_typed);
  append_each (self, out, example, "notes", "note", append_typed);
  append_common (self, out, example);
  append_extra (self, out, example);
  g_string_append (out, "</example>\n");
}

static void
append_sense (LiftWriter *self,
              GString    *out,
              JsonObject *sense,
              const char *element,
              const char *entry_pos)
{
  static const char * const known[] = { "id", NULL };
  const char *pos = _banso_json_get_string (sense, "pos");
  JsonArray *domains = _banso_json_get_array (sense, "domains");
  guint i;

  g_string_append_printf (out, "<%s", element);
  append_attr (out, "id", _banso_json_get_string (sense, "id"));
  append_int_attr (out, "order", sense, "order");
  append_kept_attrs (out, sense, known, NULL);
  g_string_append (out, ">\n");
  if (pos == NULL)
    pos = entry_pos;
  if (pos != NULL)
    {
      g_string_append (out, "<grammatical-info");
      append_attr (out, "value", pos);
      append_kept_attrs (out, sense, (const char * const []) { "value", NULL },
                         "grammatical-info");
      g_string_append (out, ">\n");
      append_traits (self, out, _banso_json_get_array (sense, "pos_traits"));
      g_string_append (out, "</grammatical-info>\n");
    }
  append_forms (self, out, _banso_json_get_array (sense, "glosses"), "gloss");
  append_multitext (self, out, sense, "definitions", "definition");
  append_each (self, out, sense, "relations", "relation", append_relation);
  append_each (self, out, sense, "notes", "note", append_typed);
  append_each (self, out, sense, "examples", "example", append_example);
  append_each (self, out, sense, "reversals", "reversal", append_typed);
  append_each (self, out, sense, "pictures", "illustration", append_media);
  for (i = 0; domains != NULL && i < json_array_get_length (domains); i++)
    {
      const char *domain = _banso_json_array_get_string (domains, i);

      if (domain == NULL)
        continue;
      g_string_append (out, "<trait");
      append_attr (out, "name", "semantic-domain-ddp4");
      append_attr (out, "value", domain);
      g_string_append (out, "/>\n");
    }
  append_common (self, out, sense);
  {
    JsonArray *subsenses = _banso_json_get_array (sense, "subsenses");

    for (i = 0; subsenses != NULL && i < json_array_get_length (subsenses); i++)
      {
        JsonObject *sub = _banso_json_array_get_object (subsenses, i);

        if (sub != NULL)
          append_sense (self, out, sub, "subsense", NULL);
      }
  }
  append_extra (self, out, sense);
  g_string_append_printf (out, "</%s>\n", element);
}

static gboolean
forms_equal (JsonObject *entry,
             const char *a,
             const char *b)
{
  JsonNode *na = json_object_get_member (entry, a);
  JsonNode *nb = json_object_get_member (entry, b);

  return na != NULL && nb != NULL && json_node_equal (na, nb);
}

static void
append_entry (LiftWriter *self,
              GString    *out,
              JsonObject *entry)
{
  static const char * const known[] = {
    "id", "guid", "dateCreated", "dateModified", "dateDeleted", NULL
  };
  JsonObject *lift = _banso_json_get_object (entry, "lift");
  JsonArray *forms = _banso_json_get_array (entry, "forms");
  JsonArray *senses = _banso_json_get_array (entry, "senses");
  const char *entry_pos = _banso_json_get_string (entry, "pos");
  g_autofree char *made_id = NULL;
  g_autofree char *made_guid = NULL;
  const char *id = _banso_json_get_string (lift, "id");
  const char *guid = _banso_json_get_string (lift, "guid");
  guint i;

  /* FieldWorks wants an id and a guid on each entry it merges: entries
   * that come from elsewhere get them, those read from LIFT stay as read. */
  if (lift == NULL)
    {
      const char *head = _banso_json_multitext_first (forms);

      made_guid = g_uuid_string_random ();
      made_id = g_strdup_printf ("%s_%s", head != NULL ? head : "entry", made_guid);
      id = made_id;
      guid = made_guid;
    }

  g_string_append (out, "<entry");
  append_attr (out, "dateCreated", _banso_json_get_string (lift, "dateCreated"));
  append_attr (out, "dateModified", _banso_json_get_string (lift, "dateModified"));
  append_attr (out, "id", id);
  append_attr (out, "guid", guid);
  append_int_attr (out, "order", lift, "order");
  append_attr (out, "dateDeleted", _banso_json_get_string (lift, "dateDeleted"));
  append_kept_attrs (out, entry, known, NULL);
  g_string_append (out, ">\n");

  if (forms != NULL && json_array_get_length (forms) > 0
      && !(json_object_has_member (lift != NULL ? lift : entry, "noLexicalUnit")
           && lift != NULL && json_object_get_boolean_member_with_default (lift, "noLexicalUnit", FALSE)
           && forms_equal (entry, "forms", "citation")))
    append_multitext (self, out, entry, "forms", "lexical-unit");
  append_multitext (self, out, entry, "citation", "citation");
  append_each (self, out, entry, "pronunciations", "pronunciation", append_pronunciation);
  append_each (self, out, entry, "variants", "variant", append_variant);
  append_each (self, out, entry, "notes", "note", append_typed);
  append_each (self, out, entry, "relations", "relation", append_relation);
  append_each (self, out, entry, "etymologies", "etymology", append_etymology);
  append_common (self, out, entry);

  for (i = 0; senses != NULL && i < json_array_get_length (senses); i++)
    {
      JsonObject *sense = _banso_json_array_get_object (senses, i);

      if (sense != NULL)
        append_sense (self, out, sense, "sense", i == 0 ? entry_pos : NULL);
    }
  if ((senses == NULL || json_array_get_length (senses) == 0) && entry_pos != NULL)
    {
      g_autoptr(JsonObject) sense = json_object_new ();

      append_sense (self, out, sense, "sense", entry_pos);
    }
  append_extra (self, out, entry);
  g_string_append (out, "</entry>\n");
}

/* The header and the ranges */

static void
append_range_element (LiftWriter *self,
                      GString    *out,
                      JsonObject *element,
                      const char *name)
{
  static const char * const known[] = { "id", "guid", "parent", NULL };

  g_string_append (out, "<range-element");
  append_attr (out, "id", _banso_json_get_string (element, "id"));
  append_attr (out, "guid", _banso_json_get_string (element, "guid"));
  append_attr (out, "parent", _banso_json_get_string (element, "parent"));
  append_kept_attrs (out, element, known, NULL);
  g_string_append (out, ">\n");
  append_multitext (self, out, element, "label", "label");
  append_multitext (self, out, element, "abbrev", "abbrev");
  append_multitext (self, out, element, "description", "description");
  append_common (self, out, element);
  append_extra (self, out, element);
  g_string_append (out, "</range-element>\n");
}

static gboolean
write_ranges (LiftWriter  *self,
              JsonObject  *ranges,
              const char  *ranges_path,
              GError     **error)
{
  g_autoptr(GString) out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<lift-ranges>\n");
  g_autoptr(GList) ids = json_object_get_members (ranges);
  GList *l;

  for (l = ids; l != NULL; l = l->next)
    {
      JsonObject *range = _banso_json_get_object (ranges, l->data);
      static const char * const known[] = { "id", "href", "guid", NULL };

      if (range == NULL)
        continue;
      g_string_append (out, "<range");
      append_attr (out, "id", l->data);
      append_attr (out, "guid", _banso_json_get_string (range, "guid"));
      append_kept_attrs (out, range, known, NULL);
      g_string_append (out, ">\n");
      append_each (self, out, range, "elements", "range-element", append_range_element);
      append_extra (self, out, range);
      g_string_append (out, "</range>\n");
    }
  g_string_append (out, "</lift-ranges>\n");

  if (!_banso_dict_out_open (&self->ranges_out, ranges_path, error))
    return FALSE;
  self->have_ranges = TRUE;
  return _banso_dict_out_write (&self->ranges_out, out->str, out->len, error);
}

static gboolean
lift_open (BansoDictWriter  *writer,
           JsonObject       *info,
           GError          **error)
{
  LiftWriter *self = (LiftWriter *)writer;
  JsonObject *ranges = _banso_json_get_object (info, "ranges");
  JsonObject *extra = _banso_json_get_object (info, "extra");
  JsonArray *fields = _banso_json_get_array (extra, "fields");
  g_autofree char *ranges_path = g_strconcat (writer->path, "-ranges", NULL);
  g_autofree char *ranges_uri = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  const char *lang = _banso_json_get_string (info, "lang");
  guint i;

  self->lang = g_strdup (lang != NULL ? lang : "und");
  self->buf = g_string_sized_new (4096);

  if (!_banso_dict_out_open (&self->out, writer->path, error))
    return FALSE;

  if (ranges != NULL && json_object_get_size (ranges) > 0)
    {
      g_autofree char *absolute = g_canonicalize_filename (ranges_path, NULL);

      ranges_uri = g_filename_to_uri (absolute, NULL, NULL);
      if (!write_ranges (self, ranges, ranges_path, error))
        return FALSE;
    }

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<lift");
  append_attr (out, "producer", "Banso " PACKAGE_VERSION);
  append_attr (out, "version", "0.13");
  append_kept_attrs (out, extra, (const char * const []) { "producer", "version", NULL }, NULL);
  g_string_append (out, ">\n<header>\n");
  append_multitext (self, out, extra, "header_description", "description");
  if (ranges_uri != NULL)
    {
      g_autoptr(GList) ids = json_object_get_members (ranges);
      GList *l;

      g_string_append (out, "<ranges>\n");
      for (l = ids; l != NULL; l = l->next)
        {
          g_string_append (out, "<range");
          append_attr (out, "id", l->data);
          append_attr (out, "href", ranges_uri);
          g_string_append (out, "/>\n");
        }
      g_string_append (out, "</ranges>\n");
    }
  if (fields != NULL)
    {
      g_string_append (out, "<fields>\n");
      for (i = 0; i < json_array_get_length (fields); i++)
        {
          JsonObject *def = _banso_json_array_get_object (fields, i);

          if (def == NULL)
            continue;
          g_string_append (out, "<field");
          append_attr (out, "tag", _banso_json_get_string (def, "tag"));
          append_kept_attrs (out, def, (const char * const []) { "tag", NULL }, NULL);
          g_string_append (out, ">\n");
          append_forms (self, out, _banso_json_get_array (def, "forms"), "form");
          append_extra (self, out, def);
          g_string_append (out, "</field>\n");
        }
      g_string_append (out, "</fields>\n");
    }
  append_extra (self, out, extra);
  g_string_append (out, "</header>\n");

  if (self->bad != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->bad));
      return FALSE;
    }
  return _banso_dict_out_write (&self->out, out->str, out->len, error);
}

static gboolean
lift_add (BansoDictWriter  *writer,
          JsonObject       *entry,
          GError          **error)
{
  LiftWriter *self = (LiftWriter *)writer;

  g_string_truncate (self->buf, 0);
  append_entry (self, self->buf, entry);
  if (self->bad != NULL)
    {
      const char *head = _banso_json_multitext_first (_banso_json_get_array (entry, "forms"));

      g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
                   _("Entry %u (“%s”): %s"), writer->n_entries + 1, head != NULL ? head : "",
                   self->bad->message);
      g_clear_error (&self->bad);
      return FALSE;
    }
  return _banso_dict_out_write (&self->out, self->buf->str, self->buf->len, error);
}

static gboolean
lift_finish (BansoDictWriter  *writer,
             GError          **error)
{
  LiftWriter *self = (LiftWriter *)writer;
  static const char end[] = "</lift>\n";

  if (!_banso_dict_out_write (&self->out, end, strlen (end), error))
    return FALSE;
  if (self->have_ranges && !_banso_dict_out_close (&self->ranges_out, error))
    return FALSE;
  if (!_banso_dict_out_close (&self->out, error))
    return FALSE;
  if (self->have_ranges && !_banso_dict_out_commit (&self->ranges_out, error))
    return FALSE;
  return _banso_dict_out_commit (&self->out, error);
}

static void
lift_free (BansoDictWriter *writer)
{
  LiftWriter *self = (LiftWriter *)writer;

  _banso_dict_out_abort (&self->out);
  _banso_dict_out_abort (&self->ranges_out);
  g_free (self->lang);
  if (self->buf != NULL)
    g_string_free (self->buf, TRUE);
  g_clear_error (&self->bad);
}

const BansoDictWriterClass _banso_dict_lift_writer_class = {
  sizeof (LiftWriter),
  lift_open,
  lift_add,
  lift_finish,
  lift_free,
};
