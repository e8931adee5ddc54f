/* ins-queue-item.c — one row of the queue as the column view shows it */
#define G_LOG_DOMAIN "ins-ui"
#include "config.h"

#include <glib/gi18n.h>

#include "core/ins-country.h"
#include "core/ins-format.h"
#include "core/ins-sla.h"
#include "ins-queue-item.h"

enum {
  PROP_0,
  PROP_NUMERO,
  PROP_KIND_LABEL,
  PROP_BENEFICIAIRE,
  PROP_PLACE,
  PROP_AMOUNT,
  PROP_RECEIVED,
  PROP_DUE,
  PROP_STATUS_LABEL,
  PROP_AGENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const guint text_props[INS_QUEUE_N_TEXTS] = {
  [INS_QUEUE_TEXT_NUMERO]       = PROP_NUMERO,
  [INS_QUEUE_TEXT_KIND]         = PROP_KIND_LABEL,
  [INS_QUEUE_TEXT_BENEFICIAIRE] = PROP_BENEFICIAIRE,
  [INS_QUEUE_TEXT_PLACE]        = PROP_PLACE,
  [INS_QUEUE_TEXT_AMOUNT]       = PROP_AMOUNT,
  [INS_QUEUE_TEXT_RECEIVED]     = PROP_RECEIVED,
  [INS_QUEUE_TEXT_DUE]          = PROP_DUE,
  [INS_QUEUE_TEXT_STATUS]       = PROP_STATUS_LABEL,
  [INS_QUEUE_TEXT_AGENT]        = PROP_AGENT,
};

/* What the deadline cell draws beside its text. */
typedef struct {
  gboolean    dated;    /* FALSE: no deadline shown */
  InsSlaState state;
  gboolean    paused;
} DueLook;

struct _InsQueueItem
{
  GObject parent_instance;

  InsQueueRow *row;
  char        *texts[N_PROPS];
  DueLook      due;
  GArray      *watches;   /* of Watch, or NULL */
};

typedef struct {
  InsQueueItemWatch func;
  gpointer          data;
} Watch;

G_DEFINE_FINAL_TYPE (InsQueueItem, ins_queue_item, G_TYPE_OBJECT)

/* The queue's narrow Type and Status columns say the labels in short; the
 * whole label shows on hover (ins_queue_item_get_full_text). NULL: as long. */
static const char * const kind_short[INS_N_KINDS] = {
  [INS_KIND_SOINS_ETRANGER]   = N_("Abroad"),
  [INS_KIND_CHEVAUCHEMENT_OC] = N_("OC overlap"),
};

static const char * const status_short[INS_N_STATUSES] = {
  [INS_STATUS_NON_EXPLOITABLE]      = N_("Not usable"),
  [INS_STATUS_AVIS_MEDICAL_DEMANDE] = N_("Medical opinion"),
  [INS_STATUS_EN_ATTENTE_PIECES]    = N_("Awaiting docs"),
};

static const char *
kind_label_short (InsAffaireKind kind)
{
  return kind < INS_N_KINDS && kind_short[kind] ? _(kind_short[kind]) : ins_kind_label (kind);
}

static const char *
status_label_short (InsStatus status)
{
  return status < INS_N_STATUSES && status_short[status] ? _(status_short[status]) : ins_status_label (status);
}

static gboolean
status_is_finished (InsStatus status)
{
  return status == INS_STATUS_CLOTUREE;
}

static char *
format_place (const InsQueueRow *row)
{
  if (row->kind == INS_KIND_SOINS_ETRANGER && row->country != NULL)
    {
      const InsCountry *country = ins_country_lookup (row->country);
      return g_strdup (country ? country->name : row->country);
    }
  return g_strdup (row->oc_label ? row->oc_label : "");
}

static char *
format_due (const InsQueueRow *row, GDateTime *now, DueLook *look)
{
  *look = (DueLook) { FALSE, INS_SLA_ON_TIME, FALSE };
  if (row->due_at == NULL || status_is_finished (row->status))
    return g_strdup ("—");
  look->dated = TRUE;
  look->state = ins_sla_state (row->due_at, row->sla_paused_since, now);
  look->paused = row->sla_paused_since != NULL;
  return ins_sla_describe_short (row->due_at, row->sla_paused_since, now);
}

static void
fill (InsQueueItem *self, InsQueueRow *row, GDateTime *now, gboolean notify)
{
  char *texts[N_PROPS] = { NULL, };
  DueLook due;
  gboolean changed;
  g_autoptr(GDateTime) local_now = now ? g_date_time_ref (now) : g_date_time_new_now_local ();

  texts[PROP_NUMERO] = g_strdup (row->numero);
  texts[PROP_KIND_LABEL] = g_strdup (kind_label_short (row->kind));
  texts[PROP_BENEFICIAIRE] = g_strdup (row->beneficiaire ? row->beneficiaire : "");
  texts[PROP_PLACE] = format_place (row);
  texts[PROP_AMOUNT] = row->kind == INS_KIND_SOINS_ETRANGER && row->currency
                       ? ins_format_amount (row->amount_minor, row->currency) : g_strdup ("");
  texts[PROP_RECEIVED] = row->received_at ? ins_format_date_short (row->received_at) : g_strdup ("");
  texts[PROP_DUE] = format_due (row, local_now, &due);
  texts[PROP_STATUS_LABEL] = g_strdup (status_label_short (row->status));
  texts[PROP_AGENT] = ins_format_name_short (row->assignee_name);

  g_clear_pointer (&self->row, ins_queue_row_unref);
  self->row = ins_queue_row_ref (row);

  changed = due.dated != self->due.dated || due.state != self->due.state || due.paused != self->due.paused;
  self->due = due;
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = PROP_NUMERO; i < N_PROPS; i++)
    {
      if (g_strcmp0 (self->texts[i], texts[i]) != 0)
        {
          g_free (self->texts[i]);
          self->texts[i] = g_steal_pointer (&texts[i]);
          changed = TRUE;
          if (notify)
            g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
        }
      g_free (texts[i]);
    }
  g_object_thaw_notify (G_OBJECT (self));
  if (notify && changed)
    {
      g_object_ref (self);
      for (guint i = 0; self->watches != NULL && i < self->watches->len; i++)
        {
          Watch *watch = &g_array_index (self->watches, Watch, i);
          watch->func (self, watch->data);
        }
      g_object_unref (self);
    }
}

