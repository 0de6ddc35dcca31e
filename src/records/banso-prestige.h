/* banso-prestige.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-document.h"
#include "banso-store.h"

G_BEGIN_DECLS

#define BANSO_PRESTIGE_TYPE "prestige"

/* A prestigious person (người có uy tín), recognised by the province for a year
 * and linked to a member of a household when the person is recorded there. */
typedef struct
{
  char *id;
  char *rev;
  char *household;   /* household id, or NULL */
  char *member;      /* member id inside that household, or NULL */
  char *name;
  char *ethnic;
  char *commune;
  char *village;
  int   year;        /* year recognised */
  char *influence;   /* area of influence */
  char *phone;
  char *notes;
} BansoPrestige;

#define BANSO_TYPE_PRESTIGE (banso_prestige_get_type ())

GType          banso_prestige_get_type  (void) G_GNUC_CONST;
BansoPrestige *banso_prestige_new       (void);
BansoPrestige *banso_prestige_copy      (const BansoPrestige *self);
void           banso_prestige_free      (BansoPrestige       *self);
char          *banso_prestige_to_json   (const BansoPrestige *self);
BansoPrestige *banso_prestige_from_json (const char          *json,
                                         GError             **error);
gboolean       banso_prestige_validate  (const BansoPrestige *self,
                                         GError             **error);
gboolean       banso_prestige_save      (BansoTxn            *txn,
                                         BansoPrestige       *self,
                                         GError             **error);
gboolean       banso_prestige_delete    (BansoTxn            *txn,
                                         const char          *id,
                                         const char          *rev,
                                         char               **out_rev,
                                         GError             **error);
gboolean       banso_prestige_reindex_all (BansoTxn          *txn,
                                           GError           **error);
gboolean       banso_prestige_reindex_doc (BansoTxn          *txn,
                                           gint64             docno,
                                           const char        *body,
                                           GError           **error);
BansoPrestige *banso_prestige_load      (sqlite3             *db,
                                         const char          *id,
                                         GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoPrestige, banso_prestige_free)

G_END_DECLS
