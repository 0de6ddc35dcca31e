/* banso-mbtiles-data-source.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

#include "banso-mbtiles.h"

G_BEGIN_DECLS

#define BANSO_TYPE_MBTILES_DATA_SOURCE (banso_mbtiles_data_source_get_type ())

G_DECLARE_FINAL_TYPE (BansoMbtilesDataSource, banso_mbtiles_data_source,
                      BANSO, MBTILES_DATA_SOURCE, ShumateDataSource)

BansoMbtilesDataSource *banso_mbtiles_data_source_new          (BansoMbtiles           *mbtiles);
BansoMbtiles           *banso_mbtiles_data_source_get_mbtiles  (BansoMbtilesDataSource *self);
ShumateMapSource       *banso_mbtiles_data_source_new_renderer (BansoMbtiles           *mbtiles,
                                                                const char             *id);

G_END_DECLS
