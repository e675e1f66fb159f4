/**
 * 0004: 0001's guards on customers and the audit log fire on UPDATE and DELETE only, and SQLite's REPLACE
 * (REPLACE, INSERT OR REPLACE, UPDATE OR REPLACE) deletes the row in its way without firing delete
 * triggers: an insert could rewrite a customer's username or gender, or an audit row. These guards refuse
 * those writes. An UPSERT's DO UPDATE is an UPDATE and still meets 0001's triggers; the sync applier's
 * upsert carries the hub's username and gender, which never change, so it passes.
 */
export default /* sql */ `
-- An insert onto an existing customer's id must keep the username and gender that customer has (an unset
-- one may still be set, as by UPDATE).
CREATE TRIGGER customers_insert_username_immutable BEFORE INSERT ON customers
WHEN EXISTS (SELECT 1 FROM customers c WHERE c.id = NEW.id AND c.username IS NOT NULL AND c.username IS NOT NEW.username)
BEGIN SELECT RAISE(ABORT, 'customer username cannot change once set'); END;

CREATE TRIGGER customers_insert_gender_immutable BEFORE INSERT ON customers
WHEN EXISTS (SELECT 1 FROM customers c WHERE c.id = NEW.id AND c.gender IS NOT NULL AND c.gender IS NOT NEW.gender)
BEGIN SELECT RAISE(ABORT, 'customer gender cannot change once set'); END;

-- A username another customer holds cannot be taken: REPLACE would delete that customer to make room.
CREATE TRIGGER customers_insert_username_taken BEFORE INSERT ON customers
WHEN NEW.username IS NOT NULL AND EXISTS (SELECT 1 FROM customers c WHERE c.username = NEW.username AND c.id IS NOT NEW.id)
BEGIN SELECT RAISE(ABORT, 'customer username belongs to another customer'); END;

CREATE TRIGGER customers_update_username_taken BEFORE UPDATE OF username ON customers
WHEN NEW.username IS NOT NULL AND EXISTS (SELECT 1 FROM customers c WHERE c.username = NEW.username AND c.id IS NOT OLD.id)
BEGIN SELECT RAISE(ABORT, 'customer username belongs to another customer'); END;

-- Ids never change: UPDATE OR REPLACE onto another customer's id would delete that customer and take its
-- place under another username.
CREATE TRIGGER customers_id_immutable BEFORE UPDATE OF id ON customers
WHEN NEW.id IS NOT OLD.id
BEGIN SELECT RAISE(ABORT, 'customer id cannot change'); END;

-- Append-only means no insert onto a seq or id already written (UPDATE OR REPLACE meets audit_log_no_update).
CREATE TRIGGER audit_log_no_overwrite BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM audit_log a WHERE a.seq = NEW.seq) OR EXISTS (SELECT 1 FROM audit_log a WHERE a.id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
`;
