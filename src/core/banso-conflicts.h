/* banso-conflicts.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "banso-store.h"

G_BEGIN_DECLS

/* A record with conflicting versions, as the Sync section lists it. */
typedef struct
{
  char  *id;
  char  *type;
  char  *rev;          /* the winning revision */
  char  *name;         /* what an official calls it (its type says), or the id */
  guint  n_versions;
} BansoConflictEntry;

/* Every live version of one record, the winner first, parsed, with the names
 * of the places and ethnic groups their codes stand for. */
typedef struct
{
  char       *id;
  char       *type;
  char       *winner_rev;
  GPtrArray  *versions;   /* JsonNode, each holding an object */
  GHashTable *names;      /* "KIND:CODE" → name, filled by the type (BansoDocType.read_names) */
} BansoConflictVersions;

/* One row of the comparison: a top-level member of the versions' bodies. */
typedef struct
{
  char      *key;
  char      *label;
  gboolean   differs;
  GPtrArray *values;      /* char *, readable, one per version; NULL where absent */
} BansoConflictField;

void                   banso_conflict_entry_free       (BansoConflictEntry    *entry);
void                   banso_conflict_versions_free    (BansoConflictVersions *versions);
void                   banso_conflict_field_free       (BansoConflictField    *field);

const char            *banso_conflict_type_label       (const char            *type);
const char            *banso_conflict_lookup_name      (GHashTable            *names,
                                                        const char            *kind,
                                                        const char            *code);
const char            *banso_json_string_member        (JsonObject            *object,
                                                        const char            *key);
char                  *banso_conflict_name_from_body   (const char            *type,
                                                        const char            *id,
                                                        const char            *body);

GPtrArray             *banso_conflict_entries_read     (sqlite3               *db,
                                                        GError               **error);
BansoConflictVersions *banso_conflict_versions_read    (sqlite3               *db,
                                                        const char            *id,
                                                        GError               **error);
BansoConflictVersions *banso_conflict_versions_new     (const char            *id,
                                                        const char            *type,
                                                        const char            *winner_rev,
                                                        const char * const    *bodies,
                                                        GError               **error);

void                   banso_conflict_entries_read_async  (BansoStore          *store,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
void                   banso_conflict_versions_read_async (BansoStore          *store,
                                                           const char          *id,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
void                   banso_conflict_resolve_async       (BansoStore          *store,
                                                           BansoUser           *user,
                                                           const char          *id,
                                                           const char          *winner_rev,
                                                           const char          *body,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);

GPtrArray             *banso_conflict_fields           (const BansoConflictVersions *versions);
char                  *banso_conflict_merge            (const BansoConflictVersions *versions,
                                                        GPtrArray             *fields,
                                                        const guint           *choices);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoConflictEntry, banso_conflict_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoConflictVersions, banso_conflict_versions_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoConflictField, banso_conflict_field_free)

G_END_DECLS
