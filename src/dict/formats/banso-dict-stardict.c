/* banso-dict-stardict.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-dict"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "banso-dict-format-private.h"

/*
 * StarDict: the .ifo says what the dictionary is, the .idx (or .idx.gz)
 * lists the words in order, each with the offset and size of its article in
 * the .dict (or .dict.dz), and the optional .syn lists other words for the
 * same articles. The .ifo's wordcount and idxfilesize are checked against
 * the files, and the whole .idx is checked before any entry is given, so a
 * dictionary that lies about itself is refused before anything is imported.
 *
 * Each word gives an entry: the word as the headword (writing system "und",
 * StarDict does not say), its synonyms as variants, phonetic fields ('t') as
 * a pronunciation, and the other text fields as the definitions of one
 * sense: plain text ('m', 'l') as is, markup ('g' Pango, 'h' HTML, 'x' XDXF,
 * 'k', 'w', 'y') as plain text with the markup kept in the form's
 * "markup": {"type": "h", "data": "…"}. Binary fields (sounds, pictures)
 * and resource lists ('r') are skipped and counted in the info's
 * "extra": {"skipped_fields": n}.
 */

#define IFO_MAGIC "StarDict's dict ifo file"

typedef struct
{
  char          *base;
  char          *ifo_path;
  char          *idx_path;
  char          *dict_path;
  GHashTable    *ifo;
  GBytes        *idx;
  BansoDictData *dict;
  GHashTable    *synonyms;  /* idx number → GPtrArray of words */
  guint          wordcount;
  guint          offset_bytes;
  guint64        skipped;
} StarDict;

static void
stardict_clear (StarDict *self)
{
  g_free (self->base);
  g_free (self->ifo_path);
  g_free (self->idx_path);
  g_free (self->dict_path);
  g_clear_pointer (&self->ifo, g_hash_table_unref);
  g_clear_pointer (&self->idx, g_bytes_unref);
  g_clear_pointer (&self->dict, _banso_dict_data_free);
  g_clear_pointer (&self->synonyms, g_hash_table_unref);
}

static char *
strip_suffix (const char *path)
{
  static const char * const suffixes[] = {
    ".ifo", ".idx.gz", ".idx", ".dict.dz", ".dict", ".syn", NULL
  };
  guint i;

  for (i = 0; suffixes[i] != NULL; i++)
    {
      if (g_str_has_suffix (path, suffixes[i]))
        return g_strndup (path, strlen (path) - strlen (suffixes[i]));
    }
  return g_strdup (path);
}

static char *
first_existing (const char *base,
                const char *a,
                const char *b)
{
  g_autofree char *pa = g_strconcat (base, a, NULL);
  g_autofree char *pb = b != NULL ? g_strconcat (base, b, NULL) : NULL;

  if (g_file_test (pa, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&pa);
  if (pb != NULL && g_file_test (pb, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&pb);
  return NULL;
}

static gboolean
missing (GError     **error,
         const char  *base,
         const char  *what)
{
  g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MISSING,
               _("File %s%s does not exist: a StarDict dictionary needs it"), base, what);
  return FALSE;
}

static gboolean
parse_count (StarDict     *self,
             const char   *key,
             gboolean      required,
             guint64      *value,
             GError      **error)
{
  const char *text = g_hash_table_lookup (self->ifo, key);
  char *end = NULL;

  if (text == NULL)
    {
      if (!required)
        return TRUE;
      g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
                   _("File %s has no field %s"), self->ifo_path, key);
      return FALSE;
    }
  *value = g_ascii_strtoull (text, &end, 10);
  if (*text == '\0' || !g_ascii_isdigit (*text) || end == NULL || *end != '\0')
    {
      g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
                   _("File %s: field %s is not a number (“%s”)"), self->ifo_path, key, text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_ifo (StarDict  *self,
          GError   **error)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gsize len;
  guint i;

  if (!g_file_get_contents (self->ifo_path, &contents, &len, error))
    return FALSE;
  if (!g_str_has_prefix (contents, IFO_MAGIC))
    {
      g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
                   _("File %s, line 1: this is not a StarDict .ifo file (it must begin with “%s”)"),
                   self->ifo_path, IFO_MAGIC);
      return FALSE;
    }
  if (!g_utf8_validate_len (contents, len, NULL))
    {
      g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
                   _("File %s is not UTF-8 text"), self->ifo_path);
      return FALSE;
    }
  lines = g_strsplit (contents, "\n", -1);
  for (i = 1; lines[i] != NULL; i++)
    {
      char *eq;

      g_strchomp (lines[i]);
      eq = strchr (lines[i], '=');
      if (eq == NULL)
        continue;
      *eq = '\0';
      g_hash_table_insert (self->ifo, g_strdup (g_strstrip (lines[i])), g_strdup (eq + 1));
    }
  return TRUE;
}

