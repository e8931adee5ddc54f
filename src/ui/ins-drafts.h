/* ins-drafts.h — what the agent typed in an open dialog, kept on disk until sent
 *
 * One small JSON file (by default $XDG_DATA_HOME/instruction/drafts.json) maps
 * "<affaire id>/<action nick>" to the dialog's fields. Every change is written
 * shortly after (atomically, off the main loop), so a crash or a lost
 * connection never loses the text; the draft is dropped once the action is sent.
 */
#pragma once

#include <glib-object.h>

#include "core/ins-types.h"

G_BEGIN_DECLS

#define INS_TYPE_DRAFTS (ins_drafts_get_type ())
G_DECLARE_FINAL_TYPE (InsDrafts, ins_drafts, INS, DRAFTS, GObject)

/* @path NULL: the default file under the user's data directory. */
InsDrafts  *ins_drafts_new        (const char *path);
const char *ins_drafts_get_path   (InsDrafts  *self);

/* The stored value, or NULL. */
const char *ins_drafts_get        (InsDrafts  *self,
                                   gint64      affaire_id,
                                   InsAction   action,
                                   const char *field);
/* Sets a field (NULL removes it) and schedules a save. */
void        ins_drafts_set        (InsDrafts  *self,
                                   gint64      affaire_id,
                                   InsAction   action,
                                   const char *field,
                                   const char *value);
/* Forgets the draft of this action (once sent) and schedules a save. */
void        ins_drafts_clear      (InsDrafts  *self,
                                   gint64      affaire_id,
                                   InsAction   action);
gboolean    ins_drafts_has        (InsDrafts  *self,
                                   gint64      affaire_id,
                                   InsAction   action);
/* Writes pending changes now (blocking; for shutdown and tests). */
gboolean    ins_drafts_flush      (InsDrafts  *self,
                                   GError    **error);

G_END_DECLS
