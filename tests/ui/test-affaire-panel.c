/* test-affaire-panel.c — the centre pane's widgets follow the shown affaire, under Xvfb */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "core/ins-affaire.h"
#include "core/ins-format.h"
#include "ui/ins-affaire-panel.h"
#include "ui-widget-texts.h"
#include "ins-test-i18n.h"

static InsAffaire *
make_affaire (guint n, guint n_events)
{
  InsAffaire *a = ins_affaire_new ();

  a->id = n;
  a->kind = n % 2 ? INS_KIND_CHEVAUCHEMENT_OC : INS_KIND_SOINS_ETRANGER;
  a->numero = g_strdup_printf ("%s-2026-%07u", n % 2 ? "OC" : "SE", n);
  a->status = INS_STATUS_EN_COURS;
  a->nir = g_strdup ("184054000999907");
  a->nom = g_strdup_printf ("Nom%uX", n);
  a->prenom = g_strdup_printf ("Prénom%uX", n);
  a->history = g_ptr_array_new_with_free_func ((GDestroyNotify) ins_history_entry_unref);
  a->received_at = g_date_time_new_utc (2026, 11, 2, 9, 30, 0);
  for (guint i = 0; i < n_events; i++)
    {
      InsHistoryEntry *e = ins_history_entry_new ();

      e->action = g_strdup ("import");
      e->at = g_date_time_new_utc (2026, 11, 2, 9, 30, (double) i);
      e->comment = g_strdup_printf ("Event%u of %uX", i, n);
      g_ptr_array_add (a->history, e);
    }
  a->oc_beneficiaires = g_ptr_array_new_with_free_func ((GDestroyNotify) ins_oc_beneficiaire_free);
  if (a->kind == INS_KIND_SOINS_ETRANGER)
    {
      a->soins = ins_soins_etranger_new ();
      a->soins->beneficiaire_is_ouvreur = n % 4 == 0;
      a->soins->beneficiaire_nom = g_strdup_printf ("Bénéficiaire%u", n);
      a->soins->beneficiaire_prenom = g_strdup ("Zoé");
      a->soins->reason = g_strdup_printf ("Reason%uX", n);
      a->soins->planned = n % 3 == 0;
      a->country = g_strdup ("JP");
      a->currency = g_strdup ("EUR");
      a->amount_minor = 1000 + n;
    }
  else
    for (guint r = 1; r <= 1 + n % 5; r++)
      {
        InsOcBeneficiaire *b = ins_oc_beneficiaire_new ();

        b->rank = r;
        b->nom = g_strdup_printf ("Nom%uX", n);
        b->prenom = g_strdup_printf ("Enfant%u", r);
        b->oc1_name = g_strdup ("Harmonie Mutuelle");
        b->oc1_member = g_strdup_printf ("HM-%u-%u", n, r);
        b->oc2_name = g_strdup ("MGEN");
        b->oc2_member = g_strdup_printf ("MG-%u-%u", n, r);
        b->chosen = 1 + (n + r) % 2;
        b->precarity = r == 2;
        g_ptr_array_add (a->oc_beneficiaires, b);
      }
  return a;
}

static guint
count_containing (GPtrArray *texts, const char *part)
{
  guint n = 0;

  for (guint i = 0; i < texts->len; i++)
    if (strstr (g_ptr_array_index (texts, i), part) != NULL)
      n++;
  return n;
}

static gboolean
any_label_contains (GtkWidget *root, const char *part)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), part) != NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    if (any_label_contains (c, part))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_label (GtkWidget *root, const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, text);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_label_prefix (GtkWidget *root, const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label_prefix (c, prefix);
      if (found)
        return found;
    }
  return NULL;
}

static guint
count_widgets (GtkWidget *root)
{
  guint n = 1;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    n += count_widgets (c);
  return n;
}

static void
spin (void)
{
  for (guint i = 0; i < 5; i++)
    g_main_context_iteration (NULL, FALSE);
}

static InsAffairePanel *
panel_in_window (GtkWindow **window)
{
  InsAffairePanel *panel = g_object_new (INS_TYPE_AFFAIRE_PANEL, NULL);

  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*window, 600, 800);
  gtk_window_set_child (*window, GTK_WIDGET (panel));
  gtk_window_present (*window);
  return panel;
}

