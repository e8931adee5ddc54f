-- 011-claim-path.sql — claims announced a few times a second, not once each
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
CREATE TRIGGER affaire_claimed AFTER UPDATE ON affaire
  FOR EACH ROW
  WHEN (OLD.status = 'recue' AND NEW.status = 'en_cours')
  EXECUTE FUNCTION affaire_notify_claim();
