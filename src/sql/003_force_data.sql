-- 003_force_data: the force's own extracts (docs/data-formats.md, "Force
-- extracts"), measure definitions with their history (docs/measures.md),
-- and the Plan's priorities and objectives that measures evidence.
--
-- Times are Unix seconds (UTC). Extracts give UK local times; the importers
-- convert them (ukdate.h), and the measures put rows in UK calendar months.

-- Local policing areas of the office's force, as the extracts name them.
-- A new code seen in an extract is added (and named in the import summary).
CREATE TABLE lpa(
  id   INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,          -- as in the extracts, e.g. 'north'
  name TEXT NOT NULL                  -- for display; the code until renamed
);

-- Crimes, one row per crime reference; a re-import of a reference replaces
-- the row (its id, and so its victim contacts, are kept).
CREATE TABLE fx_crime(
  id            INTEGER PRIMARY KEY,
  reference     TEXT NOT NULL UNIQUE,
  reported_at   INTEGER NOT NULL,
  recorded_at   INTEGER NOT NULL,
  allocated_at  INTEGER,              -- NULL: not allocated to an officer
  offence_code  TEXT NOT NULL,        -- Home Office offence code, e.g. '28E'
  offence_group TEXT NOT NULL,        -- Home Office offence group
  domestic_abuse INTEGER NOT NULL CHECK (domestic_abuse IN (0,1)),
  knife         TEXT NOT NULL DEFAULT '' CHECK (knife IN ('','possession','use','threat')),
  csae          INTEGER NOT NULL CHECK (csae IN (0,1)),   -- child sexual abuse or exploitation
  hate          INTEGER NOT NULL CHECK (hate IN (0,1)),
  online        INTEGER NOT NULL CHECK (online IN (0,1)),
  lpa_id        INTEGER NOT NULL REFERENCES lpa(id),
  victim        TEXT,                 -- pseudonymous victim id; NULL when none
  suspect_known INTEGER NOT NULL CHECK (suspect_known IN (0,1)),
  outcome       INTEGER CHECK (outcome BETWEEN 1 AND 22), -- Home Office outcome type; NULL while live
  outcome_at    INTEGER,
  import_id     INTEGER NOT NULL REFERENCES import(id)
);

-- Supervisory reviews of a crime's investigation (from the crimes extract).
CREATE TABLE fx_crime_review(
  crime_id INTEGER NOT NULL REFERENCES fx_crime(id) ON DELETE CASCADE,
  at       INTEGER NOT NULL,
  PRIMARY KEY (crime_id, at)
) WITHOUT ROWID;

-- Victim contacts (Victims' Code updates). A re-import replaces the months
-- the file covers.
CREATE TABLE fx_contact(
  crime_id  INTEGER NOT NULL REFERENCES fx_crime(id) ON DELETE CASCADE,
  at        INTEGER NOT NULL,
  kind      TEXT NOT NULL CHECK (kind IN ('phone','email','letter','visit','sms','video','other')),
  template  INTEGER NOT NULL CHECK (template IN (0,1)),   -- the Victims' Code template was used
  import_id INTEGER NOT NULL REFERENCES import(id)
);
CREATE INDEX fx_contact_crime ON fx_contact(crime_id, at, template); -- covering: the measures read these three
CREATE INDEX fx_contact_at ON fx_contact(at);

-- Incidents from command and control, one row per reference.
CREATE TABLE fx_incident(
  id          INTEGER PRIMARY KEY,
  reference   TEXT NOT NULL UNIQUE,
  created_at  INTEGER NOT NULL,
  arrived_at  INTEGER,                -- first officer arrival; NULL: none attended
  grade       INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 5),
  rural       INTEGER NOT NULL CHECK (rural IN (0,1)),
  lpa_id      INTEGER NOT NULL REFERENCES lpa(id),
  import_id   INTEGER NOT NULL REFERENCES import(id)
);

