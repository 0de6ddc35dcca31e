/* banso-webvtt-cue.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The WebVTT cue text tokenizer and the "cue text parsing rules" of the W3C: a tree of
 * classes, italics, bold, underline, ruby, voices (speakers), languages and timestamps, with
 * HTML character references. The tree becomes Pango markup for the overlay and plain text
 * for transcripts and search. */

#define G_LOG_DOMAIN "banso-webvtt"

#include "config.h"

#include <string.h>

#include "banso-webvtt-private.h"

typedef enum
{
  TOKEN_STRING,
  TOKEN_START_TAG,
  TOKEN_END_TAG,
  TOKEN_TIMESTAMP,
  TOKEN_EOF,
} TokenKind;

typedef struct
{
  TokenKind  kind;
  GString   *value;       /* the string, the tag name or the timestamp */
  GPtrArray *classes;
  char      *annotation;
} Token;

typedef enum
{
  STATE_DATA,
  STATE_TAG,
  STATE_START_TAG,
  STATE_START_TAG_CLASS,
  STATE_START_TAG_ANNOTATION,
  STATE_END_TAG,
  STATE_TIMESTAMP_TAG,
} State;

static GHashTable *
entity_table (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);

      for (gsize i = 0; i < banso_vtt_n_entities; i++)
        g_hash_table_insert (t, (gpointer) banso_vtt_entities[i].name,
                             (gpointer) banso_vtt_entities[i].value);
      g_once_init_leave (&table, t);
    }
  return table;
}

static void
append_code_point (GString  *out,
                   guint64   cp)
{
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    cp = 0xFFFD;
  g_string_append_unichar (out, (gunichar) cp);
}

/* "Consume a character reference" at s + *pos (just after the '&'). Appends what it stands
 * for and returns TRUE, or returns FALSE and consumes nothing. */
static gboolean
consume_reference (const char *s,
                   gsize      *pos,
                   char        additional,
                   gboolean    in_attribute,
                   GString    *out)
{
  gsize p = *pos;
  char c = s[p];

  if (c == '\t' || c == '\n' || c == '\f' || c == ' ' || c == '<' || c == '&' || c == '\0'
      || (additional != '\0' && c == additional))
    return FALSE;

  if (c == '#')
    {
      gboolean hex = FALSE;
      guint64 cp = 0;
      gsize start;

      p++;
      if (s[p] == 'x' || s[p] == 'X')
        {
          hex = TRUE;
          p++;
        }
      start = p;
      while (hex ? g_ascii_isxdigit (s[p]) : g_ascii_isdigit (s[p]))
        {
          if (cp <= 0x10FFFF)
            cp = cp * (hex ? 16 : 10) + (hex ? g_ascii_xdigit_value (s[p]) : s[p] - '0');
          p++;
        }
      if (p == start)
        return FALSE;
      if (s[p] == ';')
        p++;
      append_code_point (out, cp);
      *pos = p;
      return TRUE;
    }

  /* The longest name in the table that the text starts with. */
  {
    GHashTable *table = entity_table ();
    char name[40];
    gsize n = 0;

    while (n < 33 && g_ascii_isalnum (s[p + n]))
      {
        name[n] = s[p + n];
        n++;
      }
    if (n < 39 && s[p + n] == ';')
      {
        name[n] = ';';
        n++;
      }
    for (; n > 0; n--)
      {
        const char *value;

        name[n] = '\0';
        value = g_hash_table_lookup (table, name);
        if (value == NULL)
          continue;
        if (in_attribute && name[n - 1] != ';'
            && (s[p + n] == '=' || g_ascii_isalnum (s[p + n])))
          return FALSE;
        g_string_append (out, value);
        *pos = p + n;
        return TRUE;
      }
  }
  return FALSE;
}

static void
token_clear (Token *token)
{
  g_string_free (token->value, TRUE);
  g_ptr_array_unref (token->classes);
  g_free (token->annotation);
}

static void
add_class (Token   *token,
           GString *buffer)
{
  if (buffer->len > 0)
    g_ptr_array_add (token->classes, g_strdup (buffer->str));
  g_string_truncate (buffer, 0);
}

static char *
collapse_annotation (const char *s)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (; *s; s++)
    {
      if (_banso_vtt_is_space (*s))
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *s);
        }
    }
  return g_string_free (out, FALSE);
}

