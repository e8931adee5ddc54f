-- 011-claim-path.sql — claims announced a few times a second, claim-next planned once
--
-- A transaction that calls pg_notify takes a database-wide lock from its
-- pre-commit to its end: with one notification per claim, 50 claimers
-- committed one at a time (90 % of them waiting on Lock:object). A claim
-- (recue → en_cours) now notifies `affaire_claimed` only when no claim has
-- been announced in the current quarter of a second; the listeners reload
-- once more a moment after each of these hints (InsStore), which covers the
-- claims committed in between without a notification of their own. Every
-- other change still notifies `affaire_changed` with its id.
--
-- The last announced quarter lives in a sequence: reading and setting one
-- is not transactional and takes no lock a claimer would wait on. Two
-- claimers may both announce the same quarter; that costs one notification.

CREATE SEQUENCE affaire_claim_announced;

CREATE FUNCTION affaire_notify_claim() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_quarter bigint := floor(extract(epoch FROM clock_timestamp()) * 4);
BEGIN
  IF (SELECT last_value FROM affaire_claim_announced) < v_quarter THEN
    PERFORM setval('affaire_claim_announced', v_quarter);
    PERFORM pg_notify('affaire_claimed', NEW.id::text);
  END IF;
  RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION affaire_notify_claim() FROM PUBLIC;

DROP TRIGGER affaire_changed ON affaire;
CREATE TRIGGER affaire_changed AFTER UPDATE ON affaire
  FOR EACH ROW
  WHEN ((OLD.version IS DISTINCT FROM NEW.version
         OR OLD.status IS DISTINCT FROM NEW.status
         OR OLD.assignee_id IS DISTINCT FROM NEW.assignee_id
         OR OLD.organisme_id IS DISTINCT FROM NEW.organisme_id
         OR OLD.priority IS DISTINCT FROM NEW.priority)
        AND NOT (OLD.status = 'recue' AND NEW.status = 'en_cours'))
  EXECUTE FUNCTION affaire_notify_change();
-- Deferred to the commit: a claim that stays silent because its quarter was
-- announced commits right after deciding so, well within the listeners'
-- second reload, even when its transaction holds other statements.
CREATE CONSTRAINT TRIGGER affaire_claimed AFTER UPDATE ON affaire
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW
  WHEN (OLD.status = 'recue' AND NEW.status = 'en_cours')
  EXECUTE FUNCTION affaire_notify_claim();

-- Claim-next as a function: PL/pgSQL plans its statement once per session
-- instead of once per claim. Planning it under row security, with the 18
-- indexes of affaire to consider, cost more than running it: one session on
-- the 1M database claimed every 8.5 ms with the statement, 3.5 ms with the
-- function. Claim order on the partial index of claimable rows; SKIP LOCKED
-- lets concurrent agents each take a different row without waiting. Runs
-- with the caller's rights, so row security applies as before.
CREATE FUNCTION ins_claim_next(p_agent integer, p_organisme integer, p_lease integer)
RETURNS TABLE (id bigint, version integer) LANGUAGE plpgsql AS $$
#variable_conflict use_column
BEGIN
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
REVOKE ALL ON FUNCTION ins_claim_next(integer, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ins_claim_next(integer, integer, integer) TO instructeur, superviseur;
