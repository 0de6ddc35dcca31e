/* banso-dict-stardict-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-dict"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "banso-dict-format-private.h"

/*
 * Writes a StarDict 2.4.2 dictionary (3.0.0 with 64-bit offsets past 4 GiB):
 * @path.ifo, the .idx sorted as StarDict searches it, the .dict, and a .syn
 * for the other forms and the variants of the headwords. Articles carry
 * their type before each field (no sametypesequence): 't' for the
 * pronunciation, then the markup an article read from StarDict had, or
 * plain text ('m') made from the senses.
 */

typedef struct
{
  guint64  offset;
  guint32  size;
  guint    word;      /* offset of the word in words */
  guint    order;     /* index once sorted */
} Record;

typedef struct
{
  guint    word;
  guint    record;
} Synonym;

typedef struct
{
  BansoDictWriter  parent;
  char            *base;
  JsonObject      *info;
  BansoDictOut     dict;
  BansoDictOut     idx;
  BansoDictOut     syn;
  BansoDictOut     ifo;
  GArray          *records;
  GArray          *synonyms;
  GString         *words;
  GString         *article;
} StarDictWriter;

static char *
clean_word (const char *text)
{
  g_autofree char *clean = _banso_text_sanitize (text, -1);
  char *p;
  const char *end;

  /* One line, no tabs, at most 255 bytes. */
  for (p = clean; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\t')
        *p = ' ';
    }
  g_strstrip (clean);
  if (strlen (clean) > 255)
    {
      g_utf8_validate (clean, 255, &end);
      clean[end - clean] = '\0';
    }
  return g_steal_pointer (&clean);
}

static guint
add_word (StarDictWriter *self,
          const char     *word)
{
  guint at = self->words->len;

  g_string_append_len (self->words, word, strlen (word) + 1);
  return at;
}

static void
append_joined (GString    *out,
               JsonArray  *forms,
               const char *separator)
{
  guint i;
  gboolean first = TRUE;

  for (i = 0; forms != NULL && i < json_array_get_length (forms); i++)
    {
      const char *text = _banso_json_get_string (_banso_json_array_get_object (forms, i), "text");

      if (text == NULL || *text == '\0')
        continue;
      if (!first)
        g_string_append (out, separator);
      g_string_append (out, text);
      first = FALSE;
    }
}

static void
append_sense_text (GString    *out,
                   JsonObject *sense,
                   guint       number,
                   guint       n_senses)
{
  const char *pos = _banso_json_get_string (sense, "pos");
  JsonArray *examples = _banso_json_get_array (sense, "examples");
  guint i;

  if (n_senses > 1)
    g_string_append_printf (out, "%u. ", number);
  if (pos != NULL && *pos != '\0')
    g_string_append_printf (out, "(%s) ", pos);
  append_joined (out, _banso_json_get_array (sense, "glosses"), "; ");
  if (_banso_json_get_array (sense, "definitions") != NULL)
    {
      g_string_append_c (out, '\n');
      append_joined (out, _banso_json_get_array (sense, "definitions"), "\n");
    }
  for (i = 0; examples != NULL && i < json_array_get_length (examples); i++)
    {
      JsonObject *example = _banso_json_array_get_object (examples, i);
      JsonArray *translations = _banso_json_get_array (example, "translations");
      guint j;

      g_string_append (out, "\n  • ");
      append_joined (out, _banso_json_get_array (example, "forms"), " / ");
      for (j = 0; translations != NULL && j < json_array_get_length (translations); j++)
        {
          g_string_append (out, " — ");
          append_joined (out, _banso_json_get_array (_banso_json_array_get_object (translations, j),
                                                     "forms"), " / ");
        }
    }
  g_string_append_c (out, '\n');
}

