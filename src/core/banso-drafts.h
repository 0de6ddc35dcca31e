/* banso-drafts.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *key;
  char *kind;
  char *doc_id;
  char *body;
} BansoDraft;

gboolean   banso_draft_save   (BansoStore  *store,
                               BansoUser   *user,
                               const char  *key,
                               const char  *kind,
                               const char  *doc_id,
                               const char  *body,
                               GError     **error);
gboolean   banso_draft_delete (BansoStore  *store,
                               BansoUser   *user,
                               const char  *key,
                               GError     **error);
GPtrArray *banso_draft_list   (BansoStore  *store,
                               GError     **error);
void       banso_draft_free   (BansoDraft  *draft);
gboolean   banso_draft_remove_in (BansoTxn    *txn,
                                  const char  *key,
                                  GError     **error);
void       banso_draft_keep_async (BansoStore *store,
                                   BansoUser  *user,
                                   const char *key,
                                   const char *kind,
                                   const char *doc_id,
                                   const char *body);
char      *banso_draft_key_new    (const char  *kind,
                                   const char  *doc_id);
char      *banso_draft_key_doc_id (const char  *key,
                                   const char  *kind);
char      *banso_draft_wrap   (const char  *member,
                               const char  *rev,
                               const char  *record_json);
char      *banso_draft_unwrap (const char  *body,
                               const char  *member,
                               char       **rev);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoDraft, banso_draft_free)

G_END_DECLS
