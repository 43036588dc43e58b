-- Parallel tracks of a trajectory (work, welfare, group) and the MDO that
-- aligns them (issue 7). A track's responsible worker is a Spiraal user or
-- a named worker of a partner on the social map; its aim is sealed. The
-- MDO's consent and interval live once per dossier in mdo_plans; each
-- meeting's participants and alignment decisions are one sealed document.
-- Kind, status and dates stay in the clear for lists and the "MDO due" signal.
CREATE TABLE tracks (
  id @ID@,
  jobseeker_id BIGINT NOT NULL REFERENCES jobseekers(id),
  version BIGINT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('work', 'welfare', 'group')),
  worker_user_id BIGINT REFERENCES users(id),
  worker_name TEXT NOT NULL DEFAULT '',
  organisation_id BIGINT REFERENCES organisations(id),
  rhythm_days INTEGER NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('active', 'ended')),
  aim TEXT NOT NULL,
  created_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX tracks_jobseeker ON tracks(jobseeker_id, id);

CREATE TABLE mdo_plans (
  jobseeker_id BIGINT PRIMARY KEY REFERENCES jobseekers(id),
  version BIGINT NOT NULL,
  interval_days INTEGER NOT NULL,
  consent_on TEXT NOT NULL DEFAULT '',
  consent_withdrawn_on TEXT NOT NULL DEFAULT '',
  updated_by BIGINT REFERENCES users(id),
  updated_at TEXT NOT NULL
);

CREATE TABLE mdos (
  id @ID@,
  jobseeker_id BIGINT NOT NULL REFERENCES jobseekers(id),
  version BIGINT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('planned', 'held', 'cancelled')),
  planned_on TEXT NOT NULL,
  held_on TEXT NOT NULL DEFAULT '',
  document TEXT NOT NULL,
  created_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX mdos_jobseeker ON mdos(jobseeker_id, id);
