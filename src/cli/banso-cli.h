/* banso-cli.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "banso-store.h"

G_BEGIN_DECLS

#define EXIT_USAGE 2

int         usage                 (const char    *message);
int         fail                  (GError        *error);
BansoStore *open_store            (GError       **error);
BansoUser  *acting_user           (BansoStore    *store,
                                   GError       **error);
gboolean    parse_command_options (int           *argc,
                                   char        ***argv,
                                   GOptionEntry  *entries,
                                   const char    *name,
                                   GError       **error);
char       *database_path         (void);
int         cmd_dict              (int            argc,
                                   char         **argv);
int         cmd_sync              (int            argc,
                                   char         **argv);
int         cmd_map               (int            argc,
                                   char         **argv);
int         cmd_warning           (int            argc,
                                   char         **argv);
int         cmd_user              (int            argc,
                                   char         **argv);
char       *read_secret           (const char    *prompt,
                                   const char    *env,
                                   GError       **error);
int         cmd_archive           (int            argc,
                                   char         **argv);

G_END_DECLS
