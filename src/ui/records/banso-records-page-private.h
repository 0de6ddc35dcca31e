/* banso-records-page-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-record-list.h"
#include "banso-records.h"
#include "banso-records-kind.h"
#include "banso-records-page.h"

G_BEGIN_DECLS

struct _BansoRecordsPage
{
  GtkWidget          parent_instance;

  const BansoRecordsKind *info;
  BansoContext      *context;
  BansoRecordList   *list;
  GtkSingleSelection *selection;
  char              *summary;
  GCancellable      *cancellable;
  char              *pending_commune;
  GtkSorter         *view_sorter;
  GPtrArray         *communes;      /* of BansoRefItem: the home province's */
  AdwToast          *undo_toast;    /* weak: the Undo of the last removal, while shown */

  GtkWidget         *box;
  GtkSearchBar      *search_bar;
  GtkSearchEntry    *search_entry;
  GtkFlowBox        *filter_box;
  GtkDropDown       *commune_drop;
  GtkDropDown       *village_drop;
  GtkDropDown       *ethnic_drop;
  GtkDropDown       *status_drop;
  GtkStack          *list_stack;
  GtkColumnView     *column_view;
  AdwStatusPage     *empty_page;
  AdwStatusPage     *error_page;
  GtkButton         *add_button;
  GtkMenuButton     *file_button;
  GtkLabel          *count_label;
};

BansoRecordRow *_banso_records_page_get_selected (BansoRecordsPage *self);
void            _banso_records_page_class_init_actions (GtkWidgetClass *widget_class);
void            _banso_records_page_update_actions     (BansoRecordsPage *self);
void            _banso_records_page_dismiss_undo       (BansoRecordsPage *self);
void            _banso_records_page_row_activated      (GtkColumnView    *view,
                                                        guint             position,
                                                        BansoRecordsPage *self);

void            _banso_records_page_import_file        (BansoRecordsPage *self,
                                                        GFile            *file);
void            _banso_records_page_export_file        (BansoRecordsPage *self,
                                                        GFile            *file);

G_END_DECLS