/* How the numbers after each word of an .idx are laid out. */
typedef struct
{
  guint offset_field;  /* bytes */
  guint size_field;
  guint value_bytes;   /* 0: the whole field; 4: only its first 4 bytes */
} IdxLayout;

static guint64
read_be (const guchar *p,
         guint         n)
{
  guint64 v = 0;
  guint k;

  for (k = 0; k < n; k++)
    v = (v << 8) | p[k];
  return v;
}

/* Walks the .idx with @layout; returns the number of words, or -1 with the
 * place of the first problem. */
static gint64
scan_idx (const guchar    *data,
          gsize            len,
          const IdxLayout *layout,
          guint64          dict_size,
          gsize           *bad_pos,
          gboolean        *past_end)
{
  guint tail = layout->offset_field + layout->size_field;
  gsize pos = 0;
  gint64 n = 0;

  *past_end = FALSE;
  while (pos < len)
    {
      const guchar *nul = memchr (data + pos, '\0', MIN (len - pos, 256));
      guint64 offset;
      guint64 size;

      if (nul == NULL || nul == data + pos)
        {
          *bad_pos = pos;
          return -1;
        }
      pos = nul - data + 1;
      if (len - pos < tail)
        {
          *bad_pos = pos;
          return -1;
        }
      offset = read_be (data + pos, layout->value_bytes ? layout->value_bytes : layout->offset_field);
      size = read_be (data + pos + layout->offset_field,
                      layout->value_bytes ? layout->value_bytes : layout->size_field);
      if (layout->value_bytes != 0
          && (read_be (data + pos + 4, 4) != 0 || read_be (data + pos + layout->offset_field + 4, 4) != 0))
        {
          *bad_pos = pos;
          return -1;
        }
      pos += tail;
      if (offset > dict_size || size > dict_size - offset)
        {
          *bad_pos = pos - tail;
          *past_end = TRUE;
          return -1;
        }
      n++;
    }
  return n;
}

static gboolean
check_idx (StarDict  *self,
           GError   **error)
{
  static const IdxLayout others[] = {
    { 4, 4, 0 }, { 8, 4, 0 }, { 8, 8, 0 },
    /* A 32-bit number stored in a 64-bit long, as dictd2dic does on amd64. */
    { 8, 8, 4 },
  };
  IdxLayout declared = { self->offset_bytes, 4, 0 };
  gsize len;
  const guchar *data = g_bytes_get_data (self->idx, &len);
  guint64 dict_size = _banso_dict_data_get_size (self->dict);
  gsize bad_pos = 0;
  gboolean past_end = FALSE;
  gint64 n;
  guint i;

  n = scan_idx (data, len, &declared, dict_size, &bad_pos, &past_end);
  if (n == self->wordcount)
    return TRUE;

  /* A file of another record width that reads cleanly says what is wrong. */
  for (i = 0; i < G_N_ELEMENTS (others); i++)
    {
      gsize other_pos;
      gboolean other_end;

      if (others[i].offset_field == declared.offset_field && others[i].size_field == 4
          && others[i].value_bytes == 0)
        continue;
      if (scan_idx (data, len, &others[i], dict_size, &other_pos, &other_end) == self->wordcount)
        {
          g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
                       _("File %s has %u bytes of offset and size after each word, but %s says "
                         "idxoffsetbits=%u, which means %u: the index was written by a broken "
                         "converter (stardict-tools' dictd2dic on 64-bit machines does this). "
                         "Convert the dictionary again with another tool, such as tabfile."),
                       self->idx_path, others[i].offset_field + others[i].size_field,
                       self->ifo_path, self->offset_bytes * 8, self->offset_bytes + 4);
          return FALSE;
        }
    }

  if (n < 0 && past_end)
    g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
                 _("File %s, byte %llu: the word points past the end of %s "
                   "(%llu bytes of text)"),
                 self->idx_path, (unsigned long long)bad_pos, self->dict_path, (unsigned long long)dict_size);
  else if (n < 0)
    g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
                 _("File %s, byte %llu: the index record is damaged or cut short"),
                 self->idx_path, (unsigned long long)bad_pos);
  else
    g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
                 _("File %s says wordcount=%u, but %s holds %lld words"),
                 self->ifo_path, self->wordcount, self->idx_path, (long long)n);
  return FALSE;
}

