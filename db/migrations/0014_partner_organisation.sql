-- A partner account works for one service of the social map: it sees and
-- updates the actions that service owns, where a consent shares them.
ALTER TABLE users ADD COLUMN organisation_id BIGINT REFERENCES organisations(id);
