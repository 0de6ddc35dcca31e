/* banso-records-kind.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-context.h"
#include "banso-records.h"
#include "banso-section.h"

G_BEGIN_DECLS

typedef struct
{
  const char *key;      /* the sort key of BansoRecordsSource, NULL: not sortable */
  const char *title;    /* N_() */
  gboolean    expand;
} BansoRecordsColumn;

#define BANSO_RECORDS_N_COLUMNS 6

/**
 * BansoRecordsKind:
 *
 * What a records section shows of one kind of record and how it opens one:
 * all that differs between the Households and Prestigious Persons sections.
 * Strings are N_().
 */
typedef struct
{
  BansoRecordKind           kind;
  const char               *name;
  const char               *title;
  const char               *icon_name;
  const char               *add_label;
  const char               *search_placeholder;
  const char               *empty_title;
  const char               *empty_description;
  BansoRecordsColumn        columns[BANSO_RECORDS_N_COLUMNS];
  gboolean                  has_status_filter;
  BansoSectionCommands      commands;

  char      *(*format_count) (guint         count);
  GtkWindow *(*new_form)     (BansoContext *context,
                              gpointer      record);
  void       (*free_record)  (gpointer      record);
} BansoRecordsKind;

const BansoRecordsKind *banso_records_kind_lookup (const char *name);

G_END_DECLS
