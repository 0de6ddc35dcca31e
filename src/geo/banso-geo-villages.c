/* banso-geo-villages.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Map section asks about villages, in worker threads: those inside
 * an area with their households and places (the commune panel, the place
 * search), and places for villages that have none (the demo's).
 */

#define G_LOG_DOMAIN "banso-geo"

#include "config.h"

#include "banso-geo-villages.h"
#include "banso-store-async.h"
#include "banso-warning.h"

void
banso_geo_village_free (gpointer data)
{
  BansoGeoVillage *village = data;

  if (village == NULL)
    return;
  g_free (village->id);
  g_free (village->name);
  g_free (village->commune_code);
  g_free (village->commune_name);
  g_free (village);
}

typedef struct
{
  BansoGeometry *area;
  char          *commune;
} AreaJob;

static void
area_job_free (gpointer data)
{
  AreaJob *job = data;

  banso_geometry_free (job->area);
  g_free (job->commune);
  g_free (job);
}

static gpointer
villages_thread (sqlite3  *db,
                 gpointer  data,
                 GError  **error)
{
  AreaJob *job = data;
  g_autoptr(BansoWarningReport) report = banso_warning_compute_area (db, job->area, NULL, error);
  g_autoptr(GHashTable) communes = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *villages;

  if (report == NULL)
    return NULL;
  for (guint i = 0; i < report->areas->len; i++)
    {
      BansoAffectedArea *a = g_ptr_array_index (report->areas, i);

      if (a->village_id == NULL)
        g_hash_table_insert (communes, a->commune_code, a->commune_name);
    }

  villages = g_ptr_array_new_with_free_func (banso_geo_village_free);
  for (guint i = 0; i < report->areas->len; i++)
    {
      BansoAffectedArea *a = g_ptr_array_index (report->areas, i);
      BansoGeoVillage *v;
      const char *commune_name;

      if (a->village_id == NULL ||
          (job->commune != NULL && g_strcmp0 (a->commune_code, job->commune) != 0))
        continue;
      commune_name = g_hash_table_lookup (communes, a->commune_code);
      v = g_new0 (BansoGeoVillage, 1);
      v->id = g_strdup (a->village_id);
      v->name = g_strdup (a->village_name);
      v->commune_code = g_strdup (a->commune_code);
      v->commune_name = g_strdup (commune_name ? commune_name : a->commune_code);
      v->households = a->households;
      v->located = banso_village_location_get (db, a->village_id, &v->lat, &v->lon);
      g_ptr_array_add (villages, v);
    }
  return villages;
}

/**
 * banso_geo_villages_in_area_async:
 * @commune: (nullable): only the villages of this commune
 *
 * Returns: (transfer full) (element-type BansoGeoVillage): through
 *   banso_store_task_finish(), the villages the area touches
 */
void
banso_geo_villages_in_area_async (BansoStore          *store,
                                  const BansoGeometry *area,
                                  const char          *commune,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  AreaJob *job = g_new0 (AreaJob, 1);

  job->area = banso_geometry_copy (area);
  job->commune = g_strdup (commune);
  banso_store_read_async (store, villages_thread, job, area_job_free,
                          (GDestroyNotify)g_ptr_array_unref, cancellable, callback, user_data);
}

static gpointer
place_thread (BansoTxn  *txn,
              gpointer   data,
              GError   **error)
{
  guint n = banso_village_place_in_communes (txn, GPOINTER_TO_UINT (data), error);

  return n == G_MAXUINT ? NULL : GUINT_TO_POINTER (n + 1);
}

/**
 * banso_geo_place_villages_async:
 * @seed: the seed of the places chosen, so that a demo gets the same ones
 *
 * Gives every village without a place one inside its commune.
 *
 * Returns: through banso_store_task_finish(), one more than the number of
 *   villages placed, as a pointer
 */
void
banso_geo_place_villages_async (BansoStore          *store,
                                BansoUser           *user,
                                guint                seed,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  banso_store_write_async (store, user, place_thread, GUINT_TO_POINTER (seed), NULL, NULL,
                           cancellable, callback, user_data);
}
