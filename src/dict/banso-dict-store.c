/* banso-dict-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What may be stored as a dictionary entry or a dictionary, who may store
 * it, and the saves that keep the search index in the same transaction.
 */

#define G_LOG_DOMAIN "banso-dict"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-dict.h"
#include "banso-json.h"
#include "banso-dict-language.h"

/* Who may write {{{ */

/**
 * banso_user_can_edit_dictionaries:
 *
 * Dictionaries are built up by lexicographers and administrators; everyone
 * else reads them.
 */
gboolean
banso_user_can_edit_dictionaries (BansoUser  *user,
                                  GError    **error)
{
  BansoRole role = banso_user_get_role (user);

  if (role == BANSO_ROLE_ADMIN || role == BANSO_ROLE_LEXICOGRAPHER)
    return TRUE;
  g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION,
               _("%s is %s and may not change the dictionaries; ask a lexicographer."),
               banso_user_get_name (user), banso_role_get_label (role));
  return FALSE;
}

/* }}} */

/* Validation {{{ */

static gboolean
invalid (GError     **error,
         const char  *field,
         const char  *what)
{
  g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID, "%s: %s", field, what);
  return FALSE;
}

static gboolean
check_tag (JsonObject  *o,
           const char  *member,
           const char  *field,
           gboolean     required,
           GError     **error)
{
  JsonNode *node = json_object_get_member (o, member);

  if (node == NULL)
    return required ? invalid (error, field, _("this field is required")) : TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      !banso_dict_tag_is_valid (json_node_get_string (node)))
    return invalid (error, field, _("not a language tag (BCP 47, such as “blt-Tavt”)"));
  return TRUE;
}

static gboolean
check_string (JsonObject  *o,
              const char  *member,
              const char  *field,
              gboolean     required,
              GError     **error)
{
  JsonNode *node = json_object_get_member (o, member);

  if (node == NULL)
    return required ? invalid (error, field, _("this field is required")) : TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return invalid (error, field, _("must be text"));
  if (required && *json_node_get_string (node) == '\0')
    return invalid (error, field, _("must not be empty"));
  return TRUE;
}

static JsonArray *
get_array (JsonObject  *o,
           const char  *member,
           const char  *field,
           gboolean    *ok,
           GError     **error)
{
  JsonNode *node = json_object_get_member (o, member);

  *ok = TRUE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      *ok = invalid (error, field, _("must be a list"));
      return NULL;
    }
  return json_node_get_array (node);
}

/* A multitext: a list of {"ws": tag, "text": string}. */
static gboolean
check_multitext (JsonObject  *o,
                 const char  *member,
                 const char  *field,
                 gboolean     required,
                 GError     **error)
{
  gboolean ok;
  JsonArray *forms = get_array (o, member, field, &ok, error);

  if (!ok)
    return FALSE;
  if (forms == NULL || json_array_get_length (forms) == 0)
    return required ? invalid (error, field, _("at least one form is required")) : TRUE;
  for (guint i = 0; i < json_array_get_length (forms); i++)
    {
      JsonNode *node = json_array_get_element (forms, i);
      g_autofree char *where = g_strdup_printf ("%s[%u]", field, i);
      g_autofree char *ws = g_strdup_printf ("%s.ws", where);
      g_autofree char *text = g_strdup_printf ("%s.text", where);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, where, _("must be a form with “ws” and “text”"));
      if (!check_tag (json_node_get_object (node), "ws", ws, TRUE, error) ||
          !check_string (json_node_get_object (node), "text", text, FALSE, error))
        return FALSE;
      if (!json_object_has_member (json_node_get_object (node), "text"))
        return invalid (error, text, _("this field is required"));
    }
  return TRUE;
}

