/* banso-household.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-records"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "banso-document.h"
#include "banso-household.h"
#include "banso-store.h"
#include "banso-validate.h"

G_DEFINE_BOXED_TYPE (BansoHousehold, banso_household, banso_household_copy, banso_household_free)

static const char *relations[] = {
  "head", "spouse", "child", "parent", "sibling", "grandchild", "child-in-law", "other", NULL,
};

BansoMember *
banso_member_new (void)
{
  BansoMember *member = g_new0 (BansoMember, 1);

  /* Members keep an id of their own, so that a prestigious person or a training
   * attendance can point at one member even after the list is reordered. 48
   * random bits are plenty inside one household. */
  member->id = g_strdup_printf ("%06x%06x", g_random_int () & 0xffffff,
                                g_random_int () & 0xffffff);
  return member;
}

void
banso_member_free (BansoMember *member)
{
  if (member == NULL)
    return;
  g_free (member->id);
  g_free (member->name);
  g_free (member->birth);
  g_free (member->ethnic);
  g_free (member->relation);
  g_free (member->citizen_id);
  g_free (member->phone);
  g_free (member);
}

static BansoMember *
member_copy (const BansoMember *src)
{
  BansoMember *member = g_new0 (BansoMember, 1);

  member->id = g_strdup (src->id);
  member->name = g_strdup (src->name);
  member->sex = src->sex;
  member->birth = g_strdup (src->birth);
  member->ethnic = g_strdup (src->ethnic);
  member->relation = g_strdup (src->relation);
  member->citizen_id = g_strdup (src->citizen_id);
  member->phone = g_strdup (src->phone);
  return member;
}

BansoHousehold *
banso_household_new (void)
{
  BansoHousehold *self = g_new0 (BansoHousehold, 1);

  self->members = g_ptr_array_new_with_free_func ((GDestroyNotify)banso_member_free);
  self->poverty = g_array_new (FALSE, TRUE, sizeof (BansoPovertyYear));
  return self;
}

BansoHousehold *
banso_household_copy (const BansoHousehold *src)
{
  BansoHousehold *self = banso_household_new ();

  self->id = g_strdup (src->id);
  self->rev = g_strdup (src->rev);
  self->commune = g_strdup (src->commune);
  self->village = g_strdup (src->village);
  self->address = g_strdup (src->address);
  self->notes = g_strdup (src->notes);
  for (guint i = 0; i < src->members->len; i++)
    g_ptr_array_add (self->members, member_copy (g_ptr_array_index (src->members, i)));
  g_array_append_vals (self->poverty, src->poverty->data, src->poverty->len);
  return self;
}

void
banso_household_free (BansoHousehold *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->rev);
  g_free (self->commune);
  g_free (self->village);
  g_free (self->address);
  g_free (self->notes);
  g_ptr_array_unref (self->members);
  g_array_unref (self->poverty);
  g_free (self);
}

BansoMember *
banso_household_add_member (BansoHousehold *self)
{
  return banso_household_add_member_with_id (self, NULL);
}

/**
 * banso_household_add_member_with_id:
 * @id: (nullable): the member's id, as an earlier export wrote it; %NULL
 *   gives the member a new one
 */
BansoMember *
banso_household_add_member_with_id (BansoHousehold *self,
                                    const char     *id)
{
  BansoMember *member;

  if (id == NULL)
    member = banso_member_new ();
  else
    {
      member = g_new0 (BansoMember, 1);
      member->id = g_strdup (id);
    }
  g_ptr_array_add (self->members, member);
  return member;
}

BansoMember *
banso_household_get_head (const BansoHousehold *self)
{
  for (guint i = 0; i < self->members->len; i++)
    {
      BansoMember *member = g_ptr_array_index (self->members, i);
      if (g_strcmp0 (member->relation, "head") == 0)
        return member;
    }
  return NULL;
}

