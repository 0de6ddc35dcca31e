/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "banso-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(BansoApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* An uninstalled build (build-aux/run, the tests) points at its own catalogues. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("BANSO_LOCALEDIR") ? g_getenv ("BANSO_LOCALEDIR")
                                                                : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* With the cairo renderer asked for, GDK still sets up OpenGL, which under a
   * software rasterizer costs some 60 MB for nothing. */
  if (g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") == 0 && g_getenv ("GDK_DEBUG") == NULL)
    g_setenv ("GDK_DEBUG", "gl-disable", TRUE);

  app = banso_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
