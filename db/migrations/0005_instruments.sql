-- Dated versions of the instruments filled in with the jobseeker: the
-- draaglast-draagkracht balance, the ecogram, the life-event line and the
-- strengths. Each version is a whole document (sealed: it is in the
-- jobseeker's words).
CREATE TABLE instrument_versions (
  id @ID@,
  jobseeker_id BIGINT NOT NULL REFERENCES jobseekers(id),
  instrument TEXT NOT NULL CHECK (instrument IN ('balance', 'ecogram', 'life_events', 'strengths')),
  taken_on TEXT NOT NULL,
  document TEXT NOT NULL,
  created_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX instrument_versions_jobseeker ON instrument_versions(jobseeker_id, instrument, taken_on);
