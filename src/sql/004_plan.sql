-- 004_plan: the Plan's deliverables and actions (owner, due, status, RAG),
-- the Panel's review of a draft, and protective marking on Plan records.

-- Every record an office keeps carries a protective marking; only OFFICIAL
-- records can be published or shown to roles without capability 'S'.
ALTER TABLE plan ADD COLUMN marking TEXT NOT NULL DEFAULT 'OFFICIAL' CHECK (marking IN ('OFFICIAL','OFFICIAL-SENSITIVE'));
ALTER TABLE plan ADD COLUMN source TEXT NOT NULL DEFAULT '';  -- e.g. the work-plan file it came from

-- A deliverable of an objective ("Specific Deliverable" in the work plan).
CREATE TABLE plan_deliverable(
  id           INTEGER PRIMARY KEY,
  objective_id INTEGER NOT NULL REFERENCES plan_objective(id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  title        TEXT NOT NULL
);
CREATE INDEX plan_deliverable_objective ON plan_deliverable(objective_id, position);

-- An action: who, by when, how it is going. `due` is as written (a month
-- "2018-03", or "TBC", "Ongoing", or text such as "New plan for Oct 17");
-- due_month is the month it names (YYYYMM) when it names one.
CREATE TABLE plan_action(
  id             INTEGER PRIMARY KEY,
  deliverable_id INTEGER NOT NULL REFERENCES plan_deliverable(id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  title          TEXT NOT NULL,
  owner          TEXT NOT NULL DEFAULT '',
  due            TEXT NOT NULL DEFAULT '',
  due_month      INTEGER,
  status         TEXT NOT NULL DEFAULT 'not started' CHECK (status IN ('not started','in progress','complete','cancelled')),
  rag            TEXT NOT NULL DEFAULT '' CHECK (rag IN ('','G','A','R')),
  note           TEXT NOT NULL DEFAULT '',
  marking        TEXT NOT NULL DEFAULT 'OFFICIAL' CHECK (marking IN ('OFFICIAL','OFFICIAL-SENSITIVE')),
  source_line    INTEGER                       -- the work-plan line it was imported from
);
CREATE INDEX plan_action_deliverable ON plan_action(deliverable_id, position);

-- The Police, Fire and Crime Panel's review of a draft plan: its
-- recommendations and the Commissioner's response to each.
CREATE TABLE plan_review(
  id          INTEGER PRIMARY KEY,
  plan_id     INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  reviewed_on TEXT NOT NULL,                   -- YYYY-MM-DD
  summary     TEXT NOT NULL DEFAULT ''
);
CREATE TABLE plan_recommendation(
  id           INTEGER PRIMARY KEY,
  review_id    INTEGER NOT NULL REFERENCES plan_review(id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  text         TEXT NOT NULL,
  response     TEXT NOT NULL DEFAULT '',
  responded_on TEXT NOT NULL DEFAULT ''        -- YYYY-MM-DD, '' until answered
);
