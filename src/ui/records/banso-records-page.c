/* banso-records-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-household.h"
#include "banso-records-page-private.h"
#include "banso-reference.h"
#include "banso-records-tasks.h"
#include "banso-store-async.h"
#include "banso-ui-utils.h"

static void banso_records_page_section_init (BansoSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BansoRecordsPage, banso_records_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BANSO_TYPE_SECTION,
                                                      banso_records_page_section_init))

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS,

  /* BansoSection's */
  PROP_TITLE = N_PROPS,
  PROP_SUMMARY,
  PROP_ICON_NAME,
  PROP_BADGE,
  PROP_BADGE_DESCRIPTION,
  PROP_SEARCHABLE,
  PROP_SEARCH_MODE,
  PROP_COMMANDS,
};

static GParamSpec *properties[N_PROPS];

const char *
banso_records_page_get_title (BansoRecordsPage *self)
{
  return _(self->info->title);
}

const char *
banso_records_page_get_summary (BansoRecordsPage *self)
{
  return self->summary ? self->summary : "";
}

BansoRecordRow *
_banso_records_page_get_selected (BansoRecordsPage *self)
{
  BansoRecordRow *row;

  if (self->selection == NULL)
    return NULL;
  row = gtk_single_selection_get_selected_item (self->selection);
  if (row == NULL || !banso_record_row_get_loaded (row))
    return NULL;
  return row;
}

/* Cells */

static void
update_cell (GtkLabel       *label,
             BansoRecordRow *row)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "column"));

  gtk_label_set_text (label, banso_record_row_get_value (row, column));
}

static void
on_row_loaded (BansoRecordRow *row,
               GParamSpec     *pspec,
               GtkLabel       *label)
{
  update_cell (label, row);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  g_object_set_data (G_OBJECT (label), "column", column);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  column)
{
  BansoRecordRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  update_cell (GTK_LABEL (label), row);
  g_signal_connect_object (row, "notify::loaded", G_CALLBACK (on_row_loaded), label, 0);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  column)
{
  BansoRecordRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  if (row != NULL)
    g_signal_handlers_disconnect_by_func (row, on_row_loaded, label);
}

/* Sorting. The list sorts in SQL, so the view's sorter is only asked which
 * column and direction the user chose. GTK 4.8 has no call for that; we ask
 * the view's sorter to compare two rows and note which column sorter it
 * consults first and how it inverts the answer.
 */
static const char *probe_first_key;

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      key)
{
  if (probe_first_key == NULL)
    probe_first_key = key;
  return GTK_ORDERING_SMALLER;
}

static void refresh_filter (BansoRecordsPage *self);

static void
on_sorter_changed (GtkSorter        *sorter,
                   GtkSorterChange   change,
                   BansoRecordsPage *self)
{
  refresh_filter (self);
}

static void
read_sort (BansoRecordsPage *self,
           char            **key,
           gboolean         *descending)
{
  g_autoptr(BansoRecordRow) a = banso_record_row_new ();
  g_autoptr(BansoRecordRow) b = banso_record_row_new ();
  GtkOrdering order;

  probe_first_key = NULL;
  order = gtk_sorter_compare (self->view_sorter, a, b);
  *key = g_strdup (probe_first_key);
  *descending = order == GTK_ORDERING_LARGER;
  probe_first_key = NULL;
}

static void
add_columns (BansoRecordsPage *self)
{
  const BansoRecordsColumn *columns = self->info->columns;

  for (guint i = 0; i < BANSO_RECORDS_N_COLUMNS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), GUINT_TO_POINTER (i));

      column = gtk_column_view_column_new (_(columns[i].title), g_object_ref (factory));
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (columns[i].key != NULL)
        {
          g_autoptr(GtkSorter) sorter =
            GTK_SORTER (gtk_custom_sorter_new (probe_compare, (gpointer)columns[i].key, NULL));
          gtk_column_view_column_set_sorter (column, sorter);
        }
      gtk_column_view_append_column (self->column_view, column);
    }

  self->view_sorter = gtk_column_view_get_sorter (self->column_view);
  g_signal_connect_object (self->view_sorter, "changed", G_CALLBACK (on_sorter_changed), self, 0);
}

