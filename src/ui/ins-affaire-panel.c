/* ins-affaire-panel.c — the centre pane: the affaire as the agent reviews it
 *
 * The sections are made once and refilled for each affaire: a selection sets
 * texts and visibility, and GTK measures again only the labels whose text
 * changed (destroying and rebuilding them cost about 13 ms an affaire in size
 * computation alone).
 */
#define G_LOG_DOMAIN "ins-ui"
#include "config.h"

#include <glib/gi18n.h>

#include "core/ins-format.h"
#include "core/ins-nir.h"
#include "core/ins-sla.h"
#include "ins-affaire-fields.h"
#include "ins-affaire-hints.h"
#include "ins-affaire-panel.h"
#include "ins-affaire-texts.h"
#include "ins-ui-format.h"

typedef struct {
  GtkWidget *box;
  GtkWidget *heading;
  GtkWidget *name;
  GtkWidget *member;
  GtkWidget *start;
} OcColumn;

/* One beneficiary of an OC overlap: who, the two OCs side by side, a flag. */
typedef struct {
  GtkWidget *who;
  OcColumn   oc[2];
  GtkWidget *flag;
} OcBlock;

struct _InsAffairePanel
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkStack  *stack;
  GtkWidget *scrolled;
  GtkBox    *content;

  /* the sections, children of content, made at the first affaire */
  gboolean   built;
  GtkWidget *title;
  GtkWidget *status;
  InsField   received, deadline, held_by, organisme, unusable;
  GtkWidget *hints_section;
  InsRows    hints;
  GtkWidget *soins_sections[4];
  InsField   ouvreur_name, ouvreur_nir, ouvreur_born, nationality, situation;
  InsField   beneficiary_self, beneficiary_name, beneficiary_born;
  InsField   reasons, planned, nature, care_period, hospitalisation, total_cost;
  InsField   country, stay_period, stay_motif, certified;
  GtkWidget *oc_sections[2];
  InsField   insured_name, insured_nir;
  InsRows    oc_blocks;
  GtkWidget *checklist_section;
  InsRows    pieces;
  GtkWidget *decision_section;
  InsField   decided_on, decided_by, amount_reimbursed, rate, motif, missing, decision_text;
  GtkWidget *avis_section;
  InsField   requested_on, requested_by, question, answer, opinion, conclusion, given_by, reasoning;
  GtkWidget *history_section;
  InsRows    history;

  /* owned */
  InsAffaire *affaire;
  InsRole     viewer_role;
};

G_DEFINE_FINAL_TYPE (InsAffairePanel, ins_affaire_panel, GTK_TYPE_WIDGET)

/* Making the sections, once ------------------------------------------------- */

static GtkWidget *
icon_row_new (GtkWidget *icon)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (row), icon);
  gtk_box_append (GTK_BOX (row), ins_wrap_label_new ());
  return row;
}

static GtkWidget *
hint_row_new (void)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_add_css_class (icon, "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"), -1);
  return icon_row_new (icon);
}

static GtkWidget *
piece_row_new (void)
{
  return icon_row_new (gtk_image_new ());
}

static GtkWidget *
history_row_new (void)
{
  GtkWidget *label = ins_wrap_label_new ();

  gtk_widget_add_css_class (label, "ins-history-entry");
  return label;
}

static void
oc_column_init (OcColumn *column, GtkWidget *pair)
{
  column->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  column->heading = gtk_label_new (NULL);
  column->name = ins_wrap_label_new ();
  column->member = ins_wrap_label_new ();
  column->start = ins_wrap_label_new ();
  gtk_label_set_xalign (GTK_LABEL (column->heading), 0);
  gtk_widget_add_css_class (column->heading, "caption-heading");
  gtk_box_append (GTK_BOX (column->box), column->heading);
  gtk_box_append (GTK_BOX (column->box), column->name);
  gtk_box_append (GTK_BOX (column->box), column->member);
  gtk_box_append (GTK_BOX (column->box), column->start);
  gtk_widget_set_hexpand (column->box, TRUE);
  gtk_widget_add_css_class (column->box, "card");
  gtk_widget_add_css_class (column->box, "ins-oc");
  gtk_box_append (GTK_BOX (pair), column->box);
}

