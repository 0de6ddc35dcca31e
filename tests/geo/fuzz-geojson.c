/* fuzz-geojson.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "banso-geo-region.h"
#include "banso-geojson.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

/* Whatever the bytes, the reader refuses or returns features whose
 * geometries the rest of the map can use: written back, read again, tested
 * and drawn. */
int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const BansoGeoJsonFlags flags[] = {
    BANSO_GEOJSON_DEFAULT, BANSO_GEOJSON_STRICT | BANSO_GEOJSON_GEOGRAPHIC,
  };

  for (guint f = 0; f < G_N_ELEMENTS (flags); f++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) features = banso_geojson_parse ((const char *)data, size, "fuzz", flags[f], &error);

      g_assert ((features == NULL) == (error != NULL));
      if (features == NULL)
        {
          g_assert (g_utf8_validate (error->message, -1, NULL));
          continue;
        }
      for (guint i = 0; i < features->len; i++)
        {
          BansoGeoFeature *feature = g_ptr_array_index (features, i);
          g_autofree char *json = NULL;
          g_autoptr(GPtrArray) again = NULL;

          if (feature->geometry == NULL)
            continue;
          json = banso_geometry_to_geojson (feature->geometry);
          again = banso_geojson_parse (json, -1, "again", 0, NULL);
          g_assert (again != NULL || banso_geometry_count_points (feature->geometry) == 0 ||
                    feature->geometry->type == BANSO_GEOMETRY_COLLECTION);
          banso_geometry_contains_point (feature->geometry, 104, 21, TRUE);
          banso_geometry_intersects (feature->geometry, feature->geometry);
        }
      if (f == 1)
        {
          g_autoptr(BansoRegionSet) set = banso_region_set_new_from_features (features, "code", NULL);

          if (set != NULL)
            {
              cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
              cairo_t *cr = cairo_create (surface);
              BansoGeoViewport vp;
              const BansoGeoBox *box = banso_region_set_get_box (set);

              banso_geo_viewport_init (&vp, (box->min_y + box->max_y) / 2, (box->min_x + box->max_x) / 2, 3, 64, 64);
              banso_region_set_draw (set, cr, &vp, NULL, NULL);
              banso_region_set_hit_test (set, (box->min_y + box->max_y) / 2, (box->min_x + box->max_x) / 2);
              cairo_destroy (cr);
              cairo_surface_destroy (surface);
            }
        }
    }
  return 0;
}
