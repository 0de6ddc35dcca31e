/* banso-geometry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Geometries, boxes, Web Mercator, point in polygon, intersections and
 * simplification: the plane geometry every other part of the map uses.
 */

#define G_LOG_DOMAIN "banso-geo"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "banso-geometry.h"

static void
clear_path (gpointer data)
{
  BansoGeoPath *path = data;

  g_free (path->points);
}

BansoGeometry *
banso_geometry_new (BansoGeometryType type)
{
  BansoGeometry *self = g_new0 (BansoGeometry, 1);

  self->type = type;
  self->paths = g_array_new (FALSE, FALSE, sizeof (BansoGeoPath));
  g_array_set_clear_func (self->paths, clear_path);
  self->polygons = g_array_new (FALSE, FALSE, sizeof (BansoGeoPolygon));
  if (type == BANSO_GEOMETRY_COLLECTION)
    self->members = g_ptr_array_new_with_free_func ((GDestroyNotify)banso_geometry_free);
  banso_geo_box_empty (&self->box);
  return self;
}

void
banso_geometry_free (BansoGeometry *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->paths);
  g_array_unref (self->polygons);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_free (self);
}

BansoGeometry *
banso_geometry_copy (const BansoGeometry *self)
{
  BansoGeometry *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = banso_geometry_new (self->type);
  for (guint i = 0; i < self->paths->len; i++)
    {
      const BansoGeoPath *p = &g_array_index (self->paths, BansoGeoPath, i);
      BansoGeoPath q = { p->n_points, g_memdup2 (p->points, p->n_points * sizeof (BansoGeoPoint)) };

      g_array_append_val (copy->paths, q);
    }
  g_array_append_vals (copy->polygons, self->polygons->data, self->polygons->len);
  for (guint i = 0; self->members != NULL && i < self->members->len; i++)
    g_ptr_array_add (copy->members, banso_geometry_copy (g_ptr_array_index (self->members, i)));
  copy->box = self->box;
  return copy;
}

/* Adds a path; in a (Multi)Polygon it belongs to the last polygon begun. */
void
banso_geometry_add_path (BansoGeometry       *self,
                         const BansoGeoPoint *points,
                         guint                n_points)
{
  BansoGeoPath path = { n_points, g_memdup2 (points, n_points * sizeof (BansoGeoPoint)) };

  g_array_append_val (self->paths, path);
  if (self->polygons->len > 0)
    g_array_index (self->polygons, BansoGeoPolygon, self->polygons->len - 1).n_paths++;
  for (guint i = 0; i < n_points; i++)
    banso_geo_box_add (&self->box, points[i].x, points[i].y);
}

void
banso_geometry_begin_polygon (BansoGeometry *self)
{
  BansoGeoPolygon polygon = { self->paths->len, 0 };

  g_array_append_val (self->polygons, polygon);
}

void
banso_geometry_update_box (BansoGeometry *self)
{
  banso_geo_box_empty (&self->box);
  for (guint i = 0; i < self->paths->len; i++)
    {
      const BansoGeoPath *p = &g_array_index (self->paths, BansoGeoPath, i);

      for (guint j = 0; j < p->n_points; j++)
        banso_geo_box_add (&self->box, p->points[j].x, p->points[j].y);
    }
  for (guint i = 0; self->members != NULL && i < self->members->len; i++)
    {
      BansoGeometry *member = g_ptr_array_index (self->members, i);

      banso_geometry_update_box (member);
      banso_geo_box_union (&self->box, &member->box);
    }
}

const char *
banso_geometry_type_to_string (BansoGeometryType type)
{
  switch (type)
    {
    case BANSO_GEOMETRY_POINT: return "Point";
    case BANSO_GEOMETRY_MULTI_POINT: return "MultiPoint";
    case BANSO_GEOMETRY_LINE_STRING: return "LineString";
    case BANSO_GEOMETRY_MULTI_LINE_STRING: return "MultiLineString";
    case BANSO_GEOMETRY_POLYGON: return "Polygon";
    case BANSO_GEOMETRY_MULTI_POLYGON: return "MultiPolygon";
    case BANSO_GEOMETRY_COLLECTION: return "GeometryCollection";
    default: return "Unknown";
    }
}

