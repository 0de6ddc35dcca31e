/* banso-dict.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "banso-document.h"
#include "banso-store.h"

G_BEGIN_DECLS

/* The document types: an entry (its body as in banso-dict-entry.h, with
 * "dictionary": the id of its dictionary document) and a dictionary:
 *   {"title": "…", "lang": "blt", "gloss_langs": ["vi"], "description": "…",
 *    "sample": true (the demo's), "reference": true (pulled from the data
 *    center, read-only here), "info": {…what its file said of itself…}} */
#define BANSO_DICT_ENTRY_TYPE "dict-entry"
#define BANSO_DICTIONARY_TYPE "dictionary"

/* The schema step of the dictionary's tables. */
#define BANSO_DICT_SCHEMA_STEP 11

void        banso_dict_init                  (void);

gboolean    banso_user_can_edit_dictionaries (BansoUser    *user,
                                              GError      **error);

gboolean    banso_dict_entry_validate        (const char   *body,
                                              GError      **error);
gboolean    banso_dictionary_validate        (const char   *body,
                                              GError      **error);

gboolean    banso_dict_entry_save            (BansoTxn     *txn,
                                              const char   *id,
                                              const char   *rev,
                                              JsonObject   *entry,
                                              BansoDocPutFlags flags,
                                              char        **out_id,
                                              char        **out_rev,
                                              GError      **error);
gboolean    banso_dictionary_save            (BansoTxn     *txn,
                                              const char   *id,
                                              const char   *rev,
                                              JsonObject   *dictionary,
                                              char        **out_id,
                                              char        **out_rev,
                                              GError      **error);
gboolean    banso_dict_doc_delete            (BansoTxn     *txn,
                                              const char   *id,
                                              const char   *rev,
                                              char        **out_rev,
                                              GError      **error);

gboolean    banso_dict_reindex_doc           (BansoTxn     *txn,
                                              const char   *type,
                                              gint64        docno,
                                              const char   *body,
                                              gboolean      fresh,
                                              GError      **error);
gboolean    banso_dict_optimize              (BansoTxn     *txn,
                                              GError      **error);
gboolean    banso_dict_reindex_all           (BansoTxn     *txn,
                                              GError      **error);

char       *banso_dict_entry_headword        (JsonObject   *entry);
char       *banso_dict_entry_glosses         (JsonObject   *entry);
char       *banso_dict_entry_to_text         (JsonObject   *entry);

G_END_DECLS
