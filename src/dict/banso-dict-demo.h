/* banso-dict-demo.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-store.h"

G_BEGIN_DECLS

gboolean banso_dict_demo_load (BansoStore  *store,
                               BansoUser   *admin,
                               GError     **error);

G_END_DECLS
