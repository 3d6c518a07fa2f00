-- 009_objective_measure: which measures evidence which Plan objectives is
-- chosen on /plan/measures, so the links join the audit trail. The table
-- has no rowid: an entry's row is the objective's id, and the measure is
-- named by its key, so /audit?table=objective_measure&id=N is objective N's
-- links, added and removed.
CREATE TRIGGER objective_measure_audit_insert AFTER INSERT ON objective_measure
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'objective_measure', NEW.objective_id, 'insert', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'objective_measure', NEW.objective_id, 'insert', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               NULL AS b,
               json_object('objective_id', NEW.objective_id, 'measure', (SELECT key FROM measure WHERE id=NEW.measure_id)) AS a) AS x;
END;
CREATE TRIGGER objective_measure_audit_update AFTER UPDATE ON objective_measure
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'objective_measure', NEW.objective_id, 'update', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'objective_measure', NEW.objective_id, 'update', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('objective_id', OLD.objective_id, 'measure', (SELECT key FROM measure WHERE id=OLD.measure_id)) AS b,
               json_object('objective_id', NEW.objective_id, 'measure', (SELECT key FROM measure WHERE id=NEW.measure_id)) AS a) AS x;
END;
CREATE TRIGGER objective_measure_audit_delete AFTER DELETE ON objective_measure
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'objective_measure', OLD.objective_id, 'delete', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'objective_measure', OLD.objective_id, 'delete', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('objective_id', OLD.objective_id, 'measure', (SELECT key FROM measure WHERE id=OLD.measure_id)) AS b,
               NULL AS a) AS x;
END;
