/* banso-record-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-core"

#include "config.h"

#include "banso-record-list.h"

#define PAGE_SIZE 100
#define MAX_PAGES 64
#define MAX_IN_FLIGHT 2

/* A list model over a million records that never holds them all and never runs
 * SQL on the main loop: it counts in a worker thread, hands out empty rows at
 * once, and fills each page of rows when a worker has read it.
 */
struct _BansoRecordList
{
  GObject            parent_instance;

  BansoStore        *store;
  BansoRecordSource *source;
  BansoRecordFilter *filter;

  guint              n_items;
  guint              generation;
  gboolean           loading;
  GError            *error;

  GHashTable        *pages;       /* page number → GPtrArray of BansoRecordRow */
  GQueue             page_order;  /* least recently touched first */

  /* Pages asked for but not yet being read, newest first: when the user flings
   * the list, only the pages that end up on screen are read. */
  GQueue             wanted;
  guint              in_flight;
};

enum {
  PROP_0,
  PROP_COUNT,
  PROP_LOADING,
  N_PROPS
};

enum {
  RELOADED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GType
banso_record_list_get_item_type (GListModel *model)
{
  return BANSO_TYPE_RECORD_ROW;
}

static guint
banso_record_list_get_n_items (GListModel *model)
{
  return BANSO_RECORD_LIST (model)->n_items;
}

typedef struct
{
  BansoRecordSource *source;
  BansoRecordFilter *filter;
  guint              generation;
  guint              page;
  gboolean           count;
  guint              n_rows;
  guint              total;
  GPtrArray         *rows;
} Request;

static void
request_free (Request *request)
{
  g_clear_object (&request->source);
  banso_record_filter_free (request->filter);
  g_clear_pointer (&request->rows, g_ptr_array_unref);
  g_free (request);
}

static void
run_request (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  BansoRecordList *self = source_object;
  Request *request = task_data;
  GError *error = NULL;
  sqlite3 *db;

  if (!(db = banso_store_acquire_reader (self->store, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  /* Count and first page in one read transaction: they must agree. */
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  if (request->count &&
      !banso_record_source_count (request->source, db, request->filter, &request->n_rows, &error))
    goto out;

  request->rows = banso_record_source_fetch (request->source, db, request->filter,
                                             request->page * PAGE_SIZE, PAGE_SIZE,
                                             request->count ? request->n_rows : request->total,
                                             &error);

out:
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  banso_store_release_reader (self->store, db);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
touch_page (BansoRecordList *self,
            guint            page)
{
  g_queue_remove (&self->page_order, GUINT_TO_POINTER (page));
  g_queue_push_tail (&self->page_order, GUINT_TO_POINTER (page));

  while (self->page_order.length > MAX_PAGES)
    {
      guint old = GPOINTER_TO_UINT (g_queue_pop_head (&self->page_order));
      g_hash_table_remove (self->pages, GUINT_TO_POINTER (old));
    }
}

static GPtrArray *
ensure_page (BansoRecordList *self,
             guint            page)
{
  GPtrArray *rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  guint first = page * PAGE_SIZE;
  guint n;

  if (rows != NULL)
    return rows;

  n = MIN (PAGE_SIZE, self->n_items - first);
  rows = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (rows, banso_record_row_new ());
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
  return rows;
}

static void
fill_page (BansoRecordList *self,
           guint            page,
           GPtrArray       *fetched)
{
  GPtrArray *rows = ensure_page (self, page);

  for (guint i = 0; i < rows->len && i < fetched->len; i++)
    banso_record_row_fill_from (g_ptr_array_index (rows, i), g_ptr_array_index (fetched, i));
}

static void set_loading   (BansoRecordList *self,
                           gboolean         loading);
static void pump_requests (BansoRecordList *self);

static void
request_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  BansoRecordList *self = BANSO_RECORD_LIST (object);
  Request *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!request->count)
    {
      self->in_flight--;
      pump_requests (self);
    }

  if (request->generation != self->generation)
    return;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_warning ("Could not read records: %s", error->message);
      if (request->count)
        {
          g_clear_error (&self->error);
          self->error = g_steal_pointer (&error);
          set_loading (self, FALSE);
          g_signal_emit (self, signals[RELOADED], 0);
        }
      return;
    }

  if (request->count)
    {
      guint old = self->n_items;

      g_hash_table_remove_all (self->pages);
      g_queue_clear (&self->page_order);
      g_queue_clear (&self->wanted);
      g_clear_error (&self->error);

      /* Removing and adding in two steps: replacing all items in one step
       * makes GTK look up every new position for the row it was tracking,
       * which here would read the whole table. */
      self->n_items = 0;
      if (old > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, old, 0);
      self->n_items = request->n_rows;
      if (self->n_items > 0)
        {
          fill_page (self, 0, request->rows);
          touch_page (self, 0);
          g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->n_items);
        }
      if (old != self->n_items)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
      set_loading (self, FALSE);
      g_signal_emit (self, signals[RELOADED], 0);
    }
  else
    {
      fill_page (self, request->page, request->rows);
    }
}

static void
start_request (BansoRecordList *self,
               guint            page,
               gboolean         count)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, request_done, NULL);
  Request *request = g_new0 (Request, 1);

  request->source = g_object_ref (self->source);
  request->filter = banso_record_filter_copy (self->filter);
  request->generation = self->generation;
  request->page = page;
  request->count = count;
  request->total = self->n_items;

  g_task_set_source_tag (task, start_request);
  g_task_set_task_data (task, request, (GDestroyNotify)request_free);
  g_task_run_in_thread (task, run_request);
}

