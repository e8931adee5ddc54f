/* ins-seed-store.h — bulk loading of sample data (instruction-seed)
 *
 * Sample affaires are written straight into the tables with COPY, in the
 * text format: a row is built with ins_seed_row_*() and streamed with
 * ins_seed_store_copy_put(). Identity values are reserved beforehand with
 * ins_seed_store_reserve(), so rows of different tables can refer to each
 * other without a round trip. Run as the database owner.
 */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

#include "ins-store-error.h"

G_BEGIN_DECLS

/* The tables a seed writes, and the columns of their COPY rows, in order. */
typedef enum {
  INS_SEED_ASSURE,          /* id, nir, nom, prenom, birth_date, address */
  INS_SEED_AFFAIRE,         /* id, numero, submission_id, kind, status, organisme_id, assure_id,
                             * received_at, due_at, priority, assignee_id, lease_until, version,
                             * nir, nom, prenom, beneficiaire, country, oc_label, amount_minor,
                             * currency, excluded, exclusion_reason, non_exploitable_reason,
                             * sla_paused_since, decided_at, decided_by, amount_eur_cents, rate,
                             * rate_date, rate_source, refusal_motif, decision_text,
                             * missing_pieces, updated_at, closed_at */
  INS_SEED_SOINS_ETRANGER,  /* affaire_id, ouvreur_birth_date, nationality, situation,
                             * beneficiaire_is_ouvreur, beneficiaire_nom, beneficiaire_prenom,
                             * beneficiaire_birth_date, reason, planned, nature, care_from, care_to,
                             * stay_from, stay_to, stay_motif, hospitalisation, certified */
  INS_SEED_OC_BENEFICIAIRE, /* affaire_id, rank, nom, prenom, birth_date, oc1_name, oc1_member,
                             * oc1_start, oc2_name, oc2_member, oc2_start, chosen, precarity */
  INS_SEED_ATTACHMENT,      /* affaire_id, position, filename, content_type, size_bytes, sha256,
                             * page_count, unreadable_reason */
  INS_SEED_HISTORY,         /* affaire_id, at, agent_id, action, from_status, to_status, comment */
  INS_SEED_AVIS_MEDICAL,    /* id, affaire_id, requested_by, requested_at, question, answered_by,
                             * answered_at, conclusion, conclusion_text */
  INS_SEED_AVIS_REASONING,  /* avis_id, reasoning */
  INS_SEED_N_TABLES
} InsSeedTable;

/* Sequences whose values a seed reserves. */
typedef enum {
  INS_SEED_SEQ_ASSURE,
  INS_SEED_SEQ_AFFAIRE,
  INS_SEED_SEQ_AVIS,
  INS_SEED_SEQ_NUMERO,       /* affaire_numero_seq, for the numéros */
  INS_SEED_N_SEQS
} InsSeedSequence;

typedef struct {
  int   id;
  char *login;
  char *display_name;
  char *role;            /* agent_role nick */
  int   organisme_id;
  char *organisme_code;
  char *organisme_name;
} InsSeedAgent;

void          ins_seed_agent_free           (InsSeedAgent *agent);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (InsSeedAgent, ins_seed_agent_free)

/* Session settings for a bulk load (asynchronous commit, no statement timeout). */
gboolean      ins_seed_store_prepare        (PGconn      *conn,
                                             GError     **error);

/* Creates or updates an organisme by code; returns its id, or 0 with @error. */
int           ins_seed_store_ensure_organisme (PGconn      *conn,
                                               const char  *code,
                                               const char  *name,
                                               const char  *letterhead,
                                               GError     **error);

/* Creates (or updates) an agent and its login role through ins_create_agent();
 * @password may be NULL. Returns the agent id, or 0 with @error. */
int           ins_seed_store_create_agent   (PGconn      *conn,
                                             const char  *login,
                                             const char  *display_name,
                                             const char  *role,
                                             const char  *organisme_code,
                                             const char  *password,
                                             GError     **error);

