/* banso-geo-region.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The regions the map draws in one pass. Everything the draw routine needs
 * is computed once when the set is built: the rings in Web Mercator, one
 * simplified copy of them for every few zoom levels, boxes for culling, and a
 * grid of the regions for hit tests. The draw routine then only culls,
 * transforms and strokes, whatever the number of vertices in the file.
 */

#define G_LOG_DOMAIN "banso-geo"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "banso-fold.h"
#include "banso-geo-feature.h"
#include "banso-geo-region.h"
#include "banso-geojson.h"

/* The zooms the simplified levels are made for; above the last, the rings
 * are drawn at full resolution. */
static const double level_zooms[] = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 };
#define N_LEVELS (G_N_ELEMENTS (level_zooms) + 1)
/* How far, in pixels at a level's zoom, a simplified ring may stray. */
#define TOLERANCE_PX 0.5
#define GRID 64

typedef struct
{
  guint       first;
  guint       n;
  BansoGeoBox box;
} Ring;

typedef struct
{
  GArray *points;        /* BansoGeoPoint, Web Mercator */
  GArray *rings;         /* Ring */
  guint  *region_rings;  /* n_regions + 1 offsets into rings */
} Level;

struct _BansoRegionSet
{
  GObject      parent_instance;

  GArray      *regions;   /* BansoRegion */
  GArray      *mboxes;    /* BansoGeoBox in Web Mercator, one per region */
  GHashTable  *by_code;   /* code → index + 1 */
  GPtrArray   *folded;    /* each region's folded name, for search */
  Level        levels[N_LEVELS];
  BansoGeoBox  box;       /* degrees */
  BansoGeoBox  mbox;

  guint       *cell_start;  /* GRID² + 1 */
  guint       *cell_items;
};

G_DEFINE_FINAL_TYPE (BansoRegionSet, banso_region_set, G_TYPE_OBJECT)

static void
clear_region (gpointer data)
{
  BansoRegion *region = data;

  g_free (region->code);
  g_free (region->name);
  g_free (region->label);
  banso_geometry_free (region->geometry);
}

static void
banso_region_set_finalize (GObject *object)
{
  BansoRegionSet *self = BANSO_REGION_SET (object);

  for (guint i = 0; i < N_LEVELS; i++)
    {
      g_clear_pointer (&self->levels[i].points, g_array_unref);
      g_clear_pointer (&self->levels[i].rings, g_array_unref);
      g_free (self->levels[i].region_rings);
    }
  g_array_unref (self->regions);
  g_array_unref (self->mboxes);
  g_hash_table_unref (self->by_code);
  g_clear_pointer (&self->folded, g_ptr_array_unref);
  g_free (self->cell_start);
  g_free (self->cell_items);

  G_OBJECT_CLASS (banso_region_set_parent_class)->finalize (object);
}

static void
banso_region_set_class_init (BansoRegionSetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = banso_region_set_finalize;
}

static void
banso_region_set_init (BansoRegionSet *self)
{
  self->regions = g_array_new (FALSE, TRUE, sizeof (BansoRegion));
  g_array_set_clear_func (self->regions, clear_region);
  self->mboxes = g_array_new (FALSE, FALSE, sizeof (BansoGeoBox));
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  banso_geo_box_empty (&self->box);
  banso_geo_box_empty (&self->mbox);
}

void
banso_geo_viewport_init (BansoGeoViewport *viewport,
                         double            lat,
                         double            lon,
                         double            zoom,
                         int               width,
                         int               height)
{
  banso_mercator_project (lon, lat, &viewport->x, &viewport->y);
  viewport->zoom = zoom;
  viewport->width = width;
  viewport->height = height;
}

static double
viewport_scale (const BansoGeoViewport *viewport)
{
  return 256.0 * exp2 (viewport->zoom);
}

void
banso_geo_viewport_to_pixel (const BansoGeoViewport *viewport,
                             double                  lat,
                             double                  lon,
                             double                 *px,
                             double                 *py)
{
  double scale = viewport_scale (viewport);
  double x, y;

  banso_mercator_project (lon, lat, &x, &y);
  *px = (x - viewport->x) * scale + viewport->width / 2.0;
  *py = (y - viewport->y) * scale + viewport->height / 2.0;
}

