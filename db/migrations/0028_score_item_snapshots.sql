-- The item set a score table was scored with is stored once per dossier and
-- shared by the tables scored with it. It used to be copied, sealed, into
-- every table: 2.2 KB a table, half the database at 100k jobseekers.
-- Existing tables each get their own snapshot here (sealed values cannot be
-- compared in SQL); the data step after this migration merges a dossier's
-- identical ones (store/data_steps.h). New tables reuse the dossier's latest
-- snapshot when the item set is unchanged.
CREATE TABLE score_item_snapshots (
  id @ID@,
  jobseeker_id BIGINT NOT NULL REFERENCES jobseekers(id),
  items TEXT NOT NULL         -- JSON [{code, side, label}] (sealed)
);
CREATE INDEX score_item_snapshots_jobseeker ON score_item_snapshots(jobseeker_id, id);

ALTER TABLE score_tables ADD COLUMN item_snapshot_id BIGINT REFERENCES score_item_snapshots(id);
INSERT INTO score_item_snapshots (id, jobseeker_id, items) SELECT id, jobseeker_id, items FROM score_tables;
-- postgres: SELECT setval(pg_get_serial_sequence('score_item_snapshots', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM score_item_snapshots), false);
UPDATE score_tables SET item_snapshot_id = id;
ALTER TABLE score_tables DROP COLUMN items;
-- Deleting a snapshot (erasure, merging) looks for tables still using it.
CREATE INDEX score_tables_item_snapshot ON score_tables(item_snapshot_id);