/* Active agents, by organisme code, role and creation; NULL with @error. */
GPtrArray    *ins_seed_store_list_agents    (PGconn      *conn,
                                             GError     **error);

/* How many affaires the database holds, or -1 with @error. */
gint64        ins_seed_store_count_affaires (PGconn      *conn,
                                             GError     **error);

/* Reserves @n consecutive values of @seq; @first receives the first one. */
gboolean      ins_seed_store_reserve        (PGconn          *conn,
                                             InsSeedSequence  seq,
                                             gint64           n,
                                             gint64          *first,
                                             GError         **error);

/* Stores attachment bytes under their SHA-256 (32 bytes) unless already there. */
gboolean      ins_seed_store_put_blob       (PGconn        *conn,
                                             const guint8  *sha256,
                                             const guint8  *bytes,
                                             gsize          size,
                                             GError       **error);
/* The same for @n attachments at once, in one round trip. */
gboolean      ins_seed_store_put_blobs      (PGconn               *conn,
                                             guint                 n,
                                             const guint8 * const *sha256,
                                             GBytes * const       *bytes,
                                             GError              **error);

/* Starts COPY … FROM STDIN into @table (inside the caller's transaction, if any). */
gboolean      ins_seed_store_copy_begin     (PGconn        *conn,
                                             InsSeedTable   table,
                                             GError       **error);
/* Sends rows (whole lines built by ins_seed_row_*). */
gboolean      ins_seed_store_copy_put       (PGconn        *conn,
                                             const char    *data,
                                             gsize          size,
                                             GError       **error);
/* Ends the COPY; the server's error, if any, is reported here. */
gboolean      ins_seed_store_copy_end       (PGconn        *conn,
                                             GError       **error);

/* Records, for the affaires @first_id to @last_id, the acknowledgement each
 * owes and the notification of those closed or waiting for pieces, as the
 * relay would have left them: delivered, except those of the last day, which
 * ins_outbox_enqueue() queues as pending. */
gboolean      ins_seed_store_queue_notifications (PGconn  *conn,
                                                  gint64   first_id,
                                                  gint64   last_id,
                                                  GError **error);

/* Waits until the loads' commits (asynchronous: see ins_seed_store_prepare())
 * are on disk, and makes @conn commit synchronously from then on: until the
 * commits are on disk VACUUM can neither hint their rows nor mark their pages
 * all-visible. */
gboolean      ins_seed_store_flush_commits  (PGconn      *conn,
                                             GError     **error);

/* The tables of the schema, largest first, quoted as ins_seed_store_vacuum()
 * takes them; NULL with @error. */
GPtrArray    *ins_seed_store_tables         (PGconn      *conn,
                                             GError     **error);

/* After a load, leaves @table as a server in service has it: frozen, its
 * hint bits and visibility map set (which the first statements to read the
 * new rows would otherwise write, each page whole in the WAL after a
 * checkpoint), and its planner statistics refreshed. */
gboolean      ins_seed_store_vacuum         (PGconn      *conn,
                                             const char  *table,
                                             GError     **error);

/* COPY text-format fields: each appends one field and its separator;
 * ins_seed_row_end() replaces the last separator with the line end. */
void          ins_seed_row_text             (GString     *row,
                                             const char  *value);   /* NULL: SQL NULL */
void          ins_seed_row_int              (GString     *row,
                                             gint64       value);
void          ins_seed_row_null             (GString     *row);
void          ins_seed_row_bool             (GString     *row,
                                             gboolean     value);
void          ins_seed_row_bytea            (GString      *row,
                                             const guint8 *bytes,
                                             gsize         size);
/* An array of text (NULL-terminated), as a PostgreSQL array literal. */
void          ins_seed_row_text_array       (GString            *row,
                                             const char * const *values);
void          ins_seed_row_end              (GString     *row);

G_END_DECLS
