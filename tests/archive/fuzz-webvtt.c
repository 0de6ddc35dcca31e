/* fuzz-webvtt.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The WebVTT file parser and the cue text parser on any bytes: no crash, no read out of
 * bounds, and every cue's text turns into markup that Pango's parser would accept. */

#define G_LOG_DOMAIN "banso-fuzz"

#include "config.h"

#include "banso-webvtt.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(BansoVttFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = banso_vtt_file_parse ((const char *) data, size, "fuzz.vtt", &error);
  if (file == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }

  for (guint i = 0; i < file->cues->len; i++)
    {
      BansoVttCue *cue = g_ptr_array_index (file->cues, i);
      g_autoptr(BansoVttNode) root = banso_vtt_cue_text_parse (cue->text);
      g_autofree char *markup = banso_vtt_node_to_markup (root);
      g_autofree char *plain = banso_vtt_node_to_plain (root);
      g_autofree char *dump = banso_vtt_node_dump (root);
      g_autofree char *speaker = banso_vtt_cue_speaker (root);
      g_autoptr(GMarkupParseContext) ctx = NULL;
      g_autofree char *wrapped = g_strconcat ("<markup>", markup, "</markup>", NULL);
      static const GMarkupParser parser = { 0 };

      g_assert_true (g_utf8_validate (cue->text, -1, NULL));
      g_assert_true (g_utf8_validate (markup, -1, NULL));
      ctx = g_markup_parse_context_new (&parser, 0, NULL, NULL);
      g_assert_true (g_markup_parse_context_parse (ctx, wrapped, -1, NULL));
      g_assert_true (g_markup_parse_context_end_parse (ctx, NULL));
    }
  return 0;
}
