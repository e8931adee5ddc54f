-- 001-schema.sql — the tables of Instruction (see shared domain.md)
--
-- Applied by ins_migrations_apply() inside one transaction, as the database
-- owner. Cluster-wide group roles are created when missing.

CREATE TYPE affaire_kind AS ENUM ('soins_etranger', 'chevauchement_oc');
CREATE TYPE affaire_status AS ENUM (
  'recue', 'non_exploitable', 'en_cours', 'avis_medical_demande',
  'en_attente_pieces', 'acceptee', 'refusee', 'cloturee');
CREATE TYPE agent_role AS ENUM ('instructeur', 'medecin_conseil', 'superviseur');
CREATE TYPE page_tag AS ENUM (
  'facture', 'preuve_paiement', 'prescription', 'autorisation_prealable',
  'attestation_detachement', 'autre');
CREATE TYPE refusal_motif AS ENUM (
  'prestations_non_remboursables', 'droits_non_ouverts', 'documents_hors_perimetre',
  'hors_delai', 'non_eligible', 'autre');
CREATE TYPE avis_conclusion AS ENUM ('favorable', 'defavorable');
CREATE TYPE notification_kind AS ENUM (
  'accuse_reception', 'acceptation', 'refus', 'pieces_manquantes', 'oc_activee');
CREATE TYPE notification_state AS ENUM ('pending', 'delivered', 'failed');

CREATE TABLE organisme (
  id         smallint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code       text NOT NULL UNIQUE,            -- 'CPAM-40', 'CNSE'
  name       text NOT NULL,
  letterhead text NOT NULL DEFAULT ''          -- postal address lines for courriers
);

CREATE TABLE agent (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  login        name NOT NULL UNIQUE,           -- the agent's PostgreSQL login role
  display_name text NOT NULL,
  role         agent_role NOT NULL,
  organisme_id smallint NOT NULL REFERENCES organisme,
  active       boolean NOT NULL DEFAULT true
);

CREATE TABLE assure (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  nir        char(15) NOT NULL UNIQUE,
  nom        text NOT NULL,
  prenom     text NOT NULL,
  birth_date date,
  address    text NOT NULL DEFAULT ''          -- postal address, one line per line
);

CREATE SEQUENCE affaire_numero_seq;

CREATE TABLE affaire (
  id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  numero                 text NOT NULL UNIQUE,       -- 'SE-2026-0000042', 'OC-2026-0000043'
  submission_id          text NOT NULL UNIQUE,       -- the online service's id: re-import is a no-op
  kind                   affaire_kind NOT NULL,
  status                 affaire_status NOT NULL DEFAULT 'recue',
  organisme_id           smallint NOT NULL REFERENCES organisme,
  assure_id              bigint NOT NULL REFERENCES assure,
  received_at            timestamptz NOT NULL,
  due_at                 timestamptz NOT NULL,       -- moved forward by paused time
  priority               smallint NOT NULL DEFAULT 0, -- higher first
  assignee_id            integer REFERENCES agent,
  lease_until            timestamptz,
  version                integer NOT NULL DEFAULT 1,  -- bumped by every change
  -- denormalised for the queue: filters, sorts and search
  nir                    char(15) NOT NULL,
  nom                    text NOT NULL,               -- ouvreur de droit
  prenom                 text NOT NULL,
  beneficiaire           text NOT NULL,               -- display name of the beneficiary (or first of the OC ones)
  country                char(2),                     -- foreign care: ISO 3166 alpha-2
  oc_label               text,                        -- OC overlap: the OCs in conflict, for the queue
  amount_minor           bigint CHECK (amount_minor > 0), -- foreign care: in currency's minor units
  currency               char(3),
  excluded               boolean NOT NULL DEFAULT false,
  exclusion_reason       text,
  non_exploitable_reason text,
  sla_paused_since       timestamptz,                 -- set while waiting for avis or pieces
  -- the decision
  decided_at             timestamptz,
  decided_by             integer REFERENCES agent,
  amount_eur_cents       bigint CHECK (amount_eur_cents >= 0),
  rate                   numeric(20, 10) CHECK (rate > 0), -- units of currency for 1 euro
  rate_date              date,
  rate_source            text,
  refusal_motif          refusal_motif,
  decision_text          text,
  missing_pieces         text[],
  updated_at             timestamptz NOT NULL DEFAULT now(),
  closed_at              timestamptz,
  CHECK (kind <> 'soins_etranger' OR (country IS NOT NULL AND amount_minor IS NOT NULL AND currency IS NOT NULL)),
  CHECK ((assignee_id IS NULL) = (lease_until IS NULL))
);

