-- The W² score table: each jobseeker's item set (default, or customised)
-- and every dated snapshot. A snapshot keeps the item set it was scored
-- with, so old snapshots keep their labels after the set changes.
CREATE TABLE score_item_sets (
  jobseeker_id BIGINT PRIMARY KEY REFERENCES jobseekers(id),
  version BIGINT NOT NULL,
  items TEXT NOT NULL,        -- JSON [{code, side, label}] (sealed: labels may be in the jobseeker's words)
  updated_at TEXT NOT NULL
);

CREATE TABLE score_tables (
  id @ID@,
  jobseeker_id BIGINT NOT NULL REFERENCES jobseekers(id),
  taken_on TEXT NOT NULL,
  scorer TEXT NOT NULL CHECK (scorer IN ('jobseeker', 'coach')),
  items TEXT NOT NULL,        -- the item set scored (sealed)
  scores TEXT NOT NULL,       -- JSON {code: {start, now, future}}
  created_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX score_tables_jobseeker ON score_tables(jobseeker_id, taken_on);
