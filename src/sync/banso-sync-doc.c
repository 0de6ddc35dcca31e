/* banso-sync-doc.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading the documents a server sent. The reply is scanned once, without
 * building a tree: the members the store keeps are copied as they stand into
 * the body, the ones replication needs (_id, _rev, _deleted, _revisions,
 * type) are read on the way. The scanner is strict JSON (RFC 8259, UTF-8);
 * every member can be missing or of the wrong kind, and the message then
 * names the record and the server.
 */

#define G_LOG_DOMAIN "banso-sync"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#include "banso-document.h"
#include "banso-json-scan.h"
#include "banso-sync-client.h"
#include "banso-sync-doc.h"

void
banso_sync_doc_free (BansoSyncDoc *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->id);
  g_free (doc->type);
  g_strfreev (doc->ancestry);
  if (doc->body != NULL)
    g_string_free (doc->body, TRUE);
  g_free (doc);
}

/* What a document's members say, before it is checked. */
typedef struct
{
  GString   *id;
  GString   *rev;
  GString   *type;
  gboolean   deleted;
  gboolean   has_start;
  gint64     start;
  GPtrArray *hashes;     /* of _revisions.ids, or NULL when not a list of strings */
  gboolean   has_ids;
  GString   *body;
} Fields;

static void
fields_clear (Fields *f)
{
  if (f->id)
    g_string_free (f->id, TRUE);
  if (f->rev)
    g_string_free (f->rev, TRUE);
  if (f->type)
    g_string_free (f->type, TRUE);
  g_clear_pointer (&f->hashes, g_ptr_array_unref);
  if (f->body)
    g_string_free (f->body, TRUE);
}

/* A string member: its text, or NULL (and the value stepped over) when the
 * value is not a string. */
static gboolean
scan_string_member (BansoJsonScan     *s,
                    GString **out)
{
  banso_json_scan_skip_space (s);
  if (*out)
    g_string_free (*out, TRUE);
  *out = NULL;
  if (s->p < s->end && *s->p == '"')
    {
      *out = g_string_sized_new (40);
      return banso_json_scan_string (s, *out);
    }
  return banso_json_scan_value (s, 1);
}

static gboolean
scan_revisions (BansoJsonScan   *s,
                Fields *f)
{
  banso_json_scan_skip_space (s);
  f->has_start = FALSE;
  f->has_ids = FALSE;
  g_clear_pointer (&f->hashes, g_ptr_array_unref);
  if (s->p >= s->end || *s->p != '{')
    return banso_json_scan_value (s, 1);

  s->p++;
  if (banso_json_scan_accept (s, '}'))
    return TRUE;
  do
    {
      g_autoptr(GString) name = g_string_sized_new (8);

      if (!banso_json_scan_string (s, name) || !banso_json_scan_expect (s, ':'))
        return FALSE;
      banso_json_scan_skip_space (s);
      if (g_str_equal (name->str, "start"))
        {
          const char *at = s->p;
          gboolean integral = FALSE;

          f->has_start = FALSE;
          if (s->p < s->end && (*s->p == '-' || g_ascii_isdigit (*s->p)))
            {
              if (!banso_json_scan_number (s, &integral))
                return FALSE;
              if (integral)
                {
                  g_autofree char *digits = g_strndup (at, s->p - at);
                  char *stop = NULL;

                  errno = 0;
                  f->start = g_ascii_strtoll (digits, &stop, 10);
                  f->has_start = errno == 0 && stop != NULL && *stop == '\0';
                }
            }
          else if (!banso_json_scan_value (s, 2))
            return FALSE;
        }
      else if (g_str_equal (name->str, "ids"))
        {
          g_clear_pointer (&f->hashes, g_ptr_array_unref);
          f->has_ids = TRUE;
          if (s->p < s->end && *s->p == '[')
            {
              f->hashes = g_ptr_array_new_with_free_func (g_free);
              s->p++;
              if (!banso_json_scan_accept (s, ']'))
                {
                  do
                    {
                      banso_json_scan_skip_space (s);
                      if (s->p < s->end && *s->p == '"')
                        {
                          GString *hash = g_string_sized_new (32);
                          if (!banso_json_scan_string (s, hash))
                            {
                              g_string_free (hash, TRUE);
                              return FALSE;
                            }
                          if (f->hashes)
                            g_ptr_array_add (f->hashes, g_string_free (hash, FALSE));
                          else
                            g_string_free (hash, TRUE);
                        }
                      else
                        {
                          g_clear_pointer (&f->hashes, g_ptr_array_unref);
                          if (!banso_json_scan_value (s, 3))
                            return FALSE;
                        }
                    }
                  while (banso_json_scan_accept (s, ','));
                  if (!banso_json_scan_expect (s, ']'))
                    return FALSE;
                }
            }
          else if (!banso_json_scan_value (s, 2))
            return FALSE;
        }
      else if (!banso_json_scan_value (s, 2))
        return FALSE;
    }
  while (banso_json_scan_accept (s, ','));
  return banso_json_scan_expect (s, '}');
}