/* The WebVTT cue text tokenizer: the next token of s from *pos. */
static void
next_token (const char *s,
            gsize      *pos,
            Token      *token)
{
  g_autoptr(GString) buffer = g_string_new (NULL);
  State state = STATE_DATA;
  gsize p = *pos;

  token->value = g_string_new (NULL);
  token->classes = g_ptr_array_new_with_free_func (g_free);
  token->annotation = NULL;

  for (;;)
    {
      char c = s[p];

      switch (state)
        {
        case STATE_DATA:
          if (c == '&')
            {
              p++;
              if (!consume_reference (s, &p, '\0', FALSE, token->value))
                g_string_append_c (token->value, '&');
              continue;
            }
          if (c == '<')
            {
              if (token->value->len == 0)
                {
                  state = STATE_TAG;
                  p++;
                  continue;
                }
              token->kind = TOKEN_STRING;
              goto done;
            }
          if (c == '\0')
            {
              token->kind = token->value->len > 0 ? TOKEN_STRING : TOKEN_EOF;
              goto done;
            }
          g_string_append_c (token->value, c);
          p++;
          break;

        case STATE_TAG:
          if (c == '\t' || c == '\n' || c == '\f' || c == ' ')
            state = STATE_START_TAG_ANNOTATION;
          else if (c == '.')
            state = STATE_START_TAG_CLASS;
          else if (c == '/')
            state = STATE_END_TAG;
          else if (g_ascii_isdigit (c))
            {
              g_string_append_c (token->value, c);
              state = STATE_TIMESTAMP_TAG;
            }
          else if (c == '>')
            {
              p++;
              token->kind = TOKEN_START_TAG;
              goto done;
            }
          else if (c == '\0')
            {
              token->kind = TOKEN_START_TAG;
              goto done;
            }
          else
            {
              g_string_append_c (token->value, c);
              state = STATE_START_TAG;
            }
          p++;
          break;

        case STATE_START_TAG:
          if (c == '\t' || c == '\f' || c == ' ')
            state = STATE_START_TAG_ANNOTATION;
          else if (c == '\n')
            {
              g_string_append_c (buffer, c);
              state = STATE_START_TAG_ANNOTATION;
            }
          else if (c == '.')
            state = STATE_START_TAG_CLASS;
          else if (c == '>' || c == '\0')
            {
              if (c == '>')
                p++;
              token->kind = TOKEN_START_TAG;
              goto done;
            }
          else
            g_string_append_c (token->value, c);
          p++;
          break;

        case STATE_START_TAG_CLASS:
          if (c == '\t' || c == '\f' || c == ' ')
            {
              add_class (token, buffer);
              state = STATE_START_TAG_ANNOTATION;
            }
          else if (c == '\n')
            {
              add_class (token, buffer);
              g_string_append_c (buffer, c);
              state = STATE_START_TAG_ANNOTATION;
            }
          else if (c == '.')
            add_class (token, buffer);
          else if (c == '>' || c == '\0')
            {
              if (c == '>')
                p++;
              add_class (token, buffer);
              token->kind = TOKEN_START_TAG;
              goto done;
            }
          else
            g_string_append_c (buffer, c);
          p++;
          break;

        case STATE_START_TAG_ANNOTATION:
          if (c == '&')
            {
              p++;
              if (!consume_reference (s, &p, '>', TRUE, buffer))
                g_string_append_c (buffer, '&');
              continue;
            }
          if (c == '>' || c == '\0')
            {
              if (c == '>')
                p++;
              token->annotation = collapse_annotation (buffer->str);
              token->kind = TOKEN_START_TAG;
              goto done;
            }
          g_string_append_c (buffer, c);
          p++;
          break;

        case STATE_END_TAG:
          if (c == '>' || c == '\0')
            {
              if (c == '>')
                p++;
              token->kind = TOKEN_END_TAG;
              goto done;
            }
          g_string_append_c (token->value, c);
          p++;
          break;

        case STATE_TIMESTAMP_TAG:
        default:
          if (c == '>' || c == '\0')
            {
              if (c == '>')
                p++;
              token->kind = TOKEN_TIMESTAMP;
              goto done;
            }
          g_string_append_c (token->value, c);
          p++;
          break;
        }
    }

done:
  *pos = p;
}

static BansoVttNode *
node_new (BansoVttNodeKind  kind,
          BansoVttNode     *parent)
{
  BansoVttNode *node = g_new0 (BansoVttNode, 1);

  node->kind = kind;
  node->parent = parent;
  node->children = g_ptr_array_new_with_free_func ((GDestroyNotify) banso_vtt_node_free);
  if (parent != NULL)
    g_ptr_array_add (parent->children, node);
  return node;
}

