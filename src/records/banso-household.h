/* banso-household.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BANSO_HOUSEHOLD_TYPE "household"

typedef enum
{
  BANSO_SEX_UNKNOWN,
  BANSO_SEX_MALE,
  BANSO_SEX_FEMALE,
} BansoSex;

typedef enum
{
  BANSO_POVERTY_UNKNOWN,
  BANSO_POVERTY_POOR,
  BANSO_POVERTY_NEAR_POOR,
  BANSO_POVERTY_NOT_POOR,
} BansoPoverty;

typedef struct
{
  char     *id;
  char     *name;
  BansoSex  sex;
  char     *birth;       /* "1985" or "1985-03-02" */
  char     *ethnic;      /* official code, "03" */
  char     *relation;    /* "head", "spouse", "child", … */
  char     *citizen_id;
  char     *phone;
} BansoMember;

typedef struct
{
  int          year;
  BansoPoverty status;
} BansoPovertyYear;

typedef struct
{
  char      *id;
  char      *rev;
  char      *commune;
  char      *village;   /* id of a village document, or NULL */
  char      *address;   /* house number, hamlet group: free text */
  GPtrArray *members;   /* BansoMember */
  GArray    *poverty;   /* BansoPovertyYear, ascending years */
  char      *notes;
} BansoHousehold;

#define BANSO_TYPE_HOUSEHOLD (banso_household_get_type ())

GType             banso_household_get_type        (void) G_GNUC_CONST;
BansoHousehold   *banso_household_new             (void);
BansoHousehold   *banso_household_copy            (const BansoHousehold *self);
void              banso_household_free            (BansoHousehold       *self);
BansoMember      *banso_member_new                (void);
void              banso_member_free               (BansoMember          *member);
BansoMember      *banso_household_add_member      (BansoHousehold       *self);
BansoMember      *banso_household_add_member_with_id (BansoHousehold     *self,
                                                     const char         *id);
BansoMember      *banso_household_get_head        (const BansoHousehold *self);
void              banso_household_set_poverty     (BansoHousehold       *self,
                                                   int                   year,
                                                   BansoPoverty          status);
BansoPoverty      banso_household_latest_poverty  (const BansoHousehold *self,
                                                   int                  *year);
void              banso_household_to_json         (const BansoHousehold *self,
                                                   GString              *out);
BansoHousehold   *banso_household_from_json       (const char           *json,
                                                   GError              **error);
gboolean          banso_household_validate        (const BansoHousehold *self,
                                                   GError              **error);

const char       *banso_sex_to_string             (BansoSex              sex);
BansoSex          banso_sex_from_string           (const char           *text);
const char       *banso_sex_get_label             (BansoSex              sex);
const char       *banso_poverty_to_string         (BansoPoverty          status);
BansoPoverty      banso_poverty_from_string       (const char           *text);
const char       *banso_poverty_get_label         (BansoPoverty          status);
const char * const *banso_relation_list           (void);
const char       *banso_relation_get_label        (const char           *relation);
const char       *banso_relation_from_label       (const char           *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoHousehold, banso_household_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoMember, banso_member_free)

G_END_DECLS
