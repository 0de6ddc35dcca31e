/* banso-place-picker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-place-picker.h"
#include "banso-records-tasks.h"
#include "banso-reference.h"
#include "banso-store-async.h"
#include "banso-ui-utils.h"

/* Province, commune and village of a record. Administrative units come from
 * the reference data; villages are the office's own and can be added here.
 */
struct _BansoPlacePicker
{
  AdwPreferencesGroup  parent_instance;

  BansoContext        *context;
  GCancellable        *cancellable;
  char                *want_commune;
  char                *want_village;
  guint                quiet;

  GtkDropDown         *province_drop;
  GtkDropDown         *commune_drop;
  GtkDropDown         *village_drop;
  GtkButton           *new_village_button;
};

G_DEFINE_FINAL_TYPE (BansoPlacePicker, banso_place_picker, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
villages_ready (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BansoPlacePicker) self = user_data;
  g_autoptr(GPtrArray) villages = banso_store_task_finish (BANSO_STORE (object), result, NULL);

  if (villages == NULL)
    return;
  self->quiet++;
  banso_dropdown_set_items (self->village_drop, villages, _("No village"));
  banso_dropdown_select_code (self->village_drop, self->want_village);
  self->quiet--;
  g_clear_pointer (&self->want_village, g_free);
  g_signal_emit (self, signals[READY], 0);
}

static void
load_villages (BansoPlacePicker *self)
{
  const char *commune = banso_dropdown_get_code (self->commune_drop);

  self->quiet++;
  banso_dropdown_set_items (self->village_drop, NULL, _("No village"));
  self->quiet--;
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_village_button), commune != NULL);
  if (commune == NULL)
    return;

  banso_village_list_async (banso_context_get_store (self->context), commune,
                            self->cancellable, villages_ready, g_object_ref (self));
}

static void
communes_ready (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BansoPlacePicker) self = user_data;
  g_autoptr(GPtrArray) communes = banso_store_task_finish (BANSO_STORE (object), result, NULL);

  /* A late answer for a province the user has already left is dropped. */
  if (communes == NULL ||
      (communes->len > 0 &&
       g_strcmp0 (((BansoRefItem *)g_ptr_array_index (communes, 0))->parent,
                  banso_dropdown_get_code (self->province_drop)) != 0))
    return;
  self->quiet++;
  banso_dropdown_set_items (self->commune_drop, communes, _("Choose a commune"));
  banso_dropdown_select_code (self->commune_drop, self->want_commune);
  self->quiet--;
  g_clear_pointer (&self->want_commune, g_free);
  load_villages (self);
  g_signal_emit (self, signals[READY], 0);
}

static void
on_province_changed (GtkDropDown      *dropdown,
                     GParamSpec       *pspec,
                     BansoPlacePicker *self)
{
  const char *province = banso_dropdown_get_code (dropdown);

  if (self->context == NULL || self->quiet > 0)
    return;

  self->quiet++;
  banso_dropdown_set_items (self->commune_drop, NULL, _("Choose a commune"));
  self->quiet--;
  if (province == NULL)
    return;
  banso_commune_list_async (banso_context_get_store (self->context), province,
                            self->cancellable, communes_ready, g_object_ref (self));
}

