/* banso-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-core"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "banso-audit-chain.h"
#include "banso-doc-type.h"
#include "banso-reference.h"
#include "banso-schema.h"
#include "banso-store-private.h"

#define MAX_IDLE_READERS 4

struct _BansoStore
{
  GObject       parent_instance;

  char         *path;
  GMainContext *context;

  /* One writer: every write goes through banso_store_begin(), which holds the
   * lock until commit or rollback. */
  GMutex        writer_lock;
  sqlite3      *writer;
  GHashTable   *statements;
  gint64        next_seq;

  GMutex        readers_lock;
  GCond         readers_cond;
  GQueue        idle_readers;
  guint         readers_out;     /* handed out and not yet released */
  GThread      *exclusive;       /* the thread of a bulk write that keeps readers out */

  GPtrArray    *repairs;         /* of char *: what opening had to put right */
};

struct _BansoTxn
{
  BansoStore *store;
  BansoUser  *user;
  GHashTable *changed_types;
  gboolean    bulk;
  gboolean    exclusive;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BansoStore, banso_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (banso-store-error-quark, banso_store_error)

static void
banso_store_finalize (GObject *object)
{
  BansoStore *self = (BansoStore *)object;
  sqlite3 *db;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  while ((db = g_queue_pop_head (&self->idle_readers)))
    sqlite3_close (db);
  if (self->writer != NULL)
    {
      /* Folding the WAL back keeps the single file complete for backups; the
       * last connection to close also removes the WAL, so readers go first. */
      sqlite3_exec (self->writer, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
      sqlite3_close (self->writer);
    }

  g_mutex_clear (&self->writer_lock);
  g_mutex_clear (&self->readers_lock);
  g_cond_clear (&self->readers_cond);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->path);
  g_clear_pointer (&self->repairs, g_ptr_array_unref);

  G_OBJECT_CLASS (banso_store_parent_class)->finalize (object);
}

static void
banso_store_class_init (BansoStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = banso_store_finalize;

  /**
   * BansoStore::changed:
   * @type: the document type that changed
   *
   * Emitted on the main context of the thread that opened the store, after a
   * transaction that changed documents of @type was committed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
banso_store_init (BansoStore *self)
{
  g_mutex_init (&self->writer_lock);
  g_mutex_init (&self->readers_lock);
  g_cond_init (&self->readers_cond);
  g_queue_init (&self->idle_readers);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify)sqlite3_finalize);
}

/* Pages the writer keeps in memory (in KiB, as SQLite counts them when
 * negative); a bulk write keeps more: the unique index of a large import's ids
 * grows at random places, about 45 bytes a record, and a page that has left
 * the cache is read and written again at each insert that lands in it. */
#define WRITER_CACHE_KIB -32000
#define BULK_CACHE_KIB -65536

static GMutex hooks_lock;
static GArray *hooks;

/**
 * banso_store_add_connection_hook:
 *
 * Has @hook run on every connection opened from now on, the writer and the
 * readers alike; adding the same hook twice adds it once. Modules add theirs
 * when they register their types, before any store is opened.
 */
void
banso_store_add_connection_hook (BansoConnectionHook hook)
{
  g_return_if_fail (hook != NULL);

  g_mutex_lock (&hooks_lock);
  if (hooks == NULL)
    hooks = g_array_new (FALSE, FALSE, sizeof (BansoConnectionHook));
  for (guint i = 0; i < hooks->len; i++)
    if (g_array_index (hooks, BansoConnectionHook, i) == hook)
      {
        g_mutex_unlock (&hooks_lock);
        return;
      }
  g_array_append_val (hooks, hook);
  g_mutex_unlock (&hooks_lock);
}

/**
 * banso_store_run_connection_hooks:
 *
 * Runs the hooks on a connection the caller opened itself (a read-only
 * connection of a command-line lookup), as the store does on its own.
 */
gboolean
banso_store_run_connection_hooks (sqlite3   *db,
                                  gboolean   writer,
                                  GError   **error)
{
  g_autoptr(GArray) copy = NULL;

  g_mutex_lock (&hooks_lock);
  if (hooks != NULL)
    copy = g_array_copy (hooks);
  g_mutex_unlock (&hooks_lock);

  for (guint i = 0; copy != NULL && i < copy->len; i++)
    if (!g_array_index (copy, BansoConnectionHook, i) (db, writer, error))
      return FALSE;
  return TRUE;
}

static gboolean
configure_connection (sqlite3  *db,
                      gboolean  writer,
                      GError  **error)
{
  sqlite3_busy_timeout (db, 10000);
  sqlite3_extended_result_codes (db, 1);

  if (!_banso_audit_register_functions (db, error))
    return FALSE;

  if (!banso_sql_exec (db, "PRAGMA foreign_keys = ON;", error))
    return FALSE;

  if (writer)
    {
      /* What the window says is saved survives a power cut. */
      if (!banso_sql_exec (db,
                           /* For a new file only: records of about a kilobyte
                            * and imports of millions of them move in fewer,
                            * larger pages. */
                           "PRAGMA page_size = 16384;"
                           "PRAGMA journal_mode = WAL;"
                           "PRAGMA synchronous = FULL;"
                           "PRAGMA cache_size = " G_STRINGIFY (WRITER_CACHE_KIB) ";"
                           /* Large writes (imports, pulls) copy the log into
                            * the file in fewer, larger steps, and the log
                            * does not keep the size it grew to. */
                           "PRAGMA wal_autocheckpoint = 8000;"
                           "PRAGMA journal_size_limit = 67108864;",
                           error))
        return FALSE;
    }
  else
    {
      if (!banso_sql_exec (db, "PRAGMA cache_size = -16000;", error))
        return FALSE;
    }

  return banso_store_run_connection_hooks (db, writer, error);
}

static gboolean
ensure_admin (BansoStore  *self,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = NULL;
  const char *real_name = g_get_real_name ();

  stmt = banso_sql_prepare (self->writer,
                            "INSERT OR IGNORE INTO users (id, name, role, created_at)"
                            " VALUES ('admin', ?1, 'admin', ?2)", error);
  if (stmt == NULL)
    return FALSE;

  now = banso_now_iso8601 ();
  if (real_name == NULL || g_strcmp0 (real_name, "Unknown") == 0 || *real_name == '\0')
    real_name = _("Administrator");
  sqlite3_bind_text (stmt, 1, real_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return banso_sql_error (self->writer, sqlite3_errcode (self->writer), error);

  return TRUE;
}

/* Index tables that a migration created are filled from the documents the
 * file already held; folding is ours, so this cannot be done in SQL. */
static gboolean
reindex_after_upgrade (BansoStore  *self,
                       int          old_version,
                       GError     **error)
{
  g_autoptr(GPtrArray) types = banso_doc_type_list ();
  g_autoptr(BansoUser) admin = NULL;
  gboolean needed = FALSE;
  BansoTxn *txn;

  if (old_version <= 0)
    return TRUE;
  for (guint i = 0; i < types->len; i++)
    {
      const BansoDocType *type = g_ptr_array_index (types, i);

      needed |= type->reindex_all != NULL && type->index_version > (guint)old_version;
    }
  if (!needed)
    return TRUE;

  if (!(admin = banso_store_dup_admin (self, error)) ||
      !(txn = banso_store_begin (self, admin, error)))
    return FALSE;

  for (guint i = 0; i < types->len; i++)
    {
      const BansoDocType *type = g_ptr_array_index (types, i);

      if (type->reindex_all != NULL && type->index_version > (guint)old_version &&
          !type->reindex_all (txn, error))
        {
          banso_txn_rollback (txn);
          return FALSE;
        }
    }
  return banso_txn_commit (txn, error);
}

/* The triggers that keep the audit log append-only were dropped or changed
 * by something else than Banso: put back, and said (the CLI prints it, the
 * window shows it, `check` keeps reporting it). */
static gboolean
restore_guards (BansoStore  *self,
                GError     **error)
{
  g_autoptr(GPtrArray) restored = g_ptr_array_new_with_free_func (g_free);

  if (!banso_sql_exec (self->writer, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!_banso_audit_guards_restore (self->writer, restored, error) ||
      !banso_sql_exec (self->writer, "COMMIT", error))
    {
      sqlite3_exec (self->writer, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  if (restored->len > 0)
    {
      g_autofree char *names = NULL;

      g_ptr_array_add (restored, NULL);
      names = g_strjoinv (", ", (char **)restored->pdata);
      g_ptr_array_add (self->repairs,
                       g_strdup_printf (_("The guards of the audit log in %s had been removed or changed outside Banso (%s). They were put back; run “banso-cli check” to see whether the history was changed."),
                                        self->path, names));
    }
  return TRUE;
}

/**
 * banso_store_get_repairs:
 *
 * What opening the database had to put right, one sentence each, for the
 * window and the command line to show.
 *
 * Returns: (transfer none) (element-type utf8): possibly empty
 */
GPtrArray *
banso_store_get_repairs (BansoStore *self)
{
  g_return_val_if_fail (BANSO_IS_STORE (self), NULL);

  return self->repairs;
}

/**
 * banso_store_open:
 * @path: the database file; created with the current schema when missing
 *
 * Opens the office database, upgrades its schema and loads the reference data
 * on first use. A damaged file, another program's SQLite file, or one from a
 * newer Banso is refused with a clear error and left as it was.
 */
BansoStore *
banso_store_open (const char  *path,
                  GError     **error)
{
  g_autoptr(BansoStore) self = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int old_version;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!_banso_store_inspect (path, error))
    return NULL;

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create the folder %s: %s"), dir, g_strerror (errsv));
      return NULL;
    }

  self = g_object_new (BANSO_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->repairs = g_ptr_array_new_with_free_func (g_free);
  self->context = g_main_context_ref_thread_default ();

  rc = sqlite3_open_v2 (path, &self->writer,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_SQL,
                   _("Could not open the database %s: %s"), path,
                   self->writer ? sqlite3_errmsg (self->writer) : sqlite3_errstr (rc));
      return NULL;
    }

  if (!configure_connection (self->writer, TRUE, error))
    return NULL;
  stmt = banso_sql_prepare (self->writer, "PRAGMA user_version", error);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  old_version = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!banso_schema_migrate (self->writer, banso_schema_get_latest_version (), error) ||
      !ensure_admin (self, error) ||
      !banso_reference_ensure_loaded (self->writer, error) ||
      !reindex_after_upgrade (self, old_version, error) ||
      !restore_guards (self, error))
    return NULL;

  stmt = banso_sql_prepare (self->writer, "SELECT coalesce (max (seq), 0) + 1 FROM documents",
                            error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      banso_sql_error (self->writer, sqlite3_errcode (self->writer), error);
      return NULL;
    }
  self->next_seq = sqlite3_column_int64 (stmt, 0);

  return g_steal_pointer (&self);
}

const char *
banso_store_get_path (BansoStore *self)
{
  g_return_val_if_fail (BANSO_IS_STORE (self), NULL);
  return self->path;
}

gboolean
banso_store_is_demo (BansoStore *self)
{
  g_autofree char *value = banso_store_get_meta (self, "demo");
  return g_strcmp0 (value, "1") == 0;
}

/* Whether any record was ever written: the demo goes only into an empty store. */
gboolean
banso_store_has_documents (BansoStore  *self,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean found = FALSE;
  sqlite3 *db;

  if (!(db = banso_store_acquire_reader (self, error)))
    return FALSE;
  stmt = banso_sql_prepare (db, "SELECT EXISTS (SELECT 1 FROM documents)", error);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    found = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  banso_store_release_reader (self, db);
  return found;
}

sqlite3 *
banso_store_acquire_reader (BansoStore  *self,
                            GError     **error)
{
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (BANSO_IS_STORE (self), NULL);

  g_mutex_lock (&self->readers_lock);
  if (G_UNLIKELY (self->exclusive == g_thread_self ()))
    {
      /* The bulk write's own thread would wait for itself. */
      g_mutex_unlock (&self->readers_lock);
      g_critical ("%s: called inside a bulk write", G_STRFUNC);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK,
                           "A reader was asked for inside a bulk write.");
      return NULL;
    }
  while (self->exclusive != NULL)
    g_cond_wait (&self->readers_cond, &self->readers_lock);
  db = g_queue_pop_head (&self->idle_readers);
  self->readers_out++;
  g_mutex_unlock (&self->readers_lock);

  if (db != NULL)
    return db;

  rc = sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK || !configure_connection (db, FALSE, error))
    {
      if (rc != SQLITE_OK)
        banso_sql_error (db, rc, error);
      sqlite3_close (db);
      g_mutex_lock (&self->readers_lock);
      self->readers_out--;
      g_mutex_unlock (&self->readers_lock);
      return NULL;
    }

  return db;
}

void
banso_store_release_reader (BansoStore *self,
                            sqlite3    *db)
{
  g_return_if_fail (BANSO_IS_STORE (self));

  if (db == NULL)
    return;

  /* A reader left inside a read transaction would pin the WAL forever. */
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);

