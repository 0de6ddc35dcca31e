/* fuzz-keyboard.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Arbitrary key sequences on the typing aid: the first byte picks a layout, each next byte
 * a key (with or without Shift), Backspace, a cursor move, or a key of raw bytes. After each
 * step the whole text must be UTF-8 and NFC. */

#define G_LOG_DOMAIN "banso-fuzz"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "banso-keyboard-composer.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static void
check (GString *text,
       guint    cursor)
{
  const char *end;
  g_autofree char *nfc = NULL;

  g_assert_true (g_utf8_validate (text->str, text->len, NULL));
  g_assert_cmpuint (cursor, <=, g_utf8_strlen (text->str, -1));
  end = text->str + text->len;
  nfc = g_utf8_normalize (text->str, end - text->str, G_NORMALIZE_NFC);
  g_assert_nonnull (nfc);
  if (g_getenv ("FUZZ_KEYBOARD_DEBUG") != NULL)
    fprintf (stderr, "%u [%s] -> [%s]\n", cursor, text->str, nfc);
  g_assert_true (strlen (nfc) == (gsize) (end - text->str) &&
                 memcmp (nfc, text->str, end - text->str) == 0);
}

static void
apply (GString                 *text,
       guint                   *cursor,
       const BansoKeyboardEdit *edit)
{
  const char *start, *end;

  g_assert_cmpuint (edit->n_delete, <=, *cursor);
  g_assert_cmpuint (*cursor + edit->n_delete_after, <=, g_utf8_strlen (text->str, -1));
  g_assert_true (g_utf8_validate (edit->insert, -1, NULL));
  start = g_utf8_offset_to_pointer (text->str, *cursor - edit->n_delete);
  end = g_utf8_offset_to_pointer (text->str, *cursor + edit->n_delete_after);
  g_string_erase (text, start - text->str, end - start);
  g_string_insert (text, start - text->str, edit->insert);
  *cursor = *cursor - edit->n_delete + g_utf8_strlen (edit->insert, -1);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  const BansoKeyboardLayout *layout;
  BansoKeyboardScript script;
  guint cursor = 0;

  if (size == 0)
    return 0;
  layout = banso_keyboard_layout_get_nth (data[0] % banso_keyboard_layout_get_n_layouts ());
  script = banso_keyboard_layout_get_script (layout);
  for (guint r = 0; r < banso_keyboard_layout_get_n_rows (layout); r++)
    {
      guint n;
      const BansoKeyboardKey *row = banso_keyboard_layout_get_row (layout, r, &n);

      for (guint k = 0; k < n; k++)
        {
          g_ptr_array_add (keys, (gpointer) banso_keyboard_key_get_text (&row[k], FALSE));
          g_ptr_array_add (keys, (gpointer) banso_keyboard_key_get_text (&row[k], TRUE));
        }
    }
  g_ptr_array_add (keys, (gpointer) " ");

  for (size_t i = 1; i < size && text->len < 4096; i++)
    {
      BansoKeyboardEdit edit = { 0, 0, NULL };
      const char *after = g_utf8_offset_to_pointer (text->str, cursor);
      gsize before = after - text->str;
      gboolean done = FALSE;

      switch (data[i])
        {
        case 0xFF:
          done = banso_keyboard_compose_backspace (script, text->str, before, after, -1, &edit);
          break;

        case 0xFE:
          if (cursor > 0)
            cursor--;
          break;

        case 0xFD:
          if (cursor < g_utf8_strlen (text->str, -1))
            cursor++;
          break;

        case 0xFC:
          /* A key of the next bytes, whatever they are. */
          if (i + 1 < size)
            {
              size_t len = MIN ((size_t) data[i + 1] % 8 + 1, size - i - 2);
              g_autofree char *key = g_strndup ((const char *) data + i + 2, len);

              done = banso_keyboard_compose_in (script, text->str, before, after, -1, key, &edit);
              i += 1 + len;
            }
          break;

        default:
          done = banso_keyboard_compose_in (script, text->str, before, after, -1,
                                            keys->pdata[data[i] % keys->len], &edit);
          break;
        }

      if (done)
        apply (text, &cursor, &edit);
      banso_keyboard_edit_clear (&edit);
      check (text, cursor);
    }
  return 0;
}