void
banso_geo_viewport_from_pixel (const BansoGeoViewport *viewport,
                               double                  px,
                               double                  py,
                               double                 *lat,
                               double                 *lon)
{
  double scale = viewport_scale (viewport);

  banso_mercator_unproject (viewport->x + (px - viewport->width / 2.0) / scale,
                            viewport->y + (py - viewport->height / 2.0) / scale, lon, lat);
}

static void
viewport_box (const BansoGeoViewport *viewport,
              BansoGeoBox            *box)
{
  double scale = viewport_scale (viewport);

  box->min_x = viewport->x - viewport->width / 2.0 / scale;
  box->max_x = viewport->x + viewport->width / 2.0 / scale;
  box->min_y = viewport->y - viewport->height / 2.0 / scale;
  box->max_y = viewport->y + viewport->height / 2.0 / scale;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

/* A point well inside the largest part: the middle of the widest span of a
 * horizontal line through the middle of its box. A centroid can fall outside
 * a crescent-shaped commune. */
static void
find_label_point (BansoRegion *region)
{
  const BansoGeometry *g = region->geometry;
  const BansoGeoPolygon *best = NULL;
  double best_area = -1, y, width = -1;
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
  const BansoGeoPath *outer;
  BansoGeoBox box;

  region->label_lon = (region->box.min_x + region->box.max_x) / 2;
  region->label_lat = (region->box.min_y + region->box.max_y) / 2;
  for (guint i = 0; i < g->polygons->len; i++)
    {
      const BansoGeoPolygon *p = &g_array_index (g->polygons, BansoGeoPolygon, i);
      const BansoGeoPath *ring = &g_array_index (g->paths, BansoGeoPath, p->first_path);
      double area = fabs (banso_geo_ring_signed_area (ring->points, ring->n_points));

      if (area > best_area)
        {
          best_area = area;
          best = p;
        }
    }
  if (best == NULL)
    return;

  outer = &g_array_index (g->paths, BansoGeoPath, best->first_path);
  banso_geo_box_empty (&box);
  for (guint i = 0; i < outer->n_points; i++)
    banso_geo_box_add (&box, outer->points[i].x, outer->points[i].y);
  /* Off the exact middle, so that the line never runs through a vertex. */
  y = box.min_y + (box.max_y - box.min_y) * 0.5000123;
  for (guint r = 0; r < best->n_paths; r++)
    {
      const BansoGeoPath *ring = &g_array_index (g->paths, BansoGeoPath, best->first_path + r);

      for (guint i = 0; i + 1 < ring->n_points; i++)
        {
          const BansoGeoPoint *a = &ring->points[i], *b = &ring->points[i + 1];

          if ((a->y > y) != (b->y > y))
            {
              double x = a->x + (y - a->y) * (b->x - a->x) / (b->y - a->y);
              g_array_append_val (xs, x);
            }
        }
    }
  if (xs->len > 1)
    qsort (xs->data, xs->len, sizeof (double), compare_doubles);
  for (guint i = 0; i + 1 < xs->len; i += 2)
    {
      double w = g_array_index (xs, double, i + 1) - g_array_index (xs, double, i);

      if (w > width)
        {
          width = w;
          region->label_lon = (g_array_index (xs, double, i) + g_array_index (xs, double, i + 1)) / 2;
          region->label_lat = y;
        }
    }
}

/* What a map writes: the name without the kind of unit before it. */
static char *
short_label (const char *name)
{
  static const char * const prefixes[] = { "Thành phố ", "Tỉnh ", "Phường ", "Xã ", "Đặc khu " };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (name, prefixes[i]))
      return g_strdup (name + strlen (prefixes[i]));
  return g_strdup (name);
}