  g_mutex_lock (&self->readers_lock);
  self->readers_out--;
  if (self->idle_readers.length < MAX_IDLE_READERS)
    {
      g_queue_push_head (&self->idle_readers, db);
      db = NULL;
    }
  g_mutex_unlock (&self->readers_lock);

  if (db != NULL)
    sqlite3_close (db);
}

static BansoTxn *begin_locked (BansoStore  *self,
                               BansoUser   *user,
                               gboolean     exclusive,
                               GError     **error);

BansoTxn *
banso_store_begin (BansoStore  *self,
                   BansoUser   *user,
                   GError     **error)
{
  g_return_val_if_fail (BANSO_IS_STORE (self), NULL);
  g_return_val_if_fail (BANSO_IS_USER (user), NULL);

  if (banso_user_get_disabled (user))
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_PERMISSION,
                   _("%s was disabled by an administrator and may no longer change anything."),
                   banso_user_get_name (user));
      return NULL;
    }
  g_mutex_lock (&self->writer_lock);
  return begin_locked (self, user, FALSE, error);
}

static gboolean
set_journal_mode (sqlite3    *db,
                  const char *mode)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = %s", mode);
  g_autoptr(sqlite3_stmt) stmt = banso_sql_prepare (db, sql, NULL);

  /* The pragma answers with the mode now in force. */
  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW &&
         g_ascii_strcasecmp ((const char *)sqlite3_column_text (stmt, 0), mode) == 0;
}

