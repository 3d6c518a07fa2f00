-- 006_audit: the append-only audit trail, chained by SHA-256, and the
-- roles of the office (see docs/ARCHITECTURE.md, "Audit").
--
-- Every insert, update and delete of a governance record (and of users) is
-- written by the triggers below: who (assure_actor(): the signed-in user,
-- "cli:<login>" on the command line, "system" otherwise), when (UTC), the
-- table and row, and the row before and after as JSON. Each entry's hash is
-- SHA-256 over the previous entry's hash and its own fields (audit_hash();
-- both functions are registered on every connection by audit.c), so
-- `assure audit verify` finds any entry edited or deleted. The trail itself
-- cannot be updated or deleted through SQL.
--
-- The triggers are written out per table (no SQL is built at run time); a
-- new audited table gets the same three triggers, listing its columns.

CREATE TABLE audit(
  id      INTEGER PRIMARY KEY,
  at      TEXT NOT NULL,          -- UTC, 2026-11-24T10:15:02.123Z
  actor   TEXT NOT NULL,
  tbl     TEXT NOT NULL,
  row_id  INTEGER NOT NULL,
  action  TEXT NOT NULL CHECK (action IN ('insert','update','delete')),
  before  TEXT,                   -- JSON object, NULL for an insert
  after   TEXT,                   -- JSON object, NULL for a delete
  hash    TEXT NOT NULL           -- hex SHA-256, chained
);
CREATE INDEX audit_record ON audit(tbl, row_id, id);

CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit BEGIN
  SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit BEGIN
  SELECT RAISE(ABORT, 'the audit trail is append-only');
END;

-- Roles: capability letters (web.h). v performance, i import, s settings,
-- u users, m measure definitions, p the Plan, b the board, d decision
-- records, P approve and publish, a answer the board for the force,
-- S see OFFICIAL-SENSITIVE records, A the audit trail, r the office's
-- governance records (drafts included).
UPDATE role SET caps = 'visumpbdPaSAr' WHERE name = 'admin';
UPDATE role SET caps = 'vismpbdSAr', description = 'Performance and governance officer: performance, imports, measures, the Plan, the board, decision records' WHERE name = 'officer';
INSERT INTO role(name, caps, description) VALUES
 ('commissioner',    'vpbdPSAr',    'The Commissioner: everything the office records, verdicts, approval and publication'),
 ('chief-executive', 'vismpbdPSAr', 'Chief executive: everything the office records, approval and publication'),
 ('force-liaison',   'a',           'The force''s liaison: the board''s items addressed to the force, and their answers and papers'),
 ('panel',           'v',           'Police, Fire and Crime Panel member: performance, the pack and published records');

CREATE TRIGGER plan_audit_insert AFTER INSERT ON plan
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'plan', NEW.id, 'insert', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'plan', NEW.id, 'insert', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               NULL AS b,
               json_object('title', NEW.title, 'starts', NEW.starts, 'ends', NEW.ends, 'status', NEW.status, 'version', NEW.version, 'marking', NEW.marking, 'source', NEW.source) AS a) AS x;
END;
CREATE TRIGGER plan_audit_update AFTER UPDATE ON plan
  WHEN json_object('title', OLD.title, 'starts', OLD.starts, 'ends', OLD.ends, 'status', OLD.status, 'version', OLD.version, 'marking', OLD.marking, 'source', OLD.source) IS NOT json_object('title', NEW.title, 'starts', NEW.starts, 'ends', NEW.ends, 'status', NEW.status, 'version', NEW.version, 'marking', NEW.marking, 'source', NEW.source)
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'plan', NEW.id, 'update', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'plan', NEW.id, 'update', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('title', OLD.title, 'starts', OLD.starts, 'ends', OLD.ends, 'status', OLD.status, 'version', OLD.version, 'marking', OLD.marking, 'source', OLD.source) AS b,
               json_object('title', NEW.title, 'starts', NEW.starts, 'ends', NEW.ends, 'status', NEW.status, 'version', NEW.version, 'marking', NEW.marking, 'source', NEW.source) AS a) AS x;
