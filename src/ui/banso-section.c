/* banso-section.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <gobject/gvaluecollector.h>

#include "banso-section.h"

/* The window knows its sections only through this interface and the
 * registry below: a new section is a folder under src/ui whose meson.build
 * names its registration function, with no change to the window. */

G_DEFINE_INTERFACE (BansoSection, banso_section, GTK_TYPE_WIDGET)

static GListModel *
banso_section_real_get_model (BansoSection *self)
{
  return NULL;
}

static void
banso_section_default_init (BansoSectionInterface *iface)
{
  iface->get_model = banso_section_real_get_model;

  g_object_interface_install_property (iface,
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_interface_install_property (iface,
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_interface_install_property (iface,
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* A short text in the sidebar row (a count waiting for the user), and the
   * sentence a screen reader and the tooltip give for it; NULL for none. */
  g_object_interface_install_property (iface,
    g_param_spec_string ("badge", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_interface_install_property (iface,
    g_param_spec_string ("badge-description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_interface_install_property (iface,
    g_param_spec_boolean ("searchable", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_interface_install_property (iface,
    g_param_spec_boolean ("search-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  /* The BansoSectionCommands the section answers. */
  g_object_interface_install_property (iface,
    g_param_spec_uint ("commands", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
}

/**
 * banso_section_override_properties:
 * @first_prop_id: the id of the first of eight consecutive property ids
 *
 * Overrides the section's properties in a class implementing it, with the
 * ids @first_prop_id onwards in this order: title, summary, icon-name,
 * badge, badge-description, searchable, search-mode, commands.
 */
void
banso_section_override_properties (GObjectClass *klass,
                                   guint         first_prop_id)
{
  static const char *const names[] = {
    "title", "summary", "icon-name", "badge", "badge-description", "searchable",
    "search-mode", "commands",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_object_class_override_property (klass, first_prop_id + i, names[i]);
}

void
banso_section_set_context (BansoSection *self,
                           BansoContext *context)
{
  g_return_if_fail (BANSO_IS_SECTION (self));
  g_return_if_fail (BANSO_IS_CONTEXT (context));

  BANSO_SECTION_GET_IFACE (self)->set_context (self, context);
}

void
banso_section_run_command (BansoSection         *self,
                           BansoSectionCommands  command)
{
  g_return_if_fail (BANSO_IS_SECTION (self));

  if ((banso_section_get_commands (self) & command) != 0 &&
      BANSO_SECTION_GET_IFACE (self)->run_command != NULL)
    BANSO_SECTION_GET_IFACE (self)->run_command (self, command);
}

GListModel *
banso_section_get_model (BansoSection *self)
{
  g_return_val_if_fail (BANSO_IS_SECTION (self), NULL);

  return BANSO_SECTION_GET_IFACE (self)->get_model (self);
}

char *
banso_section_dup_title (BansoSection *self)
{
  char *title = NULL;

  g_return_val_if_fail (BANSO_IS_SECTION (self), NULL);

  g_object_get (self, "title", &title, NULL);
  return title;
}

char *
banso_section_dup_summary (BansoSection *self)
{
  char *summary = NULL;

  g_return_val_if_fail (BANSO_IS_SECTION (self), NULL);

  g_object_get (self, "summary", &summary, NULL);
  return summary;
}

gboolean
banso_section_get_searchable (BansoSection *self)
{
  gboolean searchable = FALSE;

  g_return_val_if_fail (BANSO_IS_SECTION (self), FALSE);

  g_object_get (self, "searchable", &searchable, NULL);
  return searchable;
}

gboolean
banso_section_get_search_mode (BansoSection *self)
{
  gboolean search_mode = FALSE;

  g_return_val_if_fail (BANSO_IS_SECTION (self), FALSE);

  g_object_get (self, "search-mode", &search_mode, NULL);
  return search_mode;
}

void
banso_section_set_search_mode (BansoSection *self,
                               gboolean      search_mode)
{
  g_return_if_fail (BANSO_IS_SECTION (self));

  if (banso_section_get_searchable (self))
    g_object_set (self, "search-mode", search_mode, NULL);
}

BansoSectionCommands
banso_section_get_commands (BansoSection *self)
{
  guint commands = 0;

  g_return_val_if_fail (BANSO_IS_SECTION (self), 0);

  g_object_get (self, "commands", &commands, NULL);
  return commands;
}

static GPtrArray *registry;

static int
compare_position (gconstpointer a,
                  gconstpointer b)
{
  const BansoSectionInfo *info_a = *(const BansoSectionInfo **)a;
  const BansoSectionInfo *info_b = *(const BansoSectionInfo **)b;

  return (info_a->position > info_b->position) - (info_a->position < info_b->position);
}

/**
 * banso_section_register:
 * @id: the section's name, unique
 * @position: its place in the sidebar, lowest first
 * @type: the widget type of its page, implementing #BansoSection
 * @first_property_name: (nullable): construct properties of the page, as
 *   for g_object_new(), ending with %NULL
 *
 * Adds a section to the window. Registering an id twice is a programming
 * error.
 */
void
banso_section_register (const char *id,
                        int         position,
                        GType       type,
                        const char *first_property_name,
                        ...)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autoptr(GArray) names = g_array_new (FALSE, FALSE, sizeof (const char *));
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (GValue));
  BansoSectionInfo *info;
  const char *name;
  va_list args;

  g_return_if_fail (id != NULL);
  g_return_if_fail (g_type_is_a (type, GTK_TYPE_WIDGET));
  g_return_if_fail (g_type_is_a (type, BANSO_TYPE_SECTION));

  if (registry == NULL)
    registry = g_ptr_array_new ();
  for (guint i = 0; i < registry->len; i++)
    g_return_if_fail (g_strcmp0 (((BansoSectionInfo *)registry->pdata[i])->id, id) != 0);

  klass = g_type_class_ref (type);
  va_start (args, first_property_name);
  for (name = first_property_name; name != NULL; name = va_arg (args, const char *))
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), name);
      g_autofree char *error = NULL;
      GValue value = G_VALUE_INIT;

      if (pspec == NULL)
        {
          g_critical ("%s: section “%s”: %s has no property “%s”", G_STRFUNC, id,
                      g_type_name (type), name);
          break;
        }
      G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &error);
      if (error != NULL)
        {
          g_critical ("%s: section “%s”: %s", G_STRFUNC, id, error);
          break;
        }
      name = g_intern_string (name);
      g_array_append_val (names, name);
      g_array_append_val (values, value);
    }
  va_end (args);

  info = g_new0 (BansoSectionInfo, 1);
  info->id = g_strdup (id);
  info->position = position;
  info->type = type;
  info->n_properties = names->len;
  info->names = (const char **)(gpointer)g_array_free (g_steal_pointer (&names), FALSE);
  info->values = (GValue *)(gpointer)g_array_free (g_steal_pointer (&values), FALSE);
  g_ptr_array_add (registry, info);
  g_ptr_array_sort (registry, compare_position);
}

/**
 * banso_section_list:
 *
 * Returns: (transfer container) (element-type BansoSectionInfo): the
 *   registered sections in sidebar order
 */
GPtrArray *
banso_section_list (void)
{
  GPtrArray *list = g_ptr_array_new ();

  for (guint i = 0; registry != NULL && i < registry->len; i++)
    g_ptr_array_add (list, registry->pdata[i]);
  return list;
}

/**
 * banso_section_info_create:
 *
 * Returns: (transfer floating): a new page of the section
 */
GtkWidget *
banso_section_info_create (const BansoSectionInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  return GTK_WIDGET (g_object_new_with_properties (info->type, info->n_properties,
                                                   info->names, info->values));
}

static GHashTable *draft_forms;

/**
 * banso_section_register_draft:
 * @kind: the kind of the drafts (banso_draft_wrap()'s)
 * @reopen: how to reopen a form from one
 *
 * A section says which form a kept draft reopens in at the next start.
 */
void
banso_section_register_draft (const char       *kind,
                              BansoDraftReopen  reopen)
{
  g_return_if_fail (kind != NULL);
  g_return_if_fail (reopen != NULL);

  if (draft_forms == NULL)
    draft_forms = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (draft_forms, (gpointer)g_intern_string (kind), reopen);
}

/**
 * banso_section_reopen_draft:
 *
 * Returns: (transfer floating) (nullable): the form of a kept draft, or
 *   %NULL when no section knows its kind or it cannot be read
 */
GtkWindow *
banso_section_reopen_draft (BansoContext *context,
                            const char   *kind,
                            const char   *key,
                            const char   *body)
{
  BansoDraftReopen reopen;

  g_return_val_if_fail (BANSO_IS_CONTEXT (context), NULL);

  reopen = draft_forms && kind ? g_hash_table_lookup (draft_forms, kind) : NULL;
  return reopen != NULL ? reopen (context, key, body) : NULL;
}