/* Lets the readers held back by a bulk write in again. */
static void
end_exclusive (BansoStore *self)
{
  g_mutex_lock (&self->readers_lock);
  self->exclusive = NULL;
  g_cond_broadcast (&self->readers_cond);
  g_mutex_unlock (&self->readers_lock);
}

static BansoTxn *
begin_locked (BansoStore  *self,
              BansoUser   *user,
              gboolean     exclusive,
              GError     **error)
{
  BansoTxn *txn;

  if (exclusive && !banso_sql_exec (self->writer, "BEGIN EXCLUSIVE", NULL))
    {
      /* Another program holds the file after all: an ordinary transaction. */
      set_journal_mode (self->writer, "wal");
      end_exclusive (self);
      exclusive = FALSE;
    }
  if (!exclusive && !banso_sql_exec (self->writer, "BEGIN IMMEDIATE", error))
    {
      g_mutex_unlock (&self->writer_lock);
      return NULL;
    }

  txn = g_new0 (BansoTxn, 1);
  txn->store = g_object_ref (self);
  txn->user = g_object_ref (user);
  txn->changed_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  txn->exclusive = exclusive;

  return txn;
}

/**
 * banso_store_begin_bulk:
 *
 * Like banso_store_begin(), for a write of many thousand documents at once.
 * When no reader is in use, the transaction has the database to itself:
 * readers asked for meanwhile wait until it ends, and its pages go straight
 * into the file behind a rollback journal, instead of into the WAL and then
 * again into the file, which halves what a large import writes. With a reader
 * in use, or another program on the same file, it is an ordinary transaction.
 * Either way the writer keeps more pages in memory until it ends.
 * The thread that holds it must not ask for a reader.
 *
 * Returns: (transfer full): the transaction, or %NULL on error
 */
