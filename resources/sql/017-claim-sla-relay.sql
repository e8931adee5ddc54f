-- 017-claim-sla-relay.sql — a cheaper claim, the SLA count off closed affaires, the relay held to its job

-- The connected agent, looked up by every row policy. As SQL functions
-- (not inlinable: they read a table) their statement was parsed and planned
-- again at each call, several times per claim; PL/pgSQL keeps the plan for
-- the session.
CREATE OR REPLACE FUNCTION ins_current_agent_id() RETURNS integer
  LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (SELECT id FROM agent WHERE login = current_user AND active);
END $$;
CREATE OR REPLACE FUNCTION ins_current_organisme_id() RETURNS smallint
  LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (SELECT organisme_id FROM agent WHERE login = current_user AND active);
END $$;
CREATE OR REPLACE FUNCTION ins_current_role() RETURNS agent_role
  LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (SELECT role FROM agent WHERE login = current_user AND active);
END $$;

-- Claim-next with the owner's rights: the agent is looked up once and the
-- organisme rule applied in the statement, instead of row security
-- evaluating the agent's policies on the select, the update (twice) and the
-- history row (whose policy reads the affaire again). The rules are those
-- of the policies: an active instructeur or superviseur claims for
-- themselves, within their organisme. As in ins_workload_closes() (006),
-- the caller is the session's login.
CREATE OR REPLACE FUNCTION ins_claim_next(p_agent integer, p_organisme integer, p_lease integer)
RETURNS TABLE (id bigint, version integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
DECLARE
  v_agent integer;
  v_organisme smallint;
BEGIN
  SELECT g.id, g.organisme_id INTO v_agent, v_organisme
    FROM agent g
   WHERE g.login = session_user AND g.active AND g.role IN ('instructeur', 'superviseur');
  IF v_agent IS NULL OR p_agent IS DISTINCT FROM v_agent THEN
    RAISE EXCEPTION 'an agent claims only for themselves' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_organisme IS DISTINCT FROM v_organisme THEN
    RETURN;   -- another organisme's queue: nothing the agent may see
  END IF;
  RETURN QUERY
  WITH next AS (
    SELECT id FROM affaire
     WHERE organisme_id = v_organisme AND status = 'recue'
     ORDER BY priority DESC, received_at, id
     LIMIT 1 FOR UPDATE SKIP LOCKED),
  claimed AS (
    UPDATE affaire a SET status = 'en_cours', assignee_id = v_agent,
           lease_until = now() + make_interval(secs => p_lease), version = a.version + 1,
           updated_at = now()
      FROM next WHERE a.id = next.id
    RETURNING a.id, a.version),
  logged AS (
    INSERT INTO history (affaire_id, agent_id, action, from_status, to_status)
    SELECT id, v_agent, 'claim', 'recue', 'en_cours' FROM claimed)
  SELECT id, version FROM claimed;
END $$;
REVOKE ALL ON FUNCTION ins_claim_next(integer, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ins_claim_next(integer, integer, integer) TO instructeur, superviseur;

-- Every action appends a history row; no statement reads history by agent
-- (the dashboard's throughput reads closes through history_close_at_idx).
DROP INDEX history_agent_at_idx;

-- The dashboard's SLA breach count read every past-due entry of the
-- organisme in affaire_org_due_idx, closed affaires included (015). Open
-- affaires now come from two indexes a claim leaves as they are: the
-- unclaimed ones from a partial index whose predicate a claimed row does not
-- match (a claim writes no entry there), the claimed ones from the claims'
-- own index (which a claim writes anyway), now carrying their due date.
CREATE INDEX affaire_running_due_idx ON affaire (organisme_id, due_at) INCLUDE (kind)
  WHERE status <> 'cloturee' AND status <> 'en_cours' AND sla_paused_since IS NULL;
DROP INDEX affaire_claimed_activity_idx;
CREATE INDEX affaire_claimed_activity_idx ON affaire (organisme_id, updated_at, id)
  INCLUDE (lease_until, assignee_id, due_at, kind, sla_paused_since) WHERE status = 'en_cours';

-- The relay, in an agent's application (010) or as the ins_relay service,
-- holds column grants on the outbox: by themselves they let it mark any
-- notification delivered without having claimed it, reset its attempts or
-- put it off for ever. The rows may now change only the way the relay's
-- statements (ins-outbox-store.c) change them: claim a due row for a
-- bounded lease, record the outcome of a row it holds under its own login
-- (delivered, retry later, failed, given back), and, for a superviseur or
-- the relay service, send a failed one again.
ALTER TABLE notification_outbox ADD COLUMN lease_login name;

CREATE FUNCTION ins_outbox_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_now timestamptz := now();
  v_held boolean;
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
     OR NOT (pg_has_role(current_user, 'instructeur', 'MEMBER')
             OR pg_has_role(current_user, 'superviseur', 'MEMBER')
             OR pg_has_role(current_user, 'ins_relay', 'MEMBER')) THEN
    RETURN NEW;
  END IF;
  IF OLD.state = 'pending' AND OLD.next_attempt_at <= v_now THEN
    -- Claim of a due row, or parking it when its attempts are used up.
    IF NEW.state = 'pending' AND NEW.attempts = OLD.attempts + 1 AND NEW.lease_owner IS NOT NULL
       AND NEW.lease_until > v_now AND NEW.lease_until <= v_now + interval '1 day'
       AND NEW.next_attempt_at = NEW.lease_until AND NEW.delivered_at IS NULL THEN
      NEW.lease_login := current_user;
      RETURN NEW;
    END IF;
    IF NEW.state = 'failed' AND OLD.attempts > 0 AND NEW.attempts = OLD.attempts
       AND NEW.lease_owner IS NULL AND NEW.lease_until IS NULL
       AND NEW.next_attempt_at = OLD.next_attempt_at AND NEW.delivered_at IS NULL THEN
      NEW.lease_login := NULL;
      RETURN NEW;
    END IF;
  END IF;

  v_held := OLD.state = 'pending' AND OLD.lease_owner IS NOT NULL AND OLD.lease_login = current_user;
  IF v_held AND NEW.lease_until IS NULL THEN
    IF (NEW.state = 'delivered' AND NEW.delivered_at = v_now AND NEW.attempts = OLD.attempts
        AND NEW.next_attempt_at = OLD.next_attempt_at AND NEW.lease_owner = OLD.lease_owner)
       OR (NEW.state = 'pending' AND NEW.lease_owner IS NULL AND NEW.attempts = OLD.attempts
           AND NEW.next_attempt_at BETWEEN v_now AND v_now + interval '1 day' AND NEW.delivered_at IS NULL)
       OR (NEW.state = 'failed' AND NEW.lease_owner IS NULL AND NEW.attempts = OLD.attempts
           AND NEW.next_attempt_at = OLD.next_attempt_at AND NEW.delivered_at IS NULL)
       OR (NEW.state = 'pending' AND NEW.lease_owner IS NULL AND NEW.attempts = OLD.attempts - 1
           AND NEW.next_attempt_at = v_now AND NEW.delivered_at IS NULL) THEN
      NEW.lease_login := NULL;
      RETURN NEW;
    END IF;
  END IF;

  IF OLD.state = 'failed' AND NEW.state = 'pending' AND NEW.attempts = 0 AND NEW.next_attempt_at = v_now
     AND NEW.last_error IS NULL AND NEW.lease_owner IS NOT DISTINCT FROM OLD.lease_owner
     AND NEW.lease_until IS NOT DISTINCT FROM OLD.lease_until AND NEW.delivered_at IS NULL
     AND (pg_has_role(current_user, 'superviseur', 'MEMBER') OR pg_has_role(current_user, 'ins_relay', 'MEMBER')) THEN
    RETURN NEW;
  END IF;

  RAISE EXCEPTION 'notification %: not a change its relay makes', OLD.id
    USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER notification_outbox_guard BEFORE UPDATE ON notification_outbox
  FOR EACH ROW EXECUTE FUNCTION ins_outbox_guard();
