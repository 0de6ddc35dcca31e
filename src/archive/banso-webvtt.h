/* banso-webvtt.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BANSO_WEBVTT_ERROR (banso_webvtt_error_quark ())

typedef enum
{
  BANSO_WEBVTT_ERROR_ENCODING,   /* not UTF-8 */
  BANSO_WEBVTT_ERROR_SIGNATURE,  /* does not start with WEBVTT */
} BansoWebvttError;

typedef enum
{
  BANSO_VTT_VERTICAL_NONE,
  BANSO_VTT_VERTICAL_RL,
  BANSO_VTT_VERTICAL_LR,
} BansoVttVertical;

typedef enum
{
  BANSO_VTT_LINE_ALIGN_START,
  BANSO_VTT_LINE_ALIGN_CENTER,
  BANSO_VTT_LINE_ALIGN_END,
} BansoVttLineAlign;

typedef enum
{
  BANSO_VTT_POSITION_ALIGN_AUTO,
  BANSO_VTT_POSITION_ALIGN_LINE_LEFT,
  BANSO_VTT_POSITION_ALIGN_CENTER,
  BANSO_VTT_POSITION_ALIGN_LINE_RIGHT,
} BansoVttPositionAlign;

typedef enum
{
  BANSO_VTT_ALIGN_START,
  BANSO_VTT_ALIGN_CENTER,
  BANSO_VTT_ALIGN_END,
  BANSO_VTT_ALIGN_LEFT,
  BANSO_VTT_ALIGN_RIGHT,
} BansoVttAlign;

typedef struct _BansoVttRegion BansoVttRegion;

struct _BansoVttRegion
{
  char    *id;
  double   width;               /* percent */
  double   lines;               /* a count, but the W3C says any digits go */
  double   region_anchor_x;     /* percent */
  double   region_anchor_y;
  double   viewport_anchor_x;
  double   viewport_anchor_y;
  gboolean scroll_up;
  gint     ref_count;
};

typedef struct
{
  char                 *id;
  gint64                start_ms;
  gint64                end_ms;
  char                 *text;          /* the raw cue text, tags and entities in it */
  char                 *settings;      /* the raw settings after the end time */
  BansoVttRegion       *region;        /* or NULL */
  BansoVttVertical      vertical;
  gboolean              snap_to_lines;
  gboolean              line_auto;
  double                line;
  BansoVttLineAlign     line_align;
  gboolean              position_auto;
  double                position;
  BansoVttPositionAlign position_align;
  double                size;
  BansoVttAlign         align;
} BansoVttCue;

typedef struct
{
  GPtrArray *cues;         /* of BansoVttCue, in file order */
  GPtrArray *regions;      /* of BansoVttRegion */
  GPtrArray *stylesheets;  /* of char * */
} BansoVttFile;

/* The tree of a cue's text (the W3C "WebVTT node objects"). */
typedef enum
{
  BANSO_VTT_NODE_ROOT,
  BANSO_VTT_NODE_TEXT,
  BANSO_VTT_NODE_CLASS,
  BANSO_VTT_NODE_ITALIC,
  BANSO_VTT_NODE_BOLD,
  BANSO_VTT_NODE_UNDERLINE,
  BANSO_VTT_NODE_RUBY,
  BANSO_VTT_NODE_RUBY_TEXT,
  BANSO_VTT_NODE_VOICE,
  BANSO_VTT_NODE_LANG,
  BANSO_VTT_NODE_TIMESTAMP,
} BansoVttNodeKind;

typedef struct _BansoVttNode BansoVttNode;

struct _BansoVttNode
{
  BansoVttNodeKind  kind;
  char             *text;        /* text of a text node, voice name, or language */
  GStrv             classes;
  gint64            timestamp_ms;
  BansoVttNode     *parent;
  GPtrArray        *children;    /* of BansoVttNode */
};

GQuark          banso_webvtt_error_quark   (void);

BansoVttFile   *banso_vtt_file_parse       (const char      *data,
                                            gsize            len,
                                            const char      *name,
                                            GError         **error);
BansoVttFile   *banso_vtt_file_load        (const char      *path,
                                            GError         **error);
void            banso_vtt_file_free        (BansoVttFile    *file);

void            banso_vtt_cue_free         (BansoVttCue     *cue);
BansoVttRegion *banso_vtt_region_ref       (BansoVttRegion  *region);
void            banso_vtt_region_unref     (BansoVttRegion  *region);

BansoVttNode   *banso_vtt_cue_text_parse   (const char      *text);
void            banso_vtt_node_free        (BansoVttNode    *node);
char           *banso_vtt_node_dump        (BansoVttNode    *root);
char           *banso_vtt_node_to_markup   (BansoVttNode    *root);
char           *banso_vtt_node_to_plain    (BansoVttNode    *root);
char           *banso_vtt_cue_speaker      (BansoVttNode    *root);

char           *banso_vtt_format_time      (gint64           ms);
const char     *banso_vtt_align_to_string  (BansoVttAlign    align);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoVttFile, banso_vtt_file_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BansoVttNode, banso_vtt_node_free)

G_END_DECLS
