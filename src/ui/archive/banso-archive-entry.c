/* banso-archive-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One item of the grid's model: what the list query read of it.
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-archive-entry.h"

struct _BansoArchiveEntry
{
  GObject          parent_instance;
  BansoArchiveRow *row;
};

G_DEFINE_FINAL_TYPE (BansoArchiveEntry, banso_archive_entry, G_TYPE_OBJECT)

/* Takes @row. */
BansoArchiveEntry *
banso_archive_entry_new (BansoArchiveRow *row)
{
  BansoArchiveEntry *self = g_object_new (BANSO_TYPE_ARCHIVE_ENTRY, NULL);

  self->row = row;
  return self;
}

const BansoArchiveRow *
banso_archive_entry_get_row (BansoArchiveEntry *self)
{
  return self->row;
}

/* "Festival · 2024 · 3:25" */
char *
banso_archive_entry_dup_caption (BansoArchiveEntry *self)
{
  GString *out = g_string_new (banso_archive_kind_get_label (self->row->kind));

  if (self->row->year > 0)
    g_string_append_printf (out, " · %d", self->row->year);
  if (self->row->duration_ms > 0)
    {
      gint64 s = self->row->duration_ms / 1000;

      g_string_append_printf (out, " · %d:%02d", (int) (s / 60), (int) (s % 60));
    }
  if (self->row->sample)
    /* Translators: marks demo content in the archive's grid. */
    g_string_append_printf (out, " · %s", _("sample"));
  return g_string_free (out, FALSE);
}

static void
banso_archive_entry_finalize (GObject *object)
{
  BansoArchiveEntry *self = BANSO_ARCHIVE_ENTRY (object);

  g_clear_pointer (&self->row, banso_archive_row_free);
  G_OBJECT_CLASS (banso_archive_entry_parent_class)->finalize (object);
}

static void
banso_archive_entry_class_init (BansoArchiveEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = banso_archive_entry_finalize;
}

static void
banso_archive_entry_init (BansoArchiveEntry *self)
{
}