END;
CREATE TRIGGER plan_audit_delete AFTER DELETE ON plan
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'plan', OLD.id, 'delete', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'plan', OLD.id, 'delete', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('title', OLD.title, 'starts', OLD.starts, 'ends', OLD.ends, 'status', OLD.status, 'version', OLD.version, 'marking', OLD.marking, 'source', OLD.source) AS b,
               NULL AS a) AS x;
END;
CREATE TRIGGER plan_priority_audit_insert AFTER INSERT ON plan_priority
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'plan_priority', NEW.id, 'insert', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'plan_priority', NEW.id, 'insert', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               NULL AS b,
               json_object('plan_id', NEW.plan_id, 'position', NEW.position, 'title', NEW.title) AS a) AS x;
END;
CREATE TRIGGER plan_priority_audit_update AFTER UPDATE ON plan_priority
  WHEN json_object('plan_id', OLD.plan_id, 'position', OLD.position, 'title', OLD.title) IS NOT json_object('plan_id', NEW.plan_id, 'position', NEW.position, 'title', NEW.title)
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'plan_priority', NEW.id, 'update', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'plan_priority', NEW.id, 'update', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('plan_id', OLD.plan_id, 'position', OLD.position, 'title', OLD.title) AS b,
               json_object('plan_id', NEW.plan_id, 'position', NEW.position, 'title', NEW.title) AS a) AS x;
END;
CREATE TRIGGER plan_priority_audit_delete AFTER DELETE ON plan_priority
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'plan_priority', OLD.id, 'delete', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'plan_priority', OLD.id, 'delete', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('plan_id', OLD.plan_id, 'position', OLD.position, 'title', OLD.title) AS b,
               NULL AS a) AS x;
END;
CREATE TRIGGER plan_objective_audit_insert AFTER INSERT ON plan_objective
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'plan_objective', NEW.id, 'insert', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'plan_objective', NEW.id, 'insert', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               NULL AS b,
               json_object('priority_id', NEW.priority_id, 'position', NEW.position, 'service', NEW.service, 'title', NEW.title) AS a) AS x;
END;
CREATE TRIGGER plan_objective_audit_update AFTER UPDATE ON plan_objective
  WHEN json_object('priority_id', OLD.priority_id, 'position', OLD.position, 'service', OLD.service, 'title', OLD.title) IS NOT json_object('priority_id', NEW.priority_id, 'position', NEW.position, 'service', NEW.service, 'title', NEW.title)
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'plan_objective', NEW.id, 'update', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'plan_objective', NEW.id, 'update', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('priority_id', OLD.priority_id, 'position', OLD.position, 'service', OLD.service, 'title', OLD.title) AS b,
               json_object('priority_id', NEW.priority_id, 'position', NEW.position, 'service', NEW.service, 'title', NEW.title) AS a) AS x;
END;
CREATE TRIGGER plan_objective_audit_delete AFTER DELETE ON plan_objective
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'plan_objective', OLD.id, 'delete', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'plan_objective', OLD.id, 'delete', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('priority_id', OLD.priority_id, 'position', OLD.position, 'service', OLD.service, 'title', OLD.title) AS b,
               NULL AS a) AS x;
END;
CREATE TRIGGER plan_deliverable_audit_insert AFTER INSERT ON plan_deliverable
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'plan_deliverable', NEW.id, 'insert', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'plan_deliverable', NEW.id, 'insert', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               NULL AS b,
               json_object('objective_id', NEW.objective_id, 'position', NEW.position, 'title', NEW.title) AS a) AS x;
END;
CREATE TRIGGER plan_deliverable_audit_update AFTER UPDATE ON plan_deliverable
  WHEN json_object('objective_id', OLD.objective_id, 'position', OLD.position, 'title', OLD.title) IS NOT json_object('objective_id', NEW.objective_id, 'position', NEW.position, 'title', NEW.title)
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'plan_deliverable', NEW.id, 'update', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'plan_deliverable', NEW.id, 'update', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('objective_id', OLD.objective_id, 'position', OLD.position, 'title', OLD.title) AS b,
               json_object('objective_id', NEW.objective_id, 'position', NEW.position, 'title', NEW.title) AS a) AS x;
