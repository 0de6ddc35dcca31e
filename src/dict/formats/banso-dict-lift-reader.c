/* banso-dict-lift-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-dict"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <string.h>

#include "banso-dict-lift.h"

/*
 * LIFT 0.13 as FieldWorks writes it, read with libxml2's streaming reader:
 * each <entry> is expanded alone into a small tree, turned into JSON and
 * released before the next, so memory does not grow with the file. The
 * schema is not enforced (FieldWorks's own files do not follow it): whatever
 * the JSON does not model is kept as XML in "extra" (elements) and
 * "attributes" (attributes), and written back by the writer.
 */

struct _BansoLiftParse
{
  const char *path;
  char       *folder;
  JsonArray  *missing_media;
  const char *entry_id;
  guint       entry_line;
};

typedef struct
{
  BansoLiftParse   parse;
  xmlTextReaderPtr reader;
  char            *xml_error;
  int              xml_error_line;
  GHashTable      *lang_counts;
  GPtrArray       *gloss_langs;
  GHashTable      *gloss_seen;
} LiftReader;

static gboolean
is_name (xmlNode    *node,
         const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *)node->name, name) == 0;
}

static char *
nfc (const char *text)
{
  const guchar *p;

  for (p = (const guchar *)text; *p != '\0'; p++)
    {
      if (*p >= 0x80)
        {
          char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);

          return normal != NULL ? normal : g_strdup (text);
        }
    }
  return g_strdup (text);
}

char *
_banso_lift_node_to_xml (xmlNode *node)
{
  xmlBufferPtr buf = xmlBufferCreate ();
  char *text;

  xmlNodeDump (buf, node->doc, node, 0, 0);
  text = g_strdup ((const char *)xmlBufferContent (buf));
  xmlBufferFree (buf);
  return text;
}

/* Parses @xml as the content of an element; returns its text content (for
 * spans) or NULL when it is not well formed. */
/* Only XML's own entities and character references: others need a DTD,
 * which a fragment written back into another file does not have. */
