-- 010-agent-relay.sql — the relay inside an agent's application
--
-- Agents' workstations run the notification relay in the application, under
-- the agent's own login: instructeurs and superviseurs may claim and record
-- the delivery of the notifications of their organisme's affaires (the
-- outbox's row policy of 005 keeps them to those). The médecin-conseil
-- queues none and gets nothing here.
GRANT SELECT ON notification_outbox TO instructeur, superviseur;
GRANT UPDATE (state, attempts, next_attempt_at, lease_owner, lease_until, last_error, delivered_at)
  ON notification_outbox TO instructeur, superviseur;
