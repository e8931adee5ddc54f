/* ins-attachment-tabs.h — the tab strip above the documents
 *
 * One toggle tab per attachment (1 to 10), all whole in the documents pane at
 * the window's default size: up to INS_ATTACHMENT_TABS_NAMED_MAX attachments
 * each tab shows the type's icon and the file's name, shortened in its middle
 * to a length that depends on how many tabs share the strip; past that, each
 * tab shows the icon and the attachment's position, and the current one's name
 * is written under the strip. Every tab has the whole description (name, type,
 * pages) as tooltip and accessible name, and is reached with Tab.
 *
 * Signals:
 *   tab-activated (guint index)
 *     the agent chose the tab at @index (0-based).
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define INS_ATTACHMENT_TABS_NAMED_MAX 3

#define INS_TYPE_ATTACHMENT_TABS (ins_attachment_tabs_get_type ())

G_DECLARE_FINAL_TYPE (InsAttachmentTabs, ins_attachment_tabs, INS, ATTACHMENT_TABS, GtkWidget)

GtkWidget  *ins_attachment_tabs_new            (void);

/* Keeps the first @n tabs (reused), adds or removes the others. */
void        ins_attachment_tabs_set_n_tabs     (InsAttachmentTabs *self,
                                                guint              n);
guint       ins_attachment_tabs_get_n_tabs     (InsAttachmentTabs *self);
/* @details: the whole description, for the tooltip and the accessible name. */
void        ins_attachment_tabs_set_tab        (InsAttachmentTabs *self,
                                                guint              index,
                                                const char        *name,
                                                const char        *details,
                                                const char        *icon_name);
/* -1 for none. */
void        ins_attachment_tabs_set_current    (InsAttachmentTabs *self,
                                                int                index);
GtkWidget  *ins_attachment_tabs_get_tab        (InsAttachmentTabs *self,
                                                guint              index);
/* What the tab at @index writes (its name or its position). */
const char *ins_attachment_tabs_get_tab_text   (InsAttachmentTabs *self,
                                                guint              index);
/* The current attachment's name written under a strip of numbered tabs,
 * NULL when the tabs show the names. */
const char *ins_attachment_tabs_get_caption    (InsAttachmentTabs *self);

/* @name in at most @max_chars characters: its start, « … » and its end (the
 * number and extension that tell files apart). */
char       *ins_attachment_tabs_shorten        (const char        *name,
                                                guint              max_chars);

G_END_DECLS
