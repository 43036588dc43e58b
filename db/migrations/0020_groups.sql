-- Groepswerking (issue 7): strengths-based group work beside individual
-- guidance, such as the weekly "gekwetst binnenste" group of the WAW
-- trajectory, led by a groepswerker with an ervaringsdeskundige. A group
-- belongs to a team; its members have a role in the group and may be a
-- jobseeker with a dossier (jobseeker_id), a Spiraal user (user_id) or a
-- person known by name only (an external ervaringsdeskundige, a participant
-- known by first name). Free text that may tell about people is sealed:
-- member names, session themes and reports, passed themes.
CREATE TABLE groups (
  id @ID@,
  team_id BIGINT NOT NULL REFERENCES teams(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  aim TEXT NOT NULL DEFAULT '',
  lead_user_id BIGINT NOT NULL REFERENCES users(id),
  organisation_id BIGINT REFERENCES organisations(id),
  rhythm TEXT NOT NULL CHECK (rhythm IN ('weekly', 'biweekly', 'monthly')),
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('planned', 'running', 'ended')),
  version BIGINT NOT NULL,
  created_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX groups_team ON groups(team_id, id);

CREATE TABLE group_members (
  id @ID@,
  group_id BIGINT NOT NULL REFERENCES groups(id),
  role TEXT NOT NULL CHECK (role IN ('participant', 'group_worker', 'expert_by_experience')),
  jobseeker_id BIGINT REFERENCES jobseekers(id),
  user_id BIGINT REFERENCES users(id),
  name TEXT NOT NULL,
  organisation TEXT NOT NULL DEFAULT '',
  joined_on TEXT NOT NULL,
  created_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX group_members_group ON group_members(group_id, id);
CREATE INDEX group_members_jobseeker ON group_members(jobseeker_id);

CREATE TABLE group_sessions (
  id @ID@,
  group_id BIGINT NOT NULL REFERENCES groups(id),
  version BIGINT NOT NULL,
  held_on TEXT NOT NULL,
  themes TEXT NOT NULL,
  report TEXT NOT NULL,
  created_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX group_sessions_group ON group_sessions(group_id, held_on);

-- Attendance per member and session. jobseeker_id repeats the member's, so
-- the attendance of a person with a dossier is found (export) and removed
-- (erasure) with the rest of their data; held_on and group_id repeat the
-- session's for the same reason.
CREATE TABLE group_attendance (
  id @ID@,
  session_id BIGINT NOT NULL REFERENCES group_sessions(id),
  group_id BIGINT NOT NULL REFERENCES groups(id),
  member_id BIGINT NOT NULL REFERENCES group_members(id),
  jobseeker_id BIGINT REFERENCES jobseekers(id),
  held_on TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('present', 'absent', 'excused'))
);
CREATE INDEX group_attendance_session ON group_attendance(session_id, member_id);
CREATE INDEX group_attendance_jobseeker ON group_attendance(jobseeker_id);

-- A theme a coach passes from an individual case to a group: the theme
-- only. On purpose there is no jobseeker, author or time of day here, so
-- nothing in the group leads back to the case (the passing is recorded in
-- the dossier's own audit trail).
CREATE TABLE group_themes (
  id @ID@,
  group_id BIGINT NOT NULL REFERENCES groups(id),
  text TEXT NOT NULL,
  code TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('new', 'taken_up', 'set_aside')),
  session_id BIGINT REFERENCES group_sessions(id),
  passed_on TEXT NOT NULL,
  version BIGINT NOT NULL
);
CREATE INDEX group_themes_group ON group_themes(group_id, status, id);
