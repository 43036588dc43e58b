-- The toeleider role (outreach workers of partner organisations). SQLite
-- cannot alter a CHECK constraint, so its stored table definition is edited
-- in place (the procedure of sqlite.org/lang_altertable.html for constraint
-- changes). RESET reloads the schema on this connection; creating and
-- dropping a table bumps the schema cookie so every other open connection
-- reloads it too.
-- postgres: ALTER TABLE users DROP CONSTRAINT users_role_check;
-- postgres: ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('coach', 'coordinator', 'partner', 'analyst', 'admin', 'toeleider'));
-- sqlite: PRAGMA writable_schema = ON;
-- sqlite: UPDATE sqlite_master SET sql = replace(sql, '''analyst'', ''admin'')', '''analyst'', ''admin'', ''toeleider'')') WHERE type = 'table' AND name = 'users';
-- sqlite: PRAGMA writable_schema = RESET;
-- sqlite: PRAGMA writable_schema = OFF;
-- sqlite: CREATE TABLE schema_cookie_bump (x INTEGER);
-- sqlite: DROP TABLE schema_cookie_bump;

-- Outreach (issue 7): the people toeleiders meet before they reach any
-- service, their log of contacts, phase moves, segment decisions and
-- consents, and the warm handovers into a team's referral list. The person's
-- name or pseudonym, the registration consent and the notes are sealed in
-- `content`; the codes the network view counts (phase, segment, channel,
-- find place, region) are in the clear and identify no one on their own.
-- `jobseeker_id` is set only by a consented handover.
CREATE TABLE outreach_people (
  id @ID@,
  toeleider_id BIGINT NOT NULL REFERENCES users(id),
  organisation_id BIGINT REFERENCES organisations(id),
  phase TEXT NOT NULL,
  segment INTEGER,
  segment_on TEXT NOT NULL DEFAULT '',
  channel TEXT NOT NULL,
  find_place TEXT NOT NULL DEFAULT '',
  referred_by TEXT NOT NULL DEFAULT '',
  region TEXT NOT NULL DEFAULT '',
  first_contact_on TEXT NOT NULL,
  jobseeker_id BIGINT REFERENCES jobseekers(id),
  history_shared_on TEXT NOT NULL DEFAULT '',
  version BIGINT NOT NULL,
  content TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX outreach_people_organisation ON outreach_people(organisation_id, phase);
CREATE INDEX outreach_people_toeleider ON outreach_people(toeleider_id);
CREATE INDEX outreach_people_jobseeker ON outreach_people(jobseeker_id);

-- Append-only: contact | phase | segment | handover | history_consent.
CREATE TABLE outreach_events (
  id @ID@,
  person_id BIGINT NOT NULL REFERENCES outreach_people(id),
  kind TEXT NOT NULL,
  occurred_on TEXT NOT NULL,
  content TEXT NOT NULL,
  created_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX outreach_events_person ON outreach_events(person_id, id);

-- One row per warm handover, for the network view: from which service to
-- which team, when, and which context conditions were still open (codes).
CREATE TABLE handovers (
  id @ID@,
  person_id BIGINT NOT NULL REFERENCES outreach_people(id),
  from_organisation_id BIGINT REFERENCES organisations(id),
  to_team_id BIGINT NOT NULL REFERENCES teams(id),
  jobseeker_id BIGINT NOT NULL REFERENCES jobseekers(id),
  region TEXT NOT NULL,
  segment INTEGER,
  first_contact_on TEXT NOT NULL,
  handed_over_on TEXT NOT NULL,
  joint_date TEXT NOT NULL,
  toeleider_attends TEXT NOT NULL,
  open_conditions TEXT NOT NULL
);
CREATE INDEX handovers_team ON handovers(to_team_id, handed_over_on);