static void
add_ring (Level               *level,
          const BansoGeoPoint *points,
          guint                n)
{
  Ring ring = { level->points->len, n, { INFINITY, INFINITY, -INFINITY, -INFINITY } };

  for (guint i = 0; i < n; i++)
    banso_geo_box_add (&ring.box, points[i].x, points[i].y);
  g_array_append_vals (level->points, points, n);
  g_array_append_val (level->rings, ring);
}

static void
build_levels (BansoRegionSet *self)
{
  guint n_regions = self->regions->len;
  g_autoptr(GArray) merc = g_array_new (FALSE, FALSE, sizeof (BansoGeoPoint));
  g_autoptr(GArray) simple = g_array_new (FALSE, FALSE, sizeof (BansoGeoPoint));

  for (guint l = 0; l < N_LEVELS; l++)
    {
      self->levels[l].points = g_array_new (FALSE, FALSE, sizeof (BansoGeoPoint));
      self->levels[l].rings = g_array_new (FALSE, FALSE, sizeof (Ring));
      self->levels[l].region_rings = g_new0 (guint, n_regions + 1);
    }

  for (guint r = 0; r < n_regions; r++)
    {
      const BansoRegion *region = &g_array_index (self->regions, BansoRegion, r);
      const BansoGeometry *g = region->geometry;
      BansoGeoBox mbox;

      banso_geo_box_empty (&mbox);
      for (guint l = 0; l < N_LEVELS; l++)
        self->levels[l].region_rings[r] = self->levels[l].rings->len;

      for (guint p = 0; p < g->paths->len; p++)
        {
          const BansoGeoPath *path = &g_array_index (g->paths, BansoGeoPath, p);

          g_array_set_size (merc, path->n_points);
          for (guint i = 0; i < path->n_points; i++)
            {
              BansoGeoPoint *m = &g_array_index (merc, BansoGeoPoint, i);

              banso_mercator_project (path->points[i].x, path->points[i].y, &m->x, &m->y);
              banso_geo_box_add (&mbox, m->x, m->y);
            }
          add_ring (&self->levels[N_LEVELS - 1], (BansoGeoPoint *)merc->data, merc->len);

          for (guint l = 0; l + 1 < N_LEVELS; l++)
            {
              double tolerance = TOLERANCE_PX / (256.0 * exp2 (level_zooms[l]));
              const Ring *full = &g_array_index (self->levels[N_LEVELS - 1].rings, Ring,
                                                 self->levels[N_LEVELS - 1].rings->len - 1);
              guint n;

              /* A ring smaller than a pixel is not drawn at this zoom. */
              if (full->box.max_x - full->box.min_x < tolerance * 2 &&
                  full->box.max_y - full->box.min_y < tolerance * 2)
                continue;
              g_array_set_size (simple, merc->len);
              n = banso_geo_simplify ((BansoGeoPoint *)merc->data, merc->len, tolerance,
                                      (BansoGeoPoint *)simple->data);
              add_ring (&self->levels[l], (BansoGeoPoint *)simple->data, n);
            }
        }
      g_array_append_val (self->mboxes, mbox);
      banso_geo_box_union (&self->mbox, &mbox);
    }
  for (guint l = 0; l < N_LEVELS; l++)
    self->levels[l].region_rings[n_regions] = self->levels[l].rings->len;
}

/* The cell of the grid that holds @v on an axis from @min to @max, also when
 * the set is a line or a point along that axis (no width: cell 0). */
static guint
grid_cell (double v,
           double min,
           double max)
{
  double t = (v - min) / (max - min) * GRID;

  if (!(t > 0))
    return 0;
  return t >= GRID - 1 ? GRID - 1 : (guint) t;
}

static void
cell_range (BansoRegionSet    *self,
            const BansoGeoBox *box,
            guint             *x0,
            guint             *y0,
            guint             *x1,
            guint             *y1)
{
  *x0 = grid_cell (box->min_x, self->mbox.min_x, self->mbox.max_x);
  *x1 = grid_cell (box->max_x, self->mbox.min_x, self->mbox.max_x);
  *y0 = grid_cell (box->min_y, self->mbox.min_y, self->mbox.max_y);
  *y1 = grid_cell (box->max_y, self->mbox.min_y, self->mbox.max_y);
}

