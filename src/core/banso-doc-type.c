/* banso-doc-type.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The registry of document types. Each kind of record registers itself once,
 * before a store is opened (banso_records_init(), banso_media_init()…); from
 * then on the registry is only read, from any thread.
 */

#define G_LOG_DOMAIN "banso-core"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-doc-type.h"

static GPtrArray *types;
static GMutex types_lock;

/**
 * banso_doc_type_register:
 * @type: (transfer none): lives as long as the program (a static)
 *
 * Registers a type; registering the same one again does nothing.
 */
void
banso_doc_type_register (const BansoDocType *type)
{
  g_return_if_fail (type != NULL && type->name != NULL && type->index != NULL);

  g_mutex_lock (&types_lock);
  if (types == NULL)
    types = g_ptr_array_new ();
  for (guint i = 0; i < types->len; i++)
    if (g_str_equal (((const BansoDocType *)g_ptr_array_index (types, i))->name, type->name))
      {
        g_warn_if_fail (g_ptr_array_index (types, i) == type);
        g_mutex_unlock (&types_lock);
        return;
      }
  g_ptr_array_add (types, (gpointer)type);
  g_mutex_unlock (&types_lock);
}

/**
 * banso_doc_type_lookup:
 *
 * Returns: (nullable): the type registered under @name; %NULL for a type
 *   this program does not know (a document from a newer Banso: it is kept,
 *   synced and audited, but not indexed)
 */
const BansoDocType *
banso_doc_type_lookup (const char *name)
{
  const BansoDocType *found = NULL;

  if (name == NULL)
    return NULL;
  g_mutex_lock (&types_lock);
  for (guint i = 0; types != NULL && i < types->len && found == NULL; i++)
    if (g_str_equal (((const BansoDocType *)g_ptr_array_index (types, i))->name, name))
      found = g_ptr_array_index (types, i);
  g_mutex_unlock (&types_lock);
  return found;
}

/**
 * banso_doc_type_list:
 *
 * Returns: (transfer container) (element-type BansoDocType): the registered
 *   types, in the order they registered
 */
GPtrArray *
banso_doc_type_list (void)
{
  GPtrArray *list = g_ptr_array_new ();

  g_mutex_lock (&types_lock);
  for (guint i = 0; types != NULL && i < types->len; i++)
    g_ptr_array_add (list, g_ptr_array_index (types, i));
  g_mutex_unlock (&types_lock);
  return list;
}

/**
 * banso_doc_type_get_label:
 *
 * Returns: what a message calls a document of type @name, translated; the
 *   name itself for a type this program does not know
 */
const char *
banso_doc_type_get_label (const char *name)
{
  const BansoDocType *type = banso_doc_type_lookup (name);

  return type != NULL && type->label != NULL ? _(type->label) : name;
}

/**
 * banso_doc_type_index:
 * @body: (nullable): the winning body, or %NULL when the document is removed
 *
 * Brings the index tables in line with a document whose winner changed; a
 * type this program does not know has none.
 */
gboolean
banso_doc_type_index (BansoTxn    *txn,
                      const char  *type,
                      gint64       docno,
                      const char  *body,
                      gboolean     fresh,
                      GError     **error)
{
  const BansoDocType *info = banso_doc_type_lookup (type);

  return info == NULL || info->index (txn, type, docno, body, fresh, error);
}

/**
 * banso_doc_type_check_write:
 *
 * The rules for a body written other than through its type's own save (a
 * resolution of a conflict): the type's validation and scope. A type this
 * program does not know, or one without a scope, is an administrator's.
 */
gboolean
banso_doc_type_check_write (BansoTxn    *txn,
                            const char  *type,
                            const char  *body,
                            GError     **error)
{
  const BansoDocType *info = banso_doc_type_lookup (type);
  BansoUser *user = banso_txn_get_user (txn);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *commune = NULL;

  if (info != NULL && info->validate != NULL && !info->validate (body, error))
    return FALSE;
  if (info == NULL || info->scope == NULL)
    {
      if (banso_user_get_role (user) == BANSO_ROLE_ADMIN)
        return TRUE;
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION,
                   _("Only an administrator can choose between versions of this kind of record."));
      return FALSE;
    }
  node = json_from_string (body, NULL);
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    commune = info->scope (json_node_get_object (node));
  return banso_user_can_edit_records (user, commune, error);
}
