/* banso-records-tasks.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-household.h"
#include "banso-prestige.h"
#include "banso-records.h"
#include "banso-store.h"

G_BEGIN_DECLS

/* What the window asks of the records, each in a worker thread, each write
 * in one transaction of the store. Results come back through
 * banso_store_task_finish(): what each function names under Returns. */

/* A record removed, as it was, to put back with Undo. */
typedef struct _BansoRemoval BansoRemoval;

void          banso_household_save_async    (BansoStore            *store,
                                             BansoUser             *user,
                                             const BansoHousehold  *household,
                                             const char            *draft_key,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
void          banso_prestige_save_async     (BansoStore            *store,
                                             BansoUser             *user,
                                             const BansoPrestige   *prestige,
                                             const char            *draft_key,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
void          banso_records_load_async      (BansoStore            *store,
                                             const char            *id,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
void          banso_records_remove_async    (BansoStore            *store,
                                             BansoUser             *user,
                                             BansoRecordKind        kind,
                                             const char            *id,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
void          banso_records_restore_async   (BansoStore            *store,
                                             BansoUser             *user,
                                             BansoRemoval          *removal,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
void          banso_removal_free            (BansoRemoval          *removal);

void          banso_commune_list_async      (BansoStore            *store,
                                             const char            *province,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
void          banso_commune_province_async  (BansoStore            *store,
                                             const char            *commune,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
void          banso_village_list_async      (BansoStore            *store,
                                             const char            *commune,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
void          banso_village_create_async    (BansoStore            *store,
                                             BansoUser             *user,
                                             const char            *commune,
                                             const char            *name,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
void          banso_member_find_async       (BansoStore            *store,
                                             const char            *query,
                                             guint                  limit,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);

/* What the window shows first, read once the database is open. */
typedef struct
{
  GPtrArray *ethnic_groups;   /* BansoRefItem */
  GPtrArray *provinces;       /* BansoRefItem */
  char      *home_province;
} BansoRecordsPlaces;

gboolean      banso_records_places_read     (BansoStore            *store,
                                             const char            *fallback_province,
                                             BansoRecordsPlaces    *places,
                                             GError               **error);
void          banso_records_places_clear    (BansoRecordsPlaces    *places);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoRemoval, banso_removal_free)

G_END_DECLS
