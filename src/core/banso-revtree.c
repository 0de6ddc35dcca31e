/* banso-revtree.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-core"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "banso-doc-type.h"
#include "banso-revtree.h"
#include "banso-store-private.h"

void
banso_revision_free (BansoRevision *rev)
{
  if (rev == NULL)
    return;
  g_free (rev->rev);
  g_free (rev->body);
  g_free (rev);
}

void
banso_conflict_info_free (BansoConflictInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->type);
  g_free (info->rev);
  g_free (info);
}

/**
 * banso_revision_compare:
 *
 * CouchDB's deterministic winner rule, so that every replica picks the same
 * winner without talking to the others: a live revision beats a deleted one,
 * then the longer history wins, then the greater revision id.
 *
 * Returns: > 0 when a wins over b, < 0 when b wins, 0 when they are the same
 */
int
banso_revision_compare (const char *rev_a,
                        gboolean    deleted_a,
                        const char *rev_b,
                        gboolean    deleted_b)
{
  guint gen_a, gen_b;
  const char *hash_a, *hash_b;

  if (!deleted_a != !deleted_b)
    return deleted_a ? -1 : 1;

  gen_a = banso_revision_generation (rev_a);
  gen_b = banso_revision_generation (rev_b);
  if (gen_a != gen_b)
    return gen_a > gen_b ? 1 : -1;

  hash_a = strchr (rev_a, '-');
  hash_b = strchr (rev_b, '-');
  return strcmp (hash_a ? hash_a + 1 : rev_a, hash_b ? hash_b + 1 : rev_b);
}

/**
 * banso_revtree_reindex:
 * @body: (nullable): the winning body, or %NULL when the record is removed
 *
 * Brings the list indexes in line with a document whose winner changed.
 */
gboolean
banso_revtree_reindex (BansoTxn    *txn,
                       const char  *type,
                       gint64       docno,
                       const char  *body,
                       gboolean     fresh,
                       GError     **error)
{
  return banso_doc_type_index (txn, type, docno, body, fresh, error);
}

typedef struct
{
  gboolean  exists;
  gint64    docno;
  char     *type;
  char     *rev;
  char     *parent_rev;
  gboolean  deleted;
} Winner;

static void
winner_clear (Winner *w)
{
  g_clear_pointer (&w->type, g_free);
  g_clear_pointer (&w->rev, g_free);
  g_clear_pointer (&w->parent_rev, g_free);
}

static gboolean
read_winner (sqlite3     *db,
             sqlite3_stmt *stmt,
             const char  *id,
             Winner      *w,
             GError     **error)
{
  int rc;

  memset (w, 0, sizeof *w);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      w->exists = TRUE;
      w->docno = sqlite3_column_int64 (stmt, 0);
      w->type = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      w->rev = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      w->parent_rev = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      w->deleted = sqlite3_column_int (stmt, 4);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return banso_sql_error (db, rc, error);
  return TRUE;
}

#define WINNER_SQL "SELECT docno, type, rev, parent_rev, deleted FROM documents WHERE id = ?1"

/* The leaves other than the winner: kept revisions that are neither the winner,
 * nor its parent, nor the parent of another kept revision. */
#define OTHER_LEAVES_SQL \
  "SELECT r.rev, r.deleted, r.body FROM revisions r WHERE r.doc_id = ?1 AND r.bodiless = 0" \
  " AND r.rev <> ?2 AND r.rev IS NOT ?3" \
  " AND NOT EXISTS (SELECT 1 FROM revisions c WHERE c.doc_id = ?1 AND c.parent_rev = r.rev)"

static gboolean
collect_other_leaves (sqlite3       *db,
                      sqlite3_stmt  *stmt,
                      const char    *id,
                      const Winner  *w,
                      gboolean       with_bodies,
                      GPtrArray     *out,
                      GError       **error)
{
  int rc;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, w->rev, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, w->parent_rev, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BansoRevision *r = g_new0 (BansoRevision, 1);

      r->rev = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      r->deleted = sqlite3_column_int (stmt, 1);
      if (with_bodies)
        r->body = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      g_ptr_array_add (out, r);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return banso_sql_error (db, rc, error);
  return TRUE;
}

