-- 007-queue-keyset.sql — claim order as a plain column; fewer indexes to maintain
--
-- Under row security the planner only puts leakproof conditions into an
-- index scan. The keyset of 002, ((-priority), received_at, id) > (…), uses
-- unary minus on smallint, which is not leakproof (it can overflow): a deep
-- page read the organisme's index from its start and filtered 300,000 rows
-- to return 50. Keeping the negated priority in a stored column makes the
-- row comparison a plain one, an index condition in both directions.

ALTER TABLE affaire ADD COLUMN queue_rank smallint GENERATED ALWAYS AS (-priority) STORED;

-- Every agent query carries the policy's organisme_id = ins_current_organisme_id()
-- as its leading index condition, so indexes that do not start with the
-- organisme serve no agent; the queue's search folds case with ins_fold(),
-- never lower(). Each index dropped is one write less on every claim (a claim
-- changes status and assignee_id, both indexed, so it can never be a HOT update
-- and inserts into every index of the table).
DROP INDEX affaire_order_idx;
DROP INDEX affaire_status_order_idx;
DROP INDEX affaire_received_idx;
DROP INDEX affaire_due_idx;
DROP INDEX affaire_nom_idx;
DROP INDEX affaire_org_order_idx;
DROP INDEX affaire_org_status_order_idx;
DROP INDEX affaire_assignee_idx;

CREATE INDEX affaire_org_order_idx ON affaire (organisme_id, queue_rank, received_at, id);
CREATE INDEX affaire_org_status_order_idx ON affaire (organisme_id, status, queue_rank, received_at, id);
CREATE INDEX affaire_assignee_idx ON affaire (assignee_id, queue_rank, received_at, id)
  WHERE assignee_id IS NOT NULL;

-- One index for numéro's uniqueness and its prefix search (text_pattern_ops
-- compares bytes, so its equality is text equality).
CREATE UNIQUE INDEX affaire_numero_pattern_key ON affaire (numero text_pattern_ops);
ALTER TABLE affaire DROP CONSTRAINT affaire_numero_key;
DROP INDEX affaire_numero_prefix_idx;