/* Twenty affaires of both kinds in a row, some painted, some replaced before
 * the loop ran: the panel shows exactly the last one, with its own
 * beneficiaries and OCs and history, and nothing of the nineteen before. */
static void
test_twenty_in_a_row (void)
{
  GtkWindow *window;
  InsAffairePanel *panel = panel_in_window (&window);
  g_autoptr(GPtrArray) affaires = g_ptr_array_new_with_free_func ((GDestroyNotify) ins_affaire_unref);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  InsAffaire *last;

  /* 21 is an OC affaire with 2 beneficiaries, after ones with up to 5. */
  for (guint n = 2; n <= 21; n++)
    {
      g_ptr_array_add (affaires, make_affaire (n, 1 + n % 7));
      ins_affaire_panel_set_affaire (panel, g_ptr_array_index (affaires, affaires->len - 1), INS_ROLE_INSTRUCTEUR);
      if (n % 3 == 0)
        spin ();
    }
  spin ();
  last = g_ptr_array_index (affaires, affaires->len - 1);
  g_assert_true (ins_affaire_panel_get_affaire (panel) == last);
  ui_widget_visible_texts (GTK_WIDGET (panel), texts);

  g_assert_cmpuint (count_containing (texts, "OC-2026-0000021"), ==, 1);
  g_assert_cmpuint (count_containing (texts, "HM-21-1"), ==, 1);
  g_assert_cmpuint (count_containing (texts, "MG-21-1"), ==, 1);
  g_assert_cmpuint (count_containing (texts, "HM-21-2"), ==, 1);
  g_assert_cmpuint (count_containing (texts, "MG-21-2"), ==, 1);
  g_assert_cmpuint (count_containing (texts, "HM-"), ==, 2);
  g_assert_cmpuint (count_containing (texts, "MG-"), ==, 2);
  /* Two beneficiaries, and the precarity hint about the second one. */
  g_assert_cmpuint (count_containing (texts, "Enfant1 Nom21X"), ==, 1);
  g_assert_cmpuint (count_containing (texts, "Enfant2 Nom21X"), ==, 2);
  g_assert_cmpuint (count_containing (texts, "Enfant"), ==, 3);
  g_assert_cmpuint (count_containing (texts, "Nom21X"), ==, 4);
  g_assert_cmpuint (count_containing (texts, "Event"), ==, last->history->len);
  g_assert_cmpuint (count_containing (texts, "of 21X"), ==, last->history->len);
  for (guint n = 2; n < 21; n++)
    {
      g_autofree char *numero = g_strdup_printf ("-2026-%07u", n);
      g_autofree char *name = g_strdup_printf ("Nom%uX", n);
      g_autofree char *reason = g_strdup_printf ("Reason%uX", n);
      g_autofree char *event = g_strdup_printf ("of %uX", n);
      g_autofree char *member = g_strdup_printf ("HM-%u-", n);

      for (guint i = 0; i < texts->len; i++)
        g_assert_false (g_str_has_suffix (g_ptr_array_index (texts, i), numero));
      g_assert_cmpuint (count_containing (texts, event), ==, 0);
      g_assert_cmpuint (count_containing (texts, member), ==, 0);
      g_assert_cmpuint (count_containing (texts, name), ==, 0);
      g_assert_cmpuint (count_containing (texts, reason), ==, 0);
    }
  /* A foreign-care section shows nothing on an OC affaire. */
  g_assert_cmpuint (count_containing (texts, "Bénéficiaire"), ==, 0);

  gtk_window_destroy (window);
  spin ();
}

/* The sections are kept: showing more affaires makes no new widgets once each
 * kind and each number of rows was shown. */
