/* ins-dashboard-dialogs.h — the small dialogs that confirm a supervisor's action
 *
 * Each is an AdwMessageDialog with the responses "cancel" and "confirm".
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwMessageDialog *ins_dashboard_dialog_confirm     (GtkWidget   *parent,
                                                    const char  *heading,
                                                    const char  *body,
                                                    const char  *confirm_label,
                                                    gboolean     destructive);

/* The same with a drop-down of @choices (and an optional comment entry) as
 * the extra child. */
AdwMessageDialog *ins_dashboard_dialog_choose      (GtkWidget          *parent,
                                                    const char         *heading,
                                                    const char         *body,
                                                    const char         *choice_label,
                                                    const char * const *choices,
                                                    const char         *confirm_label,
                                                    gboolean            with_comment);
/* The chosen index (GTK_INVALID_LIST_POSITION when none) and the comment ("" when none). */
guint             ins_dashboard_dialog_get_choice  (AdwMessageDialog *dialog);
void              ins_dashboard_dialog_set_choice  (AdwMessageDialog *dialog,
                                                    guint             index);
const char       *ins_dashboard_dialog_get_comment (AdwMessageDialog *dialog);

G_END_DECLS
