/* banso-archive-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An item of the culture archive and its JSON body: Dublin Core terms, the archive's own
 * fields (ethnic groups, performers, knowledge keepers, consent, kind, access rule), its media
 * files, subtitle tracks and chapters. */

#define G_LOG_DOMAIN "banso-archive"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "banso-archive-error.h"
#include "banso-archive-item.h"

G_DEFINE_QUARK (banso-archive-error-quark, banso_archive_error)

static const char * const kind_names[] = {
  "festival", "ritual", "song", "craft", "product", "other",
};
static const char * const kind_labels[] = {
  N_("Festival"), N_("Ritual"), N_("Song"), N_("Craft"), N_("Product"), N_("Other"),
};
static const char * const access_names[] = { "public", "community", "restricted" };
static const char * const access_labels[] = {
  N_("Public"), N_("Community only"), N_("Restricted"),
};
static const char * const consent_names[] = { "unknown", "given", "pending", "refused" };
static const char * const media_kind_names[] = { "video", "audio", "photo" };
static const char * const media_kind_labels[] = { N_("Video"), N_("Audio"), N_("Photo") };

const char *
banso_archive_kind_to_string (BansoArchiveKind kind)
{
  return kind_names[kind];
}

gboolean
banso_archive_kind_from_string (const char       *text,
                                BansoArchiveKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
banso_archive_kind_get_label (BansoArchiveKind kind)
{
  return _(kind_labels[kind]);
}

const char *
banso_archive_access_to_string (BansoArchiveAccess access)
{
  return access_names[access];
}

gboolean
banso_archive_access_from_string (const char         *text,
                                  BansoArchiveAccess *access)
{
  for (guint i = 0; i < G_N_ELEMENTS (access_names); i++)
    if (g_strcmp0 (text, access_names[i]) == 0)
      {
        *access = i;
        return TRUE;
      }
  return FALSE;
}

const char *
banso_archive_access_get_label (BansoArchiveAccess access)
{
  return _(access_labels[access]);
}

const char *
banso_archive_consent_to_string (BansoArchiveConsent consent)
{
  return consent_names[consent];
}

const char *
banso_archive_media_kind_to_string (BansoArchiveMediaKind kind)
{
  return media_kind_names[kind];
}

const char *
banso_archive_media_kind_get_label (BansoArchiveMediaKind kind)
{
  return _(media_kind_labels[kind]);
}

BansoArchiveItem *
banso_archive_item_new (void)
{
  BansoArchiveItem *item = g_new0 (BansoArchiveItem, 1);

  item->kind = BANSO_ARCHIVE_KIND_OTHER;
  item->language = g_strdup ("vi");
  item->media = g_ptr_array_new_with_free_func ((GDestroyNotify) banso_archive_media_free);
  item->subtitles = g_ptr_array_new_with_free_func ((GDestroyNotify) banso_archive_subtitle_free);
  item->chapters = g_ptr_array_new_with_free_func ((GDestroyNotify) banso_archive_chapter_free);
  return item;
}

void
banso_archive_media_free (BansoArchiveMedia *media)
{
  if (media == NULL)
    return;
  g_free (media->media_id);
  g_free (media->sha256);
  g_free (media->file_name);
  g_free (media->mime);
  g_free (media->video_codec);
  g_free (media->audio_codec);
  g_free (media->taken);
  g_free (media);
}

void
banso_archive_subtitle_free (BansoArchiveSubtitle *subtitle)
{
  if (subtitle == NULL)
    return;
  g_free (subtitle->media_id);
  g_free (subtitle->sha256);
  g_free (subtitle->language);
  g_free (subtitle->label);
  g_free (subtitle);
}

void
banso_archive_chapter_free (BansoArchiveChapter *chapter)
{
  if (chapter == NULL)
    return;
  g_free (chapter->title);
  g_free (chapter);
}

void
banso_archive_item_free (BansoArchiveItem *item)
{
  if (item == NULL)
    return;
  g_free (item->id);
  g_free (item->rev);
  g_free (item->title);
  g_free (item->title_local);
  g_free (item->description);
  g_free (item->creator);
  g_free (item->date);
  g_free (item->commune);
  g_strfreev (item->subjects);
  g_free (item->language);
  g_free (item->rights);
  g_free (item->licence);
  g_strfreev (item->ethnic);
  g_strfreev (item->performers);
  g_strfreev (item->keepers);
  g_strfreev (item->roles);
  g_free (item->thumbnail);
  g_ptr_array_unref (item->media);
  g_ptr_array_unref (item->subtitles);
  g_ptr_array_unref (item->chapters);
  g_free (item->transcript);
  g_free (item);
}

static int
compare_chapters (gconstpointer a,
                  gconstpointer b)
{
  const BansoArchiveChapter *x = *(BansoArchiveChapter **) a;
  const BansoArchiveChapter *y = *(BansoArchiveChapter **) b;

  return (x->start_ms > y->start_ms) - (x->start_ms < y->start_ms);
}

void
banso_archive_item_add_chapter (BansoArchiveItem *item,
                                gint64            start_ms,
                                const char       *title)
{
  BansoArchiveChapter *chapter = g_new0 (BansoArchiveChapter, 1);

  chapter->start_ms = start_ms;
  chapter->title = g_strdup (title);
  g_ptr_array_add (item->chapters, chapter);
  g_ptr_array_sort (item->chapters, compare_chapters);
}

/* The kind of the item's first media file: what the grid's filter goes by. */
BansoArchiveMediaKind
banso_archive_item_media_kind (BansoArchiveItem *item)
{
  if (item->media->len == 0)
    return BANSO_ARCHIVE_MEDIA_PHOTO;
  return ((BansoArchiveMedia *) item->media->pdata[0])->kind;
}

int
banso_archive_item_year (BansoArchiveItem *item)
{
  if (item->date == NULL || strlen (item->date) < 4)
    return 0;
  return (int) g_ascii_strtoll (item->date, NULL, 10);
}

/* JSON */

static char *
dup_string (JsonObject *o,
            const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static GStrv
dup_strv (JsonObject *o,
          const char *name)
{
  JsonNode *node = json_object_get_member (o, name);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          JsonNode *e = json_array_get_element (a, i);

          if (json_node_get_value_type (e) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (e));
        }
    }
  return g_strv_builder_end (builder);
}