static gboolean
only_predefined_entities (const char *xml)
{
  static const char * const names[] = { "amp;", "lt;", "gt;", "quot;", "apos;" };
  const char *p;

  for (p = strchr (xml, '&'); p != NULL; p = strchr (p + 1, '&'))
    {
      const char *q = p + 1;
      gboolean ok = FALSE;
      guint i;

      for (i = 0; i < G_N_ELEMENTS (names); i++)
        ok |= g_str_has_prefix (q, names[i]);
      if (!ok && *q == '#')
        {
          gboolean hex = q[1] == 'x';
          const char *d = q + (hex ? 2 : 1);
          const char *start = d;

          while (hex ? g_ascii_isxdigit (*d) : g_ascii_isdigit (*d))
            d++;
          ok = d > start && *d == ';';
        }
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

char *
_banso_lift_fragment_text (const char *xml)
{
  g_autofree char *doc_text = g_strconcat ("<t>", xml, "</t>", NULL);
  xmlDocPtr doc = xmlReadMemory (doc_text, strlen (doc_text), NULL, "UTF-8",
                                 XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  xmlChar *content;
  char *text;

  if (doc == NULL)
    return NULL;
  if (!only_predefined_entities (xml))
    {
      xmlFreeDoc (doc);
      return NULL;
    }
  content = xmlNodeGetContent (xmlDocGetRootElement (doc));
  text = g_utf8_normalize (content != NULL ? (const char *)content : "", -1, G_NORMALIZE_NFC);
  xmlFree (content);
  xmlFreeDoc (doc);
  return text != NULL ? text : g_strdup ("");
}

/* Replaces the references to the file's own entities by their text. */
static void
replace_entity_refs (xmlNode *node)
{
  xmlNode *child = node->children;

  while (child != NULL)
    {
      xmlNode *next = child->next;

      if (child->type == XML_ENTITY_REF_NODE)
        {
          xmlChar *content = xmlNodeGetContent (child);

          /* An empty text node would write the element as <x></x>. */
          if (content != NULL && *content != '\0')
            xmlReplaceNode (child, xmlNewDocText (node->doc, content));
          else
            xmlUnlinkNode (child);
          xmlFree (content);
          xmlFreeNode (child);
        }
      else if (child->type == XML_ELEMENT_NODE)
        {
          replace_entity_refs (child);
        }
      child = next;
    }
}

static void
add_extra (JsonObject *obj,
           xmlNode    *node)
{
  g_autofree char *xml = NULL;
  gboolean is_text = node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE;
  JsonArray *extra;
  guint n;
  const char *last;

  if (node->type == XML_COMMENT_NODE || node->type == XML_PI_NODE)
    return;
  xml = _banso_lift_node_to_xml (node);

  /* Entity references of the file's own DTD do not parse on their own: such
   * a node is kept as its text, which the writer can write back. */
  if (strchr (xml, '&') != NULL)
    {
      g_autofree char *check = _banso_lift_fragment_text (xml);

      if (check == NULL && node->type == XML_ELEMENT_NODE)
        {
          xmlNode *copy = xmlDocCopyNode (node, node->doc, 1);

          replace_entity_refs (copy);
          g_free (xml);
          xml = _banso_lift_node_to_xml (copy);
          xmlFreeNode (copy);
          check = _banso_lift_fragment_text (xml);
        }
      if (check == NULL)
        {
          xmlChar *content = xmlNodeGetContent (node);
          xmlChar *escaped = xmlEncodeSpecialChars (node->doc, content);

          g_free (xml);
          xml = g_strdup (escaped != NULL ? (const char *)escaped : "");
          xmlFree (content);
          xmlFree (escaped);
          is_text = TRUE;
        }
    }

  /* Text where LIFT has only elements: the white space around it is not
   * kept, and pieces that follow each other in "extra" become one, as the
   * writer puts them on lines of their own. */
  if (is_text)
    {
      g_strstrip (xml);
      if (*xml == '\0')
        return;
    }
  extra = _banso_json_ensure_array (obj, "extra");
  n = json_array_get_length (extra);
  last = n > 0 ? _banso_json_array_get_string (extra, n - 1) : NULL;
  if (is_text && last != NULL && last[0] != '<')
    {
      g_autofree char *joined = g_strconcat (last, "\n", xml, NULL);

      json_array_remove_element (extra, n - 1);
      json_array_add_string_element (extra, joined);
      return;
    }
  json_array_add_string_element (extra, xml);
}

static char *
get_attr (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *)name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = nfc ((const char *)value);
  xmlFree (value);
  return copy;
}

/* Attributes not in @known go to obj["attributes"], keyed "prefix@name" for
 * those of a child element that has no object of its own. */
static void
keep_other_attrs (xmlNode            *node,
                  JsonObject         *obj,
                  const char * const *known,
                  const char         *prefix)
{
  xmlAttr *attr;

  for (attr = node->properties; attr != NULL; attr = attr->next)
    {
      const char *name = (const char *)attr->name;
      g_autofree char *value = NULL;
      g_autofree char *key = NULL;
      xmlChar *raw;

      if (known != NULL && g_strv_contains (known, name))
        continue;
      raw = xmlNodeListGetString (node->doc, attr->children, 1);
      value = nfc (raw != NULL ? (const char *)raw : "");
      xmlFree (raw);
      key = prefix != NULL ? g_strconcat (prefix, "@", name, NULL) : g_strdup (name);
      if (attr->ns != NULL && attr->ns->prefix != NULL)
        {
          g_autofree char *qualified = g_strconcat ((const char *)attr->ns->prefix, ":", key, NULL);

          g_free (key);
          key = g_steal_pointer (&qualified);
        }
      if (_banso_json_get_object (obj, "attributes") == NULL)
        json_object_set_object_member (obj, "attributes", json_object_new ());
      json_object_set_string_member (_banso_json_get_object (obj, "attributes"), key, value);
    }
}

static void
set_attr_member (JsonObject *obj,
                 const char *member,
                 xmlNode    *node,
                 const char *attr)
{
  g_autofree char *value = get_attr (node, attr);

  if (value != NULL)
    json_object_set_string_member (obj, member, value);
}

/* An integer attribute becomes a number when it reads back the same. */
static void
set_int_attr (JsonObject *obj,
              const char *member,
              xmlNode    *node,
              const char *attr)
{
  g_autofree char *value = get_attr (node, attr);
  g_autofree char *again = NULL;
  gint64 n;

  if (value == NULL)
    return;
  n = g_ascii_strtoll (value, NULL, 10);
  again = g_strdup_printf ("%" G_GINT64_FORMAT, n);
  if (strcmp (again, value) == 0)
    {
      json_object_set_int_member (obj, member, n);
    }
  else
    {
      if (_banso_json_get_object (obj, "attributes") == NULL)
        json_object_set_object_member (obj, "attributes", json_object_new ());
      json_object_set_string_member (_banso_json_get_object (obj, "attributes"), attr, value);
    }
}

static void
parse_text (xmlNode    *text,
            JsonObject *form)
{
  xmlChar *content = xmlNodeGetContent (text);
  g_autofree char *plain = nfc (content != NULL ? (const char *)content : "");
  xmlNode *child;
  gboolean markup = FALSE;

  xmlFree (content);
  json_object_set_string_member (form, "text", plain);

  for (child = text->children; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE)
        markup = TRUE;
    }
  if (markup)
    {
      g_autoptr(GString) spans = g_string_new (NULL);
      g_autofree char *normal = NULL;

      for (child = text->children; child != NULL; child = child->next)
        {
          g_autofree char *xml = _banso_lift_node_to_xml (child);

          g_string_append (spans, xml);
        }
      normal = nfc (spans->str);
      /* Only markup that reads back as this text, as the writer checks. */
      {
        g_autofree char *check = _banso_lift_fragment_text (normal);

        if (check != NULL && strcmp (check, plain) == 0)
          json_object_set_string_member (form, "spans", normal);
      }
    }
  keep_other_attrs (text, form, NULL, "text");
}

/* <form lang="…"><text>…</text></form>, or a <gloss>, which is a form. */
static JsonObject *
parse_form (xmlNode *node)
{
  static const char * const known[] = { "lang", NULL };
  JsonObject *form = json_object_new ();
  g_autofree char *ws = get_attr (node, "lang");
  gboolean have_text = FALSE;
  xmlNode *child;

  json_object_set_string_member (form, "ws", ws != NULL ? ws : "");
  json_object_set_string_member (form, "text", "");
  keep_other_attrs (node, form, known, NULL);

  for (child = node->children; child != NULL; child = child->next)
    {
      if (is_name (child, "text") && !have_text)
        {
          parse_text (child, form);
          have_text = TRUE;
        }
      else if (is_name (child, "annotation"))
        {
          g_autofree char *xml = _banso_lift_node_to_xml (child);

          json_array_add_string_element (_banso_json_ensure_array (form, "annotations"), xml);
        }
      else
        {
          add_extra (form, child);
        }
    }
  return form;
}

/* The <form> children of a multitext element. What else it holds goes to
 * @owner: its elements to "extra", its attributes to "attributes" as
 * "element@attribute". */
static void
parse_multitext (xmlNode    *node,
                 JsonObject *owner,
                 const char *member)
{
  JsonArray *forms = _banso_json_ensure_array (owner, member);
  xmlNode *child;

  keep_other_attrs (node, owner, (const char * const []) { NULL }, (const char *)node->name);
  for (child = node->children; child != NULL; child = child->next)
    {
      if (is_name (child, "form"))
        json_array_add_object_element (forms, parse_form (child));
      else
        add_extra (owner, child);
    }
}

static JsonObject *
parse_trait (xmlNode *node)
{
  static const char * const known[] = { "name", "value", NULL };
  JsonObject *trait = json_object_new ();
  xmlNode *child;

  set_attr_member (trait, "name", node, "name");
  set_attr_member (trait, "value", node, "value");
  keep_other_attrs (node, trait, known, NULL);
  for (child = node->children; child != NULL; child = child->next)
    add_extra (trait, child);
  return trait;
}

static JsonObject *parse_field (xmlNode *node);

/* Traits and fields, which most LIFT elements may hold. */
static gboolean
parse_common (xmlNode    *child,
              JsonObject *obj)
{
  if (is_name (child, "trait"))
    json_array_add_object_element (_banso_json_ensure_array (obj, "traits"), parse_trait (child));
  else if (is_name (child, "field"))
    json_array_add_object_element (_banso_json_ensure_array (obj, "fields"), parse_field (child));
  else
    return FALSE;
  return TRUE;
}

static JsonObject *
parse_field (xmlNode *node)
{
  static const char * const known[] = { "type", NULL };
  JsonObject *field = json_object_new ();
  xmlNode *child;

  set_attr_member (field, "type", node, "type");
  keep_other_attrs (node, field, known, NULL);
  for (child = node->children; child != NULL; child = child->next)
    {
      if (is_name (child, "form"))
        json_array_add_object_element (_banso_json_ensure_array (field, "forms"), parse_form (child));
      else if (!parse_common (child, field))
        add_extra (field, child);
    }
  return field;
}

/* A note, a translation, a reversal: a typed multitext. */
static JsonObject *
parse_typed (xmlNode *node)
{
  static const char * const known[] = { "type", NULL };
  JsonObject *obj = json_object_new ();
  xmlNode *child;

  set_attr_member (obj, "type", node, "type");
  keep_other_attrs (node, obj, known, NULL);
  for (child = node->children; child != NULL; child = child->next)
    {
      if (is_name (child, "form"))
        json_array_add_object_element (_banso_json_ensure_array (obj, "forms"), parse_form (child));
      else if (!parse_common (child, obj))
        add_extra (obj, child);
    }
  return obj;
}

static void
check_media (BansoLiftParse *parse,
             const char     *href,
             xmlNode        *node)
{
  g_autofree char *full = NULL;
  JsonObject *missing;

  if (parse->missing_media == NULL || strstr (href, "://") != NULL || g_path_is_absolute (href))
    return;
  full = g_build_filename (parse->folder, href, NULL);
  if (g_file_test (full, G_FILE_TEST_EXISTS))
    return;
  missing = json_object_new ();
  json_object_set_string_member (missing, "href", href);
  if (parse->entry_id != NULL)
    json_object_set_string_member (missing, "entry", parse->entry_id);
  json_object_set_int_member (missing, "line", xmlGetLineNo (node));
  json_array_add_object_element (parse->missing_media, missing);
}

/* <media href> in a pronunciation, <illustration href> in a sense. */
static JsonObject *
parse_media (BansoLiftParse *parse,
             xmlNode        *node,
             const char     *folder)
{
  static const char * const known[] = { "href", NULL };
  JsonObject *media = json_object_new ();
  g_autofree char *href = get_attr (node, "href");
  xmlNode *child;

  if (href != NULL)
    {
      g_autofree char *relative = _banso_lift_href_to_entry (href, folder);

      json_object_set_string_member (media, "href", relative);
      check_media (parse, relative, node);
    }
  keep_other_attrs (node, media, known, NULL);
  for (child = node->children; child != NULL; child = child->next)
    {
      if (is_name (child, "label"))
        parse_multitext (child, media, "label");
      else
        add_extra (media, child);
    }
  return media;
}

static JsonObject *
parse_pronunciation (BansoLiftParse *parse,
                     xmlNode        *node)
{
  JsonObject *pron = json_object_new ();
  xmlNode *child;

  keep_other_attrs (node, pron, NULL, NULL);
  for (child = node->children; child != NULL; child = child->next)
    {
      if (is_name (child, "form"))
        json_array_add_object_element (_banso_json_ensure_array (pron, "forms"), parse_form (child));
      else if (is_name (child, "media"))
        json_array_add_object_element (_banso_json_ensure_array (pron, "media"),
                                       parse_media (parse, child, "audio"));
      else if (!parse_common (child, pron))
        add_extra (pron, child);
    }
  return pron;
}

static JsonObject *
parse_variant (xmlNode *node)
{
  static const char * const known[] = { "ref", NULL };
  JsonObject *variant = json_object_new ();
  xmlNode *child;

  set_attr_member (variant, "ref", node, "ref");
  keep_other_attrs (node, variant, known, NULL);
  for (child = node->children; child != NULL; child = child->next)
    {
      if (is_name (child, "form"))
        json_array_add_object_element (_banso_json_ensure_array (variant, "forms"),
                                       parse_form (child));
      else if (!parse_common (child, variant))
        add_extra (variant, child);
    }
  return variant;
}

static JsonObject *
parse_relation (xmlNode *node)
{
  static const char * const known[] = { "type", "ref", "order", NULL };
  JsonObject *relation = json_object_new ();
  xmlNode *child;

  set_attr_member (relation, "type", node, "type");
  set_attr_member (relation, "ref", node, "ref");
  set_int_attr (relation, "order", node, "order");
  keep_other_attrs (node, relation, known, NULL);
  for (child = node->children; child != NULL; child = child->next)
    {
      if (is_name (child, "usage"))
        parse_multitext (child, relation, "usage");
      else if (!parse_common (child, relation))
        add_extra (relation, child);
    }
  return relation;
}

static JsonObject *
parse_etymology (xmlNode *node)
{
  static const char * const known[] = { "type", "source", NULL };
  JsonObject *etym = json_object_new ();
  xmlNode *child;

  set_attr_member (etym, "type", node, "type");
  set_attr_member (etym, "source", node, "source");
  keep_other_attrs (node, etym, known, NULL);
  for (child = node->children; child != NULL; child = child->next)
    {
      if (is_name (child, "form"))
        json_array_add_object_element (_banso_json_ensure_array (etym, "forms"), parse_form (child));
      else if (is_name (child, "gloss"))
        json_array_add_object_element (_banso_json_ensure_array (etym, "glosses"),
                                       parse_form (child));
      else if (!parse_common (child, etym))
        add_extra (etym, child);
    }
  return etym;
}

static JsonObject *
parse_example (xmlNode *node)
{
  static const char * const known[] = { "source", NULL };
  JsonObject *example = json_object_new ();
  xmlNode *child;

  set_attr_member (example, "source", node, "source");
  keep_other_attrs (node, example, known, NULL);
  for (child = node->children; child != NULL; child = child->next)
    {
      if (is_name (child, "form"))
        json_array_add_object_element (_banso_json_ensure_array (example, "forms"),
                                       parse_form (child));
      else if (is_name (child, "translation"))
        json_array_add_object_element (_banso_json_ensure_array (example, "translations"),
                                       parse_typed (child));
      else if (is_name (child, "note"))
        json_array_add_object_element (_banso_json_ensure_array (example, "notes"),
                                       parse_typed (child));
      else if (!parse_common (child, example))
        add_extra (example, child);
    }
  return example;
}

static gboolean
is_domain_trait (xmlNode *node)
{
  xmlChar *name = xmlGetProp (node, (const xmlChar *)"name");
  gboolean domain = FALSE;

  if (name != NULL && strcmp ((const char *)name, "semantic-domain-ddp4") == 0
      && node->children == NULL && xmlHasProp (node, (const xmlChar *)"value")
      && node->properties != NULL && node->properties->next != NULL
      && node->properties->next->next == NULL)
    domain = TRUE;
  xmlFree (name);
  return domain;
}

static JsonObject *
parse_sense (BansoLiftParse *parse,
             xmlNode        *node)
{
  static const char * const known[] = { "id", "order", NULL };
  JsonObject *sense = json_object_new ();
  xmlNode *child;

  set_attr_member (sense, "id", node, "id");
  set_int_attr (sense, "order", node, "order");
  keep_other_attrs (node, sense, known, NULL);

  for (child = node->children; child != NULL; child = child->next)
    {
      if (is_name (child, "grammatical-info") && !json_object_has_member (sense, "pos"))
        {
          static const char * const gi_known[] = { "value", NULL };
          g_autofree char *value = get_attr (child, "value");
          xmlNode *gc;

          json_object_set_string_member (sense, "pos", value != NULL ? value : "");
          keep_other_attrs (child, sense, gi_known, "grammatical-info");
          for (gc = child->children; gc != NULL; gc = gc->next)
            {
              if (is_name (gc, "trait"))
                json_array_add_object_element (_banso_json_ensure_array (sense, "pos_traits"),
                                               parse_trait (gc));
              else
                add_extra (sense, gc);
            }
        }
      else if (is_name (child, "gloss"))
        json_array_add_object_element (_banso_json_ensure_array (sense, "glosses"),
                                       parse_form (child));
      else if (is_name (child, "definition"))
        parse_multitext (child, sense, "definitions");
      else if (is_name (child, "example"))
        json_array_add_object_element (_banso_json_ensure_array (sense, "examples"),
                                       parse_example (child));
      else if (is_name (child, "reversal"))
        json_array_add_object_element (_banso_json_ensure_array (sense, "reversals"),
                                       parse_typed (child));
      else if (is_name (child, "illustration"))
        json_array_add_object_element (_banso_json_ensure_array (sense, "pictures"),
                                       parse_media (parse, child, "pictures"));
      else if (is_name (child, "relation"))
        json_array_add_object_element (_banso_json_ensure_array (sense, "relations"),
                                       parse_relation (child));
      else if (is_name (child, "note"))
        json_array_add_object_element (_banso_json_ensure_array (sense, "notes"),
                                       parse_typed (child));
      else if (is_name (child, "subsense"))
        json_array_add_object_element (_banso_json_ensure_array (sense, "subsenses"),
                                       parse_sense (parse, child));
      else if (is_name (child, "trait") && is_domain_trait (child))
        {
          g_autofree char *value = get_attr (child, "value");

          json_array_add_string_element (_banso_json_ensure_array (sense, "domains"), value);
        }
      else if (!parse_common (child, sense))
        add_extra (sense, child);
    }
  return sense;
}

static JsonObject *
parse_entry (BansoLiftParse *parse,
             xmlNode        *node)
{
  static const char * const known[] = {
    "id", "guid", "order", "dateCreated", "dateModified", "dateDeleted", NULL
  };
  JsonObject *entry = json_object_new ();
  JsonObject *lift = json_object_new ();
  g_autofree char *id = get_attr (node, "id");
  JsonArray *forms;
  JsonArray *senses;
  const char *ws = NULL;
  xmlNode *child;

  parse->entry_id = id;
  parse->entry_line = xmlGetLineNo (node);

  json_object_set_array_member (entry, "forms", json_array_new ());
  set_attr_member (lift, "id", node, "id");
  set_attr_member (lift, "guid", node, "guid");
  set_int_attr (lift, "order", node, "order");
  set_attr_member (lift, "dateCreated", node, "dateCreated");
  set_attr_member (lift, "dateModified", node, "dateModified");
  set_attr_member (lift, "dateDeleted", node, "dateDeleted");
  /* An order that is not a number went to lift's attributes: keep it on the entry. */
  if (_banso_json_get_object (lift, "attributes") != NULL)
    {
      json_object_set_object_member (entry, "attributes",
                                     json_object_ref (_banso_json_get_object (lift, "attributes")));
      json_object_remove_member (lift, "attributes");
    }
  keep_other_attrs (node, entry, known, NULL);

  for (child = node->children; child != NULL; child = child->next)
    {
      if (is_name (child, "lexical-unit"))
        parse_multitext (child, entry, "forms");
      else if (is_name (child, "citation"))
        parse_multitext (child, entry, "citation");
      else if (is_name (child, "pronunciation"))
        json_array_add_object_element (_banso_json_ensure_array (entry, "pronunciations"),
                                       parse_pronunciation (parse, child));
      else if (is_name (child, "variant"))
        json_array_add_object_element (_banso_json_ensure_array (entry, "variants"),
                                       parse_variant (child));
      else if (is_name (child, "sense"))
        json_array_add_object_element (_banso_json_ensure_array (entry, "senses"),
                                       parse_sense (parse, child));
      else if (is_name (child, "note"))
        json_array_add_object_element (_banso_json_ensure_array (entry, "notes"),
                                       parse_typed (child));
      else if (is_name (child, "relation"))
        json_array_add_object_element (_banso_json_ensure_array (entry, "relations"),
                                       parse_relation (child));
      else if (is_name (child, "etymology"))
        json_array_add_object_element (_banso_json_ensure_array (entry, "etymologies"),
                                       parse_etymology (child));
      else if (!parse_common (child, entry))
        add_extra (entry, child);
    }

  /* FieldWorks leaves out the lexical unit when only the citation form is
   * filled in: the citation is then the headword. */
  forms = _banso_json_get_array (entry, "forms");
  if (json_array_get_length (forms) == 0 && _banso_json_get_array (entry, "citation") != NULL
      && json_array_get_length (_banso_json_get_array (entry, "citation")) > 0)
    {
      JsonNode *copy = json_node_copy (json_object_get_member (entry, "citation"));

      json_object_set_member (entry, "forms", copy);
      json_object_set_boolean_member (lift, "noLexicalUnit", TRUE);
      forms = _banso_json_get_array (entry, "forms");
    }
  if (json_array_get_length (forms) > 0)
    ws = _banso_json_get_string (_banso_json_array_get_object (forms, 0), "ws");
  if (ws != NULL && *ws != '\0')
    {
      g_autofree char *lang = _banso_lang_of_ws (ws);

      json_object_set_string_member (entry, "lang", lang);
    }

  senses = _banso_json_get_array (entry, "senses");
  if (senses != NULL && json_array_get_length (senses) > 0)
    {
      const char *pos = _banso_json_get_string (_banso_json_array_get_object (senses, 0), "pos");

      if (pos != NULL)
        json_object_set_string_member (entry, "pos", pos);
    }

  json_object_set_object_member (entry, "lift", lift);
  parse->entry_id = NULL;
  return entry;
}

/* Ranges */

JsonObject *
_banso_lift_parse_range_element (BansoLiftParse *parse,
                                 xmlNode        *node)
{
  static const char * const known[] = { "id", "guid", "parent", NULL };
  JsonObject *element = json_object_new ();
  xmlNode *child;

  set_attr_member (element, "id", node, "id");
  set_attr_member (element, "guid", node, "guid");
  set_attr_member (element, "parent", node, "parent");
  keep_other_attrs (node, element, known, NULL);
  for (child = node->children; child != NULL; child = child->next)
    {
      if (is_name (child, "label"))
        parse_multitext (child, element, "label");
      else if (is_name (child, "abbrev"))
        parse_multitext (child, element, "abbrev");
      else if (is_name (child, "description"))
        parse_multitext (child, element, "description");
      else if (!parse_common (child, element))
        add_extra (element, child);
    }
  return element;
}

static JsonObject *
ensure_range (JsonObject *ranges,
              const char *id)
{
  JsonObject *range = _banso_json_get_object (ranges, id);

  if (range == NULL)
    {
      range = json_object_new ();
      json_object_set_object_member (ranges, id, range);
    }
  return range;
}

static void
parse_range (BansoLiftParse *parse,
             xmlNode        *node,
             JsonObject     *ranges,
             gboolean        in_header)
{
  static const char * const known[] = { "id", "href", "guid", NULL };
  g_autofree char *id = get_attr (node, "id");
  JsonObject *range;
  xmlNode *child;

  if (id == NULL)
    return;
  range = ensure_range (ranges, id);
  if (in_header)
    set_attr_member (range, "href", node, "href");
  if (!json_object_has_member (range, "guid"))
    set_attr_member (range, "guid", node, "guid");
  keep_other_attrs (node, range, known, NULL);
  for (child = node->children; child != NULL; child = child->next)
    {
      if (is_name (child, "range-element"))
        json_array_add_object_element (_banso_json_ensure_array (range, "elements"),
                                       _banso_lift_parse_range_element (parse, child));
      else
        add_extra (range, child);
    }
}

static void
on_xml_error (void        *user_data,
              xmlErrorPtr  xml_error)
{
  LiftReader *self = user_data;

  if (self->xml_error != NULL || xml_error->level < XML_ERR_ERROR)
    return;
  self->xml_error = g_strchomp (g_strdup (xml_error->message != NULL ? xml_error->message : ""));
  self->xml_error_line = xml_error->line;
}

static void
set_xml_error (GError     **error,
               const char  *path,
               int          line,
               const char  *message)
{
  g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
               _("File %s, line %d: the XML is damaged or cut short (%s)"),
               path, line, message);
}

