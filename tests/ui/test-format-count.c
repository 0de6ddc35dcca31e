/* test-format-count.c: counts grouped by the window's language, whatever
 * the C library's locale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "banso-ui-utils.h"

static void
test_groups_in_c_locale (void)
{
  /* The tests run under C.UTF-8, whose printf ("%'u") groups nothing: the
   * count must be grouped all the same. */
  const struct { guint64 count; const char *text; } cases[] = {
    { 0, "0" }, { 7, "7" }, { 999, "999" }, { 1000, "1,000" }, { 5000, "5,000" },
    { 21114, "21,114" }, { 100000, "100,000" }, { 1234567, "1,234,567" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = banso_format_count (cases[i].count);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ui/format-count/groups-in-c-locale", test_groups_in_c_locale);
  return g_test_run ();
}
