/* banso-revtree.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-document.h"

G_BEGIN_DECLS

/* How a document's revision tree looks to replication: the winning revision in
 * documents, every other revision (superseded, conflicting, or known only by id
 * as an ancestor, without a body) in revisions.
 */
typedef struct
{
  char     *rev;
  gboolean  deleted;
  char     *body;      /* NULL when not asked for */
} BansoRevision;

typedef struct
{
  char *id;
  char *type;
  char *rev;           /* the winning revision */
  guint n_conflicts;
} BansoConflictInfo;

typedef struct _BansoRevtreeReader BansoRevtreeReader;

void        banso_revision_free        (BansoRevision      *rev);
void        banso_conflict_info_free   (BansoConflictInfo  *info);
int         banso_revision_compare     (const char         *rev_a,
                                        gboolean            deleted_a,
                                        const char         *rev_b,
                                        gboolean            deleted_b);

gboolean    banso_revtree_apply        (BansoTxn           *txn,
                                        const char         *id,
                                        const char         *type,
                                        const char * const *ancestry,
                                        gboolean            deleted,
                                        const char         *body,
                                        const char         *source,
                                        gboolean           *out_applied,
                                        GError            **error);
sqlite3_stmt *banso_revtree_prepare_knows (sqlite3          *db,
                                          GError          **error);
gboolean    banso_revtree_knows        (sqlite3_stmt       *stmt,
                                        const char         *id,
                                        const char         *rev);
GPtrArray  *banso_revtree_leaves       (sqlite3            *db,
                                        const char         *id,
                                        gboolean            with_bodies,
                                        GError            **error);
GStrv       banso_revtree_ancestry     (sqlite3            *db,
                                        const char         *id,
                                        const char         *rev,
                                        guint               max,
                                        GError            **error);
BansoRevtreeReader *banso_revtree_reader_new      (sqlite3             *db,
                                                 GError             **error);
void        banso_revtree_reader_free           (BansoRevtreeReader  *reader);
GPtrArray  *banso_revtree_reader_leaves         (BansoRevtreeReader  *reader,
                                                 const char          *id,
                                                 gboolean             with_bodies,
                                                 GError             **error);
GStrv       banso_revtree_reader_ancestry       (BansoRevtreeReader  *reader,
                                                 const char          *id,
                                                 const char          *rev,
                                                 guint                max,
                                                 GError             **error);
gboolean    banso_revtree_resolve      (BansoTxn           *txn,
                                        const char         *id,
                                        const char         *winner_rev,
                                        const char         *body,
                                        GError            **error);
GPtrArray  *banso_conflicts_list       (sqlite3            *db,
                                        GError            **error);
gboolean    banso_revtree_reindex      (BansoTxn           *txn,
                                        const char         *type,
                                        gint64              docno,
                                        const char         *body,
                                        gboolean            fresh,
                                        GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoRevision, banso_revision_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoConflictInfo, banso_conflict_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoRevtreeReader, banso_revtree_reader_free)

G_END_DECLS
