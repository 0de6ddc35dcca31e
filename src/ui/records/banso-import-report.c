/* banso-import-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-household-csv.h"
#include "banso-import-report.h"

/* Why a file was not imported: every problem with its line and column, so the
 * official can correct the spreadsheet and try again. */
struct _BansoImportReport
{
  AdwWindow       parent_instance;

  GtkLabel       *title_label;
  GtkLabel       *description_label;
  GtkListBox     *problem_list;
};

G_DEFINE_FINAL_TYPE (BansoImportReport, banso_import_report, ADW_TYPE_WINDOW)

static void
banso_import_report_class_init (BansoImportReportClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/banso/Banso/ui/banso-import-report.ui");
  gtk_widget_class_bind_template_child (widget_class, BansoImportReport, title_label);
  gtk_widget_class_bind_template_child (widget_class, BansoImportReport, description_label);
  gtk_widget_class_bind_template_child (widget_class, BansoImportReport, problem_list);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
banso_import_report_init (BansoImportReport *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
banso_import_report_new (const char *file_name,
                         GPtrArray  *problems)
{
  BansoImportReport *self = g_object_new (BANSO_TYPE_IMPORT_REPORT, NULL);
  g_autofree char *title = g_strdup_printf (_("%s Was Not Imported"), file_name);
  g_autofree char *description =
    g_strdup_printf (ngettext ("Nothing was changed. Correct this problem in the file and import it again.",
                               "Nothing was changed. Correct these %u problems in the file and import it again.",
                               problems->len), problems->len);

  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->description_label, description);

  for (guint i = 0; i < problems->len; i++)
    {
      BansoImportProblem *problem = g_ptr_array_index (problems, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *where = NULL;

      if (problem->column != NULL)
        where = g_strdup_printf (_("Line %u, column “%s”"), problem->line, problem->column);
      else
        where = g_strdup_printf (_("Line %u"), problem->line);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), where);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), problem->message);
      gtk_list_box_append (self->problem_list, row);
    }

  return GTK_WINDOW (self);
}