static gboolean
revision_row_exists (BansoTxn    *txn,
                     const char  *id,
                     const char  *rev,
                     gboolean    *exists,
                     GError     **error)
{
  sqlite3_stmt *stmt = banso_txn_prepare (txn, "SELECT 1 FROM revisions WHERE doc_id = ?1 AND rev = ?2",
                                          error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, rev, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return banso_sql_error (banso_txn_get_db (txn), rc, error);
  *exists = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
insert_revision (BansoTxn    *txn,
                 const char  *id,
                 const char  *rev,
                 const char  *parent_rev,
                 gboolean     deleted,
                 const char  *body,
                 GError     **error)
{
  sqlite3_stmt *stmt = banso_txn_prepare (txn,
                                          "INSERT OR IGNORE INTO revisions"
                                          " (doc_id, rev, parent_rev, deleted, body, bodiless)"
                                          " VALUES (?1, ?2, ?3, ?4, coalesce (?5, '{}'), ?5 IS NULL)",
                                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, rev, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, parent_rev, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, deleted);
  sqlite3_bind_text (stmt, 5, body, -1, SQLITE_STATIC);
  return banso_sql_step_done (banso_txn_get_db (txn), stmt, error);
}

/* Rewrites the conflicts list of a document from its live losing leaves. */
static gboolean
list_conflicts (BansoTxn     *txn,
                gint64        docno,
                const char   *winner_rev,
                GPtrArray    *leaves,
                GError      **error)
{
  sqlite3 *db = banso_txn_get_db (txn);
  sqlite3_stmt *stmt;

  stmt = banso_txn_prepare (txn, "DELETE FROM conflicts WHERE docno = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docno);
  if (!banso_sql_step_done (db, stmt, error))
    return FALSE;

  for (guint i = 0; i < leaves->len; i++)
    {
      BansoRevision *leaf = g_ptr_array_index (leaves, i);

      if (leaf->deleted || g_strcmp0 (leaf->rev, winner_rev) == 0)
        continue;
      stmt = banso_txn_prepare (txn, "INSERT OR IGNORE INTO conflicts (docno, rev) VALUES (?1, ?2)",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, docno);
      sqlite3_bind_text (stmt, 2, leaf->rev, -1, SQLITE_STATIC);
      if (!banso_sql_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_new_document (BansoTxn    *txn,
                     const char  *id,
                     const char  *type,
                     const char  *rev,
                     const char  *parent_rev,
                     gboolean     deleted,
                     const char  *body,
                     const char  *source,
                     GError     **error)
{
  sqlite3 *db = banso_txn_get_db (txn);
  sqlite3_stmt *stmt;
  gint64 docno;

  stmt = banso_txn_prepare (txn,
                            "INSERT INTO documents (id, type, rev, parent_rev, deleted, seq, body, source, pulled_seq)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, rev, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, parent_rev, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, deleted);
  sqlite3_bind_int64 (stmt, 6, _banso_txn_next_seq (txn));
  sqlite3_bind_text (stmt, 7, body, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, source, -1, SQLITE_STATIC);
  if (!banso_sql_step_done (db, stmt, error))
    return FALSE;
  docno = sqlite3_last_insert_rowid (db);

  return banso_revtree_reindex (txn, type, docno, deleted ? NULL : body, TRUE, error);
}

/**
 * banso_revtree_apply:
 * @ancestry: the revision first, then its parent, grandparent… as CouchDB's
 *   `_revisions` lists them
 * @source: (nullable): the server database a reference document comes from;
 *   %NULL for the office's own database
 * @out_applied: (out) (optional): %FALSE when the revision was already known
 *
 * Adds a revision that another replica made, keeping every branch: the winner
 * is chosen by banso_revision_compare(), the other live leaves are listed as
 * conflicts, and ancestors not seen before are kept by id alone. Applying a
 * revision twice changes nothing, which is what makes a retried pull safe.
 */
gboolean
banso_revtree_apply (BansoTxn           *txn,
                     const char         *id,
                     const char         *type,
                     const char * const *ancestry,
                     gboolean            deleted,
                     const char         *body,
                     const char         *source,
                     gboolean           *out_applied,
                     GError            **error)
{
  sqlite3 *db = banso_txn_get_db (txn);
  g_autoptr(GPtrArray) leaves = NULL;
  const char *rev, *parent;
  const BansoRevision *best = NULL;
  sqlite3_stmt *stmt;
  gboolean known = FALSE;
  gboolean ok = FALSE;
  Winner w;

  g_return_val_if_fail (ancestry != NULL && ancestry[0] != NULL, FALSE);
  g_return_val_if_fail (body != NULL && type != NULL, FALSE);

  if (out_applied)
    *out_applied = FALSE;
  rev = ancestry[0];
  parent = ancestry[1];

  if ((stmt = banso_txn_prepare (txn, WINNER_SQL, error)) == NULL ||
      !read_winner (db, stmt, id, &w, error))
    return FALSE;

  /* Already here: a retried batch, or a revision that went out from here. */
  /* Kept revisions belong to stored documents: a new id has none. */
  if (w.exists && g_strcmp0 (w.rev, rev) == 0)
    known = TRUE;
  else if (w.exists && !revision_row_exists (txn, id, rev, &known, error))
    {
      winner_clear (&w);
      return FALSE;
    }
  if (known)
    {
      winner_clear (&w);
      return TRUE;
    }

  /* Ancestors seen for the first time, up to the first one already known. */
  for (guint i = 1; ancestry[i] != NULL; i++)
    {
      gboolean exists = FALSE;

      if (w.exists && g_strcmp0 (ancestry[i], w.rev) == 0)
        break;
      if (w.exists && !revision_row_exists (txn, id, ancestry[i], &exists, error))
        goto out;
      if (exists)
        break;
      if (!insert_revision (txn, id, ancestry[i], ancestry[i + 1], FALSE, NULL, error))
        goto out;
    }

  if (!w.exists)
    {
      if (!insert_new_document (txn, id, type, rev, parent, deleted, body, source, error) ||
          !_banso_doc_write_audit (txn, id, type, "replicate", NULL, rev, error))
        goto out;
      _banso_txn_mark_changed (txn, type);
      ok = TRUE;
      goto out;
    }

  /* The leaves once this revision is in: its parent stops being one. */
  leaves = g_ptr_array_new_with_free_func ((GDestroyNotify)banso_revision_free);
  if ((stmt = banso_txn_prepare (txn, OTHER_LEAVES_SQL, error)) == NULL ||
      !collect_other_leaves (db, stmt, id, &w, FALSE, leaves, error))
    goto out;
  if (g_strcmp0 (w.rev, parent) != 0)
    {
      BansoRevision *cur = g_new0 (BansoRevision, 1);
      cur->rev = g_strdup (w.rev);
      cur->deleted = w.deleted;
      g_ptr_array_add (leaves, cur);
    }
  for (guint i = 0; i < leaves->len; i++)
    if (g_strcmp0 (((BansoRevision *)g_ptr_array_index (leaves, i))->rev, parent) == 0)
      g_ptr_array_remove_index_fast (leaves, i--);
  {
    BansoRevision *added = g_new0 (BansoRevision, 1);
    added->rev = g_strdup (rev);
    added->deleted = deleted;
    g_ptr_array_add (leaves, added);
  }
  for (guint i = 0; i < leaves->len; i++)
    {
      const BansoRevision *leaf = g_ptr_array_index (leaves, i);
      if (best == NULL || banso_revision_compare (leaf->rev, leaf->deleted, best->rev, best->deleted) > 0)
        best = leaf;
    }

  if (g_strcmp0 (best->rev, rev) == 0)
    {
      /* The new revision wins: the old winner joins the kept revisions. */
      if (!_banso_doc_keep_revision (txn, id, error))
        goto out;
      stmt = banso_txn_prepare (txn,
                                "UPDATE documents SET type = ?2, rev = ?3, parent_rev = ?4, deleted = ?5,"
                                " seq = ?6, pulled_seq = ?6, body = ?7 WHERE docno = ?1", error);
      if (stmt == NULL)
        goto out;
      sqlite3_bind_int64 (stmt, 1, w.docno);
      sqlite3_bind_text (stmt, 2, type, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, rev, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, parent, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 5, deleted);
      sqlite3_bind_int64 (stmt, 6, _banso_txn_next_seq (txn));
      sqlite3_bind_text (stmt, 7, body, -1, SQLITE_STATIC);
      if (!banso_sql_step_done (db, stmt, error))
        goto out;
      if (g_strcmp0 (w.type, type) != 0 &&
          !banso_revtree_reindex (txn, w.type, w.docno, NULL, FALSE, error))
        goto out;
      if (!banso_revtree_reindex (txn, type, w.docno, deleted ? NULL : body, FALSE, error))
        goto out;
      _banso_txn_mark_changed (txn, w.type);
    }
  else
    {
      /* A losing branch: kept next to the winner, which only gets a new seq so
       * that the change is seen by the next push and by the lists. */
      if (!insert_revision (txn, id, rev, parent, deleted, body, error))
        goto out;
      stmt = banso_txn_prepare (txn, "UPDATE documents SET seq = ?2,"
                                     " pulled_seq = CASE WHEN pulled_seq = seq THEN ?2 END WHERE docno = ?1", error);
      if (stmt == NULL)
        goto out;
      sqlite3_bind_int64 (stmt, 1, w.docno);
      sqlite3_bind_int64 (stmt, 2, _banso_txn_next_seq (txn));
      if (!banso_sql_step_done (db, stmt, error))
        goto out;
    }

  if (!list_conflicts (txn, w.docno, best->rev, leaves, error) ||
      !_banso_doc_write_audit (txn, id, type, "replicate", w.rev, rev, error))
    goto out;
  _banso_txn_mark_changed (txn, type);
  ok = TRUE;

out:
  if (ok && out_applied)
    *out_applied = TRUE;
  winner_clear (&w);
  return ok;
}

/**
 * banso_revtree_prepare_knows:
 *
 * Returns: (transfer full): the statement for banso_revtree_knows(), to
 *   prepare once for a whole batch of revisions
 */
sqlite3_stmt *
banso_revtree_prepare_knows (sqlite3  *db,
                             GError  **error)
{
  return banso_sql_prepare (db, "SELECT 1 FROM documents WHERE id = ?1 AND rev = ?2"
                                " UNION ALL SELECT 1 FROM revisions WHERE doc_id = ?1 AND rev = ?2",
                            error);
}

/**
 * banso_revtree_knows:
 * @stmt: from banso_revtree_prepare_knows()
 *
 * Returns: whether the revision is stored (one known by id alone counts too: it is an
 *   ancestor of what is stored, so the tree already goes past it)
 */
gboolean
banso_revtree_knows (sqlite3_stmt *stmt,
                     const char   *id,
                     const char   *rev)
{
  gboolean known;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, rev, -1, SQLITE_STATIC);
  known = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return known;
}

struct _BansoRevtreeReader
{
  sqlite3      *db;
  sqlite3_stmt *winner;
  sqlite3_stmt *others;
  sqlite3_stmt *parent;
};

/**
 * banso_revtree_reader_new:
 *
 * Prepares the queries of banso_revtree_reader_leaves() and
 * banso_revtree_reader_ancestry() once, for a batch of documents read on one
 * connection (a push reads thousands).
 */
BansoRevtreeReader *
banso_revtree_reader_new (sqlite3  *db,
                          GError  **error)
{
  BansoRevtreeReader *reader = g_new0 (BansoRevtreeReader, 1);

  reader->db = db;
  if ((reader->winner = banso_sql_prepare (db, "SELECT docno, type, rev, parent_rev, deleted, body"
                                               " FROM documents WHERE id = ?1", error)) == NULL ||
      (reader->others = banso_sql_prepare (db, OTHER_LEAVES_SQL " ORDER BY r.rev", error)) == NULL ||
      (reader->parent = banso_sql_prepare (db, "SELECT parent_rev FROM documents WHERE id = ?1 AND rev = ?2"
                                               " UNION ALL SELECT parent_rev FROM revisions"
                                               " WHERE doc_id = ?1 AND rev = ?2 LIMIT 1", error)) == NULL)
    {
      banso_revtree_reader_free (reader);
      return NULL;
    }
  return reader;
}

void
banso_revtree_reader_free (BansoRevtreeReader *reader)
{
  if (reader == NULL)
    return;
  g_clear_pointer (&reader->winner, sqlite3_finalize);
  g_clear_pointer (&reader->others, sqlite3_finalize);
  g_clear_pointer (&reader->parent, sqlite3_finalize);
  g_free (reader);
}

/**
 * banso_revtree_reader_leaves:
 *
 * Returns: (transfer full) (element-type BansoRevision): every leaf of the
 *   document's tree, the winner first; %NULL with @error when the document is
 *   not stored
 */
GPtrArray *
banso_revtree_reader_leaves (BansoRevtreeReader  *reader,
                             const char          *id,
                             gboolean             with_bodies,
                             GError             **error)
{
  g_autoptr(GPtrArray) leaves = g_ptr_array_new_with_free_func ((GDestroyNotify)banso_revision_free);
  BansoRevision *first;
  Winner w;

  if (!read_winner (reader->db, reader->winner, id, &w, error))
    return NULL;
  if (!w.exists)
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_NOT_FOUND,
                   _("The record %s does not exist."), id);
      return NULL;
    }

  first = g_new0 (BansoRevision, 1);
  first->rev = g_strdup (w.rev);
  first->deleted = w.deleted;
  if (with_bodies)
    {
      sqlite3_bind_text (reader->winner, 1, id, -1, SQLITE_STATIC);
      if (sqlite3_step (reader->winner) == SQLITE_ROW)
        first->body = g_strdup ((const char *)sqlite3_column_text (reader->winner, 5));
      sqlite3_reset (reader->winner);
    }
  g_ptr_array_add (leaves, first);

  if (!collect_other_leaves (reader->db, reader->others, id, &w, with_bodies, leaves, error))
    {
      winner_clear (&w);
      return NULL;
    }
  winner_clear (&w);
  return g_steal_pointer (&leaves);
}

/**
 * banso_revtree_reader_ancestry:
 * @max: how many revisions to list at most
 *
 * Returns: (transfer full): @rev, then its parent, grandparent…, as far as
 *   they are known
 */
GStrv
banso_revtree_reader_ancestry (BansoRevtreeReader  *reader,
                               const char          *id,
                               const char          *rev,
                               guint                max,
                               GError             **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *cur = g_strdup (rev);
  sqlite3_stmt *stmt = reader->parent;
  guint n = 0;

  while (cur != NULL && n++ < max)
    {
      int rc;

      g_strv_builder_add (builder, cur);
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, cur, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      g_free (cur);
      cur = rc == SQLITE_ROW ? g_strdup ((const char *)sqlite3_column_text (stmt, 0)) : NULL;
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          banso_sql_error (reader->db, rc, error);
          return NULL;
        }
    }
  return g_strv_builder_end (builder);
}

GPtrArray *
banso_revtree_leaves (sqlite3     *db,
                      const char  *id,
                      gboolean     with_bodies,
                      GError     **error)
{
  g_autoptr(BansoRevtreeReader) reader = banso_revtree_reader_new (db, error);

  return reader ? banso_revtree_reader_leaves (reader, id, with_bodies, error) : NULL;
}

GStrv
banso_revtree_ancestry (sqlite3     *db,
                        const char  *id,
                        const char  *rev,
                        guint        max,
                        GError     **error)
{
  g_autoptr(BansoRevtreeReader) reader = banso_revtree_reader_new (db, error);

  return reader ? banso_revtree_reader_ancestry (reader, id, rev, max, error) : NULL;
}

static gboolean
save_resolved (BansoTxn    *txn,
               const char  *id,
               const char  *type,
               const char  *winner_rev,
               const char  *body,
               GError     **error)
{
  const BansoDocType *info = banso_doc_type_lookup (type);
  gint64 docno;

  /* A type with rules of its own saves the version as its form would. */
  if (info != NULL && info->save_resolved != NULL)
    return info->save_resolved (txn, id, winner_rev, body, error);

  return banso_doc_type_check_write (txn, type, body, error) &&
         banso_doc_put (txn, type, id, body, winner_rev, BANSO_DOC_PUT_DEFAULT, &docno, NULL, error) &&
         banso_revtree_reindex (txn, type, docno, body, FALSE, error);
}

/**
 * banso_revtree_resolve:
 * @winner_rev: the winning revision the user looked at
 * @body: the version the user chose or merged
 *
 * Ends a conflict the CouchDB way: @body becomes a new revision on the winning
 * branch (through the record's own save, so validation and scope apply), and
 * every other live leaf gets a tombstone child. Both replicate, so the other
 * offices see the same outcome.
 */
gboolean
banso_revtree_resolve (BansoTxn    *txn,
                       const char  *id,
                       const char  *winner_rev,
                       const char  *body,
                       GError     **error)
{
  sqlite3 *db = banso_txn_get_db (txn);
  g_autoptr(GPtrArray) leaves = NULL;
  sqlite3_stmt *stmt;
  Winner w;

  if ((stmt = banso_txn_prepare (txn, WINNER_SQL, error)) == NULL ||
      !read_winner (db, stmt, id, &w, error))
    return FALSE;
  if (!w.exists || g_strcmp0 (w.rev, winner_rev) != 0)
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_CONFLICT,
                   _("The record %s was changed or removed elsewhere since it was opened; reopen it and make the change again."),
                   id);
      winner_clear (&w);
      return FALSE;
    }

  leaves = g_ptr_array_new_with_free_func ((GDestroyNotify)banso_revision_free);
  if ((stmt = banso_txn_prepare (txn, OTHER_LEAVES_SQL, error)) == NULL ||
      !collect_other_leaves (db, stmt, id, &w, TRUE, leaves, error) ||
      !save_resolved (txn, id, w.type, winner_rev, body, error))
    {
      winner_clear (&w);
      return FALSE;
    }

  for (guint i = 0; i < leaves->len; i++)
    {
      const BansoRevision *leaf = g_ptr_array_index (leaves, i);
      g_autofree char *tombstone = NULL;

      if (leaf->deleted)
        continue;
      tombstone = banso_revision_compute (leaf->rev, TRUE, leaf->body);
      if (!insert_revision (txn, id, tombstone, leaf->rev, TRUE, leaf->body, error) ||
          !_banso_doc_write_audit (txn, id, w.type, "resolve", leaf->rev, tombstone, error))
        {
          winner_clear (&w);
          return FALSE;
        }
    }

  stmt = banso_txn_prepare (txn, "DELETE FROM conflicts WHERE docno = ?1", error);
  if (stmt == NULL || (sqlite3_bind_int64 (stmt, 1, w.docno), !banso_sql_step_done (db, stmt, error)))
    {
      winner_clear (&w);
      return FALSE;
    }
  winner_clear (&w);
  return TRUE;
}

/**
 * banso_conflicts_list:
 *
 * Returns: (transfer full) (element-type BansoConflictInfo): the records with
 *   conflicting versions, most recently changed first
 */
GPtrArray *
banso_conflicts_list (sqlite3  *db,
                      GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)banso_conflict_info_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* From the few conflicts to their documents: SQLite would otherwise walk
   * every document (a read of the whole file) and look each one up in an
   * empty table. CROSS JOIN keeps the order as written. */
  stmt = banso_sql_prepare (db, "SELECT d.id, d.type, d.rev, count(*) FROM conflicts c"
                                " CROSS JOIN documents d ON d.docno = c.docno"
                                " GROUP BY c.docno ORDER BY d.seq DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BansoConflictInfo *info = g_new0 (BansoConflictInfo, 1);

      info->id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      info->type = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      info->rev = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      info->n_conflicts = sqlite3_column_int (stmt, 3);
      g_ptr_array_add (list, info);
    }
  if (rc != SQLITE_DONE)
    {
      banso_sql_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
