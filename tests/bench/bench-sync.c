/* bench-sync.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-sync SERVER_URL DOCS.ndjson WORKDIR [DATABASE]
 *
 * Loads the documents (one JSON object per line, as bench-pouch-replicate.js
 * --dump writes them) into a fresh office database, pushes them to a fresh
 * server database, then pulls that database into a second fresh office
 * database, and prints documents per second and bytes per document each way.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "banso-document.h"
#include "banso-replicator.h"
#include "banso-store.h"

static BansoStore *
open_store (const char *workdir,
            const char *name)
{
  g_autofree char *path = g_build_filename (workdir, name, NULL);
  g_autoptr(GError) error = NULL;
  BansoStore *store;

  g_unlink (path);
  store = banso_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  return store;
}

static guint
load (BansoStore *store,
      BansoUser  *user,
      const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  BansoTxn *txn;
  guint n = 0;

  if (!g_file_get_contents (file, &text, NULL, &error))
    g_error ("%s", error->message);
  lines = g_strsplit (text, "\n", -1);
  txn = banso_store_begin (store, user, &error);
  for (guint i = 0; lines[i]; i++)
    {
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(JsonObject) body = json_object_new ();
      g_autoptr(JsonNode) body_node = NULL;
      g_autofree char *body_text = NULL;
      g_autoptr(GList) members = NULL;
      JsonObject *doc;
      const char *id;

      if (lines[i][0] != '{')
        continue;
      node = json_from_string (lines[i], &error);
      g_assert_no_error (error);
      doc = json_node_get_object (node);
      members = json_object_get_members (doc);
      for (GList *l = members; l; l = l->next)
        if (((char *)l->data)[0] != '_' && !g_str_equal (l->data, "type"))
          json_object_set_member (body, l->data, json_node_copy (json_object_get_member (doc, l->data)));
      body_node = json_node_init_object (json_node_alloc (), body);
      json_generator_set_root (gen, body_node);
      body_text = json_generator_to_data (gen, NULL);
      id = json_object_get_string_member_with_default (doc, "_id", NULL);
      {
        g_autofree char *new_id = id ? NULL : banso_doc_new_id ();
        if (!banso_doc_put (txn, json_object_get_string_member (doc, "type"), id ? id : new_id,
                            body_text, NULL, BANSO_DOC_PUT_IMPORT, NULL, NULL, &error))
          g_error ("%s", error->message);
      }
      n++;
    }
  if (!banso_txn_commit (txn, &error))
    g_error ("%s", error->message);
  return n;
}

static double
replicate (BansoStore         *store,
           BansoUser          *user,
           const char         *url,
           const char         *database,
           BansoSyncDirection  direction,
           BansoSyncStats     *stats)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoSyncClient) client = banso_sync_client_new (url, NULL, NULL, NULL, &error);
  BansoReplication r = { 0 };
  gint64 start;

  g_assert_no_error (error);
  r.store = store;
  r.user = user;
  r.client = client;
  r.database = database;
  r.direction = direction;
  r.create_target = TRUE;
  start = g_get_monotonic_time ();
  if (!banso_replicate (&r, stats, NULL, &error))
    g_error ("%s", error->message);
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BansoStore) office = NULL;
  g_autoptr(BansoStore) other = NULL;
  g_autoptr(BansoUser) user = NULL;
  g_autoptr(BansoUser) user2 = NULL;
  BansoSyncStats push = { 0 }, pull = { 0 };
  const char *database;
  double push_s, pull_s;
  guint n;

  if (argc != 4 && argc != 5)
    {
      g_printerr ("Usage: bench-sync SERVER_URL DOCS.ndjson WORKDIR [DATABASE]\n");
      return 2;
    }
  database = argc == 5 ? argv[4] : "bench_banso";

  office = open_store (argv[3], "office.db");
  user = banso_store_dup_admin (office, NULL);
  n = load (office, user, argv[2]);

  push_s = replicate (office, user, argv[1], database, BANSO_SYNC_PUSH, &push);
  if (push.pushed != n)
    g_error ("pushed %" G_GUINT64_FORMAT " of %u documents", push.pushed, n);
  printf ("banso push: %u docs in %.2f s = %.0f docs/s, %.0f bytes sent per doc\n",
          n, push_s, n / push_s, (double)push.bytes_sent / n);

  other = open_store (argv[3], "other.db");
  user2 = banso_store_dup_admin (other, NULL);
  pull_s = replicate (other, user2, argv[1], database, BANSO_SYNC_PULL, &pull);
  if (pull.pulled != n)
    g_error ("pulled %" G_GUINT64_FORMAT " of %u documents", pull.pulled, n);
  printf ("banso pull: %u docs in %.2f s = %.0f docs/s, %.0f bytes sent per doc\n",
          n, pull_s, n / pull_s, (double)pull.bytes_sent / n);
  return 0;
}
