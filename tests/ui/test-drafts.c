/* test-drafts.c — a debounced save still on its worker when the draft is sent
 * and flushed never brings the sent draft back, whatever order the two writes
 * reach the disk in */
#include "config.h"

#include <glib/gstdio.h>

#include "ui/ins-drafts-private.h"

#define AFFAIRE 42

/* Holds the save's worker thread before it writes until released. */
typedef struct {
  GMutex   lock;
  GCond    cond;
  gboolean entered;
  gboolean released;
} Gate;

static void
gate_hold (InsDrafts *drafts, gpointer data)
{
  Gate *gate = data;

  (void) drafts;
  g_mutex_lock (&gate->lock);
  gate->entered = TRUE;
  g_cond_broadcast (&gate->cond);
  while (!gate->released)
    g_cond_wait (&gate->cond, &gate->lock);
  g_mutex_unlock (&gate->lock);
}

static void
gate_release (Gate *gate)
{
  g_mutex_lock (&gate->lock);
  gate->released = TRUE;
  g_cond_broadcast (&gate->cond);
  g_mutex_unlock (&gate->lock);
}

/* The debounce timeout fires from this thread's main context, then the
 * worker reaches the gate. */
static void
run_until_entered (Gate *gate)
{
  g_mutex_lock (&gate->lock);
  while (!gate->entered)
    {
      g_mutex_unlock (&gate->lock);
      g_main_context_iteration (NULL, FALSE);
      g_mutex_lock (&gate->lock);
      if (!gate->entered)
        g_cond_wait_until (&gate->cond, &gate->lock, g_get_monotonic_time () + 10 * G_TIME_SPAN_MILLISECOND);
    }
  g_mutex_unlock (&gate->lock);
}


/* The save's task holds @drafts until its callback has run here and the
 * worker has let the task go, which may come last (so no blocking wait). */
static void
run_until_saved (InsDrafts *drafts)
{
  while (g_atomic_int_get (&G_OBJECT (drafts)->ref_count) > 1)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
draft_on_disk (const char *path)
{
  g_autoptr(InsDrafts) reread = ins_drafts_new (path);

  return ins_drafts_has (reread, AFFAIRE, INS_ACTION_REFUSE);
}

static char *
new_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ins-drafts-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, "drafts.json", NULL);
}

static void
remove_path (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

/* Typed, saved on a worker; sent and flushed while that save still waits to
 * write: the older save lands last and must not win. */
static void
test_flush_beats_late_save (void)
{
  g_autofree char *path = new_path ();
  g_autoptr(InsDrafts) drafts = ins_drafts_new (path);
  g_autoptr(GError) error = NULL;
  Gate gate = { 0 };

  ins_drafts_set_write_hook (drafts, gate_hold, &gate);
  ins_drafts_set (drafts, AFFAIRE, INS_ACTION_REFUSE, "text", "Ces prestations non prévues…");
  run_until_entered (&gate);

  ins_drafts_clear (drafts, AFFAIRE, INS_ACTION_REFUSE);
  g_assert_true (ins_drafts_flush (drafts, &error));
  g_assert_no_error (error);
  g_assert_false (draft_on_disk (path));

  gate_release (&gate);
  run_until_saved (drafts);
  g_assert_false (ins_drafts_has (drafts, AFFAIRE, INS_ACTION_REFUSE));
  g_assert_false (draft_on_disk (path));

  g_clear_object (&drafts);
  g_assert_false (draft_on_disk (path));
  remove_path (path);
}

/* The other way round: a save held while the agent types on, then flushed;
 * what is on disk at the end is the last text typed. */
static void
test_flush_keeps_latest_text (void)
{
  g_autofree char *path = new_path ();
  g_autoptr(InsDrafts) drafts = ins_drafts_new (path);
  g_autoptr(InsDrafts) reread = NULL;
  g_autoptr(GError) error = NULL;
  Gate gate = { 0 };

  ins_drafts_set_write_hook (drafts, gate_hold, &gate);
  ins_drafts_set (drafts, AFFAIRE, INS_ACTION_REFUSE, "text", "Ces prestations");
  run_until_entered (&gate);
  ins_drafts_set (drafts, AFFAIRE, INS_ACTION_REFUSE, "text", "Ces prestations non prévues…");
  g_assert_true (ins_drafts_flush (drafts, &error));
  g_assert_no_error (error);

  gate_release (&gate);
  run_until_saved (drafts);
  reread = ins_drafts_new (path);
  g_assert_cmpstr (ins_drafts_get (reread, AFFAIRE, INS_ACTION_REFUSE, "text"), ==,
                   "Ces prestations non prévues…");
  remove_path (path);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/drafts/flush-beats-late-save", test_flush_beats_late_save);
  g_test_add_func ("/drafts/flush-keeps-latest-text", test_flush_keeps_latest_text);
  return g_test_run ();
}