gboolean
banso_geometry_has_area (const BansoGeometry *self)
{
  if (self->polygons->len > 0)
    return TRUE;
  for (guint i = 0; self->members != NULL && i < self->members->len; i++)
    if (banso_geometry_has_area (g_ptr_array_index (self->members, i)))
      return TRUE;
  return FALSE;
}

guint
banso_geometry_count_points (const BansoGeometry *self)
{
  guint n = 0;

  for (guint i = 0; i < self->paths->len; i++)
    n += g_array_index (self->paths, BansoGeoPath, i).n_points;
  for (guint i = 0; self->members != NULL && i < self->members->len; i++)
    n += banso_geometry_count_points (g_ptr_array_index (self->members, i));
  return n;
}

static void
append_position (GString             *out,
                 const BansoGeoPoint *p)
{
  char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (out, "[%s,%s]",
                          g_ascii_formatd (x, sizeof x, "%.7f", p->x),
                          g_ascii_formatd (y, sizeof y, "%.7f", p->y));
}

static void
append_path (GString            *out,
             const BansoGeoPath *path)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < path->n_points; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_position (out, &path->points[i]);
    }
  g_string_append_c (out, ']');
}

static void
append_polygon (GString                *out,
                const BansoGeometry    *self,
                const BansoGeoPolygon  *polygon)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < polygon->n_paths; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_path (out, &g_array_index (self->paths, BansoGeoPath, polygon->first_path + i));
    }
  g_string_append_c (out, ']');
}

static void
append_geometry (GString             *out,
                 const BansoGeometry *self)
{
  const BansoGeoPath *paths = (const BansoGeoPath *)self->paths->data;

  g_string_append_printf (out, "{\"type\":\"%s\",", banso_geometry_type_to_string (self->type));
  switch (self->type)
    {
    case BANSO_GEOMETRY_POINT:
      g_string_append (out, "\"coordinates\":");
      if (self->paths->len > 0 && paths[0].n_points > 0)
        append_position (out, &paths[0].points[0]);
      else
        g_string_append (out, "[]");
      break;
    case BANSO_GEOMETRY_MULTI_POINT:
    case BANSO_GEOMETRY_LINE_STRING:
      g_string_append (out, "\"coordinates\":");
      if (self->paths->len > 0)
        append_path (out, &paths[0]);
      else
        g_string_append (out, "[]");
      break;
    case BANSO_GEOMETRY_MULTI_LINE_STRING:
      g_string_append (out, "\"coordinates\":[");
      for (guint i = 0; i < self->paths->len; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          append_path (out, &paths[i]);
        }
      g_string_append_c (out, ']');
      break;
    case BANSO_GEOMETRY_POLYGON:
      g_string_append (out, "\"coordinates\":");
      if (self->polygons->len > 0)
        append_polygon (out, self, &g_array_index (self->polygons, BansoGeoPolygon, 0));
      else
        g_string_append (out, "[]");
      break;
    case BANSO_GEOMETRY_MULTI_POLYGON:
      g_string_append (out, "\"coordinates\":[");
      for (guint i = 0; i < self->polygons->len; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          append_polygon (out, self, &g_array_index (self->polygons, BansoGeoPolygon, i));
        }
      g_string_append_c (out, ']');
      break;
    case BANSO_GEOMETRY_COLLECTION:
    default:
      g_string_append (out, "\"geometries\":[");
      for (guint i = 0; self->members != NULL && i < self->members->len; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          append_geometry (out, g_ptr_array_index (self->members, i));
        }
      g_string_append_c (out, ']');
      break;
    }
  g_string_append_c (out, '}');
}

/* The geometry as a GeoJSON geometry object, 7 decimals (about 1 cm). */
char *
banso_geometry_to_geojson (const BansoGeometry *self)
{
  GString *out = g_string_new (NULL);

  append_geometry (out, self);
  return g_string_free (out, FALSE);
}

