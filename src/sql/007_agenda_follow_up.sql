-- 007_agenda_follow_up: an agenda item records the follow-up it came from.
--
-- Before this, whether an open follow-up was already on a meeting's agenda
-- was decided by comparing the item's matter with the follow-up's request:
-- two follow-ups in the same words counted as one, and rewording the item
-- made its follow-up look absent, so it was offered (and could be added)
-- again. Now the item holds follow_up_id and candidates match by it, as
-- schedule matters match by schedule_id and exceptions by measure_key.
--
-- Items made from a follow-up before this migration are linked by their
-- text, once, here (the lowest-numbered open or closed follow-up of an
-- earlier meeting whose request is the item's matter); an item reworded
-- before the migration stays unlinked (NULL). The link is written through
-- the audited update, so the trail shows it.

ALTER TABLE agenda_item ADD COLUMN follow_up_id INTEGER REFERENCES follow_up(id) ON DELETE SET NULL;
CREATE INDEX agenda_item_follow_up ON agenda_item(follow_up_id);

-- the audit triggers of agenda_item, with the new column in the row's JSON
DROP TRIGGER agenda_item_audit_insert;
DROP TRIGGER agenda_item_audit_update;
DROP TRIGGER agenda_item_audit_delete;
CREATE TRIGGER agenda_item_audit_insert AFTER INSERT ON agenda_item
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'agenda_item', NEW.id, 'insert', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'agenda_item', NEW.id, 'insert', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               NULL AS b,
               json_object('meeting_id', NEW.meeting_id, 'position', NEW.position, 'subject', NEW.subject, 'objective_id', NEW.objective_id, 'measure_key', NEW.measure_key, 'matter', NEW.matter, 'questions', NEW.questions, 'form', NEW.form, 'lead', NEW.lead, 'paper_due', NEW.paper_due, 'to_force', NEW.to_force, 'origin', NEW.origin, 'schedule_id', NEW.schedule_id, 'follow_up_id', NEW.follow_up_id, 'answer', NEW.answer, 'verdict', NEW.verdict, 'discussion', NEW.discussion, 'marking', NEW.marking) AS a) AS x;
END;
CREATE TRIGGER agenda_item_audit_update AFTER UPDATE ON agenda_item
  WHEN json_object('meeting_id', OLD.meeting_id, 'position', OLD.position, 'subject', OLD.subject, 'objective_id', OLD.objective_id, 'measure_key', OLD.measure_key, 'matter', OLD.matter, 'questions', OLD.questions, 'form', OLD.form, 'lead', OLD.lead, 'paper_due', OLD.paper_due, 'to_force', OLD.to_force, 'origin', OLD.origin, 'schedule_id', OLD.schedule_id, 'follow_up_id', OLD.follow_up_id, 'answer', OLD.answer, 'verdict', OLD.verdict, 'discussion', OLD.discussion, 'marking', OLD.marking) IS NOT json_object('meeting_id', NEW.meeting_id, 'position', NEW.position, 'subject', NEW.subject, 'objective_id', NEW.objective_id, 'measure_key', NEW.measure_key, 'matter', NEW.matter, 'questions', NEW.questions, 'form', NEW.form, 'lead', NEW.lead, 'paper_due', NEW.paper_due, 'to_force', NEW.to_force, 'origin', NEW.origin, 'schedule_id', NEW.schedule_id, 'follow_up_id', NEW.follow_up_id, 'answer', NEW.answer, 'verdict', NEW.verdict, 'discussion', NEW.discussion, 'marking', NEW.marking)
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'agenda_item', NEW.id, 'update', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'agenda_item', NEW.id, 'update', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('meeting_id', OLD.meeting_id, 'position', OLD.position, 'subject', OLD.subject, 'objective_id', OLD.objective_id, 'measure_key', OLD.measure_key, 'matter', OLD.matter, 'questions', OLD.questions, 'form', OLD.form, 'lead', OLD.lead, 'paper_due', OLD.paper_due, 'to_force', OLD.to_force, 'origin', OLD.origin, 'schedule_id', OLD.schedule_id, 'follow_up_id', OLD.follow_up_id, 'answer', OLD.answer, 'verdict', OLD.verdict, 'discussion', OLD.discussion, 'marking', OLD.marking) AS b,
               json_object('meeting_id', NEW.meeting_id, 'position', NEW.position, 'subject', NEW.subject, 'objective_id', NEW.objective_id, 'measure_key', NEW.measure_key, 'matter', NEW.matter, 'questions', NEW.questions, 'form', NEW.form, 'lead', NEW.lead, 'paper_due', NEW.paper_due, 'to_force', NEW.to_force, 'origin', NEW.origin, 'schedule_id', NEW.schedule_id, 'follow_up_id', NEW.follow_up_id, 'answer', NEW.answer, 'verdict', NEW.verdict, 'discussion', NEW.discussion, 'marking', NEW.marking) AS a) AS x;
END;
CREATE TRIGGER agenda_item_audit_delete AFTER DELETE ON agenda_item
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'agenda_item', OLD.id, 'delete', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'agenda_item', OLD.id, 'delete', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('meeting_id', OLD.meeting_id, 'position', OLD.position, 'subject', OLD.subject, 'objective_id', OLD.objective_id, 'measure_key', OLD.measure_key, 'matter', OLD.matter, 'questions', OLD.questions, 'form', OLD.form, 'lead', OLD.lead, 'paper_due', OLD.paper_due, 'to_force', OLD.to_force, 'origin', OLD.origin, 'schedule_id', OLD.schedule_id, 'follow_up_id', OLD.follow_up_id, 'answer', OLD.answer, 'verdict', OLD.verdict, 'discussion', OLD.discussion, 'marking', OLD.marking) AS b,
               NULL AS a) AS x;
END;

UPDATE agenda_item SET follow_up_id = (
    SELECT min(f.id) FROM follow_up f JOIN agenda_item i ON i.id = f.item_id JOIN meeting m ON m.id = i.meeting_id
     WHERE f.request = agenda_item.matter AND i.meeting_id <> agenda_item.meeting_id
       AND m.held_on < (SELECT held_on FROM meeting WHERE id = agenda_item.meeting_id))
 WHERE origin = 'follow-up' AND follow_up_id IS NULL;
