/* banso-cli-user.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "banso-cli.h"
#include "banso-password.h"
#include "banso-user-store.h"

/* banso-cli user add|list|set|disable|enable|log. */

/**
 * read_secret:
 * @prompt: what the terminal shows before the password
 * @env: the variable that holds the password when there is no terminal
 *
 * A password from @env, or typed on the terminal without echo.
 */
char *
read_secret (const char  *prompt,
             const char  *env,
             GError     **error)
{
  struct termios old, quiet;
  char line[1024];
  gboolean echo_off;
  gsize len;

  if (g_getenv (env) != NULL)
    return g_strdup (g_getenv (env));

  if (!isatty (STDIN_FILENO))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A password is needed: set %s or run this on a terminal."), env);
      return NULL;
    }

  g_printerr ("%s", prompt);
  echo_off = tcgetattr (STDIN_FILENO, &old) == 0;
  if (echo_off)
    {
      quiet = old;
      quiet.c_lflag &= ~(tcflag_t)ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }
  if (fgets (line, sizeof line, stdin) == NULL)
    line[0] = '\0';
  if (echo_off)
    tcsetattr (STDIN_FILENO, TCSAFLUSH, &old);
  g_printerr ("\n");

  len = strlen (line);
  if (len > 0 && line[len - 1] == '\n')
    line[--len] = '\0';
  {
    char *secret = g_strdup (line);
    memset (line, 0, sizeof line);
    return secret;
  }
}

/* A new password: from BANSO_PASSWORD, or typed twice. */
static char *
read_new_password (const char  *login,
                   GError     **error)
{
  g_autofree char *prompt = g_strdup_printf (_("New password for %s: "), login);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  if (g_getenv ("BANSO_PASSWORD") != NULL)
    return g_strdup (g_getenv ("BANSO_PASSWORD"));
  if (!(first = read_secret (prompt, "BANSO_PASSWORD", error)) ||
      !banso_password_check (first, error) ||
      !(second = read_secret (_("The same password again: "), "BANSO_PASSWORD", error)))
    return NULL;
  if (!g_str_equal (first, second))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The two passwords are not the same; nothing was changed."));
      return NULL;
    }
  return g_steal_pointer (&first);
}

static gboolean
parse_role (const char  *text,
            BansoRole   *role,
            GError     **error)
{
  /* Short names for the command line, beside the stored ones. */
  if (g_strcmp0 (text, "official") == 0)
    text = "commune-official";
  else if (g_strcmp0 (text, "culture") == 0)
    text = "cultural-staff";
  else if (g_strcmp0 (text, "administrator") == 0)
    text = "admin";
  if (banso_role_from_string (text, role))
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("unknown role “%s”: use admin, official, cultural-staff, trainer or lexicographer"),
               text ? text : "");
  return FALSE;
}

static void
print_user (BansoUser *user)
{
  const char * const *communes = banso_user_get_communes (user);
  g_autofree char *list = g_strjoinv (",", (char **)communes);
  const char *state;

  if (banso_user_is_system (user))
    state = _("system account");
  else if (banso_user_get_disabled (user))
    state = _("disabled");
  else if (!banso_user_get_has_password (user))
    state = _("no password");
  else
    state = _("active");
  g_print ("%s\t%s\t%s\t%s\t%s\n", banso_user_get_id (user), banso_user_get_name (user),
           banso_role_to_string (banso_user_get_role (user)), *list ? list : "-", state);
}

static int
user_list (BansoStore *store,
           int         argc,
           char      **argv)
{
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 1)
    return usage (_("user list takes no arguments"));
  if (!(users = banso_store_list_users (store, &error)))
    return fail (g_steal_pointer (&error));
  for (guint i = 0; i < users->len; i++)
    print_user (g_ptr_array_index (users, i));
  return EXIT_SUCCESS;
}

static int
user_log (BansoStore *store,
          int         argc,
          char      **argv)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  if (argc > 2)
    return usage (_("user log takes at most a login name"));
  if (!(events = banso_store_list_user_events (store, argc == 2 ? argv[1] : NULL, &error)))
    return fail (g_steal_pointer (&error));
  for (guint i = 0; i < events->len; i++)
    {
      BansoUserEvent *event = g_ptr_array_index (events, i);

      g_print ("%s\t%s\t%s\t%s\t%s\n", event->at, event->actor ? event->actor : "-",
               event->action, event->login, event->detail);
    }
  return EXIT_SUCCESS;
}

