/* fuzz-kml.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "banso-kml.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  for (int geographic = 0; geographic < 2; geographic++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) features = banso_kml_parse ((const char *)data, size, "fuzz.kml", geographic, &error);

      g_assert ((features == NULL) == (error != NULL));
      if (features == NULL)
        continue;
      for (guint i = 0; i < features->len; i++)
        {
          BansoGeoFeature *feature = g_ptr_array_index (features, i);
          g_autofree char *json = NULL;

          if (feature->geometry == NULL)
            continue;
          json = banso_geometry_to_geojson (feature->geometry);
          g_assert (json != NULL);
          banso_geometry_contains_point (feature->geometry, 104, 21, FALSE);
        }
    }
  return 0;
}
