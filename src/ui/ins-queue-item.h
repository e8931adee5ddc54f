/* ins-queue-item.h — one row of the queue as the column view shows it:
 * the store's InsQueueRow and its texts, formatted once */
#pragma once

#include <glib-object.h>

#include "core/ins-affaire.h"
#include "core/ins-sla.h"

G_BEGIN_DECLS

#define INS_TYPE_QUEUE_ITEM (ins_queue_item_get_type ())
G_DECLARE_FINAL_TYPE (InsQueueItem, ins_queue_item, INS, QUEUE_ITEM, GObject)

/* Properties (strings, read-only): numero, kind-label, beneficiaire, place,
 * amount, received, due, status-label, agent. A cell is told of an update once,
 * not per property, through ins_queue_item_watch(): a plain list, not a signal,
 * as a jump rebinds some 200 rows of nine cells, and a signal handler's closure,
 * connected and disconnected per cell, cost more than the rest of binding them. */

/* The texts, in the order of the queue's columns. */
typedef enum {
  INS_QUEUE_TEXT_NUMERO,
  INS_QUEUE_TEXT_KIND,
  INS_QUEUE_TEXT_BENEFICIAIRE,
  INS_QUEUE_TEXT_PLACE,
  INS_QUEUE_TEXT_AMOUNT,
  INS_QUEUE_TEXT_RECEIVED,
  INS_QUEUE_TEXT_DUE,
  INS_QUEUE_TEXT_STATUS,
  INS_QUEUE_TEXT_AGENT,
  INS_QUEUE_N_TEXTS
} InsQueueText;

/* @now: the time the SLA texts are computed for (NULL: now). */
InsQueueItem      *ins_queue_item_new        (InsQueueRow  *row,
                                              GDateTime    *now);
/* A row not fetched yet: no row, id 0, "…" for numéro and empty texts. */
InsQueueItem      *ins_queue_item_new_placeholder (void);
gboolean           ins_queue_item_is_placeholder  (InsQueueItem *self);
/* NULL for a placeholder. */
InsQueueRow       *ins_queue_item_get_row    (InsQueueItem *self);
/* 0 for a placeholder. */
gint64             ins_queue_item_get_id     (InsQueueItem *self);
/* Replaces the row in place (same affaire, or fills a placeholder),
 * notifying the texts that changed. */
void               ins_queue_item_update     (InsQueueItem *self,
                                              InsQueueRow  *row,
                                              GDateTime    *now);

/* Borrowed, never NULL. */
typedef void (*InsQueueItemWatch) (InsQueueItem *item,
                                   gpointer      data);

/* @func is called with @data after each update that changes a text or the
 * deadline's state (ins_queue_item_get_due_state()), until
 * ins_queue_item_unwatch() with the same @data. */
void               ins_queue_item_watch      (InsQueueItem      *self,
                                              InsQueueItemWatch  func,
                                              gpointer           data);
void               ins_queue_item_unwatch    (InsQueueItem      *self,
                                              gpointer           data);
const char        *ins_queue_item_get_text   (InsQueueItem *self,
                                              InsQueueText  text);
/* The text in full: the type and the status are shown short in the queue
 * ("Abroad"), their whole labels here ("Foreign care"). Borrowed. */
const char        *ins_queue_item_get_full_text (InsQueueItem *self,
                                                 InsQueueText  text);
/* The deadline's SLA state when the texts were computed and whether its
 * clock is paused; FALSE (both left as on time, not paused) for a
 * placeholder, a closed affaire or one with no due date. */
gboolean           ins_queue_item_get_due_state (InsQueueItem *self,
                                                 InsSlaState  *state,
                                                 gboolean     *paused);
const char        *ins_queue_item_get_numero (InsQueueItem *self);
const char        *ins_queue_item_get_status_label (InsQueueItem *self);
const char        *ins_queue_item_get_due    (InsQueueItem *self);
const char        *ins_queue_item_get_agent  (InsQueueItem *self);

G_END_DECLS
