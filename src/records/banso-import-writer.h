/* banso-import-writer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-household-store.h"

G_BEGIN_DECLS

/* Something an import has read and checked, to be written in order. */
typedef struct
{
  guint              line;       /* where it starts in the file */
  BansoHouseholdRow *household;  /* a household… */
  char              *check_id;   /* …the id of one only checked, once writing stopped… */
  char              *village;    /* …or a new village: its id, */
  char              *commune;    /* commune */
  char              *name;       /* and name */
} BansoImportItem;

/* Called in the writing thread when an item cannot be written. */
typedef void (*BansoImportProblemFunc) (const BansoImportItem *item,
                                        const GError          *error,
                                        gpointer               user_data);

typedef struct _BansoImportWriter BansoImportWriter;

BansoImportWriter *banso_import_writer_start    (BansoTxn               *txn,
                                                 BansoDocPutFlags        flags,
                                                 BansoImportProblemFunc  problem,
                                                 gpointer                user_data);
BansoHouseholdRow *banso_import_writer_take_row (BansoImportWriter      *writer);
void               banso_import_writer_push     (BansoImportWriter      *writer,
                                                 BansoImportItem        *item);
void               banso_import_writer_stop     (BansoImportWriter      *writer);
void               banso_import_writer_finish   (BansoImportWriter      *writer,
                                                 guint                  *households,
                                                 guint                  *members);

G_END_DECLS
