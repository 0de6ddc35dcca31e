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
 *
 * What LIFT needs beyond the members above (all optional):
 *
 * - Every object read from a LIFT element may have "extra" (its child
 *   elements Banso does not model, as XML, in file order) and "attributes"
 *   ({"name": "value"} of its attributes Banso does not model; a key
 *   "element@name" is an attribute of a child element that has no object of
 *   its own, e.g. "lexical-unit@x" or "grammatical-info@x"). A non-numeric
 *   "order" stays there as a string.
 * - A form may also have "attributes" and "extra" (e.g. the <trait>s of a
 *   <gloss>); "spans" is the content of its <text> as XML when it holds
 *   markup, "text" its plain text; "annotations" are <annotation> elements as
 *   XML. A definition read from StarDict has "markup": {"type": "h",
 *   "data": "<b>…</b>"} (the StarDict field type and its text as written).
 * - "lift": {"noLexicalUnit": true} when the entry had no <lexical-unit>:
 *   "forms" is then a copy of "citation", and the writer leaves the lexical
 *   unit out again as long as the two stay equal.
 * - Variants, pronunciations, senses, examples, translations, notes,
 *   relations, etymologies, fields and range elements may have "traits" and
 *   "fields" (their <trait> and <field> children); a variant has "ref"; a
 *   relation has "usage" (multitext); a pronunciation's "forms" are its own
 *   <form>s; an etymology's "glosses" are its <gloss>es.
 * - A sense: "pos" is its <grammatical-info value>, "pos_traits" the traits
 *   inside that element; "domains" are its traits named
 *   "semantic-domain-ddp4" (other semantic-domain traits stay in "traits");
 *   "reversals": [{"type": "en", "forms": multitext}] its <reversal>s;
 *   "pictures" its <illustration>s; "examples" also carry "notes".
 * - Entry "lang" is the language of the first form of "forms"; entry "pos"
 *   is that of the first sense, and the writer gives an entry "pos" to the
 *   first sense when it has none.
 *
 * Media hrefs: <media href="x.mp3"> becomes "audio/x.mp3" and
 * <illustration href="y.jpg"> "pictures/y.jpg" (FieldWorks keeps them in
 * those folders beside the .lift); an href with a scheme or an absolute path
 * is kept as it is.
 *
 * The info of a LIFT file (banso_dict_read's @info_out, the writer's @info):
 *   "title" (the file name without .lift), "lang" (the commonest entry
 *   language), "gloss_langs" (gloss writing systems in order of appearance),
 *   "description" (first form of the header's <description>), "ranges"
 *   ({"<range id>": {"href": "…", "guid": "…", "elements": [{"id", "guid",
 *   "parent", "label", "abbrev", "description", "traits", "extra"}]}}, from
 *   the header and the .lift-ranges beside the file), "extra" ({"producer",
 *   "version", "header_description": multitext, "fields": [{"tag",
 *   "forms"}] (the header's field definitions), "extra": [XML of unknown
 *   header and top-level elements], "attributes"}), and "missing_media"
 *   ([{"href", "entry": LIFT id, "line"}] for media files not beside it).
 *   StarDict: "title" (bookname), "description", "extra" (every .ifo field,
 *   and "skipped_fields": the sounds, pictures and resources not read).
 *   dictd: "title" (00-database-short), "description" (00-database-info),
 *   "extra" (the other 00-database-… articles). CSV: "title", "gloss_langs",
 *   "form_langs", "extra": {"ignored_columns": […]} (see banso-dict-csv.c
 *   for the layout).
 */

G_END_DECLS