-- The claim path: the next claimable affaire of an organisme, in claim order.
CREATE INDEX affaire_claimable_idx ON affaire (organisme_id, priority DESC, received_at, id)
  WHERE status = 'recue';
-- Browsing and sorting
CREATE INDEX affaire_priority_idx ON affaire (priority DESC, received_at, id);
CREATE INDEX affaire_received_idx ON affaire (received_at, id);
CREATE INDEX affaire_due_idx ON affaire (due_at, id);
CREATE INDEX affaire_status_idx ON affaire (status, priority DESC, received_at, id);
CREATE INDEX affaire_assignee_idx ON affaire (assignee_id, priority DESC, received_at, id)
  WHERE assignee_id IS NOT NULL;
-- Search: numéro is UNIQUE above; NIR exact or prefix; name prefix, case-insensitive
CREATE INDEX affaire_nir_idx ON affaire (nir bpchar_pattern_ops);
CREATE INDEX affaire_nom_idx ON affaire (lower(nom) text_pattern_ops);
CREATE INDEX affaire_assure_idx ON affaire (assure_id);

CREATE TABLE soins_etranger (
  affaire_id              bigint PRIMARY KEY REFERENCES affaire ON DELETE CASCADE,
  ouvreur_birth_date      date NOT NULL,
  nationality             text NOT NULL CHECK (nationality IN ('francaise', 'ue_eee_ru_suisse', 'autre')),
  situation               text NOT NULL CHECK (situation IN (
                            'salarie', 'etudiant', 'demandeur_emploi', 'frontalier_suisse',
                            'retraite', 'invalidite_rente', 'autre')),
  beneficiaire_is_ouvreur boolean NOT NULL,
  beneficiaire_nom        text NOT NULL,
  beneficiaire_prenom     text NOT NULL,
  beneficiaire_birth_date date NOT NULL,
  reason                  varchar(180) NOT NULL,
  planned                 boolean NOT NULL,            -- soins programmés avant le départ
  nature                  text NOT NULL CHECK (nature IN (
                            'maladie', 'ald', 'maternite', 'at_mp', 'tiers')),
  care_from               date NOT NULL,
  care_to                 date NOT NULL CHECK (care_to >= care_from),
  stay_from               date NOT NULL,
  stay_to                 date NOT NULL CHECK (stay_to >= stay_from),
  stay_motif              text NOT NULL CHECK (stay_motif IN (
                            'tourisme', 'etudes', 'detachement', 'soins_programmes',
                            'frontalier', 'autre')),
  hospitalisation         boolean NOT NULL,
  certified               boolean NOT NULL
);

CREATE TABLE oc_beneficiaire (
  affaire_id  bigint NOT NULL REFERENCES affaire ON DELETE CASCADE,
  rank        smallint NOT NULL CHECK (rank >= 1),
  nom         text NOT NULL,
  prenom      text NOT NULL,
  birth_date  date NOT NULL,
  oc1_name    text NOT NULL,
  oc1_member  text NOT NULL,
  oc1_start   date NOT NULL,
  oc2_name    text NOT NULL,
  oc2_member  text NOT NULL,
  oc2_start   date NOT NULL,
  chosen      smallint NOT NULL CHECK (chosen IN (1, 2)),
  precarity   boolean NOT NULL DEFAULT false,          -- CSS, CMU-C or ACS involved
  PRIMARY KEY (affaire_id, rank)
);

-- Attachment bytes, shared by content hash.
CREATE TABLE blob (
  sha256 bytea PRIMARY KEY CHECK (length(sha256) = 32),
  bytes  bytea NOT NULL
);

