/* banso-geo-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-geo"

#include "config.h"

#include "banso-geo-error.h"

G_DEFINE_QUARK (banso-geo-error-quark, banso_geo_error)
