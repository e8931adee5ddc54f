/* ins-seed-pool.c — a pool of generated attachments shared by hash across affaires */
#define G_LOG_DOMAIN "ins-seed"

#include "config.h"

#include "store/ins-seed-store.h"
#include "ins-seed-pool.h"
#include "ins-seed-preview.h"

typedef struct {
  GPtrArray *invoices;   /* borrowed: invoices, scans and photos */
  GPtrArray *proofs;     /* borrowed */
} CountryDocs;

struct _InsSeedPool {
  GPtrArray   *docs;       /* owned, of InsSeedDoc */
  CountryDocs *countries;
  guint        n_countries;
  GPtrArray   *corrupt;    /* borrowed */
};

/* The kinds drawn for a country, in turn. */
static const InsSeedDocKind rotation[] = {
  INS_SEED_DOC_INVOICE, INS_SEED_DOC_PROOF, INS_SEED_DOC_SCAN, INS_SEED_DOC_PHOTO_JPEG,
  INS_SEED_DOC_INVOICE, INS_SEED_DOC_PROOF, INS_SEED_DOC_PHOTO_PNG, INS_SEED_DOC_INVOICE,
  INS_SEED_DOC_SCAN, INS_SEED_DOC_PROOF,
};

static const InsSeedDocKind first_kinds[] = {
  INS_SEED_DOC_INVOICE, INS_SEED_DOC_SCAN, INS_SEED_DOC_PHOTO_JPEG, INS_SEED_DOC_INVOICE,
  INS_SEED_DOC_PHOTO_PNG,
};

InsSeedPool *
ins_seed_pool_new (guint   size,
                   guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  const InsSeedCountry *countries;
  InsSeedPool *pool = g_new0 (InsSeedPool, 1);
  guint total_weight = 0;
  guint n_corrupt = MAX (2, size / 40);
  gint64 spent[INS_SEED_N_DOC_KINDS] = { 0 };
  guint drawn[INS_SEED_N_DOC_KINDS] = { 0 };

  countries = ins_seed_countries (&pool->n_countries);
  pool->docs = g_ptr_array_new_with_free_func ((GDestroyNotify) ins_seed_doc_free);
  pool->countries = g_new0 (CountryDocs, pool->n_countries);
  pool->corrupt = g_ptr_array_new ();
  for (guint c = 0; c < pool->n_countries; c++)
    total_weight += countries[c].weight;

  for (guint c = 0; c < pool->n_countries; c++)
    {
      guint n = MAX (2, size * countries[c].weight / total_weight);

      pool->countries[c].invoices = g_ptr_array_new ();
      pool->countries[c].proofs = g_ptr_array_new ();
      for (guint i = 0; i < n; i++)
        {
          /* Each country has an invoice of a kind that varies, a proof, then the rotation. */
          InsSeedDocKind kind = i == 0 ? first_kinds[c % G_N_ELEMENTS (first_kinds)]
                              : i == 1 ? INS_SEED_DOC_PROOF
                              : rotation[(i + c) % G_N_ELEMENTS (rotation)];
          gint64 started = g_get_monotonic_time ();
          InsSeedDoc *doc = ins_seed_doc_generate (kind, &countries[c], rand);

          spent[kind] += g_get_monotonic_time () - started;
          drawn[kind]++;

          g_ptr_array_add (pool->docs, doc);
          g_ptr_array_add (kind == INS_SEED_DOC_PROOF ? pool->countries[c].proofs
                                                      : pool->countries[c].invoices, doc);
        }
    }
  for (int k = 0; k < INS_SEED_N_DOC_KINDS; k++)
    if (drawn[k] > 0)
      g_debug ("document kind %d: %u drawn, %.0f ms each", k, drawn[k], spent[k] / 1000.0 / drawn[k]);
  for (guint i = 0; i < n_corrupt; i++)
    {
      InsSeedDoc *doc = ins_seed_doc_generate (INS_SEED_DOC_CORRUPT,
                                               &countries[i % pool->n_countries], rand);

      g_ptr_array_add (pool->docs, doc);
      g_ptr_array_add (pool->corrupt, doc);
    }
  return pool;
}

void
ins_seed_pool_free (InsSeedPool *pool)
{
  if (pool == NULL)
    return;
  for (guint c = 0; c < pool->n_countries; c++)
    {
      g_ptr_array_unref (pool->countries[c].invoices);
      g_ptr_array_unref (pool->countries[c].proofs);
    }
  g_free (pool->countries);
  g_ptr_array_unref (pool->corrupt);
  g_ptr_array_unref (pool->docs);
  g_free (pool);
}

gboolean
ins_seed_pool_store (InsSeedPool  *pool,
                     PGconn       *conn,
                     GError      **error)
{
  for (guint i = 0; i < pool->docs->len; i++)
    {
      const InsSeedDoc *doc = g_ptr_array_index (pool->docs, i);
      gsize size;
      const guint8 *bytes = g_bytes_get_data (doc->bytes, &size);

      if (!ins_seed_store_put_blob (conn, doc->sha256, bytes, size, error))
        return FALSE;
      if (!ins_seed_preview_store (conn, doc, error))
        return FALSE;
    }
  return TRUE;
}

guint
ins_seed_pool_size (InsSeedPool *pool)
{
  return pool->docs->len;
}

const InsSeedDoc *
ins_seed_pool_get (InsSeedPool *pool,
                   guint        index)
{
  return g_ptr_array_index (pool->docs, index);
}

static const InsSeedDoc *
pick_one (GPtrArray *docs, GRand *rand)
{
  return g_ptr_array_index (docs, g_rand_int_range (rand, 0, docs->len));
}

guint
ins_seed_pool_pick (InsSeedPool       *pool,
                    guint              country_index,
                    gboolean           corrupt,
                    GRand             *rand,
                    const InsSeedDoc **out)
{
  CountryDocs *docs = &pool->countries[country_index];
  guint n = 0;

  out[n++] = pick_one (docs->invoices, rand);
  if (docs->proofs->len > 0 && g_rand_int_range (rand, 0, 100) < 65)
    out[n++] = pick_one (docs->proofs, rand);
  while (n < 10 && g_rand_int_range (rand, 0, 100) < 22)
    out[n++] = pick_one (docs->invoices, rand);
  /* The same file twice would be an odd submission. */
  for (guint i = 1; i < n; i++)
    if (out[i] == out[i - 1])
      out[i] = pick_one (docs->invoices, rand);
  if (corrupt)
    out[g_rand_int_range (rand, 0, n)] = pick_one (pool->corrupt, rand);
  return n;
}
