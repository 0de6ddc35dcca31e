/* test-section-registry.c: a section registered from outside the window
 * gets its page, its sidebar row in its place, its context and the
 * window's commands, with no change to the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "../core/banso-test-util.h"
#include "banso-section-row.h"
#include "banso-window.h"

/* A section of the test's own {{{ */

#define TEST_TYPE_SECTION (test_section_get_type ())
G_DECLARE_FINAL_TYPE (TestSection, test_section, TEST, SECTION, GtkWidget)

struct _TestSection
{
  GtkWidget     parent_instance;
  char         *caption;
  char         *badge;
  guint         contexts;
  guint         commands_run;
  BansoSectionCommands last_command;
};

static void test_section_iface_init (BansoSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestSection, test_section, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BANSO_TYPE_SECTION, test_section_iface_init))

enum {
  PROP_0,
  PROP_CAPTION,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_ICON_NAME,
  PROP_BADGE,
  PROP_BADGE_DESCRIPTION,
  PROP_SEARCHABLE,
  PROP_SEARCH_MODE,
  PROP_COMMANDS,
};

static void
test_section_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TestSection *self = TEST_SECTION (object);

  switch (prop_id)
    {
    case PROP_CAPTION:
    case PROP_TITLE:
      g_value_set_string (value, self->caption);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, "3 words");
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, "accessories-dictionary-symbolic");
      break;
    case PROP_BADGE:
      g_value_set_string (value, self->badge);
      break;
    case PROP_BADGE_DESCRIPTION:
      g_value_set_string (value, self->badge ? "words to check" : NULL);
      break;
    case PROP_SEARCHABLE:
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, FALSE);
      break;
    case PROP_COMMANDS:
      g_value_set_uint (value, BANSO_SECTION_ADD);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_section_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TestSection *self = TEST_SECTION (object);

  switch (prop_id)
    {
    case PROP_CAPTION:
      self->caption = g_value_dup_string (value);
      break;
    case PROP_SEARCH_MODE:
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_section_set_context (BansoSection *section,
                          BansoContext *context)
{
  TEST_SECTION (section)->contexts++;
}

static void
test_section_run_command (BansoSection         *section,
                          BansoSectionCommands  command)
{
  TEST_SECTION (section)->commands_run++;
  TEST_SECTION (section)->last_command = command;
}

static void
test_section_iface_init (BansoSectionInterface *iface)
{
  iface->set_context = test_section_set_context;
  iface->run_command = test_section_run_command;
}

static void
test_section_finalize (GObject *object)
{
  TestSection *self = TEST_SECTION (object);

  g_free (self->caption);
  g_free (self->badge);
  G_OBJECT_CLASS (test_section_parent_class)->finalize (object);
}

static void
test_section_class_init (TestSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = test_section_finalize;
  object_class->get_property = test_section_get_property;
  object_class->set_property = test_section_set_property;
  g_object_class_install_property (object_class, PROP_CAPTION,
    g_param_spec_string ("caption", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  banso_section_override_properties (object_class, PROP_TITLE);
}

static void
test_section_init (TestSection *self)
{
}

static void
test_section_set_badge (TestSection *self,
                        const char  *badge)
{
  g_free (self->badge);
  self->badge = g_strdup (badge);
  g_object_notify (G_OBJECT (self), "badge");
}

/* }}} */

static guint reopened;

static GtkWindow *
reopen_test_draft (BansoContext *context,
                   const char   *key,
                   const char   *body)
{
  reopened++;
  g_assert_cmpstr (key, ==, "test:1");
  return g_str_equal (body, "{}") ? GTK_WINDOW (gtk_window_new ()) : NULL;
}

static GtkListBox *
find_sidebar (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget) && BANSO_IS_SECTION_ROW (gtk_widget_get_first_child (widget)))
    return GTK_LIST_BOX (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListBox *found = find_sidebar (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
sidebar_ids (GtkListBox *sidebar)
{
  GString *ids = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (sidebar)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    g_string_append_printf (ids, "%s%s", ids->len ? " " : "",
                            banso_section_row_get_id (BANSO_SECTION_ROW (row)));
  return g_string_free (ids, FALSE);
}

static GtkLabel *
find_badge (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "section-badge"))
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_badge (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkListBoxRow *
row_of (GtkListBox *sidebar,
        const char *id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (sidebar)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (banso_section_row_get_id (BANSO_SECTION_ROW (row)), id) == 0)
      return GTK_LIST_BOX_ROW (row);
  return NULL;
}

static void
test_registry (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BansoUser) admin = NULL;
  BansoStore *store = banso_test_open_tmp_store (&dir, &admin);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  g_autoptr(GPtrArray) provinces = g_ptr_array_new ();
  g_autoptr(BansoContext) context = banso_context_new (store, settings, groups, provinces);
  BansoWindow *window;
  GtkListBox *sidebar;
  TestSection *section;
  g_autofree char *ids = NULL;
  GtkLabel *badge;

  banso_sections_init ();
  banso_section_register ("test", 15, TEST_TYPE_SECTION, "caption", "Test Words", NULL);

  window = banso_window_new (NULL, settings);
  sidebar = find_sidebar (GTK_WIDGET (window));
  g_assert_nonnull (sidebar);

  /* Its row goes where its position says, between the records and Sync. */
  ids = sidebar_ids (sidebar);
  g_assert_cmpstr (ids, ==, "households test prestige archive sync");

  section = TEST_SECTION (banso_window_get_section (window, "test"));
  g_assert_nonnull (section);
  g_assert_cmpstr (section->caption, ==, "Test Words");
  g_assert_null (banso_window_get_section (window, "nowhere"));

  /* The row shows the section's badge, and follows it. */
  badge = find_badge (GTK_WIDGET (row_of (sidebar, "test")));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (badge)));
  test_section_set_badge (section, "7");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (badge)));
  g_assert_cmpstr (gtk_label_get_text (badge), ==, "7");
  test_section_set_badge (section, NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (badge)));

  /* Before the database is open, no command runs. */
  banso_window_show_section (window, "test");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-record", NULL);
  g_assert_cmpuint (section->commands_run, ==, 0);

  banso_window_set_context (window, context);
  g_assert_cmpuint (section->contexts, ==, 1);

  banso_window_show_section (window, "test");
  g_assert_true (gtk_list_box_get_selected_row (sidebar) == row_of (sidebar, "test"));
  g_assert_cmpstr (g_settings_get_string (settings, "last-section"), ==, "test");

  /* The window's commands reach the section shown, those it answers only. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-record", NULL);
  g_assert_cmpuint (section->commands_run, ==, 1);
  g_assert_cmpint (section->last_command, ==, BANSO_SECTION_ADD);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  g_assert_cmpuint (section->commands_run, ==, 1);

  /* A kept draft reopens in the form its section registered for its kind;
   * one of a kind no section knows stays where it is. */
  banso_section_register_draft ("test-draft", reopen_test_draft);
  {
    GtkWindow *form = banso_section_reopen_draft (context, "test-draft", "test:1", "{}");

    g_assert_nonnull (form);
    gtk_window_destroy (form);
    g_assert_null (banso_section_reopen_draft (context, "test-draft", "test:1", "[broken"));
    g_assert_cmpuint (reopened, ==, 2);
    g_assert_null (banso_section_reopen_draft (context, "nobody-knows", "x:1", "{}"));
  }

  /* An unknown section shows the first. */
  banso_window_show_section (window, "nowhere");
  g_assert_true (gtk_list_box_get_selected_row (sidebar) == row_of (sidebar, "households"));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&context);
  banso_test_close_tmp_store (store, g_steal_pointer (&admin), g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/section-registry", test_registry);
  return g_test_run ();
}
