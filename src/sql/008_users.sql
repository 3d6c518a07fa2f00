-- 008_users: managing users from the web application (/users) and the
-- command line (assure user disable|enable|role|password). The time a
-- password was last set joins the audited fields, so a reset appears in the
-- trail (who reset whose password, when) without the hash ever entering it.
ALTER TABLE "user" ADD COLUMN pw_changed_at TEXT;
UPDATE "user" SET pw_changed_at = created_at;

DROP TRIGGER user_audit_insert;
DROP TRIGGER user_audit_update;
DROP TRIGGER user_audit_delete;
CREATE TRIGGER user_audit_insert AFTER INSERT ON "user"
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'user', NEW.id, 'insert', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'user', NEW.id, 'insert', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               NULL AS b,
               json_object('login', NEW.login, 'role', NEW.role, 'created_at', NEW.created_at, 'disabled', NEW.disabled, 'pw_changed_at', NEW.pw_changed_at) AS a) AS x;
END;
CREATE TRIGGER user_audit_update AFTER UPDATE ON "user"
  WHEN json_object('login', OLD.login, 'role', OLD.role, 'created_at', OLD.created_at, 'disabled', OLD.disabled, 'pw_changed_at', OLD.pw_changed_at) IS NOT json_object('login', NEW.login, 'role', NEW.role, 'created_at', NEW.created_at, 'disabled', NEW.disabled, 'pw_changed_at', NEW.pw_changed_at)
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'user', NEW.id, 'update', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'user', NEW.id, 'update', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('login', OLD.login, 'role', OLD.role, 'created_at', OLD.created_at, 'disabled', OLD.disabled, 'pw_changed_at', OLD.pw_changed_at) AS b,
               json_object('login', NEW.login, 'role', NEW.role, 'created_at', NEW.created_at, 'disabled', NEW.disabled, 'pw_changed_at', NEW.pw_changed_at) AS a) AS x;
END;
CREATE TRIGGER user_audit_delete AFTER DELETE ON "user"
BEGIN
  INSERT INTO audit(at, actor, tbl, row_id, action, before, after, hash)
  SELECT x.at, x.actor, 'user', OLD.id, 'delete', x.b, x.a,
         audit_hash((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), x.at, x.actor, 'user', OLD.id, 'delete', x.b, x.a)
  FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS at, assure_actor() AS actor,
               json_object('login', OLD.login, 'role', OLD.role, 'created_at', OLD.created_at, 'disabled', OLD.disabled, 'pw_changed_at', OLD.pw_changed_at) AS b,
               NULL AS a) AS x;
END;

UPDATE role SET description = 'Read-only: performance, packs, the Plan and published decision records' WHERE name = 'viewer';
UPDATE role SET description = 'Police, Fire and Crime Panel member: performance, packs, the Plan and published decision records' WHERE name = 'panel';
