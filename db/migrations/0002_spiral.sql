-- Referral, selection and the trajectory spiral (issue "make falling and
-- getting up visible").

-- VDAB registration date: the 9-month rule counts from here.
ALTER TABLE jobseekers ADD COLUMN registered_on TEXT;

-- Toeleiding: who referred the jobseeker, why, and whether a warm handover
-- (a joint first meeting) took place.
CREATE TABLE referrals (
  id @ID@,
  jobseeker_id BIGINT NOT NULL REFERENCES jobseekers(id),
  team_id BIGINT REFERENCES teams(id),
  version BIGINT NOT NULL,
  referrer_kind TEXT NOT NULL,
  referrer_organisation TEXT NOT NULL,
  referrer_person TEXT NOT NULL,
  referred_on TEXT NOT NULL,
  reason TEXT NOT NULL,
  warm_handover INTEGER NOT NULL,
  warm_handover_on TEXT,
  status TEXT NOT NULL,          -- waiting | picked_up | screened
  picked_up_by BIGINT REFERENCES users(id),
  created_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX referrals_team_status ON referrals(team_id, status, referred_on);
CREATE INDEX referrals_jobseeker ON referrals(jobseeker_id);

-- Selection: the knipperlichtenlijst, the three participation conditions,
-- MMPP referral, and the outcome. One current screening per jobseeker.
CREATE TABLE screenings (
  jobseeker_id BIGINT PRIMARY KEY REFERENCES jobseekers(id),
  version BIGINT NOT NULL,
  screened_on TEXT NOT NULL,
  indicators TEXT NOT NULL,       -- JSON array of indicator codes
  counted_rubrics TEXT NOT NULL,  -- JSON array, as evaluated when saved
  probably_in_poverty INTEGER NOT NULL,
  conditions TEXT NOT NULL,       -- JSON: {poverty|work_focus|commitment: {met, motivation}}
  mmpp TEXT NOT NULL,             -- JSON: {present, service, consent, consent_on, warm_handover}
  outcome TEXT,                   -- included | referred_elsewhere | not_now; NULL while open
  outcome_reason TEXT,
  outcome_on TEXT,
  updated_by BIGINT REFERENCES users(id),
  updated_at TEXT NOT NULL
);

-- The current place in the spiral; every move is kept in spiral_moves.
CREATE TABLE trajectories (
  jobseeker_id BIGINT PRIMARY KEY REFERENCES jobseekers(id),
  state TEXT NOT NULL,
  version BIGINT NOT NULL,
  last_moved_on TEXT,
  started_on TEXT,                -- first move into cycle 1
  outcome TEXT,                   -- when closed
  updated_at TEXT NOT NULL
);
CREATE INDEX trajectories_state ON trajectories(state);

CREATE TABLE spiral_moves (
  id @ID@,
  jobseeker_id BIGINT NOT NULL REFERENCES jobseekers(id),
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  kind TEXT NOT NULL,             -- forward | skip | cycle1_to_cycle3 | slide_back | close | reopen
  moved_on TEXT NOT NULL,
  reason TEXT NOT NULL,
  outcome TEXT,
  recorded_by BIGINT REFERENCES users(id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX spiral_moves_jobseeker ON spiral_moves(jobseeker_id, moved_on, id);

-- Crisis episodes: the focus goes back to welfare while one is open.
CREATE TABLE crises (
  id @ID@,
  jobseeker_id BIGINT NOT NULL REFERENCES jobseekers(id),
  version BIGINT NOT NULL,
  cause TEXT NOT NULL,
  started_on TEXT NOT NULL,
  ended_on TEXT,
  recorded_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX crises_jobseeker ON crises(jobseeker_id, started_on);
