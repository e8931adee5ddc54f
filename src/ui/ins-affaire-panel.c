/* ins-affaire-panel.c — the centre pane: the affaire as the agent reviews it */
#define G_LOG_DOMAIN "ins-ui"
#include "config.h"

#include <glib/gi18n.h>

#include "core/ins-country.h"
#include "core/ins-ecb-rates.h"
#include "core/ins-format.h"
#include "core/ins-nir.h"
#include "core/ins-sla.h"
#include "ins-affaire-hints.h"
#include "ins-affaire-panel.h"
#include "ins-ui-format.h"

struct _InsAffairePanel
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkStack  *stack;
  GtkWidget *scrolled;
  GtkBox    *content;

  /* owned */
  InsAffaire *affaire;
  InsRole     viewer_role;
  GQueue      retired;        /* the previous affaire's sections, GtkWidget */
  guint       retire_id;
};

G_DEFINE_FINAL_TYPE (InsAffairePanel, ins_affaire_panel, GTK_TYPE_WIDGET)

/* Coded words of the declaration ------------------------------------------- */

typedef struct {
  const char *code;
  const char *label;
} CodeLabel;

static const CodeLabel nationalities[] = {
  { "francaise", N_("French") },
  { "ue_eee_ru_suisse", N_("National of the EU, the EEA, the United Kingdom or Switzerland") },
  { "autre", N_("Other") },
};

static const CodeLabel situations[] = {
  { "salarie", N_("Employee or self-employed") },
  { "etudiant", N_("Student or trainee") },
  { "demandeur_emploi", N_("Compensated by Pôle emploi") },
  { "frontalier_suisse", N_("Swiss cross-border worker") },
  { "retraite", N_("Retired") },
  { "invalidite_rente", N_("Invalidity pensioner or AT/MP annuitant") },
  { "autre", N_("Other") },
};

static const CodeLabel natures[] = {
  { "maladie", N_("Illness or non-occupational accident") },
  { "ald", N_("Long-term illness (ALD)") },
  { "maternite", N_("Maternity") },
  { "at_mp", N_("Occupational accident or disease (AT/MP)") },
  { "tiers", N_("Accident caused by a third party") },
};

static const CodeLabel stay_motifs[] = {
  { "tourisme", N_("Tourism") },
  { "etudes", N_("Studies") },
  { "detachement", N_("Posting by the employer") },
  { "soins_programmes", N_("Planned care") },
  { "frontalier", N_("Cross-border work") },
  { "autre", N_("Other") },
};

static const char *
code_label (const CodeLabel *table, gsize n, const char *code)
{
  for (gsize i = 0; i < n; i++)
    if (g_strcmp0 (table[i].code, code) == 0)
      return _(table[i].label);
  return code ? code : "";
}

#define CODE_LABEL(table, code) code_label (table, G_N_ELEMENTS (table), code)

static const char *
yes_no (gboolean value)
{
  return value ? _("Yes") : _("No");
}

/* Building blocks ------------------------------------------------------------ */

static GtkWidget *
section (InsAffairePanel *self, const char *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (self->content, box);
  return box;
}

static GtkWidget *
field_grid (GtkWidget *section_box)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_add_css_class (grid, "ins-fields");
  gtk_box_append (GTK_BOX (section_box), grid);
  return grid;
}

static GtkWidget *
value_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  return label;
}

static GtkWidget *
add_field (GtkWidget *grid, const char *name, const char *value)
{
  int row = 0;
  GtkWidget *key, *val;

  for (GtkWidget *child = gtk_widget_get_first_child (grid); child; child = gtk_widget_get_next_sibling (child))
    row++;
  row /= 2;

  key = gtk_label_new (name);
  gtk_label_set_xalign (GTK_LABEL (key), 0);
  gtk_label_set_yalign (GTK_LABEL (key), 0);
  gtk_label_set_wrap (GTK_LABEL (key), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (key), 14);
  gtk_widget_add_css_class (key, "dim-label");
  val = value_label (value && *value ? value : "—");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (val), GTK_ACCESSIBLE_RELATION_LABELLED_BY, key, NULL, -1);
  gtk_grid_attach (GTK_GRID (grid), key, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), val, 1, row, 1, 1);
  return val;
}

