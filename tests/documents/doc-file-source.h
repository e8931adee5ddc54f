/* doc-file-source.h — an attachment source reading files, off the main loop (tests) */
#pragma once

#include "documents/ins-attachment-source.h"

G_BEGIN_DECLS

#define TEST_TYPE_FILE_SOURCE (test_file_source_get_type ())
G_DECLARE_FINAL_TYPE (TestFileSource, test_file_source, TEST, FILE_SOURCE, GObject)

struct _TestFileSource
{
  GObject parent_instance;
  GHashTable *paths;   /* id → path */
  guint fetches;       /* fetch_async calls */
};

G_END_DECLS
