-- Failed log-ins per username ("u:<name>") and per client address
-- ("c:<address>"), counted in the database so that every server behind the
-- proxy refuses the sixth guess, not each its own sixth (web/auth.h). A row
-- lives for its window (15 minutes) and is removed at the next failure
-- after that, or at a successful log-in of that username.
CREATE TABLE login_failures (
  subject TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  first_at TEXT NOT NULL
);
