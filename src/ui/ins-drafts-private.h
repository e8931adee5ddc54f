/* ins-drafts-private.h — a hook for the tests that order a save against a flush */
#pragma once

#include "ins-drafts.h"

G_BEGIN_DECLS

typedef void (*InsDraftsWriteHook) (InsDrafts *self,
                                    gpointer   data);

/* @hook runs on the save's worker thread just before it writes. */
void ins_drafts_set_write_hook (InsDrafts          *self,
                                InsDraftsWriteHook  hook,
                                gpointer            data);

G_END_DECLS
