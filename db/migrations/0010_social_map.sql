-- The sociale kaart (social map): the organisations a coach can refer a
-- jobseeker to and their contact persons, maintained by coordinators.
-- name_key is the trimmed, lower-cased name (core/social_map.h), so that
-- names are unique regardless of case on both engines without an expression
-- index. themes is a JSON array of social_theme codes (data/social_map.json).
CREATE TABLE organisations (
  id @ID@,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  address TEXT NOT NULL,
  phone TEXT NOT NULL,
  email TEXT NOT NULL,
  website TEXT NOT NULL,
  opening_hours TEXT NOT NULL,
  target_group TEXT NOT NULL,
  themes TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE organisation_contacts (
  id @ID@,
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  phone TEXT NOT NULL,
  email TEXT NOT NULL
);
CREATE INDEX organisation_contacts_organisation ON organisation_contacts(organisation_id);
