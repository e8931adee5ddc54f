/* ins-dashboard-chart.c — closes per day, stacked by agent, drawn with cairo */
#define G_LOG_DOMAIN "ins-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/ins-format.h"
#include "ins-dashboard-chart.h"

#define MARGIN_LEFT 40.0
#define MARGIN_BOTTOM 24.0
#define MARGIN_TOP 12.0
#define MARGIN_RIGHT 8.0

/* Distinguishable for the common colour blindnesses (Okabe–Ito). */
static const char *palette[] = {
  "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
};

void
ins_dashboard_chart_agent_color (guint index, GdkRGBA *color)
{
  gdk_rgba_parse (color, palette[index % G_N_ELEMENTS (palette)]);
}

static void
text (cairo_t *cr, GtkWidget *widget, const char *s, double x, double y, double align_x, double align_y)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, s);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - w * align_x, y - h * align_y);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

/* A round step for the vertical axis (1, 2, 5, 10, 20, 50…), at most 5 lines. */
static guint
nice_step (guint max)
{
  static const guint multiples[] = { 1, 2, 5 };

  for (guint base = 1; base < G_MAXUINT / 10; base *= 10)
    for (guint i = 0; i < G_N_ELEMENTS (multiples); i++)
      if (max / (base * multiples[i]) <= 4)
        return base * multiples[i];
  return G_MAXUINT / 10;
}

static void
draw (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  GtkWidget *widget = GTK_WIDGET (area);
  InsWorkload *w = g_object_get_data (G_OBJECT (area), "ins-workload");
  GdkRGBA fg;
  double plot_w, plot_h, bar_w;
  guint max, step, top;

  (void) user_data;
  if (w == NULL || w->query.days == 0)
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);

  max = ins_workload_day_max (w);
  step = nice_step (MAX (max, 1));
  top = ((MAX (max, 1) + step - 1) / step) * step;
  plot_w = width - MARGIN_LEFT - MARGIN_RIGHT;
  plot_h = height - MARGIN_TOP - MARGIN_BOTTOM;
  if (plot_w < 10 || plot_h < 10)
    return;
  bar_w = plot_w / w->query.days;

  /* Grid lines and their values. */
  cairo_set_line_width (cr, 1);
  for (guint v = 0; v <= top; v += step)
    {
      double y = MARGIN_TOP + plot_h - plot_h * v / top;
      g_autofree char *label = ins_format_integer (v);

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, v == 0 ? 0.6 : 0.15);
      cairo_move_to (cr, MARGIN_LEFT, (int) y + 0.5);
      cairo_line_to (cr, MARGIN_LEFT + plot_w, (int) y + 0.5);
      cairo_stroke (cr);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.8);
      text (cr, widget, label, MARGIN_LEFT - 6, y, 1.0, 0.5);
    }

  /* Bars: one per day, stacked by agent in the legend's order. */
  for (guint d = 0; d < w->query.days; d++)
    {
      double x = MARGIN_LEFT + d * bar_w + bar_w * 0.15;
      double y = MARGIN_TOP + plot_h;

      for (guint i = 0; i < w->agents->len; i++)
        {
          InsWorkloadAgent *agent = g_ptr_array_index (w->agents, i);
          double h = plot_h * agent->per_day[d] / top;
          GdkRGBA color;

          if (agent->per_day[d] == 0)
            continue;
          ins_dashboard_chart_agent_color (i, &color);
          gdk_cairo_set_source_rgba (cr, &color);
          cairo_rectangle (cr, x, y - h, bar_w * 0.7, h);
          cairo_fill (cr);
          y -= h;
        }

      /* A date under the first day of each week, and under today. */
      if ((w->query.days - 1 - d) % 7 == 0)
        {
          GDate day;
          char buf[16];

          ins_workload_day (w, d, &day);
          g_date_strftime (buf, sizeof buf, "%d/%m", &day);
          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.8);
          text (cr, widget, buf, x + bar_w * 0.35, MARGIN_TOP + plot_h + 4, 0.5, 0.0);
        }
    }
}

void
ins_dashboard_chart_set_workload (GtkDrawingArea *area, InsWorkload *workload)
{
  g_object_set_data_full (G_OBJECT (area), "ins-workload",
                          workload ? ins_workload_ref (workload) : NULL,
                          (GDestroyNotify) ins_workload_unref);
  gtk_drawing_area_set_draw_func (area, draw, NULL, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (area));
}
