/* banso-records-tasks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The records' calls for the window: what goes into each transaction is
 * decided here, next to the records, not by the widgets.
 */

#define G_LOG_DOMAIN "banso-records"

#include "config.h"

#include "banso-commune-scope.h"
#include "banso-document.h"
#include "banso-drafts.h"
#include "banso-household-store.h"
#include "banso-member-search.h"
#include "banso-records-tasks.h"
#include "banso-reference.h"
#include "banso-store-async.h"
#include "banso-village.h"

/* Saves, each with its draft {{{ */

typedef struct
{
  BansoHousehold *household;
  BansoPrestige  *prestige;
  char           *draft_key;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_pointer (&job->household, banso_household_free);
  g_clear_pointer (&job->prestige, banso_prestige_free);
  g_free (job->draft_key);
  g_free (job);
}

static gpointer
save_thread (BansoTxn  *txn,
             gpointer   data,
             GError   **error)
{
  SaveJob *job = data;
  gboolean saved;

  saved = job->household != NULL
            ? banso_household_save (txn, job->household, BANSO_DOC_PUT_DEFAULT, error)
            : banso_prestige_save (txn, job->prestige, error);
  /* The draft goes in the same transaction as the save: one or the other is
   * always there. */
  if (saved && job->draft_key != NULL)
    banso_draft_remove_in (txn, job->draft_key, error);
  return NULL;
}

/**
 * banso_household_save_async:
 * @draft_key: (nullable): the form's draft, removed with the save
 *
 * Saves a copy of @household. Returns: nothing; an error when not saved.
 */
void
banso_household_save_async (BansoStore            *store,
                            BansoUser             *user,
                            const BansoHousehold  *household,
                            const char            *draft_key,
                            GCancellable          *cancellable,
                            GAsyncReadyCallback    callback,
                            gpointer               user_data)
{
  SaveJob *job = g_new0 (SaveJob, 1);

  job->household = banso_household_copy (household);
  job->draft_key = g_strdup (draft_key);
  banso_store_write_async (store, user, save_thread, job, (GDestroyNotify)save_job_free,
                           NULL, cancellable, callback, user_data);
}

/**
 * banso_prestige_save_async:
 * @draft_key: (nullable): the form's draft, removed with the save
 *
 * Saves a copy of @prestige. Returns: nothing; an error when not saved.
 */
void
banso_prestige_save_async (BansoStore           *store,
                           BansoUser            *user,
                           const BansoPrestige  *prestige,
                           const char           *draft_key,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data)
{
  SaveJob *job = g_new0 (SaveJob, 1);

  job->prestige = banso_prestige_copy (prestige);
  job->draft_key = g_strdup (draft_key);
  banso_store_write_async (store, user, save_thread, job, (GDestroyNotify)save_job_free,
                           NULL, cancellable, callback, user_data);
}

/* }}} */

/* Open, remove, restore {{{ */

static gpointer
load_thread (sqlite3  *db,
             gpointer  data,
             GError  **error)
{
  const char *id = data;
  g_autoptr(BansoDocInfo) info = banso_doc_lookup (db, id, error);

  if (info == NULL)
    return NULL;
  if (g_str_equal (info->type, BANSO_HOUSEHOLD_TYPE))
    return banso_household_load (db, id, error);
  return banso_prestige_load (db, id, error);
}

/**
 * banso_records_load_async:
 *
 * Returns: (transfer full): the #BansoHousehold or #BansoPrestige @id names
 */
void
banso_records_load_async (BansoStore          *store,
                          const char          *id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  banso_store_read_async (store, load_thread, g_strdup (id), g_free, NULL,
                          cancellable, callback, user_data);
}

struct _BansoRemoval
{
  char           *id;
  BansoRecordKind kind;
  BansoHousehold *household;   /* as it was, with the tombstone's revision */
  BansoPrestige  *prestige;
};

void
banso_removal_free (BansoRemoval *removal)
{
  if (removal == NULL)
    return;
  g_free (removal->id);
  g_clear_pointer (&removal->household, banso_household_free);
  g_clear_pointer (&removal->prestige, banso_prestige_free);
  g_free (removal);
}

static gpointer
remove_thread (BansoTxn  *txn,
               gpointer   data,
               GError   **error)
{
  g_autoptr(BansoRemoval) removal = g_new0 (BansoRemoval, 1);
  const BansoRemoval *asked = data;
  sqlite3 *db = banso_txn_get_db (txn);
  g_autofree char *rev = NULL;

  removal->id = g_strdup (asked->id);
  removal->kind = asked->kind;
  if (removal->kind == BANSO_RECORD_KIND_HOUSEHOLD)
    {
      if (!(removal->household = banso_household_load (db, removal->id, error)) ||
          !banso_household_delete (txn, removal->id, removal->household->rev, &rev, error))
        return NULL;
      g_free (removal->household->rev);
      removal->household->rev = g_steal_pointer (&rev);
    }
  else
    {
      if (!(removal->prestige = banso_prestige_load (db, removal->id, error)) ||
          !banso_prestige_delete (txn, removal->id, removal->prestige->rev, &rev, error))
        return NULL;
      g_free (removal->prestige->rev);
      removal->prestige->rev = g_steal_pointer (&rev);
    }
  return g_steal_pointer (&removal);
}

/**
 * banso_records_remove_async:
 *
 * Returns: (transfer full): a #BansoRemoval, for banso_records_restore_async()
 */
void
banso_records_remove_async (BansoStore          *store,
                            BansoUser           *user,
                            BansoRecordKind      kind,
                            const char          *id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  BansoRemoval *asked = g_new0 (BansoRemoval, 1);

  asked->id = g_strdup (id);
  asked->kind = kind;
  banso_store_write_async (store, user, remove_thread, asked, (GDestroyNotify)banso_removal_free,
                           (GDestroyNotify)banso_removal_free, cancellable, callback, user_data);
}