CREATE TABLE attachment (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  affaire_id        bigint NOT NULL REFERENCES affaire ON DELETE CASCADE,
  position          smallint NOT NULL CHECK (position BETWEEN 1 AND 10),
  filename          text NOT NULL,
  content_type      text NOT NULL,   -- sniffed from the bytes; 'application/octet-stream' when unknown
  size_bytes        integer NOT NULL CHECK (size_bytes >= 0),
  sha256            bytea NOT NULL REFERENCES blob,
  page_count        integer CHECK (page_count >= 1),   -- NULL when unreadable
  unreadable_reason text,
  UNIQUE (affaire_id, position),
  CHECK ((page_count IS NULL) = (unreadable_reason IS NOT NULL))
);

-- Per-page state set by agents; a page without a row is unrotated and untagged.
CREATE TABLE attachment_page (
  attachment_id bigint NOT NULL REFERENCES attachment ON DELETE CASCADE,
  page_no       integer NOT NULL CHECK (page_no >= 1),
  rotation      smallint NOT NULL DEFAULT 0 CHECK (rotation IN (0, 90, 180, 270)),
  tag           page_tag,
  PRIMARY KEY (attachment_id, page_no)
);

-- Append-only trace of every action.
CREATE TABLE history (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  affaire_id  bigint NOT NULL REFERENCES affaire ON DELETE CASCADE,
  at          timestamptz NOT NULL DEFAULT clock_timestamp(),
  agent_id    integer REFERENCES agent,          -- NULL: the system (import, relay)
  action      text NOT NULL,
  from_status affaire_status,
  to_status   affaire_status,
  comment     text NOT NULL DEFAULT ''
);
CREATE INDEX history_affaire_idx ON history (affaire_id, id);
CREATE INDEX history_agent_at_idx ON history (agent_id, at);

CREATE FUNCTION history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'history is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER history_append_only BEFORE UPDATE OR DELETE ON history
  FOR EACH ROW EXECUTE FUNCTION history_is_append_only();

CREATE TABLE avis_medical (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  affaire_id      bigint NOT NULL REFERENCES affaire ON DELETE CASCADE,
  requested_by    integer NOT NULL REFERENCES agent,
  requested_at    timestamptz NOT NULL DEFAULT now(),
  question        text NOT NULL,
  answered_by     integer REFERENCES agent,
  answered_at     timestamptz,
  conclusion      avis_conclusion,
  conclusion_text text,                          -- what the instructeur sees
  CHECK ((answered_at IS NULL) = (conclusion IS NULL))
);
CREATE UNIQUE INDEX avis_medical_open_idx ON avis_medical (affaire_id) WHERE answered_at IS NULL;
CREATE INDEX avis_medical_affaire_idx ON avis_medical (affaire_id);

-- Medical reasoning, covered by medical secrecy: only medecin_conseil may read it.
CREATE TABLE avis_medical_reasoning (
  avis_id   bigint PRIMARY KEY REFERENCES avis_medical ON DELETE CASCADE,
  reasoning text NOT NULL
);

-- Transactional outbox: written in the same transaction as the change that owes it.
CREATE TABLE notification_outbox (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  affaire_id      bigint NOT NULL REFERENCES affaire ON DELETE CASCADE,
  kind            notification_kind NOT NULL,
  idempotency_key uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
  payload         jsonb NOT NULL,
  courrier_sha256 bytea REFERENCES blob,          -- the courrier PDF, when the kind has one
  state           notification_state NOT NULL DEFAULT 'pending',
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  lease_owner     text,
  lease_until     timestamptz,
  last_error      text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  delivered_at    timestamptz,
  UNIQUE (affaire_id, kind)
);
CREATE INDEX notification_outbox_due_idx ON notification_outbox (next_attempt_at, id)
  WHERE state = 'pending';
CREATE INDEX notification_outbox_failed_idx ON notification_outbox (id) WHERE state = 'failed';

-- Queue change hints for listeners (the payload is the affaire id).
CREATE FUNCTION affaire_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('affaire_changed', NEW.id::text);
  RETURN NULL;
