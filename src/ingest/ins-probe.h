/* ins-probe.h — runs instruction-pdf-probe on an attachment, out of process
 *
 * The helper opens the document under CPU and memory limits; this side kills
 * it when it outlives a wall-clock timeout. A damaged or hostile file therefore
 * never crashes nor hangs the caller. Synchronous: call it from a worker thread
 * or a command-line tool. SIGPIPE is ignored in the calling process.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  INS_PROBE_PDF,          /* opens, pages > 0 */
  INS_PROBE_IMAGE,        /* a JPEG or PNG that decodes */
  INS_PROBE_ENCRYPTED,    /* password-protected PDF */
  INS_PROBE_DAMAGED,      /* cannot be read */
  INS_PROBE_NO_PAGES,     /* a PDF without pages */
  INS_PROBE_UNSUPPORTED,  /* neither PDF, JPEG nor PNG */
  INS_PROBE_TIMED_OUT,    /* killed after the wall-clock timeout */
  INS_PROBE_KILLED,       /* ended by a signal: CPU or memory limit, crash */
} InsProbeVerdict;

typedef struct {
  InsProbeVerdict verdict;
  int             pages;    /* INS_PROBE_PDF */
  int             width;    /* INS_PROBE_IMAGE */
  int             height;
} InsProbeResult;

typedef struct {
  guint timeout_ms;   /* wall clock, default 20000 */
  guint cpu_seconds;  /* RLIMIT_CPU of the helper, default 10 */
  guint memory_mb;    /* RLIMIT_AS of the helper, default 768 */
} InsProbeLimits;

/* The defaults above. */
void         ins_probe_limits_init    (InsProbeLimits *limits);

/* The helper used: $INS_PDF_PROBE, else the one set here, else the installed
 * one in libexecdir. */
void         ins_probe_set_helper     (const char *path);
const char  *ins_probe_get_helper     (void);

/* Probes @bytes; FALSE with INS_IMPORT_ERROR_PROBE only when the helper cannot
 * be started (everything the document does is a verdict). @limits may be NULL. */
gboolean     ins_probe_bytes          (GBytes               *bytes,
                                       const InsProbeLimits *limits,
                                       InsProbeResult       *result,
                                       GError              **error);

/* Largest preview accepted back from the helper. */
#define INS_PROBE_MAX_PREVIEW_BYTES (512 * 1024)

/* The same, and for a readable PDF a PNG of its first page at most 256 pixels
 * on its longer side in *@preview (NULL when none could be made). */
gboolean     ins_probe_bytes_with_preview (GBytes               *bytes,
                                           const InsProbeLimits *limits,
                                           InsProbeResult       *result,
                                           GBytes              **preview,
                                           GError              **error);

/* TRUE for a readable document. */
gboolean     ins_probe_result_is_readable (const InsProbeResult *result);

/* Why the document cannot be read, in French; NULL when readable. */
char        *ins_probe_result_reason  (const InsProbeResult *result);

G_END_DECLS