static void
build_grid (BansoRegionSet *self)
{
  guint *counts = g_new0 (guint, GRID * GRID + 1);
  guint *fill;

  for (int pass = 0; pass < 2; pass++)
    {
      for (guint r = 0; r < self->mboxes->len; r++)
        {
          guint x0, y0, x1, y1;

          cell_range (self, &g_array_index (self->mboxes, BansoGeoBox, r), &x0, &y0, &x1, &y1);
          for (guint y = y0; y <= y1; y++)
            for (guint x = x0; x <= x1; x++)
              {
                if (pass == 0)
                  counts[y * GRID + x]++;
                else
                  self->cell_items[fill[y * GRID + x]++] = r;
              }
        }
      if (pass == 0)
        {
          self->cell_start = g_new0 (guint, GRID * GRID + 1);
          for (guint c = 0; c < GRID * GRID; c++)
            self->cell_start[c + 1] = self->cell_start[c] + counts[c];
          self->cell_items = g_new (guint, MAX (self->cell_start[GRID * GRID], 1));
          fill = g_memdup2 (self->cell_start, sizeof (guint) * (GRID * GRID + 1));
        }
    }
  g_free (fill);
  g_free (counts);
}

/**
 * banso_region_set_new_from_features:
 * @features: (element-type BansoGeoFeature): as banso_geojson_parse() gives;
 *   their geometries are taken
 * @code_key: the property that holds each region's code
 *
 * Features without an area (points, lines, none) are left out.
 */
BansoRegionSet *
banso_region_set_new_from_features (GPtrArray   *features,
                                    const char  *code_key,
                                    GError     **error)
{
  g_autoptr(BansoRegionSet) self = g_object_new (BANSO_TYPE_REGION_SET, NULL);

  g_return_val_if_fail (features != NULL, NULL);

  for (guint i = 0; i < features->len; i++)
    {
      BansoGeoFeature *feature = g_ptr_array_index (features, i);
      const char *code = banso_geo_feature_get_string (feature, code_key);
      BansoRegion region = { 0 };

      if (feature->geometry == NULL || feature->geometry->polygons->len == 0)
        continue;
      region.code = g_strdup (code ? code : feature->id ? feature->id : "");
      region.name = g_strdup (feature->name ? feature->name : region.code);
      region.label = short_label (region.name);
      region.geometry = g_steal_pointer (&feature->geometry);
      region.box = region.geometry->box;
      find_label_point (&region);
      banso_geo_box_union (&self->box, &region.box);
      g_array_append_val (self->regions, region);
    }
  if (self->regions->len == 0)
    {
      g_set_error (error, BANSO_GEO_ERROR, BANSO_GEO_ERROR_GEOMETRY,
                   _("The file holds no area to draw: no Polygon or MultiPolygon"));
      return NULL;
    }
  for (guint i = 0; i < self->regions->len; i++)
    {
      BansoRegion *region = &g_array_index (self->regions, BansoRegion, i);

      if (*region->code != '\0')
        g_hash_table_insert (self->by_code, region->code, GUINT_TO_POINTER (i + 1));
    }
  self->folded = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->regions->len; i++)
    g_ptr_array_add (self->folded, banso_fold (g_array_index (self->regions, BansoRegion, i).name, -1));
  build_levels (self);
  build_grid (self);
  return g_steal_pointer (&self);
}

BansoRegionSet *
banso_region_set_load_file (const char  *path,
                            const char  *code_key,
                            GError     **error)
{
  g_autoptr(GPtrArray) features = banso_geojson_load_file (path, 0, error);

  return features ? banso_region_set_new_from_features (features, code_key, error) : NULL;
}

BansoRegionSet *
banso_region_set_load_resource (const char  *resource_path,
                                const char  *code_key,
                                GError     **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (resource_path, 0, error);
  g_autoptr(GPtrArray) features = NULL;
  g_autofree char *name = NULL;

  if (bytes == NULL)
    return NULL;
  name = g_path_get_basename (resource_path);
  features = banso_geojson_load_bytes (bytes, name, 0, error);
  return features ? banso_region_set_new_from_features (features, code_key, error) : NULL;
}

