-- Foundation: teams, users, API tokens, browser sessions, the jobseeker
-- dossier with its version history, coach assignments, the contact journal
-- and the audit log.
-- Portable SQL for SQLite and PostgreSQL. @ID@ becomes the engine's
-- auto-increment primary key (see src/store/migrations.cc). Dates are ISO
-- text (YYYY-MM-DD), timestamps ISO UTC text (YYYY-MM-DDTHH:MM:SSZ).

CREATE TABLE teams (
  id @ID@,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE users (
  id @ID@,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('coach', 'coordinator', 'partner', 'analyst', 'admin')),
  team_id BIGINT REFERENCES teams(id),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);

CREATE TABLE api_tokens (
  id @ID@,
  user_id BIGINT NOT NULL REFERENCES users(id),
  token_hash TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_expiry ON sessions(expires_at);

CREATE TABLE jobseekers (
  id @ID@,
  version BIGINT NOT NULL,
  team_id BIGINT REFERENCES teams(id),
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  profile TEXT NOT NULL,    -- objective data (JSON)
  narrative TEXT NOT NULL,  -- life history, strengths and barriers (JSON; sensitive)
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by BIGINT REFERENCES users(id),
  updated_by BIGINT REFERENCES users(id)
);
CREATE INDEX jobseekers_team ON jobseekers(team_id, last_name);

-- Every saved state of a dossier, so its history can be read back.
CREATE TABLE jobseeker_versions (
  jobseeker_id BIGINT NOT NULL REFERENCES jobseekers(id),
  version BIGINT NOT NULL,
  changed_at TEXT NOT NULL,
  changed_by BIGINT REFERENCES users(id),
  data TEXT NOT NULL,       -- the whole dossier as JSON (sensitive)
  PRIMARY KEY (jobseeker_id, version)
);

-- Coaches assigned to a dossier; the anchor person among them.
CREATE TABLE assignments (
  jobseeker_id BIGINT NOT NULL REFERENCES jobseekers(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  is_anchor INTEGER NOT NULL DEFAULT 1,
  since TEXT NOT NULL,
  PRIMARY KEY (jobseeker_id, user_id)
);
CREATE INDEX assignments_user ON assignments(user_id, jobseeker_id);

CREATE TABLE contacts (
  id @ID@,
  jobseeker_id BIGINT NOT NULL REFERENCES jobseekers(id),
  version BIGINT NOT NULL,
  contact_date TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  initiative TEXT NOT NULL,
  note TEXT NOT NULL,       -- sensitive
  author_id BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX contacts_jobseeker_date ON contacts(jobseeker_id, contact_date);

-- Append-only: the application never updates or deletes rows here.
CREATE TABLE audit_log (
  id @ID@,
  at TEXT NOT NULL,
  user_id BIGINT,
  username TEXT NOT NULL,
  action TEXT NOT NULL,
  jobseeker_id BIGINT,
  detail TEXT NOT NULL
);
CREATE INDEX audit_log_jobseeker ON audit_log(jobseeker_id, id);