static void
on_commune_changed (GtkDropDown      *dropdown,
                    GParamSpec       *pspec,
                    BansoPlacePicker *self)
{
  if (self->context == NULL || self->want_commune != NULL || self->quiet > 0)
    return;
  load_villages (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_village_changed (GtkDropDown      *dropdown,
                    GParamSpec       *pspec,
                    BansoPlacePicker *self)
{
  if (self->quiet > 0 || self->want_village != NULL)
    return;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* A new village */

static void
village_created (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(BansoPlacePicker) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = banso_store_task_finish (BANSO_STORE (object), result, &error);

  if (id == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                  _("The village was not added"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  g_free (self->want_village);
  self->want_village = g_steal_pointer (&id);
  load_villages (self);
}

static void
on_new_village_response (AdwMessageDialog *dialog,
                         const char       *response,
                         BansoPlacePicker *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");

  if (g_strcmp0 (response, "add") != 0)
    return;

  banso_village_create_async (banso_context_get_store (self->context),
                              banso_context_get_user (self->context),
                              banso_dropdown_get_code (self->commune_drop),
                              gtk_editable_get_text (entry), self->cancellable,
                              village_created, g_object_ref (self));
}

static void
on_new_village_clicked (GtkButton        *button,
                        BansoPlacePicker *self)
{
  GtkWidget *dialog;
  GtkWidget *entry = gtk_entry_new ();

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("New Village"),
                                   _("Enter the name as people write it, e.g. “Bản Mòng” or “Thôn 3”."));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Village name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_new_village_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
banso_place_picker_dispose (GObject *object)
{
  BansoPlacePicker *self = (BansoPlacePicker *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BANSO_TYPE_PLACE_PICKER);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->want_commune, g_free);
  g_clear_pointer (&self->want_village, g_free);

  G_OBJECT_CLASS (banso_place_picker_parent_class)->dispose (object);
}

static void
banso_place_picker_class_init (BansoPlacePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = banso_place_picker_dispose;

  /**
   * BansoPlacePicker::changed:
   *
   * Emitted when the commune or village chosen changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * BansoPlacePicker::ready:
   *
   * Emitted when a place set by banso_place_picker_set_place() has been shown;
   * unlike ::changed, it is not a change made by the user.
   */
  signals[READY] = g_signal_new ("ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/banso/Banso/ui/banso-place-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, BansoPlacePicker, province_drop);
  gtk_widget_class_bind_template_child (widget_class, BansoPlacePicker, commune_drop);
  gtk_widget_class_bind_template_child (widget_class, BansoPlacePicker, village_drop);
  gtk_widget_class_bind_template_child (widget_class, BansoPlacePicker, new_village_button);
  gtk_widget_class_bind_template_callback (widget_class, on_province_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_commune_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_village_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_new_village_clicked);
}

static void
banso_place_picker_init (BansoPlacePicker *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  banso_dropdown_set_no_match (self->commune_drop, _("No commune matches “%s”"));
  banso_dropdown_set_no_match (self->village_drop, _("No village matches “%s”"));
}

void
banso_place_picker_set_context (BansoPlacePicker *self,
                                BansoContext     *context)
{
  g_return_if_fail (BANSO_IS_PLACE_PICKER (self));

  g_set_object (&self->context, context);
  self->quiet++;
  banso_dropdown_set_items (self->province_drop, banso_context_get_provinces (context), NULL);
  banso_dropdown_set_items (self->commune_drop, NULL, _("Choose a commune"));
  banso_dropdown_set_items (self->village_drop, NULL, _("No village"));
  self->quiet--;
}

typedef struct
{
  char *commune;
  char *province;
} PlaceLookup;

static void
province_ready (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BansoPlacePicker) self = user_data;
  g_autofree char *province = banso_store_task_finish (BANSO_STORE (object), result, NULL);
  guint before = gtk_drop_down_get_selected (self->province_drop);

  banso_dropdown_select_code (self->province_drop,
                              province ? province : banso_context_get_home_province (self->context));
  if (gtk_drop_down_get_selected (self->province_drop) == before)
    on_province_changed (self->province_drop, NULL, self);
}

/**
 * banso_place_picker_set_place:
 * @commune: (nullable): a commune code; %NULL for the office's home province
 * @village: (nullable): a village id
 */
void
banso_place_picker_set_place (BansoPlacePicker *self,
                              const char       *commune,
                              const char       *village)
{
  g_return_if_fail (BANSO_IS_PLACE_PICKER (self));
  g_return_if_fail (self->context != NULL);

  g_free (self->want_commune);
  self->want_commune = g_strdup (commune);
  g_free (self->want_village);
  self->want_village = g_strdup (village);

  banso_commune_province_async (banso_context_get_store (self->context), commune ? commune : "",
                                self->cancellable, province_ready, g_object_ref (self));
}

const char *
banso_place_picker_get_commune (BansoPlacePicker *self)
{
  if (self->want_commune != NULL)
    return self->want_commune;
  return banso_dropdown_get_code (self->commune_drop);
}

/* The name of the commune shown, once the communes are loaded; NULL before. */
char *
banso_place_picker_dup_commune_name (BansoPlacePicker *self)
{
  GObject *item = gtk_drop_down_get_selected_item (self->commune_drop);

  if (self->want_commune != NULL || banso_dropdown_get_code (self->commune_drop) == NULL ||
      !GTK_IS_STRING_OBJECT (item))
    return NULL;
  return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
}

const char *
banso_place_picker_get_village (BansoPlacePicker *self)
{
  if (self->want_village != NULL)
    return self->want_village;
  return banso_dropdown_get_code (self->village_drop);
}