BansoTxn *
banso_store_begin_bulk (BansoStore  *self,
                        BansoUser   *user,
                        GError     **error)
{
  gboolean exclusive = FALSE;
  BansoTxn *txn;
  sqlite3 *db;

  g_return_val_if_fail (BANSO_IS_STORE (self), NULL);
  g_return_val_if_fail (BANSO_IS_USER (user), NULL);

  g_mutex_lock (&self->writer_lock);
  g_mutex_lock (&self->readers_lock);
  if (self->readers_out == 0)
    {
      /* The WAL can be left only by the file's one connection. */
      while ((db = g_queue_pop_head (&self->idle_readers)))
        sqlite3_close (db);
      self->exclusive = g_thread_self ();
      exclusive = TRUE;
    }
  g_mutex_unlock (&self->readers_lock);

  if (exclusive && !set_journal_mode (self->writer, "delete"))
    {
      set_journal_mode (self->writer, "wal");
      end_exclusive (self);
      exclusive = FALSE;
    }

  txn = begin_locked (self, user, exclusive, error);
  if (txn != NULL)
    {
      banso_sql_exec (self->writer, "PRAGMA cache_size = " G_STRINGIFY (BULK_CACHE_KIB), NULL);
      txn->bulk = TRUE;
    }
  return txn;
}

