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

-- Claims by last activity: the untouched ones.
CREATE INDEX affaire_claimed_activity_idx ON affaire (organisme_id, updated_at, id)
  WHERE status = 'en_cours';

CREATE INDEX affaire_non_exploitable_idx ON affaire (organisme_id, received_at, id)
  WHERE status = 'non_exploitable';

-- Closes by time: throughput per agent and day.
CREATE INDEX history_close_at_idx ON history (at)
  INCLUDE (agent_id, affaire_id) WHERE action = 'close';
