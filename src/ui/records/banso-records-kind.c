/* banso-records-kind.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-household-form.h"
#include "banso-prestige-form.h"
#include "banso-records-kind.h"
#include "banso-ui-utils.h"

static char *
format_households (guint count)
{
  g_autofree char *number = banso_format_count (count);

  return g_strdup_printf (ngettext ("%s household", "%s households", count), number);
}

static char *
format_persons (guint count)
{
  g_autofree char *number = banso_format_count (count);

  return g_strdup_printf (ngettext ("%s person", "%s persons", count), number);
}

static GtkWindow *
new_household_form (BansoContext *context,
                    gpointer      record)
{
  return banso_household_form_new (context, record);
}

static GtkWindow *
new_prestige_form (BansoContext *context,
                   gpointer      record)
{
  return banso_prestige_form_new (context, record);
}

static const BansoRecordsKind kinds[] = {
  {
    .kind = BANSO_RECORD_KIND_HOUSEHOLD,
    .name = "household",
    .title = N_("Households"),
    .icon_name = "system-users-symbolic",
    .add_label = N_("_Add Household"),
    .search_placeholder = N_("Search names, citizen IDs, phone numbers"),
    .empty_title = N_("No Households Yet"),
    .empty_description = N_("Add a household, or import a list from a CSV file."),
    .columns = {
      { "name", N_("Head of household"), TRUE },
      { "commune", N_("Commune"), TRUE },
      { "village", N_("Village"), TRUE },
      { "ethnic", N_("Ethnic group"), FALSE },
      { "status", N_("Poverty status"), FALSE },
      { "members", N_("Members"), FALSE },
    },
    .has_status_filter = TRUE,
    .commands = BANSO_SECTION_ADD | BANSO_SECTION_IMPORT | BANSO_SECTION_EXPORT,
    .format_count = format_households,
    .new_form = new_household_form,
    .free_record = (void (*) (gpointer))banso_household_free,
  },
  {
    .kind = BANSO_RECORD_KIND_PRESTIGE,
    .name = "prestige",
    .title = N_("Prestigious Persons"),
    .icon_name = "starred-symbolic",
    .add_label = N_("_Add Person"),
    .search_placeholder = N_("Search names and areas of influence"),
    .empty_title = N_("No Prestigious Persons Yet"),
    .empty_description = N_("Add the prestigious persons recognised in your communes."),
    .columns = {
      { "name", N_("Name"), TRUE },
      { "commune", N_("Commune"), TRUE },
      { "village", N_("Village"), TRUE },
      { "ethnic", N_("Ethnic group"), FALSE },
      { "year", N_("Recognised"), FALSE },
      { NULL, N_("Area of influence"), TRUE },
    },
    .has_status_filter = FALSE,
    .commands = BANSO_SECTION_ADD,
    .format_count = format_persons,
    .new_form = new_prestige_form,
    .free_record = (void (*) (gpointer))banso_prestige_free,
  },
};

/**
 * banso_records_kind_lookup:
 * @name: "household" or "prestige"
 *
 * Returns: (nullable): the kind of that name
 */
const BansoRecordsKind *
banso_records_kind_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].name, name) == 0)
      return &kinds[i];
  return NULL;
}
