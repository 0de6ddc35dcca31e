/* banso-import-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The writing half of an import: while one thread reads the file, checks each
 * row and makes households ready (their JSON and index rows), this one
 * writes them into the import's transaction, in the order they came, in
 * batches handed over through a queue, and back: the rows of households
 * written are filled again by the reading thread, which keeps their buffers
 * and frees what it made in the thread that made it. Once anything is wrong the import
 * will be rolled back, so nothing more is written; households that carry an
 * id of their own are still looked up, so that every one already in the
 * database is reported.
 */

#define G_LOG_DOMAIN "banso-records"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-import-writer.h"

#define BATCH 256
#define AHEAD 16   /* batches between the two threads at most */

struct _BansoImportWriter
{
  BansoTxn               *txn;
  BansoDocPutFlags        flags;
  BansoImportProblemFunc  problem;
  gpointer                user_data;

  GAsyncQueue            *full;    /* batches to write, then the end */
  GAsyncQueue            *slots;   /* a batch that may be filled: a token, or one written */
  GPtrArray              *batch;   /* being filled by the reading thread */
  GPtrArray              *spare_rows;  /* written: to be filled again */
  GPtrArray              *spare_batch;
  GThread                *thread;
  gint                    stopped;
  guint                   households;
  guint                   members;
};

static char end_of_items;
static char slot_token;

static void
item_free (BansoImportItem *item)
{
  g_clear_pointer (&item->household, banso_household_row_free);
  g_free (item->check_id);
  g_free (item->village);
  g_free (item->commune);
  g_free (item->name);
  g_free (item);
}