static void
ins_queue_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  InsQueueItem *self = INS_QUEUE_ITEM (object);

  if (prop_id > PROP_0 && prop_id < N_PROPS)
    g_value_set_string (value, self->texts[prop_id]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ins_queue_item_finalize (GObject *object)
{
  InsQueueItem *self = INS_QUEUE_ITEM (object);

  for (guint i = 0; i < N_PROPS; i++)
    g_free (self->texts[i]);
  g_clear_pointer (&self->row, ins_queue_row_unref);
  g_clear_pointer (&self->watches, g_array_unref);
  G_OBJECT_CLASS (ins_queue_item_parent_class)->finalize (object);
}

static void
ins_queue_item_class_init (InsQueueItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = ins_queue_item_get_property;
  object_class->finalize = ins_queue_item_finalize;

  properties[PROP_NUMERO] = g_param_spec_string ("numero", NULL, NULL, NULL, flags);
  properties[PROP_KIND_LABEL] = g_param_spec_string ("kind-label", NULL, NULL, NULL, flags);
  properties[PROP_BENEFICIAIRE] = g_param_spec_string ("beneficiaire", NULL, NULL, NULL, flags);
  properties[PROP_PLACE] = g_param_spec_string ("place", NULL, NULL, NULL, flags);
  properties[PROP_AMOUNT] = g_param_spec_string ("amount", NULL, NULL, NULL, flags);
  properties[PROP_RECEIVED] = g_param_spec_string ("received", NULL, NULL, NULL, flags);
  properties[PROP_DUE] = g_param_spec_string ("due", NULL, NULL, NULL, flags);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, flags);
  properties[PROP_AGENT] = g_param_spec_string ("agent", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ins_queue_item_init (InsQueueItem *self)
{
}

InsQueueItem *
ins_queue_item_new (InsQueueRow *row, GDateTime *now)
{
  InsQueueItem *self;

  g_return_val_if_fail (row != NULL, NULL);
  self = g_object_new (INS_TYPE_QUEUE_ITEM, NULL);
  fill (self, row, now, FALSE);
  return self;
}

InsQueueItem *
ins_queue_item_new_placeholder (void)
{
  InsQueueItem *self = g_object_new (INS_TYPE_QUEUE_ITEM, NULL);

  self->texts[PROP_NUMERO] = g_strdup ("…");
  return self;
}

gboolean
ins_queue_item_is_placeholder (InsQueueItem *self)
{
  g_return_val_if_fail (INS_IS_QUEUE_ITEM (self), FALSE);
  return self->row == NULL;
}

InsQueueRow *
ins_queue_item_get_row (InsQueueItem *self)
{
  g_return_val_if_fail (INS_IS_QUEUE_ITEM (self), NULL);
  return self->row;
}

gint64
ins_queue_item_get_id (InsQueueItem *self)
{
  g_return_val_if_fail (INS_IS_QUEUE_ITEM (self), 0);
  return self->row ? self->row->id : 0;
}

void
ins_queue_item_update (InsQueueItem *self, InsQueueRow *row, GDateTime *now)
{
  g_return_if_fail (INS_IS_QUEUE_ITEM (self));
  g_return_if_fail (row != NULL && (self->row == NULL || row->id == self->row->id));
  fill (self, row, now, TRUE);
}

void
ins_queue_item_watch (InsQueueItem *self, InsQueueItemWatch func, gpointer data)
{
  Watch watch = { func, data };

  g_return_if_fail (INS_IS_QUEUE_ITEM (self));
  g_return_if_fail (func != NULL);
  if (self->watches == NULL)
    self->watches = g_array_sized_new (FALSE, FALSE, sizeof (Watch), INS_QUEUE_N_TEXTS);
  g_array_append_val (self->watches, watch);
}

void
ins_queue_item_unwatch (InsQueueItem *self, gpointer data)
{
  g_return_if_fail (INS_IS_QUEUE_ITEM (self));
  for (guint i = 0; self->watches != NULL && i < self->watches->len; i++)
    if (g_array_index (self->watches, Watch, i).data == data)
      {
        g_array_remove_index_fast (self->watches, i);
        return;
      }
}

const char *
ins_queue_item_get_text (InsQueueItem *self, InsQueueText text)
{
  const char *value;

  g_return_val_if_fail (INS_IS_QUEUE_ITEM (self), "");
  g_return_val_if_fail (text < INS_QUEUE_N_TEXTS, "");
  value = self->texts[text_props[text]];
  return value ? value : "";
}

const char *
ins_queue_item_get_full_text (InsQueueItem *self, InsQueueText text)
{
  g_return_val_if_fail (INS_IS_QUEUE_ITEM (self), "");
  if (self->row != NULL && text == INS_QUEUE_TEXT_KIND)
    return ins_kind_label (self->row->kind);
  if (self->row != NULL && text == INS_QUEUE_TEXT_STATUS)
    return ins_status_label (self->row->status);
  if (self->row != NULL && text == INS_QUEUE_TEXT_AGENT)
    return self->row->assignee_name ? self->row->assignee_name : "";
  return ins_queue_item_get_text (self, text);
}

gboolean
ins_queue_item_get_due_state (InsQueueItem *self, InsSlaState *state, gboolean *paused)
{
  g_return_val_if_fail (INS_IS_QUEUE_ITEM (self), FALSE);
  if (state != NULL)
    *state = self->due.state;
  if (paused != NULL)
    *paused = self->due.paused;
  return self->due.dated;
}

const char *
ins_queue_item_get_numero (InsQueueItem *self)
{
  return self->texts[PROP_NUMERO];
}

const char *
ins_queue_item_get_status_label (InsQueueItem *self)
{
  return self->texts[PROP_STATUS_LABEL];
}

const char *
ins_queue_item_get_due (InsQueueItem *self)
{
  return self->texts[PROP_DUE];
}

const char *
ins_queue_item_get_agent (InsQueueItem *self)
{
  return ins_queue_item_get_full_text (self, INS_QUEUE_TEXT_AGENT);
}
