/* ui-test-util.c — the workspace tests' shared steps */
#include "config.h"

#include <string.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "store/ins-db.h"
#include "ui/ins-queue-view.h"
#include "ui/ins-window-private.h"
#include "ins-test-db.h"
#include "ins-test-i18n.h"
#include "ui-test-util.h"

/* Long enough for a loaded machine; only ever reached when something is wrong. */
#define SAFETY_LIMIT_US (60 * G_USEC_PER_SEC)

static PGconn *admin;
static char *drafts_path;

PGconn *
ui_test_admin (void)
{
  return admin;
}

void
ui_test_reconnect_admin (void)
{
  g_clear_pointer (&admin, PQfinish);
  admin = ins_test_db_connect ();
}

const char *
ui_test_drafts_path (void)
{
  return drafts_path;
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A real two-page A4 PDF: an itemised invoice and a proof of payment. */
static GBytes *
make_pdf (void)
{
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, out, 595, 842);
  cairo_t *cr = cairo_create (surface);
  const char *pages[] = { "FACTURE N. 2026-0311 - Clinica San Juan", "RECU DE PAIEMENT - carte bancaire" };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
      cairo_set_font_size (cr, 22);
      cairo_move_to (cr, 60, 100);
      cairo_show_text (cr, pages[i]);
      cairo_set_font_size (cr, 14);
      for (int line = 0; line < 12; line++)
        {
          g_autofree char *text = g_strdup_printf ("Ligne %d  Consultation  %d,00", line + 1, 40 + line * 5);
          cairo_move_to (cr, 60, 160 + line * 24);
          cairo_show_text (cr, text);
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (out);
}

static void
put_blob (GBytes *bytes, char **sha_out)
{
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autoptr(GString) hex = g_string_new ("\\x");
  g_autoptr(GError) error = NULL;
  gsize size;
  const guchar *data = g_bytes_get_data (bytes, &size);
  const char *params[2];

  for (gsize i = 0; i < size; i++)
    g_string_append_printf (hex, "%02x", data[i]);
  params[0] = sha;
  params[1] = hex->str;
  ins_db_run (admin, "INSERT INTO blob (sha256, bytes) VALUES (decode($1, 'hex'), $2::bytea)"
                     " ON CONFLICT DO NOTHING", 2, params, &error);
  g_assert_no_error (error);
  *sha_out = g_steal_pointer (&sha);
}

static void
load_attachments (void)
{
  g_autoptr(GBytes) pdf = make_pdf ();
  g_autoptr(GBytes) broken = g_bytes_new_static ("%PDF-1.4 truncated", 18);
  g_autofree char *pdf_sha = NULL;
  g_autofree char *broken_sha = NULL;
  g_autofree char *size = g_strdup_printf ("%" G_GSIZE_FORMAT, g_bytes_get_size (pdf));
  g_autoptr(GError) error = NULL;

  put_blob (pdf, &pdf_sha);
  put_blob (broken, &broken_sha);
  ins_db_run (admin,
              "INSERT INTO attachment (affaire_id, position, filename, content_type, size_bytes, sha256, page_count)"
              " SELECT id, 1, 'facture-' || numero || '.pdf', 'application/pdf', $2::int, decode($1, 'hex'), 2"
              "   FROM affaire WHERE kind = 'soins_etranger'",
              2, (const char *[]) { pdf_sha, size }, &error);
  g_assert_no_error (error);
  ins_db_run (admin,
              "INSERT INTO attachment (affaire_id, position, filename, content_type, size_bytes, sha256,"
              "                        page_count, unreadable_reason)"
              " SELECT id, 2, 'scan-illisible.pdf', 'application/octet-stream', 18, decode($1, 'hex'),"
              "        NULL, 'fichier tronqué'"
              "   FROM affaire WHERE numero = 'SE-2026-0000005'",
              1, (const char *[]) { broken_sha }, &error);
  g_assert_no_error (error);
}

static void
cleanup_drafts (void)
{
  g_autofree char *dir = drafts_path ? g_path_get_dirname (drafts_path) : NULL;

  if (drafts_path != NULL)
    g_unlink (drafts_path);
  if (dir != NULL)
    g_rmdir (dir);
}

/* InsDocumentView (not ours) leaves a child behind when finalized: tolerate
 * that one warning, stay strict about every other. */
static GLogWriterOutput
writer (GLogLevelFlags log_level, const GLogField *fields, gsize n_fields, gpointer user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0
        && strstr (fields[i].value, "Finalizing InsDocumentView") != NULL)
      return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

void
ui_test_init_display (void)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  /* What AdwApplication loads for the app: shots show its colours and sizes. */
  gtk_css_provider_load_from_resource (css, "/fr/ameli/Instruction/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  /* No CSS transitions: a shot taken after a change shows where it ends,
   * not two buttons half-way through swapping their highlight. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

void
ui_test_init (int *argc, char ***argv)
{
  g_autofree char *sql = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  PGresult *res;

  g_log_set_writer_func (writer, NULL, NULL);
  /* Not the AT-SPI bus: a stale one left on the display by another program
   * would make GTK complain. Accessible names are checked on the widgets. */
  g_setenv ("GTK_A11Y", "none", FALSE);
  gtk_test_init (argc, argv, NULL);
  ins_test_i18n_init ();
  adw_init ();
  ui_test_init_display ();
  g_test_set_nonfatal_assertions ();

  admin = ins_test_db_connect ();
  path = g_test_build_filename (G_TEST_DIST, "ui", "workspace-fixture.sql", NULL);
  if (!g_file_get_contents (path, &sql, NULL, &error))
    g_error ("cannot read the fixture: %s", error->message);
  res = PQexec (admin, sql);
  if (PQresultStatus (res) != PGRES_TUPLES_OK && PQresultStatus (res) != PGRES_COMMAND_OK)
    g_error ("fixture failed: %s", PQerrorMessage (admin));
  PQclear (res);
  load_attachments ();

  dir = g_dir_make_tmp ("ins-ui-drafts-XXXXXX", &error);
  g_assert_no_error (error);
  drafts_path = g_build_filename (dir, "drafts.json", NULL);
  atexit (cleanup_drafts);
}

void
ui_test_wait (gboolean (*cond) (gpointer data), gpointer data, const char *what)
{
  gint64 limit = g_get_monotonic_time () + SAFETY_LIMIT_US;

  while (!cond (data))
    {
      if (g_get_monotonic_time () > limit)
        {
          g_test_message ("gave up waiting for %s", what);
          g_test_fail ();
          return;
        }
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

void
ui_test_spin (guint iterations)
{
  for (guint i = 0; i < iterations; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
}

static gboolean
window_ready (gpointer data)
{
  InsWindow *window = data;
  InsQueueView *view = ins_window_get_queue_view (window);
  InsQueueModel *model = ins_queue_view_get_model (view);

  return model != NULL && !ins_queue_model_get_loading (model)
         && ins_store_get_connected (ins_window_get_store (window))
         && ins_window_get_subtitle (window) != NULL;
}

static gboolean
window_idle (gpointer data)
{
  InsWindow *window = data;
  InsQueueModel *model = ins_queue_view_get_model (ins_window_get_queue_view (window));

  return (model == NULL || !ins_queue_model_get_loading (model)) && !ins_window_is_busy (window)
         && !ins_window_is_loading (window);
}

InsWindow *
ui_test_window_new (const char *login)
{
  g_autofree char *conninfo = g_strdup_printf ("%s user=%s", ins_test_db_conninfo (), login);
  InsWindow *window = ins_window_new_for_conninfo (NULL, conninfo, drafts_path);

  gtk_window_set_default_size (GTK_WINDOW (window), 1500, 900);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait (window_ready, window, "the window to be ready");
  return window;
}

void
ui_test_settle (InsWindow *window)
{
  ui_test_spin (5);
  ui_test_wait (window_idle, window, "the window to settle");
  ui_test_spin (5);
}

void
ui_test_window_close (InsWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_spin (5);
}

char *
ui_test_sql_value (const char *sql, const char *param)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = ins_db_exec (admin, sql, param ? 1 : 0, (const char *[]) { param }, &error);

  g_assert_no_error (error);
  if (res == NULL || PQntuples (res) == 0 || PQgetisnull (res, 0, 0))
    return NULL;
  return g_strdup (PQgetvalue (res, 0, 0));
}

gint64
ui_test_sql_int (const char *sql, const char *param)
{
  g_autofree char *value = ui_test_sql_value (sql, param);

  return value ? g_ascii_strtoll (value, NULL, 10) : -1;
}

void
ui_test_sql_run (const char *sql, const char *param)
{
  g_autoptr(GError) error = NULL;

  ins_db_run (admin, sql, param ? 1 : 0, (const char *[]) { param }, &error);
  g_assert_no_error (error);
}

gint64
ui_test_affaire_id (const char *numero)
{
  return ui_test_sql_int ("SELECT id FROM affaire WHERE numero = $1", numero);
}

char *
ui_test_affaire_status (gint64 id)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  return ui_test_sql_value ("SELECT status::text FROM affaire WHERE id = $1::bigint", text);
}

gint64
ui_test_history_count (gint64 id, const char *action)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM history WHERE affaire_id = %" G_GINT64_FORMAT
                                          " AND action = $1", id);

  return ui_test_sql_int (sql, action);
}

static void
on_after_paint (GdkFrameClock *clock, gboolean *painted)
{
  *painted = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

void
ui_test_wait_painted (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong handler;

  ui_test_spin (2);
  ui_test_wait (is_mapped, widget, "the widget to be shown");
  clock = gtk_widget_get_frame_clock (widget);
  if (clock == NULL)
    return;
  /* A frame lays out what changed before it paints: after it, what the
   * widget shows is what its state says. */
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  ui_test_wait (is_true, &painted, "a frame to be painted");
  g_signal_handler_disconnect (clock, handler);
}

GtkWidget *
ui_test_find_dialog (GtkWindow *parent, GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_OBJECT_TYPE (l->data) == type
        && gtk_window_get_transient_for (l->data) == parent
        && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

void
ui_test_screenshot (GtkWidget *widget, const char *name)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                           "screenshots", NULL);
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer;
  int width, height;

  ui_test_wait_painted (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  if (width <= 0 || height <= 0)
    return;
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  if (!gdk_texture_save_to_png (texture, path))
    g_test_message ("could not save %s", path);
  else
    g_test_message ("screenshot: %s", path);
}

GtkWidget *
ui_test_find_menu_item (GtkWidget *root, const char *text)
{
  if (g_strcmp0 (G_OBJECT_TYPE_NAME (root), "GtkModelButton") == 0)
    {
      g_autofree char *label = NULL;

      g_object_get (root, "text", &label, NULL);
      if (g_strcmp0 (label, text) == 0)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_menu_item (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
ui_test_claim_as (const char *role, gint64 id)
{
  g_autoptr(PGconn) conn = ins_test_db_connect_as (role);
  g_autofree char *sid = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr(GError) error = NULL;

  ins_db_run (conn,
              "UPDATE affaire SET status = 'en_cours', assignee_id = ins_current_agent_id(),"
              " lease_until = now() + interval '15 minutes', version = version + 1 WHERE id = $1::bigint",
              1, (const char *[]) { sid }, &error);
  g_assert_no_error (error);
}