/* A document object, the cursor on its "{"; @depth is where it sits. */
static gboolean
scan_doc_fields (BansoJsonScan   *s,
                 Fields *f,
                 int     depth)
{
  g_autoptr(GString) name = g_string_sized_new (16);

  f->body = g_string_sized_new (512);
  g_string_append_c (f->body, '{');
  if (!banso_json_scan_expect (s, '{'))
    return FALSE;
  if (banso_json_scan_accept (s, '}'))
    goto done;
  do
    {
      const char *name_at;

      banso_json_scan_skip_space (s);
      name_at = s->p;
      g_string_truncate (name, 0);
      if (!banso_json_scan_string (s, name) || !banso_json_scan_expect (s, ':'))
        return FALSE;

      if (g_str_equal (name->str, "_id"))
        {
          if (!scan_string_member (s, &f->id))
            return FALSE;
        }
      else if (g_str_equal (name->str, "_rev"))
        {
          if (!scan_string_member (s, &f->rev))
            return FALSE;
        }
      else if (g_str_equal (name->str, "type"))
        {
          if (!scan_string_member (s, &f->type))
            return FALSE;
        }
      else if (g_str_equal (name->str, "_deleted"))
        {
          banso_json_scan_skip_space (s);
          f->deleted = s->end - s->p >= 4 && memcmp (s->p, "true", 4) == 0;
          if (!banso_json_scan_value (s, depth + 1))
            return FALSE;
        }
      else if (g_str_equal (name->str, "_revisions"))
        {
          if (!scan_revisions (s, f))
            return FALSE;
        }
      else if (name->str[0] == '_')
        {
          if (!banso_json_scan_value (s, depth + 1))
            return FALSE;
        }
      else
        {
          /* Kept as the server wrote it, from the name to the value's end. */
          if (!banso_json_scan_value (s, depth + 1))
            return FALSE;
          if (f->body->len > 1)
            g_string_append_c (f->body, ',');
          g_string_append_len (f->body, name_at, s->p - name_at);
        }
    }
  while (banso_json_scan_accept (s, ','));
  if (!banso_json_scan_expect (s, '}'))
    return FALSE;
done:
  g_string_append_c (f->body, '}');
  return TRUE;
}

static void
damaged_history (GError     **error,
                 const char  *id,
                 const char  *server)
{
  g_set_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_BAD_REPLY,
               _("The server sent record %s with a damaged revision history (%s)."), id, server);
}

/* CouchDB's form of a revision hash: lowercase hexadecimal digits only. */
static gboolean
is_hex_hash (const char *hash)
{
  if (*hash == '\0')
    return FALSE;
  for (; *hash != '\0'; hash++)
    if (!g_ascii_isdigit (*hash) && !(*hash >= 'a' && *hash <= 'f'))
      return FALSE;
  return TRUE;
}

/* A revision is N-hex and nothing else: a generation of decimal digits
 * without a sign or a leading zero, a dash, a hash. strtoul alone would read
 * "1(-a" as generation 1 and the history would then rewrite it as "1-a". */
static gboolean
is_revision (const char *rev)
{
  const char *p = rev;

  if (rev == NULL || !g_ascii_isdigit (*p) || *p == '0')
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (p - rev > 9 || *p != '-')
    return FALSE;
  return is_hex_hash (p + 1);
}

