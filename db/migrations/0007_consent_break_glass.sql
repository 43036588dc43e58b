-- The consent register: every sharing of a dossier with a partner rests on a
-- consent the jobseeker gave (purpose, recipient, scope, date) and can
-- withdraw. And "break the glass": a coordinator's temporary read access to
-- a dossier outside the team, with a reason, flagged in the audit log.
CREATE TABLE consents (
  id @ID@,
  jobseeker_id BIGINT NOT NULL REFERENCES jobseekers(id),
  recipient_id BIGINT NOT NULL REFERENCES users(id),
  purpose TEXT NOT NULL,
  scope TEXT NOT NULL,          -- JSON array of dossier sections
  given_on TEXT NOT NULL,
  withdrawn_on TEXT,
  recorded_by BIGINT REFERENCES users(id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX consents_jobseeker ON consents(jobseeker_id, recipient_id);

CREATE TABLE break_glass (
  id @ID@,
  user_id BIGINT NOT NULL REFERENCES users(id),
  jobseeker_id BIGINT NOT NULL REFERENCES jobseekers(id),
  reason TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX break_glass_user ON break_glass(user_id, jobseeker_id, expires_at);
