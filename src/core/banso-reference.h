/* banso-reference.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "banso-store.h"

G_BEGIN_DECLS

#define BANSO_ADMIN_EDITION "2025"

/* A code and its name: an ethnic group, a province, a commune, or another
 * place a record type keeps. */
typedef struct
{
  char *code;
  char *name;
  char *parent;
} BansoRefItem;

gboolean      banso_reference_ensure_loaded       (sqlite3     *db,
                                                   GError     **error);
GPtrArray    *banso_reference_list_items          (sqlite3     *db,
                                                   const char  *sql,
                                                   const char  *arg,
                                                   GError     **error);
GPtrArray    *banso_reference_list_ethnic_groups  (sqlite3     *db,
                                                   GError     **error);
GPtrArray    *banso_reference_list_provinces      (sqlite3     *db,
                                                   GError     **error);
GPtrArray    *banso_store_list_communes           (BansoStore  *store,
                                                  const char  *province,
                                                  GError     **error);
GPtrArray    *banso_reference_list_communes       (sqlite3     *db,
                                                   const char  *province_code,
                                                   GError     **error);
char         *banso_reference_commune_name        (sqlite3     *db,
                                                   const char  *code);
char         *banso_reference_commune_province   (sqlite3     *db,
                                                   const char  *code);
char         *banso_reference_find_ethnic         (sqlite3     *db,
                                                   const char  *text);
sqlite3      *banso_reference_copy_ethnic         (sqlite3     *from,
                                                   GError     **error);
void          banso_ref_item_free                 (BansoRefItem *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoRefItem, banso_ref_item_free)

G_END_DECLS
