-- The person's voice (issue 7): feedback on a contact ("Hoe was dit contact
-- voor jou?", one per contact, the text sealed) and requests for another
-- counsellor, tracked until a coordinator of the team answers with a reason.
CREATE TABLE contact_feedback (
  id @ID@,
  jobseeker_id BIGINT NOT NULL REFERENCES jobseekers(id),
  contact_id BIGINT NOT NULL UNIQUE REFERENCES contacts(id),
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
  text TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('handed_screen', 'told_coach', 'portal')),
  recorded_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX contact_feedback_jobseeker ON contact_feedback(jobseeker_id, contact_id);

CREATE TABLE counsellor_requests (
  id @ID@,
  jobseeker_id BIGINT NOT NULL REFERENCES jobseekers(id),
  team_id BIGINT REFERENCES teams(id),
  version BIGINT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'granted', 'refused')),
  reason TEXT NOT NULL,
  requested_on TEXT NOT NULL,
  from_coach_id BIGINT REFERENCES users(id),
  recorded_by BIGINT REFERENCES users(id),
  answer_reason TEXT NOT NULL DEFAULT '',
  new_coach_id BIGINT REFERENCES users(id),
  answered_by BIGINT REFERENCES users(id),
  answered_on TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX counsellor_requests_jobseeker ON counsellor_requests(jobseeker_id, id);
CREATE INDEX counsellor_requests_queue ON counsellor_requests(team_id, status, id);