static GtkWidget *
oc_block_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *pair = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  OcBlock *block = g_new0 (OcBlock, 1);

  block->who = ins_wrap_label_new ();
  gtk_widget_add_css_class (block->who, "heading");
  gtk_box_append (GTK_BOX (box), block->who);
  gtk_box_set_homogeneous (GTK_BOX (pair), TRUE);
  oc_column_init (&block->oc[0], pair);
  oc_column_init (&block->oc[1], pair);
  gtk_box_append (GTK_BOX (box), pair);
  block->flag = ins_wrap_label_new ();
  gtk_label_set_text (GTK_LABEL (block->flag), _("⚠ Precarity contract involved: not eligible"));
  gtk_widget_add_css_class (block->flag, "ins-flag");
  gtk_box_append (GTK_BOX (box), block->flag);
  g_object_set_data_full (G_OBJECT (box), "ins-oc-block", block, g_free);
  return box;
}

static void
build_header (InsAffairePanel *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *grid = gtk_grid_new ();

  self->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title), 0);
  gtk_widget_add_css_class (self->title, "title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  gtk_box_append (GTK_BOX (box), self->title);
  self->status = ins_wrap_label_new ();
  gtk_widget_add_css_class (self->status, "ins-status");
  gtk_box_append (GTK_BOX (box), self->status);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_box_append (GTK_BOX (box), grid);
  ins_field_init (&self->received, grid, _("Received on"));
  ins_field_init (&self->deadline, grid, _("Deadline"));
  gtk_widget_add_css_class (self->deadline.value, "ins-sla");
  ins_field_init (&self->held_by, grid, _("Held by"));
  ins_field_init (&self->organisme, grid, _("Organisme"));
  ins_field_init (&self->unusable, grid, _("Unusable because"));
  gtk_box_append (self->content, box);
}

static void
build_soins (InsAffairePanel *self)
{
  GtkWidget *grid;

  self->soins_sections[0] = ins_section_new (self->content, _("Ouvreur de droit"));
  grid = ins_field_grid_new (self->soins_sections[0]);
  ins_field_init (&self->ouvreur_name, grid, _("Name"));
  ins_field_init (&self->ouvreur_nir, grid, _("NIR"));
  ins_field_init (&self->ouvreur_born, grid, _("Born on"));
  ins_field_init (&self->nationality, grid, _("Nationality"));
  ins_field_init (&self->situation, grid, _("Situation at the date of care"));

  self->soins_sections[1] = ins_section_new (self->content, _("Beneficiary of the care"));
  grid = ins_field_grid_new (self->soins_sections[1]);
  ins_field_init (&self->beneficiary_self, grid, _("Beneficiary"));
  ins_field_init (&self->beneficiary_name, grid, _("Name"));
  ins_field_init (&self->beneficiary_born, grid, _("Born on"));

  self->soins_sections[2] = ins_section_new (self->content, _("Care"));
  grid = ins_field_grid_new (self->soins_sections[2]);
  ins_field_init (&self->reasons, grid, _("Reasons"));
  ins_field_init (&self->planned, grid, _("Planned before leaving"));
  ins_field_init (&self->nature, grid, _("Nature"));
  ins_field_init (&self->care_period, grid, _("Period of care"));
  ins_field_init (&self->hospitalisation, grid, _("Hospitalisation"));
  ins_field_init (&self->total_cost, grid, _("Total cost"));

  self->soins_sections[3] = ins_section_new (self->content, _("Stay"));
  grid = ins_field_grid_new (self->soins_sections[3]);
  ins_field_init (&self->country, grid, _("Country"));
  ins_field_init (&self->stay_period, grid, _("Period"));
  ins_field_init (&self->stay_motif, grid, _("Reason for the stay"));
  ins_field_init (&self->certified, grid, _("Declaration certified"));
}

static void
build_oc (InsAffairePanel *self)
{
  GtkWidget *grid;

  self->oc_sections[0] = ins_section_new (self->content, _("Insured person"));
  grid = ins_field_grid_new (self->oc_sections[0]);
  ins_field_init (&self->insured_name, grid, _("Name"));
  ins_field_init (&self->insured_nir, grid, _("NIR"));
  self->oc_sections[1] = ins_section_new (self->content, _("Choice of complementary insurer"));
  ins_rows_init (&self->oc_blocks, self->oc_sections[1], oc_block_new);
}

