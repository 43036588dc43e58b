-- Goals and their actions, follow-up meetings, and the trajectory agreement
-- (trajectovereenkomst) in versions. Text in the jobseeker's words is sealed.
-- A partner-owned action names an organisation of the social map
-- (checked by the goal service).
CREATE TABLE goals (
  id @ID@,
  jobseeker_id BIGINT NOT NULL REFERENCES jobseekers(id),
  version BIGINT NOT NULL,
  text TEXT NOT NULL,
  track TEXT NOT NULL CHECK (track IN ('welfare', 'work')),
  domain TEXT NOT NULL,
  horizon TEXT NOT NULL CHECK (horizon IN ('short', 'long')),
  features TEXT NOT NULL,   -- JSON array of the well-formed-goal features ticked
  status TEXT NOT NULL CHECK (status IN ('open', 'reached', 'dropped')),
  created_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX goals_jobseeker ON goals(jobseeker_id, id);

CREATE TABLE goal_actions (
  id @ID@,
  goal_id BIGINT NOT NULL REFERENCES goals(id),
  jobseeker_id BIGINT NOT NULL REFERENCES jobseekers(id),
  version BIGINT NOT NULL,
  text TEXT NOT NULL,
  owner TEXT NOT NULL CHECK (owner IN ('jobseeker', 'coach', 'partner')),
  organisation_id BIGINT,
  due_on TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('todo', 'doing', 'done', 'dropped')),
  created_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX goal_actions_jobseeker ON goal_actions(jobseeker_id, goal_id);
CREATE INDEX goal_actions_organisation ON goal_actions(organisation_id);

CREATE TABLE followups (
  id @ID@,
  jobseeker_id BIGINT NOT NULL REFERENCES jobseekers(id),
  held_on TEXT NOT NULL,
  improved TEXT NOT NULL,        -- the first entry: "wat is er verbeterd?"
  actions_review TEXT NOT NULL,
  created_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX followups_jobseeker ON followups(jobseeker_id, held_on);

CREATE TABLE agreements (
  id @ID@,
  jobseeker_id BIGINT NOT NULL REFERENCES jobseekers(id),
  version BIGINT NOT NULL,
  content TEXT NOT NULL,         -- JSON: goals (copied), phasing, followup, evaluation_on, occupations
  signed_on TEXT,
  signed_by BIGINT REFERENCES users(id),
  signed_at TEXT,
  created_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL,
  UNIQUE (jobseeker_id, version)
);