void
banso_household_set_poverty (BansoHousehold *self,
                             int             year,
                             BansoPoverty    status)
{
  BansoPovertyYear entry = { year, status };
  guint i;

  for (i = 0; i < self->poverty->len; i++)
    {
      BansoPovertyYear *p = &g_array_index (self->poverty, BansoPovertyYear, i);
      if (p->year == year)
        {
          p->status = status;
          return;
        }
      if (p->year > year)
        break;
    }
  g_array_insert_val (self->poverty, i, entry);
}

BansoPoverty
banso_household_latest_poverty (const BansoHousehold *self,
                                int                  *year)
{
  if (self->poverty->len == 0)
    {
      if (year)
        *year = 0;
      return BANSO_POVERTY_UNKNOWN;
    }
  {
    BansoPovertyYear *p = &g_array_index (self->poverty, BansoPovertyYear,
                                          self->poverty->len - 1);
    if (year)
      *year = p->year;
    return p->status;
  }
}

static void
append_member (GString *out,
               const char *key,
               const char *value,
               gboolean *first)
{
  if (value == NULL || *value == '\0')
    return;
  if (!*first)
    g_string_append_c (out, ',');
  *first = FALSE;
  g_string_append_c (out, '"');
  g_string_append (out, key);
  g_string_append (out, "\":");
  banso_json_append_string (out, value);
}

/* Writes @value in decimal into @buf, without a terminating NUL; returns
 * the length. */
static gsize
format_int (char *buf,
            int   value)
{
  char digits[12];
  guint magnitude = value < 0 ? -(guint)value : (guint)value;
  gsize n = 0, len = 0;

  do
    digits[n++] = '0' + magnitude % 10;
  while ((magnitude /= 10) > 0);
  if (value < 0)
    buf[len++] = '-';
  while (n > 0)
    buf[len++] = digits[--n];
  return len;
}

void
banso_household_to_json (const BansoHousehold *self,
                         GString              *out)
{
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  append_member (out, "commune", self->commune, &first);
  append_member (out, "village", self->village, &first);
  append_member (out, "address", self->address, &first);
  if (!first)
    g_string_append_c (out, ',');
  g_string_append (out, "\"members\":[");
  for (guint i = 0; i < self->members->len; i++)
    {
      const BansoMember *m = g_ptr_array_index (self->members, i);
      gboolean mfirst = TRUE;

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      append_member (out, "id", m->id, &mfirst);
      append_member (out, "name", m->name, &mfirst);
      if (m->sex != BANSO_SEX_UNKNOWN)
        append_member (out, "sex", banso_sex_to_string (m->sex), &mfirst);
      append_member (out, "birth", m->birth, &mfirst);
      append_member (out, "ethnic", m->ethnic, &mfirst);
      append_member (out, "relation", m->relation, &mfirst);
      append_member (out, "citizen_id", m->citizen_id, &mfirst);
      append_member (out, "phone", m->phone, &mfirst);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "],\"poverty\":{");
  for (guint i = 0; i < self->poverty->len; i++)
    {
      const BansoPovertyYear *p = &g_array_index (self->poverty, BansoPovertyYear, i);
      char year[16];

      /* Not through printf: an import writes a million of these. */
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '"');
      g_string_append_len (out, year, format_int (year, p->year));
      g_string_append (out, "\":\"");
      g_string_append (out, banso_poverty_to_string (p->status));
      g_string_append_c (out, '"');
    }
  g_string_append_c (out, '}');
  first = FALSE;
  append_member (out, "notes", self->notes, &first);
  g_string_append_c (out, '}');
}

static char *
dup_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