static void
build_decision_avis (InsAffairePanel *self)
{
  GtkWidget *grid;

  self->decision_section = ins_section_new (self->content, _("Decision"));
  grid = ins_field_grid_new (self->decision_section);
  ins_field_init (&self->decided_on, grid, _("Decided on"));
  ins_field_init (&self->decided_by, grid, _("By"));
  ins_field_init (&self->amount_reimbursed, grid, _("Amount reimbursed"));
  ins_field_init (&self->rate, grid, _("Rate"));
  ins_field_init (&self->motif, grid, _("Motif"));
  ins_field_init (&self->missing, grid, _("Missing pieces"));
  ins_field_init (&self->decision_text, grid, _("Text"));

  self->avis_section = ins_section_new (self->content, _("Medical opinion"));
  grid = ins_field_grid_new (self->avis_section);
  ins_field_init (&self->requested_on, grid, _("Requested on"));
  ins_field_init (&self->requested_by, grid, _("Requested by"));
  ins_field_init (&self->question, grid, _("Question"));
  ins_field_init (&self->answer, grid, _("Answer"));
  ins_field_init (&self->opinion, grid, _("Opinion"));
  ins_field_init (&self->conclusion, grid, _("Conclusion"));
  ins_field_init (&self->given_by, grid, _("Given by"));
  ins_field_init (&self->reasoning, grid, _("Medical reasoning (confidential)"));
}

/* In display order; each section hidden until an affaire has it. */
static void
build_sections (InsAffairePanel *self)
{
  build_header (self);
  self->hints_section = ins_section_new (self->content, _("Points to check"));
  gtk_widget_add_css_class (self->hints_section, "ins-hints");
  ins_rows_init (&self->hints, self->hints_section, hint_row_new);
  build_soins (self);
  build_oc (self);
  self->checklist_section = ins_section_new (self->content, _("Expected pieces"));
  gtk_widget_add_css_class (self->checklist_section, "ins-checklist");
  ins_rows_init (&self->pieces, self->checklist_section, piece_row_new);
  build_decision_avis (self);
  self->history_section = ins_section_new (self->content, _("History"));
  gtk_widget_add_css_class (self->history_section, "ins-history");
  ins_rows_init (&self->history, self->history_section, history_row_new);
  self->built = TRUE;
}

/* Filling them for an affaire ----------------------------------------------- */

static void
fill_header (InsAffairePanel *self, InsAffaire *a)
{
  static const char * const sla_classes[] = { "sla-breached", "sla-due-soon", "sla-on-time", NULL };
  g_autofree char *status = g_strdup_printf ("%s · %s", ins_kind_label (a->kind), ins_status_label (a->status));

  ins_label_set_text_if_changed (GTK_LABEL (self->title), a->numero);
  ins_label_set_text_if_changed (GTK_LABEL (self->status), status);
  if (a->received_at)
    ins_field_show_take (&self->received, ins_format_date_long (a->received_at));
  else
    ins_field_hide (&self->received);
  if (a->due_at && a->status != INS_STATUS_CLOTUREE)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      InsSlaState state = ins_sla_state (a->due_at, a->sla_paused_since, now);
      g_autofree char *due = ins_format_date_long (a->due_at);
      g_autofree char *describe = ins_sla_describe_short (a->due_at, a->sla_paused_since, now);

      /* The date, then the state under it: side by side they wrapped at an
       * arbitrary place in the pane's width at 1360 px. */
      ins_field_show_take (&self->deadline, g_strdup_printf ("%s\n%s", due, describe));
      ins_widget_set_one_class (self->deadline.value, sla_classes,
                                state == INS_SLA_BREACHED ? "sla-breached"
                                : state == INS_SLA_DUE_SOON ? "sla-due-soon" : "sla-on-time");
    }
  else
    ins_field_hide (&self->deadline);
  ins_field_show (&self->held_by, a->assignee_name ? a->assignee_name : _("Nobody"));
  ins_field_show (&self->organisme, a->organisme_name);
  if (a->non_exploitable_reason)
    ins_field_show (&self->unusable, a->non_exploitable_reason);
  else
    ins_field_hide (&self->unusable);
}