/* The markup of an article read from StarDict, when it was not changed. */
static JsonObject *
stardict_markup (JsonObject *entry)
{
  JsonArray *senses = _banso_json_get_array (entry, "senses");
  JsonArray *definitions;
  JsonObject *form;

  if (senses == NULL || json_array_get_length (senses) != 1)
    return NULL;
  definitions = _banso_json_get_array (_banso_json_array_get_object (senses, 0), "definitions");
  if (definitions == NULL || json_array_get_length (definitions) != 1)
    return NULL;
  form = _banso_json_array_get_object (definitions, 0);
  return _banso_json_get_object (form, "markup");
}

static void
build_article (GString    *article,
               JsonObject *entry)
{
  JsonArray *prons = _banso_json_get_array (entry, "pronunciations");
  JsonArray *senses = _banso_json_get_array (entry, "senses");
  JsonObject *markup = stardict_markup (entry);
  const char *type = _banso_json_get_string (markup, "type");
  const char *data = _banso_json_get_string (markup, "data");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *clean = NULL;
  guint i;

  g_string_truncate (article, 0);
  if (prons != NULL && json_array_get_length (prons) > 0)
    {
      g_autoptr(GString) ipa = g_string_new (NULL);

      for (i = 0; i < json_array_get_length (prons); i++)
        {
          if (ipa->len > 0)
            g_string_append (ipa, ", ");
          append_joined (ipa, _banso_json_get_array (_banso_json_array_get_object (prons, i),
                                                     "forms"), ", ");
        }
      if (ipa->len > 0)
        {
          clean = _banso_text_sanitize (ipa->str, ipa->len);
          g_string_append_c (article, 't');
          g_string_append_len (article, clean, strlen (clean) + 1);
          g_clear_pointer (&clean, g_free);
        }
    }

  if (type != NULL && strlen (type) == 1 && g_ascii_islower (type[0]) && data != NULL)
    {
      clean = _banso_text_sanitize (data, -1);
      g_string_append_c (article, type[0]);
      g_string_append_len (article, clean, strlen (clean) + 1);
      return;
    }

  for (i = 0; senses != NULL && i < json_array_get_length (senses); i++)
    {
      JsonObject *sense = _banso_json_array_get_object (senses, i);

      if (sense != NULL)
        append_sense_text (text, sense, i + 1, json_array_get_length (senses));
    }
  if (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);
  clean = _banso_text_sanitize (text->str, text->len);
  g_string_append_c (article, 'm');
  g_string_append_len (article, clean, strlen (clean) + 1);
}

static gboolean
stardict_open (BansoDictWriter  *writer,
               JsonObject       *info,
               GError          **error)
{
  StarDictWriter *self = (StarDictWriter *)writer;
  g_autofree char *dict_path = NULL;

  self->base = g_str_has_suffix (writer->path, ".ifo")
               ? g_strndup (writer->path, strlen (writer->path) - 4) : g_strdup (writer->path);
  self->info = json_object_ref (info);
  self->records = g_array_new (FALSE, FALSE, sizeof (Record));
  self->synonyms = g_array_new (FALSE, FALSE, sizeof (Synonym));
  self->words = g_string_new (NULL);
  self->article = g_string_new (NULL);
  dict_path = g_strconcat (self->base, ".dict", NULL);
  return _banso_dict_out_open (&self->dict, dict_path, error);
}

