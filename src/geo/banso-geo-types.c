/* banso-geo-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Registers the map's document type (warnings) and its tables with the core,
 * which knows none of them by name.
 */

#define G_LOG_DOMAIN "banso-geo"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-doc-type.h"
#include "banso-geo-private.h"
#include "banso-schema.h"
#include "banso-warning.h"

/* 12: the list of warnings, where villages are, and an index of the
 * households for counting them. Village locations are
 * the office's own (not synced): the village documents belong to the
 * records, whose format does not hold coordinates. */
static const char step_12[] =
  "CREATE TABLE warning_index ("
  "  docno INTEGER PRIMARY KEY REFERENCES documents (docno) ON DELETE CASCADE,"
  "  title TEXT NOT NULL,"
  "  level INTEGER NOT NULL,"
  "  source TEXT,"
  "  created TEXT NOT NULL,"
  "  min_lon REAL, min_lat REAL, max_lon REAL, max_lat REAL"
  ");"
  "CREATE INDEX warning_by_created ON warning_index (created);"
  /* What a warning counts and the map colours by, read from the index
   * alone: a range of it per commune, not one row lookup per household. */
  "CREATE INDEX geo_household_counts ON household_index (commune, village, poverty, ethnic, members);"
  "CREATE TABLE village_location ("
  "  village_id TEXT PRIMARY KEY,"
  "  lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),"
  "  lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180)"
  ") WITHOUT ROWID;";

static const BansoDocField warning_fields[] = {
  { "title", N_("Title") },
  { "level", N_("Level") },
  { "geometry", N_("Area") },
  { "source", N_("Source file") },
  { "created", N_("Created") },
};

static const BansoCheckQuery warning_checks[] = {
  { "SELECT d.id FROM documents d WHERE d.type = '" BANSO_WARNING_TYPE "' AND d.deleted = 0"
    " AND NOT EXISTS (SELECT 1 FROM warning_index x WHERE x.docno = d.docno)",
    N_("A warning is missing from the list of warnings") },
};

static char *
warning_display_name (JsonObject *body)
{
  return g_strdup (json_object_get_string_member_with_default (body, "title", NULL));
}

static const BansoDocType warning_type = {
  .name = BANSO_WARNING_TYPE,
  .label = N_("Warning"),
  .index = _banso_warning_index,
  .reindex_all = _banso_warning_reindex_all,
  .index_version = 12,
  .validate = _banso_warning_validate,
  .fields = warning_fields,
  .n_fields = G_N_ELEMENTS (warning_fields),
  .display_name = warning_display_name,
  .checks = warning_checks,
  .n_checks = G_N_ELEMENTS (warning_checks),
};

/**
 * banso_geo_init:
 *
 * Registers the map's types and tables. Called before main() in every
 * program that links the library; calling it again does nothing.
 */
void
banso_geo_init (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      banso_schema_add_step (12, step_12);
      banso_doc_type_register (&warning_type);
      g_once_init_leave (&done, 1);
    }
}

__attribute__ ((constructor)) static void
register_at_load (void)
{
  banso_geo_init ();
}
