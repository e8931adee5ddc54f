/* ins-document-error.h — the documents layer's error domain */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define INS_DOCUMENT_ERROR (ins_document_error_quark ())

typedef enum {
  INS_DOCUMENT_ERROR_FAILED,
  INS_DOCUMENT_ERROR_ENCRYPTED,    /* a password-protected PDF */
  INS_DOCUMENT_ERROR_DAMAGED,      /* not readable as PDF, JPEG or PNG */
  INS_DOCUMENT_ERROR_NO_PAGES,
  INS_DOCUMENT_ERROR_UNSUPPORTED,  /* neither PDF, JPEG nor PNG */
  INS_DOCUMENT_ERROR_TOO_LARGE,
  INS_DOCUMENT_ERROR_CRASHED,      /* the renderer died on this document */
  INS_DOCUMENT_ERROR_TIMEOUT,      /* the renderer took too long and was stopped */
  INS_DOCUMENT_ERROR_HELPER,       /* the renderer could not be started */
} InsDocumentError;

GQuark      ins_document_error_quark   (void);

/* The French sentence an agent reads for @code. */
const char *ins_document_error_message (InsDocumentError code);

G_END_DECLS
