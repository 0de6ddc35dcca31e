/* banso-warning.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "banso-geometry.h"
#include "banso-store.h"

G_BEGIN_DECLS

#define BANSO_WARNING_TYPE "warning"
#define BANSO_WARNING_MAX_LEVEL 5

/* A disaster warning (cảnh báo thiên tai) is a document: a title, a level of
 * risk (1 to 5, as Decision 18/2021/QĐ-TTg grades them), the area as a GeoJSON
 * geometry, the file it came from and when it was made. It syncs like every
 * document. */

typedef struct
{
  char *id;
  char *title;
  int   level;
  char *source;
  char *created;
} BansoWarningInfo;

/* A commune the area touches, or a village inside it (@village_id set). */
typedef struct
{
  char  *commune_code;
  char  *commune_name;
  char  *village_id;
  char  *village_name;
  guint  households;
  guint  people;
  guint  poor;
  guint  prestige;
} BansoAffectedArea;

typedef struct
{
  char              *id;
  char              *title;
  int                level;
  BansoGeometry     *geometry;
  GPtrArray         *areas;       /* BansoAffectedArea: each commune, then its villages */
  guint              n_communes;
  guint              n_villages;
  BansoAffectedArea  total;       /* over the communes */
} BansoWarningReport;

void                banso_warning_info_free         (BansoWarningInfo    *info);
void                banso_warning_report_free       (BansoWarningReport  *report);

char               *banso_warning_save              (BansoTxn            *txn,
                                                     const char          *title,
                                                     int                  level,
                                                     const BansoGeometry *geometry,
                                                     const char          *source,
                                                     GError             **error);
BansoGeometry      *banso_warning_area_from_file    (const char          *path,
                                                     char               **title,
                                                     int                 *level,
                                                     GError             **error);
char               *banso_warning_import_file       (BansoStore          *store,
                                                     BansoUser           *user,
                                                     const char          *path,
                                                     const char          *title,
                                                     int                  level,
                                                     GError             **error);
GPtrArray          *banso_warning_list              (BansoStore          *store,
                                                     GError             **error);
BansoWarningReport *banso_warning_compute           (BansoStore          *store,
                                                     const char          *id,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
BansoWarningReport *banso_warning_compute_area      (sqlite3             *db,
                                                     const BansoGeometry *area,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
void                banso_warning_compute_async     (BansoStore          *store,
                                                     const char          *id,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
BansoWarningReport *banso_warning_compute_finish    (BansoStore          *store,
                                                     GAsyncResult        *result,
                                                     GError             **error);
gboolean            banso_warning_report_write_csv  (BansoWarningReport  *report,
                                                     GOutputStream       *out,
                                                     GCancellable        *cancellable,
                                                     GError             **error);

/* Where villages are, kept by the map in a table of its own, keyed by the
 * village's id (the village documents do not hold coordinates). */
gboolean            banso_village_location_set      (BansoTxn            *txn,
                                                     const char          *village_id,
                                                     double               lat,
                                                     double               lon,
                                                     GError             **error);
gboolean            banso_village_location_get      (sqlite3             *db,
                                                     const char          *village_id,
                                                     double              *lat,
                                                     double              *lon);
guint               banso_village_place_in_communes (BansoTxn            *txn,
                                                     guint32              seed,
                                                     GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoWarningInfo, banso_warning_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoWarningReport, banso_warning_report_free)

G_END_DECLS