-- Calls to 999 and 101. A re-import replaces the months the file covers.
CREATE TABLE fx_call(
  id          INTEGER PRIMARY KEY,
  line        TEXT NOT NULL CHECK (line IN ('999','101')),
  offered_at  INTEGER NOT NULL,
  answered_at INTEGER,                -- NULL: abandoned before answer
  import_id   INTEGER NOT NULL REFERENCES import(id)
);
CREATE INDEX fx_call_offered ON fx_call(offered_at);

-- Police stations, priority locations and local policing areas as polygons
-- (GeoJSON geometry text, WGS84). A re-import replaces the whole set.
CREATE TABLE fx_boundary(
  id        INTEGER PRIMARY KEY,
  kind      TEXT NOT NULL CHECK (kind IN ('station','priority','area')),
  name      TEXT NOT NULL,
  lpa_id    INTEGER REFERENCES lpa(id), -- kind 'area': the area it outlines
  geometry  TEXT NOT NULL,              -- GeoJSON Polygon or MultiPolygon
  import_id INTEGER NOT NULL REFERENCES import(id)
);

-- Officer location pings, classified against the boundaries at import and
-- kept as on-duty time per day, team and place (raw pings are not stored).
-- lpa_id 0: outside every area polygon (or none imported).
CREATE TABLE fx_presence(
  day         INTEGER NOT NULL,       -- UK local date, YYYYMMDD
  team        TEXT NOT NULL CHECK (team IN ('neighbourhood','response','pcso')),
  lpa_id      INTEGER NOT NULL,
  in_station  INTEGER NOT NULL CHECK (in_station IN (0,1)),
  in_priority INTEGER NOT NULL CHECK (in_priority IN (0,1)),
  seconds     INTEGER NOT NULL,       -- on-duty time counted
  pings       INTEGER NOT NULL,       -- pings whose intervals were counted
  import_id   INTEGER NOT NULL REFERENCES import(id),
  PRIMARY KEY (day, team, lpa_id, in_station, in_priority)
) WITHOUT ROWID;

-- Measure definitions (docs/measures.md). Each save adds a version holding
-- the whole definition in the text format; the newest version is current.
CREATE TABLE measure(
  id         INTEGER PRIMARY KEY,
  key        TEXT NOT NULL UNIQUE,
  builtin    INTEGER NOT NULL DEFAULT 0,   -- shipped in data/measures.txt
  retired_at TEXT                          -- no longer computed; NULL while in use
);

CREATE TABLE measure_version(
  id         INTEGER PRIMARY KEY,
  measure_id INTEGER NOT NULL REFERENCES measure(id),
  version    INTEGER NOT NULL,
  spec       TEXT NOT NULL,                -- the definition, canonical text form
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,                -- 'assure' for shipped definitions
  note       TEXT NOT NULL DEFAULT '',
  UNIQUE (measure_id, version)
);

-- The Plan: priorities and objectives (issue 4 adds the rest).
CREATE TABLE plan(
  id         INTEGER PRIMARY KEY,
  title      TEXT NOT NULL,
  starts     TEXT NOT NULL,                -- YYYY-MM-DD
  ends       TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('draft','issued','revised')),
  version    INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE plan_priority(
  id       INTEGER PRIMARY KEY,
  plan_id  INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  title    TEXT NOT NULL
);

CREATE TABLE plan_objective(
  id          INTEGER PRIMARY KEY,
  priority_id INTEGER NOT NULL REFERENCES plan_priority(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  service     TEXT NOT NULL DEFAULT 'Police' CHECK (service IN ('Police','Fire and Rescue','Working together')),
  title       TEXT NOT NULL
);

-- Which measures evidence which objectives.
CREATE TABLE objective_measure(
  objective_id INTEGER NOT NULL REFERENCES plan_objective(id) ON DELETE CASCADE,
  measure_id   INTEGER NOT NULL REFERENCES measure(id),
  PRIMARY KEY (objective_id, measure_id)
) WITHOUT ROWID;

-- m: define and edit measures.
UPDATE role SET caps = caps || 'm' WHERE name IN ('admin', 'officer');
UPDATE role SET description = 'Performance and governance officer: view, import, settings, measure definitions' WHERE name = 'officer';
