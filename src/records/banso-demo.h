/* banso-demo.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-store.h"

G_BEGIN_DECLS

#define BANSO_DEMO_PROVINCE "14"
#define BANSO_DEMO_DEFAULT_HOUSEHOLDS 5000
#define BANSO_DEMO_DEFAULT_SEED 2025

/* The demo's users and the password they all log in with, shown on the
 * login screen of the demo. */
#define BANSO_DEMO_ADMIN "quantri"
#define BANSO_DEMO_OFFICIAL "official"
#define BANSO_DEMO_PASSWORD "demo"

typedef void (*BansoDemoProgress) (guint    done,
                                   guint    total,
                                   gpointer user_data);

/* A module's part of the demo (the sample dictionary), written after the
 * district; the records know no module by name. */
typedef gboolean (*BansoDemoHook) (BansoStore  *store,
                                   BansoUser   *admin,
                                   GError     **error);

void     banso_demo_add_hook (BansoDemoHook hook);

gboolean banso_demo_generate (BansoStore         *store,
                              guint               n_households,
                              guint32             seed,
                              BansoDemoProgress   progress,
                              gpointer            user_data,
                              GError            **error);

G_END_DECLS