static void
add_field_take (GtkWidget *grid, const char *name, char *value)
{
  add_field (grid, name, value);
  g_free (value);
}

static char *
gdate_long (const GDate *date)
{
  return g_date_valid (date) ? ins_format_gdate_long (date) : g_strdup ("");
}

static char *
period (const GDate *from, const GDate *to)
{
  g_autofree char *a = gdate_long (from);
  g_autofree char *b = gdate_long (to);

  /* TRANSLATORS: a period of dates, "from 2 March 2026 to 14 March 2026" */
  return g_strdup_printf (_("from %s to %s"), a, b);
}

static gboolean
destroy_retired (gpointer data)
{
  InsAffairePanel *self = data;
  GtkWidget *section_box = g_queue_pop_head (&self->retired);

  g_clear_object (&section_box);
  if (!g_queue_is_empty (&self->retired))
    return G_SOURCE_CONTINUE;
  self->retire_id = 0;
  return G_SOURCE_REMOVE;
}

/* Tearing the previous affaire's widgets down in the iteration that builds
 * the next one's doubled its stall: the sections leave the panel at once and
 * are destroyed one per idle iteration. */
static void
clear_content (InsAffairePanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    {
      g_queue_push_tail (&self->retired, g_object_ref (child));
      gtk_box_remove (self->content, child);
    }
  if (!g_queue_is_empty (&self->retired) && self->retire_id == 0)
    self->retire_id = g_idle_add_full (G_PRIORITY_LOW, destroy_retired, self, NULL);
}

/* Sections ------------------------------------------------------------------- */

static void
build_header (InsAffairePanel *self, InsAffaire *a)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (a->numero);
  GtkWidget *grid = gtk_grid_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *status = NULL;

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_selectable (GTK_LABEL (title), FALSE);
  gtk_widget_add_css_class (title, "title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  gtk_box_append (GTK_BOX (box), title);

  status = g_strdup_printf ("%s · %s", ins_kind_label (a->kind), ins_status_label (a->status));
  {
    GtkWidget *subtitle = value_label (status);
    gtk_widget_add_css_class (subtitle, "ins-status");
    gtk_box_append (GTK_BOX (box), subtitle);
  }
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_box_append (GTK_BOX (box), grid);
  if (a->received_at)
    add_field_take (grid, _("Received on"), ins_format_date_long (a->received_at));
  if (a->due_at && a->status != INS_STATUS_CLOTUREE)
    {
      InsSlaState state = ins_sla_state (a->due_at, a->sla_paused_since, now);
      g_autofree char *due = ins_format_date_long (a->due_at);
      g_autofree char *describe = ins_sla_describe (a->due_at, a->sla_paused_since, now);
      GtkWidget *val = add_field (grid, _("Deadline"), NULL);
      g_autofree char *text = g_strdup_printf ("%s — %s", due, describe);

      gtk_label_set_text (GTK_LABEL (val), text);
      gtk_widget_add_css_class (val, "ins-sla");
      gtk_widget_add_css_class (val, state == INS_SLA_BREACHED ? "sla-breached"
                                     : state == INS_SLA_DUE_SOON ? "sla-due-soon" : "sla-on-time");
    }
  add_field (grid, _("Held by"), a->assignee_name ? a->assignee_name : _("Nobody"));
  add_field (grid, _("Organisme"), a->organisme_name);
  if (a->non_exploitable_reason)
    add_field (grid, _("Unusable because"), a->non_exploitable_reason);
  gtk_box_append (self->content, box);
}

static void
build_hints (InsAffairePanel *self, InsAffaire *a)
{
  g_autoptr(GPtrArray) hints = ins_affaire_hints (a);
  GtkWidget *box;

  if (hints->len == 0)
    return;
  box = section (self, _("Points to check"));
  gtk_widget_add_css_class (box, "ins-hints");
  for (guint i = 0; i < hints->len; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"), -1);
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (row), icon);
      gtk_box_append (GTK_BOX (row), value_label (g_ptr_array_index (hints, i)));
      gtk_box_append (GTK_BOX (box), row);
    }
}

