/* banso-archive-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Archive section: a grid of the items the user may see, with their thumbnails, filters
 * (kind, media type, language, ethnic group, commune, year) and folded search over titles,
 * descriptions and transcripts; Add Files and drag and drop ingest with progress and Cancel;
 * an item opens in its player; Present shows the grid's items full screen. Everything is
 * read and written by the archive's async calls, in worker threads.
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-archive-card.h"
#include "banso-archive-entry.h"
#include "banso-archive-page.h"
#include "banso-archive-player.h"
#include "banso-archive-tasks.h"
#include "banso-media.h"
#include "banso-presentation.h"
#include "banso-reference.h"
#include "banso-thumbnail-cache.h"

struct _BansoArchivePage
{
  GtkWidget            parent_instance;

  BansoContext        *context;
  GListStore          *items;
  BansoThumbnailCache *cache;
  GCancellable        *list_cancellable;
  GCancellable        *ingest_cancellable;
  GtkFileChooserNative *chooser;
  guint                refilter_id;
  GPtrArray           *ethnic_codes;

  GtkWidget           *content;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *kind_dropdown;
  GtkDropDown         *media_dropdown;
  GtkDropDown         *language_dropdown;
  GtkDropDown         *ethnic_dropdown;
  GtkEntry            *commune_entry;
  GtkEntry            *year_entry;
  GtkButton           *add_button;
  GtkButton           *present_button;
  GtkRevealer         *ingest_revealer;
  GtkProgressBar      *ingest_progress;
  GtkButton           *cancel_button;
  GtkLabel            *message_label;
  GtkStack            *stack;
  GtkScrolledWindow   *scroller;
  GtkGridView         *grid;
  AdwStatusPage       *empty_page;
};

static void banso_archive_page_section_init (BansoSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BansoArchivePage, banso_archive_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BANSO_TYPE_SECTION,
                                                      banso_archive_page_section_init))

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_ICON_NAME,
  PROP_BADGE,
  PROP_BADGE_DESCRIPTION,
  PROP_SEARCHABLE,
  PROP_SEARCH_MODE,
  PROP_COMMANDS,
};

static const char * const media_kinds[] = { NULL, "video", "audio", "photo" };
static const char * const languages[] = { NULL, "vi", "tai", "blt", "hmn" };

void
banso_archive_load_css (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, "/io/github/banso/Banso/archive/banso-archive.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&done, 1);
    }
}

/* Listing {{{ */

static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(BansoArchivePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = banso_archive_list_finish (result, &error);
  g_autoptr(GPtrArray) entries = NULL;

  if (rows == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_label_set_text (self->message_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
        }
      return;
    }
  entries = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (entries, banso_archive_entry_new (g_steal_pointer (&rows->pdata[i])));
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       entries->pdata, entries->len);
  gtk_stack_set_visible_child_name (self->stack, entries->len > 0 ? "grid" : "empty");
  gtk_widget_set_sensitive (GTK_WIDGET (self->present_button), entries->len > 0);
}

static char *
dup_entry_text (GtkEntry *entry)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

  g_strstrip (text);
  return text[0] ? g_steal_pointer (&text) : NULL;
}

static void
reload (BansoArchivePage *self)
{
  BansoArchiveQuery query = BANSO_ARCHIVE_QUERY_INIT;
  g_autofree char *commune = dup_entry_text (self->commune_entry);
  g_autofree char *year = dup_entry_text (self->year_entry);
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  guint media = gtk_drop_down_get_selected (self->media_dropdown);
  guint language = gtk_drop_down_get_selected (self->language_dropdown);
  guint ethnic = gtk_drop_down_get_selected (self->ethnic_dropdown);

  if (self->context == NULL)
    return;
  g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);
  self->list_cancellable = g_cancellable_new ();

  query.search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  query.kind = kind == 0 || kind == GTK_INVALID_LIST_POSITION ? -1 : (int) kind - 1;
  query.media_kind = media < G_N_ELEMENTS (media_kinds) ? media_kinds[media] : NULL;
  query.language = language < G_N_ELEMENTS (languages) ? languages[language] : NULL;
  query.ethnic = ethnic > 0 && ethnic < self->ethnic_codes->len + 1
                 ? self->ethnic_codes->pdata[ethnic - 1] : NULL;
  query.commune = commune;
  query.year = year ? (int) g_ascii_strtoll (year, NULL, 10) : 0;
  banso_archive_list_async (banso_context_get_store (self->context),
                            banso_context_get_user (self->context), &query,
                            self->list_cancellable, on_listed, g_object_ref (self));
}

