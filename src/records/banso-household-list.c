/* banso-household-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The households' list: the columns of its rows, read from the list index.
 */

#define G_LOG_DOMAIN "banso-records"

#include "config.h"

#include "banso-household.h"
#include "banso-records-private.h"

static const char * const household_sorts[] = {
  "status", "x.poverty",
  "members", "x.members",
  NULL,
};

static void
household_fix_values (sqlite3_stmt  *stmt,
                      const char   **values)
{
  values[4] = banso_poverty_get_label (banso_poverty_from_string (values[4]));
}

const BansoRecordTable banso_household_table = {
  .doc_type = BANSO_HOUSEHOLD_TYPE,
  .table = "household_index",
  .fts = "household_fts",
  .name_fold = "head_fold",
  .status = "x.poverty",
  .columns = "x.head, a.name, v.name, e.name, x.poverty, x.members",
  .n_columns = 6,
  .sorts = household_sorts,
  .fix_values = household_fix_values,
};
