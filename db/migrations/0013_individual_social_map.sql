-- The individuele sociale kaart: per welfare domain of one jobseeker, the
-- organisation (and contact person) of the social map, the kind of question
-- and a SMART wording of it (sealed).
CREATE TABLE social_links (
  id @ID@,
  jobseeker_id BIGINT NOT NULL REFERENCES jobseekers(id),
  domain TEXT NOT NULL,
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  contact_id BIGINT REFERENCES organisation_contacts(id),
  question_kind TEXT NOT NULL CHECK (question_kind IN ('advice', 'referral', 'coordination')),
  smart TEXT NOT NULL,
  created_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX social_links_jobseeker ON social_links(jobseeker_id, domain);