static gint64
get_int (JsonObject *o,
         const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  return json_node_get_int (node);
}

static gboolean
invalid (GError    **error,
         const char *field,
         const char *what)
{
  g_set_error (error, BANSO_ARCHIVE_ERROR, BANSO_ARCHIVE_ERROR_INVALID,
               _("Archive item, field “%s”: %s"), field, what);
  return FALSE;
}

BansoArchiveItem *
banso_archive_item_from_object (JsonObject  *o,
                                GError     **error)
{
  g_autoptr(BansoArchiveItem) item = banso_archive_item_new ();
  g_autofree char *kind = dup_string (o, "kind");
  g_autofree char *access = dup_string (o, "access");
  g_autofree char *consent = dup_string (o, "consent");
  JsonNode *node;

  item->id = dup_string (o, "_id");
  item->rev = dup_string (o, "_rev");
  item->title = dup_string (o, "title");
  item->title_local = dup_string (o, "title_local");
  item->description = dup_string (o, "description");
  item->creator = dup_string (o, "creator");
  item->date = dup_string (o, "date");
  item->commune = dup_string (o, "commune");
  g_free (item->language);
  item->language = dup_string (o, "language");
  item->rights = dup_string (o, "rights");
  item->licence = dup_string (o, "licence");
  item->subjects = dup_strv (o, "subjects");
  item->ethnic = dup_strv (o, "ethnic");
  item->performers = dup_strv (o, "performers");
  item->keepers = dup_strv (o, "keepers");
  item->roles = dup_strv (o, "roles");
  item->thumbnail = dup_string (o, "thumbnail");
  item->transcript = dup_string (o, "transcript");
  item->sample = json_object_get_boolean_member_with_default (o, "sample", FALSE);

  if (kind != NULL && !banso_archive_kind_from_string (kind, &item->kind))
    return invalid (error, "kind", _("not a kind of item")), NULL;
  if (!banso_archive_access_from_string (access ? access : "public", &item->access))
    return invalid (error, "access", _("not an access rule")), NULL;
  for (guint i = 0; consent != NULL && i < G_N_ELEMENTS (consent_names); i++)
    if (g_str_equal (consent, consent_names[i]))
      item->consent = i;

  node = json_object_get_member (o, "coordinates");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *c = json_node_get_object (node);

      item->has_coords = TRUE;
      item->latitude = json_object_get_double_member_with_default (c, "lat", 0);
      item->longitude = json_object_get_double_member_with_default (c, "lon", 0);
    }

  node = json_object_get_member (o, "media");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          JsonObject *m = json_array_get_object_element (a, i);
          BansoArchiveMedia *media;
          g_autofree char *mk = NULL;

          if (m == NULL)
            continue;
          media = g_new0 (BansoArchiveMedia, 1);
          media->media_id = dup_string (m, "media");
          media->sha256 = dup_string (m, "sha256");
          media->file_name = dup_string (m, "file_name");
          media->mime = dup_string (m, "mime");
          mk = dup_string (m, "kind");
          for (guint k = 0; mk != NULL && k < G_N_ELEMENTS (media_kind_names); k++)
            if (g_str_equal (mk, media_kind_names[k]))
              media->kind = k;
          media->size = get_int (m, "size");
          media->duration_ms = get_int (m, "duration_ms");
          media->width = get_int (m, "width");
          media->height = get_int (m, "height");
          media->video_codec = dup_string (m, "video_codec");
          media->audio_codec = dup_string (m, "audio_codec");
          media->taken = dup_string (m, "taken");
          g_ptr_array_add (item->media, media);
        }
    }

  node = json_object_get_member (o, "subtitles");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          JsonObject *s = json_array_get_object_element (a, i);
          BansoArchiveSubtitle *sub;

          if (s == NULL)
            continue;
          sub = g_new0 (BansoArchiveSubtitle, 1);
          sub->media_id = dup_string (s, "media");
          sub->sha256 = dup_string (s, "sha256");
          sub->language = dup_string (s, "language");
          sub->label = dup_string (s, "label");
          g_ptr_array_add (item->subtitles, sub);
        }
    }

  node = json_object_get_member (o, "chapters");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          JsonObject *c = json_array_get_object_element (a, i);
          g_autofree char *title = NULL;

          if (c == NULL)
            continue;
          title = dup_string (c, "title");
          banso_archive_item_add_chapter (item, get_int (c, "start_ms"), title ? title : "");
        }
    }

  if (!banso_archive_item_validate (item, error))
    return NULL;
  return g_steal_pointer (&item);
}

