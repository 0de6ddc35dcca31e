/* banso-form.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "banso-context.h"

G_BEGIN_DECLS

#define BANSO_TYPE_FORM (banso_form_get_type ())

G_DECLARE_DERIVABLE_TYPE (BansoForm, banso_form, BANSO, FORM, AdwWindow)

/**
 * BansoFormSaveFunc:
 *
 * The shape of a domain call that saves a record, as a task of @store, and
 * removes @draft_key with it in one transaction: banso_household_save_async()
 * and banso_prestige_save_async() are of it.
 */
typedef void (*BansoFormSaveFunc) (BansoStore          *store,
                                   BansoUser           *user,
                                   gconstpointer        record,
                                   const char          *draft_key,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);

/**
 * BansoFormClass:
 * @collect: the record as the form shows it now, ready to be saved; or
 *   %NULL and an error whose message names the field to correct
 * @to_json: the record as JSON, also when it cannot be saved yet: the body
 *   of the draft, and what tells whether the form changed since it was loaded
 * @dup_saved_message: (nullable): what the toast says after a save
 *
 * A record form: the window, its Cancel and Save buttons, the draft kept
 * while typing, the question before typing is thrown away and the save.
 * The subclass gives the fields, as the form's body, and the record; it
 * tells its kind of record with banso_form_class_set_record().
 */
struct _BansoFormClass
{
  AdwWindowClass parent_class;

  gpointer  (*collect)           (BansoForm  *self,
                                  GError    **error);
  char     *(*to_json)           (BansoForm  *self);
  char     *(*dup_saved_message) (BansoForm  *self);

  /*< private >*/
  GType             record_type;
  BansoFormSaveFunc save_func;
  gpointer padding[8];
};

void          banso_form_class_set_record (BansoFormClass    *klass,
                                           const char        *kind,
                                           GType              record_type,
                                           BansoFormSaveFunc  save_func);

BansoContext *banso_form_get_context    (BansoForm      *self);
const char   *banso_form_get_doc_id     (BansoForm      *self);
const char   *banso_form_get_rev        (BansoForm      *self);
const char   *banso_form_get_draft_key  (BansoForm      *self);
GtkWidget    *banso_form_get_body       (BansoForm      *self);
void          banso_form_set_body       (BansoForm      *self,
                                         GtkWidget      *body);
gboolean      banso_form_get_dirty      (BansoForm      *self);
gboolean      banso_form_get_saving     (BansoForm      *self);
void          banso_form_set_read_only  (BansoForm      *self,
                                         const char     *reason);
gboolean      banso_form_get_read_only  (BansoForm      *self);

void          banso_form_begin_load     (BansoForm      *self,
                                         BansoContext   *context);
void          banso_form_end_load       (BansoForm      *self,
                                         const char     *doc_id,
                                         const char     *rev,
                                         const char     *draft_key);
void          banso_form_changed        (BansoForm      *self);
void          banso_form_revalidate     (BansoForm      *self);

char         *banso_form_read_draft     (const char     *kind,
                                         const char     *draft_key,
                                         const char     *draft_body,
                                         char          **doc_id,
                                         char          **rev);

G_END_DECLS