/* Filters */

static void
refresh_filter (BansoRecordsPage *self)
{
  g_autoptr(BansoRecordFilter) filter = banso_record_filter_new ();

  if (self->list == NULL)
    return;

  filter->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  filter->commune = g_strdup (banso_dropdown_get_code (self->commune_drop));
  filter->village = g_strdup (banso_dropdown_get_code (self->village_drop));
  filter->ethnic = g_strdup (banso_dropdown_get_code (self->ethnic_drop));
  filter->status = g_strdup (banso_dropdown_get_code (self->status_drop));
  read_sort (self, &filter->sort, &filter->descending);

  banso_record_list_set_filter (self->list, filter);
}

static void
on_search_changed (GtkSearchEntry   *entry,
                   BansoRecordsPage *self)
{
  refresh_filter (self);
}

static void
on_stop_search (GtkSearchEntry   *entry,
                BansoRecordsPage *self)
{
  banso_records_page_set_search_mode (self, FALSE);
}

static void
on_filter_changed (GtkDropDown      *dropdown,
                   GParamSpec       *pspec,
                   BansoRecordsPage *self)
{
  refresh_filter (self);
}

static void
villages_ready (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BansoRecordsPage) self = user_data;
  g_autoptr(GPtrArray) villages = NULL;
  g_autoptr(GError) error = NULL;

  villages = banso_store_task_finish (BANSO_STORE (object), result, &error);
  if (villages == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read villages: %s", error->message);
      return;
    }

  g_signal_handlers_block_by_func (self->village_drop, on_filter_changed, self);
  banso_dropdown_set_items (self->village_drop, villages, _("All villages"));
  g_signal_handlers_unblock_by_func (self->village_drop, on_filter_changed, self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->village_drop), villages->len > 0);
}

static void
on_commune_changed (GtkDropDown      *dropdown,
                    GParamSpec       *pspec,
                    BansoRecordsPage *self)
{
  const char *commune = banso_dropdown_get_code (dropdown);

  g_signal_handlers_block_by_func (self->village_drop, on_filter_changed, self);
  banso_dropdown_set_items (self->village_drop, NULL, _("All villages"));
  g_signal_handlers_unblock_by_func (self->village_drop, on_filter_changed, self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->village_drop), FALSE);

  if (commune != NULL && self->context != NULL)
    banso_village_list_async (banso_context_get_store (self->context), commune,
                              self->cancellable, villages_ready, g_object_ref (self));

  refresh_filter (self);
}

/* The names of the communes a commune official may change, "Xã A, Xã B";
 * NULL for everyone else. */
static char *
scope_names (BansoRecordsPage *self)
{
  BansoUser *user = self->context ? banso_context_get_user (self->context) : NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  if (user == NULL || banso_user_get_role (user) != BANSO_ROLE_COMMUNE_OFFICIAL ||
      self->communes == NULL)
    return NULL;
  for (guint i = 0; i < self->communes->len; i++)
    {
      BansoRefItem *item = g_ptr_array_index (self->communes, i);

      if (g_strv_contains (banso_user_get_communes (user), item->code))
        g_ptr_array_add (names, item->name);
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **)names->pdata);
}

static void on_list_reloaded (BansoRecordList  *list,
                              BansoRecordsPage *self);

/* A commune official is offered only their own communes; the others, all
 * the communes of the province. Called again when someone else logs in. */
