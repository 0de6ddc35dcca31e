/* banso-records-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "banso-doc-type.h"
#include "banso-store.h"

G_BEGIN_DECLS

/* How one kind of record is listed: its index table and the columns of its
 * rows. Each kind's table sits in its own module. */
typedef struct
{
  const char         *doc_type;
  const char         *table;
  const char         *fts;        /* NULL: few rows, the search column is scanned */
  const char         *name_fold;  /* the column of the default order */
  const char         *status;     /* the column the status filter tests, or NULL */
  const char         *columns;    /* what a row shows, from x (the index), a (commune),
                                   * v (village), e (ethnic group) and d (document) */
  guint               n_columns;
  const char * const *sorts;      /* sort key, column; NULL-terminated */
  void              (*fix_values) (sqlite3_stmt  *stmt,
                                   const char   **values);
} BansoRecordTable;

/* The search index of households has a row per person, of rowid
 * docno * BANSO_HOUSEHOLD_SEARCH_PERSONS + the person's place, the head 0. */
#define BANSO_HOUSEHOLD_SEARCH_PERSONS 64
/* What ends each person's text in household_index.search: U+001F. */
#define BANSO_HOUSEHOLD_SEARCH_END '\x1f'

extern const BansoRecordTable banso_household_table;
extern const BansoRecordTable banso_prestige_table;

/* What the conflict view shows of them (banso-records-conflicts.c). */
extern const BansoDocField banso_household_fields[6];
extern const BansoDocField banso_prestige_fields[10];

char     *_banso_household_display_name (JsonObject  *body);
void      _banso_records_read_names     (sqlite3     *db,
                                         JsonObject  *object,
                                         GHashTable  *names);
char     *_banso_records_format_value   (const char  *key,
                                         JsonNode    *node,
                                         GHashTable  *names,
                                         gboolean     detailed);
void      _banso_records_add_schema     (void);

gboolean _banso_records_exists (BansoTxn    *txn,
                                const char  *sql,
                                const char  *a,
                                const char  *b,
                                GError     **error);

G_END_DECLS