BansoArchiveItem *
banso_archive_item_from_json (const char  *json,
                              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local = NULL;
  JsonNode *root;

  if (!json_parser_load_from_data (parser, json, -1, &local))
    {
      g_set_error (error, BANSO_ARCHIVE_ERROR, BANSO_ARCHIVE_ERROR_INVALID,
                   _("Archive item: not valid JSON: %s"), local->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, BANSO_ARCHIVE_ERROR, BANSO_ARCHIVE_ERROR_INVALID,
                   _("Archive item: not a JSON object"));
      return NULL;
    }
  return banso_archive_item_from_object (json_node_get_object (root), error);
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
add_strv (JsonBuilder        *b,
          const char         *name,
          const char * const *values)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (b, values[i]);
  json_builder_end_array (b);
}

static void
add_int (JsonBuilder *b,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

JsonNode *
banso_archive_item_to_node (BansoArchiveItem *item)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();

  json_builder_begin_object (b);
  add_string (b, "title", item->title);
  add_string (b, "title_local", item->title_local);
  add_string (b, "description", item->description);
  add_string (b, "creator", item->creator);
  add_string (b, "date", item->date);
  add_string (b, "commune", item->commune);
  if (item->has_coords)
    {
      json_builder_set_member_name (b, "coordinates");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "lat");
      json_builder_add_double_value (b, item->latitude);
      json_builder_set_member_name (b, "lon");
      json_builder_add_double_value (b, item->longitude);
      json_builder_end_object (b);
    }
  add_strv (b, "subjects", (const char * const *) item->subjects);
  add_string (b, "language", item->language);
  add_string (b, "rights", item->rights);
  add_string (b, "licence", item->licence);
  add_strv (b, "ethnic", (const char * const *) item->ethnic);
  add_strv (b, "performers", (const char * const *) item->performers);
  add_strv (b, "keepers", (const char * const *) item->keepers);
  add_string (b, "consent", consent_names[item->consent]);
  add_string (b, "kind", kind_names[item->kind]);
  add_string (b, "access", access_names[item->access]);
  add_strv (b, "roles", (const char * const *) item->roles);
  if (item->sample)
    {
      json_builder_set_member_name (b, "sample");
      json_builder_add_boolean_value (b, TRUE);
    }
  add_string (b, "thumbnail", item->thumbnail);

  json_builder_set_member_name (b, "media");
  json_builder_begin_array (b);
  for (guint i = 0; i < item->media->len; i++)
    {
      BansoArchiveMedia *m = g_ptr_array_index (item->media, i);

      json_builder_begin_object (b);
      add_string (b, "media", m->media_id);
      add_string (b, "sha256", m->sha256);
      add_string (b, "file_name", m->file_name);
      add_string (b, "mime", m->mime);
      add_string (b, "kind", media_kind_names[m->kind]);
      add_int (b, "size", m->size);
      add_int (b, "duration_ms", m->duration_ms);
      add_int (b, "width", m->width);
      add_int (b, "height", m->height);
      add_string (b, "video_codec", m->video_codec);
      add_string (b, "audio_codec", m->audio_codec);
      add_string (b, "taken", m->taken);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "subtitles");
  json_builder_begin_array (b);
  for (guint i = 0; i < item->subtitles->len; i++)
    {
      BansoArchiveSubtitle *s = g_ptr_array_index (item->subtitles, i);

      json_builder_begin_object (b);
      add_string (b, "media", s->media_id);
      add_string (b, "sha256", s->sha256);
      add_string (b, "language", s->language);
      add_string (b, "label", s->label);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "chapters");
  json_builder_begin_array (b);
  for (guint i = 0; i < item->chapters->len; i++)
    {
      BansoArchiveChapter *c = g_ptr_array_index (item->chapters, i);

      json_builder_begin_object (b);
      add_int (b, "start_ms", c->start_ms);
      add_string (b, "title", c->title);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  add_string (b, "transcript", item->transcript);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
banso_archive_item_to_json (BansoArchiveItem *item)
{
  g_autoptr(JsonNode) node = banso_archive_item_to_node (item);

  return json_to_string (node, FALSE);
}

/* The item in Dublin Core terms (dcterms:), for packages. */
JsonNode *
banso_archive_item_to_dublin_core (BansoArchiveItem *item)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();

  json_builder_begin_object (b);
  add_string (b, "dcterms:identifier", item->id);
  add_string (b, "dcterms:title", item->title);
  add_string (b, "dcterms:alternative", item->title_local);
  add_string (b, "dcterms:description", item->description);
  add_string (b, "dcterms:creator", item->creator);
  add_string (b, "dcterms:date", item->date);
  if (item->commune != NULL)
    {
      g_autofree char *spatial = g_strdup_printf ("commune:%s", item->commune);

      add_string (b, "dcterms:spatial", spatial);
    }
  add_strv (b, "dcterms:subject", (const char * const *) item->subjects);
  add_string (b, "dcterms:language", item->language);
  add_string (b, "dcterms:rights", item->rights);
  add_string (b, "dcterms:license", item->licence);
  add_string (b, "dcterms:type", kind_names[item->kind]);
  add_strv (b, "dcterms:contributor", (const char * const *) item->performers);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

gboolean
banso_archive_item_validate (BansoArchiveItem  *item,
                             GError           **error)
{
  if (item->title == NULL || g_strstrip (item->title)[0] == '\0')
    return invalid (error, "title", _("an item needs a title"));
  if (item->date != NULL && item->date[0] != '\0')
    {
      const char *d = item->date;
      gsize n = strlen (d);

      if (!(n == 4 || n == 7 || n == 10) || !g_ascii_isdigit (d[0]) || !g_ascii_isdigit (d[3]))
        return invalid (error, "date", _("write a year, a month (2024-03) or a day (2024-03-15)"));
    }
  if (item->commune != NULL && item->commune[0] != '\0')
    {
      gsize n = strlen (item->commune);

      for (gsize i = 0; i < n; i++)
        if (!g_ascii_isdigit (item->commune[i]))
          return invalid (error, "commune", _("a commune is given by its 5-digit code"));
      if (n != 5)
        return invalid (error, "commune", _("a commune is given by its 5-digit code"));
    }
  if (item->has_coords && (item->latitude < -90 || item->latitude > 90
                           || item->longitude < -180 || item->longitude > 180))
    return invalid (error, "coordinates", _("latitude or longitude out of range"));
  if (item->access == BANSO_ARCHIVE_ACCESS_RESTRICTED)
    {
      for (guint i = 0; item->roles != NULL && item->roles[i] != NULL; i++)
        {
          BansoRole role;

          if (!banso_role_from_string (item->roles[i], &role))
            return invalid (error, "roles", _("not a role"));
        }
    }
  for (guint i = 0; i < item->chapters->len; i++)
    if (((BansoArchiveChapter *) item->chapters->pdata[i])->start_ms < 0)
      return invalid (error, "chapters", _("a chapter cannot start before the beginning"));
  return TRUE;
}