void
banso_geo_box_empty (BansoGeoBox *box)
{
  box->min_x = box->min_y = INFINITY;
  box->max_x = box->max_y = -INFINITY;
}

void
banso_geo_box_add (BansoGeoBox *box,
                   double       x,
                   double       y)
{
  box->min_x = MIN (box->min_x, x);
  box->max_x = MAX (box->max_x, x);
  box->min_y = MIN (box->min_y, y);
  box->max_y = MAX (box->max_y, y);
}

void
banso_geo_box_union (BansoGeoBox       *box,
                     const BansoGeoBox *other)
{
  box->min_x = MIN (box->min_x, other->min_x);
  box->max_x = MAX (box->max_x, other->max_x);
  box->min_y = MIN (box->min_y, other->min_y);
  box->max_y = MAX (box->max_y, other->max_y);
}

gboolean
banso_geo_box_intersects (const BansoGeoBox *a,
                          const BansoGeoBox *b)
{
  return a->min_x <= b->max_x && b->min_x <= a->max_x &&
         a->min_y <= b->max_y && b->min_y <= a->max_y;
}

gboolean
banso_geo_box_contains (const BansoGeoBox *box,
                        double             x,
                        double             y)
{
  return x >= box->min_x && x <= box->max_x && y >= box->min_y && y <= box->max_y;
}

void
banso_mercator_project (double  lon,
                        double  lat,
                        double *x,
                        double *y)
{
  double s;

  lat = CLAMP (lat, -BANSO_MERCATOR_MAX_LAT, BANSO_MERCATOR_MAX_LAT);
  s = sin (lat * G_PI / 180.0);
  *x = (lon + 180.0) / 360.0;
  *y = 0.5 - log ((1 + s) / (1 - s)) / (4 * G_PI);
}

void
banso_mercator_unproject (double  x,
                          double  y,
                          double *lon,
                          double *lat)
{
  *lon = x * 360.0 - 180.0;
  *lat = 90.0 - 360.0 * atan (exp ((y - 0.5) * 2 * G_PI)) / G_PI;
}

/* Whether p lies on the segment a–b (exactly, up to rounding). */
static gboolean
on_segment (const BansoGeoPoint *a,
            const BansoGeoPoint *b,
            double               x,
            double               y)
{
  double cross = (b->x - a->x) * (y - a->y) - (b->y - a->y) * (x - a->x);
  double scale = fabs (b->x - a->x) + fabs (b->y - a->y);

  if (fabs (cross) > 1e-12 * MAX (scale, 1e-12) * MAX (1.0, fabs (x) + fabs (y)))
    return FALSE;
  return x >= MIN (a->x, b->x) && x <= MAX (a->x, b->x) &&
         y >= MIN (a->y, b->y) && y <= MAX (a->y, b->y);
}

/**
 * banso_geo_point_in_rings:
 *
 * Even-odd rule over all the rings: a point inside the outer ring and inside
 * a hole is outside. A point on any ring is on the boundary.
 */
BansoPipResult
banso_geo_point_in_rings (const BansoGeoPath *rings,
                          guint               n_rings,
                          double              x,
                          double              y)
{
  gboolean inside = FALSE;

  for (guint r = 0; r < n_rings; r++)
    {
      const BansoGeoPoint *pts = rings[r].points;
      guint n = rings[r].n_points;

      if (n == 0)
        continue;
      for (guint i = 0, j = n - 1; i < n; j = i++)
        {
          const BansoGeoPoint *a = &pts[j], *b = &pts[i];

          if (on_segment (a, b, x, y))
            return BANSO_PIP_BOUNDARY;
          /* Half-open in y, so a vertex on the ray counts once. */
          if ((b->y > y) != (a->y > y) &&
              x < (a->x - b->x) * (y - b->y) / (a->y - b->y) + b->x)
            inside = !inside;
        }
    }
  return inside ? BANSO_PIP_INSIDE : BANSO_PIP_OUTSIDE;
}

