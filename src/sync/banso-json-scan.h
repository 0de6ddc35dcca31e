/* banso-json-scan.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BANSO_JSON_SCAN_MAX_DEPTH 64

/* A cursor over JSON text. The first failure sets the error, which names
 * @url; the functions return FALSE from then on. */
typedef struct
{
  const char  *start;
  const char  *p;
  const char  *end;
  const char  *url;      /* named in messages */
  GError     **error;
  gboolean     failed;
} BansoJsonScan;

#define BANSO_JSON_SCAN_INIT(json, len, url, error) { (json), (json), (json) + (len), (url), (error), FALSE }

gboolean banso_json_scan_fail             (BansoJsonScan *s,
                                           const char    *why);
gboolean banso_json_scan_fail_unexpected  (BansoJsonScan *s);
void     banso_json_scan_skip_space       (BansoJsonScan *s);
gboolean banso_json_scan_expect           (BansoJsonScan *s,
                                           char           c);
gboolean banso_json_scan_accept           (BansoJsonScan *s,
                                           char           c);
gboolean banso_json_scan_string           (BansoJsonScan *s,
                                           GString       *out);
gboolean banso_json_scan_number           (BansoJsonScan *s,
                                           gboolean      *integral);
gboolean banso_json_scan_value            (BansoJsonScan *s,
                                           int            depth);
gboolean banso_json_scan_end              (BansoJsonScan *s);

G_END_DECLS