/* « Japon (hors UE/EEE) »; the zone is left out where it is the country itself (Suisse, Royaume-Uni). */
static char *
country_text (const InsCountry *country, const char *code)
{
  if (country == NULL)
    return g_strdup (code);
  if (country->zone == INS_ZONE_CH || country->zone == INS_ZONE_UK)
    return g_strdup (country->name);
  return g_strdup_printf ("%s (%s)", country->name, ins_country_zone_label (country->zone));
}

static char *
amount_text (InsAffaire *a)
{
  g_autofree char *declared = ins_format_amount (a->amount_minor, a->currency);
  const InsCurrency *currency = ins_currency_lookup (a->currency);
  InsRate rate;
  GDate rate_date;
  gint64 cents;

  if (g_strcmp0 (a->currency, "EUR") == 0)
    return g_steal_pointer (&declared);
  if (a->soins == NULL || currency == NULL
      || !ins_ecb_rates_lookup (ins_ecb_rates_get_default (), a->currency, &a->soins->care_from,
                                &rate, &rate_date)
      || !ins_money_to_euro_cents (currency, a->amount_minor, rate, &cents, NULL))
    {
      g_autofree char *reason = ins_ui_missing_rate_reason (a->currency,
                                                            a->soins ? &a->soins->care_from : NULL);

      /* TRANSLATORS: "222 XPF (The ECB publishes no reference rate for the XPF. The rate is entered with the decision.)" */
      return g_strdup_printf (_("%s (%s The rate is entered with the decision.)"), declared, reason);
    }
  {
    g_autofree char *euros = ins_format_euros (cents);
    g_autofree char *rate_text = ins_format_rate (a->currency, rate);
    g_autofree char *date_text = ins_format_gdate_long (&rate_date);

    /* TRANSLATORS: "222 JPY ≈ 1,38 € (ECB rate of 14 March 2026: 1 € = 161,2300 JPY)" */
    return g_strdup_printf (_("%s ≈ %s (ECB rate of %s: %s)"), declared, euros, date_text, rate_text);
  }
}

static void
build_soins (InsAffairePanel *self, InsAffaire *a)
{
  InsSoinsEtranger *s = a->soins;
  GtkWidget *grid;
  g_autofree char *nir = ins_nir_format (a->nir);
  const InsCountry *country = ins_country_lookup (a->country);

  grid = field_grid (section (self, _("Ouvreur de droit")));
  add_field_take (grid, _("Name"), g_strdup_printf ("%s %s", a->prenom, a->nom));
  add_field (grid, _("NIR"), nir ? nir : a->nir);
  add_field_take (grid, _("Born on"), gdate_long (&s->ouvreur_birth_date));
  add_field (grid, _("Nationality"), CODE_LABEL (nationalities, s->nationality));
  add_field (grid, _("Situation at the date of care"), CODE_LABEL (situations, s->situation));

  grid = field_grid (section (self, _("Beneficiary of the care")));
  if (s->beneficiaire_is_ouvreur)
    add_field (grid, _("Beneficiary"), _("The insured person"));
  else
    add_field_take (grid, _("Name"), g_strdup_printf ("%s %s", s->beneficiaire_prenom, s->beneficiaire_nom));
  add_field_take (grid, _("Born on"), gdate_long (&s->beneficiaire_birth_date));

  grid = field_grid (section (self, _("Care")));
  add_field (grid, _("Reasons"), s->reason);
  add_field (grid, _("Planned before leaving"), yes_no (s->planned));
  add_field (grid, _("Nature"), CODE_LABEL (natures, s->nature));
  add_field_take (grid, _("Period of care"), period (&s->care_from, &s->care_to));
  add_field (grid, _("Hospitalisation"), yes_no (s->hospitalisation));
  add_field_take (grid, _("Total cost"), amount_text (a));

  grid = field_grid (section (self, _("Stay")));
  add_field_take (grid, _("Country"),
                  country_text (country, a->country));
  add_field_take (grid, _("Period"), period (&s->stay_from, &s->stay_to));
  add_field (grid, _("Reason for the stay"), CODE_LABEL (stay_motifs, s->stay_motif));
  add_field (grid, _("Declaration certified"), yes_no (s->certified));
}

