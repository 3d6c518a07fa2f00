-- 001_core: settings, the forces reference, peer groups, users and sessions,
-- import provenance. Forces and their spellings are loaded from
-- data/forces.csv by db.c after this migration runs.

CREATE TABLE setting(
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Every force or reporting body any source names.
-- kind: 'territorial' (the 43 of England and Wales), 'btp', 'psni',
-- or 'reporting-body' (Action Fraud, CIFAS, UK Finance: Home Office tables only).
CREATE TABLE force(
  id              INTEGER PRIMARY KEY,
  code            TEXT NOT NULL UNIQUE,   -- police.uk slug, e.g. 'avon-and-somerset'
  name            TEXT NOT NULL UNIQUE,   -- display name, e.g. 'Avon and Somerset'
  kind            TEXT NOT NULL CHECK (kind IN ('territorial','btp','psni','reporting-body')),
  country         TEXT NOT NULL,
  region          TEXT NOT NULL,
  ons_code        TEXT,
  population      INTEGER,                -- ONS mid-year estimate
  population_year INTEGER
);

-- Every spelling of a force, normalised by forces.c (lower case, '&' as
-- 'and', letters and digits only). `alias` keeps one original spelling.
CREATE TABLE force_alias(
  norm     TEXT PRIMARY KEY,
  force_id INTEGER NOT NULL REFERENCES force(id),
  alias    TEXT NOT NULL
) WITHOUT ROWID;

-- The Most Similar Group of a force: up to 7 peers, set by the office.
CREATE TABLE peer(
  force_id INTEGER NOT NULL REFERENCES force(id),
  peer_id  INTEGER NOT NULL REFERENCES force(id),
  PRIMARY KEY (force_id, peer_id),
  CHECK (force_id <> peer_id)
) WITHOUT ROWID;

-- Roles are named sets of capability letters (see auth.h).
CREATE TABLE role(
  name        TEXT PRIMARY KEY,
  caps        TEXT NOT NULL,
  description TEXT NOT NULL
);

CREATE TABLE user(
  id         INTEGER PRIMARY KEY,
  login      TEXT NOT NULL UNIQUE,
  role       TEXT NOT NULL REFERENCES role(name),
  pw_hash    TEXT NOT NULL,            -- Argon2id, libsodium's encoded form
  created_at TEXT NOT NULL,
  disabled   INTEGER NOT NULL DEFAULT 0
);

-- Logged-in sessions. The cookie carries the token; only its hash is kept.
CREATE TABLE session(
  token_hash TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
  csrf       TEXT NOT NULL,
  created_at INTEGER NOT NULL,         -- unix seconds
  expires_at INTEGER NOT NULL
);

-- Failed logins, for slowing down guessing.
CREATE TABLE login_failure(
  login TEXT NOT NULL,
  at    INTEGER NOT NULL               -- unix seconds
);
CREATE INDEX login_failure_login ON login_failure(login, at);

-- One row per import run, and one per file (or zip member) it read.
CREATE TABLE import(
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL,           -- 'police-uk', 'home-office-crime', ...
  started_at  TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  user        TEXT NOT NULL,
  rows        INTEGER NOT NULL,
  seconds     REAL NOT NULL,
  summary     TEXT NOT NULL
);

CREATE TABLE import_file(
  import_id INTEGER NOT NULL REFERENCES import(id),
  path      TEXT NOT NULL,             -- as given on the command line
  member    TEXT NOT NULL DEFAULT '',  -- path inside a zip archive, or ''
  sha256    TEXT NOT NULL,             -- of the file (the archive for members)
  bytes     INTEGER NOT NULL,          -- of the CSV text read
  rows      INTEGER NOT NULL,
  file_kind TEXT NOT NULL              -- 'street', 'outcomes', ...
);
CREATE INDEX import_file_import ON import_file(import_id);

-- Capability letters (auth.h): v view performance, i import data and see
-- import provenance, s change settings (office force, peer group),
-- u manage users.
INSERT INTO role(name, caps, description) VALUES
 ('admin',   'visu', 'Administrator: everything, including users'),
 ('officer', 'vis',  'Performance and governance officer: view, import, settings'),
 ('viewer',  'v',    'Read-only: dashboards, measures and packs');
