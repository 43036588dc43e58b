-- Mijn traject (issue 11): the jobseeker's own account, bound to their
-- dossier, reached from devices the coach can revoke.
-- The jobseeker role (same procedure as 0017_outreach.sql).
-- postgres: ALTER TABLE users DROP CONSTRAINT users_role_check;
-- postgres: ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('coach', 'coordinator', 'partner', 'analyst', 'admin', 'toeleider', 'jobseeker'));
-- sqlite: PRAGMA writable_schema = ON;
-- sqlite: UPDATE sqlite_master SET sql = replace(sql, '''admin'', ''toeleider'')', '''admin'', ''toeleider'', ''jobseeker'')') WHERE type = 'table' AND name = 'users';
-- sqlite: PRAGMA writable_schema = RESET;
-- sqlite: PRAGMA writable_schema = OFF;
-- sqlite: CREATE TABLE schema_cookie_bump (x INTEGER);
-- sqlite: DROP TABLE schema_cookie_bump;

-- A jobseeker's account names their dossier; at most one account a dossier.
ALTER TABLE users ADD COLUMN jobseeker_id BIGINT REFERENCES jobseekers(id);
CREATE UNIQUE INDEX users_jobseeker ON users(jobseeker_id);

-- One-time codes the coach hands over in person or by SMS text. Only the
-- code's digest is kept; the phone number of an SMS invitation is sealed.
CREATE TABLE portal_invitations (
  id @ID@,
  jobseeker_id BIGINT NOT NULL REFERENCES jobseekers(id),
  code_hash TEXT NOT NULL UNIQUE,
  channel TEXT NOT NULL CHECK (channel IN ('in_person', 'sms')),
  phone TEXT NOT NULL,          -- sealed; empty for in_person
  consent_on TEXT NOT NULL,     -- the day the jobseeker agreed to the account
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX portal_invitations_jobseeker ON portal_invitations(jobseeker_id);

-- A device the jobseeker logged in from: its long-lived token (digest only)
-- stays in a cookie on that device; the PIN or password unlocks it.
CREATE TABLE portal_devices (
  id @ID@,
  jobseeker_id BIGINT NOT NULL REFERENCES jobseekers(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  token_hash TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_used_at TEXT NOT NULL,
  revoked_at TEXT,
  revoked_by BIGINT REFERENCES users(id)
);
CREATE INDEX portal_devices_jobseeker ON portal_devices(jobseeker_id);

-- A session opened from a device ends when the device is revoked.
ALTER TABLE sessions ADD COLUMN device_id BIGINT REFERENCES portal_devices(id);
CREATE INDEX sessions_device ON sessions(device_id);

-- Messages between the jobseeker and their coaches. kind 'consent_withdrawn'
-- is the notice the system leaves when the jobseeker withdraws a consent.
CREATE TABLE portal_messages (
  id @ID@,
  jobseeker_id BIGINT NOT NULL REFERENCES jobseekers(id),
  from_jobseeker INTEGER NOT NULL,
  author_id BIGINT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL CHECK (kind IN ('message', 'consent_withdrawn')),
  body TEXT NOT NULL,           -- sealed
  created_at TEXT NOT NULL,
  read_at TEXT                  -- when the other side opened it
);
CREATE INDEX portal_messages_jobseeker ON portal_messages(jobseeker_id, id);
CREATE INDEX portal_messages_unread ON portal_messages(jobseeker_id, from_jobseeker, read_at);
