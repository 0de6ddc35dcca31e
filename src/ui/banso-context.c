/* banso-context.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include "banso-context.h"
#include "banso-reference.h"

/* What every page needs and nothing else owns: the store, the settings, the
 * acting user, the sync manager and the small reference lists (54 groups, 34
 * provinces) that are read once when the database opens.
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
  BansoSyncManager *sync_manager;
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

  g_clear_object (&self->sync_manager);
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

/* The sync manager records pulled changes under the acting user, so it
 * follows every change of user. */
void
banso_context_set_user (BansoContext *self,
                        BansoUser    *user)
{
  if (!g_set_object (&self->user, user))
    return;
  if (self->sync_manager != NULL && user != NULL)
    banso_sync_manager_set_user (self->sync_manager, user);
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

/**
 * banso_context_get_sync_manager:
 *
 * Returns: (transfer none) (nullable): the one sync manager of the open
 *   database, %NULL until the application made it or after shutdown
 */
BansoSyncManager *
banso_context_get_sync_manager (BansoContext *self)
{
  return self->sync_manager;
}

void
banso_context_set_sync_manager (BansoContext     *self,
                                BansoSyncManager *manager)
{
  g_set_object (&self->sync_manager, manager);
  if (manager != NULL && self->user != NULL)
    banso_sync_manager_set_user (manager, self->user);
}

/**
 * banso_context_shutdown:
 *
 * Stops what runs in the background for the open database: the sync
 * manager's timers, its network watch and a run under way. Pages may still
 * hold the manager; it stays a valid, idle object.
 */
void
banso_context_shutdown (BansoContext *self)
{
  g_autoptr(BansoSyncManager) manager = g_steal_pointer (&self->sync_manager);

  if (manager != NULL)
    g_object_run_dispose (G_OBJECT (manager));
}
