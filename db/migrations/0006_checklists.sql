-- Two more instruments kept in instrument_versions: the outside/inside of
-- poverty checklist (Schema 1) and the problem view next to the strengths
-- view (Schema 2). SQLite cannot change a CHECK constraint, so the table is
-- rebuilt with the same ids.
CREATE TABLE instrument_versions_new (
  id @ID@,
  jobseeker_id BIGINT NOT NULL REFERENCES jobseekers(id),
  instrument TEXT NOT NULL CHECK (instrument IN ('balance', 'ecogram', 'life_events', 'strengths',
                                                 'outside_inside', 'problem_strength')),
  taken_on TEXT NOT NULL,
  document TEXT NOT NULL,
  created_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL
);
INSERT INTO instrument_versions_new (id, jobseeker_id, instrument, taken_on, document, created_by, created_at)
  SELECT id, jobseeker_id, instrument, taken_on, document, created_by, created_at FROM instrument_versions;
DROP TABLE instrument_versions;
ALTER TABLE instrument_versions_new RENAME TO instrument_versions;
CREATE INDEX instrument_versions_jobseeker ON instrument_versions(jobseeker_id, instrument, taken_on);
-- postgres: SELECT setval(pg_get_serial_sequence('instrument_versions', 'id'), COALESCE((SELECT MAX(id) FROM instrument_versions), 0) + 1, false);
