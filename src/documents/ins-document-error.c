/* ins-document-error.c — error codes of the documents layer and their messages */
#define G_LOG_DOMAIN "ins-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "ins-document-error.h"

G_DEFINE_QUARK (ins-document-error-quark, ins_document_error)

const char *
ins_document_error_message (InsDocumentError code)
{
  switch (code)
    {
    case INS_DOCUMENT_ERROR_ENCRYPTED:
      return _("This document is protected by a password and cannot be opened.");
    case INS_DOCUMENT_ERROR_DAMAGED:
      return _("This document is damaged and cannot be read.");
    case INS_DOCUMENT_ERROR_NO_PAGES:
      return _("This document has no pages.");
    case INS_DOCUMENT_ERROR_UNSUPPORTED:
      return _("This file is neither a PDF nor a JPEG or PNG image.");
    case INS_DOCUMENT_ERROR_TOO_LARGE:
      return _("This document is too large to be displayed.");
    case INS_DOCUMENT_ERROR_CRASHED:
      return _("This document made the viewer fail.");
    case INS_DOCUMENT_ERROR_TIMEOUT:
      return _("This document takes too long to display.");
    case INS_DOCUMENT_ERROR_HELPER:
      return _("The document viewer could not be started.");
    case INS_DOCUMENT_ERROR_FAILED:
    default:
      return _("This document cannot be displayed.");
    }
}
