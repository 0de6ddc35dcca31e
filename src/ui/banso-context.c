/* banso-context.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include "banso-context.h"
#include "banso-reference.h"

/* What every page needs and nothing else owns: the store, the settings, the
 * acting user and the small reference lists (54 groups, 34 provinces) that
 * are read once when the database opens.
 */
struct _BansoContext
{
  GObject     parent_instance;
  BansoStore *store;
  GSettings  *settings;
  BansoUser  *user;
  GPtrArray  *ethnic_groups;
  GPtrArray  *provinces;
  char       *home_province;
  GPtrArray  *users;
  gboolean    demo;
};

G_DEFINE_FINAL_TYPE (BansoContext, banso_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_USER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
banso_context_finalize (GObject *object)
{
  BansoContext *self = (BansoContext *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->user);
  g_clear_pointer (&self->ethnic_groups, g_ptr_array_unref);
  g_clear_pointer (&self->provinces, g_ptr_array_unref);
  g_free (self->home_province);
  g_clear_pointer (&self->users, g_ptr_array_unref);

  G_OBJECT_CLASS (banso_context_parent_class)->finalize (object);
}

static void
banso_context_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BansoContext *self = BANSO_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_USER:
      g_value_set_object (value, self->user);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
banso_context_class_init (BansoContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = banso_context_finalize;
  object_class->get_property = banso_context_get_property;

  properties[PROP_USER] =
    g_param_spec_object ("user", NULL, NULL, BANSO_TYPE_USER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
banso_context_init (BansoContext *self)
{
}

BansoContext *
banso_context_new (BansoStore *store,
                   GSettings  *settings,
                   GPtrArray  *ethnic_groups,
                   GPtrArray  *provinces)
{
  BansoContext *self = g_object_new (BANSO_TYPE_CONTEXT, NULL);

  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  self->ethnic_groups = g_ptr_array_ref (ethnic_groups);
  self->provinces = g_ptr_array_ref (provinces);
  self->home_province = g_strdup ("14");
  return self;
}

BansoStore *
banso_context_get_store (BansoContext *self)
{
  return self->store;
}

GSettings *
banso_context_get_settings (BansoContext *self)
{
  return self->settings;
}

BansoUser *
banso_context_get_user (BansoContext *self)
{
  return self->user;
}

void
banso_context_set_user (BansoContext *self,
                        BansoUser    *user)
{
  if (g_set_object (&self->user, user))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
}

GPtrArray *
banso_context_get_ethnic_groups (BansoContext *self)
{
  return self->ethnic_groups;
}

GPtrArray *
banso_context_get_provinces (BansoContext *self)
{
  return self->provinces;
}

/* The province new records default to: where the office's records already are. */
const char *
banso_context_get_home_province (BansoContext *self)
{
  return self->home_province;
}

void
banso_context_set_home_province (BansoContext *self,
                                 const char   *code)
{
  g_free (self->home_province);
  self->home_province = g_strdup (code);
}

gboolean
banso_context_get_demo (BansoContext *self)
{
  return self->demo;
}

void
banso_context_set_demo (BansoContext *self,
                        gboolean      demo)
{
  self->demo = demo;
}

/* The users of this database, read when it was opened: a handful of rows. */
GPtrArray *
banso_context_get_users (BansoContext *self)
{
  return self->users;
}

void
banso_context_set_users (BansoContext *self,
                         GPtrArray    *users)
{
  g_clear_pointer (&self->users, g_ptr_array_unref);
  self->users = users ? g_ptr_array_ref (users) : NULL;
}
