/* banso-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BANSO_TYPE_APPLICATION (banso_application_get_type ())

G_DECLARE_FINAL_TYPE (BansoApplication, banso_application, BANSO, APPLICATION, AdwApplication)

BansoApplication *banso_application_new (void);

G_END_DECLS
