/* banso-dict-format.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "banso-dict-entry.h"

G_BEGIN_DECLS

/**
 * BansoDictFormat:
 * @BANSO_DICT_FORMAT_UNKNOWN: not a dictionary file Banso reads
 * @BANSO_DICT_FORMAT_LIFT: LIFT 0.13 (`.lift`, as FieldWorks writes it)
 * @BANSO_DICT_FORMAT_STARDICT: StarDict (`.ifo` with `.idx`, `.dict[.dz]`, `.syn`)
 * @BANSO_DICT_FORMAT_DICTD: dictd (`.index` with `.dict[.dz]`)
 * @BANSO_DICT_FORMAT_CSV: Banso's CSV layout of entries
 */
typedef enum
{
  BANSO_DICT_FORMAT_UNKNOWN,
  BANSO_DICT_FORMAT_LIFT,
  BANSO_DICT_FORMAT_STARDICT,
  BANSO_DICT_FORMAT_DICTD,
  BANSO_DICT_FORMAT_CSV,
} BansoDictFormat;

#define BANSO_DICT_FORMAT_ERROR (banso_dict_format_error_quark ())

/**
 * BansoDictFormatError:
 * @BANSO_DICT_FORMAT_ERROR_UNSUPPORTED: not a format Banso reads or writes
 * @BANSO_DICT_FORMAT_ERROR_MALFORMED: the file is damaged or lies about itself;
 *   the message names the file and the line, element or offset
 * @BANSO_DICT_FORMAT_ERROR_MISSING: a file the dictionary needs is not there
 */
typedef enum
{
  BANSO_DICT_FORMAT_ERROR_UNSUPPORTED,
  BANSO_DICT_FORMAT_ERROR_MALFORMED,
  BANSO_DICT_FORMAT_ERROR_MISSING,
} BansoDictFormatError;

GQuark banso_dict_format_error_quark (void);

/* Called for each entry read, in file order; returning FALSE with @error set
 * stops the reading with that error. */
typedef gboolean (*BansoDictEntryFunc)    (JsonObject  *entry,
                                           gpointer     user_data,
                                           GError     **error);

/* Bytes of the main file read so far, of @total. */
typedef void     (*BansoDictProgressFunc) (guint64      done,
                                           guint64      total,
                                           gpointer     user_data);

BansoDictFormat banso_dict_format_guess (const char *path);

/*
 * Reads a dictionary file, streaming: memory stays bounded whatever its size.
 * @info_out receives what the file says of itself:
 *   {"title": "…", "lang": "blt", "gloss_langs": ["vi", "en"],
 *    "description": "…", "ranges": {…LIFT ranges…}, "extra": {…}}
 * Media references in the entries are paths relative to the folder of @path
 * ("audio/x.wav", "pictures/y.jpg").
 */
gboolean banso_dict_read (const char             *path,
                          BansoDictFormat         format,
                          JsonObject            **info_out,
                          BansoDictEntryFunc      func,
                          BansoDictProgressFunc   progress,
                          gpointer                user_data,
                          GCancellable           *cancellable,
                          GError                **error);

typedef struct _BansoDictWriter BansoDictWriter;

/* Writes a dictionary file (LIFT, StarDict or CSV); nothing appears at @path
 * until banso_dict_writer_finish() succeeds. */
BansoDictWriter *banso_dict_writer_new    (const char       *path,
                                           BansoDictFormat   format,
                                           JsonObject       *info,
                                           GError          **error);
gboolean         banso_dict_writer_add    (BansoDictWriter  *writer,
                                           JsonObject       *entry,
                                           GError          **error);
gboolean         banso_dict_writer_finish (BansoDictWriter  *writer,
                                           GError          **error);
void             banso_dict_writer_free   (BansoDictWriter  *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoDictWriter, banso_dict_writer_free)

G_END_DECLS
