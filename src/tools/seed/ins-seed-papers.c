/* ins-seed-papers.c — the attachments of one affaire, drawn to match it */
#define G_LOG_DOMAIN "ins-seed"

#include "config.h"

#include "ins-seed-papers.h"

/* How the invoice comes: mostly a PDF, else scanned or photographed. */
static InsSeedDocKind
invoice_kind (GRand *rand)
{
  int r = g_rand_int_range (rand, 0, 100);

  return r < 84 ? INS_SEED_DOC_INVOICE : r < 90 ? INS_SEED_DOC_SCAN
       : r < 95 ? INS_SEED_DOC_PHOTO_JPEG : INS_SEED_DOC_PHOTO_PNG;
}

guint
ins_seed_papers_for_care (const InsSeedCare *care,
                          gboolean           planned,
                          gboolean           corrupt,
                          GRand             *rand,
                          InsSeedDoc       **out)
{
  g_autofree char *reference = g_strdup_printf ("%c%c-%06u", 'A' + g_rand_int_range (rand, 0, 26),
                                                'A' + g_rand_int_range (rand, 0, 26),
                                                g_rand_int_range (rand, 1, 999999));
  InsSeedCare shown = *care;
  guint n = 0;

  shown.reference = reference;
  out[n++] = ins_seed_doc_generate_for (invoice_kind (rand), &shown, rand);
  if (g_rand_int_range (rand, 0, 100) < 65)
    out[n++] = ins_seed_doc_generate_for (INS_SEED_DOC_PROOF, &shown, rand);
  if (g_rand_int_range (rand, 0, 100) < 20)
    out[n++] = ins_seed_form_prescription (&shown, rand);
  if (planned)
    out[n++] = ins_seed_form_authorisation (&shown, rand);
  if (corrupt)
    {
      guint i = g_rand_int_range (rand, 0, n);

      ins_seed_doc_free (out[i]);
      out[i] = ins_seed_doc_generate_for (INS_SEED_DOC_CORRUPT, &shown, rand);
    }
  return n;
}
