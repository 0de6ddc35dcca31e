/* banso-check.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *doc_id;
  char *doc_type;
  char *user_id;
  char *at;
  char *action;
  char *before;   /* JSON body before the change, or NULL */
  char *after;    /* JSON body after the change */
} BansoAuditEntry;

gboolean   banso_store_check       (BansoStore  *store,
                                    GPtrArray   *problems,
                                    GError     **error);
GPtrArray *banso_audit_list        (BansoStore  *store,
                                    const char  *doc_id,
                                    GError     **error);
void       banso_audit_entry_free  (BansoAuditEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoAuditEntry, banso_audit_entry_free)

G_END_DECLS
