-- What remains of a dossier after erasure (GDPR art. 17): no name, no
-- dates of birth, no text; only what statistics need, and the id the audit
-- chain still refers to.
CREATE TABLE tombstones (
  jobseeker_id BIGINT PRIMARY KEY,
  erased_on TEXT NOT NULL,
  erased_by TEXT NOT NULL,
  age_band TEXT NOT NULL,
  team_id BIGINT,
  registered_year TEXT NOT NULL,
  final_state TEXT NOT NULL,
  outcome TEXT NOT NULL,
  contacts BIGINT NOT NULL,
  crises BIGINT NOT NULL,
  moves BIGINT NOT NULL
);