END;
CREATE TRIGGER plan_deliverable_audit_delete AFTER DELETE ON plan_deliverable
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'plan_deliverable', OLD.id, 'delete', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'plan_deliverable', OLD.id, 'delete', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('objective_id', OLD.objective_id, 'position', OLD.position, 'title', OLD.title) AS b,
               NULL AS a) AS x;
END;
CREATE TRIGGER plan_action_audit_insert AFTER INSERT ON plan_action
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'plan_action', NEW.id, 'insert', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'plan_action', NEW.id, 'insert', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               NULL AS b,
               json_object('deliverable_id', NEW.deliverable_id, 'position', NEW.position, 'title', NEW.title, 'owner', NEW.owner, 'due', NEW.due, 'due_month', NEW.due_month, 'status', NEW.status, 'rag', NEW.rag, 'note', NEW.note, 'marking', NEW.marking, 'source_line', NEW.source_line) AS a) AS x;
END;
CREATE TRIGGER plan_action_audit_update AFTER UPDATE ON plan_action
  WHEN json_object('deliverable_id', OLD.deliverable_id, 'position', OLD.position, 'title', OLD.title, 'owner', OLD.owner, 'due', OLD.due, 'due_month', OLD.due_month, 'status', OLD.status, 'rag', OLD.rag, 'note', OLD.note, 'marking', OLD.marking, 'source_line', OLD.source_line) IS NOT json_object('deliverable_id', NEW.deliverable_id, 'position', NEW.position, 'title', NEW.title, 'owner', NEW.owner, 'due', NEW.due, 'due_month', NEW.due_month, 'status', NEW.status, 'rag', NEW.rag, 'note', NEW.note, 'marking', NEW.marking, 'source_line', NEW.source_line)
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'plan_action', NEW.id, 'update', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'plan_action', NEW.id, 'update', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('deliverable_id', OLD.deliverable_id, 'position', OLD.position, 'title', OLD.title, 'owner', OLD.owner, 'due', OLD.due, 'due_month', OLD.due_month, 'status', OLD.status, 'rag', OLD.rag, 'note', OLD.note, 'marking', OLD.marking, 'source_line', OLD.source_line) AS b,
               json_object('deliverable_id', NEW.deliverable_id, 'position', NEW.position, 'title', NEW.title, 'owner', NEW.owner, 'due', NEW.due, 'due_month', NEW.due_month, 'status', NEW.status, 'rag', NEW.rag, 'note', NEW.note, 'marking', NEW.marking, 'source_line', NEW.source_line) AS a) AS x;
END;
CREATE TRIGGER plan_action_audit_delete AFTER DELETE ON plan_action
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'plan_action', OLD.id, 'delete', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'plan_action', OLD.id, 'delete', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('deliverable_id', OLD.deliverable_id, 'position', OLD.position, 'title', OLD.title, 'owner', OLD.owner, 'due', OLD.due, 'due_month', OLD.due_month, 'status', OLD.status, 'rag', OLD.rag, 'note', OLD.note, 'marking', OLD.marking, 'source_line', OLD.source_line) AS b,
               NULL AS a) AS x;
END;
CREATE TRIGGER plan_review_audit_insert AFTER INSERT ON plan_review
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'plan_review', NEW.id, 'insert', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'plan_review', NEW.id, 'insert', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               NULL AS b,
               json_object('plan_id', NEW.plan_id, 'reviewed_on', NEW.reviewed_on, 'summary', NEW.summary) AS a) AS x;
END;
CREATE TRIGGER plan_review_audit_update AFTER UPDATE ON plan_review
  WHEN json_object('plan_id', OLD.plan_id, 'reviewed_on', OLD.reviewed_on, 'summary', OLD.summary) IS NOT json_object('plan_id', NEW.plan_id, 'reviewed_on', NEW.reviewed_on, 'summary', NEW.summary)
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'plan_review', NEW.id, 'update', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'plan_review', NEW.id, 'update', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('plan_id', OLD.plan_id, 'reviewed_on', OLD.reviewed_on, 'summary', OLD.summary) AS b,
               json_object('plan_id', NEW.plan_id, 'reviewed_on', NEW.reviewed_on, 'summary', NEW.summary) AS a) AS x;
