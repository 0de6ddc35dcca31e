/* banso-import-report.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BANSO_TYPE_IMPORT_REPORT (banso_import_report_get_type ())

G_DECLARE_FINAL_TYPE (BansoImportReport, banso_import_report, BANSO, IMPORT_REPORT, AdwWindow)

GtkWindow *banso_import_report_new (const char *file_name,
                                    GPtrArray  *problems);

G_END_DECLS
