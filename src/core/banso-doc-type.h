/* banso-doc-type.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "banso-store.h"

G_BEGIN_DECLS

/* A check of `banso-cli check`: a query returning one row per problem, a
 * short description of where, and what the problem is (N_()). */
typedef struct
{
  const char *sql;
  const char *what;
} BansoCheckQuery;

/* A field the conflict view names: a top-level member of the body. */
typedef struct
{
  const char *key;
  const char *label;    /* N_() */
} BansoDocField;

/**
 * BansoDocType:
 * @name: the type string of its documents ("household")
 * @label: what a message calls one of them, N_("Household")
 * @index: brings the type's index tables in line with a document whose
 *   winning revision changed (@body %NULL: removed; @fresh: it has no rows yet)
 * @reindex_all: (nullable): rebuilds the type's index tables from the documents
 * @index_version: the schema step that made the type's index tables: a
 *   database upgraded from before it has them filled by @reindex_all
 * @validate: (nullable): refuses a body that may not be stored, naming the field
 * @scope: (nullable): the commune whose officials may change the document;
 *   without it, only an administrator may
 * @save_resolved: (nullable): writes the version a user chose in a conflict,
 *   with the type's own rules; without it the body is validated and written as is
 * @fields, @n_fields: the fields the conflict view names, in its order
 * @display_name: (nullable): what an official calls a document of this type
 * @read_names: (nullable): in a worker, adds to @names the names of the codes a
 *   body holds ("commune:CODE" → name), for @format_value
 * @format_value: (nullable): a field's value in words (@detailed: with all
 *   that tells two versions apart); returns %NULL for the generic words
 * @checks, @n_checks: the type's own checks of `banso-cli check`
 *
 * How the store, revision trees, upgrades, checks, conflicts and replication
 * deal with a kind of document, without knowing it by name.
 */
typedef struct
{
  const char *name;
  const char *label;

  gboolean  (*index)          (BansoTxn     *txn,
                               const char   *type,
                               gint64        docno,
                               const char   *body,
                               gboolean      fresh,
                               GError      **error);
  gboolean  (*reindex_all)    (BansoTxn     *txn,
                               GError      **error);
  guint       index_version;
  gboolean  (*validate)       (const char   *body,
                               GError      **error);
  char     *(*scope)          (JsonObject   *body);
  gboolean  (*save_resolved)  (BansoTxn     *txn,
                               const char   *id,
                               const char   *winner_rev,
                               const char   *body,
                               GError      **error);

  const BansoDocField *fields;
  guint                n_fields;
  char     *(*display_name)   (JsonObject   *body);
  void      (*read_names)     (sqlite3      *db,
                               JsonObject   *body,
                               GHashTable   *names);
  char     *(*format_value)   (const char   *key,
                               JsonNode     *value,
                               GHashTable   *names,
                               gboolean      detailed);

  const BansoCheckQuery *checks;
  guint                  n_checks;
} BansoDocType;

void                banso_doc_type_register    (const BansoDocType *type);
const BansoDocType *banso_doc_type_lookup      (const char         *name);
GPtrArray          *banso_doc_type_list        (void);
const char         *banso_doc_type_get_label   (const char         *name);
gboolean            banso_doc_type_index       (BansoTxn           *txn,
                                                const char         *type,
                                                gint64              docno,
                                                const char         *body,
                                                gboolean            fresh,
                                                GError            **error);
gboolean            banso_doc_type_check_write (BansoTxn           *txn,
                                                const char         *type,
                                                const char         *body,
                                                GError            **error);

G_END_DECLS
