/* banso-section-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include "banso-section-row.h"

/* A section's row in the sidebar: its icon, its title and its badge, kept in
 * step with the section's properties. */

struct _BansoSectionRow
{
  GtkListBoxRow  parent_instance;

  char          *id;
  BansoSection  *section;

  GtkImage      *icon;
  GtkLabel      *title_label;
  GtkLabel      *badge_label;
};

G_DEFINE_FINAL_TYPE (BansoSectionRow, banso_section_row, GTK_TYPE_LIST_BOX_ROW)

static void
update (BansoSectionRow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *icon_name = NULL;
  g_autofree char *badge = NULL;
  g_autofree char *description = NULL;

  g_object_get (self->section, "title", &title, "icon-name", &icon_name, "badge", &badge,
                "badge-description", &description, NULL);

  gtk_label_set_text (self->title_label, title ? title : "");
  gtk_image_set_from_icon_name (self->icon, icon_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title ? title : "", -1);

  gtk_widget_set_visible (GTK_WIDGET (self->badge_label), badge != NULL && *badge != '\0');
  gtk_label_set_text (self->badge_label, badge ? badge : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->badge_label), description);
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
banso_section_row_dispose (GObject *object)
{
  BansoSectionRow *self = (BansoSectionRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BANSO_TYPE_SECTION_ROW);
  g_clear_object (&self->section);

  G_OBJECT_CLASS (banso_section_row_parent_class)->dispose (object);
}

static void
banso_section_row_finalize (GObject *object)
{
  BansoSectionRow *self = (BansoSectionRow *)object;

  g_free (self->id);

  G_OBJECT_CLASS (banso_section_row_parent_class)->finalize (object);
}

static void
banso_section_row_class_init (BansoSectionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = banso_section_row_dispose;
  object_class->finalize = banso_section_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/banso/Banso/ui/banso-section-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BansoSectionRow, icon);
  gtk_widget_class_bind_template_child (widget_class, BansoSectionRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, BansoSectionRow, badge_label);
}

static void
banso_section_row_init (BansoSectionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
banso_section_row_new (const char   *id,
                       BansoSection *section)
{
  BansoSectionRow *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (BANSO_IS_SECTION (section), NULL);

  self = g_object_new (BANSO_TYPE_SECTION_ROW, "name", id, NULL);
  self->id = g_strdup (id);
  self->section = g_object_ref (section);
  for (guint i = 0; i < 4; i++)
    {
      static const char *const watched[] = {
        "notify::title", "notify::icon-name", "notify::badge", "notify::badge-description",
      };
      g_signal_connect_object (section, watched[i], G_CALLBACK (update), self,
                               G_CONNECT_SWAPPED);
    }
  update (self);
  return GTK_WIDGET (self);
}

const char *
banso_section_row_get_id (BansoSectionRow *self)
{
  g_return_val_if_fail (BANSO_IS_SECTION_ROW (self), NULL);

  return self->id;
}

BansoSection *
banso_section_row_get_section (BansoSectionRow *self)
{
  g_return_val_if_fail (BANSO_IS_SECTION_ROW (self), NULL);

  return self->section;
}