static GtkWidget *
oc_column (const char *title, const char *name, const char *member, const GDate *start, gboolean chosen)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *heading_text = chosen ? g_strdup_printf ("%s — %s", title, _("✓ chosen"))
                                         : g_strdup (title);
  GtkWidget *heading = gtk_label_new (heading_text);
  g_autofree char *member_text = g_strdup_printf (_("Member no. %s"), member);
  g_autofree char *start_date = gdate_long (start);
  g_autofree char *start_text = g_strdup_printf (_("Contract since %s"), start_date);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "caption-heading");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), value_label (name));
  gtk_box_append (GTK_BOX (box), value_label (member_text));
  gtk_box_append (GTK_BOX (box), value_label (start_text));
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "ins-oc");
  if (chosen)
    gtk_widget_add_css_class (box, "ins-oc-chosen");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (heading)), -1);
  return box;
}

static void
build_oc (InsAffairePanel *self, InsAffaire *a)
{
  GtkWidget *box;
  g_autofree char *nir = ins_nir_format (a->nir);
  GtkWidget *grid = field_grid (section (self, _("Insured person")));

  add_field_take (grid, _("Name"), g_strdup_printf ("%s %s", a->prenom, a->nom));
  add_field (grid, _("NIR"), nir ? nir : a->nir);

  box = section (self, _("Choice of complementary insurer"));
  for (guint i = 0; a->oc_beneficiaires && i < a->oc_beneficiaires->len; i++)
    {
      InsOcBeneficiaire *b = g_ptr_array_index (a->oc_beneficiaires, i);
      g_autofree char *born = gdate_long (&b->birth_date);
      g_autofree char *who = g_strdup_printf (_("%s %s, born on %s"), b->prenom, b->nom, born);
      GtkWidget *name = value_label (who);
      GtkWidget *pair = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

      gtk_widget_add_css_class (name, "heading");
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_set_homogeneous (GTK_BOX (pair), TRUE);
      gtk_box_append (GTK_BOX (pair), oc_column (_("OC 1"), b->oc1_name, b->oc1_member, &b->oc1_start, b->chosen == 1));
      gtk_box_append (GTK_BOX (pair), oc_column (_("OC 2"), b->oc2_name, b->oc2_member, &b->oc2_start, b->chosen == 2));
      gtk_box_append (GTK_BOX (box), pair);
      if (b->precarity)
        {
          GtkWidget *flag = value_label (_("⚠ Precarity contract involved: not eligible"));
          gtk_widget_add_css_class (flag, "ins-flag");
          gtk_box_append (GTK_BOX (box), flag);
        }
    }
}

static void
build_decision (InsAffairePanel *self, InsAffaire *a)
{
  GtkWidget *grid;

  if (a->decided_at == NULL && a->missing_pieces == NULL)
    return;
  grid = field_grid (section (self, _("Decision")));
  if (a->decided_at)
    add_field_take (grid, _("Decided on"), ins_format_date_time (a->decided_at));
  if (a->decided_by_name)
    add_field (grid, _("By"), a->decided_by_name);
  if (a->has_amount_eur)
    add_field_take (grid, _("Amount reimbursed"), ins_format_euros (a->amount_eur_cents));
  if (a->rate != NULL)
    {
      InsRate rate;
      g_autofree char *rate_text = ins_rate_parse (a->rate, &rate, NULL)
                                   ? ins_format_rate (a->currency, rate) : g_strdup (a->rate);
      g_autofree char *date_text = gdate_long (&a->rate_date);

      add_field_take (grid, _("Rate"), g_strdup_printf ("%s — %s — %s", rate_text, date_text,
                                                        a->rate_source ? a->rate_source : ""));
    }
  if (a->has_refusal_motif)
    add_field (grid, _("Motif"), ins_motif_label (a->refusal_motif));
  if (a->missing_pieces)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; a->missing_pieces[i]; i++)
        {
          InsPageTag tag;

          if (i > 0)
            g_string_append (text, "\n");
          g_string_append (text, ins_page_tag_from_nick (a->missing_pieces[i], &tag)
                                 ? ins_ui_piece_label (tag) : a->missing_pieces[i]);
        }
      add_field (grid, _("Missing pieces"), text->str);
    }
  if (a->decision_text && *a->decision_text)
    add_field (grid, _("Text"), a->decision_text);
}