END;
CREATE TRIGGER plan_review_audit_delete AFTER DELETE ON plan_review
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'plan_review', OLD.id, 'delete', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'plan_review', OLD.id, 'delete', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('plan_id', OLD.plan_id, 'reviewed_on', OLD.reviewed_on, 'summary', OLD.summary) AS b,
               NULL AS a) AS x;
END;
CREATE TRIGGER plan_recommendation_audit_insert AFTER INSERT ON plan_recommendation
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'plan_recommendation', NEW.id, 'insert', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'plan_recommendation', NEW.id, 'insert', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               NULL AS b,
               json_object('review_id', NEW.review_id, 'position', NEW.position, 'text', NEW.text, 'response', NEW.response, 'responded_on', NEW.responded_on) AS a) AS x;
END;
CREATE TRIGGER plan_recommendation_audit_update AFTER UPDATE ON plan_recommendation
  WHEN json_object('review_id', OLD.review_id, 'position', OLD.position, 'text', OLD.text, 'response', OLD.response, 'responded_on', OLD.responded_on) IS NOT json_object('review_id', NEW.review_id, 'position', NEW.position, 'text', NEW.text, 'response', NEW.response, 'responded_on', NEW.responded_on)
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'plan_recommendation', NEW.id, 'update', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'plan_recommendation', NEW.id, 'update', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('review_id', OLD.review_id, 'position', OLD.position, 'text', OLD.text, 'response', OLD.response, 'responded_on', OLD.responded_on) AS b,
               json_object('review_id', NEW.review_id, 'position', NEW.position, 'text', NEW.text, 'response', NEW.response, 'responded_on', NEW.responded_on) AS a) AS x;
END;
CREATE TRIGGER plan_recommendation_audit_delete AFTER DELETE ON plan_recommendation
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'plan_recommendation', OLD.id, 'delete', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'plan_recommendation', OLD.id, 'delete', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('review_id', OLD.review_id, 'position', OLD.position, 'text', OLD.text, 'response', OLD.response, 'responded_on', OLD.responded_on) AS b,
               NULL AS a) AS x;
END;
CREATE TRIGGER meeting_audit_insert AFTER INSERT ON meeting
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'meeting', NEW.id, 'insert', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'meeting', NEW.id, 'insert', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               NULL AS b,
               json_object('held_on', NEW.held_on, 'starts_at', NEW.starts_at, 'kind', NEW.kind, 'status', NEW.status, 'minutes', NEW.minutes, 'marking', NEW.marking) AS a) AS x;
END;
CREATE TRIGGER meeting_audit_update AFTER UPDATE ON meeting
  WHEN json_object('held_on', OLD.held_on, 'starts_at', OLD.starts_at, 'kind', OLD.kind, 'status', OLD.status, 'minutes', OLD.minutes, 'marking', OLD.marking) IS NOT json_object('held_on', NEW.held_on, 'starts_at', NEW.starts_at, 'kind', NEW.kind, 'status', NEW.status, 'minutes', NEW.minutes, 'marking', NEW.marking)
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'meeting', NEW.id, 'update', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'meeting', NEW.id, 'update', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('held_on', OLD.held_on, 'starts_at', OLD.starts_at, 'kind', OLD.kind, 'status', OLD.status, 'minutes', OLD.minutes, 'marking', OLD.marking) AS b,
               json_object('held_on', NEW.held_on, 'starts_at', NEW.starts_at, 'kind', NEW.kind, 'status', NEW.status, 'minutes', NEW.minutes, 'marking', NEW.marking) AS a) AS x;
END;
CREATE TRIGGER meeting_audit_delete AFTER DELETE ON meeting
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'meeting', OLD.id, 'delete', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'meeting', OLD.id, 'delete', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('held_on', OLD.held_on, 'starts_at', OLD.starts_at, 'kind', OLD.kind, 'status', OLD.status, 'minutes', OLD.minutes, 'marking', OLD.marking) AS b,
               NULL AS a) AS x;