END $$;
CREATE TRIGGER affaire_changed AFTER UPDATE ON affaire
  FOR EACH ROW EXECUTE FUNCTION affaire_notify_change();

CREATE FUNCTION affaire_notify_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('affaire_changed', '');
  RETURN NULL;
END $$;
CREATE TRIGGER affaire_inserted AFTER INSERT ON affaire
  FOR EACH STATEMENT EXECUTE FUNCTION affaire_notify_insert();

CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('outbox_changed', '');
  RETURN NULL;
END $$;
CREATE TRIGGER outbox_inserted AFTER INSERT ON notification_outbox
  FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();

-- Roles: three groups for people, two for services; least privilege.
DO $$
DECLARE
  r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['instructeur', 'medecin_conseil', 'superviseur', 'ins_import', 'ins_relay'] LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
      BEGIN
        EXECUTE format('CREATE ROLE %I NOLOGIN', r);
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL;  -- created meanwhile by a migration of another database
      END;
    END IF;
  END LOOP;
END $$;

DO $$
BEGIN
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO instructeur, medecin_conseil, superviseur, ins_import, ins_relay',
                 current_database());
END $$;
GRANT USAGE ON SCHEMA public TO instructeur, medecin_conseil, superviseur, ins_import, ins_relay;

-- Everyone who works affaires reads them.
GRANT SELECT ON organisme, agent, assure, affaire, soins_etranger, oc_beneficiaire,
               blob, attachment, attachment_page, history, avis_medical
  TO instructeur, medecin_conseil, superviseur;
GRANT SELECT (id, affaire_id, kind, state, attempts, created_at, delivered_at, last_error)
  ON notification_outbox TO instructeur, superviseur;

-- Instructeur: claims, decides, tags pages, asks opinions, queues notifications.
GRANT UPDATE (status, assignee_id, lease_until, version, due_at, sla_paused_since,
              decided_at, decided_by, amount_eur_cents, rate, rate_date, rate_source,
              refusal_motif, decision_text, missing_pieces, updated_at, closed_at)
  ON affaire TO instructeur, superviseur;
GRANT INSERT ON history, avis_medical, notification_outbox, blob TO instructeur, superviseur;
GRANT INSERT, UPDATE (rotation, tag) ON attachment_page TO instructeur, superviseur;

-- Superviseur: also moves affaires between organismes and retries notifications.
GRANT UPDATE (organisme_id, priority) ON affaire TO superviseur;
GRANT UPDATE (state, attempts, next_attempt_at, last_error) ON notification_outbox TO superviseur;

-- Médecin-conseil: answers opinions; only this role reads the reasoning.
GRANT UPDATE (answered_by, answered_at, conclusion, conclusion_text) ON avis_medical TO medecin_conseil;
GRANT SELECT, INSERT ON avis_medical_reasoning TO medecin_conseil;
GRANT UPDATE (status, version, due_at, sla_paused_since, assignee_id, lease_until, updated_at)
  ON affaire TO medecin_conseil;
GRANT INSERT ON history TO medecin_conseil;

-- Import service: creates affaires with their pieces and acknowledgements.
GRANT SELECT, INSERT ON organisme, assure, affaire, soins_etranger, oc_beneficiaire,
                       blob, attachment, history, notification_outbox
  TO ins_import;
GRANT UPDATE (nom, prenom, birth_date, address) ON assure TO ins_import;
GRANT SELECT ON agent TO ins_import;

-- Relay service: reads pending notifications and their courriers, records delivery.
GRANT SELECT ON notification_outbox, blob TO ins_relay;
GRANT UPDATE (state, attempts, next_attempt_at, lease_owner, lease_until, last_error, delivered_at)
  ON notification_outbox TO ins_relay;

GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO instructeur, medecin_conseil, superviseur, ins_import;

-- Sessions of people never hold a transaction or a statement for long.
ALTER ROLE instructeur SET statement_timeout = '15s';
ALTER ROLE instructeur SET idle_in_transaction_session_timeout = '30s';
ALTER ROLE medecin_conseil SET statement_timeout = '15s';
ALTER ROLE medecin_conseil SET idle_in_transaction_session_timeout = '30s';
ALTER ROLE superviseur SET statement_timeout = '30s';
ALTER ROLE superviseur SET idle_in_transaction_session_timeout = '30s';

