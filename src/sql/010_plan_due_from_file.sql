-- 010_plan_due_from_file: what the work plan said an action was due, as
-- last imported. A re-import moves an action's due date to the file's only
-- while the office has not changed it in assure (due still equals
-- due_from_file); a date the office changed is kept, and the import says
-- how many. Audited with the action's other fields.
DROP TRIGGER plan_action_audit_insert;
DROP TRIGGER plan_action_audit_update;
DROP TRIGGER plan_action_audit_delete;
ALTER TABLE plan_action ADD COLUMN due_from_file TEXT;
CREATE TRIGGER plan_action_audit_insert AFTER INSERT ON plan_action
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'plan_action', NEW.id, 'insert', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'plan_action', NEW.id, 'insert', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               NULL AS b,
               json_object('deliverable_id', NEW.deliverable_id, 'position', NEW.position, 'title', NEW.title, 'owner', NEW.owner, 'due', NEW.due, 'due_month', NEW.due_month, 'status', NEW.status, 'rag', NEW.rag, 'note', NEW.note, 'marking', NEW.marking, 'source_line', NEW.source_line, 'due_from_file', NEW.due_from_file) AS a) AS x;
END;
CREATE TRIGGER plan_action_audit_update AFTER UPDATE ON plan_action
  WHEN json_object('deliverable_id', OLD.deliverable_id, 'position', OLD.position, 'title', OLD.title, 'owner', OLD.owner, 'due', OLD.due, 'due_month', OLD.due_month, 'status', OLD.status, 'rag', OLD.rag, 'note', OLD.note, 'marking', OLD.marking, 'source_line', OLD.source_line, 'due_from_file', OLD.due_from_file) IS NOT json_object('deliverable_id', NEW.deliverable_id, 'position', NEW.position, 'title', NEW.title, 'owner', NEW.owner, 'due', NEW.due, 'due_month', NEW.due_month, 'status', NEW.status, 'rag', NEW.rag, 'note', NEW.note, 'marking', NEW.marking, 'source_line', NEW.source_line, 'due_from_file', NEW.due_from_file)
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'plan_action', NEW.id, 'update', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'plan_action', NEW.id, 'update', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('deliverable_id', OLD.deliverable_id, 'position', OLD.position, 'title', OLD.title, 'owner', OLD.owner, 'due', OLD.due, 'due_month', OLD.due_month, 'status', OLD.status, 'rag', OLD.rag, 'note', OLD.note, 'marking', OLD.marking, 'source_line', OLD.source_line, 'due_from_file', OLD.due_from_file) AS b,
               json_object('deliverable_id', NEW.deliverable_id, 'position', NEW.position, 'title', NEW.title, 'owner', NEW.owner, 'due', NEW.due, 'due_month', NEW.due_month, 'status', NEW.status, 'rag', NEW.rag, 'note', NEW.note, 'marking', NEW.marking, 'source_line', NEW.source_line, 'due_from_file', NEW.due_from_file) AS a) AS x;
END;
CREATE TRIGGER plan_action_audit_delete AFTER DELETE ON plan_action
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'plan_action', OLD.id, 'delete', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'plan_action', OLD.id, 'delete', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('deliverable_id', OLD.deliverable_id, 'position', OLD.position, 'title', OLD.title, 'owner', OLD.owner, 'due', OLD.due, 'due_month', OLD.due_month, 'status', OLD.status, 'rag', OLD.rag, 'note', OLD.note, 'marking', OLD.marking, 'source_line', OLD.source_line, 'due_from_file', OLD.due_from_file) AS b,
               NULL AS a) AS x;
END;

UPDATE plan_action SET due_from_file = due WHERE source_line IS NOT NULL;