static gboolean
read_ranges_file (LiftReader  *self,
                  const char  *ranges_path,
                  JsonObject  *ranges,
                  GError     **error)
{
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt ();
  xmlDocPtr doc;
  xmlNode *root;
  xmlNode *child;

  doc = xmlCtxtReadFile (ctxt, ranges_path, NULL,
                         XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    {
      xmlErrorPtr xml_error = xmlCtxtGetLastError (ctxt);
      g_autofree char *message = g_strchomp (g_strdup (xml_error != NULL && xml_error->message
                                                       ? xml_error->message : "?"));

      set_xml_error (error, ranges_path, xml_error != NULL ? xml_error->line : 0, message);
      xmlFreeParserCtxt (ctxt);
      return FALSE;
    }
  xmlFreeParserCtxt (ctxt);

  root = xmlDocGetRootElement (doc);
  if (root == NULL || !is_name (root, "lift-ranges"))
    {
      g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
                   _("File %s is not a LIFT ranges file: its root element is not <lift-ranges>"),
                   ranges_path);
      xmlFreeDoc (doc);
      return FALSE;
    }
  for (child = root->children; child != NULL; child = child->next)
    {
      if (is_name (child, "range"))
        parse_range (&self->parse, child, ranges, FALSE);
    }
  xmlFreeDoc (doc);
  return TRUE;
}