static gboolean
reload_later (gpointer user_data)
{
  BansoArchivePage *self = user_data;

  self->refilter_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_filter_changed (BansoArchivePage *self)
{
  g_clear_handle_id (&self->refilter_id, g_source_remove);
  self->refilter_id = g_timeout_add (150, reload_later, self);
}

/* }}} */

/* Ingest {{{ */

static void
on_ingest_progress (guint       done,
                    guint       total,
                    const char *path,
                    gpointer    user_data)
{
  BansoArchivePage *self = user_data;
  g_autofree char *name = g_filename_display_basename (path);
  /* Translators: ingest progress: "3 of 12: xoe.webm". */
  g_autofree char *text = g_strdup_printf (_("%u of %u: %s"), done, total, name);

  gtk_progress_bar_set_fraction (self->ingest_progress, total ? (double) done / total : 0);
  gtk_progress_bar_set_text (self->ingest_progress, text);
}

static void
on_ingested (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(BansoArchivePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = banso_archive_ingest_finish (result, &error);
  g_autoptr(GString) message = g_string_new (NULL);
  guint added = 0;

  gtk_revealer_set_reveal_child (self->ingest_revealer, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), TRUE);
  g_clear_object (&self->ingest_cancellable);
  if (results == NULL)
    g_string_append (message, error->message);
  else
    for (guint i = 0; i < results->len; i++)
      {
        BansoIngestResult *r = g_ptr_array_index (results, i);

        if (r->error == NULL)
          added++;
        else if (!g_error_matches (r->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
          g_string_append_printf (message, "%s%s", message->len ? "\n" : "", r->error->message);
      }
  if (results != NULL)
    {
      g_autofree char *summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u item added.",
                                                               "%u items added.", added),
                                                  added);

      g_string_prepend_c (message, message->len ? '\n' : ' ');
      g_string_prepend (message, summary);
    }
  gtk_label_set_text (self->message_label, message->str);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message->len > 0);
  reload (self);
}

void
banso_archive_page_ingest (BansoArchivePage   *self,
                           const char * const *paths)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BANSO_IS_ARCHIVE_PAGE (self));
  if (self->context == NULL || self->ingest_cancellable != NULL || paths == NULL || !paths[0])
    return;
  if (!banso_user_can_edit_archive (banso_context_get_user (self->context), &error))
    {
      gtk_label_set_text (self->message_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
      return;
    }
  self->ingest_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->ingest_progress, 0);
  gtk_progress_bar_set_text (self->ingest_progress, _("Looking at the files…"));
  gtk_revealer_set_reveal_child (self->ingest_revealer, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
  banso_archive_ingest_async (banso_context_get_store (self->context),
                              banso_context_get_user (self->context), paths,
                              on_ingest_progress, self, self->ingest_cancellable, on_ingested,
                              g_object_ref (self));
}

static void
on_cancel_clicked (BansoArchivePage *self)
{
  g_cancellable_cancel (self->ingest_cancellable);
  gtk_progress_bar_set_text (self->ingest_progress, _("Cancelling…"));
}

static void
on_chooser_response (GtkNativeDialog  *dialog,
                     int               response,
                     BansoArchivePage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          char *path = g_file_get_path (file);

          if (path)
            g_ptr_array_add (paths, path);
        }
      g_ptr_array_add (paths, NULL);
      banso_archive_page_ingest (self, (const char * const *) paths->pdata);
    }
  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);
}

