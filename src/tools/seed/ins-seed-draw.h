/* ins-seed-draw.h — drawing helpers shared by the document generators */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "ins-seed-docs.h"

G_BEGIN_DECLS

#define INS_SEED_A4_W 595.28
#define INS_SEED_A4_H 841.89

/* Writes @text in a box of @width at (@x, @y) with @font and @align; returns its height. */
double      ins_seed_draw_text   (cairo_t        *cr,
                                  const char     *font,
                                  double          x,
                                  double          y,
                                  double          width,
                                  const char     *text,
                                  PangoAlignment  align);

/* A PDF surface of @w × @h points writing into @out. */
cairo_surface_t *ins_seed_pdf_new (GByteArray *out,
                                   double      w,
                                   double      h);

/* A document of @bytes (taken), its hash computed. */
InsSeedDoc *ins_seed_doc_new     (InsSeedDocKind  kind,
                                  GBytes         *bytes,
                                  const char     *content_type,
                                  int             page_count,
                                  char           *filename);

G_END_DECLS