/* Checks what the members said and makes the document of it. */
static BansoSyncDoc *
doc_from_fields (Fields      *f,
                 const char  *server,
                 GError     **error)
{
  g_autoptr(BansoSyncDoc) doc = NULL;
  g_autoptr(GStrvBuilder) ancestry = NULL;
  const char *id = f->id ? f->id->str : NULL;
  const char *rev = f->rev ? f->rev->str : NULL;
  const char *dash = rev ? strchr (rev, '-') : NULL;

  if (id == NULL || *id == '\0' || !is_revision (rev))
    {
      g_set_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_BAD_REPLY,
                   _("The server sent a record without a valid id or revision (%s, record %s)."),
                   server, id && *id ? id : "?");
      return NULL;
    }
  if (!f->has_start || f->hashes == NULL || f->hashes->len == 0 ||
      f->start != (gint64)banso_revision_generation (rev))
    {
      damaged_history (error, id, server);
      return NULL;
    }

  ancestry = g_strv_builder_new ();
  for (guint i = 0; i < f->hashes->len && f->start - (gint64)i > 0; i++)
    {
      const char *hash = g_ptr_array_index (f->hashes, i);
      g_autofree char *r = NULL;

      if (!is_hex_hash (hash) || (i == 0 && strcmp (hash, dash + 1) != 0))
        {
          damaged_history (error, id, server);
          return NULL;
        }
      r = g_strdup_printf ("%" G_GINT64_FORMAT "-%s", f->start - (gint64)i, hash);
      g_strv_builder_add (ancestry, r);
    }

  doc = g_new0 (BansoSyncDoc, 1);
  doc->id = g_strdup (id);
  doc->type = g_strdup (f->type && f->type->len > 0 ? f->type->str : "other");
  doc->ancestry = g_strv_builder_end (ancestry);
  doc->deleted = f->deleted;
  doc->body = g_steal_pointer (&f->body);
  return g_steal_pointer (&doc);
}

static BansoSyncDoc *
scan_doc (BansoJsonScan       *s,
          int         depth,
          const char *server)
{
  Fields f = { 0 };
  BansoSyncDoc *doc = NULL;

  if (scan_doc_fields (s, &f, depth))
    {
      doc = doc_from_fields (&f, server, s->error);
      s->failed = doc == NULL;
    }
  fields_clear (&f);
  return doc;
}

/**
 * banso_sync_doc_read:
 * @json: one document as the server sent it
 * @server: named in error messages
 *
 * Returns: (transfer full): the document, or %NULL with @error when it is not
 *   JSON or a member the store needs is missing or wrong
 */
BansoSyncDoc *
banso_sync_doc_read (const char  *json,
                     gsize        len,
                     const char  *server,
                     GError     **error)
{
  BansoJsonScan s = BANSO_JSON_SCAN_INIT (json, len, server, error);
  g_autoptr(BansoSyncDoc) doc = NULL;

  banso_json_scan_skip_space (&s);
  if (s.p < s.end && *s.p != '{')
    {
      g_set_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_BAD_REPLY,
                   _("The server sent a record without a valid id or revision (%s, record %s)."),
                   server, "?");
      return NULL;
    }
  if ((doc = scan_doc (&s, 0, server)) == NULL || !banso_json_scan_end (&s))
    return NULL;
  return g_steal_pointer (&doc);
}

static gboolean
fail_shape (BansoJsonScan       *s,
            const char *what)
{
  if (!s->failed)
    {
      /* Translators: the first %s says what was wrong, the second is the URL. */
      g_set_error (s->error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_BAD_REPLY,
                   _("The server's reply is not what Banso expected: %s (%s%s)."),
                   what, s->url, "");
      s->failed = TRUE;
    }
  return FALSE;
}

/* [{"ok": doc} | {"missing": …} | {"error": …}, …]: the documents found. A
 * revision gone since _changes listed it (compacted away) has no "ok": the
 * next change of that document brings what is current. */
static gboolean
scan_entries (BansoJsonScan       *s,
              int         depth,
              const char *server,
              GPtrArray  *out)
{
  if (!banso_json_scan_expect (s, '['))
    return FALSE;
  if (banso_json_scan_accept (s, ']'))
    return TRUE;
  do
    {
      banso_json_scan_skip_space (s);
      if (s->p >= s->end)
        return banso_json_scan_fail_unexpected (s);
      if (*s->p != '{')
        return banso_json_scan_value (s, depth + 1) && fail_shape (s, _("an entry that is not an object"));
      s->p++;
      if (banso_json_scan_accept (s, '}'))
        continue;
      do
        {
          g_autoptr(GString) name = g_string_sized_new (8);

          if (!banso_json_scan_string (s, name) || !banso_json_scan_expect (s, ':'))
            return FALSE;
          banso_json_scan_skip_space (s);
          if (g_str_equal (name->str, "ok"))
            {
              BansoSyncDoc *doc;

              if (s->p >= s->end || *s->p != '{')
                return banso_json_scan_value (s, depth + 2) &&
                       fail_shape (s, _("a record that is not an object"));
              if ((doc = scan_doc (s, depth + 2, server)) == NULL)
                return FALSE;
              g_ptr_array_add (out, doc);
            }
          else if (!banso_json_scan_value (s, depth + 2))
            return FALSE;
        }
      while (banso_json_scan_accept (s, ','));
      if (!banso_json_scan_expect (s, '}'))
        return FALSE;
    }
  while (banso_json_scan_accept (s, ','));
  return banso_json_scan_expect (s, ']');
}