static gpointer
restore_thread (BansoTxn  *txn,
                gpointer   data,
                GError   **error)
{
  BansoRemoval *removal = data;

  /* Saving on top of the tombstone's revision restores the record. */
  if (removal->household != NULL)
    banso_household_save (txn, removal->household, BANSO_DOC_PUT_DEFAULT, error);
  else
    banso_prestige_save (txn, removal->prestige, error);
  return NULL;
}

/**
 * banso_records_restore_async:
 * @removal: (transfer full): from banso_records_remove_async()
 *
 * Puts a removed record back as it was. Returns: nothing.
 */
void
banso_records_restore_async (BansoStore          *store,
                             BansoUser           *user,
                             BansoRemoval        *removal,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  banso_store_write_async (store, user, restore_thread, removal, (GDestroyNotify)banso_removal_free,
                           NULL, cancellable, callback, user_data);
}

/* }}} */

/* Places and people to pick {{{ */

static gpointer
communes_thread (sqlite3  *db,
                 gpointer  data,
                 GError  **error)
{
  return banso_reference_list_communes (db, data, error);
}

/**
 * banso_commune_list_async:
 *
 * Returns: (transfer full) (element-type BansoRefItem): the communes of @province
 */
void
banso_commune_list_async (BansoStore          *store,
                          const char          *province,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  banso_store_read_async (store, communes_thread, g_strdup (province), g_free,
                          (GDestroyNotify)g_ptr_array_unref, cancellable, callback, user_data);
}

static gpointer
province_thread (sqlite3  *db,
                 gpointer  data,
                 GError  **error)
{
  return banso_reference_commune_province (db, data);
}

/**
 * banso_commune_province_async:
 *
 * Returns: (transfer full) (nullable): the province of @commune
 */
void
banso_commune_province_async (BansoStore          *store,
                              const char          *commune,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  banso_store_read_async (store, province_thread, g_strdup (commune), g_free, g_free,
                          cancellable, callback, user_data);
}

static gpointer
villages_thread (sqlite3  *db,
                 gpointer  data,
                 GError  **error)
{
  return banso_village_list (db, data, error);
}

/**
 * banso_village_list_async:
 *
 * Returns: (transfer full) (element-type BansoRefItem): the villages of @commune
 */
void
banso_village_list_async (BansoStore          *store,
                          const char          *commune,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  banso_store_read_async (store, villages_thread, g_strdup (commune), g_free,
                          (GDestroyNotify)g_ptr_array_unref, cancellable, callback, user_data);
}

typedef struct
{
  char *commune;
  char *name;
} NewVillage;

static void
new_village_free (NewVillage *nv)
{
  g_free (nv->commune);
  g_free (nv->name);
  g_free (nv);
}

static gpointer
create_village_thread (BansoTxn  *txn,
                       gpointer   data,
                       GError   **error)
{
  NewVillage *nv = data;

  return banso_village_create (txn, nv->commune, nv->name, NULL, error);
}

/**
 * banso_village_create_async:
 *
 * Returns: (transfer full): the id of the new village
 */
void
banso_village_create_async (BansoStore          *store,
                            BansoUser           *user,
                            const char          *commune,
                            const char          *name,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  NewVillage *nv = g_new0 (NewVillage, 1);

  nv->commune = g_strdup (commune);
  nv->name = g_strdup (name);
  banso_store_write_async (store, user, create_village_thread, nv, (GDestroyNotify)new_village_free,
                           g_free, cancellable, callback, user_data);
}

typedef struct
{
  char  *query;
  guint  limit;
} MemberQuery;

static void
member_query_free (MemberQuery *q)
{
  g_free (q->query);
  g_free (q);
}

static gpointer
members_thread (sqlite3  *db,
                gpointer  data,
                GError  **error)
{
  MemberQuery *q = data;

  return banso_household_find_members (db, q->query, q->limit, error);
}

/**
 * banso_member_find_async:
 *
 * Returns: (transfer full) (element-type BansoMemberMatch): at most @limit
 *   members whose name holds every word of @query
 */
void
banso_member_find_async (BansoStore          *store,
                         const char          *query,
                         guint                limit,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  MemberQuery *q = g_new0 (MemberQuery, 1);

  q->query = g_strdup (query);
  q->limit = limit;
  banso_store_read_async (store, members_thread, q, (GDestroyNotify)member_query_free,
                          (GDestroyNotify)g_ptr_array_unref, cancellable, callback, user_data);
}

/* }}} */

/**
 * banso_records_places_read:
 * @fallback_province: the province when no household is recorded yet
 *
 * Reads, in the calling thread (a worker), the ethnic groups, the provinces
 * and the office's own province.
 */
gboolean
banso_records_places_read (BansoStore          *store,
                           const char          *fallback_province,
                           BansoRecordsPlaces  *places,
                           GError             **error)
{
  sqlite3 *db = banso_store_acquire_reader (store, error);

  if (db == NULL)
    return FALSE;
  places->ethnic_groups = banso_reference_list_ethnic_groups (db, error);
  if (places->ethnic_groups != NULL)
    places->provinces = banso_reference_list_provinces (db, error);
  places->home_province = banso_records_home_province (db, fallback_province);
  banso_store_release_reader (store, db);
  return places->provinces != NULL;
}

void
banso_records_places_clear (BansoRecordsPlaces *places)
{
  g_clear_pointer (&places->ethnic_groups, g_ptr_array_unref);
  g_clear_pointer (&places->provinces, g_ptr_array_unref);
  g_clear_pointer (&places->home_province, g_free);
}