static void
show_communes (BansoRecordsPage *self)
{
  BansoUser *user = banso_context_get_user (self->context);
  g_autoptr(GPtrArray) shown = NULL;
  g_autofree char *before = g_strdup (banso_dropdown_get_code (self->commune_drop));
  gboolean kept;

  if (self->communes == NULL)
    return;
  if (user != NULL && banso_user_get_role (user) == BANSO_ROLE_COMMUNE_OFFICIAL)
    {
      shown = g_ptr_array_new ();
      for (guint i = 0; i < self->communes->len; i++)
        {
          BansoRefItem *item = g_ptr_array_index (self->communes, i);

          if (g_strv_contains (banso_user_get_communes (user), item->code))
            g_ptr_array_add (shown, item);
        }
    }
  else
    {
      shown = g_ptr_array_ref (self->communes);
    }

  g_signal_handlers_block_by_func (self->commune_drop, on_commune_changed, self);
  banso_dropdown_set_items (self->commune_drop, shown, _("All communes"));
  kept = before == NULL || banso_dropdown_select_code (self->commune_drop, before);
  g_signal_handlers_unblock_by_func (self->commune_drop, on_commune_changed, self);
  if (!kept)
    on_commune_changed (self->commune_drop, NULL, self);
  else if (self->list != NULL)
    on_list_reloaded (self->list, self);   /* the summary names the communes */
}

static void
communes_ready (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BansoRecordsPage) self = user_data;
  g_autoptr(GPtrArray) communes = NULL;
  g_autoptr(GError) error = NULL;

  communes = banso_store_task_finish (BANSO_STORE (object), result, &error);
  if (communes == NULL)
    return;

  g_clear_pointer (&self->communes, g_ptr_array_unref);
  self->communes = g_steal_pointer (&communes);
  show_communes (self);

  /* A filter asked for before the communes were there. */
  if (self->pending_commune != NULL)
    {
      g_autofree char *code = g_steal_pointer (&self->pending_commune);
      banso_dropdown_select_code (self->commune_drop, code);
    }
}

/**
 * banso_records_page_set_commune_filter:
 * @code: (nullable): a commune's code; %NULL for all communes
 *
 * Shows the records of one commune, as if the user had chosen it in the
 * commune filter (the map's side panel opens a commune's households so).
 */
void
banso_records_page_set_commune_filter (BansoRecordsPage *self,
                                       const char       *code)
{
  g_return_if_fail (BANSO_IS_RECORDS_PAGE (self));

  g_clear_pointer (&self->pending_commune, g_free);
  if (!banso_dropdown_select_code (self->commune_drop, code) && code != NULL)
    self->pending_commune = g_strdup (code);
}

static void
setup_filters (BansoRecordsPage *self)
{
  static const char *codes[] = { "", "poor", "near-poor", "not-poor", "unknown", NULL };
  const char *labels[] = {
    _("All statuses"),
    banso_poverty_get_label (BANSO_POVERTY_POOR),
    banso_poverty_get_label (BANSO_POVERTY_NEAR_POOR),
    banso_poverty_get_label (BANSO_POVERTY_NOT_POOR),
    banso_poverty_get_label (BANSO_POVERTY_UNKNOWN),
    NULL,
  };

  g_signal_handlers_block_by_func (self->ethnic_drop, on_filter_changed, self);
  g_signal_handlers_block_by_func (self->status_drop, on_filter_changed, self);
  g_signal_handlers_block_by_func (self->commune_drop, on_commune_changed, self);
  g_signal_handlers_block_by_func (self->village_drop, on_filter_changed, self);

  banso_dropdown_set_items (self->ethnic_drop, banso_context_get_ethnic_groups (self->context),
                            _("All ethnic groups"));
  banso_dropdown_set_pairs (self->status_drop, codes, labels);
  banso_dropdown_set_items (self->commune_drop, NULL, _("All communes"));
  banso_dropdown_set_items (self->village_drop, NULL, _("All villages"));

  g_signal_handlers_unblock_by_func (self->ethnic_drop, on_filter_changed, self);
  g_signal_handlers_unblock_by_func (self->status_drop, on_filter_changed, self);
  g_signal_handlers_unblock_by_func (self->commune_drop, on_commune_changed, self);
  g_signal_handlers_unblock_by_func (self->village_drop, on_filter_changed, self);

  if (!self->info->has_status_filter)
    gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->status_drop)), FALSE);

  banso_commune_list_async (banso_context_get_store (self->context),
                            banso_context_get_home_province (self->context), self->cancellable,
                            communes_ready, g_object_ref (self));
}

/* The count, and the empty states */