END;
CREATE TRIGGER agenda_item_audit_insert AFTER INSERT ON agenda_item
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'agenda_item', NEW.id, 'insert', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'agenda_item', NEW.id, 'insert', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               NULL AS b,
               json_object('meeting_id', NEW.meeting_id, 'position', NEW.position, 'subject', NEW.subject, 'objective_id', NEW.objective_id, 'measure_key', NEW.measure_key, 'matter', NEW.matter, 'questions', NEW.questions, 'form', NEW.form, 'lead', NEW.lead, 'paper_due', NEW.paper_due, 'to_force', NEW.to_force, 'origin', NEW.origin, 'schedule_id', NEW.schedule_id, 'answer', NEW.answer, 'verdict', NEW.verdict, 'discussion', NEW.discussion, 'marking', NEW.marking) AS a) AS x;
END;
CREATE TRIGGER agenda_item_audit_update AFTER UPDATE ON agenda_item
  WHEN json_object('meeting_id', OLD.meeting_id, 'position', OLD.position, 'subject', OLD.subject, 'objective_id', OLD.objective_id, 'measure_key', OLD.measure_key, 'matter', OLD.matter, 'questions', OLD.questions, 'form', OLD.form, 'lead', OLD.lead, 'paper_due', OLD.paper_due, 'to_force', OLD.to_force, 'origin', OLD.origin, 'schedule_id', OLD.schedule_id, 'answer', OLD.answer, 'verdict', OLD.verdict, 'discussion', OLD.discussion, 'marking', OLD.marking) IS NOT json_object('meeting_id', NEW.meeting_id, 'position', NEW.position, 'subject', NEW.subject, 'objective_id', NEW.objective_id, 'measure_key', NEW.measure_key, 'matter', NEW.matter, 'questions', NEW.questions, 'form', NEW.form, 'lead', NEW.lead, 'paper_due', NEW.paper_due, 'to_force', NEW.to_force, 'origin', NEW.origin, 'schedule_id', NEW.schedule_id, 'answer', NEW.answer, 'verdict', NEW.verdict, 'discussion', NEW.discussion, 'marking', NEW.marking)
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'agenda_item', NEW.id, 'update', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'agenda_item', NEW.id, 'update', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('meeting_id', OLD.meeting_id, 'position', OLD.position, 'subject', OLD.subject, 'objective_id', OLD.objective_id, 'measure_key', OLD.measure_key, 'matter', OLD.matter, 'questions', OLD.questions, 'form', OLD.form, 'lead', OLD.lead, 'paper_due', OLD.paper_due, 'to_force', OLD.to_force, 'origin', OLD.origin, 'schedule_id', OLD.schedule_id, 'answer', OLD.answer, 'verdict', OLD.verdict, 'discussion', OLD.discussion, 'marking', OLD.marking) AS b,
               json_object('meeting_id', NEW.meeting_id, 'position', NEW.position, 'subject', NEW.subject, 'objective_id', NEW.objective_id, 'measure_key', NEW.measure_key, 'matter', NEW.matter, 'questions', NEW.questions, 'form', NEW.form, 'lead', NEW.lead, 'paper_due', NEW.paper_due, 'to_force', NEW.to_force, 'origin', NEW.origin, 'schedule_id', NEW.schedule_id, 'answer', NEW.answer, 'verdict', NEW.verdict, 'discussion', NEW.discussion, 'marking', NEW.marking) AS a) AS x;
END;
CREATE TRIGGER agenda_item_audit_delete AFTER DELETE ON agenda_item
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'agenda_item', OLD.id, 'delete', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'agenda_item', OLD.id, 'delete', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('meeting_id', OLD.meeting_id, 'position', OLD.position, 'subject', OLD.subject, 'objective_id', OLD.objective_id, 'measure_key', OLD.measure_key, 'matter', OLD.matter, 'questions', OLD.questions, 'form', OLD.form, 'lead', OLD.lead, 'paper_due', OLD.paper_due, 'to_force', OLD.to_force, 'origin', OLD.origin, 'schedule_id', OLD.schedule_id, 'answer', OLD.answer, 'verdict', OLD.verdict, 'discussion', OLD.discussion, 'marking', OLD.marking) AS b,
               NULL AS a) AS x;
