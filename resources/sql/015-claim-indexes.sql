-- 015-claim-indexes.sql — fewer index entries per claim; the claimer is the caller
--
-- A claim changes indexed columns (status, assignee), so it is never a HOT
-- update: its new row version gets an entry in every index of affaire whose
-- predicate it matches, each a leaf page to find, lock and dirty: 20 of the
-- 23 indexes before this migration, 13 of the 16 after it. This drops the
-- indexes no statement can use and merges the ones that overlap.
--
-- Search (ins-queue-store.c) compares nir and numero with LIKE and names
-- through ins_fold(): neither is leakproof, so under the row security every
-- agent connects with they stay a filter and never reach an index condition
-- (EXPLAIN as an instructeur: the search walks the sort's index within the
-- organisme). Their indexes only cost writes; numéro's stays, as its
-- uniqueness.
DROP INDEX affaire_nir_idx;
DROP INDEX affaire_name_fold_idx;
DROP INDEX affaire_beneficiaire_fold_idx;

-- No statement looks affaires up by assuré; the foreign key would use it only
-- to delete an assuré, which nothing does.
DROP INDEX affaire_assure_idx;

-- The age sort (organisme_id, received_at, id) and the dashboard's open
-- affaires by age (006, the same keys restricted to open ones, with kind and
-- status for an index-only backlog): one index serves both; the dashboard
-- skips the closed affaires inside the index.
DROP INDEX affaire_open_received_idx;
DROP INDEX affaire_org_received_idx;
CREATE INDEX affaire_org_received_idx ON affaire (organisme_id, received_at, id)
  INCLUDE (kind, status, status_code);

-- The same for the due-date sort and the dashboard's SLA breaches (006: open
-- affaires whose clock runs); the breach count stays an index-only scan.
DROP INDEX affaire_running_due_idx;
DROP INDEX affaire_org_due_idx;
CREATE INDEX affaire_org_due_idx ON affaire (organisme_id, due_at, id)
  INCLUDE (kind, status, sla_paused_since, status_code);

-- A jump far into the queue (ins_queue_store_page_at) first finds the row it
-- lands on reading only the sort's keys; with status_code in the sorts'
-- indexes, the default queue (some statuses, by priority) finds it from the
-- index alone instead of reading every row it skips from the table.
CREATE INDEX affaire_org_order_include_idx ON affaire (organisme_id, queue_rank, received_at, id)
  INCLUDE (status_code);
DROP INDEX affaire_org_order_idx;
ALTER INDEX affaire_org_order_include_idx RENAME TO affaire_org_order_idx;

-- The submission id is written once, at import, and read only to refuse a
-- submission imported twice: its unique index moves to a side table kept by
-- a trigger. A second row with the same submission id is skipped, as the
-- import's ON CONFLICT DO NOTHING did; the import looks the id up here.
-- The trigger writes the side row before the affaire's own: its reference
-- is checked at commit.
CREATE TABLE affaire_submission (
  submission_id text PRIMARY KEY,
  affaire_id    bigint NOT NULL REFERENCES affaire ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX affaire_submission_affaire_idx ON affaire_submission (affaire_id);
INSERT INTO affaire_submission (submission_id, affaire_id) SELECT submission_id, id FROM affaire;
ALTER TABLE affaire DROP CONSTRAINT affaire_submission_id_key;
GRANT SELECT ON affaire_submission TO ins_import;

CREATE FUNCTION ins_affaire_submission() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO affaire_submission (submission_id, affaire_id) VALUES (NEW.submission_id, NEW.id)
    ON CONFLICT (submission_id) DO NOTHING;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION ins_affaire_submission() FROM PUBLIC;
CREATE TRIGGER affaire_submission BEFORE INSERT ON affaire
  FOR EACH ROW EXECUTE FUNCTION ins_affaire_submission();
CREATE FUNCTION ins_affaire_submission_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the submission id of an affaire does not change' USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER affaire_submission_fixed BEFORE UPDATE OF submission_id ON affaire
  FOR EACH ROW WHEN (OLD.submission_id IS DISTINCT FROM NEW.submission_id)
  EXECUTE FUNCTION ins_affaire_submission_fixed();

-- The claimer is the connected agent: a client no longer names who claims.
CREATE OR REPLACE FUNCTION ins_claim_next(p_agent integer, p_organisme integer, p_lease integer)
RETURNS TABLE (id bigint, version integer) LANGUAGE plpgsql AS $$
#variable_conflict use_column
BEGIN
  IF p_agent IS DISTINCT FROM ins_current_agent_id() THEN
    RAISE EXCEPTION 'an agent claims only for themselves' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN QUERY
  WITH next AS (
    SELECT id FROM affaire
     WHERE organisme_id = p_organisme::smallint AND status = 'recue'
     ORDER BY priority DESC, received_at, id
     LIMIT 1 FOR UPDATE SKIP LOCKED),
  claimed AS (
    UPDATE affaire a SET status = 'en_cours', assignee_id = p_agent,
           lease_until = now() + make_interval(secs => p_lease), version = a.version + 1,
           updated_at = now()
      FROM next WHERE a.id = next.id
    RETURNING a.id, a.version),
  logged AS (
    INSERT INTO history (affaire_id, agent_id, action, from_status, to_status)
    SELECT id, p_agent, 'claim', 'recue', 'en_cours' FROM claimed)
  SELECT id, version FROM claimed;
END $$;
