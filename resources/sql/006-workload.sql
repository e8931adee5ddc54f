-- 006-workload.sql — indexes for the supervisor dashboard (issue 6)
--
-- The dashboard reads one organisme's figures under row security, whose
-- qual (organisme_id = ins_current_organisme_id()) becomes the leading index
-- condition here, evaluated once instead of once per row. The indexes are
-- partial: open affaires are a fraction of the table, closes a fraction of
-- the history.

-- Open affaires by age: the backlog (index only, with kind and status) and
-- the oldest ones.
CREATE INDEX affaire_open_received_idx ON affaire (organisme_id, received_at, id)
  INCLUDE (kind, status) WHERE status <> 'cloturee';

-- Running clocks by due date: SLA breaches (paused time is already in due_at).
CREATE INDEX affaire_running_due_idx ON affaire (organisme_id, due_at, id)
  INCLUDE (kind) WHERE status <> 'cloturee' AND sla_paused_since IS NULL;

-- Claims by last activity: the untouched ones (counted from the index alone).
CREATE INDEX affaire_claimed_activity_idx ON affaire (organisme_id, updated_at, id)
  INCLUDE (lease_until, assignee_id) WHERE status = 'en_cours';

CREATE INDEX affaire_non_exploitable_idx ON affaire (organisme_id, received_at, id)
  WHERE status = 'non_exploitable';

-- Closes by time: throughput per agent and day.
CREATE INDEX history_close_at_idx ON history (at)
  INCLUDE (agent_id, affaire_id) WHERE action = 'close';


-- Closes per agent and day for the caller's organisme. Under row security
-- every history row would be checked against its affaire with a function
-- call per row (the policy of history): 94,000 closes took seconds. This
-- function reads as the owner, restricted to what the policy lets a
-- superviseur see — the affaires of their organisme — with the organisme
-- resolved once. The affaires closed in the period (closing sets closed_at
-- in the transaction that writes the close; a day of margin) are hashed
-- against the closes of the period: a close leaves its affaire clôturée for
-- good, and a decided affaire is never transferred.
CREATE INDEX affaire_closed_at_idx ON affaire (organisme_id, closed_at)
  INCLUDE (id) WHERE status = 'cloturee';

CREATE FUNCTION ins_workload_closes(p_days integer)
RETURNS TABLE (agent_id integer, day date, closes bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_agent agent;
  v_since timestamptz := (current_date - (p_days - 1))::timestamptz;
BEGIN
  SELECT * INTO v_agent FROM agent WHERE login = session_user AND active;
  IF v_agent.id IS NULL OR v_agent.role <> 'superviseur' THEN
    RAISE EXCEPTION 'only a superviseur reads the throughput' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN QUERY
    SELECT h.agent_id, h.at::date, count(*)
      FROM history h
     WHERE h.action = 'close' AND h.agent_id IS NOT NULL
       AND h.at >= v_since
       AND h.affaire_id IN (SELECT a.id FROM affaire a
                             WHERE a.organisme_id = v_agent.organisme_id AND a.status = 'cloturee'
                               AND a.closed_at >= v_since - interval '1 day')
     GROUP BY 1, 2;
END $$;
REVOKE ALL ON FUNCTION ins_workload_closes(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ins_workload_closes(integer) TO superviseur;