static gboolean
is_filtered (BansoRecordsPage *self)
{
  const BansoRecordFilter *f = banso_record_list_get_filter (self->list);

  return (f->search && *f->search) || f->commune || f->village || f->ethnic || f->status;
}

static void
on_list_reloaded (BansoRecordList  *list,
                  BansoRecordsPage *self)
{
  const GError *error = banso_record_list_get_error (list);
  guint count = banso_record_list_get_count (list);

  g_autofree char *counted = self->info->format_count (count);
  g_autofree char *scope = scope_names (self);

  g_free (self->summary);
  /* Translators: the number of records, then the communes the official may
   * change, e.g. "120 households · Xã A, Xã B". */
  self->summary = scope ? g_strdup_printf (_("%s · %s"), counted, scope) : g_strdup (counted);
  gtk_label_set_text (self->count_label, counted);
  g_object_notify (G_OBJECT (self), "summary");

  if (error != NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
    }
  else if (count == 0)
    {
      gboolean filtered = is_filtered (self);

      adw_status_page_set_icon_name (self->empty_page, filtered ? "edit-find-symbolic"
                                                                : "system-users-symbolic");
      if (filtered)
        {
          adw_status_page_set_title (self->empty_page, _("Nothing Matches"));
          adw_status_page_set_description (self->empty_page,
                                           _("Try other words, or clear the filters."));
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _(self->info->empty_title));
          adw_status_page_set_description (self->empty_page, _(self->info->empty_description));
        }
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
    }

  _banso_records_page_update_actions (self);
}

static void
on_selection_changed (BansoRecordsPage *self)
{
  _banso_records_page_update_actions (self);
}

/* The list is made when the page is first shown: a section nobody opens
 * costs no query at startup. */
static void
ensure_list (BansoRecordsPage *self)
{
  g_autoptr(BansoRecordSource) source = NULL;

  if (self->list != NULL || self->context == NULL)
    return;

  source = banso_records_source_new (self->info->kind);
  self->list = banso_record_list_new (banso_context_get_store (self->context), source);
  g_signal_connect_object (self->list, "reloaded", G_CALLBACK (on_list_reloaded), self, 0);

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  refresh_filter (self);
  _banso_records_page_update_actions (self);
}

static void
banso_records_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (banso_records_page_parent_class)->map (widget);
  ensure_list (BANSO_RECORDS_PAGE (widget));
}

void
banso_records_page_set_context (BansoRecordsPage *self,
                                BansoContext     *context)
{
  g_return_if_fail (BANSO_IS_RECORDS_PAGE (self));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  g_signal_connect_object (context, "notify::user", G_CALLBACK (show_communes), self,
                           G_CONNECT_SWAPPED);
  setup_filters (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_list (self);
  _banso_records_page_update_actions (self);
}

gboolean
banso_records_page_get_search_mode (BansoRecordsPage *self)
{
  return gtk_search_bar_get_search_mode (self->search_bar);
}

void
banso_records_page_set_search_mode (BansoRecordsPage *self,
                                    gboolean          search_mode)
{
  gtk_search_bar_set_search_mode (self->search_bar, search_mode);
  if (search_mode)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GListModel *
banso_records_page_get_model (BansoRecordsPage *self)
{
  return self->list ? G_LIST_MODEL (self->list) : NULL;
}

static void
on_search_mode_notify (BansoRecordsPage *self)
{
  g_object_notify (G_OBJECT (self), "search-mode");
}

static void
banso_records_page_constructed (GObject *object)
{
  BansoRecordsPage *self = (BansoRecordsPage *)object;

  G_OBJECT_CLASS (banso_records_page_parent_class)->constructed (object);

  add_columns (self);
  gtk_button_set_label (self->add_button, _(self->info->add_label));
  gtk_widget_set_visible (GTK_WIDGET (self->file_button),
                          (self->info->commands & (BANSO_SECTION_IMPORT | BANSO_SECTION_EXPORT)) != 0);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_object_set (self->search_entry, "placeholder-text", _(self->info->search_placeholder), NULL);
}

static void
banso_records_page_dispose (GObject *object)
{
  BansoRecordsPage *self = (BansoRecordsPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_weak_pointer (&self->undo_toast);
  gtk_widget_dispose_template (GTK_WIDGET (self), BANSO_TYPE_RECORDS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->communes, g_ptr_array_unref);
  g_clear_pointer (&self->pending_commune, g_free);

  G_OBJECT_CLASS (banso_records_page_parent_class)->dispose (object);
}

static void
banso_records_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BansoRecordsPage *self = BANSO_RECORDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->info->name);
      break;

    case PROP_TITLE:
      g_value_set_string (value, banso_records_page_get_title (self));
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, banso_records_page_get_summary (self));
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, self->info->icon_name);
      break;

    case PROP_BADGE:
    case PROP_BADGE_DESCRIPTION:
      g_value_set_string (value, NULL);
      break;

    case PROP_SEARCHABLE:
      g_value_set_boolean (value, TRUE);
      break;

    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, banso_records_page_get_search_mode (self));
      break;

    case PROP_COMMANDS:
      g_value_set_uint (value, self->info->commands);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
