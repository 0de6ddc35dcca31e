/* banso-dict-entry.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/*
 * A dictionary entry is a JSON object; it is the body of a "dict-entry"
 * document once stored, and what every reader gives and every writer takes.
 * All members but "forms" are optional.
 *
 * A *multitext* is an array of forms, one per writing system:
 *   [{"ws": "blt-Tavt", "text": "ꪹꪀꪷ"}, {"ws": "blt-Latn", "text": "kâu"}]
 * "ws" is a BCP 47 tag (language, optional script, e.g. "vi", "blt-Latn",
 * "blt-fonipa"); "text" is NFC. A form may carry "spans" (LIFT <span>
 * markup, kept as XML text) and "annotations" (kept as is).
 *
 * {
 *   "lang": "blt",                          the entry's language (BCP 47)
 *   "forms": multitext,                     headword (lexical-unit), first = main
 *   "citation": multitext,
 *   "variants": [{"forms": multitext, "traits": [...], "extra": [...]}],
 *   "pronunciations": [{"forms": multitext,
 *                       "media": [{"href": "audio/x.wav", "label": multitext}]}],
 *   "pos": "Noun",                          grammatical-info of the entry or
 *                                           of its first sense
 *   "senses": [{
 *       "id": "…", "order": 0, "pos": "Noun",
 *       "glosses": multitext,               short translations ("vi", "en", …)
 *       "definitions": multitext,
 *       "examples": [{"forms": multitext, "source": "…",
 *                     "translations": [{"type": "Free translation",
 *                                       "forms": multitext}]}],
 *       "domains": ["1.1 Sky", …],          semantic domains
 *       "pictures": [{"href": "pictures/x.jpg", "label": multitext}],
 *       "relations": [...], "notes": [...], "traits": [...], "fields": [...],
 *       "subsenses": [sense, …],
 *       "extra": ["<unknown-element …/>", …]
 *   }],
 *   "relations": [{"type": "synonym", "ref": "other entry's LIFT id",
 *                  "order": 1, "extra": [...]}],
 *   "notes":  [{"type": "…", "forms": multitext}],
 *   "traits": [{"name": "morph-type", "value": "stem"}],
 *   "fields": [{"type": "…", "forms": multitext}],
 *   "etymologies": [{"type": "…", "source": "…", "forms": multitext,
 *                    "glosses": multitext}],
 *   "lift": {"id": "…", "guid": "…", "order": 1, "dateCreated": "…",
 *            "dateModified": "…", "dateDeleted": "…"},
 *   "extra": ["<unknown-element …/>", …]    elements Banso does not know,
 *                                           kept verbatim and written back
 * }
 *
 * The readers and writers in this folder keep everything a LIFT file holds:
 * importing, exporting and importing again gives the same objects.
 */

G_END_DECLS
