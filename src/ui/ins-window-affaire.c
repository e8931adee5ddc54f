/* ins-window-affaire.c — the affaire shown in the centre pane: loaded from
 * the queue's selection, reloaded when the store says it changed, its lease
 * kept while the agent holds it */
#define G_LOG_DOMAIN "ins-ui"
#include "config.h"

#include "store/ins-claim-store.h"
#include "ins-window-private.h"

#define AFFAIRE_RELOAD_DELAY_MS 60

static void
lease_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(InsWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ins_store_renew_lease_finish (INS_STORE (source), result, &error)
      && g_error_matches (error, INS_STORE_ERROR, INS_STORE_ERROR_CONFLICT))
    ins_window_report_error (self, error);
}

static gboolean
renew_lease (gpointer user_data)
{
  InsWindow *self = user_data;
  InsAgent *me = ins_window_get_agent (self);

  if (self->affaire != NULL && me != NULL && self->affaire->assignee_id == me->id
      && self->affaire->status == INS_STATUS_EN_COURS && ins_store_get_connected (self->store))
    ins_store_renew_lease_async (self->store, self->affaire->id, self->cancellable,
                                 lease_done, g_object_ref (self));
  return G_SOURCE_CONTINUE;
}

static void
set_affaire (InsWindow *self, InsAffaire *affaire)
{
  InsAgent *me = ins_window_get_agent (self);
  gboolean changed_affaire = affaire == NULL || self->affaire == NULL || self->affaire->id != affaire->id;

  if (affaire != NULL)
    ins_affaire_ref (affaire);
  g_clear_pointer (&self->affaire, ins_affaire_unref);
  self->affaire = affaire;
  ins_affaire_panel_set_affaire (self->affaire_panel, affaire, me ? me->role : INS_ROLE_INSTRUCTEUR);
  if (affaire != NULL && changed_affaire)
    ins_window_documents_show_later (self);
  else if (!ins_window_documents_pending (self))
    ins_window_documents_show (self, affaire, changed_affaire);
  else if (affaire == NULL)
    {
      ins_window_documents_cancel_later (self);
      ins_window_documents_show (self, NULL, TRUE);
    }
  ins_window_update_actions (self);
  if (affaire != NULL && changed_affaire)
    ins_window_offer_drafts (self);
}

static void
load_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(InsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(InsAffaire) affaire = ins_store_load_affaire_finish (INS_STORE (source), result, &error);

  if (affaire == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->loading = FALSE;
      if (g_error_matches (error, INS_STORE_ERROR, INS_STORE_ERROR_NOT_FOUND))
        {
          self->shown_id = 0;
          set_affaire (self, NULL);
        }
      ins_window_report_error (self, error);
      return;
    }
  if (affaire->id != self->shown_id)
    return;
  self->loading = FALSE;
  set_affaire (self, affaire);
}

static void
load_affaire (InsWindow *self, gint64 id)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->shown_id = id;
  self->loading = FALSE;
  if (id == 0)
    {
      set_affaire (self, NULL);
      return;
    }
  self->loading = TRUE;
  self->load_cancellable = g_cancellable_new ();
  if (self->affaire == NULL || self->affaire->id != id)
    ins_affaire_panel_set_loading (self->affaire_panel);
  ins_store_load_affaire_async (self->store, id, self->load_cancellable, load_done, g_object_ref (self));
}

void
ins_window_reload_affaire (InsWindow *self)
{
  if (self->shown_id != 0)
    load_affaire (self, self->shown_id);
}

static gboolean
reload_timeout (gpointer user_data)
{
  InsWindow *self = user_data;

  self->reload_source = 0;
  ins_window_reload_affaire (self);
  return G_SOURCE_REMOVE;
}

static void
on_affaire_changed (InsStore *store, gint64 id, InsWindow *self)
{
  ins_window_schedule_counts (self);
  if (self->shown_id != 0 && (id == 0 || id == self->shown_id) && self->reload_source == 0)
    self->reload_source = g_timeout_add (AFFAIRE_RELOAD_DELAY_MS, reload_timeout, self);
}

static void
try_pending_select (InsWindow *self)
{
  if (self->pending_select_id != 0
      && ins_queue_view_select_id (self->queue_view, self->pending_select_id))
    self->pending_select_id = 0;
}

static void
on_queue_items_changed (GListModel *model, guint position, guint removed, guint added, InsWindow *self)
{
  if (added > 0)
    try_pending_select (self);
}

static void
on_queue_selection (InsQueueView *view, InsWindow *self)
{
  InsQueueItem *item = ins_queue_view_get_selected (view);

  if (item == NULL)
    return;
  if (ins_queue_item_get_id (item) != self->shown_id)
    load_affaire (self, ins_queue_item_get_id (item));
}

void
ins_window_show_affaire (InsWindow *self, gint64 id)
{
  g_return_if_fail (INS_IS_WINDOW (self));

  self->pending_select_id = id;
  try_pending_select (self);
  if (self->shown_id != id)
    load_affaire (self, id);
}
void
ins_window_affaire_init (InsWindow *self)
{
  g_signal_connect (self->queue_view, "selection-changed", G_CALLBACK (on_queue_selection), self);
}

void
ins_window_affaire_watch_store (InsWindow *self)
{
  g_signal_connect (self->store, "affaire-changed", G_CALLBACK (on_affaire_changed), self);
  self->lease_source = g_timeout_add_seconds (INS_LEASE_SECONDS / 3, renew_lease, self);
}

void
ins_window_affaire_watch_queue (InsWindow *self)
{
  /* The model outlives the window while a fetch is in flight. */
  g_signal_connect_object (ins_queue_view_get_model (self->queue_view), "items-changed",
                           G_CALLBACK (on_queue_items_changed), self, 0);
  /* Rows fetched into placeholders change no item. */
  g_signal_connect_object (ins_queue_view_get_model (self->queue_view), "notify::loading",
                           G_CALLBACK (try_pending_select), self, G_CONNECT_SWAPPED);
}
