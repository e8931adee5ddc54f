/* ins-courrier.h — the letters sent to the insured person, as PDF
 *
 * A4, drawn with cairo and pango, always in French whatever the locale: the
 * caisse's letterhead, the insured person's address block, place and date,
 * reference and object, a body for the kind of notification, the signature,
 * page numbers; as many pages as the body needs. The agent previews the
 * returned bytes and the same bytes are stored and sent.
 */
#pragma once

#include <glib.h>

#include "core/ins-affaire.h"
#include "core/ins-types.h"

G_BEGIN_DECLS

typedef struct {
  InsNotificationKind  kind;
  InsAffaireKind       affaire_kind;
  const char          *numero;           /* 'SE-2026-0000042' */
  GDateTime           *received_at;      /* the date of the request */
  const char          *organisme_name;
  const char          *letterhead;       /* postal address lines of the caisse, '\n'-separated */
  const char          *city;             /* « Vannes »; NULL: from the letterhead's last line */
  const GDate         *date;             /* of the letter; NULL: today */
  const char          *nom;              /* the insured person (ouvreur de droit) */
  const char          *prenom;
  const char          *address;          /* '\n'-separated lines */
  const char          *beneficiaire;     /* display name, when not the insured person; may be NULL */

  /* acceptation: amounts and rate */
  gboolean             has_amount_eur;
  gint64               amount_eur_cents;
  gint64               amount_minor;     /* declared, in minor units of @currency */
  const char          *currency;         /* ISO 4217; NULL for OC affaires */
  const char          *rate;             /* "161.23": units of currency for 1 euro; NULL if EUR */
  const GDate         *rate_date;
  const char          *rate_source;      /* 'BCE' or what the agent entered */

  /* refus */
  gboolean             has_refusal_motif;
  InsRefusalMotif      refusal_motif;
  const char          *decision_text;    /* free text of the agent, may be NULL */

  /* pieces_manquantes */
  const char * const  *missing_pieces;   /* NULL-terminated */
} InsCourrierData;

/* Draws the letter; returns the PDF bytes. */
GBytes     *ins_courrier_render              (const InsCourrierData  *data,
                                              GError                **error);

/* Fills @data from @affaire as stored and its @organisme (may be NULL); the
 * strings stay owned by them. Callers previewing a decision not yet stored
 * then set the decision fields themselves. */
void        ins_courrier_data_init_from_affaire (InsCourrierData     *data,
                                                 const InsAffaire    *affaire,
                                                 const InsOrganisme  *organisme,
                                                 InsNotificationKind  kind);

/* The letter of @kind for @affaire as decided (amount, rate, motif, missing
 * pieces are read from it); @organisme gives the letterhead and may be NULL;
 * @date NULL is today. */
GBytes     *ins_courrier_render_for_affaire  (const InsAffaire       *affaire,
                                              const InsOrganisme     *organisme,
                                              InsNotificationKind     kind,
                                              const GDate            *date,
                                              GError                **error);

/* The insured-facing wording of a refusal motif (French, not translated). */
const char *ins_courrier_motif_text          (InsRefusalMotif         motif);

/* The object line of the letter (French), without « Objet : ». */
const char *ins_courrier_object              (InsNotificationKind     kind,
                                              InsAffaireKind          affaire_kind);

/* Lowercase hex SHA-256 of @bytes, as stored in blob and sent with the PDF. */
char       *ins_courrier_sha256              (GBytes                 *bytes);

G_END_DECLS