/* Vietnam's 34 provinces of 2025, with Hoàng Sa and Trường Sa. */
BansoRegionSet *
banso_region_set_load_provinces (GError **error)
{
  return banso_region_set_load_resource ("/io/github/banso/Banso/geo/vn-provinces.geojson", "code", error);
}

/* Sơn La's 75 communes and wards of 2025. */
BansoRegionSet *
banso_region_set_load_communes (GError **error)
{
  return banso_region_set_load_resource ("/io/github/banso/Banso/geo/son-la-communes.geojson", "code", error);
}

typedef struct
{
  char *path;
  char *code_key;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *d = data;

  g_free (d->path);
  g_free (d->code_key);
  g_free (d);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *d = task_data;
  GError *error = NULL;
  BansoRegionSet *set;

  if (g_str_has_prefix (d->path, "resource://"))
    set = banso_region_set_load_resource (d->path + strlen ("resource://"), d->code_key, &error);
  else
    set = banso_region_set_load_file (d->path, d->code_key, &error);
  if (set == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, set, g_object_unref);
}

/**
 * banso_region_set_load_async:
 * @resource_path: a file, or "resource:///io/github/…" for a bundled one
 *
 * Reads and builds a set in a worker thread (a few tens of milliseconds for
 * the bundled files, more for full-resolution ones).
 */
void
banso_region_set_load_async (const char          *resource_path,
                             const char          *code_key,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  LoadData *d = g_new0 (LoadData, 1);

  d->path = g_strdup (resource_path);
  d->code_key = g_strdup (code_key);
  g_task_set_source_tag (task, banso_region_set_load_async);
  g_task_set_task_data (task, d, load_data_free);
  g_task_run_in_thread (task, load_thread);
}

BansoRegionSet *
banso_region_set_load_finish (GAsyncResult  *result,
                              GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
banso_region_set_get_n_regions (BansoRegionSet *self)
{
  g_return_val_if_fail (BANSO_IS_REGION_SET (self), 0);
  return self->regions->len;
}

const BansoRegion *
banso_region_set_get_region (BansoRegionSet *self,
                             guint           index)
{
  g_return_val_if_fail (BANSO_IS_REGION_SET (self), NULL);
  g_return_val_if_fail (index < self->regions->len, NULL);
  return &g_array_index (self->regions, BansoRegion, index);
}

/* Returns: the index of the region with @code, or -1. */
int
banso_region_set_find (BansoRegionSet *self,
                       const char     *code)
{
  g_return_val_if_fail (BANSO_IS_REGION_SET (self), -1);
  return code ? (int)GPOINTER_TO_UINT (g_hash_table_lookup (self->by_code, code)) - 1 : -1;
}

/* The box of all the regions, in degrees. */
const BansoGeoBox *
banso_region_set_get_box (BansoRegionSet *self)
{
  g_return_val_if_fail (BANSO_IS_REGION_SET (self), NULL);
  return &self->box;
}

guint
banso_region_set_get_n_points (BansoRegionSet *self)
{
  g_return_val_if_fail (BANSO_IS_REGION_SET (self), 0);
  return self->levels[N_LEVELS - 1].points->len;
}

/**
 * banso_region_set_search:
 * @query: what the user typed, with or without tones (“chieng an”)
 *
 * Regions whose name holds the folded query, those whose name or a word of
 * it begins with it first, then in their order.
 *
 * Returns: (transfer full) (element-type guint): region indices
 */
GArray *
banso_region_set_search (BansoRegionSet *self,
                         const char     *query,
                         guint           limit)
{
  g_autofree char *q = NULL;
  GArray *found = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) later = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (BANSO_IS_REGION_SET (self), found);

  q = banso_fold (query ? query : "", -1);
  g_strstrip (q);
  if (*q == '\0')
    return found;
  for (guint i = 0; i < self->folded->len; i++)
    {
      const char *name = g_ptr_array_index (self->folded, i);
      const char *at = strstr (name, q);

      if (at == NULL)
        continue;
      if (at == name || at[-1] == ' ')
        g_array_append_val (found, i);
      else
        g_array_append_val (later, i);
    }
  g_array_append_vals (found, later->data, later->len);
  if (limit > 0 && found->len > limit)
    g_array_set_size (found, limit);
  return found;
}

