-- The catalogues a coordinator imports (issue 6): occupations with their
-- competences (the shape of VDAB's occupational profiles), vacancies with
-- their core tasks, and training offers — each kept as the JSON document
-- core/catalogue.h validates, keyed by its code or reference (an import
-- replaces the entry with the same key) — and the catalogue of employment
-- measures with its eligibility rules, replaceable by an organisation
-- without a new release (the newest row is in force; none: the shipped
-- data/employment_measures.json). No personal data.
CREATE TABLE occupations (
  id @ID@,
  code TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  document TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE vacancies (
  id @ID@,
  reference TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  document TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE trainings (
  id @ID@,
  reference TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  document TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE measure_catalogues (
  id @ID@,
  version TEXT NOT NULL,
  document TEXT NOT NULL,
  imported_by BIGINT REFERENCES users(id),
  imported_at TEXT NOT NULL
);