static void
fill_hints (InsAffairePanel *self, InsAffaire *a)
{
  g_autoptr(GPtrArray) hints = ins_affaire_hints (a);

  gtk_widget_set_visible (self->hints_section, hints->len > 0);
  for (guint i = 0; i < hints->len; i++)
    ins_label_set_text_if_changed (GTK_LABEL (gtk_widget_get_last_child (ins_rows_get (&self->hints, i))),
                                   g_ptr_array_index (hints, i));
  ins_rows_truncate (&self->hints, hints->len);
}

static void
fill_soins (InsAffairePanel *self, InsAffaire *a)
{
  InsSoinsEtranger *s = a->soins;
  g_autofree char *nir = ins_nir_format (a->nir);

  ins_field_show_take (&self->ouvreur_name, g_strdup_printf ("%s %s", a->prenom, a->nom));
  ins_field_show (&self->ouvreur_nir, nir ? nir : a->nir);
  ins_field_show_take (&self->ouvreur_born, ins_affaire_text_date (&s->ouvreur_birth_date));
  ins_field_show (&self->nationality, ins_affaire_text_code (INS_AFFAIRE_CODE_NATIONALITY, s->nationality));
  ins_field_show (&self->situation, ins_affaire_text_code (INS_AFFAIRE_CODE_SITUATION, s->situation));

  if (s->beneficiaire_is_ouvreur)
    {
      ins_field_show (&self->beneficiary_self, _("The insured person"));
      ins_field_hide (&self->beneficiary_name);
    }
  else
    {
      ins_field_hide (&self->beneficiary_self);
      ins_field_show_take (&self->beneficiary_name,
                           g_strdup_printf ("%s %s", s->beneficiaire_prenom, s->beneficiaire_nom));
    }
  ins_field_show_take (&self->beneficiary_born, ins_affaire_text_date (&s->beneficiaire_birth_date));

  ins_field_show (&self->reasons, s->reason);
  ins_field_show (&self->planned, ins_affaire_text_yes_no (s->planned));
  ins_field_show (&self->nature, ins_affaire_text_code (INS_AFFAIRE_CODE_NATURE, s->nature));
  ins_field_show_take (&self->care_period, ins_affaire_text_period (&s->care_from, &s->care_to));
  ins_field_show (&self->hospitalisation, ins_affaire_text_yes_no (s->hospitalisation));
  ins_field_show_take (&self->total_cost, ins_affaire_text_amount (a));

  ins_field_show_take (&self->country, ins_affaire_text_country (ins_country_lookup (a->country), a->country));
  ins_field_show_take (&self->stay_period, ins_affaire_text_period (&s->stay_from, &s->stay_to));
  ins_field_show (&self->stay_motif, ins_affaire_text_code (INS_AFFAIRE_CODE_STAY_MOTIF, s->stay_motif));
  ins_field_show (&self->certified, ins_affaire_text_yes_no (s->certified));
}

static void
fill_oc_column (OcColumn *column, const char *title, const char *name, const char *member,
                const GDate *start, gboolean chosen)
{
  g_autofree char *heading = chosen ? g_strdup_printf ("%s — %s", title, _("✓ chosen")) : g_strdup (title);
  g_autofree char *member_text = g_strdup_printf (_("Member no. %s"), member);
  g_autofree char *start_date = ins_affaire_text_date (start);
  g_autofree char *start_text = g_strdup_printf (_("Contract since %s"), start_date);

  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (column->heading)), heading) != 0)
    {
      gtk_label_set_text (GTK_LABEL (column->heading), heading);
      gtk_accessible_update_property (GTK_ACCESSIBLE (column->box), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
    }
  ins_label_set_text_if_changed (GTK_LABEL (column->name), name);
  ins_label_set_text_if_changed (GTK_LABEL (column->member), member_text);
  ins_label_set_text_if_changed (GTK_LABEL (column->start), start_text);
  if (chosen != gtk_widget_has_css_class (column->box, "ins-oc-chosen"))
    {
      if (chosen)
        gtk_widget_add_css_class (column->box, "ins-oc-chosen");
      else
        gtk_widget_remove_css_class (column->box, "ins-oc-chosen");
    }
}

