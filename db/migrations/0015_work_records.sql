-- The road to work (issue 6): mindmap situations, competence decisions and
-- maps, the work profile, job targets and exploration placements,
-- applications, starts in work or training, aftercare contacts, absence
-- signals, disclosures (the backpack) and sustainability follow-ups. Each is
-- a versioned JSON document validated by src/core (work_record.h names the
-- kinds); `content` is sealed because it holds the jobseeker's story.
-- `status` and `due_on` are kept in the clear so caseload signals and
-- follow-up lists can be queried without opening every record.
CREATE TABLE work_records (
  id @ID@,
  jobseeker_id BIGINT NOT NULL REFERENCES jobseekers(id),
  kind TEXT NOT NULL,
  parent_id BIGINT REFERENCES work_records(id),
  version BIGINT NOT NULL,
  status TEXT NOT NULL,
  due_on TEXT NOT NULL DEFAULT '',
  content TEXT NOT NULL,
  created_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX work_records_jobseeker ON work_records(jobseeker_id, kind, id);
CREATE INDEX work_records_due ON work_records(kind, status, due_on);
