/* banso-section.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "banso-context.h"

G_BEGIN_DECLS

/**
 * BansoSectionCommands:
 * @BANSO_SECTION_ADD: the section can add a record (Ctrl+N)
 * @BANSO_SECTION_IMPORT: the section can import a file (Ctrl+I)
 * @BANSO_SECTION_EXPORT: the section can export what it shows (Ctrl+E)
 *
 * The window's commands a section answers, wherever the focus is.
 */
typedef enum
{
  BANSO_SECTION_ADD    = 1 << 0,
  BANSO_SECTION_IMPORT = 1 << 1,
  BANSO_SECTION_EXPORT = 1 << 2,
} BansoSectionCommands;

#define BANSO_TYPE_SECTION (banso_section_get_type ())

G_DECLARE_INTERFACE (BansoSection, banso_section, BANSO, SECTION, GtkWidget)

/**
 * BansoSectionInterface:
 * @set_context: the database is open: the section loads what it shows
 * @run_command: one of the commands the section said it answers
 * @get_model: (nullable): the list the section shows, if it shows one
 *
 * A section of the main window: a page with a row in the sidebar. Besides
 * these, a section has the properties the window shows: #BansoSection:title
 * and #BansoSection:summary above the page, #BansoSection:icon-name and
 * #BansoSection:badge in its sidebar row, #BansoSection:searchable and
 * #BansoSection:search-mode for the search button, #BansoSection:commands
 * for the shortcuts.
 */
struct _BansoSectionInterface
{
  GTypeInterface parent_iface;

  void        (*set_context) (BansoSection         *self,
                              BansoContext         *context);
  void        (*run_command) (BansoSection         *self,
                              BansoSectionCommands  command);
  GListModel *(*get_model)   (BansoSection         *self);
};

void                 banso_section_override_properties (GObjectClass *klass,
                                                        guint         first_prop_id);

void                 banso_section_set_context     (BansoSection         *self,
                                                    BansoContext         *context);
void                 banso_section_run_command     (BansoSection         *self,
                                                    BansoSectionCommands  command);
GListModel          *banso_section_get_model       (BansoSection         *self);
char                *banso_section_dup_title       (BansoSection         *self);
char                *banso_section_dup_summary     (BansoSection         *self);
gboolean             banso_section_get_searchable  (BansoSection         *self);
gboolean             banso_section_get_search_mode (BansoSection         *self);
void                 banso_section_set_search_mode (BansoSection         *self,
                                                    gboolean              search_mode);
BansoSectionCommands banso_section_get_commands    (BansoSection         *self);

/**
 * BansoSectionInfo:
 * @id: the name of the section in settings, actions and the stack ("households")
 * @position: where its row goes in the sidebar, lowest first
 * @type: a #GtkWidget type implementing #BansoSection
 * @n_properties, @names, @values: the construct properties of its page
 *
 * A registered section.
 */
typedef struct
{
  char         *id;
  int           position;
  GType         type;
  guint         n_properties;
  const char  **names;
  GValue       *values;
} BansoSectionInfo;

void          banso_section_register      (const char *id,
                                           int         position,
                                           GType       type,
                                           const char *first_property_name,
                                           ...);
GPtrArray    *banso_section_list          (void);
GtkWidget    *banso_section_info_create   (const BansoSectionInfo *info);

/**
 * BansoDraftReopen:
 * @context: the open database
 * @key: the draft's key
 * @body: the draft as kept
 *
 * Reopens the form a draft was typed in.
 *
 * Returns: (transfer floating) (nullable): the form, %NULL when the draft
 *   cannot be read any more
 */
typedef GtkWindow *(*BansoDraftReopen) (BansoContext *context,
                                        const char   *key,
                                        const char   *body);

void          banso_section_register_draft (const char       *kind,
                                            BansoDraftReopen  reopen);
GtkWindow    *banso_section_reopen_draft   (BansoContext     *context,
                                            const char       *kind,
                                            const char       *key,
                                            const char       *body);

/* Made by the build: calls the registration function of every section
 * folder under src/ui. */
void          banso_sections_init         (void);

G_END_DECLS
