/* banso-check.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-core"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-audit-chain.h"
#include "banso-check.h"
#include "banso-doc-type.h"

void
banso_audit_entry_free (BansoAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->doc_id);
  g_free (entry->doc_type);
  g_free (entry->user_id);
  g_free (entry->at);
  g_free (entry->action);
  g_free (entry->before);
  g_free (entry->after);
  g_free (entry);
}

/* Each query returns one row per problem: a short description of where.
 * The document types add their own (their index tables agree with them). */
static const BansoCheckQuery checks[] = {
  { "SELECT 'audit entry ' || a.entry || ' names revision ' || a.rev_after || ' of ' || a.doc_id"
    " FROM audit a WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = a.doc_id AND d.rev = a.rev_after)"
    " AND NOT EXISTS (SELECT 1 FROM revisions r WHERE r.doc_id = a.doc_id AND r.rev = a.rev_after)",
    N_("An audit entry points to a revision that is not kept") },
  { "SELECT d.id || ' at revision ' || d.rev FROM documents d"
    " WHERE NOT EXISTS (SELECT 1 FROM audit a WHERE a.doc_id = d.id AND a.rev_after = d.rev)",
    N_("A record's current revision has no audit entry") },
  { "SELECT d.id FROM documents d WHERE NOT json_valid (d.body)",
    N_("A record's body is not valid JSON") },
  { "SELECT r.doc_id || ' revision ' || r.rev FROM revisions r WHERE r.bodiless = 0 AND NOT json_valid (r.body)",
    N_("A kept revision's body is not valid JSON") },
  { "SELECT u.id FROM users u WHERE u.password_hash IS NOT NULL"
    " AND u.password_hash NOT LIKE '$argon2id$%'",
    N_("A user's password is not kept as a salted hash") },
};

static gboolean
run_checks (sqlite3                *db,
            const BansoCheckQuery  *queries,
            guint                   n_queries,
            GPtrArray              *problems,
            GError                **error)
{
  for (guint i = 0; i < n_queries; i++)
    {
      g_autoptr(sqlite3_stmt) stmt = banso_sql_prepare (db, queries[i].sql, error);
      guint n = 0;

      if (stmt == NULL)
        return FALSE;
      while (sqlite3_step (stmt) == SQLITE_ROW)
        if (n++ < 20)
          g_ptr_array_add (problems, g_strdup_printf ("%s: %s", _(queries[i].what),
                                                      sqlite3_column_text (stmt, 0)));
      if (n > 20)
        g_ptr_array_add (problems, g_strdup_printf (_("%s: %u more"), _(queries[i].what), n - 20));
    }
  return TRUE;
}

/**
 * banso_store_check:
 * @problems: (element-type utf8): receives one line per problem found
 *
 * Runs SQLite's integrity and foreign key checks and Banso's own: every audit
 * entry resolves to a kept revision, every current revision is audited, the
 * audit log's chain holds from its first entry to its head, every body is the
 * one its entry wrote, the log's guards are in place, and the list index
 * agrees with the records.
 *
 * Returns: %FALSE when the checks could not run; an empty @problems means the
 *   database is whole
 */
gboolean
banso_store_check (BansoStore  *store,
                   GPtrArray   *problems,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) types = NULL;
  sqlite3 *db;
  gboolean ok = TRUE;

  if (!(db = banso_store_acquire_reader (store, error)))
    return FALSE;

  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);

  if ((stmt = banso_sql_prepare (db, "PRAGMA integrity_check", error)) == NULL)
    {
      ok = FALSE;
      goto out;
    }
  /* SQLite says what is wrong on each page, in one text or one row each. */
  {
    guint n = 0;
    int rc;

    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        const char *text = (const char *)sqlite3_column_text (stmt, 0);
        g_auto(GStrv) lines = NULL;

        if (g_strcmp0 (text, "ok") == 0)
          continue;
        lines = g_strsplit (text ? text : "", "\n", -1);
        for (guint i = 0; lines[i] != NULL; i++)
          if (*lines[i] != '\0' && !g_str_has_prefix (lines[i], "*** ") && n++ < 20)
            g_ptr_array_add (problems, g_strdup_printf (_("Integrity: %s"), lines[i]));
      }
    if (n > 20)
      g_ptr_array_add (problems, g_strdup_printf (_("%s: %u more"), _("Integrity"), n - 20));
    if (rc != SQLITE_DONE)
      {
        banso_sql_error (db, rc, error);
        ok = FALSE;
        goto out;
      }
  }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if ((stmt = banso_sql_prepare (db, "PRAGMA foreign_key_check", error)) == NULL)
    {
      ok = FALSE;
      goto out;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("Foreign key: row %lld of %s points to a missing row of %s"),
                                      (long long)sqlite3_column_int64 (stmt, 1),
                                      sqlite3_column_text (stmt, 0),
                                      sqlite3_column_text (stmt, 2)));
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!run_checks (db, checks, G_N_ELEMENTS (checks), problems, error) ||
      !_banso_audit_check (db, problems, error))
    {
      ok = FALSE;
      goto out;
    }
  types = banso_doc_type_list ();
  for (guint i = 0; i < types->len; i++)
    {
      const BansoDocType *type = g_ptr_array_index (types, i);

      if (!run_checks (db, type->checks, type->n_checks, problems, error))
        {
          ok = FALSE;
          goto out;
        }
    }

out:
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  banso_store_release_reader (store, db);
  return ok;
}

/**
 * banso_audit_list:
 * @doc_id: (nullable): one record's history, or %NULL for the whole log
 *
 * Returns: (transfer full): #BansoAuditEntry, oldest first, with the bodies
 *   before and after each change
 */
GPtrArray *
banso_audit_list (BansoStore  *store,
                  const char  *doc_id,
                  GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)banso_audit_entry_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  if (!(db = banso_store_acquire_reader (store, error)))
    return NULL;

  stmt = banso_sql_prepare (db,
                            "SELECT a.doc_id, a.doc_type, a.user_id, a.at, a.action,"
                            " (SELECT body FROM revisions r WHERE r.doc_id = a.doc_id AND r.rev = a.rev_before),"
                            " coalesce ((SELECT body FROM revisions r WHERE r.doc_id = a.doc_id AND r.rev = a.rev_after),"
                            "           (SELECT body FROM documents d WHERE d.id = a.doc_id AND d.rev = a.rev_after))"
                            " FROM audit a WHERE ?1 IS NULL OR a.doc_id = ?1 ORDER BY a.entry",
                            error);
  if (stmt == NULL)
    {
      banso_store_release_reader (store, db);
      return NULL;
    }
  if (doc_id != NULL)
    sqlite3_bind_text (stmt, 1, doc_id, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BansoAuditEntry *e = g_new0 (BansoAuditEntry, 1);
      e->doc_id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      e->doc_type = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      e->user_id = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      e->at = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      e->action = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
      e->before = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
      e->after = g_strdup ((const char *)sqlite3_column_text (stmt, 6));
      g_ptr_array_add (entries, e);
    }
  if (rc != SQLITE_DONE)
    banso_sql_error (db, rc, error);
  g_clear_pointer (&stmt, sqlite3_finalize);
  banso_store_release_reader (store, db);

  return rc == SQLITE_DONE ? g_steal_pointer (&entries) : NULL;
}
