-- 002_public_data: the public police data (data.police.uk and the Home
-- Office recorded crime table), stored as the measures need it.

-- data.police.uk crime categories; `current` marks today's fourteen.
CREATE TABLE crime_type(
  id      INTEGER PRIMARY KEY,
  name    TEXT NOT NULL UNIQUE,          -- as in the CSV 'Crime type' column
  slug    TEXT NOT NULL UNIQUE,          -- stable key used in measure keys
  is_asb  INTEGER NOT NULL DEFAULT 0,
  current INTEGER NOT NULL DEFAULT 1
);

-- Street-level crime and ASB counted per force, month and category.
-- month is YYYYMM. n_no_location counts rows without coordinates.
CREATE TABLE puk_street(
  force_id      INTEGER NOT NULL REFERENCES force(id),
  month         INTEGER NOT NULL,
  crime_type_id INTEGER NOT NULL REFERENCES crime_type(id),
  n             INTEGER NOT NULL,
  n_no_location INTEGER NOT NULL,
  import_id     INTEGER NOT NULL REFERENCES import(id),
  PRIMARY KEY (force_id, month, crime_type_id)
) WITHOUT ROWID;

-- Outcomes counted per force, month and outcome type.
CREATE TABLE puk_outcome(
  force_id  INTEGER NOT NULL REFERENCES force(id),
  month     INTEGER NOT NULL,
  outcome   TEXT NOT NULL,
  n         INTEGER NOT NULL,
  import_id INTEGER NOT NULL REFERENCES import(id),
  PRIMARY KEY (force_id, month, outcome)
) WITHOUT ROWID;

-- Stop and search, one row per search as published.
CREATE TABLE puk_stop_search(
  id                 INTEGER PRIMARY KEY,
  force_id           INTEGER NOT NULL REFERENCES force(id),
  month              INTEGER NOT NULL,
  type               TEXT NOT NULL,
  date               TEXT NOT NULL,
  part_of_operation  TEXT NOT NULL,
  operation          TEXT NOT NULL,
  latitude           REAL,
  longitude          REAL,
  gender             TEXT NOT NULL,
  age_range          TEXT NOT NULL,
  self_ethnicity     TEXT NOT NULL,
  officer_ethnicity  TEXT NOT NULL,
  legislation        TEXT NOT NULL,
  object             TEXT NOT NULL,
  outcome            TEXT NOT NULL,
  outcome_linked     TEXT NOT NULL,
  removal            TEXT NOT NULL,
  import_id          INTEGER NOT NULL REFERENCES import(id)
);
CREATE INDEX puk_stop_search_fm ON puk_stop_search(force_id, month);

-- Home Office police recorded crime, one row per force, financial quarter
-- and offence code. fyq is the financial year's first calendar year times
-- ten plus the quarter: 20253 is 2025/26 Q3 (October to December 2025).
CREATE TABLE ho_crime(
  force_id    INTEGER NOT NULL REFERENCES force(id),
  fyq         INTEGER NOT NULL,
  offence_code TEXT NOT NULL,
  offence     TEXT NOT NULL,
  grp         TEXT NOT NULL,
  subgroup    TEXT NOT NULL,
  n           INTEGER NOT NULL,
  import_id   INTEGER NOT NULL REFERENCES import(id),
  PRIMARY KEY (force_id, fyq, offence_code)
) WITHOUT ROWID;

-- The same summed per offence group and subgroup: what the measures read.
-- Rebuilt for each force-quarter an import touches.
CREATE TABLE ho_crime_group(
  force_id INTEGER NOT NULL REFERENCES force(id),
  fyq      INTEGER NOT NULL,
  grp      TEXT NOT NULL,
  subgroup TEXT NOT NULL,
  n        INTEGER NOT NULL,
  PRIMARY KEY (force_id, fyq, grp, subgroup)
) WITHOUT ROWID;

INSERT INTO crime_type(name, slug, is_asb, current) VALUES
 ('Anti-social behaviour','anti-social-behaviour',1,1),
 ('Bicycle theft','bicycle-theft',0,1),
 ('Burglary','burglary',0,1),
 ('Criminal damage and arson','criminal-damage-arson',0,1),
 ('Drugs','drugs',0,1),
 ('Other crime','other-crime',0,1),
 ('Other theft','other-theft',0,1),
 ('Possession of weapons','possession-of-weapons',0,1),
 ('Public order','public-order',0,1),
 ('Robbery','robbery',0,1),
 ('Shoplifting','shoplifting',0,1),
 ('Theft from the person','theft-from-the-person',0,1),
 ('Vehicle crime','vehicle-crime',0,1),
 ('Violence and sexual offences','violent-crime',0,1),
 ('Violent crime','violent-crime-old',0,0),
 ('Public disorder and weapons','public-disorder-weapons',0,0);