static void
on_add_clicked (BansoArchivePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Add to the Archive"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), NULL);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
on_drop (GtkDropTarget    *target,
         const GValue     *value,
         double            x,
         double            y,
         BansoArchivePage *self)
{
  GSList *files;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    {
      char *path = g_file_get_path (l->data);

      if (path)
        g_ptr_array_add (paths, path);
    }
  g_ptr_array_add (paths, NULL);
  banso_archive_page_ingest (self, (const char * const *) paths->pdata);
  return TRUE;
}

/* }}} */

static void
on_grid_activate (BansoArchivePage *self,
                  guint             position)
{
  g_autoptr(BansoArchiveEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->items),
                                                              position);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *player;

  if (entry == NULL)
    return;
  player = banso_archive_player_new (self->context, banso_archive_entry_get_row (entry)->id);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (player, GTK_WINDOW (root));
  gtk_window_present (player);
}

static void
on_present_clicked (BansoArchivePage *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  GtkWindow *window;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(BansoArchiveEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      g_ptr_array_add (ids, g_strdup (banso_archive_entry_get_row (entry)->id));
    }
  g_ptr_array_add (ids, NULL);
  window = banso_presentation_new (self->context, (const char * const *) ids->pdata);
  gtk_window_present (window);
  gtk_window_fullscreen (window);
}

/* The grid's cells {{{ */

static void
setup_card (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            BansoArchivePage         *self)
{
  gtk_list_item_set_child (item, banso_archive_card_new (self->cache));
}

static void
bind_card (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           BansoArchivePage         *self)
{
  banso_archive_card_set_entry (BANSO_ARCHIVE_CARD (gtk_list_item_get_child (item)),
                                gtk_list_item_get_item (item));
}

static void
unbind_card (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             BansoArchivePage         *self)
{
  banso_archive_card_set_entry (BANSO_ARCHIVE_CARD (gtk_list_item_get_child (item)), NULL);
}

/* }}} */

static void
fill_dropdowns (BansoArchivePage *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) media = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) langs = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) ethnic = gtk_string_list_new (NULL);
  GPtrArray *groups = self->context ? banso_context_get_ethnic_groups (self->context) : NULL;

  gtk_string_list_append (kinds, _("All kinds"));
  for (guint i = 0; i <= BANSO_ARCHIVE_KIND_OTHER; i++)
    gtk_string_list_append (kinds, banso_archive_kind_get_label (i));
  gtk_string_list_append (media, _("All media"));
  for (guint i = 0; i <= BANSO_ARCHIVE_MEDIA_PHOTO; i++)
    gtk_string_list_append (media, banso_archive_media_kind_get_label (i));
  gtk_string_list_append (langs, _("All languages"));
  for (guint i = 1; i < G_N_ELEMENTS (languages); i++)
    gtk_string_list_append (langs, banso_archive_language_label (languages[i]));
  gtk_string_list_append (ethnic, _("All ethnic groups"));
  g_ptr_array_set_size (self->ethnic_codes, 0);
  for (guint i = 0; groups != NULL && i < groups->len; i++)
    {
      BansoRefItem *group = g_ptr_array_index (groups, i);

      gtk_string_list_append (ethnic, group->name);
      g_ptr_array_add (self->ethnic_codes, g_strdup (group->code));
    }
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  gtk_drop_down_set_model (self->media_dropdown, G_LIST_MODEL (media));
  gtk_drop_down_set_model (self->language_dropdown, G_LIST_MODEL (langs));
  gtk_drop_down_set_model (self->ethnic_dropdown, G_LIST_MODEL (ethnic));
}

static void
on_user_changed (BansoArchivePage *self)
{
  BansoUser *user = banso_context_get_user (self->context);

  g_clear_object (&self->cache);
  self->cache = banso_thumbnail_cache_new (banso_context_get_store (self->context), user);
  {
    GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

    g_signal_connect (factory, "setup", G_CALLBACK (setup_card), self);
    g_signal_connect (factory, "bind", G_CALLBACK (bind_card), self);
    g_signal_connect (factory, "unbind", G_CALLBACK (unbind_card), self);
    gtk_grid_view_set_factory (self->grid, factory);
    g_object_unref (factory);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->add_button),
                          user != NULL && banso_user_can_edit_archive (user, NULL));
  reload (self);
}