-- Creates an agent's login role in its group with the session limits
-- (role-level settings do not pass from a group to its members).
CREATE FUNCTION ins_create_agent(p_login name, p_display_name text, p_role agent_role,
                                 p_organisme_code text, p_password text DEFAULT NULL)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  v_id integer;
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = p_login) THEN
    IF p_password IS NULL THEN
      EXECUTE format('CREATE ROLE %I LOGIN', p_login);
    ELSE
      EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', p_login, p_password);
    END IF;
  END IF;
  EXECUTE format('GRANT %I TO %I', p_role::text, p_login);
  EXECUTE format('ALTER ROLE %I SET statement_timeout = %L', p_login,
                 CASE WHEN p_role = 'superviseur' THEN '30s' ELSE '15s' END);
  EXECUTE format('ALTER ROLE %I SET idle_in_transaction_session_timeout = %L', p_login, '30s');
  INSERT INTO agent (login, display_name, role, organisme_id)
    SELECT p_login, p_display_name, p_role, o.id FROM organisme o WHERE o.code = p_organisme_code
  ON CONFLICT (login) DO UPDATE SET display_name = EXCLUDED.display_name, role = EXCLUDED.role,
                                    organisme_id = EXCLUDED.organisme_id
  RETURNING id INTO v_id;
  IF v_id IS NULL THEN
    RAISE EXCEPTION 'unknown organisme %', p_organisme_code USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN v_id;
END $$;
REVOKE ALL ON FUNCTION ins_create_agent(name, text, agent_role, text, text) FROM PUBLIC;

-- Queues the notification an affaire owes, in the caller's transaction. The
-- payload is a snapshot of what the insured person is told; at most one row
-- per affaire and kind (a second call returns the existing row's id).
CREATE FUNCTION ins_outbox_enqueue(p_affaire_id bigint, p_kind notification_kind,
                                   p_courrier_sha256 bytea DEFAULT NULL)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  v_id bigint;
  v_payload jsonb;
BEGIN
  SELECT jsonb_build_object(
           'kind', p_kind,
           'affaire', jsonb_build_object('numero', a.numero, 'type', a.kind,
                                         'submission_id', a.submission_id,
                                         'received_at', a.received_at),
           'insured', jsonb_build_object('nir', a.nir, 'nom', a.nom, 'prenom', a.prenom),
           'organisme', jsonb_build_object('code', o.code, 'name', o.name),
           'decision', jsonb_strip_nulls(jsonb_build_object(
                         'amount_eur_cents', a.amount_eur_cents,
                         'amount_minor', a.amount_minor, 'currency', a.currency,
                         'rate', a.rate, 'rate_date', a.rate_date, 'rate_source', a.rate_source,
                         'refusal_motif', a.refusal_motif, 'text', a.decision_text,
                         'missing_pieces', to_jsonb(a.missing_pieces))))
    INTO v_payload
    FROM affaire a JOIN organisme o ON o.id = a.organisme_id
   WHERE a.id = p_affaire_id;
  IF v_payload IS NULL THEN
    RAISE EXCEPTION 'no affaire %', p_affaire_id USING ERRCODE = 'foreign_key_violation';
  END IF;

  INSERT INTO notification_outbox (affaire_id, kind, payload, courrier_sha256)
  VALUES (p_affaire_id, p_kind, v_payload, p_courrier_sha256)
  ON CONFLICT (affaire_id, kind) DO NOTHING
  RETURNING id INTO v_id;
  IF v_id IS NULL THEN
    SELECT id INTO v_id FROM notification_outbox WHERE affaire_id = p_affaire_id AND kind = p_kind;
  END IF;
  RETURN v_id;
END $$;
REVOKE ALL ON FUNCTION ins_outbox_enqueue(bigint, notification_kind, bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ins_outbox_enqueue(bigint, notification_kind, bytea)
  TO instructeur, superviseur, ins_import;