static void
build_avis (InsAffairePanel *self, InsAffaire *a)
{
  InsAvisMedical *avis = a->avis;
  GtkWidget *grid;

  if (avis == NULL)
    return;
  grid = field_grid (section (self, _("Medical opinion")));
  if (avis->requested_at)
    add_field_take (grid, _("Requested on"), ins_format_date_time (avis->requested_at));
  add_field (grid, _("Requested by"), avis->requested_by_name);
  add_field (grid, _("Question"), avis->question);
  if (!avis->answered)
    {
      add_field (grid, _("Answer"), _("Waiting for the médecin-conseil"));
      return;
    }
  add_field (grid, _("Opinion"), ins_avis_label (avis->conclusion));
  add_field (grid, _("Conclusion"), avis->conclusion_text);
  add_field (grid, _("Given by"), avis->answered_by_name);
  if (self->viewer_role == INS_ROLE_MEDECIN_CONSEIL && avis->reasoning)
    add_field (grid, _("Medical reasoning (confidential)"), avis->reasoning);
}

static void
build_checklist (InsAffairePanel *self, InsAffaire *a)
{
  g_autoptr(GArray) pieces = ins_affaire_expected_pieces (a);
  GtkWidget *box;

  if (pieces->len == 0)
    return;
  box = section (self, _("Expected pieces"));
  gtk_widget_add_css_class (box, "ins-checklist");
  for (guint i = 0; i < pieces->len; i++)
    {
      InsExpectedPiece *piece = &g_array_index (pieces, InsExpectedPiece, i);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *icon = gtk_image_new_from_icon_name (piece->present ? "object-select-symbolic"
                                                                      : "window-close-symbolic");
      g_autofree char *text = NULL;

      if (piece->present)
        text = g_strdup_printf (_("%s: tagged"), ins_ui_piece_label (piece->tag));
      else if (piece->required)
        text = g_strdup_printf (_("%s: not found yet"), ins_ui_piece_label (piece->tag));
      else
        text = g_strdup_printf (_("%s: if any"), ins_ui_piece_label (piece->tag));
      gtk_widget_add_css_class (row, piece->present ? "ins-piece-present"
                                     : piece->required ? "ins-piece-missing" : "ins-piece-optional");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      piece->present ? _("Present") : _("Missing"), -1);
      gtk_box_append (GTK_BOX (row), icon);
      gtk_box_append (GTK_BOX (row), value_label (text));
      gtk_box_append (GTK_BOX (box), row);
    }
}

/* What a history entry says happened, in the past tense: never the stored word. */
const char *
ins_affaire_panel_history_label (const char *nick)
{
  InsAction action;

  if (g_strcmp0 (nick, "import") == 0)
    return _("Received from the online service");
  if (g_strcmp0 (nick, "retry_notification") == 0)
    return _("Notification sent again");
  if (nick == NULL || !ins_action_from_nick (nick, &action))
    return _("Other action");
  switch (action)
    {
    case INS_ACTION_CLAIM:                return _("Taken");
    case INS_ACTION_RELEASE:              return _("Released");
    case INS_ACTION_REQUEST_AVIS:         return _("Medical opinion requested");
    case INS_ACTION_RECORD_AVIS:          return _("Medical opinion given");
    case INS_ACTION_ACCEPT:               return _("Accepted");
    case INS_ACTION_REFUSE:               return _("Refused");
    case INS_ACTION_MARK_INCOMPLETE:      return _("Missing pieces requested");
    case INS_ACTION_CLOSE:                return _("Closed");
    case INS_ACTION_PIECES_RECEIVED:      return _("Missing pieces received");
    case INS_ACTION_REASSIGN:             return _("Reassigned");
    case INS_ACTION_TRANSFER:             return _("Transferred to another organisme");
    case INS_ACTION_MARK_UNUSABLE:        return _("Marked unusable");
    default:                              return ins_action_label (action);
    }
}