/* After a bulk write: back to the WAL, readers in. */
static void
end_txn (BansoTxn *txn)
{
  BansoStore *self = txn->store;

  if (txn->bulk)
    banso_sql_exec (self->writer, "PRAGMA cache_size = " G_STRINGIFY (WRITER_CACHE_KIB), NULL);
  if (txn->exclusive)
    {
      GHashTableIter iter;
      gpointer stmt;

      /* The journal mode does not change under a statement still reading. */
      g_hash_table_iter_init (&iter, self->statements);
      while (g_hash_table_iter_next (&iter, NULL, &stmt))
        sqlite3_reset (stmt);
      if (!set_journal_mode (self->writer, "wal"))
        g_warning ("The database %s could not go back to write-ahead logging: %s",
                   self->path, sqlite3_errmsg (self->writer));
      /* Before the writer lock: a bulk write waiting for it must find the
       * readers' way cleared by this one, not cleared after it began. */
      end_exclusive (self);
    }
  g_mutex_unlock (&self->writer_lock);
}

typedef struct
{
  BansoStore *store;
  GPtrArray  *types;
} ChangedNotify;

static gboolean
emit_changed (gpointer data)
{
  ChangedNotify *notify = data;

  for (guint i = 0; i < notify->types->len; i++)
    {
      const char *type = g_ptr_array_index (notify->types, i);
      g_signal_emit (notify->store, signals[CHANGED], g_quark_from_string (type), type);
    }

  return G_SOURCE_REMOVE;
}

static void
changed_notify_free (gpointer data)
{
  ChangedNotify *notify = data;

  g_object_unref (notify->store);
  g_ptr_array_unref (notify->types);
  g_free (notify);
}

static void
txn_free (BansoTxn *txn)
{
  g_hash_table_unref (txn->changed_types);
  g_object_unref (txn->user);
  g_object_unref (txn->store);
  g_free (txn);
}