static gboolean
read_syn (StarDict    *self,
          const char  *syn_path,
          GError     **error)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (syn_path, FALSE, error);
  const guchar *data;
  gsize len;
  gsize pos = 0;
  guint64 declared = 0;
  gboolean have_declared = g_hash_table_contains (self->ifo, "synwordcount");
  guint64 n = 0;

  if (mapped == NULL)
    return FALSE;
  if (!parse_count (self, "synwordcount", FALSE, &declared, error))
    return FALSE;
  data = (const guchar *)g_mapped_file_get_contents (mapped);
  len = g_mapped_file_get_length (mapped);

  while (pos < len)
    {
      const guchar *nul = memchr (data + pos, '\0', MIN (len - pos, 256));
      guint32 index;
      GPtrArray *words;
      const char *word = (const char *)data + pos;

      if (nul == NULL || len - (nul - data + 1) < 4)
        {
          g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
                       _("File %s, byte %llu: the synonym record is damaged or cut short"),
                       syn_path, (unsigned long long)pos);
          return FALSE;
        }
      pos = nul - data + 1;
      index = ((guint32)data[pos] << 24) | (data[pos + 1] << 16) | (data[pos + 2] << 8) | data[pos + 3];
      if (index >= self->wordcount)
        {
          g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
                       _("File %s, byte %llu: the synonym points to word %u, "
                         "but the dictionary has %u words"),
                       syn_path, (unsigned long long)pos, index, self->wordcount);
          return FALSE;
        }
      pos += 4;
      words = g_hash_table_lookup (self->synonyms, GUINT_TO_POINTER (index));
      if (words == NULL)
        {
          words = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (self->synonyms, GUINT_TO_POINTER (index), words);
        }
      g_ptr_array_add (words, _banso_text_sanitize (word, nul - (const guchar *)word));
      n++;
    }
  if (have_declared && n != declared)
    {
      g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
                   _("File %s says synwordcount=%llu, but %s holds %llu synonyms"),
                   self->ifo_path, (unsigned long long)declared, syn_path, (unsigned long long)n);
      return FALSE;
    }
  return TRUE;
}

static void
add_field (StarDict   *self,
           JsonObject *entry,
           char        type,
           const char *data,
           gsize       len)
{
  g_autofree char *text = _banso_text_sanitize (data, len);

  switch (type)
    {
    case 'm':
    case 'l':
    case 'g':
    case 'h':
    case 'x':
    case 'k':
    case 'w':
    case 'y':
      {
        JsonArray *senses = _banso_json_ensure_array (entry, "senses");
        JsonObject *sense;
        JsonArray *definitions;
        JsonObject *form;

        if (json_array_get_length (senses) == 0)
          json_array_add_object_element (senses, json_object_new ());
        sense = _banso_json_array_get_object (senses, 0);
        definitions = _banso_json_ensure_array (sense, "definitions");
        form = json_object_new ();
        json_object_set_string_member (form, "ws", "und");
        if (type == 'm' || type == 'l')
          {
            json_object_set_string_member (form, "text", text);
          }
        else
          {
            g_autofree char *plain = _banso_markup_to_text (text);
            JsonObject *markup = json_object_new ();
            char type_str[2] = { type, '\0' };

            json_object_set_string_member (form, "text", g_strstrip (plain));
            json_object_set_string_member (markup, "type", type_str);
            json_object_set_string_member (markup, "data", text);
            json_object_set_object_member (form, "markup", markup);
          }
        json_array_add_object_element (definitions, form);
      }
      break;
    case 't':
      {
        JsonObject *pron = json_object_new ();
        JsonArray *forms = json_array_new ();

        _banso_json_add_form (forms, "und-fonipa", text);
        json_object_set_array_member (pron, "forms", forms);
        json_array_add_object_element (_banso_json_ensure_array (entry, "pronunciations"), pron);
      }
      break;
    default:
      self->skipped++;
    }
}

