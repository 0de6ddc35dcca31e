/* banso-dict-source.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Dictionary section's list. With a search, the results best first (at
 * most BANSO_DICT_SEARCH_LIMIT of them); without one, every entry in the
 * alphabet order, paged from the database. The filter's fields say:
 *   search  what is typed;
 *   ethnic  the language (BCP 47) whose entries are listed;
 *   status  the letter to browse (banso_dict_language_letters());
 *   village the dictionary whose entries are listed.
 */

#define G_LOG_DOMAIN "banso-dict"

#include "config.h"

#include "banso-dict.h"
#include "banso-dict-source.h"
#include "banso-record-row.h"

struct _BansoDictSource
{
  GObject              parent_instance;
  BansoDictSearchFlags flags;   /* set once, read by the workers */
};

static void record_source_iface_init (BansoRecordSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BansoDictSource, banso_dict_source, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BANSO_TYPE_RECORD_SOURCE,
                                                      record_source_iface_init))

static void
banso_dict_source_class_init (BansoDictSourceClass *klass)
{
}

static void
banso_dict_source_init (BansoDictSource *self)
{
}

/**
 * banso_dict_source_new:
 * @flags: how every search of the list is made
 */
BansoDictSource *
banso_dict_source_new (BansoDictSearchFlags flags)
{
  BansoDictSource *self = g_object_new (BANSO_TYPE_DICT_SOURCE, NULL);

  self->flags = flags;
  return self;
}

BansoDictSearchFlags
banso_dict_source_get_flags (BansoDictSource *self)
{
  g_return_val_if_fail (BANSO_IS_DICT_SOURCE (self), 0);
  return self->flags;
}

static const char *
source_get_changed_type (BansoRecordSource *source)
{
  return BANSO_DICT_ENTRY_TYPE;
}

static gboolean
has_search (const BansoRecordFilter *filter)
{
  return filter->search != NULL && *filter->search != '\0';
}

static const char *
nonempty (const char *s)
{
  return s != NULL && *s != '\0' ? s : NULL;
}

static BansoDictQuery *
make_query (BansoDictSource         *self,
            const BansoRecordFilter *filter)
{
  BansoDictQuery *query = banso_dict_query_new (filter->search);

  query->lang = g_strdup (nonempty (filter->ethnic));
  query->dictionary = g_strdup (nonempty (filter->village));
  query->flags = self->flags;
  return query;
}

static gboolean
source_count (BansoRecordSource        *source,
              sqlite3                  *db,
              const BansoRecordFilter  *filter,
              guint                    *n_rows,
              GError                  **error)
{
  BansoDictSource *self = BANSO_DICT_SOURCE (source);
  g_autoptr(BansoDictQuery) query = NULL;

  if (!has_search (filter))
    return banso_dict_browse_count (db, nonempty (filter->ethnic), nonempty (filter->status),
                                    nonempty (filter->village), n_rows, error);
  query = make_query (self, filter);
  return banso_dict_search_count (db, query, n_rows, error);
}

static GPtrArray *
source_fetch (BansoRecordSource        *source,
              sqlite3                  *db,
              const BansoRecordFilter  *filter,
              guint                     offset,
              guint                     limit,
              guint                     total,
              GError                  **error)
{
  BansoDictSource *self = BANSO_DICT_SOURCE (source);
  g_autoptr(GPtrArray) hits = NULL;
  GPtrArray *rows;

  if (has_search (filter))
    {
      g_autoptr(BansoDictQuery) query = make_query (self, filter);

      hits = banso_dict_search (db, query, error);
    }
  else
    hits = banso_dict_browse (db, nonempty (filter->ethnic), nonempty (filter->status),
                              nonempty (filter->village), offset, limit, error);
  if (hits == NULL)
    return NULL;

  rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = has_search (filter) ? offset : 0; i < hits->len && rows->len < limit; i++)
    {
      BansoDictHit *hit = g_ptr_array_index (hits, i);
      const char *values[BANSO_DICT_N_COLUMNS] = {
        hit->headword, hit->glosses, hit->lang, banso_dict_match_to_string (hit->match),
      };
      BansoRecordRow *row = banso_record_row_new ();

      banso_record_row_set (row, hit->id, values, BANSO_DICT_N_COLUMNS);
      g_ptr_array_add (rows, row);
    }
  return rows;
}

static void
record_source_iface_init (BansoRecordSourceInterface *iface)
{
  iface->get_changed_type = source_get_changed_type;
  iface->count = source_count;
  iface->fetch = source_fetch;
}