static char *
history_text (InsHistoryEntry *e)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *when = e->at ? ins_format_date_time (e->at) : g_strdup ("");
  const char *what = ins_affaire_panel_history_label (e->action);

  g_string_append_printf (text, "%s — %s — %s", when, e->agent_name ? e->agent_name : _("System"), what);
  if (e->has_from_status && e->has_to_status && e->from_status != e->to_status)
    g_string_append_printf (text, " (%s → %s)", ins_status_label (e->from_status), ins_status_label (e->to_status));
  else if (e->has_to_status && !e->has_from_status)
    g_string_append_printf (text, " (%s)", ins_status_label (e->to_status));
  if (e->comment && *e->comment)
    g_string_append_printf (text, "\n%s", e->comment);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
build_history (InsAffairePanel *self, InsAffaire *a)
{
  GtkWidget *box = section (self, _("History"));

  gtk_widget_add_css_class (box, "ins-history");
  if (a->history == NULL || a->history->len == 0)
    {
      gtk_box_append (GTK_BOX (box), value_label (_("No event yet.")));
      return;
    }
  for (guint i = a->history->len; i > 0; i--)
    {
      g_autofree char *text = history_text (g_ptr_array_index (a->history, i - 1));
      GtkWidget *label = value_label (text);

      gtk_widget_add_css_class (label, "ins-history-entry");
      gtk_box_append (GTK_BOX (box), label);
    }
}

/* GObject ------------------------------------------------------------------- */

static void
ins_affaire_panel_dispose (GObject *object)
{
  InsAffairePanel *self = INS_AFFAIRE_PANEL (object);

  g_clear_handle_id (&self->retire_id, g_source_remove);
  g_queue_clear_full (&self->retired, g_object_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), INS_TYPE_AFFAIRE_PANEL);
  g_clear_pointer (&self->affaire, ins_affaire_unref);
  G_OBJECT_CLASS (ins_affaire_panel_parent_class)->dispose (object);
}

static void
ins_affaire_panel_class_init (InsAffairePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ins_affaire_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/fr/ameli/Instruction/ui/ins-affaire-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, InsAffairePanel, stack);
  gtk_widget_class_bind_template_child (widget_class, InsAffairePanel, scrolled);
  gtk_widget_class_bind_template_child (widget_class, InsAffairePanel, content);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "insaffairepanel");
}

static void
ins_affaire_panel_init (InsAffairePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Affaire"), -1);
}

/* A spinning GtkSpinner makes GTK 4.8 repaint the window every frame even on a
 * hidden stack page: it spins only while shown. */
static void
show_page (InsAffairePanel *self, const char *name)
{
  gtk_spinner_set_spinning (GTK_SPINNER (gtk_stack_get_child_by_name (self->stack, "loading")),
                            g_str_equal (name, "loading"));
  gtk_stack_set_visible_child_name (self->stack, name);
}

void
ins_affaire_panel_set_affaire (InsAffairePanel *self,
                               InsAffaire      *affaire,
                               InsRole          viewer_role)
{
  g_return_if_fail (INS_IS_AFFAIRE_PANEL (self));

  if (affaire != NULL)
    ins_affaire_ref (affaire);
  g_clear_pointer (&self->affaire, ins_affaire_unref);
  self->affaire = affaire;
  self->viewer_role = viewer_role;

  clear_content (self);
  if (affaire == NULL)
    {
      show_page (self, "empty");
      return;
    }

  build_header (self, affaire);
  build_hints (self, affaire);
  if (affaire->kind == INS_KIND_SOINS_ETRANGER && affaire->soins != NULL)
    build_soins (self, affaire);
  else if (affaire->kind == INS_KIND_CHEVAUCHEMENT_OC)
    build_oc (self, affaire);
  build_checklist (self, affaire);
  build_decision (self, affaire);
  build_avis (self, affaire);
  build_history (self, affaire);
  show_page (self, "affaire");
}

void
ins_affaire_panel_set_loading (InsAffairePanel *self)
{
  g_return_if_fail (INS_IS_AFFAIRE_PANEL (self));
  if (self->affaire == NULL)
    show_page (self, "loading");
}

InsAffaire *
ins_affaire_panel_get_affaire (InsAffairePanel *self)
{
  g_return_val_if_fail (INS_IS_AFFAIRE_PANEL (self), NULL);
  return self->affaire;
}
