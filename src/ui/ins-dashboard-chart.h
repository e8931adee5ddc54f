/* ins-dashboard-chart.h — closes per day, stacked by agent, drawn with cairo
 *
 * A GtkDrawingArea draw function; the same figures are in the throughput
 * table for those who do not see the chart.
 */
#pragma once

#include <gtk/gtk.h>

#include "core/ins-workload.h"

G_BEGIN_DECLS

/* The colour of agent @index in the chart and its legend. */
void ins_dashboard_chart_agent_color (guint    index,
                                      GdkRGBA *color);

/* Sets @area to draw @workload (NULL: nothing yet); keeps a reference. */
void ins_dashboard_chart_set_workload (GtkDrawingArea *area,
                                       InsWorkload    *workload);

G_END_DECLS
