-- 009-affaire-vacuum.sql — claimed rows leave the claimable index sooner
--
-- A claim is never a HOT update, so the claimed row's entry stays in the
-- partial index of claimable rows, dead, until vacuum; every later claim
-- steps over all of them from the head of the index (after 55,000 claims:
-- 331 buffers to find one row; 63 after a VACUUM of 1.6 s). The default
-- waits for 20 % of the table (200,000 updates on 1,000,000 affaires):
-- vacuum after a fixed number of dead rows instead, bounded in practice by
-- autovacuum_naptime.
ALTER TABLE affaire SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000);