static gboolean
stardict_add (BansoDictWriter  *writer,
              JsonObject       *entry,
              GError          **error)
{
  StarDictWriter *self = (StarDictWriter *)writer;
  JsonArray *forms = _banso_json_get_array (entry, "forms");
  JsonArray *variants = _banso_json_get_array (entry, "variants");
  const char *head = _banso_json_multitext_first (forms);
  g_autofree char *word = NULL;
  Record record = { 0 };
  guint i;

  if (head == NULL)
    head = _banso_json_multitext_first (_banso_json_get_array (entry, "citation"));
  word = head != NULL ? clean_word (head) : NULL;
  if (word == NULL || *word == '\0')
    {
      g_set_error (error, BANSO_DICT_FORMAT_ERROR, BANSO_DICT_FORMAT_ERROR_MALFORMED,
                   _("Entry %u has no headword: StarDict needs one"), writer->n_entries + 1);
      return FALSE;
    }

  build_article (self->article, entry);
  record.offset = self->dict.written;
  record.size = self->article->len;
  record.word = add_word (self, word);
  if (!_banso_dict_out_write (&self->dict, self->article->str, self->article->len, error))
    return FALSE;
  g_array_append_val (self->records, record);

  /* The other forms of the headword and the variants find the same article. */
  for (i = 1; forms != NULL && i < json_array_get_length (forms); i++)
    {
      const char *text = _banso_json_get_string (_banso_json_array_get_object (forms, i), "text");
      g_autofree char *other = text != NULL ? clean_word (text) : NULL;
      Synonym syn;

      if (other == NULL || *other == '\0' || strcmp (other, word) == 0)
        continue;
      syn.word = add_word (self, other);
      syn.record = self->records->len - 1;
      g_array_append_val (self->synonyms, syn);
    }
  for (i = 0; variants != NULL && i < json_array_get_length (variants); i++)
    {
      JsonArray *vforms = _banso_json_get_array (_banso_json_array_get_object (variants, i),
                                                 "forms");
      guint j;

      for (j = 0; vforms != NULL && j < json_array_get_length (vforms); j++)
        {
          const char *text = _banso_json_get_string (_banso_json_array_get_object (vforms, j),
                                                     "text");
          g_autofree char *other = text != NULL ? clean_word (text) : NULL;
          Synonym syn;

          if (other == NULL || *other == '\0' || strcmp (other, word) == 0)
            continue;
          syn.word = add_word (self, other);
          syn.record = self->records->len - 1;
          g_array_append_val (self->synonyms, syn);
        }
    }
  return TRUE;
}

/* StarDict's own order: ASCII case folded first, then bytes. */
static int
stardict_strcmp (const char *a,
                 const char *b)
{
  int c = g_ascii_strcasecmp (a, b);

  return c != 0 ? c : strcmp (a, b);
}

static int
compare_records (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  StarDictWriter *self = user_data;

  return stardict_strcmp (self->words->str + ((const Record *)a)->word,
                          self->words->str + ((const Record *)b)->word);
}

static int
compare_synonyms (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  StarDictWriter *self = user_data;

  return stardict_strcmp (self->words->str + ((const Synonym *)a)->word,
                          self->words->str + ((const Synonym *)b)->word);
}

static void
append_be (GString *out,
           guint64  value,
           guint    bytes)
{
  while (bytes-- > 0)
    g_string_append_c (out, (char)((value >> (8 * bytes)) & 0xFF));
}

static void
append_ifo_line (GString    *out,
                 const char *key,
                 const char *value)
{
  g_autofree char *clean = NULL;
  char *p;

  if (value == NULL || *value == '\0')
    return;
  clean = _banso_text_sanitize (value, -1);
  for (p = clean; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r')
        *p = ' ';
    }
  g_string_append_printf (out, "%s=%s\n", key, clean);
}