void
banso_vtt_node_free (BansoVttNode *node)
{
  if (node == NULL)
    return;
  g_free (node->text);
  g_strfreev (node->classes);
  g_ptr_array_unref (node->children);
  g_free (node);
}

static const struct
{
  const char       *tag;
  BansoVttNodeKind  kind;
} tags[] = {
  { "c", BANSO_VTT_NODE_CLASS },
  { "i", BANSO_VTT_NODE_ITALIC },
  { "b", BANSO_VTT_NODE_BOLD },
  { "u", BANSO_VTT_NODE_UNDERLINE },
  { "ruby", BANSO_VTT_NODE_RUBY },
  { "rt", BANSO_VTT_NODE_RUBY_TEXT },
  { "v", BANSO_VTT_NODE_VOICE },
  { "lang", BANSO_VTT_NODE_LANG },
};

BansoVttNode *
banso_vtt_cue_text_parse (const char *text)
{
  BansoVttNode *root = node_new (BANSO_VTT_NODE_ROOT, NULL);
  BansoVttNode *current = root;
  gsize pos = 0;

  g_return_val_if_fail (text != NULL, root);

  for (;;)
    {
      Token token;

      next_token (text, &pos, &token);
      switch (token.kind)
        {
        case TOKEN_EOF:
          token_clear (&token);
          return root;

        case TOKEN_STRING:
          {
            BansoVttNode *node = node_new (BANSO_VTT_NODE_TEXT, current);

            node->text = g_strdup (token.value->str);
          }
          break;

        case TOKEN_START_TAG:
          for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
            {
              BansoVttNode *node;

              if (!g_str_equal (token.value->str, tags[i].tag))
                continue;
              if (tags[i].kind == BANSO_VTT_NODE_RUBY_TEXT
                  && current->kind != BANSO_VTT_NODE_RUBY)
                break;
              node = node_new (tags[i].kind, current);
              g_ptr_array_add (token.classes, NULL);
              node->classes = g_strdupv ((char **) token.classes->pdata);
              g_ptr_array_set_size (token.classes, token.classes->len - 1);
              if (tags[i].kind == BANSO_VTT_NODE_VOICE || tags[i].kind == BANSO_VTT_NODE_LANG)
                node->text = g_strdup (token.annotation ? token.annotation : "");
              current = node;
              break;
            }
          break;

        case TOKEN_END_TAG:
          {
            const char *name = token.value->str;
            gboolean matches = FALSE;

            for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
              if (g_str_equal (name, tags[i].tag) && current->kind == tags[i].kind)
                matches = TRUE;
            if (matches)
              current = current->parent;
            else if (g_str_equal (name, "ruby") && current->kind == BANSO_VTT_NODE_RUBY_TEXT)
              current = current->parent->parent;
          }
          break;

        case TOKEN_TIMESTAMP:
          {
            gsize p = 0;
            gint64 ms;

            if (_banso_vtt_parse_timestamp (token.value->str, &p, &ms)
                && token.value->str[p] == '\0')
              {
                BansoVttNode *node = node_new (BANSO_VTT_NODE_TIMESTAMP, current);

                node->timestamp_ms = ms;
              }
          }
          break;

        default:
          break;
        }
      token_clear (&token);
    }
}

static const char *
node_element (BansoVttNodeKind kind)
{
  switch (kind)
    {
    case BANSO_VTT_NODE_ITALIC: return "i";
    case BANSO_VTT_NODE_BOLD: return "b";
    case BANSO_VTT_NODE_UNDERLINE: return "u";
    case BANSO_VTT_NODE_RUBY: return "ruby";
    case BANSO_VTT_NODE_RUBY_TEXT: return "rt";
    default: return "span";
    }
}

