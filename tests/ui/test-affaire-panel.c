/* test-affaire-panel.c — the centre pane's widgets follow the shown affaire, under Xvfb */
#include "config.h"

#include <adwaita.h>

#include "core/ins-affaire.h"
#include "ui/ins-affaire-panel.h"

static InsAffaire *
make_affaire (const char *numero, guint n_events)
{
  InsAffaire *a = ins_affaire_new ();

  a->numero = g_strdup (numero);
  a->kind = INS_KIND_SOINS_ETRANGER;
  a->status = INS_STATUS_EN_COURS;
  a->history = g_ptr_array_new_with_free_func ((GDestroyNotify) ins_history_entry_unref);
  a->received_at = g_date_time_new_utc (2026, 11, 2, 9, 30, 0);
  for (guint i = 0; i < n_events; i++)
    {
      InsHistoryEntry *e = ins_history_entry_new ();

      e->action = g_strdup ("import");
      e->at = g_date_time_new_utc (2026, 11, 2, 9, 30, (double) i);
      g_ptr_array_add (a->history, e);
    }
  return a;
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

static gboolean
on_deadline (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The previous affaire's widgets leave the panel at once and are destroyed
 * once the loop is idle: nothing of them is kept while browsing. */
static void
test_previous_affaire_destroyed (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  InsAffairePanel *panel = g_object_new (INS_TYPE_AFFAIRE_PANEL, NULL);
  g_autoptr(InsAffaire) first = make_affaire ("SE-2026-0000001", 40);
  g_autoptr(InsAffaire) second = make_affaire ("SE-2026-0000002", 3);
  GtkWidget *title;
  gboolean expired = FALSE;
  guint id;

  gtk_window_set_default_size (window, 600, 800);
  gtk_window_set_child (window, GTK_WIDGET (panel));
  gtk_window_present (window);
  ins_affaire_panel_set_affaire (panel, first, INS_ROLE_INSTRUCTEUR);
  title = find_label (GTK_WIDGET (panel), "SE-2026-0000001");
  g_assert_nonnull (title);
  g_object_add_weak_pointer (G_OBJECT (title), (gpointer *) &title);

  ins_affaire_panel_set_affaire (panel, second, INS_ROLE_INSTRUCTEUR);
  g_assert_null (find_label (GTK_WIDGET (panel), "SE-2026-0000001"));
  g_assert_nonnull (find_label (GTK_WIDGET (panel), "SE-2026-0000002"));
  g_assert_true (ins_affaire_panel_get_affaire (panel) == second);

  id = g_timeout_add_seconds (30, on_deadline, &expired);
  while (title != NULL && !expired)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (expired);
  g_source_remove (id);
  g_assert_null (title);

  /* Destroyed with sections still waiting: nothing is left behind. */
  ins_affaire_panel_set_affaire (panel, first, INS_ROLE_INSTRUCTEUR);
  ins_affaire_panel_set_affaire (panel, second, INS_ROLE_INSTRUCTEUR);
  title = find_label (GTK_WIDGET (panel), "SE-2026-0000002");
  g_object_add_weak_pointer (G_OBJECT (title), (gpointer *) &title);
  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (title);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/affaire-panel/previous-affaire-destroyed", test_previous_affaire_destroyed);
  return g_test_run ();
}