static char *
find_ranges_file (const char *path,
                  JsonObject *ranges)
{
  g_autofree char *beside = g_strconcat (path, "-ranges", NULL);
  g_autoptr(GList) ids = NULL;
  GList *l;

  if (g_file_test (beside, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&beside);

  /* Else the file the header names, when it is on this machine. */
  ids = json_object_get_members (ranges);
  for (l = ids; l != NULL; l = l->next)
    {
      const char *href = _banso_json_get_string (_banso_json_get_object (ranges, l->data), "href");
      g_autofree char *file = NULL;

      if (href == NULL)
        continue;
      if (g_str_has_prefix (href, "file://"))
        file = g_filename_from_uri (href, NULL, NULL);
      else if (strstr (href, "://") == NULL)
        {
          g_autofree char *folder = g_path_get_dirname (path);

          file = g_build_filename (folder, href, NULL);
        }
      if (file != NULL && g_file_test (file, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&file);
    }
  return NULL;
}

static void
parse_header (LiftReader *self,
              xmlNode    *node,
              JsonObject *ranges,
              JsonObject *extra)
{
  xmlNode *child;

  for (child = node->children; child != NULL; child = child->next)
    {
      if (is_name (child, "description"))
        {
          parse_multitext (child, extra, "header_description");
        }
      else if (is_name (child, "ranges"))
        {
          xmlNode *range;

          for (range = child->children; range != NULL; range = range->next)
            {
              if (is_name (range, "range"))
                parse_range (&self->parse, range, ranges, TRUE);
            }
        }
      else if (is_name (child, "fields"))
        {
          xmlNode *field;

          for (field = child->children; field != NULL; field = field->next)
            {
              static const char * const known[] = { "tag", NULL };
              JsonObject *def;
              xmlNode *form;

              if (!is_name (field, "field"))
                continue;
              def = json_object_new ();
              set_attr_member (def, "tag", field, "tag");
              keep_other_attrs (field, def, known, NULL);
              for (form = field->children; form != NULL; form = form->next)
                {
                  if (is_name (form, "form"))
                    json_array_add_object_element (_banso_json_ensure_array (def, "forms"),
                                                   parse_form (form));
                  else
                    add_extra (def, form);
                }
              json_array_add_object_element (_banso_json_ensure_array (extra, "fields"), def);
            }
        }
      else
        {
          add_extra (extra, child);
        }
    }
}

static void
count_langs (LiftReader *self,
             JsonObject *entry)
{
  const char *lang = _banso_json_get_string (entry, "lang");
  JsonArray *senses = _banso_json_get_array (entry, "senses");
  guint i;

  if (lang != NULL)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->lang_counts, lang));

      g_hash_table_insert (self->lang_counts, g_strdup (lang), GUINT_TO_POINTER (n + 1));
    }
  for (i = 0; senses != NULL && i < json_array_get_length (senses); i++)
    {
      JsonArray *glosses = _banso_json_get_array (_banso_json_array_get_object (senses, i),
                                                  "glosses");
      guint j;

      for (j = 0; glosses != NULL && j < json_array_get_length (glosses); j++)
        {
          const char *ws = _banso_json_get_string (_banso_json_array_get_object (glosses, j), "ws");

          if (ws != NULL && !g_hash_table_contains (self->gloss_seen, ws))
            {
              g_hash_table_add (self->gloss_seen, g_strdup (ws));
              g_ptr_array_add (self->gloss_langs, g_strdup (ws));
            }
        }
    }
}