static gboolean
id_taken (BansoTxn   *txn,
          const char *id)
{
  sqlite3_stmt *stmt = banso_txn_prepare (txn, "SELECT 1 FROM documents WHERE id = ?1", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static void
write_item (BansoImportWriter *self,
            BansoImportItem   *item)
{
  g_autoptr(GError) error = NULL;

  if (g_atomic_int_get (&self->stopped) || item->check_id != NULL)
    {
      /* Only checking now: a household already here is still worth telling.
       * The look-up is made here, on the transaction's connection, which a
       * bulk import keeps for itself. */
      const char *id = item->household ? item->household->id : item->check_id;

      if (id != NULL && id_taken (self->txn, id))
        {
          g_set_error (&error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_EXISTS,
                       _("The id %s is already taken by another record."), id);
          self->problem (item, error, self->user_data);
        }
      return;
    }

  if (item->household != NULL)
    {
      if (banso_household_write_row (self->txn, item->household, self->flags, &error))
        {
          self->households++;
          self->members += item->household->members;
          return;
        }
    }
  else
    {
      g_autofree char *id = banso_village_create_with_id (self->txn, item->village, item->commune,
                                                         item->name, NULL, &error);
      if (id != NULL)
        return;
    }
  g_atomic_int_set (&self->stopped, TRUE);
  self->problem (item, error, self->user_data);
}

static gpointer
writer_thread (gpointer data)
{
  BansoImportWriter *self = data;

  for (;;)
    {
      GPtrArray *batch = g_async_queue_pop (self->full);

      if (batch == (gpointer)&end_of_items)
        return NULL;
      for (guint i = 0; i < batch->len; i++)
        write_item (self, g_ptr_array_index (batch, i));
      /* The reading thread allocated the items and frees them: memory freed
       * in the thread that made it stays out of the allocator's locks. */
      g_async_queue_push (self->slots, batch);
    }
}

/* A slot is a token at first, then a batch the writer is done with: its
 * rows and the batch itself are kept to be filled again. */
static void
release_slot (BansoImportWriter *self,
              gpointer           slot)
{
  GPtrArray *batch = slot;

  if (slot == &slot_token)
    return;
  for (guint i = 0; i < batch->len; i++)
    {
      BansoImportItem *item = g_ptr_array_index (batch, i);

      if (item->household != NULL)
        {
          banso_household_row_release (item->household);
          g_ptr_array_add (self->spare_rows, g_steal_pointer (&item->household));
        }
      item_free (item);
    }
  g_ptr_array_set_size (batch, 0);
  if (self->spare_batch == NULL)
    self->spare_batch = batch;
  else
    g_ptr_array_unref (batch);
}

static GPtrArray *
new_batch (BansoImportWriter *self)
{
  if (self->spare_batch != NULL)
    return g_steal_pointer (&self->spare_batch);
  return g_ptr_array_sized_new (BATCH);
}

/**
 * banso_import_writer_start:
 * @txn: the import's transaction, which the writer alone uses until
 *   banso_import_writer_finish()
 * @flags: for banso_household_write_row()
 * @problem: called, in the writing thread, for each item that cannot be
 *   written
 */
BansoImportWriter *
banso_import_writer_start (BansoTxn               *txn,
                           BansoDocPutFlags        flags,
                           BansoImportProblemFunc  problem,
                           gpointer                user_data)
{
  BansoImportWriter *self = g_new0 (BansoImportWriter, 1);

  self->txn = txn;
  self->flags = flags;
  self->problem = problem;
  self->user_data = user_data;
  self->full = g_async_queue_new ();
  self->slots = g_async_queue_new ();
  for (guint i = 0; i < AHEAD; i++)
    g_async_queue_push (self->slots, &slot_token);
  self->spare_rows = g_ptr_array_new_with_free_func ((GDestroyNotify)banso_household_row_free);
  self->batch = new_batch (self);
  self->thread = g_thread_new ("banso-import", writer_thread, self);
  return self;
}

/**
 * banso_import_writer_take_row:
 *
 * Returns: (transfer full): a row to fill with banso_household_row_fill() and
 *   push: one of a household already written when there is one
 */
BansoHouseholdRow *
banso_import_writer_take_row (BansoImportWriter *self)
{
  if (self->spare_rows->len > 0)
    return g_ptr_array_steal_index_fast (self->spare_rows, self->spare_rows->len - 1);
  return banso_household_row_new ();
}

/**
 * banso_import_writer_push:
 * @item: (transfer full): written after every item pushed before
 *
 * Waits when the writer is far behind.
 */
void
banso_import_writer_push (BansoImportWriter *self,
                          BansoImportItem   *item)
{
  g_ptr_array_add (self->batch, item);
  if (self->batch->len < BATCH)
    return;
  release_slot (self, g_async_queue_pop (self->slots));
  g_async_queue_push (self->full, g_steal_pointer (&self->batch));
  self->batch = new_batch (self);
}

/**
 * banso_import_writer_stop:
 *
 * Something is wrong with the import: write nothing more, only look up the
 * households that carry an id. Callable from either thread.
 */
void
banso_import_writer_stop (BansoImportWriter *self)
{
  g_atomic_int_set (&self->stopped, TRUE);
}

/**
 * banso_import_writer_finish:
 *
 * Writes what is left, waits for the writer and frees it; the transaction is
 * the caller's again.
 */
void
banso_import_writer_finish (BansoImportWriter *self,
                            guint             *households,
                            guint             *members)
{
  if (self->batch->len > 0)
    g_async_queue_push (self->full, g_steal_pointer (&self->batch));
  g_clear_pointer (&self->batch, g_ptr_array_unref);
  g_async_queue_push (self->full, &end_of_items);
  g_thread_join (self->thread);
  for (gpointer slot; (slot = g_async_queue_try_pop (self->slots)) != NULL; )
    release_slot (self, slot);
  g_clear_pointer (&self->spare_batch, g_ptr_array_unref);
  g_ptr_array_unref (self->spare_rows);

  *households = self->households;
  *members = self->members;
  g_async_queue_unref (self->full);
  g_async_queue_unref (self->slots);
  g_free (self);
}