static void
test_widgets_kept (void)
{
  GtkWindow *window;
  InsAffairePanel *panel = panel_in_window (&window);
  g_autoptr(GPtrArray) affaires = g_ptr_array_new_with_free_func ((GDestroyNotify) ins_affaire_unref);
  GtkWidget *title = NULL;
  guint widgets = 0;

  for (guint n = 2; n <= 40; n++)
    {
      g_ptr_array_add (affaires, make_affaire (n, 1 + n % 7));
      ins_affaire_panel_set_affaire (panel, g_ptr_array_index (affaires, affaires->len - 1), INS_ROLE_INSTRUCTEUR);
      spin ();
      if (n == 2)
        {
          title = find_label (GTK_WIDGET (panel), "SE-2026-0000002");
          g_assert_nonnull (title);
          g_object_add_weak_pointer (G_OBJECT (title), (gpointer *) &title);
        }
      if (n == 20)
        widgets = count_widgets (GTK_WIDGET (panel));
    }
  g_assert_cmpuint (count_widgets (GTK_WIDGET (panel)), <=, widgets);
  g_assert_nonnull (title);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, "SE-2026-0000040");
  g_object_remove_weak_pointer (G_OBJECT (title), (gpointer *) &title);
  gtk_window_destroy (window);
  spin ();
}

/* At the pane's width beside the queue at 1360 px, a long overdue deadline
 * says its date and its state on a line each, neither of them broken. */
static void
test_deadline_on_two_whole_lines (void)
{
  GtkWindow *window;
  InsAffairePanel *panel = panel_in_window (&window);
  g_autoptr(InsAffaire) a = make_affaire (2, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *due = NULL;
  GtkWidget *label;

  gtk_window_set_default_size (window, 340, 700);
  a->due_at = g_date_time_add_days (now, -67);
  a->received_at = g_date_time_add_days (now, -95);
  ins_affaire_panel_set_affaire (panel, a, INS_ROLE_INSTRUCTEUR);
  for (guint i = 0; i < 20; i++)
    spin ();
  due = ins_format_date_long (a->due_at);
  label = find_label_prefix (GTK_WIDGET (panel), due);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (label, "sla-breached"));
  g_assert_nonnull (strchr (gtk_label_get_text (GTK_LABEL (label)), '\n'));
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (label))), ==, 2);
  gtk_window_destroy (window);
  spin ();
}

/* The medical reasoning is shown to a médecin-conseil only, and nothing of it
 * stays in the panel once an instructeur looks at the same affaire. */
static void
test_reasoning_for_medecin_only (void)
{
  GtkWindow *window;
  InsAffairePanel *panel = panel_in_window (&window);
  g_autoptr(InsAffaire) a = make_affaire (4, 2);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  a->avis = ins_avis_medical_new ();
  a->avis->question = g_strdup ("Les soins étaient-ils urgents ?");
  a->avis->answered = TRUE;
  a->avis->conclusion = INS_AVIS_FAVORABLE;
  a->avis->conclusion_text = g_strdup ("Soins urgents.");
  a->avis->reasoning = g_strdup ("Raisonnement confidentiel");

  ins_affaire_panel_set_affaire (panel, a, INS_ROLE_MEDECIN_CONSEIL);
  spin ();
  ui_widget_visible_texts (GTK_WIDGET (panel), texts);
  g_assert_cmpuint (count_containing (texts, "Raisonnement confidentiel"), ==, 1);
  g_assert_cmpuint (count_containing (texts, "Soins urgents."), ==, 1);

  ins_affaire_panel_set_affaire (panel, a, INS_ROLE_INSTRUCTEUR);
  spin ();
  g_assert_false (any_label_contains (GTK_WIDGET (panel), "Raisonnement confidentiel"));
  g_ptr_array_set_size (texts, 0);
  ui_widget_visible_texts (GTK_WIDGET (panel), texts);
  g_assert_cmpuint (count_containing (texts, "Soins urgents."), ==, 1);

  ins_affaire_panel_set_affaire (panel, NULL, INS_ROLE_INSTRUCTEUR);
  g_assert_null (ins_affaire_panel_get_affaire (panel));
  gtk_window_destroy (window);
  spin ();
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  ins_test_i18n_init ();
  adw_init ();
  g_test_add_func ("/affaire-panel/twenty-in-a-row-shows-the-last", test_twenty_in_a_row);
  g_test_add_func ("/affaire-panel/widgets-kept", test_widgets_kept);
  g_test_add_func ("/affaire-panel/reasoning-for-medecin-only", test_reasoning_for_medecin_only);
  g_test_add_func ("/affaire-panel/deadline-on-two-whole-lines", test_deadline_on_two_whole_lines);
  return g_test_run ();
}
