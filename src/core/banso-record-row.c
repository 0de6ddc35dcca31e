/* banso-record-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-core"

#include "config.h"

#include "banso-record-row.h"

/* One row of a record list. Lists hand out empty rows at once and fill them
 * when their page arrives from the database, so scrolling never waits on SQL.
 */
struct _BansoRecordRow
{
  GObject   parent_instance;
  char     *id;
  char     *values[BANSO_RECORD_ROW_MAX_VALUES];
  gboolean  loaded;
};

G_DEFINE_FINAL_TYPE (BansoRecordRow, banso_record_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
banso_record_row_finalize (GObject *object)
{
  BansoRecordRow *self = (BansoRecordRow *)object;

  g_free (self->id);
  for (guint i = 0; i < BANSO_RECORD_ROW_MAX_VALUES; i++)
    g_free (self->values[i]);

  G_OBJECT_CLASS (banso_record_row_parent_class)->finalize (object);
}

static void
banso_record_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BansoRecordRow *self = BANSO_RECORD_ROW (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
banso_record_row_class_init (BansoRecordRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = banso_record_row_finalize;
  object_class->get_property = banso_record_row_get_property;

  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
banso_record_row_init (BansoRecordRow *self)
{
}

BansoRecordRow *
banso_record_row_new (void)
{
  return g_object_new (BANSO_TYPE_RECORD_ROW, NULL);
}

gboolean
banso_record_row_get_loaded (BansoRecordRow *self)
{
  g_return_val_if_fail (BANSO_IS_RECORD_ROW (self), FALSE);
  return self->loaded;
}

const char *
banso_record_row_get_id (BansoRecordRow *self)
{
  g_return_val_if_fail (BANSO_IS_RECORD_ROW (self), NULL);
  return self->id;
}

const char *
banso_record_row_get_value (BansoRecordRow *self,
                            guint           column)
{
  g_return_val_if_fail (BANSO_IS_RECORD_ROW (self), NULL);

  if (column >= BANSO_RECORD_ROW_MAX_VALUES || self->values[column] == NULL)
    return "";
  return self->values[column];
}

void
banso_record_row_set (BansoRecordRow     *self,
                      const char         *id,
                      const char * const *values,
                      guint               n_values)
{
  g_return_if_fail (BANSO_IS_RECORD_ROW (self));

  g_free (self->id);
  self->id = g_strdup (id);
  for (guint i = 0; i < BANSO_RECORD_ROW_MAX_VALUES; i++)
    {
      g_free (self->values[i]);
      self->values[i] = i < n_values ? g_strdup (values[i]) : NULL;
    }

  self->loaded = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

void
banso_record_row_fill_from (BansoRecordRow *self,
                            BansoRecordRow *other)
{
  banso_record_row_set (self, other->id, (const char * const *)other->values,
                        BANSO_RECORD_ROW_MAX_VALUES);
}