gboolean
banso_geometry_contains_point (const BansoGeometry *self,
                               double               x,
                               double               y,
                               gboolean             boundary_inside)
{
  gboolean on_boundary = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!banso_geo_box_contains (&self->box, x, y))
    return FALSE;

  for (guint i = 0; i < self->polygons->len; i++)
    {
      const BansoGeoPolygon *polygon = &g_array_index (self->polygons, BansoGeoPolygon, i);
      BansoPipResult r = banso_geo_point_in_rings (&g_array_index (self->paths, BansoGeoPath, polygon->first_path),
                                                   polygon->n_paths, x, y);

      /* A point on the edge of one part may be well inside another. */
      if (r == BANSO_PIP_INSIDE)
        return TRUE;
      on_boundary |= r == BANSO_PIP_BOUNDARY;
    }
  for (guint i = 0; self->members != NULL && i < self->members->len; i++)
    if (banso_geometry_contains_point (g_ptr_array_index (self->members, i), x, y, FALSE))
      return TRUE;
    else if (banso_geometry_contains_point (g_ptr_array_index (self->members, i), x, y, TRUE))
      on_boundary = TRUE;

  return on_boundary && boundary_inside;
}

static double
orient (const BansoGeoPoint *a,
        const BansoGeoPoint *b,
        const BansoGeoPoint *c)
{
  return (b->x - a->x) * (c->y - a->y) - (b->y - a->y) * (c->x - a->x);
}

static gboolean
within (const BansoGeoPoint *a,
        const BansoGeoPoint *b,
        const BansoGeoPoint *p)
{
  return p->x >= MIN (a->x, b->x) && p->x <= MAX (a->x, b->x) &&
         p->y >= MIN (a->y, b->y) && p->y <= MAX (a->y, b->y);
}

/* Whether segments a–b and c–d share a point (touching counts). */
gboolean
banso_geo_segments_intersect (const BansoGeoPoint *a,
                              const BansoGeoPoint *b,
                              const BansoGeoPoint *c,
                              const BansoGeoPoint *d)
{
  double d1 = orient (c, d, a), d2 = orient (c, d, b);
  double d3 = orient (a, b, c), d4 = orient (a, b, d);

  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) &&
      ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
    return TRUE;
  return (d1 == 0 && within (c, d, a)) || (d2 == 0 && within (c, d, b)) ||
         (d3 == 0 && within (a, b, c)) || (d4 == 0 && within (a, b, d));
}

typedef struct
{
  double min_x, max_x, min_y, max_y;
  guint  i;
} Segment;

static int
compare_segments (const void *a,
                  const void *b)
{
  const Segment *s = a, *t = b;

  return s->min_x < t->min_x ? -1 : s->min_x > t->min_x;
}

/**
 * banso_geo_path_self_intersects:
 * @where: (out) (optional): a point where it crosses itself
 *
 * Whether a ring crosses or touches itself anywhere but where consecutive
 * segments meet. Segments are swept from west to east, so a ring of n points
 * costs about n log n, not n².
 */