END;
CREATE TRIGGER item_paper_audit_insert AFTER INSERT ON item_paper
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'item_paper', NEW.id, 'insert', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'item_paper', NEW.id, 'insert', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               NULL AS b,
               json_object('item_id', NEW.item_id, 'filename', NEW.filename, 'content_type', NEW.content_type, 'bytes', NEW.bytes, 'sha256', NEW.sha256, 'uploaded_by', NEW.uploaded_by, 'uploaded_at', NEW.uploaded_at) AS a) AS x;
END;
CREATE TRIGGER item_paper_audit_update AFTER UPDATE ON item_paper
  WHEN json_object('item_id', OLD.item_id, 'filename', OLD.filename, 'content_type', OLD.content_type, 'bytes', OLD.bytes, 'sha256', OLD.sha256, 'uploaded_by', OLD.uploaded_by, 'uploaded_at', OLD.uploaded_at) IS NOT json_object('item_id', NEW.item_id, 'filename', NEW.filename, 'content_type', NEW.content_type, 'bytes', NEW.bytes, 'sha256', NEW.sha256, 'uploaded_by', NEW.uploaded_by, 'uploaded_at', NEW.uploaded_at)
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'item_paper', NEW.id, 'update', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'item_paper', NEW.id, 'update', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('item_id', OLD.item_id, 'filename', OLD.filename, 'content_type', OLD.content_type, 'bytes', OLD.bytes, 'sha256', OLD.sha256, 'uploaded_by', OLD.uploaded_by, 'uploaded_at', OLD.uploaded_at) AS b,
               json_object('item_id', NEW.item_id, 'filename', NEW.filename, 'content_type', NEW.content_type, 'bytes', NEW.bytes, 'sha256', NEW.sha256, 'uploaded_by', NEW.uploaded_by, 'uploaded_at', NEW.uploaded_at) AS a) AS x;
END;
CREATE TRIGGER item_paper_audit_delete AFTER DELETE ON item_paper
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'item_paper', OLD.id, 'delete', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'item_paper', OLD.id, 'delete', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('item_id', OLD.item_id, 'filename', OLD.filename, 'content_type', OLD.content_type, 'bytes', OLD.bytes, 'sha256', OLD.sha256, 'uploaded_by', OLD.uploaded_by, 'uploaded_at', OLD.uploaded_at) AS b,
               NULL AS a) AS x;
END;
CREATE TRIGGER follow_up_audit_insert AFTER INSERT ON follow_up
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'follow_up', NEW.id, 'insert', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'follow_up', NEW.id, 'insert', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               NULL AS b,
               json_object('item_id', NEW.item_id, 'request', NEW.request, 'owner', NEW.owner, 'due', NEW.due, 'status', NEW.status, 'closed_on', NEW.closed_on, 'marking', NEW.marking) AS a) AS x;
END;
CREATE TRIGGER follow_up_audit_update AFTER UPDATE ON follow_up
  WHEN json_object('item_id', OLD.item_id, 'request', OLD.request, 'owner', OLD.owner, 'due', OLD.due, 'status', OLD.status, 'closed_on', OLD.closed_on, 'marking', OLD.marking) IS NOT json_object('item_id', NEW.item_id, 'request', NEW.request, 'owner', NEW.owner, 'due', NEW.due, 'status', NEW.status, 'closed_on', NEW.closed_on, 'marking', NEW.marking)
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'follow_up', NEW.id, 'update', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'follow_up', NEW.id, 'update', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('item_id', OLD.item_id, 'request', OLD.request, 'owner', OLD.owner, 'due', OLD.due, 'status', OLD.status, 'closed_on', OLD.closed_on, 'marking', OLD.marking) AS b,
               json_object('item_id', NEW.item_id, 'request', NEW.request, 'owner', NEW.owner, 'due', NEW.due, 'status', NEW.status, 'closed_on', NEW.closed_on, 'marking', NEW.marking) AS a) AS x;
END;
CREATE TRIGGER follow_up_audit_delete AFTER DELETE ON follow_up
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'follow_up', OLD.id, 'delete', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'follow_up', OLD.id, 'delete', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('item_id', OLD.item_id, 'request', OLD.request, 'owner', OLD.owner, 'due', OLD.due, 'status', OLD.status, 'closed_on', OLD.closed_on, 'marking', OLD.marking) AS b,
               NULL AS a) AS x;
