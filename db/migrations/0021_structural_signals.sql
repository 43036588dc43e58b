-- Signaalfunctie (issue 8 part 5): a coach flags a barrier of a person as
-- structural (a structurele drempel: rules, labour market, services,
-- housing), with a category of data/structural_barriers.json, a general
-- description (sealed: it is free text written from a dossier) and a date.
-- The region is the dossier team's name at the time of flagging, so that
-- aggregates need no join back to the person. jobseeker_id is kept for the
-- dossier's own list, the subject export and erasure only.
CREATE TABLE structural_signals (
  id @ID@,
  jobseeker_id BIGINT NOT NULL REFERENCES jobseekers(id),
  region TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL,
  description TEXT NOT NULL,
  signalled_on TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX structural_signals_jobseeker ON structural_signals(jobseeker_id, id);
CREATE INDEX structural_signals_period ON structural_signals(signalled_on, region, category);

-- A beleidsnota: a coordinator bundles the signals of a selection for
-- policy makers. The content keeps categories, descriptions and counts
-- (suppressed under 5), never a person or a signal's id, so that a note
-- outlives the erasure of the dossiers it drew from. A final note is
-- immutable.
CREATE TABLE policy_notes (
  id @ID@,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  category TEXT NOT NULL DEFAULT '',
  from_on TEXT NOT NULL DEFAULT '',
  to_on TEXT NOT NULL DEFAULT '',
  region TEXT NOT NULL DEFAULT '',
  content TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'final')),
  finalised_on TEXT NOT NULL DEFAULT '',
  version BIGINT NOT NULL,
  created_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX policy_notes_status ON policy_notes(status, id);