static gboolean
stardict_finish (BansoDictWriter  *writer,
                 GError          **error)
{
  StarDictWriter *self = (StarDictWriter *)writer;
  g_autoptr(GString) idx = g_string_new (NULL);
  g_autoptr(GString) syn = g_string_new (NULL);
  g_autoptr(GString) ifo = g_string_new ("StarDict's dict ifo file\n");
  g_autofree guint *order = g_new (guint, self->records->len + 1);
  g_autofree char *idx_path = g_strconcat (self->base, ".idx", NULL);
  g_autofree char *syn_path = g_strconcat (self->base, ".syn", NULL);
  g_autofree char *ifo_path = g_strconcat (self->base, ".ifo", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%Y.%m.%d");
  gboolean wide = self->dict.written > G_MAXUINT32;
  const char *title = _banso_json_get_string (self->info, "title");
  const char *description = _banso_json_get_string (self->info, "description");
  guint i;

  for (i = 0; i < self->records->len; i++)
    g_array_index (self->records, Record, i).order = i;
  g_array_sort_with_data (self->records, compare_records, self);
  for (i = 0; i < self->records->len; i++)
    {
      Record *r = &g_array_index (self->records, Record, i);
      const char *word = self->words->str + r->word;

      order[r->order] = i;
      g_string_append_len (idx, word, strlen (word) + 1);
      append_be (idx, r->offset, wide ? 8 : 4);
      append_be (idx, r->size, 4);
    }
  g_array_sort_with_data (self->synonyms, compare_synonyms, self);
  for (i = 0; i < self->synonyms->len; i++)
    {
      Synonym *s = &g_array_index (self->synonyms, Synonym, i);
      const char *word = self->words->str + s->word;

      g_string_append_len (syn, word, strlen (word) + 1);
      append_be (syn, order[s->record], 4);
    }

  g_string_append (ifo, wide ? "version=3.0.0\n" : "version=2.4.2\n");
  append_ifo_line (ifo, "bookname", title != NULL ? title : "Banso");
  g_string_append_printf (ifo, "wordcount=%u\n", self->records->len);
  if (self->synonyms->len > 0)
    g_string_append_printf (ifo, "synwordcount=%u\n", self->synonyms->len);
  g_string_append_printf (ifo, "idxfilesize=%" G_GSIZE_FORMAT "\n", idx->len);
  if (wide)
    g_string_append (ifo, "idxoffsetbits=64\n");
  if (description != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (description, -1);
      g_auto(GStrv) lines = g_strsplit (escaped, "\n", -1);
      g_autofree char *joined = g_strjoinv ("<br>", lines);

      append_ifo_line (ifo, "description", joined);
    }
  append_ifo_line (ifo, "date", date);

  if (!_banso_dict_out_close (&self->dict, error)
      || !_banso_dict_out_open (&self->idx, idx_path, error)
      || !_banso_dict_out_write (&self->idx, idx->str, idx->len, error)
      || !_banso_dict_out_close (&self->idx, error))
    return FALSE;
  if (syn->len > 0
      && (!_banso_dict_out_open (&self->syn, syn_path, error)
          || !_banso_dict_out_write (&self->syn, syn->str, syn->len, error)
          || !_banso_dict_out_close (&self->syn, error)))
    return FALSE;
  if (!_banso_dict_out_open (&self->ifo, ifo_path, error)
      || !_banso_dict_out_write (&self->ifo, ifo->str, ifo->len, error)
      || !_banso_dict_out_close (&self->ifo, error))
    return FALSE;

  /* The .ifo last: a reader finds a dictionary by it. */
  if (!_banso_dict_out_commit (&self->dict, error) || !_banso_dict_out_commit (&self->idx, error))
    return FALSE;
  if (syn->len > 0 && !_banso_dict_out_commit (&self->syn, error))
    return FALSE;
  if (syn->len == 0)
    g_remove (syn_path);
  return _banso_dict_out_commit (&self->ifo, error);
}

static void
stardict_free (BansoDictWriter *writer)
{
  StarDictWriter *self = (StarDictWriter *)writer;

  _banso_dict_out_abort (&self->dict);
  _banso_dict_out_abort (&self->idx);
  _banso_dict_out_abort (&self->syn);
  _banso_dict_out_abort (&self->ifo);
  g_clear_pointer (&self->info, json_object_unref);
  g_clear_pointer (&self->records, g_array_unref);
  g_clear_pointer (&self->synonyms, g_array_unref);
  if (self->words != NULL)
    g_string_free (self->words, TRUE);
  if (self->article != NULL)
    g_string_free (self->article, TRUE);
  g_free (self->base);
}

const BansoDictWriterClass _banso_dict_stardict_writer_class = {
  sizeof (StarDictWriter),
  stardict_open,
  stardict_add,
  stardict_finish,
  stardict_free,
};