END;
CREATE TRIGGER assurance_schedule_audit_insert AFTER INSERT ON assurance_schedule
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'assurance_schedule', NEW.id, 'insert', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'assurance_schedule', NEW.id, 'insert', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               NULL AS b,
               json_object('subject', NEW.subject, 'matter', NEW.matter, 'min_months', NEW.min_months, 'max_months', NEW.max_months, 'form', NEW.form, 'lead', NEW.lead, 'last_on', NEW.last_on) AS a) AS x;
END;
CREATE TRIGGER assurance_schedule_audit_update AFTER UPDATE ON assurance_schedule
  WHEN json_object('subject', OLD.subject, 'matter', OLD.matter, 'min_months', OLD.min_months, 'max_months', OLD.max_months, 'form', OLD.form, 'lead', OLD.lead, 'last_on', OLD.last_on) IS NOT json_object('subject', NEW.subject, 'matter', NEW.matter, 'min_months', NEW.min_months, 'max_months', NEW.max_months, 'form', NEW.form, 'lead', NEW.lead, 'last_on', NEW.last_on)
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'assurance_schedule', NEW.id, 'update', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'assurance_schedule', NEW.id, 'update', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('subject', OLD.subject, 'matter', OLD.matter, 'min_months', OLD.min_months, 'max_months', OLD.max_months, 'form', OLD.form, 'lead', OLD.lead, 'last_on', OLD.last_on) AS b,
               json_object('subject', NEW.subject, 'matter', NEW.matter, 'min_months', NEW.min_months, 'max_months', NEW.max_months, 'form', NEW.form, 'lead', NEW.lead, 'last_on', NEW.last_on) AS a) AS x;
END;
CREATE TRIGGER assurance_schedule_audit_delete AFTER DELETE ON assurance_schedule
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'assurance_schedule', OLD.id, 'delete', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'assurance_schedule', OLD.id, 'delete', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('subject', OLD.subject, 'matter', OLD.matter, 'min_months', OLD.min_months, 'max_months', OLD.max_months, 'form', OLD.form, 'lead', OLD.lead, 'last_on', OLD.last_on) AS b,
               NULL AS a) AS x;
END;
CREATE TRIGGER budget_condition_audit_insert AFTER INSERT ON budget_condition
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'budget_condition', NEW.id, 'insert', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'budget_condition', NEW.id, 'insert', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               NULL AS b,
               json_object('year', NEW.year, 'position', NEW.position, 'condition', NEW.condition, 'status', NEW.status, 'note', NEW.note, 'marking', NEW.marking) AS a) AS x;
END;
CREATE TRIGGER budget_condition_audit_update AFTER UPDATE ON budget_condition
  WHEN json_object('year', OLD.year, 'position', OLD.position, 'condition', OLD.condition, 'status', OLD.status, 'note', OLD.note, 'marking', OLD.marking) IS NOT json_object('year', NEW.year, 'position', NEW.position, 'condition', NEW.condition, 'status', NEW.status, 'note', NEW.note, 'marking', NEW.marking)
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'budget_condition', NEW.id, 'update', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'budget_condition', NEW.id, 'update', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('year', OLD.year, 'position', OLD.position, 'condition', OLD.condition, 'status', OLD.status, 'note', OLD.note, 'marking', OLD.marking) AS b,
               json_object('year', NEW.year, 'position', NEW.position, 'condition', NEW.condition, 'status', NEW.status, 'note', NEW.note, 'marking', NEW.marking) AS a) AS x;
END;
CREATE TRIGGER budget_condition_audit_delete AFTER DELETE ON budget_condition
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'budget_condition', OLD.id, 'delete', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'budget_condition', OLD.id, 'delete', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('year', OLD.year, 'position', OLD.position, 'condition', OLD.condition, 'status', OLD.status, 'note', OLD.note, 'marking', OLD.marking) AS b,
               NULL AS a) AS x;
