-- 005_board: the Accountability Board (meetings, agenda items, the force's
-- papers, verdicts, follow-ups, minutes), the schedule of assurance, the
-- budget conditions letter, and decision records.

CREATE TABLE meeting(
  id         INTEGER PRIMARY KEY,
  held_on    TEXT NOT NULL,                    -- YYYY-MM-DD
  starts_at  TEXT NOT NULL DEFAULT '10:00',    -- HH:MM, UK local time
  kind       TEXT NOT NULL DEFAULT 'Accountability Board',
  status     TEXT NOT NULL DEFAULT 'planned'
             CHECK (status IN ('planned','agenda set','notified','held','minutes approved','minutes published','cancelled')),
  minutes    TEXT NOT NULL DEFAULT '',
  marking    TEXT NOT NULL DEFAULT 'OFFICIAL' CHECK (marking IN ('OFFICIAL','OFFICIAL-SENSITIVE'))
);
CREATE UNIQUE INDEX meeting_day ON meeting(held_on, kind);

-- A matter on a meeting's agenda, and what became of it.
CREATE TABLE agenda_item(
  id          INTEGER PRIMARY KEY,
  meeting_id  INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  subject     TEXT NOT NULL,
  objective_id INTEGER REFERENCES plan_objective(id) ON DELETE SET NULL,
  measure_key TEXT NOT NULL DEFAULT '',
  matter      TEXT NOT NULL DEFAULT '',        -- what needs a response
  questions   TEXT NOT NULL DEFAULT '',        -- one question per line
  form        TEXT NOT NULL DEFAULT 'written' CHECK (form IN ('verbal','written')),
  lead        TEXT NOT NULL DEFAULT '',        -- the force's lead
  paper_due   TEXT NOT NULL DEFAULT '',        -- YYYY-MM-DD
  to_force    INTEGER NOT NULL DEFAULT 1 CHECK (to_force IN (0,1)),
  origin      TEXT NOT NULL DEFAULT 'office' CHECK (origin IN ('office','schedule','exception','follow-up')),
  schedule_id INTEGER REFERENCES assurance_schedule(id) ON DELETE SET NULL,
  answer      TEXT NOT NULL DEFAULT '',        -- the force's written answer
  verdict     TEXT NOT NULL DEFAULT '' CHECK (verdict IN ('','assured','partially assured','not assured')),
  discussion  TEXT NOT NULL DEFAULT '',
  marking     TEXT NOT NULL DEFAULT 'OFFICIAL' CHECK (marking IN ('OFFICIAL','OFFICIAL-SENSITIVE'))
);
CREATE INDEX agenda_item_meeting ON agenda_item(meeting_id, position);

-- The force's paper for an item, stored in the database.
CREATE TABLE item_paper(
  id           INTEGER PRIMARY KEY,
  item_id      INTEGER NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
  filename     TEXT NOT NULL,
  content_type TEXT NOT NULL,
  bytes        INTEGER NOT NULL,
  sha256       TEXT NOT NULL,
  data         BLOB NOT NULL,
  uploaded_by  TEXT NOT NULL,
  uploaded_at  TEXT NOT NULL
);
CREATE INDEX item_paper_item ON item_paper(item_id);

-- A follow-up the board asked for: on every later agenda until closed.
CREATE TABLE follow_up(
  id        INTEGER PRIMARY KEY,
  item_id   INTEGER NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
  request   TEXT NOT NULL,
  owner     TEXT NOT NULL,
  due       TEXT NOT NULL,                     -- YYYY-MM-DD
  status    TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
  closed_on TEXT NOT NULL DEFAULT '',
  marking   TEXT NOT NULL DEFAULT 'OFFICIAL' CHECK (marking IN ('OFFICIAL','OFFICIAL-SENSITIVE'))
);

-- Matters that must come back: every `every_months`, or (Victims' Code)
-- between `min_months` and `max_months` after the last paper.
CREATE TABLE assurance_schedule(
  id         INTEGER PRIMARY KEY,
  subject    TEXT NOT NULL UNIQUE,
  matter     TEXT NOT NULL DEFAULT '',
  min_months INTEGER NOT NULL CHECK (min_months >= 0),
  max_months INTEGER NOT NULL CHECK (max_months >= min_months AND max_months > 0),
  form       TEXT NOT NULL DEFAULT 'written' CHECK (form IN ('verbal','written')),
  lead       TEXT NOT NULL DEFAULT '',
  last_on    TEXT NOT NULL DEFAULT ''          -- YYYY-MM-DD of the last paper, '' never
);

-- The budget conditions letter: what the force must deliver for its budget.
CREATE TABLE budget_condition(
  id        INTEGER PRIMARY KEY,
  year      TEXT NOT NULL,                     -- financial year, "2025/26"
  position  INTEGER NOT NULL,
  condition TEXT NOT NULL,
  status    TEXT NOT NULL DEFAULT 'not started' CHECK (status IN ('not started','on track','at risk','met','not met')),
  note      TEXT NOT NULL DEFAULT '',
  marking   TEXT NOT NULL DEFAULT 'OFFICIAL' CHECK (marking IN ('OFFICIAL','OFFICIAL-SENSITIVE'))
);

-- Decision records, numbered in sequence.
CREATE TABLE decision(
  id           INTEGER PRIMARY KEY,
  number       INTEGER NOT NULL UNIQUE CHECK (number > 0),
  title        TEXT NOT NULL,
  decided_on   TEXT NOT NULL,                  -- YYYY-MM-DD
  decision     TEXT NOT NULL,
  reasons      TEXT NOT NULL DEFAULT '',
  value_pence  INTEGER,                        -- NULL: no financial value
  category     TEXT NOT NULL DEFAULT '',
  budget_lines TEXT NOT NULL DEFAULT '',       -- the budget lines it touches, one per line
  status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published')),
  published_on TEXT NOT NULL DEFAULT '',
  marking      TEXT NOT NULL DEFAULT 'OFFICIAL' CHECK (marking IN ('OFFICIAL','OFFICIAL-SENSITIVE')),
  CHECK (status = 'draft' OR marking = 'OFFICIAL')
);
CREATE TABLE decision_objective(
  decision_id  INTEGER NOT NULL REFERENCES decision(id) ON DELETE CASCADE,
  objective_id INTEGER NOT NULL REFERENCES plan_objective(id) ON DELETE CASCADE,
  PRIMARY KEY (decision_id, objective_id)
) WITHOUT ROWID;
