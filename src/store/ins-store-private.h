/* ins-store-private.h — what the typed calls need of the store's worker */
#pragma once

#include "ins-store.h"

G_BEGIN_DECLS

/* Runs func on the worker thread; result_free frees a result nobody took
 * (a cancelled or dropped task), source_tag names the typed call. */
void ins_store_call_full (InsStore            *self,
                          InsStoreFunc         func,
                          gpointer             data,
                          GDestroyNotify       data_free,
                          GDestroyNotify       result_free,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data,
                          gpointer             source_tag);

G_END_DECLS