END;
CREATE TRIGGER decision_audit_insert AFTER INSERT ON decision
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'decision', NEW.id, 'insert', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'decision', NEW.id, 'insert', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               NULL AS b,
               json_object('number', NEW.number, 'title', NEW.title, 'decided_on', NEW.decided_on, 'decision', NEW.decision, 'reasons', NEW.reasons, 'value_pence', NEW.value_pence, 'category', NEW.category, 'budget_lines', NEW.budget_lines, 'status', NEW.status, 'published_on', NEW.published_on, 'marking', NEW.marking) AS a) AS x;
END;
CREATE TRIGGER decision_audit_update AFTER UPDATE ON decision
  WHEN json_object('number', OLD.number, 'title', OLD.title, 'decided_on', OLD.decided_on, 'decision', OLD.decision, 'reasons', OLD.reasons, 'value_pence', OLD.value_pence, 'category', OLD.category, 'budget_lines', OLD.budget_lines, 'status', OLD.status, 'published_on', OLD.published_on, 'marking', OLD.marking) IS NOT json_object('number', NEW.number, 'title', NEW.title, 'decided_on', NEW.decided_on, 'decision', NEW.decision, 'reasons', NEW.reasons, 'value_pence', NEW.value_pence, 'category', NEW.category, 'budget_lines', NEW.budget_lines, 'status', NEW.status, 'published_on', NEW.published_on, 'marking', NEW.marking)
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'decision', NEW.id, 'update', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'decision', NEW.id, 'update', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('number', OLD.number, 'title', OLD.title, 'decided_on', OLD.decided_on, 'decision', OLD.decision, 'reasons', OLD.reasons, 'value_pence', OLD.value_pence, 'category', OLD.category, 'budget_lines', OLD.budget_lines, 'status', OLD.status, 'published_on', OLD.published_on, 'marking', OLD.marking) AS b,
               json_object('number', NEW.number, 'title', NEW.title, 'decided_on', NEW.decided_on, 'decision', NEW.decision, 'reasons', NEW.reasons, 'value_pence', NEW.value_pence, 'category', NEW.category, 'budget_lines', NEW.budget_lines, 'status', NEW.status, 'published_on', NEW.published_on, 'marking', NEW.marking) AS a) AS x;
END;
CREATE TRIGGER decision_audit_delete AFTER DELETE ON decision
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'decision', OLD.id, 'delete', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'decision', OLD.id, 'delete', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('number', OLD.number, 'title', OLD.title, 'decided_on', OLD.decided_on, 'decision', OLD.decision, 'reasons', OLD.reasons, 'value_pence', OLD.value_pence, 'category', OLD.category, 'budget_lines', OLD.budget_lines, 'status', OLD.status, 'published_on', OLD.published_on, 'marking', OLD.marking) AS b,
               NULL AS a) AS x;
END;
CREATE TRIGGER user_audit_insert AFTER INSERT ON "user"
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'user', NEW.id, 'insert', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'user', NEW.id, 'insert', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               NULL AS b,
               json_object('login', NEW.login, 'role', NEW.role, 'created_at', NEW.created_at, 'disabled', NEW.disabled) AS a) AS x;
END;
CREATE TRIGGER user_audit_update AFTER UPDATE ON "user"
  WHEN json_object('login', OLD.login, 'role', OLD.role, 'created_at', OLD.created_at, 'disabled', OLD.disabled) IS NOT json_object('login', NEW.login, 'role', NEW.role, 'created_at', NEW.created_at, 'disabled', NEW.disabled)
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'user', NEW.id, 'update', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'user', NEW.id, 'update', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('login', OLD.login, 'role', OLD.role, 'created_at', OLD.created_at, 'disabled', OLD.disabled) AS b,
               json_object('login', NEW.login, 'role', NEW.role, 'created_at', NEW.created_at, 'disabled', NEW.disabled) AS a) AS x;
END;
CREATE TRIGGER user_audit_delete AFTER DELETE ON "user"
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'user', OLD.id, 'delete', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'user', OLD.id, 'delete', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('login', OLD.login, 'role', OLD.role, 'created_at', OLD.created_at, 'disabled', OLD.disabled) AS b,
               NULL AS a) AS x;
END;
