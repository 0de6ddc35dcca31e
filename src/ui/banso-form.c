/* banso-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "banso"

#include "config.h"

#include <glib/gi18n.h>

#include "banso-drafts.h"
#include "banso-form.h"
#include "banso-form-state.h"
#include "banso-store-async.h"
#include "banso-ui-utils.h"

/* How long after the last change the draft is written: long enough not to
 * write at every key, short enough that little is lost when the power goes. */
#define DRAFT_DELAY_MS 400

/* What every record form shares. What is typed is kept as a draft in the
 * database a moment after each change, and at once when the window goes or
 * the app quits, so that nothing typed is lost; the draft goes when the
 * record is saved (in the same transaction) or the user discards it. Typing
 * is thrown away only after asking. Which record, which fields and which
 * domain call saves it are the subclass's.
 */
typedef struct
{
  BansoContext   *context;
  BansoFormState *state;
  GCancellable   *cancellable;
  char           *doc_id;
  char           *rev;
  char           *draft_key;
  guint           draft_source;
  gboolean        loading;
  gboolean        read_only;

  GtkWidget      *body;
  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;
  GtkScrolledWindow *scroller;
} BansoFormPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (BansoForm, banso_form, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BODY,
  PROP_DIRTY,
  PROP_SAVING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GQuark
kind_quark (void)
{
  return g_quark_from_static_string ("banso-form-kind");
}

/**
 * banso_form_class_set_record:
 * @kind: the document type the form edits, as its drafts are filed
 * @record_type: the boxed type of the records #BansoFormClass.collect gives
 * @save_func: the domain call that saves the record
 *
 * Called in the subclass's class_init.
 */
void
banso_form_class_set_record (BansoFormClass    *klass,
                             const char        *kind,
                             GType              record_type,
                             BansoFormSaveFunc  save_func)
{
  g_return_if_fail (BANSO_IS_FORM_CLASS (klass));
  g_return_if_fail (kind != NULL && save_func != NULL);
  g_return_if_fail (G_TYPE_IS_BOXED (record_type));

  g_type_set_qdata (G_TYPE_FROM_CLASS (klass), kind_quark (), (gpointer)g_intern_string (kind));
  klass->record_type = record_type;
  klass->save_func = save_func;
}

static const char *
get_kind (BansoForm *self)
{
  const char *kind = g_type_get_qdata (G_OBJECT_TYPE (self), kind_quark ());

  g_assert (kind != NULL);
  return kind;
}

/* Drafts */

static void
keep_draft (BansoForm  *self,
            const char *body)
{
  BansoFormPrivate *priv = banso_form_get_instance_private (self);

  banso_draft_keep_async (banso_context_get_store (priv->context),
                          banso_context_get_user (priv->context), priv->draft_key,
                          get_kind (self), priv->doc_id, body);
}

static char *
draft_body (BansoForm *self)
{
  BansoFormPrivate *priv = banso_form_get_instance_private (self);
  g_autofree char *json = BANSO_FORM_GET_CLASS (self)->to_json (self);

  return banso_draft_wrap (get_kind (self), priv->rev, json);
}

static gboolean
keep_draft_now (gpointer data)
{
  BansoForm *self = data;
  BansoFormPrivate *priv = banso_form_get_instance_private (self);
  g_autofree char *body = draft_body (self);

  priv->draft_source = 0;
  keep_draft (self, body);
  return G_SOURCE_REMOVE;
}

/* The app quits: its worker threads go with it, so the draft still waiting
 * for its moment is written here and now. */
static void
on_shutdown (BansoForm *self)
{
  BansoFormPrivate *priv = banso_form_get_instance_private (self);
  g_autofree char *body = NULL;
  g_autoptr(GError) error = NULL;

  if (priv->draft_source == 0)
    return;
  g_clear_handle_id (&priv->draft_source, g_source_remove);
  body = draft_body (self);
  if (!banso_draft_save (banso_context_get_store (priv->context),
                         banso_context_get_user (priv->context), priv->draft_key,
                         get_kind (self), priv->doc_id, body, &error))
    g_warning ("Could not keep the draft %s: %s", priv->draft_key, error->message);
}

/* Saving */

static void
set_saving (BansoForm *self,
            gboolean   saving)
{
  BansoFormPrivate *priv = banso_form_get_instance_private (self);

  if (banso_form_state_is_saving (priv->state) == saving)
    return;
  banso_form_state_set_saving (priv->state, saving);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
}

static void
show_error (BansoForm  *self,
            const char *message)
{
  BansoFormPrivate *priv = banso_form_get_instance_private (self);
  g_autofree char *text = g_strdup_printf (_("Not saved: %s"), message);

  gtk_label_set_text (priv->error_label, text);
  gtk_revealer_set_reveal_child (priv->error_revealer, TRUE);
}

/**
 * banso_form_revalidate:
 *
 * Asks the subclass again whether the record can be saved: for a change
 * that is not the user's (a list that finished loading).
 */
void
banso_form_revalidate (BansoForm *self)
{
  BansoFormPrivate *priv = banso_form_get_instance_private (self);
  BansoFormClass *klass = BANSO_FORM_GET_CLASS (self);
  g_autoptr(GError) error = NULL;
  gpointer record;
  gboolean valid;

  g_return_if_fail (BANSO_IS_FORM (self));

  record = klass->collect (self, &error);
  valid = record != NULL;
  g_assert (valid || error != NULL);
  if (record != NULL)
    g_boxed_free (klass->record_type, record);
  banso_form_state_set_valid (priv->state, valid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.save",
                                 !priv->read_only && banso_form_state_can_save (priv->state));
  /* Why Save is off, for the pointer and for screen readers. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (priv->save_button), valid ? NULL : error->message);
  if (valid)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (priv->save_button),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (priv->save_button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message, -1);
}

static void
record_saved (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(BansoForm) self = user_data;
  BansoFormPrivate *priv = banso_form_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  banso_store_task_finish (BANSO_STORE (object), result, &error);
  /* The window went meanwhile (its parent closed): nothing to show. */
  if (g_cancellable_is_cancelled (priv->cancellable))
    return;
  set_saving (self, FALSE);

  if (error != NULL)
    {
      /* What was typed stays, and so does its draft, brought up to date:
       * the save had stopped the one waiting for its moment. */
      show_error (self, error->message);
      if (banso_form_state_is_dirty (priv->state))
        keep_draft_now (self);
      banso_form_revalidate (self);
      return;
    }

  banso_form_state_saved (priv->state);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
  if (BANSO_FORM_GET_CLASS (self)->dup_saved_message != NULL)
    message = BANSO_FORM_GET_CLASS (self)->dup_saved_message (self);
  if (message != NULL)
    banso_widget_add_toast (GTK_WIDGET (self), message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BansoForm *self = BANSO_FORM (widget);
  BansoFormPrivate *priv = banso_form_get_instance_private (self);
  BansoFormClass *klass = BANSO_FORM_GET_CLASS (self);
  g_autoptr(GError) error = NULL;
  gpointer record;

  if (banso_form_state_is_saving (priv->state))
    return;

  record = klass->collect (self, &error);
  if (record == NULL)
    {
      /* Refused: the message names the field to correct. */
      show_error (self, error->message);
      banso_form_revalidate (self);
      return;
    }

  g_clear_handle_id (&priv->draft_source, g_source_remove);
  set_saving (self, TRUE);
  banso_form_revalidate (self);
  gtk_revealer_set_reveal_child (priv->error_revealer, FALSE);

  klass->save_func (banso_context_get_store (priv->context), banso_context_get_user (priv->context),
                    record, priv->draft_key, priv->cancellable, record_saved, g_object_ref (self));
  g_boxed_free (klass->record_type, record);
}

/* Ctrl+S also when Save is off, so that the refusal says why. */
static gboolean
save_shortcut (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  save_action (widget, "form.save", NULL);
  return TRUE;
}

/* Closing */

static void
forget_and_close (BansoForm *self)
{
  BansoFormPrivate *priv = banso_form_get_instance_private (self);
  gboolean had_draft = banso_form_state_has_draft (priv->state) || priv->draft_source != 0;

  g_clear_handle_id (&priv->draft_source, g_source_remove);
  banso_form_state_discarded (priv->state);
  if (had_draft)
    keep_draft (self, NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
discard_in_idle (gpointer data)
{
  forget_and_close (BANSO_FORM (data));
  return G_SOURCE_REMOVE;
}

/* The form goes once the question has gone: GTK 4.8 warns when a window
 * outlives the parent it is transient for. */
static void
on_discard_response (AdwMessageDialog *dialog,
                     const char       *response,
                     BansoForm        *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, discard_in_idle, g_object_ref (self),
                     g_object_unref);
}

static void
request_close (BansoForm *self)
{
  BansoFormPrivate *priv = banso_form_get_instance_private (self);
  GtkWidget *dialog;

  /* The save closes the form once done, or gives the typing back. */
  if (banso_form_state_is_saving (priv->state))
    return;

  if (!banso_form_state_must_ask (priv->state))
    {
      forget_and_close (self);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard Changes?"),
                                   _("What you typed in this form will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"), "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  request_close (BANSO_FORM (widget));
}

static gboolean
banso_form_close_request (GtkWindow *window)
{
  request_close (BANSO_FORM (window));
  return TRUE;
}

/* The window goes (its widgets still here): typing not yet kept is kept now. */
static void
banso_form_unrealize (GtkWidget *widget)
{
  BansoForm *self = BANSO_FORM (widget);
  BansoFormPrivate *priv = banso_form_get_instance_private (self);

  if (priv->draft_source != 0)
    {
      g_clear_handle_id (&priv->draft_source, g_source_remove);
      keep_draft_now (self);
    }

  GTK_WIDGET_CLASS (banso_form_parent_class)->unrealize (widget);
}

/* Loading and changes */

/**
 * banso_form_begin_load:
 *
 * Called before the subclass fills its fields: changes are not the user's
 * until banso_form_end_load().
 */
void
banso_form_begin_load (BansoForm    *self,
                       BansoContext *context)
{
  BansoFormPrivate *priv = banso_form_get_instance_private (self);
  GApplication *app = g_application_get_default ();

  g_return_if_fail (BANSO_IS_FORM (self));
  g_return_if_fail (BANSO_IS_CONTEXT (context));

  g_set_object (&priv->context, context);
  if (app != NULL)
    g_signal_connect_object (app, "shutdown", G_CALLBACK (on_shutdown), self, G_CONNECT_SWAPPED);
}

/**
 * banso_form_end_load:
 * @doc_id: (nullable): the record being edited, %NULL for a new one
 * @rev: (nullable): its revision
 * @draft_key: (nullable): the draft the form was filled from, or %NULL
 *
 * What the fields show now is what was loaded: the form is clean, unless it
 * came from a draft.
 */
void
banso_form_end_load (BansoForm  *self,
                     const char *doc_id,
                     const char *rev,
                     const char *draft_key)
{
  BansoFormPrivate *priv = banso_form_get_instance_private (self);
  g_autofree char *json = NULL;

  g_return_if_fail (BANSO_IS_FORM (self));
  g_return_if_fail (priv->context != NULL);

  g_free (priv->doc_id);
  priv->doc_id = g_strdup (doc_id);
  g_free (priv->rev);
  priv->rev = g_strdup (rev);
  g_free (priv->draft_key);
  priv->draft_key = draft_key ? g_strdup (draft_key) : banso_draft_key_new (get_kind (self), doc_id);

  json = BANSO_FORM_GET_CLASS (self)->to_json (self);
  banso_form_state_load (priv->state, json, draft_key != NULL);
  priv->loading = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
  banso_form_revalidate (self);
}

/**
 * banso_form_set_read_only:
 * @reason: why the user may not change the record, shown above the fields
 *
 * Shows the record without letting it be changed: for one the user may not
 * change, instead of a refusal at Save. Called after banso_form_end_load();
 * calling it again changes the reason.
 */
void
banso_form_set_read_only (BansoForm  *self,
                          const char *reason)
{
  BansoFormPrivate *priv = banso_form_get_instance_private (self);

  g_return_if_fail (BANSO_IS_FORM (self));

  priv->read_only = TRUE;
  if (priv->body != NULL)
    gtk_widget_set_sensitive (priv->body, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (priv->save_button), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.save", FALSE);
  gtk_label_set_text (priv->error_label, reason);
  gtk_revealer_set_reveal_child (priv->error_revealer, reason != NULL);
}

gboolean
banso_form_get_read_only (BansoForm *self)
{
  BansoFormPrivate *priv = banso_form_get_instance_private (self);

  g_return_val_if_fail (BANSO_IS_FORM (self), FALSE);
  return priv->read_only;
}

/**
 * banso_form_changed:
 *
 * The subclass tells that a field changed.
 */
void
banso_form_changed (BansoForm *self)
{
  BansoFormPrivate *priv = banso_form_get_instance_private (self);
  g_autofree char *json = NULL;
  gboolean was_dirty;

  g_return_if_fail (BANSO_IS_FORM (self));

  if (priv->loading)
    return;

  /* A refusal or a failed save spoke of what was typed before. */
  gtk_revealer_set_reveal_child (priv->error_revealer, FALSE);

  was_dirty = banso_form_state_is_dirty (priv->state);
  json = BANSO_FORM_GET_CLASS (self)->to_json (self);
  switch (banso_form_state_change (priv->state, json))
    {
    case BANSO_FORM_DRAFT_KEEP:
      g_clear_handle_id (&priv->draft_source, g_source_remove);
      priv->draft_source = g_timeout_add (DRAFT_DELAY_MS, keep_draft_now, self);
      break;
    case BANSO_FORM_DRAFT_FORGET:
      g_clear_handle_id (&priv->draft_source, g_source_remove);
      keep_draft (self, NULL);
      break;
    case BANSO_FORM_DRAFT_NONE:
    default:
      break;
    }
  if (was_dirty != banso_form_state_is_dirty (priv->state))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
  banso_form_revalidate (self);
}

/**
 * banso_form_read_draft:
 * @doc_id: (out): the record the draft is of, or %NULL for a new one
 * @rev: (out): its revision when the draft was made
 *
 * Returns: (nullable): the record's JSON in a draft of @kind, for the
 *   subclass to fill its fields from
 */
char *
banso_form_read_draft (const char  *kind,
                       const char  *draft_key,
                       const char  *draft_body,
                       char       **doc_id,
                       char       **rev)
{
  char *json;

  g_return_val_if_fail (kind != NULL && draft_key != NULL, NULL);
  g_return_val_if_fail (doc_id != NULL && rev != NULL, NULL);

  *doc_id = NULL;
  *rev = NULL;
  json = banso_draft_unwrap (draft_body, kind, rev);
  if (json != NULL)
    *doc_id = banso_draft_key_doc_id (draft_key, kind);
  return json;
}

/* Accessors */

BansoContext *
banso_form_get_context (BansoForm *self)
{
  BansoFormPrivate *priv = banso_form_get_instance_private (self);

  g_return_val_if_fail (BANSO_IS_FORM (self), NULL);
  return priv->context;
}

const char *
banso_form_get_doc_id (BansoForm *self)
{
  BansoFormPrivate *priv = banso_form_get_instance_private (self);

  g_return_val_if_fail (BANSO_IS_FORM (self), NULL);
  return priv->doc_id;
}

const char *
banso_form_get_rev (BansoForm *self)
{
  BansoFormPrivate *priv = banso_form_get_instance_private (self);

  g_return_val_if_fail (BANSO_IS_FORM (self), NULL);
  return priv->rev;
}

const char *
banso_form_get_draft_key (BansoForm *self)
{
  BansoFormPrivate *priv = banso_form_get_instance_private (self);

  g_return_val_if_fail (BANSO_IS_FORM (self), NULL);
  return priv->draft_key;
}

GtkWidget *
banso_form_get_body (BansoForm *self)
{
  BansoFormPrivate *priv = banso_form_get_instance_private (self);

  g_return_val_if_fail (BANSO_IS_FORM (self), NULL);
  return priv->body;
}

/**
 * banso_form_set_body:
 * @body: the fields, under the header bar, scrolled
 */
void
banso_form_set_body (BansoForm *self,
                     GtkWidget *body)
{
  BansoFormPrivate *priv = banso_form_get_instance_private (self);

  g_return_if_fail (BANSO_IS_FORM (self));
  g_return_if_fail (body == NULL || GTK_IS_WIDGET (body));

  if (priv->body == body)
    return;
  priv->body = body;
  gtk_scrolled_window_set_child (priv->scroller, body);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}

gboolean
banso_form_get_dirty (BansoForm *self)
{
  BansoFormPrivate *priv = banso_form_get_instance_private (self);

  g_return_val_if_fail (BANSO_IS_FORM (self), FALSE);
  return banso_form_state_is_dirty (priv->state);
}

gboolean
banso_form_get_saving (BansoForm *self)
{
  BansoFormPrivate *priv = banso_form_get_instance_private (self);

  g_return_val_if_fail (BANSO_IS_FORM (self), FALSE);
  return banso_form_state_is_saving (priv->state);
}

/* The class */

static void
on_title_changed (BansoForm *self)
{
  BansoFormPrivate *priv = banso_form_get_instance_private (self);

  adw_window_title_set_title (priv->window_title, gtk_window_get_title (GTK_WINDOW (self)));
}

static void
banso_form_dispose (GObject *object)
{
  BansoForm *self = (BansoForm *)object;
  BansoFormPrivate *priv = banso_form_get_instance_private (self);

  /* A draft not yet kept was kept when the window was unrealized. */
  g_clear_handle_id (&priv->draft_source, g_source_remove);
  g_cancellable_cancel (priv->cancellable);
  /* The subclass's fields, for it. BansoForm's own template is left to the
   * window: GTK 4.8 asserts in gtk_widget_dispose_template() for the parent
   * class's template once the subclass's is gone, and the header bar and the
   * rest are the window's content, which the window disposes. */
  gtk_widget_dispose_template (GTK_WIDGET (self), G_OBJECT_TYPE (self));
  priv->body = NULL;
  priv->window_title = NULL;
  priv->save_button = NULL;
  priv->error_revealer = NULL;
  priv->error_label = NULL;
  priv->scroller = NULL;

  G_OBJECT_CLASS (banso_form_parent_class)->dispose (object);
}

static void
banso_form_finalize (GObject *object)
{
  BansoForm *self = (BansoForm *)object;
  BansoFormPrivate *priv = banso_form_get_instance_private (self);

  g_clear_object (&priv->context);
  g_clear_object (&priv->cancellable);
  g_clear_pointer (&priv->state, banso_form_state_free);
  g_clear_pointer (&priv->doc_id, g_free);
  g_clear_pointer (&priv->rev, g_free);
  g_clear_pointer (&priv->draft_key, g_free);

  G_OBJECT_CLASS (banso_form_parent_class)->finalize (object);
}

static void
banso_form_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BansoForm *self = BANSO_FORM (object);

  switch (prop_id)
    {
    case PROP_BODY:
      g_value_set_object (value, banso_form_get_body (self));
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, banso_form_get_dirty (self));
      break;
    case PROP_SAVING:
      g_value_set_boolean (value, banso_form_get_saving (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
banso_form_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  BansoForm *self = BANSO_FORM (object);

  switch (prop_id)
    {
    case PROP_BODY:
      banso_form_set_body (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
banso_form_class_init (BansoFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = banso_form_dispose;
  object_class->finalize = banso_form_finalize;
  object_class->get_property = banso_form_get_property;
  object_class->set_property = banso_form_set_property;
  widget_class->unrealize = banso_form_unrealize;
  window_class->close_request = banso_form_close_request;

  /**
   * BansoForm:body:
   *
   * The fields of the form, set by the subclass's template.
   */
  properties[PROP_BODY] =
    g_param_spec_object ("body", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * BansoForm:dirty:
   *
   * Whether the form holds typing that is not saved.
   */
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * BansoForm:saving:
   *
   * Whether a save is under way.
   */
  properties[PROP_SAVING] =
    g_param_spec_boolean ("saving", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/banso/Banso/ui/banso-form.ui");
  gtk_widget_class_bind_template_child_private (widget_class, BansoForm, window_title);
  gtk_widget_class_bind_template_child_private (widget_class, BansoForm, save_button);
  gtk_widget_class_bind_template_child_private (widget_class, BansoForm, error_revealer);
  gtk_widget_class_bind_template_child_private (widget_class, BansoForm, error_label);
  gtk_widget_class_bind_template_child_private (widget_class, BansoForm, scroller);

  gtk_widget_class_install_action (widget_class, "form.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "form.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, save_shortcut, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "form.cancel", NULL);
}

static void
banso_form_init (BansoForm *self)
{
  BansoFormPrivate *priv = banso_form_get_instance_private (self);

  priv->state = banso_form_state_new ();
  priv->cancellable = g_cancellable_new ();
  /* Nothing is the user's typing until the subclass has filled the fields. */
  priv->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self, "notify::title", G_CALLBACK (on_title_changed), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.save", FALSE);
}