void
banso_archive_page_set_context (BansoArchivePage *self,
                                BansoContext     *context)
{
  g_return_if_fail (BANSO_IS_ARCHIVE_PAGE (self));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  fill_dropdowns (self);
  g_signal_connect_object (context, "notify::user", G_CALLBACK (on_user_changed), self,
                           G_CONNECT_SWAPPED);
  on_user_changed (self);
}

static void
banso_archive_page_dispose (GObject *object)
{
  BansoArchivePage *self = BANSO_ARCHIVE_PAGE (object);

  g_cancellable_cancel (self->list_cancellable);
  g_cancellable_cancel (self->ingest_cancellable);
  g_clear_handle_id (&self->refilter_id, g_source_remove);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), BANSO_TYPE_ARCHIVE_PAGE);
  g_clear_object (&self->list_cancellable);
  g_clear_object (&self->ingest_cancellable);
  g_clear_object (&self->cache);
  g_clear_object (&self->items);
  g_clear_object (&self->context);
  g_clear_pointer (&self->ethnic_codes, g_ptr_array_unref);
  G_OBJECT_CLASS (banso_archive_page_parent_class)->dispose (object);
}

static void
banso_archive_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, _("Archive"));
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, _("Festivals, songs, rituals and crafts of the ethnic groups"));
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, "folder-videos-symbolic");
      break;
    case PROP_BADGE:
    case PROP_BADGE_DESCRIPTION:
      g_value_set_string (value, NULL);
      break;
    case PROP_SEARCHABLE:
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, FALSE);
      break;
    case PROP_COMMANDS:
      g_value_set_uint (value, 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
banso_archive_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      /* The section's own search entry is always there. */
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
banso_archive_page_section_set_context (BansoSection *section,
                                        BansoContext *context)
{
  banso_archive_page_set_context (BANSO_ARCHIVE_PAGE (section), context);
}

static GListModel *
banso_archive_page_section_get_model (BansoSection *section)
{
  return G_LIST_MODEL (BANSO_ARCHIVE_PAGE (section)->items);
}

static void
banso_archive_page_section_init (BansoSectionInterface *iface)
{
  iface->set_context = banso_archive_page_section_set_context;
  iface->get_model = banso_archive_page_section_get_model;
}

static void
banso_archive_page_class_init (BansoArchivePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = banso_archive_page_dispose;
  object_class->get_property = banso_archive_page_get_property;
  object_class->set_property = banso_archive_page_set_property;
  banso_section_override_properties (object_class, PROP_TITLE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/banso/Banso/archive/banso-archive-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BansoArchivePage, content);
  gtk_widget_class_bind_template_child (widget_class, BansoArchivePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BansoArchivePage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BansoArchivePage, media_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BansoArchivePage, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BansoArchivePage, ethnic_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BansoArchivePage, commune_entry);
  gtk_widget_class_bind_template_child (widget_class, BansoArchivePage, year_entry);
  gtk_widget_class_bind_template_child (widget_class, BansoArchivePage, add_button);
  gtk_widget_class_bind_template_child (widget_class, BansoArchivePage, present_button);
  gtk_widget_class_bind_template_child (widget_class, BansoArchivePage, ingest_revealer);
  gtk_widget_class_bind_template_child (widget_class, BansoArchivePage, ingest_progress);
  gtk_widget_class_bind_template_child (widget_class, BansoArchivePage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, BansoArchivePage, message_label);
  gtk_widget_class_bind_template_child (widget_class, BansoArchivePage, stack);
  gtk_widget_class_bind_template_child (widget_class, BansoArchivePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, BansoArchivePage, grid);
  gtk_widget_class_bind_template_child (widget_class, BansoArchivePage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_present_clicked);
}

static void
banso_archive_page_init (BansoArchivePage *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  banso_archive_load_css ();
  self->ethnic_codes = g_ptr_array_new_with_free_func (g_free);
  self->items = g_list_store_new (BANSO_TYPE_ARCHIVE_ENTRY);
  gtk_grid_view_set_model (self->grid,
                           GTK_SELECTION_MODEL (gtk_single_selection_new (
                             g_object_ref (G_LIST_MODEL (self->items)))));
  gtk_widget_set_sensitive (GTK_WIDGET (self->present_button), FALSE);
  fill_dropdowns (self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
