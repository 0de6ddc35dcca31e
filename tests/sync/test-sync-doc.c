/* test-sync-doc.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading what a server sends: the documents of a _bulk_get or open_revs
 * reply, their history and body, and the message for each kind of wrong
 * reply.
 */

#include "config.h"

#include <string.h>

#include "banso-sync-client.h"
#include "banso-sync-doc.h"

#define SERVER "https://dc.example.vn"
#define URL SERVER "/office/_bulk_get?revs=true"

static GPtrArray *
read_reply (const char          *json,
            BansoSyncReplyKind   kind,
            GError             **error)
{
  return banso_sync_docs_read (json, strlen (json), kind, SERVER, URL, error);
}

static void
test_bulk_get (void)
{
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GError) error = NULL;
  BansoSyncDoc *doc;

  docs = read_reply ("{\"results\": [\n"
                     " {\"id\": \"h1\", \"docs\": [\n"
                     "  {\"ok\": {\"_id\": \"h1\", \"_rev\": \"3-ccc\", \"type\": \"household\",\n"
                     "           \"commune\": \"03646\", \"head\": \"L\\u00f2 V\\u0103n P\\u01a1m\",\n"
                     "           \"_revisions\": {\"start\": 3, \"ids\": [\"ccc\", \"bbb\", \"aaa\"]},\n"
                     "           \"members\": [{\"birth\": 1985, \"ratio\": -2.5e-1}], \"none\": null,\n"
                     "           \"_attachments\": {\"a\": {\"stub\": true}}}},\n"
                     "  {\"error\": {\"id\": \"h1\", \"rev\": \"2-zzz\", \"error\": \"not_found\"}}]},\n"
                     " {\"id\": \"h\\\"2\", \"docs\": [{\"ok\": {\"_rev\": \"1-d\", \"_deleted\": true,\n"
                     "   \"_revisions\": {\"ids\": [\"d\"], \"start\": 1}, \"_id\": \"h\\\"2\"}}]}]}",
                     BANSO_SYNC_REPLY_BULK_GET, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 2);

  doc = g_ptr_array_index (docs, 0);
  g_assert_cmpstr (doc->id, ==, "h1");
  g_assert_cmpstr (doc->type, ==, "household");
  g_assert_false (doc->deleted);
  g_assert_cmpuint (g_strv_length (doc->ancestry), ==, 3);
  g_assert_cmpstr (doc->ancestry[0], ==, "3-ccc");
  g_assert_cmpstr (doc->ancestry[2], ==, "1-aaa");
  /* The kept members as the server wrote them, nothing of replication's. */
  g_assert_cmpstr (doc->body->str, ==,
                   "{\"commune\": \"03646\",\"head\": \"L\\u00f2 V\\u0103n P\\u01a1m\","
                   "\"members\": [{\"birth\": 1985, \"ratio\": -2.5e-1}],\"none\": null}");

  doc = g_ptr_array_index (docs, 1);
  g_assert_cmpstr (doc->id, ==, "h\"2");
  g_assert_cmpstr (doc->type, ==, "other");
  g_assert_true (doc->deleted);
  g_assert_cmpstr (doc->ancestry[0], ==, "1-d");
  g_assert_null (doc->ancestry[1]);
  g_assert_cmpstr (doc->body->str, ==, "{}");
}

static void
test_open_revs (void)
{
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GError) error = NULL;
  BansoSyncDoc *doc;

  docs = read_reply ("[{\"missing\": \"4-x\"}, {\"ok\": {\"_id\": \"\\ud83d\\ude00 v\", \"_rev\": \"2-b\","
                     " \"_revisions\": {\"start\": 2, \"ids\": [\"b\", \"a\"]}, \"note\": \"\\ud83d\\ude00\"}}]",
                     BANSO_SYNC_REPLY_OPEN_REVS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 1);
  doc = g_ptr_array_index (docs, 0);
  g_assert_cmpstr (doc->id, ==, "😀 v");
  g_assert_cmpstr (doc->ancestry[1], ==, "1-a");
  g_assert_cmpstr (doc->body->str, ==, "{\"note\": \"\\ud83d\\ude00\"}");
}

typedef struct
{
  const char         *json;
  BansoSyncReplyKind  kind;
  const char         *message;   /* a part of it */
} Wrong;