static char *
main_lang (GHashTable *counts)
{
  GHashTableIter iter;
  gpointer key;
  gpointer value;
  const char *best = NULL;
  guint best_n = 0;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint n = GPOINTER_TO_UINT (value);

      if (n > best_n || (n == best_n && best != NULL && strcmp (key, best) < 0))
        {
          best = key;
          best_n = n;
        }
    }
  return g_strdup (best);
}

static void
lift_reader_clear (LiftReader *self)
{
  if (self->reader != NULL)
    xmlFreeTextReader (self->reader);
  g_free (self->parse.folder);
  g_clear_pointer (&self->parse.missing_media, json_array_unref);
  g_free (self->xml_error);
  g_clear_pointer (&self->lang_counts, g_hash_table_unref);
  g_clear_pointer (&self->gloss_langs, g_ptr_array_unref);
  g_clear_pointer (&self->gloss_seen, g_hash_table_unref);
}

static gboolean
read_entries (LiftReader  *self,
              const char  *path,
              JsonObject  *info,
              JsonObject  *ranges,
              JsonObject  *extra,
              BansoDictSink *sink,
              GError     **error)
{
  guint64 total = 0;
  gboolean seen_root = FALSE;
  int ret;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) finfo = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                  G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (finfo != NULL)
    total = g_file_info_get_size (finfo);
  if (finfo != NULL && total == 0)
    {
      g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
                   _("File %s is empty"), path);
      return FALSE;
    }

  ret = xmlTextReaderRead (self->reader);
  while (ret == 1)
    {
      int type = xmlTextReaderNodeType (self->reader);
      int depth = xmlTextReaderDepth (self->reader);
      const char *name = (const char *)xmlTextReaderConstLocalName (self->reader);

      if (type != XML_READER_TYPE_ELEMENT)
        {
          ret = xmlTextReaderRead (self->reader);
          continue;
        }

      if (depth == 0)
        {
          static const char * const known[] = { "producer", "version", NULL };
          xmlNode *root = xmlTextReaderCurrentNode (self->reader);

          if (strcmp (name, "lift") != 0)
            {
              g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
                           _("File %s, line %d: this is not a LIFT file (its root element is <%s>, not <lift>)"),
                           path, (int)xmlGetLineNo (root), name);
              return FALSE;
            }
          seen_root = TRUE;
          set_attr_member (extra, "producer", root, "producer");
          set_attr_member (extra, "version", root, "version");
          keep_other_attrs (root, extra, known, NULL);
          ret = xmlTextReaderRead (self->reader);
          continue;
        }

      if (depth == 1 && (strcmp (name, "entry") == 0 || strcmp (name, "header") == 0))
        {
          xmlNode *node = xmlTextReaderExpand (self->reader);

          if (node == NULL)
            break;
          if (strcmp (name, "header") == 0)
            {
              parse_header (self, node, ranges, extra);
            }
          else
            {
              g_autoptr(JsonObject) entry = parse_entry (&self->parse, node);

              count_langs (self, entry);
              if (!_banso_dict_sink_emit (sink, entry, xmlTextReaderByteConsumed (self->reader),
                                          total, error))
                return FALSE;
            }
          ret = xmlTextReaderNext (self->reader);
          continue;
        }

      if (depth == 1)
        {
          xmlNode *node = xmlTextReaderExpand (self->reader);

          if (node == NULL)
            break;
          add_extra (extra, node);
          ret = xmlTextReaderNext (self->reader);
          continue;
        }

      ret = xmlTextReaderRead (self->reader);
    }

  if (ret != 0 || self->xml_error != NULL)
    {
      set_xml_error (error, path,
                     self->xml_error != NULL ? self->xml_error_line
                                             : xmlTextReaderGetParserLineNumber (self->reader),
                     self->xml_error != NULL ? self->xml_error : _("unknown error"));
      return FALSE;
    }
  if (!seen_root)
    {
      g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
                   _("File %s is not a LIFT file: it has no <lift> element"), path);
      return FALSE;
    }
  return TRUE;
}