static void
fill_oc (InsAffairePanel *self, InsAffaire *a)
{
  g_autofree char *nir = ins_nir_format (a->nir);
  guint n = a->oc_beneficiaires ? a->oc_beneficiaires->len : 0;

  ins_field_show_take (&self->insured_name, g_strdup_printf ("%s %s", a->prenom, a->nom));
  ins_field_show (&self->insured_nir, nir ? nir : a->nir);
  for (guint i = 0; i < n; i++)
    {
      InsOcBeneficiaire *b = g_ptr_array_index (a->oc_beneficiaires, i);
      OcBlock *block = g_object_get_data (G_OBJECT (ins_rows_get (&self->oc_blocks, i)), "ins-oc-block");
      g_autofree char *born = ins_affaire_text_date (&b->birth_date);
      g_autofree char *who = g_strdup_printf (_("%s %s, born on %s"), b->prenom, b->nom, born);

      ins_label_set_text_if_changed (GTK_LABEL (block->who), who);
      fill_oc_column (&block->oc[0], _("OC 1"), b->oc1_name, b->oc1_member, &b->oc1_start, b->chosen == 1);
      fill_oc_column (&block->oc[1], _("OC 2"), b->oc2_name, b->oc2_member, &b->oc2_start, b->chosen == 2);
      gtk_widget_set_visible (block->flag, b->precarity);
    }
  ins_rows_truncate (&self->oc_blocks, n);
}

static void
fill_checklist (InsAffairePanel *self, InsAffaire *a)
{
  static const char * const row_classes[] = { "ins-piece-present", "ins-piece-missing", "ins-piece-optional", NULL };
  g_autoptr(GArray) pieces = ins_affaire_expected_pieces (a);

  gtk_widget_set_visible (self->checklist_section, pieces->len > 0);
  for (guint i = 0; i < pieces->len; i++)
    {
      InsExpectedPiece *piece = &g_array_index (pieces, InsExpectedPiece, i);
      GtkWidget *row = ins_rows_get (&self->pieces, i);
      GtkWidget *icon = gtk_widget_get_first_child (row);
      const char *icon_name = piece->present ? "object-select-symbolic" : "window-close-symbolic";
      g_autofree char *text = NULL;

      if (piece->present)
        text = g_strdup_printf (_("%s: tagged"), ins_ui_piece_label (piece->tag));
      else if (piece->required)
        text = g_strdup_printf (_("%s: not found yet"), ins_ui_piece_label (piece->tag));
      else
        text = g_strdup_printf (_("%s: if any"), ins_ui_piece_label (piece->tag));
      ins_widget_set_one_class (row, row_classes, piece->present ? "ins-piece-present"
                                                  : piece->required ? "ins-piece-missing" : "ins-piece-optional");
      if (g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (icon)), icon_name) != 0)
        {
          gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          piece->present ? _("Present") : _("Missing"), -1);
        }
      ins_label_set_text_if_changed (GTK_LABEL (gtk_widget_get_last_child (row)), text);
    }
  ins_rows_truncate (&self->pieces, pieces->len);
}

static void
fill_decision (InsAffairePanel *self, InsAffaire *a)
{
  gtk_widget_set_visible (self->decision_section, a->decided_at != NULL || a->missing_pieces != NULL);
  if (a->decided_at)
    ins_field_show_take (&self->decided_on, ins_format_date_time (a->decided_at));
  else
    ins_field_hide (&self->decided_on);
  if (a->decided_by_name)
    ins_field_show (&self->decided_by, a->decided_by_name);
  else
    ins_field_hide (&self->decided_by);
  if (a->has_amount_eur)
    ins_field_show_take (&self->amount_reimbursed, ins_format_euros (a->amount_eur_cents));
  else
    ins_field_hide (&self->amount_reimbursed);
  if (a->rate != NULL)
    {
      InsRate rate;
      g_autofree char *rate_text = ins_rate_parse (a->rate, &rate, NULL)
                                   ? ins_format_rate (a->currency, rate) : g_strdup (a->rate);
      g_autofree char *date_text = ins_affaire_text_date (&a->rate_date);

      ins_field_show_take (&self->rate, g_strdup_printf ("%s — %s — %s", rate_text, date_text,
                                                         a->rate_source ? a->rate_source : ""));
    }
  else
    ins_field_hide (&self->rate);
  if (a->has_refusal_motif)
    ins_field_show (&self->motif, ins_motif_label (a->refusal_motif));
  else
    ins_field_hide (&self->motif);
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
      ins_field_show (&self->missing, text->str);
    }
  else
    ins_field_hide (&self->missing);
  if (a->decision_text && *a->decision_text)
    ins_field_show (&self->decision_text, a->decision_text);
  else
    ins_field_hide (&self->decision_text);
}