static gboolean
region_contains (BansoRegionSet *self,
                 guint           r,
                 double          x,
                 double          y)
{
  const Level *level = &self->levels[N_LEVELS - 1];
  const BansoGeoPoint *pts = (const BansoGeoPoint *)level->points->data;
  gboolean inside = FALSE;

  /* Even-odd over every ring of the region: holes are outside, and the
   * parts of a MultiPolygon never overlap. */
  for (guint k = level->region_rings[r]; k < level->region_rings[r + 1]; k++)
    {
      const Ring *ring = &g_array_index (level->rings, Ring, k);
      const BansoGeoPoint *p = pts + ring->first;

      if (!banso_geo_box_contains (&ring->box, x, y))
        continue;
      for (guint i = 0, j = ring->n - 1; i < ring->n; j = i++)
        if ((p[i].y > y) != (p[j].y > y) &&
            x < (p[j].x - p[i].x) * (y - p[i].y) / (p[j].y - p[i].y) + p[i].x)
          inside = !inside;
    }
  return inside;
}

static int
hit_test_mercator (BansoRegionSet *self,
                   double          x,
                   double          y)
{
  guint cx, cy, cell;

  if (!banso_geo_box_contains (&self->mbox, x, y))
    return -1;
  cx = grid_cell (x, self->mbox.min_x, self->mbox.max_x);
  cy = grid_cell (y, self->mbox.min_y, self->mbox.max_y);
  cell = cy * GRID + cx;
  for (guint k = self->cell_start[cell]; k < self->cell_start[cell + 1]; k++)
    {
      guint r = self->cell_items[k];

      if (banso_geo_box_contains (&g_array_index (self->mboxes, BansoGeoBox, r), x, y) &&
          region_contains (self, r, x, y))
        return r;
    }
  return -1;
}

/* Returns: the index of the region under the point, or -1. Any thread. */
int
banso_region_set_hit_test (BansoRegionSet *self,
                           double          lat,
                           double          lon)
{
  double x, y;

  g_return_val_if_fail (BANSO_IS_REGION_SET (self), -1);
  banso_mercator_project (lon, lat, &x, &y);
  return hit_test_mercator (self, x, y);
}

int
banso_region_set_hit_test_pixel (BansoRegionSet         *self,
                                 const BansoGeoViewport *viewport,
                                 double                  px,
                                 double                  py)
{
  double scale;

  g_return_val_if_fail (BANSO_IS_REGION_SET (self), -1);
  scale = viewport_scale (viewport);
  return hit_test_mercator (self, viewport->x + (px - viewport->width / 2.0) / scale,
                            viewport->y + (py - viewport->height / 2.0) / scale);
}

typedef struct
{
  guint         region;
  BansoGeoColor color;
  double        width;
} Outline;

static const Level *
choose_level (BansoRegionSet *self,
              double          zoom)
{
  /* A fractional zoom uses the level below it: its rings stray at most a
   * pixel at the zoom shown. */
  for (guint l = 0; l + 1 < N_LEVELS; l++)
    if (floor (zoom) <= level_zooms[l])
      return &self->levels[l];
  return &self->levels[N_LEVELS - 1];
}

