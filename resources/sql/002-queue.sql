-- 002-queue.sql — what the repository needs beyond the first schema
--
-- Keyset pagination in claim order (priority DESC, received_at, id) compares
-- rows as ((-priority), received_at, id) > (…), which an index on that
-- expression serves in both directions; the filters the queue uses most
-- (organisme, status) lead the composite indexes. Searches fold case and
-- French accents with ins_fold(), immutable so it can be indexed.

CREATE FUNCTION ins_fold(p text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT translate(lower(p),
                   'àâäáãåçéèêëíìîïñóòôöõúùûüýÿÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝŸ',
                   'aaaaaaceeeeiiiinooooouuuuyyaaaaaaceeeeiiiinooooouuuuyy')
$$;

DROP INDEX affaire_priority_idx;
DROP INDEX affaire_status_idx;
CREATE INDEX affaire_order_idx ON affaire ((-priority), received_at, id);
CREATE INDEX affaire_status_order_idx ON affaire (status, (-priority), received_at, id);
CREATE INDEX affaire_org_order_idx ON affaire (organisme_id, (-priority), received_at, id);
CREATE INDEX affaire_org_received_idx ON affaire (organisme_id, received_at, id);
CREATE INDEX affaire_org_due_idx ON affaire (organisme_id, due_at, id);
CREATE INDEX affaire_org_status_order_idx ON affaire (organisme_id, status, (-priority), received_at, id);

CREATE INDEX affaire_numero_prefix_idx ON affaire (numero text_pattern_ops);
CREATE INDEX affaire_name_fold_idx ON affaire (ins_fold(nom || ' ' || prenom) text_pattern_ops);
CREATE INDEX affaire_beneficiaire_fold_idx ON affaire (ins_fold(beneficiaire) text_pattern_ops);

-- A refusal's courrier is written when the agent refuses and sent when the
-- affaire is closed; it waits here in between.
ALTER TABLE affaire ADD COLUMN courrier_sha256 bytea REFERENCES blob;
GRANT UPDATE (non_exploitable_reason, courrier_sha256) ON affaire TO instructeur, superviseur;

-- Renewing a lease is not news: listeners hear only of changes the queue shows.
DROP TRIGGER affaire_changed ON affaire;
CREATE TRIGGER affaire_changed AFTER UPDATE ON affaire
  FOR EACH ROW
  WHEN (OLD.version IS DISTINCT FROM NEW.version
        OR OLD.status IS DISTINCT FROM NEW.status
        OR OLD.assignee_id IS DISTINCT FROM NEW.assignee_id
        OR OLD.organisme_id IS DISTINCT FROM NEW.organisme_id
        OR OLD.priority IS DISTINCT FROM NEW.priority)
  EXECUTE FUNCTION affaire_notify_change();

-- Reading blob goes through its row policy, which looks at the courrier
-- column of the outbox with the reader's own privileges.
GRANT SELECT (courrier_sha256) ON notification_outbox TO instructeur, superviseur;
GRANT SELECT (affaire_id, courrier_sha256) ON notification_outbox TO medecin_conseil;
