-- The geïntegreerd werk-welzijnsverslag (issue 8): one draft per dossier,
-- edited by the coach, and every finalised version kept unchanged. The nine
-- sections are one sealed JSON document.
CREATE TABLE integrated_reports (
  id @ID@,
  jobseeker_id BIGINT NOT NULL REFERENCES jobseekers(id),
  version BIGINT NOT NULL,
  status TEXT NOT NULL,  -- draft | final
  sections TEXT NOT NULL,
  finalised_on TEXT NOT NULL DEFAULT '',
  created_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX integrated_reports_jobseeker ON integrated_reports(jobseeker_id, status, id);
