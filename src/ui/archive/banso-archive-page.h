/* banso-archive-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "banso-context.h"
#include "banso-section.h"

G_BEGIN_DECLS

#define BANSO_TYPE_ARCHIVE_PAGE (banso_archive_page_get_type ())

G_DECLARE_FINAL_TYPE (BansoArchivePage, banso_archive_page, BANSO, ARCHIVE_PAGE, GtkWidget)

void        banso_archive_page_set_context (BansoArchivePage *self,
                                            BansoContext     *context);
void        banso_archive_page_ingest      (BansoArchivePage   *self,
                                            const char * const *paths);
void        banso_archive_load_css         (void);

G_END_DECLS