/* One field of an article at *@pos; the last field of a sametypesequence
 * has neither its NUL nor its size. */
static void
parse_field (StarDict   *self,
             JsonObject *entry,
             char        type,
             gboolean    last,
             const char *data,
             gsize       len,
             gsize      *pos)
{
  gsize field_len;

  if (g_ascii_isupper (type))
    {
      if (last)
        {
          field_len = len - *pos;
        }
      else
        {
          if (len - *pos < 4)
            {
              *pos = len;
              return;
            }
          field_len = ((guint32)(guchar)data[*pos] << 24) | ((guchar)data[*pos + 1] << 16)
                      | ((guchar)data[*pos + 2] << 8) | (guchar)data[*pos + 3];
          *pos += 4;
          field_len = MIN (field_len, len - *pos);
        }
      self->skipped++;
      *pos += field_len;
    }
  else
    {
      const char *nul = last ? NULL : memchr (data + *pos, '\0', len - *pos);

      field_len = nul != NULL ? (gsize)(nul - data) - *pos : len - *pos;
      add_field (self, entry, type, data + *pos, field_len);
      *pos += field_len + (nul != NULL ? 1 : 0);
    }
}

/* The fields of an article, by the .ifo's sametypesequence or, without one,
 * each with its type before it. */
static void
parse_article (StarDict   *self,
               JsonObject *entry,
               const char *data,
               gsize       len)
{
  const char *types = g_hash_table_lookup (self->ifo, "sametypesequence");
  gsize pos = 0;

  if (types != NULL && *types != '\0')
    {
      guint t;

      for (t = 0; types[t] != '\0' && pos <= len; t++)
        parse_field (self, entry, types[t], types[t + 1] == '\0', data, len, &pos);
      return;
    }
  while (pos < len)
    {
      char type = data[pos++];

      if (type == '\0')
        continue;
      parse_field (self, entry, type, FALSE, data, len, &pos);
    }
}

static gboolean
emit_entries (StarDict       *self,
              BansoDictSink  *sink,
              GError        **error)
{
  gsize len;
  const guchar *data = g_bytes_get_data (self->idx, &len);
  gsize pos = 0;
  guint n = 0;

  while (pos < len)
    {
      const char *word = (const char *)data + pos;
      gsize word_len = strlen (word);
      guint64 offset = 0;
      guint32 size = 0;
      g_autofree char *article = NULL;
      g_autofree char *head = NULL;
      g_autoptr(JsonObject) entry = json_object_new ();
      JsonArray *forms = json_array_new ();
      GPtrArray *synonyms;
      guint k;

      pos += word_len + 1;
      for (k = 0; k < self->offset_bytes; k++)
        offset = (offset << 8) | data[pos + k];
      pos += self->offset_bytes;
      size = ((guint32)data[pos] << 24) | (data[pos + 1] << 16) | (data[pos + 2] << 8) | data[pos + 3];
      pos += 4;

      article = _banso_dict_data_read (self->dict, offset, size, error);
      if (article == NULL)
        return FALSE;

      head = _banso_text_sanitize (word, word_len);
      _banso_json_add_form (forms, "und", head);
      json_object_set_array_member (entry, "forms", forms);
      synonyms = g_hash_table_lookup (self->synonyms, GUINT_TO_POINTER (n));
      for (k = 0; synonyms != NULL && k < synonyms->len; k++)
        {
          JsonObject *variant = json_object_new ();
          JsonArray *vforms = json_array_new ();

          _banso_json_add_form (vforms, "und", g_ptr_array_index (synonyms, k));
          json_object_set_array_member (variant, "forms", vforms);
          json_array_add_object_element (_banso_json_ensure_array (entry, "variants"), variant);
        }
      parse_article (self, entry, article, size);

      if (!_banso_dict_sink_emit (sink, entry, pos, len, error))
        return FALSE;
      n++;
    }
  return TRUE;
}

