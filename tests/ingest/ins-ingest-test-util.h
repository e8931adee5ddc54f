/* ins-ingest-test-util.h — shared by the ingest tests: sample bundles, mutated copies */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* tests/data/submissions/NAME/submission.json (source tree). */
char      *ingest_test_sample        (const char *name);

/* A new temporary directory, removed (with its files) at exit. */
char      *ingest_test_temp_dir      (void);

/* The built helpers, next to the tests' build directory. */
char      *ingest_test_probe_path    (void);
char      *ingest_test_import_tool   (void);

/* Points the importer at the built probe. */
void       ingest_test_use_built_probe (void);

/* The sample's document, parsed. */
JsonNode  *ingest_test_load          (const char *name);

/* Sets (or removes, @value NULL) the member at @dotted ("a.b.0.c", digits
 * index arrays) of @root; takes @value. */
void       ingest_test_set           (JsonNode   *root,
                                      const char *dotted,
                                      JsonNode   *value);

JsonNode  *ingest_test_string        (const char *value);

/* Writes @root as submission.json in a new temporary directory holding links
 * to the attachments of sample @name; returns the document's path. */
char      *ingest_test_write         (JsonNode   *root,
                                      const char *name);

/* A UTC time for "now" in the pure tests (2025-06-01 12:00). */
GDateTime *ingest_test_now           (void);

G_END_DECLS