BansoHousehold *
banso_household_from_json (const char  *json,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(BansoHousehold) self = NULL;
  JsonObject *root;
  JsonNode *node;

  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, BANSO_STORE_ERROR, BANSO_STORE_ERROR_INVALID,
                   _("A household record must be a JSON object."));
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  self = banso_household_new ();
  self->commune = dup_member (root, "commune");
  self->village = dup_member (root, "village");
  self->address = dup_member (root, "address");
  self->notes = dup_member (root, "notes");

  node = json_object_get_member (root, "members");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *mnode = json_array_get_element (array, i);
          JsonObject *mo;
          BansoMember *m;
          g_autofree char *sex = NULL;

          if (!JSON_NODE_HOLDS_OBJECT (mnode))
            continue;
          mo = json_node_get_object (mnode);
          m = g_new0 (BansoMember, 1);
          m->id = dup_member (mo, "id");
          if (m->id == NULL)
            {
              g_autofree char *id = banso_doc_new_id ();
              m->id = g_strndup (id, 12);
            }
          m->name = dup_member (mo, "name");
          sex = dup_member (mo, "sex");
          m->sex = banso_sex_from_string (sex);
          m->birth = dup_member (mo, "birth");
          m->ethnic = dup_member (mo, "ethnic");
          m->relation = dup_member (mo, "relation");
          m->citizen_id = dup_member (mo, "citizen_id");
          m->phone = dup_member (mo, "phone");
          g_ptr_array_add (self->members, m);
        }
    }

  node = json_object_get_member (root, "poverty");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *po = json_node_get_object (node);
      g_autoptr(GList) keys = json_object_get_members (po);

      for (GList *l = keys; l; l = l->next)
        {
          int year = atoi (l->data);
          const char *status = json_object_get_string_member_with_default (po, l->data, NULL);
          if (year > 0)
            banso_household_set_poverty (self, year, banso_poverty_from_string (status));
        }
    }

  return g_steal_pointer (&self);
}

static int
birth_year (const char *birth)
{
  return birth ? atoi (birth) : 0;
}

/**
 * banso_household_validate:
 *
 * Checks a whole household the way the form does field by field; the message
 * names the member and the field. Reference codes (commune, village, ethnic
 * group) are checked by the store, which can see them.
 */
gboolean
banso_household_validate (const BansoHousehold  *self,
                          GError               **error)
{
  guint heads = 0;

  if (self->commune == NULL || *self->commune == '\0')
    {
      g_set_error (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_EMPTY,
                   _("Commune: choose the commune of the household."));
      return FALSE;
    }
  if (self->members->len == 0)
    {
      g_set_error (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_EMPTY,
                   _("Members: a household has at least its head."));
      return FALSE;
    }

  for (guint i = 0; i < self->members->len; i++)
    {
      const BansoMember *m = g_ptr_array_index (self->members, i);
      g_autoptr(GError) local_error = NULL;
      const char *field = NULL;
      int y, mo, d;

      if (g_strcmp0 (m->relation, "head") == 0)
        heads++;

      if (!banso_validate_person_name (m->name, &local_error))
        field = _("name");
      else if (m->birth != NULL && *m->birth != '\0' &&
               !banso_validate_birth_date (m->birth, &y, &mo, &d, &local_error))
        field = _("date of birth");
      else if (m->citizen_id != NULL && *m->citizen_id != '\0' &&
               !banso_validate_citizen_id (m->citizen_id, birth_year (m->birth),
                                           (int)m->sex, &local_error))
        field = _("citizen ID");
      else if (m->phone != NULL && *m->phone != '\0' &&
               !banso_validate_phone (m->phone, NULL, &local_error))
        field = _("phone");
      else if (m->relation == NULL || !g_strv_contains (relations, m->relation))
        {
          field = _("relation to head");
          g_set_error (&local_error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_FORMAT,
                       _("Choose a relation from the list."));
        }

      if (field != NULL)
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _("Member %u (%s), %s: %s"), i + 1,
                       m->name && *m->name ? m->name : "?", field, local_error->message);
          return FALSE;
        }
    }

  if (heads != 1)
    {
      g_set_error (error, BANSO_VALIDATE_ERROR, BANSO_VALIDATE_ERROR_FORMAT,
                   heads == 0
                   ? _("Members: mark one member as head of household.")
                   : _("Members: only one member can be head of household."));
      return FALSE;
    }

  return TRUE;
}

