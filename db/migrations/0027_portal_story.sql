-- Mijn traject: the parts of the jobseeker's story (instruments) the coach
-- opened for the jobseeker to add to from their phone. A row is an opening;
-- closing removes it.
CREATE TABLE portal_openings (
  jobseeker_id BIGINT NOT NULL REFERENCES jobseekers(id),
  instrument TEXT NOT NULL CHECK (instrument IN ('life_events', 'balance', 'strengths')),
  opened_by BIGINT NOT NULL REFERENCES users(id),
  opened_at TEXT NOT NULL,
  PRIMARY KEY (jobseeker_id, instrument)
);
