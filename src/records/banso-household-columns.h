/* banso-household-columns.h: the columns of the household CSV files, as
 * import reads them and export writes them (banso_household_csv_columns()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One row per member; household fields repeat on each row of the household,
 * which is how people keep such lists in Excel. */
enum {
  COL_HOUSEHOLD,
  COL_COMMUNE_CODE,
  COL_COMMUNE_NAME,
  COL_VILLAGE,
  COL_ADDRESS,
  COL_MEMBER_NAME,
  COL_SEX,
  COL_BIRTH,
  COL_ETHNIC,
  COL_RELATION,
  COL_CITIZEN_ID,
  COL_PHONE,
  COL_POVERTY_YEAR,
  COL_POVERTY_STATUS,
  COL_NOTES,
  COL_MEMBER_ID,
  COL_POVERTY_HISTORY,
  N_COLUMNS
};

G_END_DECLS
