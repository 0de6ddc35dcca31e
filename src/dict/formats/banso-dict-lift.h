/* banso-dict-lift.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/tree.h>

#include "banso-dict-format-private.h"

G_BEGIN_DECLS

/* The media of a pronunciation sit in audio/ beside the LIFT file, pictures
 * in pictures/; entries name them relative to the LIFT file's folder. */
char     *_banso_lift_href_to_entry   (const char *href,
                                       const char *folder);
char     *_banso_lift_href_from_entry (const char *href,
                                       const char *folder);

/* Parses one element of a LIFT file or of its .lift-ranges into JSON;
 * shared by the reader of entries and the reader of ranges. */
typedef struct _BansoLiftParse BansoLiftParse;

JsonObject *_banso_lift_parse_range_element (BansoLiftParse *parse,
                                             xmlNode        *node);
char       *_banso_lift_node_to_xml         (xmlNode        *node);
/* The text content of @xml read as the content of an element, in NFC, or
 * NULL when it is not well formed on its own. */
char       *_banso_lift_fragment_text       (const char     *xml);

G_END_DECLS
