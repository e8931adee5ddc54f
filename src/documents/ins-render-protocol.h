/* ins-render-protocol.h — the wire format between the app and instruction-renderer
 *
 * One helper process holds one document. The client writes requests on the
 * helper's stdin and reads one reply per request on its stdout. Both ends run on
 * the same machine: integers and doubles are in native byte order.
 *
 *   request  = InsRenderRequest, then `length` bytes of payload
 *   reply    = InsRenderReply, then `length` bytes of payload
 *
 * INS_RENDER_OP_OPEN     payload: the whole PDF file. Must come first, once.
 *                        ok: InsRenderDocInfo, then n_pages × InsRenderPageSize
 * INS_RENDER_OP_RENDER   page (0-based), rotation (0/90/180/270, clockwise),
 *                        scale (device pixels per PDF point); no payload.
 *                        ok: InsRenderImageInfo only; the stride × height bytes
 *                        of CAIRO_FORMAT_ARGB32 pixels (premultiplied, native
 *                        endian) are in a memfd passed (SCM_RIGHTS) with the
 *                        reply's first byte, sealed against shrinking, growing
 *                        and writing: the app maps it, no copy through the
 *                        socket, and the helper cannot change it afterwards.
 * INS_RENDER_OP_QUIT     the helper exits; no reply.
 *
 * Started with --warm-up, the helper first initialises its libraries, then
 * sends one ok reply without payload, unasked: it is ready.
 *
 * An error reply has status INS_RENDER_STATUS_ERROR, `code` one of
 * InsRenderErrorCode and a short English UTF-8 reason as payload (for logs; the
 * client shows its own French message for the code). After an error the helper
 * stays usable, except after a failed OPEN.
 */
#pragma once

#include <stdint.h>

#define INS_RENDER_MAGIC 0x494e5352u /* "INSR" */

/* Limits the helper enforces on itself (setrlimit) unless told otherwise. */
#define INS_RENDER_DEFAULT_CPU_SECONDS   120
/* Renders wait for the window: never take a core from the agent's main loop. */
#define INS_RENDER_DEFAULT_NICE          10
#define INS_RENDER_DEFAULT_ADDRESS_MB   2048
/* Largest document accepted and largest image rendered. */
#define INS_RENDER_MAX_DOCUMENT_BYTES   (64u * 1024 * 1024)
#define INS_RENDER_MAX_PIXELS           (6000u * 6000u)
#define INS_RENDER_MAX_SIDE             12000u

typedef enum {
  INS_RENDER_OP_OPEN = 1,
  INS_RENDER_OP_RENDER = 2,
  INS_RENDER_OP_QUIT = 3,
} InsRenderOp;

typedef enum {
  INS_RENDER_STATUS_OK = 0,
  INS_RENDER_STATUS_ERROR = 1,
} InsRenderStatus;

typedef enum {
  INS_RENDER_ERROR_NONE = 0,
  INS_RENDER_ERROR_ENCRYPTED = 1,   /* needs a password */
  INS_RENDER_ERROR_DAMAGED = 2,     /* not a PDF, or too broken to open */
  INS_RENDER_ERROR_NO_PAGES = 3,
  INS_RENDER_ERROR_BAD_REQUEST = 4, /* page out of range, bad scale or rotation */
  INS_RENDER_ERROR_TOO_LARGE = 5,   /* document or image over the limits */
  INS_RENDER_ERROR_RENDER = 6,      /* poppler or cairo failed on this page */
} InsRenderErrorCode;

typedef struct {
  uint32_t magic;
  uint32_t op;
  uint32_t page;
  uint32_t rotation;
  double   scale;
  uint64_t length;
} InsRenderRequest;

typedef struct {
  uint32_t magic;
  uint32_t status;
  uint32_t code;
  uint32_t reserved;
  uint64_t length;
} InsRenderReply;

typedef struct {
  uint32_t n_pages;
  uint32_t reserved;
} InsRenderDocInfo;

typedef struct {
  double width;   /* points, unrotated */
  double height;
} InsRenderPageSize;

typedef struct {
  uint32_t width;
  uint32_t height;
  uint32_t stride;
  uint32_t reserved;
} InsRenderImageInfo;
