/* banso-records-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Registers the records' document types — villages, households, prestigious
 * persons — and their tables with the core, which knows none of them by name.
 */

#define G_LOG_DOMAIN "banso-records"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-doc-type.h"
#include "banso-household-store.h"
#include "banso-prestige.h"
#include "banso-records-init.h"
#include "banso-records-private.h"

/* A record falls under the commune its body names. */
static char *
commune_of (JsonObject *body)
{
  return g_strdup (json_object_get_string_member_with_default (body, "commune", NULL));
}

static gboolean
save_resolved_household (BansoTxn    *txn,
                         const char  *id,
                         const char  *winner_rev,
                         const char  *body,
                         GError     **error)
{
  g_autoptr(BansoHousehold) h = banso_household_from_json (body, error);

  if (h == NULL)
    return FALSE;
  g_free (h->id);
  h->id = g_strdup (id);
  g_free (h->rev);
  h->rev = g_strdup (winner_rev);
  return banso_household_save (txn, h, BANSO_DOC_PUT_DEFAULT, error);
}

static gboolean
index_prestige (BansoTxn    *txn,
                const char  *type,
                gint64       docno,
                const char  *body,
                gboolean     fresh,
                GError     **error)
{
  return banso_prestige_reindex_doc (txn, docno, body, error);
}

static gboolean
save_resolved_prestige (BansoTxn    *txn,
                        const char  *id,
                        const char  *winner_rev,
                        const char  *body,
                        GError     **error)
{
  g_autoptr(BansoPrestige) p = banso_prestige_from_json (body, error);

  if (p == NULL)
    return FALSE;
  g_free (p->id);
  p->id = g_strdup (id);
  g_free (p->rev);
  p->rev = g_strdup (winner_rev);
  return banso_prestige_save (txn, p, error);
}

static const BansoCheckQuery household_checks[] = {
  { "SELECT d.id FROM documents d WHERE d.type = '" BANSO_HOUSEHOLD_TYPE "' AND d.deleted = 0"
    " AND NOT EXISTS (SELECT 1 FROM household_index x WHERE x.docno = d.docno)",
    N_("A household is missing from the list index") },
  { "SELECT d.id FROM household_index x JOIN documents d USING (docno) WHERE d.deleted = 1",
    N_("A removed household is still in the list index") },
};

/* Villages are indexed with the households, whose reindexing rebuilds both. */
static const BansoDocType village_type = {
  .name = BANSO_VILLAGE_TYPE,
  .label = N_("Village"),
  .index = banso_household_reindex_doc,
  .index_version = 2,
  .scope = commune_of,
};

static const BansoDocType household_type = {
  .name = BANSO_HOUSEHOLD_TYPE,
  .label = N_("Household"),
  .index = banso_household_reindex_doc,
  .reindex_all = banso_household_reindex_all,
  /* 15: the search index holds a row per person. */
  .index_version = 15,
  .scope = commune_of,
  .save_resolved = save_resolved_household,
  .fields = banso_household_fields,
  .n_fields = G_N_ELEMENTS (banso_household_fields),
  .display_name = _banso_household_display_name,
  .read_names = _banso_records_read_names,
  .format_value = _banso_records_format_value,
  .checks = household_checks,
  .n_checks = G_N_ELEMENTS (household_checks),
};

static const BansoDocType prestige_type = {
  .name = BANSO_PRESTIGE_TYPE,
  .label = N_("Prestigious person"),
  .index = index_prestige,
  .reindex_all = banso_prestige_reindex_all,
  .index_version = 3,
  .scope = commune_of,
  .save_resolved = save_resolved_prestige,
  .fields = banso_prestige_fields,
  .n_fields = G_N_ELEMENTS (banso_prestige_fields),
  .read_names = _banso_records_read_names,
  .format_value = _banso_records_format_value,
};

/**
 * banso_records_init:
 *
 * Registers the records' types and tables. Every program that opens an
 * office database calls it first; calling it again does nothing.
 */
void
banso_records_init (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      _banso_records_add_schema ();
      banso_doc_type_register (&village_type);
      banso_doc_type_register (&household_type);
      banso_doc_type_register (&prestige_type);
      g_once_init_leave (&done, 1);
    }
}

/* Every program that links the records has them registered before main():
 * a store can never open with a schema that lacks their tables. */
__attribute__ ((constructor)) static void
register_at_load (void)
{
  banso_records_init ();
}