gboolean
banso_txn_commit (BansoTxn  *txn,
                  GError   **error)
{
  BansoStore *self;
  ChangedNotify *notify;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (txn != NULL, FALSE);

  self = txn->store;
  if (!banso_sql_exec (self->writer, "COMMIT", error))
    {
      banso_txn_rollback (txn);
      return FALSE;
    }
  /* A bulk write leaves the file complete on its own, not only when the
   * store closes: copies of banso.db taken meanwhile are whole. Still under
   * the writer lock: the connection is this thread's until end_txn(). */
  if (txn->bulk)
    sqlite3_wal_checkpoint_v2 (self->writer, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  end_txn (txn);

  if (g_hash_table_size (txn->changed_types) > 0)
    {
      notify = g_new0 (ChangedNotify, 1);
      notify->store = g_object_ref (self);
      notify->types = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_iter_init (&iter, txn->changed_types);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (notify->types, g_strdup (key));
      /* Always through an idle source: invoking directly would run the handlers
       * in this thread whenever nobody owns the main context. */
      {
        GSource *source = g_idle_source_new ();
        g_source_set_priority (source, G_PRIORITY_DEFAULT);
        g_source_set_callback (source, emit_changed, notify, changed_notify_free);
        g_source_set_static_name (source, "[banso] store changed");
        g_source_attach (source, self->context);
        g_source_unref (source);
      }
    }

  txn_free (txn);
  return TRUE;
}

void
banso_txn_rollback (BansoTxn *txn)
{
  BansoStore *self;

  if (txn == NULL)
    return;

  self = txn->store;
  sqlite3_exec (self->writer, "ROLLBACK", NULL, NULL, NULL);
  /* The sequence counter may have moved inside the failed transaction. */
  {
    g_autoptr(sqlite3_stmt) stmt =
      banso_sql_prepare (self->writer, "SELECT coalesce (max (seq), 0) + 1 FROM documents", NULL);
    if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
      self->next_seq = sqlite3_column_int64 (stmt, 0);
  }
  end_txn (txn);
  txn_free (txn);
}

sqlite3 *
banso_txn_get_db (BansoTxn *txn)
{
  return txn->store->writer;
}

BansoUser *
banso_txn_get_user (BansoTxn *txn)
{
  return txn->user;
}

BansoStore *
banso_txn_get_store (BansoTxn *txn)
{
  return txn->store;
}

/* Statements are cached for the writer's life: imports run the same few
 * statements millions of times.
 */
sqlite3_stmt *
banso_txn_prepare (BansoTxn    *txn,
                   const char  *sql,
                   GError     **error)
{
  BansoStore *self = txn->store;
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  stmt = banso_sql_prepare (self->writer, sql, error);
  if (stmt != NULL)
    g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gint64
_banso_txn_next_seq (BansoTxn *txn)
{
  return txn->store->next_seq++;
}

void
_banso_txn_mark_changed (BansoTxn   *txn,
                         const char *type)
{
  if (!g_hash_table_contains (txn->changed_types, type))
    g_hash_table_add (txn->changed_types, g_strdup (type));
}

gboolean
banso_store_set_meta (BansoStore  *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (BANSO_IS_STORE (self), FALSE);

  g_mutex_lock (&self->writer_lock);
  stmt = banso_sql_prepare (self->writer,
                            "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        ok = banso_sql_error (self->writer, sqlite3_errcode (self->writer), error);
    }
  g_mutex_unlock (&self->writer_lock);

  return ok;
}

char *
banso_store_get_meta (BansoStore *self,
                      const char *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char *value = NULL;
  sqlite3 *db;

  g_return_val_if_fail (BANSO_IS_STORE (self), NULL);

  db = banso_store_acquire_reader (self, NULL);
  if (db == NULL)
    return NULL;

  stmt = banso_sql_prepare (db, "SELECT value FROM meta WHERE key = ?1", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  banso_store_release_reader (self, db);

  return value;
}

/**
 * banso_store_checkpoint:
 *
 * Copies what the write-ahead log holds into the database file and empties
 * the log, so that the file alone is complete: a copy of it taken after a
 * bulk write (the demo, an import, a pull) holds every record. Readers in the
 * middle of a read keep their pages; whatever they pin stays in the log until
 * the next checkpoint, and the error says so.
 */
gboolean
banso_store_checkpoint (BansoStore  *self,
                        GError     **error)
{
  int rc, log_frames = 0, done_frames = 0;

  g_return_val_if_fail (BANSO_IS_STORE (self), FALSE);

  g_mutex_lock (&self->writer_lock);
  rc = sqlite3_wal_checkpoint_v2 (self->writer, NULL, SQLITE_CHECKPOINT_TRUNCATE,
                                  &log_frames, &done_frames);
  g_mutex_unlock (&self->writer_lock);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_SQL,
                   _("Could not copy the write-ahead log into the database %s: %s"),
                   self->path, sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

char *
banso_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}