static void
test_wrong_replies (void)
{
  static const Wrong wrong[] = {
    { "", BANSO_SYNC_REPLY_BULK_GET, "not valid JSON: the reply ends too early" },
    { "{\"results\": [", BANSO_SYNC_REPLY_BULK_GET, "the reply ends too early" },
    { "{\"results\": []} x", BANSO_SYNC_REPLY_BULK_GET, "unexpected “x” at byte 16" },
    { "{\"results\": [{\"docs\": [{\"ok\": {\"_id\": \"a\", \"x\": 01}}]}]}",
      BANSO_SYNC_REPLY_BULK_GET, "unexpected “1” at byte 49" },
    { "[{\"ok\": {\"_id\": \"a\", \"x\": \"\xc3\"}}]", BANSO_SYNC_REPLY_OPEN_REVS, "not UTF-8" },
    { "[{\"ok\": {\"_id\": \"a\", \"x\": \"\\ud800\"}}]", BANSO_SYNC_REPLY_OPEN_REVS, "not text" },
    { "[{\"ok\": {\"_id\": \"a\", \"x\": \"tab\there\"}}]", BANSO_SYNC_REPLY_OPEN_REVS, "unexpected byte 0x09" },
    { "{\"rows\": []}", BANSO_SYNC_REPLY_BULK_GET, "have no results list (" URL ")" },
    { "[]", BANSO_SYNC_REPLY_BULK_GET, "have no results list" },
    { "{}", BANSO_SYNC_REPLY_OPEN_REVS, "the revisions of a record are not a list" },
    { "{\"results\": [{\"id\": \"a\"}]}", BANSO_SYNC_REPLY_BULK_GET, "a result without its docs" },
    { "{\"results\": [7]}", BANSO_SYNC_REPLY_BULK_GET, "a result without its docs" },
    { "[\"a\"]", BANSO_SYNC_REPLY_OPEN_REVS, "an entry that is not an object" },
    { "[{\"ok\": [1]}]", BANSO_SYNC_REPLY_OPEN_REVS, "a record that is not an object" },
    { "[{\"ok\": {\"_rev\": \"1-a\"}}]", BANSO_SYNC_REPLY_OPEN_REVS,
      "without a valid id or revision (" SERVER ", record ?)" },
    { "[{\"ok\": {\"_id\": \"h1\", \"_rev\": \"x\"}}]", BANSO_SYNC_REPLY_OPEN_REVS,
      "without a valid id or revision (" SERVER ", record h1)" },
    { "[{\"ok\": {\"_id\": \"h1\", \"_rev\": \"2-b\", \"_revisions\": {\"start\": 2, \"ids\": [\"c\", \"a\"]}}}]",
      BANSO_SYNC_REPLY_OPEN_REVS, "record h1 with a damaged revision history" },
    { "[{\"ok\": {\"_id\": \"h1\", \"_rev\": \"2-b\", \"_revisions\": {\"start\": 2.0, \"ids\": [\"b\"]}}}]",
      BANSO_SYNC_REPLY_OPEN_REVS, "damaged revision history" },
    { "[{\"ok\": {\"_id\": \"h1\", \"_rev\": \"1-b\"}}]", BANSO_SYNC_REPLY_OPEN_REVS, "damaged revision history" },
    /* Found by fuzzing: strtoul read "1(-a" as generation 1, and the history
     * rewrote it as "1-a". */
    { "[{\"ok\": {\"_id\": \"h1\", \"_rev\": \"1(-a\", \"_revisions\": {\"start\": 1, \"ids\": [\"a\"]}}}]",
      BANSO_SYNC_REPLY_OPEN_REVS, "without a valid id or revision (" SERVER ", record h1)" },
    { "[{\"ok\": {\"_id\": \"h1\", \"_rev\": \"+1-a\", \"_revisions\": {\"start\": 1, \"ids\": [\"a\"]}}}]",
      BANSO_SYNC_REPLY_OPEN_REVS, "without a valid id or revision (" SERVER ", record h1)" },
    { "[{\"ok\": {\"_id\": \"h1\", \"_rev\": \"01-a\", \"_revisions\": {\"start\": 1, \"ids\": [\"a\"]}}}]",
      BANSO_SYNC_REPLY_OPEN_REVS, "without a valid id or revision (" SERVER ", record h1)" },
    { "[{\"ok\": {\"_id\": \"h1\", \"_rev\": \"1-a z\", \"_revisions\": {\"start\": 1, \"ids\": [\"a z\"]}}}]",
      BANSO_SYNC_REPLY_OPEN_REVS, "without a valid id or revision (" SERVER ", record h1)" },
    { "[{\"ok\": {\"_id\": \"h1\", \"_rev\": \"2-b\", \"_revisions\": {\"start\": 2, \"ids\": [\"b\", \"a/../x\"]}}}]",
      BANSO_SYNC_REPLY_OPEN_REVS, "record h1 with a damaged revision history (" SERVER ")" },
  };
  g_autoptr(GString) deep = g_string_new ("[{\"ok\": {\"_id\": \"a\", \"x\": ");

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) docs = read_reply (wrong[i].json, wrong[i].kind, &error);
      g_autofree char *shown = g_strescape (wrong[i].json, NULL);

      g_test_message ("%s", shown);
      g_assert_null (docs);
      g_assert_error (error, BANSO_SYNC_ERROR, BANSO_SYNC_ERROR_BAD_REPLY);
      if (strstr (error->message, wrong[i].message) == NULL)
        g_error ("“%s” does not say “%s”", error->message, wrong[i].message);
    }

  /* Nesting as deep as the server likes would take the stack. */
  for (int i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) docs = read_reply (deep->str, BANSO_SYNC_REPLY_OPEN_REVS, &error);

    g_assert_null (docs);
    g_assert_nonnull (strstr (error->message, "levels of nesting"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sync-doc/bulk-get", test_bulk_get);
  g_test_add_func ("/sync-doc/open-revs", test_open_revs);
  g_test_add_func ("/sync-doc/wrong-replies", test_wrong_replies);
  return g_test_run ();
}
