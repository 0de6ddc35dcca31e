/* banso-dict-entry-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Finds the file of a media reference of an entry ("audio/x.wav"), or NULL. */
typedef GFile *(*BansoDictMediaResolver) (const char *href,
                                          gpointer    user_data);

#define BANSO_TYPE_DICT_ENTRY_VIEW (banso_dict_entry_view_get_type ())

G_DECLARE_FINAL_TYPE (BansoDictEntryView, banso_dict_entry_view, BANSO, DICT_ENTRY_VIEW, GtkWidget)

const char *banso_dict_script_class            (const char             *text);
char       *banso_dict_ws_dup_name             (const char             *ws);

GtkWidget  *banso_dict_entry_view_new          (void);
void        banso_dict_entry_view_set_resolver (BansoDictEntryView     *self,
                                                BansoDictMediaResolver  resolver,
                                                gpointer                user_data,
                                                GDestroyNotify          destroy);
void        banso_dict_entry_view_set_entry    (BansoDictEntryView     *self,
                                                JsonObject             *entry);
JsonObject *banso_dict_entry_view_get_entry    (BansoDictEntryView     *self);

G_END_DECLS