gboolean
_banso_dict_read_stardict (const char     *path,
                           JsonObject    **info_out,
                           BansoDictSink  *sink,
                           GError        **error)
{
  StarDict self = { 0 };
  g_autoptr(JsonObject) info = json_object_new ();
  JsonObject *extra;
  g_autofree char *syn_path = NULL;
  guint64 wordcount = 0;
  guint64 idxfilesize = 0;
  guint64 offsetbits = 32;
  gsize idx_len;
  GHashTableIter iter;
  gpointer key;
  gpointer value;
  gboolean ok = FALSE;

  self.base = strip_suffix (path);
  self.ifo_path = g_strconcat (self.base, ".ifo", NULL);
  self.ifo = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self.synonyms = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);

  if (!g_file_test (self.ifo_path, G_FILE_TEST_IS_REGULAR))
    {
      missing (error, self.base, ".ifo");
      goto out;
    }
  if (!read_ifo (&self, error))
    goto out;
  if (!parse_count (&self, "wordcount", TRUE, &wordcount, error)
      || !parse_count (&self, "idxfilesize", TRUE, &idxfilesize, error)
      || !parse_count (&self, "idxoffsetbits", FALSE, &offsetbits, error))
    goto out;
  if (offsetbits != 32 && offsetbits != 64)
    {
      g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
                   _("File %s: field idxoffsetbits must be 32 or 64, not %llu"),
                   self.ifo_path, (unsigned long long)offsetbits);
      goto out;
    }
  if (wordcount > G_MAXUINT32)
    {
      g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
                   _("File %s: field wordcount is too large (%llu)"),
                   self.ifo_path, (unsigned long long)wordcount);
      goto out;
    }
  self.wordcount = wordcount;
  self.offset_bytes = offsetbits / 8;

  self.idx_path = first_existing (self.base, ".idx", ".idx.gz");
  if (self.idx_path == NULL)
    {
      missing (error, self.base, ".idx");
      goto out;
    }
  self.dict_path = first_existing (self.base, ".dict.dz", ".dict");
  if (self.dict_path == NULL)
    {
      missing (error, self.base, ".dict");
      goto out;
    }

  if (g_str_has_suffix (self.idx_path, ".gz"))
    {
      g_autoptr(BansoDictData) gz = _banso_dict_data_open (self.idx_path, sink->cancellable, error);
      char *all;
      guint64 size;

      if (gz == NULL)
        goto out;
      size = _banso_dict_data_get_size (gz);
      if (size > G_MAXUINT32)
        size = G_MAXUINT32;
      all = _banso_dict_data_read (gz, 0, size, error);
      if (all == NULL)
        goto out;
      self.idx = g_bytes_new_take (all, size);
    }
  else
    {
      GMappedFile *mapped = g_mapped_file_new (self.idx_path, FALSE, error);

      if (mapped == NULL)
        goto out;
      self.idx = g_mapped_file_get_bytes (mapped);
      g_mapped_file_unref (mapped);
    }
  g_bytes_get_data (self.idx, &idx_len);
  if (idx_len != idxfilesize)
    {
      g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
                   _("File %s says idxfilesize=%llu, but %s has %llu bytes"),
                   self.ifo_path, (unsigned long long)idxfilesize, self.idx_path,
                   (unsigned long long)idx_len);
      goto out;
    }

  self.dict = _banso_dict_data_open (self.dict_path, sink->cancellable, error);
  if (self.dict == NULL || !check_idx (&self, error))
    goto out;

  syn_path = first_existing (self.base, ".syn", NULL);
  if (syn_path != NULL && !read_syn (&self, syn_path, error))
    goto out;

  if (!emit_entries (&self, sink, error))
    goto out;

  extra = json_object_new ();
  g_hash_table_iter_init (&iter, self.ifo);
  while (g_hash_table_iter_next (&iter, &key, &value))
    json_object_set_string_member (extra, key, value);
  json_object_set_int_member (extra, "skipped_fields", self.skipped);
  if (g_hash_table_lookup (self.ifo, "bookname") != NULL)
    json_object_set_string_member (info, "title", g_hash_table_lookup (self.ifo, "bookname"));
  if (g_hash_table_lookup (self.ifo, "description") != NULL)
    {
      g_autofree char *description = _banso_markup_to_text (g_hash_table_lookup (self.ifo,
                                                                                 "description"));

      json_object_set_string_member (info, "description", g_strstrip (description));
    }
  json_object_set_object_member (info, "extra", extra);
  *info_out = g_steal_pointer (&info);
  ok = TRUE;

out:
  stardict_clear (&self);
  return ok;
}