/* Each element of a list of objects, checked by @check. */
static gboolean
check_objects (JsonObject  *o,
               const char  *member,
               const char  *field,
               gboolean   (*check) (JsonObject *, const char *, GError **),
               GError     **error)
{
  gboolean ok;
  JsonArray *list = get_array (o, member, field, &ok, error);

  if (!ok)
    return FALSE;
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      g_autofree char *where = g_strdup_printf ("%s[%u]", field, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, where, _("must be an object"));
      if (check != NULL && !check (json_node_get_object (node), where, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_forms_object (JsonObject  *o,
                    const char  *where,
                    GError     **error)
{
  g_autofree char *field = g_strdup_printf ("%s.forms", where);

  return check_multitext (o, "forms", field, FALSE, error);
}

static gboolean
check_media (JsonObject  *o,
             const char  *where,
             GError     **error)
{
  g_autofree char *field = g_strdup_printf ("%s.href", where);

  return check_string (o, "href", field, TRUE, error);
}

static gboolean
check_pronunciation (JsonObject  *o,
                     const char  *where,
                     GError     **error)
{
  g_autofree char *forms = g_strdup_printf ("%s.forms", where);
  g_autofree char *media = g_strdup_printf ("%s.media", where);

  return check_multitext (o, "forms", forms, FALSE, error) &&
         check_objects (o, "media", media, check_media, error);
}

static gboolean
check_example (JsonObject  *o,
               const char  *where,
               GError     **error)
{
  g_autofree char *forms = g_strdup_printf ("%s.forms", where);
  g_autofree char *tr = g_strdup_printf ("%s.translations", where);

  return check_multitext (o, "forms", forms, FALSE, error) &&
         check_objects (o, "translations", tr, check_forms_object, error);
}

static gboolean
check_sense (JsonObject  *o,
             const char  *where,
             GError     **error)
{
  g_autofree char *glosses = g_strdup_printf ("%s.glosses", where);
  g_autofree char *defs = g_strdup_printf ("%s.definitions", where);
  g_autofree char *examples = g_strdup_printf ("%s.examples", where);
  g_autofree char *pictures = g_strdup_printf ("%s.pictures", where);
  g_autofree char *subsenses = g_strdup_printf ("%s.subsenses", where);
  g_autofree char *pos = g_strdup_printf ("%s.pos", where);

  return check_multitext (o, "glosses", glosses, FALSE, error) &&
         check_multitext (o, "definitions", defs, FALSE, error) &&
         check_string (o, "pos", pos, FALSE, error) &&
         check_objects (o, "examples", examples, check_example, error) &&
         check_objects (o, "pictures", pictures, check_media, error) &&
         check_objects (o, "subsenses", subsenses, check_sense, error);
}

static JsonObject *
parse_object (const char  *body,
              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;

  if (body == NULL || !json_parser_load_from_data (parser, body, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID,
                           _("The record is not a JSON object."));
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

static gboolean
validate_entry_object (JsonObject  *o,
                       GError     **error)
{
  return check_tag (o, "lang", "lang", TRUE, error) &&
         check_string (o, "dictionary", "dictionary", TRUE, error) &&
         check_multitext (o, "forms", "forms", TRUE, error) &&
         check_multitext (o, "citation", "citation", FALSE, error) &&
         check_string (o, "pos", "pos", FALSE, error) &&
         check_objects (o, "variants", "variants", check_forms_object, error) &&
         check_objects (o, "pronunciations", "pronunciations", check_pronunciation, error) &&
         check_objects (o, "senses", "senses", check_sense, error) &&
         check_objects (o, "relations", "relations", NULL, error) &&
         check_objects (o, "notes", "notes", NULL, error);
}

/**
 * banso_dict_entry_validate:
 *
 * Refuses an entry that may not be stored, naming the field ("forms[0].ws",
 * "senses[2].glosses[0].text").
 */
gboolean
banso_dict_entry_validate (const char  *body,
                           GError     **error)
{
  g_autoptr(JsonObject) o = parse_object (body, error);

  return o != NULL && validate_entry_object (o, error);
}

static gboolean
validate_dictionary_object (JsonObject  *o,
                            GError     **error)
{
  gboolean ok;
  JsonArray *langs;

  if (!check_string (o, "title", "title", TRUE, error) ||
      !check_tag (o, "lang", "lang", TRUE, error) ||
      !check_string (o, "description", "description", FALSE, error))
    return FALSE;
  langs = get_array (o, "gloss_langs", "gloss_langs", &ok, error);
  if (!ok)
    return FALSE;
  for (guint i = 0; langs != NULL && i < json_array_get_length (langs); i++)
    {
      JsonNode *node = json_array_get_element (langs, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
          !banso_dict_tag_is_valid (json_node_get_string (node)))
        {
          g_autofree char *where = g_strdup_printf ("gloss_langs[%u]", i);
          return invalid (error, where, _("not a language tag (BCP 47, such as “blt-Tavt”)"));
        }
    }
  for (guint i = 0; i < 2; i++)
    {
      const char *flag = i == 0 ? "sample" : "reference";
      JsonNode *node = json_object_get_member (o, flag);

      if (node != NULL && (!JSON_NODE_HOLDS_VALUE (node) ||
                           json_node_get_value_type (node) != G_TYPE_BOOLEAN))
        return invalid (error, flag, _("must be true or false"));
    }
  return TRUE;
}

/**
 * banso_dictionary_validate:
 *
 * Refuses a dictionary that may not be stored, naming the field.
 */
gboolean
banso_dictionary_validate (const char  *body,
                           GError     **error)
{
  g_autoptr(JsonObject) o = parse_object (body, error);

  return o != NULL && validate_dictionary_object (o, error);
}

/* }}} */

/* Saves {{{ */

static char *
to_json (JsonObject *o)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), o);

  return json_to_string (node, FALSE);
}

/* Whether the dictionary @id exists here, and came from the data center. */
static gboolean
lookup_dictionary (BansoTxn    *txn,
                   const char  *id,
                   gboolean    *reference,
                   GError     **error)
{
  sqlite3_stmt *stmt = banso_txn_prepare (txn,
                                          "SELECT x.reference FROM documents d"
                                          " JOIN dict_dictionary_index x USING (docno)"
                                          " WHERE d.id = ?1 AND d.deleted = 0",
                                          error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *reference = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return banso_sql_error (banso_txn_get_db (txn), rc, error);
  g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID,
               _("dictionary: there is no dictionary %s."), id);
  return FALSE;
}

static gboolean
refuse_reference (GError **error)
{
  g_set_error_literal (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION,
                       _("This is a reference dictionary from the data center; it cannot be changed here."));
  return FALSE;
}

/**
 * banso_dict_entry_save:
 * @id: (nullable): the entry's id; %NULL: a new entry
 * @rev: (nullable): the revision it was read at
 * @entry: the entry; "lang" is taken from its first form when missing
 *
 * Validates and writes an entry of an existing dictionary, and indexes it.
 */
gboolean
banso_dict_entry_save (BansoTxn          *txn,
                       const char        *id,
                       const char        *rev,
                       JsonObject        *entry,
                       BansoDocPutFlags   flags,
                       char             **out_id,
                       char             **out_rev,
                       GError           **error)
{
  g_autofree char *new_id = NULL;
  g_autofree char *body = NULL;
  gboolean reference = FALSE;
  gint64 docno;

  if (!banso_user_can_edit_dictionaries (banso_txn_get_user (txn), error))
    return FALSE;

  if (!json_object_has_member (entry, "lang"))
    {
      JsonArray *forms = _banso_json_array (entry, "forms");
      JsonNode *first = forms && json_array_get_length (forms) ? json_array_get_element (forms, 0) : NULL;
      const char *ws = first && JSON_NODE_HOLDS_OBJECT (first)
                         ? json_object_get_string_member_with_default (json_node_get_object (first), "ws", NULL)
                         : NULL;

      if (ws != NULL)
        {
          g_autofree char *base = banso_dict_language_base (ws);
          json_object_set_string_member (entry, "lang", base);
        }
    }
  if (!validate_entry_object (entry, error) ||
      !lookup_dictionary (txn, json_object_get_string_member (entry, "dictionary"),
                          &reference, error))
    return FALSE;
  if (reference)
    return refuse_reference (error);

  if (id == NULL)
    {
      id = new_id = banso_doc_new_id ();
      flags |= BANSO_DOC_PUT_NEW;
    }
  body = to_json (entry);
  if (!banso_doc_put (txn, BANSO_DICT_ENTRY_TYPE, id, body, rev, flags, &docno, out_rev, error) ||
      !banso_dict_reindex_doc (txn, BANSO_DICT_ENTRY_TYPE, docno, body, new_id != NULL, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = g_strdup (id);
  return TRUE;
}

/**
 * banso_dictionary_save:
 * @id: (nullable): the dictionary's id; %NULL: a new one
 *
 * Validates and writes a dictionary's description.
 */
gboolean
banso_dictionary_save (BansoTxn    *txn,
                       const char  *id,
                       const char  *rev,
                       JsonObject  *dictionary,
                       char       **out_id,
                       char       **out_rev,
                       GError     **error)
{
  g_autofree char *new_id = NULL;
  g_autofree char *body = NULL;
  gint64 docno;

  if (!banso_user_can_edit_dictionaries (banso_txn_get_user (txn), error) ||
      !validate_dictionary_object (dictionary, error))
    return FALSE;
  if (id == NULL)
    id = new_id = banso_doc_new_id ();
  else
    {
      gboolean reference = FALSE;

      if (lookup_dictionary (txn, id, &reference, NULL) && reference)
        return refuse_reference (error);
    }
  body = to_json (dictionary);
  if (!banso_doc_put (txn, BANSO_DICTIONARY_TYPE, id, body, rev,
                      new_id ? BANSO_DOC_PUT_NEW : BANSO_DOC_PUT_DEFAULT, &docno, out_rev, error) ||
      !banso_dict_reindex_doc (txn, BANSO_DICTIONARY_TYPE, docno, body, new_id != NULL, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = g_strdup (id);
  return TRUE;
}

/**
 * banso_dict_doc_delete:
 *
 * Removes an entry or a dictionary (a dictionary with its entries).
 */
gboolean
banso_dict_doc_delete (BansoTxn    *txn,
                       const char  *id,
                       const char  *rev,
                       char       **out_rev,
                       GError     **error)
{
  g_autoptr(BansoDocInfo) info = NULL;
  g_autoptr(JsonObject) body = NULL;
  gboolean reference = FALSE;
  gint64 docno;

  if (!banso_user_can_edit_dictionaries (banso_txn_get_user (txn), error))
    return FALSE;
  info = banso_doc_lookup (banso_txn_get_db (txn), id, error);
  if (info == NULL)
    return FALSE;
  if (info->deleted || (!g_str_equal (info->type, BANSO_DICT_ENTRY_TYPE) &&
                        !g_str_equal (info->type, BANSO_DICTIONARY_TYPE)))
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_NOT_FOUND,
                   _("The dictionary entry %s does not exist or was already removed."), id);
      return FALSE;
    }
  body = parse_object (info->body, error);
  if (body == NULL)
    return FALSE;
  if (g_str_equal (info->type, BANSO_DICT_ENTRY_TYPE))
    {
      const char *dict = json_object_get_string_member_with_default (body, "dictionary", "");

      if (lookup_dictionary (txn, dict, &reference, NULL) && reference)
        return refuse_reference (error);
    }
  else
    {
      if (json_object_get_boolean_member_with_default (body, "reference", FALSE))
        return refuse_reference (error);
    }

  if (g_str_equal (info->type, BANSO_DICTIONARY_TYPE))
    {
      /* Its entries go with it. */
      g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_free);
      sqlite3_stmt *stmt = banso_txn_prepare (txn,
                                              "SELECT d.id, d.rev FROM dict_entry_index x"
                                              " JOIN documents d USING (docno) WHERE x.dictionary = ?1",
                                              error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_ptr_array_add (entries, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
          g_ptr_array_add (entries, g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
        }
      sqlite3_reset (stmt);
      for (guint i = 0; i < entries->len; i += 2)
        {
          if (!banso_doc_delete (txn, g_ptr_array_index (entries, i),
                                 g_ptr_array_index (entries, i + 1), &docno, NULL, error) ||
              !banso_dict_reindex_doc (txn, BANSO_DICT_ENTRY_TYPE, docno, NULL, FALSE, error))
            return FALSE;
        }
    }

  return banso_doc_delete (txn, id, rev, &docno, out_rev, error) &&
         banso_dict_reindex_doc (txn, info->type, docno, NULL, FALSE, error);
}

/* }}} */

/* Words for display {{{ */

static void
append_multitext (GString    *out,
                  JsonArray  *forms,
                  const char *sep)
{
  guint n = 0;

  for (guint i = 0; forms != NULL && i < json_array_get_length (forms); i++)
    {
      JsonNode *node = json_array_get_element (forms, i);
      const char *text;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      text = json_object_get_string_member_with_default (json_node_get_object (node), "text", "");
      if (*text == '\0')
        continue;
      if (n++ > 0)
        g_string_append (out, sep);
      g_string_append (out, text);
    }
}

/**
 * banso_dict_entry_headword:
 *
 * Returns: (transfer full): the headword in each of its writing systems,
 *   "ꪣꪱ / mà"
 */
char *
banso_dict_entry_headword (JsonObject *entry)
{
  GString *out = g_string_new (NULL);

  append_multitext (out, _banso_json_array (entry, "forms"), " / ");
  return g_string_free (out, FALSE);
}

/* The glosses of the senses, Vietnamese first, then the others. */
char *
banso_dict_entry_glosses (JsonObject *entry)
{
  GString *out = g_string_new (NULL);
  JsonArray *senses = _banso_json_array (entry, "senses");

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; senses != NULL && i < json_array_get_length (senses); i++)
      {
        JsonNode *sense = json_array_get_element (senses, i);
        JsonArray *glosses;

        if (!JSON_NODE_HOLDS_OBJECT (sense))
          continue;
        glosses = _banso_json_array (json_node_get_object (sense), "glosses");
        for (guint j = 0; glosses != NULL && j < json_array_get_length (glosses); j++)
          {
            JsonNode *g = json_array_get_element (glosses, j);
            const char *ws, *text;
            gboolean vi;

            if (!JSON_NODE_HOLDS_OBJECT (g))
              continue;
            ws = json_object_get_string_member_with_default (json_node_get_object (g), "ws", "");
            text = json_object_get_string_member_with_default (json_node_get_object (g), "text", "");
            vi = g_str_has_prefix (ws, "vi") && (ws[2] == '\0' || ws[2] == '-');
            if (*text == '\0' || vi != (pass == 0))
              continue;
            if (out->len > 0)
              g_string_append (out, "; ");
            g_string_append (out, text);
          }
      }
  return g_string_free (out, FALSE);
}

/**
 * banso_dict_entry_to_text:
 *
 * Returns: (transfer full): the entry as plain text, to copy
 */
char *
banso_dict_entry_to_text (JsonObject *entry)
{
  GString *out = g_string_new (NULL);
  g_autofree char *head = banso_dict_entry_headword (entry);
  const char *pos = json_object_get_string_member_with_default (entry, "pos", NULL);
  JsonArray *senses = _banso_json_array (entry, "senses");
  JsonArray *prons = _banso_json_array (entry, "pronunciations");

  g_string_append (out, head);
  for (guint i = 0; prons != NULL && i < json_array_get_length (prons); i++)
    {
      JsonNode *p = json_array_get_element (prons, i);
      GString *ipa = g_string_new (NULL);

      if (JSON_NODE_HOLDS_OBJECT (p))
        append_multitext (ipa, _banso_json_array (json_node_get_object (p), "forms"), ", ");
      if (ipa->len > 0)
        g_string_append_printf (out, " [%s]", ipa->str);
      g_string_free (ipa, TRUE);
    }
  if (pos != NULL)
    g_string_append_printf (out, " (%s)", pos);
  g_string_append_c (out, '\n');
  for (guint i = 0; senses != NULL && i < json_array_get_length (senses); i++)
    {
      JsonNode *node = json_array_get_element (senses, i);
      JsonObject *sense;
      JsonArray *examples;
      GString *line = g_string_new (NULL);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      sense = json_node_get_object (node);
      append_multitext (line, _banso_json_array (sense, "glosses"), "; ");
      g_string_append_printf (out, "%u. %s\n", i + 1, line->str);
      g_string_truncate (line, 0);
      append_multitext (line, _banso_json_array (sense, "definitions"), "; ");
      if (line->len > 0)
        g_string_append_printf (out, "   %s\n", line->str);
      examples = _banso_json_array (sense, "examples");
      for (guint j = 0; examples != NULL && j < json_array_get_length (examples); j++)
        {
          JsonNode *ex = json_array_get_element (examples, j);
          JsonArray *tr;

          if (!JSON_NODE_HOLDS_OBJECT (ex))
            continue;
          g_string_truncate (line, 0);
          append_multitext (line, _banso_json_array (json_node_get_object (ex), "forms"), " / ");
          tr = _banso_json_array (json_node_get_object (ex), "translations");
          for (guint k = 0; tr != NULL && k < json_array_get_length (tr); k++)
            {
              JsonNode *t = json_array_get_element (tr, k);

              if (JSON_NODE_HOLDS_OBJECT (t))
                {
                  g_string_append (line, " — ");
                  append_multitext (line, _banso_json_array (json_node_get_object (t), "forms"), " / ");
                }
            }
          g_string_append_printf (out, "   • %s\n", line->str);
        }
      g_string_free (line, TRUE);
    }
  return g_string_free (out, FALSE);
}

/* }}} */
