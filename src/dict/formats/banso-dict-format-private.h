/* banso-dict-format-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>

#include "banso-dict-format.h"

G_BEGIN_DECLS

/* What every reader gets: the callbacks of banso_dict_read(). */
typedef struct
{
  BansoDictEntryFunc     func;
  BansoDictProgressFunc  progress;
  gpointer               user_data;
  GCancellable          *cancellable;
} BansoDictSink;

gboolean _banso_dict_read_lift     (const char     *path,
                                    JsonObject    **info_out,
                                    BansoDictSink  *sink,
                                    GError        **error);
gboolean _banso_dict_read_stardict (const char     *path,
                                    JsonObject    **info_out,
                                    BansoDictSink  *sink,
                                    GError        **error);
gboolean _banso_dict_read_dictd    (const char     *path,
                                    JsonObject    **info_out,
                                    BansoDictSink  *sink,
                                    GError        **error);
gboolean _banso_dict_read_csv      (const char     *path,
                                    JsonObject    **info_out,
                                    BansoDictSink  *sink,
                                    GError        **error);

gboolean _banso_dict_sink_emit     (BansoDictSink  *sink,
                                    JsonObject     *entry,
                                    guint64         done,
                                    guint64         total,
                                    GError        **error);

/* The writers: one vtable per format. */
typedef struct _BansoDictWriterClass BansoDictWriterClass;

struct _BansoDictWriter
{
  const BansoDictWriterClass *klass;
  char                       *path;
  guint                       n_entries;
  gboolean                    finished;
};

struct _BansoDictWriterClass
{
  gsize      size;
  gboolean (*open)   (BansoDictWriter  *writer,
                      JsonObject       *info,
                      GError          **error);
  gboolean (*add)    (BansoDictWriter  *writer,
                      JsonObject       *entry,
                      GError          **error);
  gboolean (*finish) (BansoDictWriter  *writer,
                      GError          **error);
  void     (*free)   (BansoDictWriter  *writer);
};

extern const BansoDictWriterClass _banso_dict_lift_writer_class;
extern const BansoDictWriterClass _banso_dict_stardict_writer_class;
extern const BansoDictWriterClass _banso_dict_csv_writer_class;

/* A file written beside its final name and renamed into place at the end,
 * so that nothing appears at the final path before the writing succeeds. */
typedef struct
{
  char    *path;
  char    *tmp_path;
  FILE    *fp;
  guint64  written;
} BansoDictOut;

gboolean _banso_dict_out_open    (BansoDictOut  *out,
                                  const char    *path,
                                  GError       **error);
gboolean _banso_dict_out_write   (BansoDictOut  *out,
                                  const void    *data,
                                  gsize          len,
                                  GError       **error);
gboolean _banso_dict_out_close   (BansoDictOut  *out,
                                  GError       **error);
gboolean _banso_dict_out_commit  (BansoDictOut  *out,
                                  GError       **error);
void     _banso_dict_out_abort   (BansoDictOut  *out);

/* Random access to the data file of a StarDict or dictd dictionary, plain,
 * dictzip (gzip with a table of chunks) or plain gzip. */
typedef struct _BansoDictData BansoDictData;

BansoDictData *_banso_dict_data_open     (const char     *path,
                                          GCancellable   *cancellable,
                                          GError        **error);
guint64        _banso_dict_data_get_size (BansoDictData  *data);
gboolean       _banso_dict_data_is_dictzip (BansoDictData *data);
char          *_banso_dict_data_read     (BansoDictData  *data,
                                          guint64         offset,
                                          guint32         size,
                                          GError        **error);
void           _banso_dict_data_free     (BansoDictData  *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoDictData, _banso_dict_data_free)

/* JSON helpers that never complain about wrong types: the entries come from
 * documents that may have been edited anywhere. */
const char *_banso_json_get_string (JsonObject *obj,
                                    const char *member);
JsonArray  *_banso_json_get_array  (JsonObject *obj,
                                    const char *member);
JsonObject *_banso_json_get_object (JsonObject *obj,
                                    const char *member);
gboolean    _banso_json_get_int    (JsonObject *obj,
                                    const char *member,
                                    gint64     *value);
JsonObject *_banso_json_array_get_object (JsonArray *array,
                                          guint      i);
const char *_banso_json_array_get_string (JsonArray *array,
                                          guint      i);
/* Returns the array @member of @obj, adding an empty one first if needed. */
JsonArray  *_banso_json_ensure_array (JsonObject *obj,
                                      const char *member);
void        _banso_json_add_form     (JsonArray  *multitext,
                                      const char *ws,
                                      const char *text);
/* The text of the first form of a multitext, or NULL. */
const char *_banso_json_multitext_first (JsonArray *multitext);
/* "blt" for "blt-Latn". */
char       *_banso_lang_of_ws        (const char *ws);
/* Text fit for XML 1.0 and valid UTF-8: bad bytes and control characters
 * become U+FFFD. */
char       *_banso_text_sanitize     (const char *text,
                                      gssize      len);
/* Removes markup from HTML, Pango markup or XDXF and decodes entities. */
char       *_banso_markup_to_text    (const char *markup);

G_END_DECLS