/* Adds the region's visible rings to the current path, in pixels. */
static void
trace_region (const Level       *level,
              guint              r,
              cairo_t           *cr,
              const BansoGeoBox *view,
              double             scale)
{
  const BansoGeoPoint *pts = (const BansoGeoPoint *)level->points->data;

  for (guint k = level->region_rings[r]; k < level->region_rings[r + 1]; k++)
    {
      const Ring *ring = &g_array_index (level->rings, Ring, k);
      const BansoGeoPoint *p = pts + ring->first;
      double lx, ly;

      if (!banso_geo_box_intersects (&ring->box, view))
        continue;
      lx = (p[0].x - view->min_x) * scale;
      ly = (p[0].y - view->min_y) * scale;
      cairo_move_to (cr, lx, ly);
      for (guint i = 1; i < ring->n; i++)
        {
          double x = (p[i].x - view->min_x) * scale, y = (p[i].y - view->min_y) * scale;

          /* Points that land on the same pixel add nothing but work. */
          if (fabs (x - lx) < 0.5 && fabs (y - ly) < 0.5 && i + 1 < ring->n)
            continue;
          cairo_line_to (cr, x, y);
          lx = x;
          ly = y;
        }
      cairo_close_path (cr);
    }
}

/**
 * banso_region_set_draw:
 * @cr: in pixels of the viewport, (0, 0) at its top left; its antialias
 *   applies to the outlines (CAIRO_ANTIALIAS_NONE while the map moves is
 *   three times faster), its default meaning CAIRO_ANTIALIAS_FAST
 * @style: (scope call): the colours of each region; %NULL for grey outlines
 *
 * Draws every region that the viewport shows, in one pass: regions and rings
 * outside are skipped by their boxes, rings come from the level of detail
 * made for the zoom, and each region is filled by the even-odd rule (holes
 * stay open) and outlined. Any thread; the set is not changed.
 *
 * Returns: the number of regions drawn
 */
guint
banso_region_set_draw (BansoRegionSet         *self,
                       cairo_t                *cr,
                       const BansoGeoViewport *viewport,
                       BansoRegionStyleFunc    style,
                       gpointer                user_data)
{
  const Level *level;
  BansoGeoBox view;
  cairo_antialias_t antialias;
  g_autoptr(GArray) outlines = NULL;
  double scale;
  guint drawn = 0;

  g_return_val_if_fail (BANSO_IS_REGION_SET (self), 0);
  g_return_val_if_fail (cr != NULL && viewport != NULL, 0);

  antialias = cairo_get_antialias (cr);
  outlines = g_array_new (FALSE, FALSE, sizeof (Outline));
  scale = viewport_scale (viewport);
  viewport_box (viewport, &view);
  if (!banso_geo_box_intersects (&view, &self->mbox))
    return 0;
  level = choose_level (self, viewport->zoom);

  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  /* Round joins cost an arc at every vertex; at a pixel wide, bevels look
   * the same. */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_new_path (cr);
  for (guint r = 0; r < self->regions->len; r++)
    {
      const BansoGeoBox *mbox = &g_array_index (self->mboxes, BansoGeoBox, r);
      BansoGeoColor fill = { 0.8, 0.8, 0.8, 0.0 }, stroke = { 0.3, 0.3, 0.3, 1.0 };
      double line_width = 1.0;
      gboolean outlined;

      if (!banso_geo_box_intersects (mbox, &view))
        continue;
      /* Smaller than a pixel: nothing to see. */
      if ((mbox->max_x - mbox->min_x) * scale < 1 && (mbox->max_y - mbox->min_y) * scale < 1)
        continue;
      if (style != NULL &&
          !style (&g_array_index (self->regions, BansoRegion, r), r, &fill, &stroke, &line_width, user_data))
        continue;
      outlined = stroke.alpha > 0 && line_width > 0;

      trace_region (level, r, cr, &view, scale);
      if (fill.alpha > 0)
        {
          /* The outline drawn over the fill hides its edge: the fill needs
           * no antialiasing, which is most of the work of a frame. */
          cairo_set_antialias (cr, outlined ? CAIRO_ANTIALIAS_NONE : antialias);
          cairo_set_source_rgba (cr, fill.red, fill.green, fill.blue, fill.alpha);
          cairo_fill (cr);
        }
      cairo_new_path (cr);
      if (outlined)
        {
          Outline o = { r, stroke, line_width };

          g_array_append_val (outlines, o);
        }
      drawn++;
    }

  /* Outlines last, over every fill, and those of the same style in one
   * stroke: a border two regions share is drawn once, not twice darker.
   * Antialiasing outlines is most of a frame's work: unless the caller asked
   * for a kind, the fast one (4×4 samples), which at a pixel wide looks the
   * same and costs half. */
  if (antialias == CAIRO_ANTIALIAS_DEFAULT)
    cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  for (guint i = 0; i < outlines->len; i++)
    {
      Outline *first = &g_array_index (outlines, Outline, i);

      if (first->region == G_MAXUINT)
        continue;
      for (guint k = i; k < outlines->len; k++)
        {
          Outline *o = &g_array_index (outlines, Outline, k);

          if (o->region != G_MAXUINT && o->width == first->width &&
              memcmp (&o->color, &first->color, sizeof (BansoGeoColor)) == 0)
            {
              trace_region (level, o->region, cr, &view, scale);
              if (o != first)
                o->region = G_MAXUINT;
            }
        }
      cairo_set_source_rgba (cr, first->color.red, first->color.green, first->color.blue, first->color.alpha);
      cairo_set_line_width (cr, first->width);
      cairo_stroke (cr);
      first->region = G_MAXUINT;
    }
  cairo_restore (cr);
  return drawn;
}