gboolean
banso_geo_path_self_intersects (const BansoGeoPath *path,
                                BansoGeoPoint      *where)
{
  const BansoGeoPoint *p = path->points;
  guint n = path->n_points;
  gboolean closed;
  g_autofree Segment *segs = NULL;
  guint n_segs;

  if (n < 4)
    return FALSE;
  closed = p[0].x == p[n - 1].x && p[0].y == p[n - 1].y;
  n_segs = n - 1;
  segs = g_new (Segment, n_segs);
  for (guint i = 0; i < n_segs; i++)
    {
      segs[i].min_x = MIN (p[i].x, p[i + 1].x);
      segs[i].max_x = MAX (p[i].x, p[i + 1].x);
      segs[i].min_y = MIN (p[i].y, p[i + 1].y);
      segs[i].max_y = MAX (p[i].y, p[i + 1].y);
      segs[i].i = i;
    }
  qsort (segs, n_segs, sizeof (Segment), compare_segments);

  for (guint a = 0; a < n_segs; a++)
    for (guint b = a + 1; b < n_segs && segs[b].min_x <= segs[a].max_x; b++)
      {
        guint i = MIN (segs[a].i, segs[b].i), j = MAX (segs[a].i, segs[b].i);

        if (segs[b].min_y > segs[a].max_y || segs[b].max_y < segs[a].min_y)
          continue;
        /* Neighbours share a point by construction. */
        if (j == i + 1 || (closed && i == 0 && j == n_segs - 1))
          {
            /* …but must not fold back over each other. */
            const BansoGeoPoint *s = &p[i], *m = &p[i + 1], *e = &p[i + 2];

            if (j == i + 1 && orient (s, m, e) == 0 &&
                ((e->x - m->x) * (s->x - m->x) + (e->y - m->y) * (s->y - m->y)) > 0)
              {
                if (where)
                  *where = *m;
                return TRUE;
              }
            continue;
          }
        if (banso_geo_segments_intersect (&p[i], &p[i + 1], &p[j], &p[j + 1]))
          {
            if (where)
              *where = p[j];
            return TRUE;
          }
      }
  return FALSE;
}

/* Positive when counterclockwise with x east and y north. */
double
banso_geo_ring_signed_area (const BansoGeoPoint *points,
                            guint                n_points)
{
  double sum = 0;

  for (guint i = 0, j = n_points ? n_points - 1 : 0; i < n_points; j = i++)
    sum += (points[j].x - points[i].x) * (points[j].y + points[i].y);
  return sum / 2;
}

static gboolean
paths_cross (const BansoGeometry *a,
             const BansoGeometry *b)
{
  for (guint i = 0; i < a->paths->len; i++)
    {
      const BansoGeoPath *p = &g_array_index (a->paths, BansoGeoPath, i);

      for (guint k = 0; k + 1 < p->n_points; k++)
        {
          BansoGeoBox sb;

          banso_geo_box_empty (&sb);
          banso_geo_box_add (&sb, p->points[k].x, p->points[k].y);
          banso_geo_box_add (&sb, p->points[k + 1].x, p->points[k + 1].y);
          if (!banso_geo_box_intersects (&sb, &b->box))
            continue;
          for (guint j = 0; j < b->paths->len; j++)
            {
              const BansoGeoPath *q = &g_array_index (b->paths, BansoGeoPath, j);

              for (guint m = 0; m + 1 < q->n_points; m++)
                {
                  const BansoGeoPoint *c = &q->points[m], *d = &q->points[m + 1];

                  if (MAX (c->x, d->x) < sb.min_x || MIN (c->x, d->x) > sb.max_x ||
                      MAX (c->y, d->y) < sb.min_y || MIN (c->y, d->y) > sb.max_y)
                    continue;
                  if (banso_geo_segments_intersect (&p->points[k], &p->points[k + 1], c, d))
                    return TRUE;
                }
            }
        }
    }
  return FALSE;
}

/* Whether a point of @a lies in an area of @b: every point for points, the
 * first of each path otherwise (when no edges cross, one point of a path
 * tells where the whole path is). */
static gboolean
some_point_inside (const BansoGeometry *a,
                   const BansoGeometry *b)
{
  gboolean all = a->type == BANSO_GEOMETRY_POINT || a->type == BANSO_GEOMETRY_MULTI_POINT;

  if (b->polygons->len == 0)
    return FALSE;
  for (guint i = 0; i < a->paths->len; i++)
    {
      const BansoGeoPath *p = &g_array_index (a->paths, BansoGeoPath, i);

      for (guint k = 0; k < (all ? p->n_points : MIN (p->n_points, 1)); k++)
        if (banso_geometry_contains_point (b, p->points[k].x, p->points[k].y, TRUE))
          return TRUE;
    }
  return FALSE;
}

/**
 * banso_geometry_intersects:
 *
 * Whether two geometries share a point: an edge of one crosses or touches an
 * edge of the other, or one lies inside the other.
 */