static void
dump_node (BansoVttNode *node,
           guint         depth,
           GString      *out)
{
  g_autofree char *indent = g_strnfill (depth * 2, ' ');

  switch (node->kind)
    {
    case BANSO_VTT_NODE_ROOT:
      break;
    case BANSO_VTT_NODE_TEXT:
      g_string_append_printf (out, "| %s\"%s\"\n", indent, node->text);
      return;
    case BANSO_VTT_NODE_TIMESTAMP:
      {
        g_autofree char *t = banso_vtt_format_time (node->timestamp_ms);

        g_string_append_printf (out, "| %s<?timestamp %s>\n", indent, t);
      }
      return;
    default:
      g_string_append_printf (out, "| %s<%s>\n", indent, node_element (node->kind));
      if (node->classes != NULL && node->classes[0] != NULL)
        {
          g_autofree char *joined = g_strjoinv (" ", node->classes);

          g_string_append_printf (out, "| %s  class=\"%s\"\n", indent, joined);
        }
      if (node->kind == BANSO_VTT_NODE_VOICE)
        g_string_append_printf (out, "| %s  title=\"%s\"\n", indent, node->text);
      if (node->kind == BANSO_VTT_NODE_LANG)
        g_string_append_printf (out, "| %s  lang=\"%s\"\n", indent, node->text);
      break;
    }

  for (guint i = 0; i < node->children->len; i++)
    dump_node (g_ptr_array_index (node->children, i),
               node->kind == BANSO_VTT_NODE_ROOT ? 0 : depth + 1, out);
}

/* The tree in the format of the W3C tests' expected results. */
char *
banso_vtt_node_dump (BansoVttNode *root)
{
  GString *out = g_string_new (NULL);

  dump_node (root, 0, out);
  return g_string_free (out, FALSE);
}

static void
markup_node (BansoVttNode *node,
             GString      *out)
{
  const char *open = NULL, *close = NULL;
  g_autofree char *span = NULL;

  switch (node->kind)
    {
    case BANSO_VTT_NODE_TEXT:
      {
        g_autofree char *escaped = g_markup_escape_text (node->text, -1);

        g_string_append (out, escaped);
      }
      return;
    case BANSO_VTT_NODE_TIMESTAMP:
      return;
    case BANSO_VTT_NODE_RUBY_TEXT:
      /* Ruby text goes in parentheses after its base, smaller. */
      g_string_append (out, "<small>(");
      for (guint i = 0; i < node->children->len; i++)
        markup_node (g_ptr_array_index (node->children, i), out);
      g_string_append (out, ")</small>");
      return;
    case BANSO_VTT_NODE_ITALIC:
      open = "<i>"; close = "</i>";
      break;
    case BANSO_VTT_NODE_BOLD:
      open = "<b>"; close = "</b>";
      break;
    case BANSO_VTT_NODE_UNDERLINE:
      open = "<u>"; close = "</u>";
      break;
    case BANSO_VTT_NODE_VOICE:
      if (node->text != NULL && node->text[0] != '\0')
        {
          g_autofree char *escaped = g_markup_escape_text (node->text, -1);

          g_string_append_printf (out, "<b>%s:</b> ", escaped);
        }
      break;
    case BANSO_VTT_NODE_LANG:
      if (node->text != NULL && node->text[0] != '\0')
        {
          g_autofree char *escaped = g_markup_escape_text (node->text, -1);

          span = g_strdup_printf ("<span lang=\"%s\">", escaped);
          open = span;
          close = "</span>";
        }
      break;
    default:
      break;
    }

  if (open)
    g_string_append (out, open);
  for (guint i = 0; i < node->children->len; i++)
    markup_node (g_ptr_array_index (node->children, i), out);
  if (close)
    g_string_append (out, close);
}

/* Pango markup: speakers' names in bold before what they say, italics, bold, underline. */
char *
banso_vtt_node_to_markup (BansoVttNode *root)
{
  GString *out = g_string_new (NULL);

  markup_node (root, out);
  return g_string_free (out, FALSE);
}

static void
plain_node (BansoVttNode *node,
            GString      *out)
{
  if (node->kind == BANSO_VTT_NODE_TEXT)
    g_string_append (out, node->text);
  for (guint i = 0; i < node->children->len; i++)
    plain_node (g_ptr_array_index (node->children, i), out);
}

char *
banso_vtt_node_to_plain (BansoVttNode *root)
{
  GString *out = g_string_new (NULL);

  plain_node (root, out);
  return g_string_free (out, FALSE);
}

static BansoVttNode *
find_voice (BansoVttNode *node)
{
  if (node->kind == BANSO_VTT_NODE_VOICE)
    return node;
  for (guint i = 0; i < node->children->len; i++)
    {
      BansoVttNode *found = find_voice (g_ptr_array_index (node->children, i));

      if (found)
        return found;
    }
  return NULL;
}

/* The first speaker named in the cue, or NULL. */
char *
banso_vtt_cue_speaker (BansoVttNode *root)
{
  BansoVttNode *voice = find_voice (root);

  if (voice == NULL || voice->text == NULL || voice->text[0] == '\0')
    return NULL;
  return g_strdup (voice->text);
}