gboolean
_banso_dict_read_lift (const char     *path,
                       JsonObject    **info_out,
                       BansoDictSink  *sink,
                       GError        **error)
{
  LiftReader self = { { 0 } };
  g_autoptr(JsonObject) info = json_object_new ();
  JsonObject *ranges = json_object_new ();
  JsonObject *extra = json_object_new ();
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *ranges_path = NULL;
  g_autofree char *lang = NULL;
  JsonArray *gloss_langs;
  gboolean ok;
  guint i;

  json_object_set_object_member (info, "ranges", ranges);
  json_object_set_object_member (info, "extra", extra);

  self.parse.path = path;
  self.parse.folder = g_path_get_dirname (path);
  self.parse.missing_media = json_array_new ();
  self.lang_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.gloss_langs = g_ptr_array_new_with_free_func (g_free);
  self.gloss_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self.reader = xmlReaderForFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR
                                  | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
  if (self.reader == NULL)
    {
      g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MISSING,
                   _("Cannot open %s"), path);
      lift_reader_clear (&self);
      return FALSE;
    }
  xmlTextReaderSetStructuredErrorHandler (self.reader, on_xml_error, &self);

  ok = read_entries (&self, path, info, ranges, extra, sink, error);
  if (ok)
    {
      ranges_path = find_ranges_file (path, ranges);
      if (ranges_path != NULL)
        ok = read_ranges_file (&self, ranges_path, ranges, error);
    }
  if (!ok)
    {
      lift_reader_clear (&self);
      return FALSE;
    }

  if (g_str_has_suffix (base, ".lift"))
    base[strlen (base) - 5] = '\0';
  json_object_set_string_member (info, "title", base);
  lang = main_lang (self.lang_counts);
  if (lang != NULL)
    json_object_set_string_member (info, "lang", lang);
  gloss_langs = json_array_new ();
  for (i = 0; i < self.gloss_langs->len; i++)
    json_array_add_string_element (gloss_langs, g_ptr_array_index (self.gloss_langs, i));
  json_object_set_array_member (info, "gloss_langs", gloss_langs);
  {
    const char *description = _banso_json_multitext_first (_banso_json_get_array (extra,
                                                                                  "header_description"));

    if (description != NULL)
      json_object_set_string_member (info, "description", description);
  }
  if (json_array_get_length (self.parse.missing_media) > 0)
    json_object_set_array_member (info, "missing_media",
                                  json_array_ref (self.parse.missing_media));

  lift_reader_clear (&self);
  *info_out = g_steal_pointer (&info);
  return TRUE;
}

/* Media references */

char *
_banso_lift_href_to_entry (const char *href,
                           const char *folder)
{
  if (strstr (href, "://") != NULL || g_path_is_absolute (href))
    return g_strdup (href);
  if (g_str_has_prefix (href, "../"))
    return g_strdup (href + 3);
  return g_strconcat (folder, "/", href, NULL);
}

char *
_banso_lift_href_from_entry (const char *href,
                             const char *folder)
{
  gsize n = strlen (folder);

  if (strstr (href, "://") != NULL || g_path_is_absolute (href))
    return g_strdup (href);
  if (strncmp (href, folder, n) == 0 && href[n] == '/')
    return g_strdup (href + n + 1);
  return g_strconcat ("../", href, NULL);
}