gboolean
banso_geometry_intersects (const BansoGeometry *a,
                           const BansoGeometry *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (!banso_geo_box_intersects (&a->box, &b->box))
    return FALSE;
  for (guint i = 0; a->members != NULL && i < a->members->len; i++)
    if (banso_geometry_intersects (g_ptr_array_index (a->members, i), b))
      return TRUE;
  for (guint i = 0; b->members != NULL && i < b->members->len; i++)
    if (banso_geometry_intersects (a, g_ptr_array_index (b->members, i)))
      return TRUE;
  return paths_cross (a, b) || some_point_inside (a, b) || some_point_inside (b, a);
}

static double
segment_distance2 (const BansoGeoPoint *p,
                   const BansoGeoPoint *a,
                   const BansoGeoPoint *b)
{
  double dx = b->x - a->x, dy = b->y - a->y;
  double len2 = dx * dx + dy * dy;
  double t, ex, ey;

  if (len2 == 0)
    {
      ex = p->x - a->x;
      ey = p->y - a->y;
      return ex * ex + ey * ey;
    }
  t = CLAMP (((p->x - a->x) * dx + (p->y - a->y) * dy) / len2, 0, 1);
  ex = p->x - (a->x + t * dx);
  ey = p->y - (a->y + t * dy);
  return ex * ex + ey * ey;
}

/**
 * banso_geo_simplify:
 * @out: room for @n_points points
 *
 * Returns: the number of points written to @out
 */
guint
banso_geo_simplify (const BansoGeoPoint *points,
                    guint                n_points,
                    double               tolerance,
                    BansoGeoPoint       *out)
{
  g_autofree guint8 *keep = NULL;
  g_autoptr(GArray) stack = NULL;
  double tol2 = tolerance * tolerance;
  gboolean ring;
  guint n = 0;

  if (n_points <= 4)
    {
      memcpy (out, points, n_points * sizeof (BansoGeoPoint));
      return n_points;
    }

  ring = points[0].x == points[n_points - 1].x && points[0].y == points[n_points - 1].y;
  keep = g_new0 (guint8, n_points);
  stack = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  keep[0] = keep[n_points - 1] = 1;

  /* A ring's two ends are the same point: split it at its farthest point
   * first, or Douglas–Peucker has no line to measure against. */
  if (ring)
    {
      guint far = 1;
      double best = -1;

      for (guint i = 1; i < n_points - 1; i++)
        {
          double dx = points[i].x - points[0].x, dy = points[i].y - points[0].y;

          if (dx * dx + dy * dy > best)
            {
              best = dx * dx + dy * dy;
              far = i;
            }
        }
      keep[far] = 1;
      g_array_append_vals (stack, (guint[]) { 0, far }, 1);
      g_array_append_vals (stack, (guint[]) { far, n_points - 1 }, 1);
    }
  else
    g_array_append_vals (stack, (guint[]) { 0, n_points - 1 }, 1);

  while (stack->len > 0)
    {
      guint *range = (guint *)(stack->data + (stack->len - 1) * sizeof (guint) * 2);
      guint first = range[0], last = range[1];
      guint index = 0;
      double best = -1;

      g_array_set_size (stack, stack->len - 1);
      for (guint i = first + 1; i < last; i++)
        {
          double d = segment_distance2 (&points[i], &points[first], &points[last]);

          if (d > best)
            {
              best = d;
              index = i;
            }
        }
      if (best > tol2)
        {
          keep[index] = 1;
          g_array_append_vals (stack, (guint[]) { first, index }, 1);
          g_array_append_vals (stack, (guint[]) { index, last }, 1);
        }
    }

  for (guint i = 0; i < n_points; i++)
    if (keep[i])
      out[n++] = points[i];

  /* A ring too small to keep its shape keeps a triangle of it. */
  if (ring && n < 4)
    {
      out[0] = points[0];
      out[1] = points[n_points / 3];
      out[2] = points[2 * n_points / 3];
      out[3] = points[n_points - 1];
      n = 4;
    }
  return n;
}
