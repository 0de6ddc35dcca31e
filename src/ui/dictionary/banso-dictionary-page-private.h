/* banso-dictionary-page-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "banso-dict-entry-view.h"
#include "banso-dict-tasks.h"
#include "banso-dictionary-page.h"

G_BEGIN_DECLS

struct _BansoDictionaryPage
{
  GtkWidget           parent_instance;

  BansoContext       *context;
  GCancellable       *search_cancellable;
  GCancellable       *entry_cancellable;
  GPtrArray          *dictionaries;      /* of BansoDictionaryInfo */
  char               *entry_id;
  BansoDictEntryDoc  *doc;               /* the entry shown */
  char               *letter;
  gboolean            search_mode;
  gulong              changed_id;

  GtkBox             *box;
  GtkRevealer        *progress_revealer;
  GtkProgressBar     *progress_bar;
  GCancellable       *file_cancellable;
  char               *import_path;

  GtkPaned           *paned;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *dictionary_drop;
  GtkScrolledWindow  *letters_scroller;
  GtkFlowBox         *letters_box;
  GtkStack           *results_stack;
  GtkListBox         *results_list;
  GtkListBox         *favourites_list;
  GtkListBox         *history_list;
  GtkLabel           *favourites_title;
  GtkLabel           *history_title;
  AdwStatusPage      *empty_page;
  GtkLabel           *suggestions_title;
  GtkFlowBox         *suggestions_box;
  GtkStack           *entry_stack;
  BansoDictEntryView *entry_view;
  GtkToggleButton    *favourite_button;
};

const char *_banso_dictionary_page_get_selected      (BansoDictionaryPage *self);
BansoDictionaryInfo *_banso_dictionary_page_find (BansoDictionaryPage *self,
                                                  const char          *id);
void        _banso_dictionary_page_class_init_files  (GtkWidgetClass      *widget_class);
void        _banso_dictionary_page_class_init_edit   (GtkWidgetClass      *widget_class);
void        _banso_dictionary_page_update_edit_actions (BansoDictionaryPage *self);

G_END_DECLS