static int
user_add_or_set (BansoStore *store,
                 BansoUser  *acting,
                 gboolean    add,
                 int         argc,
                 char      **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BansoUser) before = NULL;
  g_autoptr(BansoUser) user = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role_text = NULL;
  g_auto(GStrv) communes = NULL;
  g_autofree char *password = NULL;
  gboolean new_password = FALSE;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, NULL, "NAME" },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_text, NULL, "ROLE" },
    { "commune", 0, 0, G_OPTION_ARG_STRING_ARRAY, &communes, NULL, "CODE" },
    { "password", 0, 0, G_OPTION_ARG_NONE, &new_password, NULL, NULL },
    { NULL }
  };
  BansoRole role = BANSO_ROLE_COMMUNE_OFFICIAL;
  const char *login;

  if (!parse_command_options (&argc, &argv, entries, add ? "user add" : "user set", &error) ||
      argc != 2)
    return usage (error ? error->message
                        : add ? _("user add takes: LOGIN --name NAME --role ROLE [--commune CODE…]")
                              : _("user set takes: LOGIN [--name NAME] [--role ROLE] [--commune CODE…] [--password]"));
  login = argv[1];

  if (role_text != NULL && !parse_role (role_text, &role, &error))
    return usage (error->message);

  if (add)
    {
      if (name == NULL || role_text == NULL)
        return usage (_("user add needs --name and --role"));
      if (!banso_login_name_check (login, &error) ||
          !(password = read_new_password (login, &error)))
        return fail (g_steal_pointer (&error));
      user = banso_user_new (login, name, role, (const char * const *)communes);
      if (!banso_store_create_user (store, acting, user, password, &error))
        return fail (g_steal_pointer (&error));
      g_printerr (_("Added the user %s.\n"), login);
      return EXIT_SUCCESS;
    }

  if (!(before = banso_store_dup_user (store, login, &error)))
    return fail (g_steal_pointer (&error));
  if (new_password && !(password = read_new_password (login, &error)))
    return fail (g_steal_pointer (&error));
  user = banso_user_new (login, name ? name : banso_user_get_name (before),
                         role_text ? role : banso_user_get_role (before),
                         communes ? (const char * const *)communes
                                  : banso_user_get_communes (before));
  if (!banso_store_update_user (store, acting, user, password, &error))
    return fail (g_steal_pointer (&error));
  g_printerr (_("Changed the user %s.\n"), login);
  return EXIT_SUCCESS;
}

static int
user_disable (BansoStore *store,
              BansoUser  *acting,
              gboolean    disable,
              int         argc,
              char      **argv)
{
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    return usage (disable ? _("user disable takes: LOGIN") : _("user enable takes: LOGIN"));
  if (!banso_store_set_user_disabled (store, acting, argv[1], disable, &error))
    return fail (g_steal_pointer (&error));
  g_printerr (disable ? _("Disabled the user %s: they can no longer log in.\n")
                      : _("Enabled the user %s again.\n"), argv[1]);
  return EXIT_SUCCESS;
}

int
cmd_user (int    argc,
          char **argv)
{
  g_autoptr(BansoStore) store = NULL;
  g_autoptr(BansoUser) acting = NULL;
  g_autoptr(GError) error = NULL;
  const char *sub;

  if (argc < 2)
    return usage (_("user takes: add, list, set, disable, enable or log"));
  sub = argv[1];
  argc--;
  argv++;
  if (!g_str_equal (sub, "add") && !g_str_equal (sub, "list") && !g_str_equal (sub, "set") &&
      !g_str_equal (sub, "disable") && !g_str_equal (sub, "enable") && !g_str_equal (sub, "log"))
    {
      g_autofree char *message = g_strdup_printf (_("unknown user command “%s”"), sub);
      return usage (message);
    }

  if (!(store = open_store (&error)))
    return fail (g_steal_pointer (&error));
  if (g_str_equal (sub, "list"))
    return user_list (store, argc, argv);
  if (g_str_equal (sub, "log"))
    return user_log (store, argc, argv);

  if (!(acting = acting_user (store, &error)))
    return fail (g_steal_pointer (&error));
  if (g_str_equal (sub, "add") || g_str_equal (sub, "set"))
    return user_add_or_set (store, acting, g_str_equal (sub, "add"), argc, argv);
  return user_disable (store, acting, g_str_equal (sub, "disable"), argc, argv);
}
