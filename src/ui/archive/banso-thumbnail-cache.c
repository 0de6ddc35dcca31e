/* banso-thumbnail-cache.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The grid's thumbnails, read and decoded in worker threads when a card first shows them
 * and kept for the next time: scrolling through 10,000 items decodes each picture once,
 * never on the main loop. The last asked for are read first, so that the cards on screen
 * fill before those scrolled past. At most LIMIT are kept.
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include "banso-archive-tasks.h"
#include "banso-thumbnail-cache.h"

#define LIMIT 1500
#define IN_FLIGHT 3
#define CARD_WIDTH 200
#define CARD_HEIGHT 150

struct _BansoThumbnailCache
{
  GObject       parent_instance;

  BansoStore   *store;
  BansoUser    *user;
  GHashTable   *textures;    /* item id → GdkTexture, or NULL when it has none */
  GQueue        order;       /* ids, oldest first, for eviction */
  GQueue        wanted;      /* ids to read, newest last */
  GHashTable   *pending;     /* ids asked for */
  guint         in_flight;
  GCancellable *cancellable;
};

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BansoThumbnailCache, banso_thumbnail_cache, G_TYPE_OBJECT)

static void pump (BansoThumbnailCache *self);

static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

typedef struct
{
  BansoThumbnailCache *cache;
  char                *id;
} Load;

/* Decodes in the worker too: the main loop only swaps the texture in. */
static void
decode_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  GBytes *png = data;
  GError *error = NULL;
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_bytes (png);
  /* At the size of a card: drawing a texture at its own size costs least. */
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_stream_at_scale (in, CARD_WIDTH, CARD_HEIGHT,
                                                                    TRUE, cancellable, &error);

  if (pixbuf == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, gdk_texture_new_for_pixbuf (pixbuf), g_object_unref);
}

static void
store (BansoThumbnailCache *self,
       const char          *id,
       GdkTexture          *texture)
{
  g_hash_table_replace (self->textures, g_strdup (id), texture);
  g_queue_push_tail (&self->order, g_strdup (id));
  while (self->order.length > LIMIT)
    {
      g_autofree char *old = g_queue_pop_head (&self->order);

      g_hash_table_remove (self->textures, old);
    }
  g_hash_table_remove (self->pending, id);
  self->in_flight--;
  g_signal_emit (self, signals[LOADED], 0, id);
  pump (self);
}

static void
on_decoded (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Load *load = user_data;
  GdkTexture *texture = g_task_propagate_pointer (G_TASK (result), NULL);

  if (!g_cancellable_is_cancelled (load->cache->cancellable))
    store (load->cache, load->id, texture);
  else
    g_clear_object (&texture);
  g_object_unref (load->cache);
  g_free (load->id);
  g_free (load);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Load *load = user_data;
  g_autoptr(GBytes) png = banso_archive_thumbnail_finish (result, NULL);

  if (png == NULL || g_cancellable_is_cancelled (load->cache->cancellable))
    {
      if (!g_cancellable_is_cancelled (load->cache->cancellable))
        store (load->cache, load->id, NULL);
      g_object_unref (load->cache);
      g_free (load->id);
      g_free (load);
      return;
    }
  {
    g_autoptr(GTask) task = g_task_new (NULL, load->cache->cancellable, on_decoded, load);

    g_task_set_task_data (task, g_bytes_ref (png), (GDestroyNotify) g_bytes_unref);
    g_task_run_in_thread (task, decode_thread);
  }
}

static void
pump (BansoThumbnailCache *self)
{
  while (self->in_flight < IN_FLIGHT && self->wanted.length > 0)
    {
      Load *load = g_new0 (Load, 1);

      load->cache = g_object_ref (self);
      load->id = g_queue_pop_tail (&self->wanted);
      self->in_flight++;
      banso_archive_thumbnail_async (self->store, self->user, load->id, self->cancellable,
                                     on_read, load);
    }
}

/**
 * banso_thumbnail_cache_lookup:
 *
 * Returns: (transfer none) (nullable): the item's thumbnail if it is read; otherwise %NULL,
 *   and #BansoThumbnailCache::loaded says when it is
 */
GdkTexture *
banso_thumbnail_cache_lookup (BansoThumbnailCache *self,
                              const char          *item_id)
{
  gpointer texture;

  if (g_hash_table_lookup_extended (self->textures, item_id, NULL, &texture))
    return texture;
  if (!g_hash_table_contains (self->pending, item_id))
    {
      g_hash_table_add (self->pending, g_strdup (item_id));
      g_queue_push_tail (&self->wanted, g_strdup (item_id));
      /* Keep the queue to what may still be on screen. */
      while (self->wanted.length > 200)
        {
          g_autofree char *old = g_queue_pop_head (&self->wanted);

          g_hash_table_remove (self->pending, old);
        }
      pump (self);
    }
  return NULL;
}

guint
banso_thumbnail_cache_get_size (BansoThumbnailCache *self)
{
  return g_hash_table_size (self->textures);
}

void
banso_thumbnail_cache_clear (BansoThumbnailCache *self)
{
  g_hash_table_remove_all (self->textures);
  g_queue_clear_full (&self->order, g_free);
}

BansoThumbnailCache *
banso_thumbnail_cache_new (BansoStore *store,
                           BansoUser  *user)
{
  BansoThumbnailCache *self = g_object_new (BANSO_TYPE_THUMBNAIL_CACHE, NULL);

  self->store = g_object_ref (store);
  self->user = user ? g_object_ref (user) : NULL;
  return self;
}

static void
banso_thumbnail_cache_dispose (GObject *object)
{
  BansoThumbnailCache *self = BANSO_THUMBNAIL_CACHE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->user);
  G_OBJECT_CLASS (banso_thumbnail_cache_parent_class)->dispose (object);
}

static void
banso_thumbnail_cache_finalize (GObject *object)
{
  BansoThumbnailCache *self = BANSO_THUMBNAIL_CACHE (object);

  g_hash_table_unref (self->textures);
  g_hash_table_unref (self->pending);
  g_queue_clear_full (&self->order, g_free);
  g_queue_clear_full (&self->wanted, g_free);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (banso_thumbnail_cache_parent_class)->finalize (object);
}

static void
banso_thumbnail_cache_class_init (BansoThumbnailCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = banso_thumbnail_cache_dispose;
  object_class->finalize = banso_thumbnail_cache_finalize;

  /**
   * BansoThumbnailCache::loaded:
   * @item_id: the item whose thumbnail was read (or found to be missing)
   */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
banso_thumbnail_cache_init (BansoThumbnailCache *self)
{
  self->textures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_nullable);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_queue_init (&self->order);
  g_queue_init (&self->wanted);
  self->cancellable = g_cancellable_new ();
}
