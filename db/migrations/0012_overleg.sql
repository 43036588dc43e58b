-- The W²-overleg (case conference across services) of a dossier: its status,
-- dates, and the whole request, consent, participants and report as one
-- sealed document (it falls under professional secrecy).
CREATE TABLE overlegs (
  id @ID@,
  jobseeker_id BIGINT NOT NULL REFERENCES jobseekers(id),
  version BIGINT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('requested', 'planned', 'held', 'cancelled')),
  planned_on TEXT,
  document TEXT NOT NULL,
  created_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX overlegs_jobseeker ON overlegs(jobseeker_id, id);