static void
fill_avis (InsAffairePanel *self, InsAffaire *a)
{
  InsAvisMedical *avis = a->avis;
  gboolean answered = avis != NULL && avis->answered;
  InsField *answer_fields[] = { &self->opinion, &self->conclusion, &self->given_by };

  gtk_widget_set_visible (self->avis_section, avis != NULL);
  if (avis == NULL)
    return;
  if (avis->requested_at)
    ins_field_show_take (&self->requested_on, ins_format_date_time (avis->requested_at));
  else
    ins_field_hide (&self->requested_on);
  ins_field_show (&self->requested_by, avis->requested_by_name);
  ins_field_show (&self->question, avis->question);
  if (answered)
    ins_field_hide (&self->answer);
  else
    ins_field_show (&self->answer, _("Waiting for the médecin-conseil"));
  for (guint i = 0; i < G_N_ELEMENTS (answer_fields); i++)
    if (!answered)
      ins_field_hide (answer_fields[i]);
  if (answered)
    {
      ins_field_show (&self->opinion, ins_avis_label (avis->conclusion));
      ins_field_show (&self->conclusion, avis->conclusion_text);
      ins_field_show (&self->given_by, avis->answered_by_name);
    }
  if (answered && self->viewer_role == INS_ROLE_MEDECIN_CONSEIL && avis->reasoning)
    ins_field_show (&self->reasoning, avis->reasoning);
  else
    ins_field_hide (&self->reasoning);
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
fill_history (InsAffairePanel *self, InsAffaire *a)
{
  guint n = a->history ? a->history->len : 0;

  if (n == 0)
    {
      ins_label_set_text_if_changed (GTK_LABEL (ins_rows_get (&self->history, 0)), _("No event yet."));
      ins_rows_truncate (&self->history, 1);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = history_text (g_ptr_array_index (a->history, n - 1 - i));

      ins_label_set_text_if_changed (GTK_LABEL (ins_rows_get (&self->history, i)), text);
    }
  ins_rows_truncate (&self->history, n);
}

static void
fill_sections (InsAffairePanel *self, InsAffaire *a)
{
  gboolean soins = a->kind == INS_KIND_SOINS_ETRANGER && a->soins != NULL;
  gboolean oc = a->kind == INS_KIND_CHEVAUCHEMENT_OC;

  fill_header (self, a);
  fill_hints (self, a);
  for (guint i = 0; i < G_N_ELEMENTS (self->soins_sections); i++)
    gtk_widget_set_visible (self->soins_sections[i], soins);
  if (soins)
    fill_soins (self, a);
  for (guint i = 0; i < G_N_ELEMENTS (self->oc_sections); i++)
    gtk_widget_set_visible (self->oc_sections[i], oc);
  if (oc)
    fill_oc (self, a);
  fill_checklist (self, a);
  fill_decision (self, a);
  fill_avis (self, a);
  fill_history (self, a);
}

/* GObject ------------------------------------------------------------------- */

static void
ins_affaire_panel_dispose (GObject *object)
{
  InsAffairePanel *self = INS_AFFAIRE_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), INS_TYPE_AFFAIRE_PANEL);
  ins_rows_clear (&self->hints);
  ins_rows_clear (&self->oc_blocks);
  ins_rows_clear (&self->pieces);
  ins_rows_clear (&self->history);
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
  gboolean other = FALSE;

  g_return_if_fail (INS_IS_AFFAIRE_PANEL (self));

  if (affaire != NULL)
    {
      other = self->affaire == NULL || self->affaire->id != affaire->id;
      ins_affaire_ref (affaire);
    }
  g_clear_pointer (&self->affaire, ins_affaire_unref);
  self->affaire = affaire;
  self->viewer_role = viewer_role;

  if (affaire == NULL)
    {
      show_page (self, "empty");
      return;
    }
  if (!self->built)
    build_sections (self);
  fill_sections (self, affaire);
  if (other)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled)), 0);
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
