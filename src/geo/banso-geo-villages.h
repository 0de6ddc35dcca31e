/* banso-geo-villages.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-geometry.h"
#include "banso-store.h"

G_BEGIN_DECLS

/* A village inside an area of the map, with its households and its place. */
typedef struct
{
  char     *id;
  char     *name;
  char     *commune_code;
  char     *commune_name;
  guint     households;
  gboolean  located;
  double    lat, lon;
} BansoGeoVillage;

void banso_geo_village_free              (gpointer             village);

void banso_geo_villages_in_area_async    (BansoStore          *store,
                                          const BansoGeometry *area,
                                          const char          *commune,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
void banso_geo_place_villages_async      (BansoStore          *store,
                                          BansoUser           *user,
                                          guint                seed,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);

G_END_DECLS