/* {"results": [{"id": …, "docs": [entries]}, …]} */
static gboolean
scan_bulk_get (BansoJsonScan       *s,
               const char *server,
               GPtrArray  *out)
{
  gboolean results = FALSE;

  if (!banso_json_scan_expect (s, '{'))
    return FALSE;
  if (!banso_json_scan_accept (s, '}'))
    do
      {
        g_autoptr(GString) name = g_string_sized_new (8);

        if (!banso_json_scan_string (s, name) || !banso_json_scan_expect (s, ':'))
          return FALSE;
        banso_json_scan_skip_space (s);
        if (!g_str_equal (name->str, "results") || s->p >= s->end || *s->p != '[')
          {
            if (!banso_json_scan_value (s, 1))
              return FALSE;
            continue;
          }
        results = TRUE;
        s->p++;
        if (banso_json_scan_accept (s, ']'))
          continue;
        do
          {
            gboolean docs = FALSE;

            banso_json_scan_skip_space (s);
            if (s->p >= s->end)
              return banso_json_scan_fail_unexpected (s);
            if (*s->p != '{')
              return banso_json_scan_value (s, 2) && fail_shape (s, _("a result without its docs"));
            s->p++;
            if (!banso_json_scan_accept (s, '}'))
              do
                {
                  g_autoptr(GString) member = g_string_sized_new (8);

                  if (!banso_json_scan_string (s, member) || !banso_json_scan_expect (s, ':'))
                    return FALSE;
                  banso_json_scan_skip_space (s);
                  if (g_str_equal (member->str, "docs") && s->p < s->end && *s->p == '[')
                    {
                      docs = TRUE;
                      if (!scan_entries (s, 3, server, out))
                        return FALSE;
                    }
                  else if (!banso_json_scan_value (s, 3))
                    return FALSE;
                }
              while (banso_json_scan_accept (s, ','));
            if (!banso_json_scan_expect (s, '}'))
              return FALSE;
            if (!docs)
              return fail_shape (s, _("a result without its docs"));
          }
        while (banso_json_scan_accept (s, ','));
        if (!banso_json_scan_expect (s, ']'))
          return FALSE;
      }
    while (banso_json_scan_accept (s, ','));
  if (!banso_json_scan_expect (s, '}'))
    return FALSE;
  if (!results)
    return fail_shape (s, _("the records asked for have no results list"));
  return TRUE;
}

/**
 * banso_sync_docs_read:
 * @json: the reply of a _bulk_get or of an open_revs read
 * @server: named in messages about a document
 * @url: named in messages about the reply
 *
 * Returns: (transfer full) (element-type BansoSyncDoc): the documents in the
 *   reply, or %NULL with @error when any part of it is wrong
 */
GPtrArray *
banso_sync_docs_read (const char          *json,
                      gsize                len,
                      BansoSyncReplyKind   kind,
                      const char          *server,
                      const char          *url,
                      GError             **error)
{
  BansoJsonScan s = BANSO_JSON_SCAN_INIT (json, len, url, error);
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify)banso_sync_doc_free);
  gboolean ok;

  banso_json_scan_skip_space (&s);
  if (s.p < s.end && *s.p != (kind == BANSO_SYNC_REPLY_OPEN_REVS ? '[' : '{'))
    {
      /* Valid JSON of the wrong shape is told apart from a damaged reply. */
      if (banso_json_scan_value (&s, 0) && banso_json_scan_end (&s))
        fail_shape (&s, kind == BANSO_SYNC_REPLY_OPEN_REVS
                          ? _("the revisions of a record are not a list")
                          : _("the records asked for have no results list"));
      return NULL;
    }

  ok = kind == BANSO_SYNC_REPLY_OPEN_REVS ? scan_entries (&s, 0, server, docs)
                                          : scan_bulk_get (&s, server, docs);
  if (!ok || !banso_json_scan_end (&s))
    return NULL;
  return g_steal_pointer (&docs);
}