banso_records_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BansoRecordsPage *self = BANSO_RECORDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->info = banso_records_kind_lookup (g_value_get_string (value));
      if (self->info == NULL)
        {
          g_critical ("%s: no kind of record named “%s”", G_STRFUNC, g_value_get_string (value));
          self->info = banso_records_kind_lookup ("household");
        }
      break;

    case PROP_SEARCH_MODE:
      banso_records_page_set_search_mode (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
banso_records_page_class_init (BansoRecordsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = banso_records_page_constructed;
  object_class->dispose = banso_records_page_dispose;
  object_class->get_property = banso_records_page_get_property;
  object_class->set_property = banso_records_page_set_property;
  widget_class->map = banso_records_page_map;

  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, "household",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  banso_section_override_properties (object_class, PROP_TITLE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/banso/Banso/ui/banso-records-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BansoRecordsPage, box);
  gtk_widget_class_bind_template_child (widget_class, BansoRecordsPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, BansoRecordsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BansoRecordsPage, filter_box);
  gtk_widget_class_bind_template_child (widget_class, BansoRecordsPage, commune_drop);
  gtk_widget_class_bind_template_child (widget_class, BansoRecordsPage, village_drop);
  gtk_widget_class_bind_template_child (widget_class, BansoRecordsPage, ethnic_drop);
  gtk_widget_class_bind_template_child (widget_class, BansoRecordsPage, status_drop);
  gtk_widget_class_bind_template_child (widget_class, BansoRecordsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, BansoRecordsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, BansoRecordsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BansoRecordsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, BansoRecordsPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, BansoRecordsPage, file_button);
  gtk_widget_class_bind_template_child (widget_class, BansoRecordsPage, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_commune_changed);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_row_activated",
                                                G_CALLBACK (_banso_records_page_row_activated));

  _banso_records_page_class_init_actions (widget_class);
}

static void
banso_records_page_init (BansoRecordsPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  banso_dropdown_set_no_match (self->commune_drop, _("No commune matches “%s”"));
  banso_dropdown_set_no_match (self->village_drop, _("No village matches “%s”"));

  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (on_search_mode_notify), self, G_CONNECT_SWAPPED);
}

static void
banso_records_page_section_set_context (BansoSection *section,
                                        BansoContext *context)
{
  banso_records_page_set_context (BANSO_RECORDS_PAGE (section), context);
}

static void
banso_records_page_run_command (BansoSection         *section,
                                BansoSectionCommands  command)
{
  const char *action = command == BANSO_SECTION_ADD ? "records.add"
                     : command == BANSO_SECTION_IMPORT ? "records.import"
                     : "records.export";

  gtk_widget_activate_action (GTK_WIDGET (section), action, NULL);
}

static GListModel *
banso_records_page_section_get_model (BansoSection *section)
{
  return banso_records_page_get_model (BANSO_RECORDS_PAGE (section));
}

static void
banso_records_page_section_init (BansoSectionInterface *iface)
{
  iface->set_context = banso_records_page_section_set_context;
  iface->run_command = banso_records_page_run_command;
  iface->get_model = banso_records_page_section_get_model;
}
