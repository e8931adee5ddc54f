-- 008-queue-status.sql — the queue's status filter as an index condition
--
-- Equality on an enum (enum_eq) is not leakproof either: under row security
-- a.status = 'en_cours' was only ever a filter, so the index led by
-- (organisme_id, status) served no agent and a rare status read the whole
-- organisme in claim order. status_code is the status's position in the
-- enum — the order of InsStatus in src/core/ins-types.h — and compares with
-- int2eq, which is leakproof.

ALTER TABLE affaire ADD COLUMN status_code smallint GENERATED ALWAYS AS (
  CASE status
    WHEN 'recue' THEN 0
    WHEN 'non_exploitable' THEN 1
    WHEN 'en_cours' THEN 2
    WHEN 'avis_medical_demande' THEN 3
    WHEN 'en_attente_pieces' THEN 4
    WHEN 'acceptee' THEN 5
    WHEN 'refusee' THEN 6
    WHEN 'cloturee' THEN 7
  END) STORED;

DROP INDEX affaire_org_status_order_idx;
CREATE INDEX affaire_org_status_order_idx ON affaire (organisme_id, status_code, queue_rank, received_at, id);