static void
pump_requests (BansoRecordList *self)
{
  while (self->in_flight < MAX_IN_FLIGHT && self->wanted.length > 0)
    {
      guint page = GPOINTER_TO_UINT (g_queue_pop_head (&self->wanted));

      /* A page evicted while it waited is not read. */
      if (!g_hash_table_contains (self->pages, GUINT_TO_POINTER (page)))
        continue;
      self->in_flight++;
      start_request (self, page, FALSE);
    }
}

static gpointer
banso_record_list_get_item (GListModel *model,
                            guint       position)
{
  BansoRecordList *self = BANSO_RECORD_LIST (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *rows;

  if (position >= self->n_items)
    return NULL;

  if (!g_hash_table_contains (self->pages, GUINT_TO_POINTER (page)))
    {
      ensure_page (self, page);
      g_queue_push_head (&self->wanted, GUINT_TO_POINTER (page));
      pump_requests (self);
    }
  touch_page (self, page);

  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  return g_object_ref (g_ptr_array_index (rows, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = banso_record_list_get_item_type;
  iface->get_n_items = banso_record_list_get_n_items;
  iface->get_item = banso_record_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (BansoRecordList, banso_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
set_loading (BansoRecordList *self,
             gboolean         loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
on_store_changed (BansoStore      *store,
                  const char      *type,
                  BansoRecordList *self)
{
  banso_record_list_reload (self);
}

static void
banso_record_list_dispose (GObject *object)
{
  BansoRecordList *self = (BansoRecordList *)object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);
  g_clear_object (&self->store);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (banso_record_list_parent_class)->dispose (object);
}

static void
banso_record_list_finalize (GObject *object)
{
  BansoRecordList *self = (BansoRecordList *)object;

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_queue_clear (&self->page_order);
  g_queue_clear (&self->wanted);
  g_clear_pointer (&self->filter, banso_record_filter_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (banso_record_list_parent_class)->finalize (object);
}

static void
banso_record_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BansoRecordList *self = BANSO_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_COUNT:
      g_value_set_uint (value, self->n_items);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
banso_record_list_class_init (BansoRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = banso_record_list_dispose;
  object_class->finalize = banso_record_list_finalize;
  object_class->get_property = banso_record_list_get_property;

  properties[PROP_COUNT] =
    g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BansoRecordList::reloaded:
   *
   * Emitted when a new count and the first page have arrived (or failed).
   */
  signals[RELOADED] =
    g_signal_new ("reloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
banso_record_list_init (BansoRecordList *self)
{
  self->filter = banso_record_filter_new ();
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
  g_queue_init (&self->page_order);
  g_queue_init (&self->wanted);
}

/**
 * banso_record_list_new:
 * @source: where the rows come from: one kind of record's list
 */
BansoRecordList *
banso_record_list_new (BansoStore        *store,
                       BansoRecordSource *source)
{
  g_autofree char *signal = NULL;
  BansoRecordList *self;

  g_return_val_if_fail (BANSO_IS_STORE (store), NULL);
  g_return_val_if_fail (BANSO_IS_RECORD_SOURCE (source), NULL);

  self = g_object_new (BANSO_TYPE_RECORD_LIST, NULL);
  self->store = g_object_ref (store);
  self->source = g_object_ref (source);
  signal = g_strconcat ("changed::", banso_record_source_get_changed_type (source), NULL);
  g_signal_connect_object (store, signal, G_CALLBACK (on_store_changed), self, 0);
  banso_record_list_reload (self);
  return self;
}

const BansoRecordFilter *
banso_record_list_get_filter (BansoRecordList *self)
{
  g_return_val_if_fail (BANSO_IS_RECORD_LIST (self), NULL);
  return self->filter;
}

void
banso_record_list_set_filter (BansoRecordList         *self,
                              const BansoRecordFilter *filter)
{
  g_return_if_fail (BANSO_IS_RECORD_LIST (self));

  if (banso_record_filter_equal (self->filter, filter))
    return;

  banso_record_filter_free (self->filter);
  self->filter = banso_record_filter_copy (filter);
  banso_record_list_reload (self);
}

/**
 * banso_record_list_reload:
 *
 * Counts again and reads the first page; pages already shown are replaced when
 * the count arrives, so the list never shows a mix of old and new rows.
 */
void
banso_record_list_reload (BansoRecordList *self)
{
  g_return_if_fail (BANSO_IS_RECORD_LIST (self));

  self->generation++;
  set_loading (self, TRUE);
  start_request (self, 0, TRUE);
}

guint
banso_record_list_get_count (BansoRecordList *self)
{
  g_return_val_if_fail (BANSO_IS_RECORD_LIST (self), 0);
  return self->n_items;
}

gboolean
banso_record_list_get_loading (BansoRecordList *self)
{
  g_return_val_if_fail (BANSO_IS_RECORD_LIST (self), FALSE);
  return self->loading;
}

const GError *
banso_record_list_get_error (BansoRecordList *self)
{
  g_return_val_if_fail (BANSO_IS_RECORD_LIST (self), NULL);
  return self->error;
}