const char *
banso_sex_to_string (BansoSex sex)
{
  switch (sex)
    {
    case BANSO_SEX_MALE: return "male";
    case BANSO_SEX_FEMALE: return "female";
    case BANSO_SEX_UNKNOWN:
    default: return "";
    }
}

BansoSex
banso_sex_from_string (const char *text)
{
  if (text == NULL)
    return BANSO_SEX_UNKNOWN;
  if (g_ascii_strcasecmp (text, "male") == 0 || g_ascii_strcasecmp (text, "m") == 0 ||
      g_strcmp0 (text, "Nam") == 0 || g_strcmp0 (text, "nam") == 0)
    return BANSO_SEX_MALE;
  if (g_ascii_strcasecmp (text, "female") == 0 || g_ascii_strcasecmp (text, "f") == 0 ||
      g_strcmp0 (text, "Nữ") == 0 || g_strcmp0 (text, "nữ") == 0 || g_strcmp0 (text, "NỮ") == 0)
    return BANSO_SEX_FEMALE;
  return BANSO_SEX_UNKNOWN;
}

const char *
banso_sex_get_label (BansoSex sex)
{
  switch (sex)
    {
    case BANSO_SEX_MALE: return _("Male");
    case BANSO_SEX_FEMALE: return _("Female");
    case BANSO_SEX_UNKNOWN:
    default: return _("Not stated");
    }
}

const char *
banso_poverty_to_string (BansoPoverty status)
{
  switch (status)
    {
    case BANSO_POVERTY_POOR: return "poor";
    case BANSO_POVERTY_NEAR_POOR: return "near-poor";
    case BANSO_POVERTY_NOT_POOR: return "not-poor";
    case BANSO_POVERTY_UNKNOWN:
    default: return "unknown";
    }
}

BansoPoverty
banso_poverty_from_string (const char *text)
{
  if (g_strcmp0 (text, "poor") == 0)
    return BANSO_POVERTY_POOR;
  if (g_strcmp0 (text, "near-poor") == 0)
    return BANSO_POVERTY_NEAR_POOR;
  if (g_strcmp0 (text, "not-poor") == 0)
    return BANSO_POVERTY_NOT_POOR;
  return BANSO_POVERTY_UNKNOWN;
}

const char *
banso_poverty_get_label (BansoPoverty status)
{
  switch (status)
    {
    case BANSO_POVERTY_POOR: return _("Poor");
    case BANSO_POVERTY_NEAR_POOR: return _("Near-poor");
    case BANSO_POVERTY_NOT_POOR: return _("Not poor");
    case BANSO_POVERTY_UNKNOWN:
    default: return _("Not assessed");
    }
}

const char * const *
banso_relation_list (void)
{
  return relations;
}

const char *
banso_relation_get_label (const char *relation)
{
  if (g_strcmp0 (relation, "head") == 0) return _("Head of household");
  if (g_strcmp0 (relation, "spouse") == 0) return _("Spouse");
  if (g_strcmp0 (relation, "child") == 0) return _("Child");
  if (g_strcmp0 (relation, "parent") == 0) return _("Parent");
  if (g_strcmp0 (relation, "sibling") == 0) return _("Sibling");
  if (g_strcmp0 (relation, "grandchild") == 0) return _("Grandchild");
  if (g_strcmp0 (relation, "child-in-law") == 0) return _("Child-in-law");
  if (g_strcmp0 (relation, "other") == 0) return _("Other relative");
  return "";
}

/* CSV files carry either our keys or the labels a person typed, in either language. */
const char *
banso_relation_from_label (const char *text)
{
  for (guint i = 0; relations[i]; i++)
    if (g_ascii_strcasecmp (text, relations[i]) == 0)
      return relations[i];
  for (guint i = 0; relations[i]; i++)
    if (g_strcmp0 (text, banso_relation_get_label (relations[i])) == 0)
      return relations[i];
  return NULL;
}