/* Adds one region's outline to the current path (to highlight or clip it). */
void
banso_region_set_draw_region (BansoRegionSet         *self,
                              cairo_t                *cr,
                              const BansoGeoViewport *viewport,
                              guint                   index)
{
  BansoGeoBox view;

  g_return_if_fail (BANSO_IS_REGION_SET (self));
  g_return_if_fail (index < self->regions->len);

  viewport_box (viewport, &view);
  trace_region (choose_level (self, viewport->zoom), index, cr, &view, viewport_scale (viewport));
}

/**
 * banso_region_set_draw_labels:
 *
 * Writes the names of the regions where they fit inside their region and do
 * not overlap a name already written, with a light halo.
 *
 * Returns: the number of names written
 */
guint
banso_region_set_draw_labels (BansoRegionSet         *self,
                              cairo_t                *cr,
                              const BansoGeoViewport *viewport,
                              double                  font_size,
                              const BansoGeoColor    *color)
{
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (BansoGeoBox));
  double scale;
  guint n = 0;

  g_return_val_if_fail (BANSO_IS_REGION_SET (self), 0);

  scale = viewport_scale (viewport);
  cairo_save (cr);
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, font_size);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint r = 0; r < self->regions->len; r++)
    {
      const BansoRegion *region = &g_array_index (self->regions, BansoRegion, r);
      const BansoGeoBox *mbox = &g_array_index (self->mboxes, BansoGeoBox, r);
      cairo_text_extents_t ext;
      BansoGeoBox label;
      double px, py;
      gboolean overlaps = FALSE;

      banso_geo_viewport_to_pixel (viewport, region->label_lat, region->label_lon, &px, &py);
      if (px < 0 || py < 0 || px > viewport->width || py > viewport->height)
        continue;
      cairo_text_extents (cr, region->label, &ext);
      if (ext.width > (mbox->max_x - mbox->min_x) * scale * 0.9)
        continue;
      label.min_x = px - ext.width / 2 - 2;
      label.max_x = px + ext.width / 2 + 2;
      label.min_y = py - font_size / 2 - 2;
      label.max_y = py + font_size / 2 + 2;
      for (guint i = 0; i < placed->len && !overlaps; i++)
        overlaps = banso_geo_box_intersects (&label, &g_array_index (placed, BansoGeoBox, i));
      if (overlaps)
        continue;
      g_array_append_val (placed, label);

      cairo_move_to (cr, px - ext.width / 2 - ext.x_bearing, py + font_size * 0.35);
      cairo_text_path (cr, region->label);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.8);
      cairo_set_line_width (cr, 3);
      cairo_stroke_preserve (cr);
      cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
      cairo_fill (cr);
      n++;
    }
  cairo_restore (cr);
  return n;
}
