/* banso-household-csv.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "banso-records.h"
#include "banso-store.h"

G_BEGIN_DECLS

#define BANSO_IMPORT_ERROR (banso_import_error_quark ())

typedef enum
{
  BANSO_IMPORT_ERROR_INVALID_ROWS,
  BANSO_IMPORT_ERROR_COLUMNS,
  BANSO_IMPORT_ERROR_CANCELLED,
} BansoImportError;

/* One thing wrong in an import file, with its place. */
typedef struct
{
  guint  line;
  char  *column;
  char  *message;
} BansoImportProblem;

typedef struct
{
  guint       households;
  guint       members;
  guint       villages;
  const char *converted_from;
  GPtrArray  *problems;    /* BansoImportProblem; empty when the import succeeded */
} BansoImportResult;

typedef enum
{
  BANSO_IMPORT_STAGE_CHECKING,  /* reading and checking rows, @lines_done so far */
  BANSO_IMPORT_STAGE_INDEXING,  /* every row is in; the list and search indexes are built */
} BansoImportStage;

typedef void (*BansoImportProgress) (BansoImportStage  stage,
                                     guint             lines_done,
                                     gpointer          user_data);

GQuark             banso_import_error_quark        (void);
BansoImportResult *banso_household_import_csv      (BansoStore          *store,
                                                    BansoUser           *user,
                                                    const char          *path,
                                                    BansoImportProgress  progress,
                                                    gpointer             user_data,
                                                    GCancellable        *cancellable,
                                                    GError             **error);
void               banso_import_result_free        (BansoImportResult   *result);
char              *banso_import_problem_to_string  (const BansoImportProblem *problem);
const char * const *banso_household_csv_columns    (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoImportResult, banso_import_result_free)

G_END_DECLS
