-- Idle expiry of browser sessions: a session unused for longer than the
-- idle timeout (src/web/auth.h) ends, besides its absolute expiry.
ALTER TABLE sessions ADD COLUMN last_seen_at TEXT;
