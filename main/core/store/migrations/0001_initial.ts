/**
 * 0001: the schema the desk and the later inboxes build on.
 * Text search uses bd_fold(), a function the store registers on every connection (see store/open.ts),
 * so the FTS table is kept in step by triggers and no code path can forget it.
 */
export default /* sql */ `
CREATE TABLE staff (
  id              TEXT PRIMARY KEY,
  username        TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name    TEXT NOT NULL,
  role            TEXT NOT NULL CHECK (role IN ('director', 'operator', 'it_admin')),
  password_hash   TEXT NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until    INTEGER,
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at      INTEGER NOT NULL
) STRICT;

CREATE TABLE staff_grants (
  staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  inbox    TEXT NOT NULL CHECK (inbox IN ('complaint', 'question', 'trade_contact', 'warranty', 'feedback', 'comment', 'promotion')),
  PRIMARY KEY (staff_id, inbox)
) STRICT;

CREATE TABLE customers (
  id          TEXT PRIMARY KEY,
  username    TEXT UNIQUE,
  gender      TEXT CHECK (gender IN ('male', 'female', 'other')),
  full_name   TEXT NOT NULL,
  email       TEXT,
  phone       TEXT,
  address     TEXT,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1
) STRICT;

-- Privacy policy art. 4: a customer's username and gender never change once set. Enforced here so that
-- no code path (intake, sync, a future screen) can change them.
CREATE TRIGGER customers_username_immutable BEFORE UPDATE OF username ON customers
WHEN OLD.username IS NOT NULL AND NEW.username IS NOT OLD.username
BEGIN SELECT RAISE(ABORT, 'customer username cannot change once set'); END;

CREATE TRIGGER customers_gender_immutable BEFORE UPDATE OF gender ON customers
WHEN OLD.gender IS NOT NULL AND NEW.gender IS NOT OLD.gender
BEGIN SELECT RAISE(ABORT, 'customer gender cannot change once set'); END;

CREATE TABLE submissions (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('complaint', 'question', 'trade_contact', 'warranty', 'feedback')),
  customer_id TEXT NOT NULL REFERENCES customers(id),
  subject     TEXT NOT NULL,
  body        TEXT NOT NULL,
  details     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details)),
  status      TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'open', 'waiting', 'closed')),
  priority    TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  assignee_id TEXT REFERENCES staff(id),
  due_at      INTEGER,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE INDEX submissions_inbox ON submissions (kind, status, created_at DESC, id);
CREATE INDEX submissions_inbox_all ON submissions (kind, created_at DESC, id);
CREATE INDEX submissions_assignee ON submissions (kind, assignee_id, created_at DESC);
CREATE INDEX submissions_customer ON submissions (customer_id);

CREATE VIRTUAL TABLE submissions_fts USING fts5 (folded, tokenize = 'unicode61 remove_diacritics 0');

CREATE TRIGGER submissions_fts_insert AFTER INSERT ON submissions BEGIN
  INSERT INTO submissions_fts (rowid, folded) VALUES (NEW.rowid, bd_fold(NEW.subject || ' ' || NEW.body));
END;
CREATE TRIGGER submissions_fts_update AFTER UPDATE OF subject, body ON submissions BEGIN
  UPDATE submissions_fts SET folded = bd_fold(NEW.subject || ' ' || NEW.body) WHERE rowid = OLD.rowid;
END;
CREATE TRIGGER submissions_fts_delete AFTER DELETE ON submissions BEGIN
  DELETE FROM submissions_fts WHERE rowid = OLD.rowid;
END;

CREATE TABLE submission_events (
  id            TEXT PRIMARY KEY,
  submission_id TEXT NOT NULL REFERENCES submissions(id),
  type          TEXT NOT NULL CHECK (type IN ('created', 'note', 'reply', 'status_change', 'assignment')),
  actor_id      TEXT REFERENCES staff(id),
  body          TEXT,
  data          TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data)),
  created_at    INTEGER NOT NULL
) STRICT;
CREATE INDEX submission_events_timeline ON submission_events (submission_id, created_at, id);

-- Append-only and hash-chained: each row's hash covers the previous row's hash and its own fields.
CREATE TABLE audit_log (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  id          TEXT NOT NULL UNIQUE,
  at          INTEGER NOT NULL,
  actor_id    TEXT,
  actor_name  TEXT NOT NULL,
  actor_role  TEXT,
  action      TEXT NOT NULL,
  target_type TEXT,
  target_id   TEXT,
  detail      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL
) STRICT;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;

-- Mutations made on this desk, waiting to be pushed to the hub; written in the same transaction as the change.
CREATE TABLE outbox (
  id           TEXT PRIMARY KEY,
  mutation     TEXT NOT NULL,
  entity_type  TEXT NOT NULL,
  entity_id    TEXT NOT NULL,
  base_version INTEGER,
  payload      TEXT NOT NULL CHECK (json_valid(payload)),
  actor_id     TEXT REFERENCES staff(id),
  created_at   INTEGER NOT NULL,
  state        TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'applied', 'rejected')),
  attempts     INTEGER NOT NULL DEFAULT 0,
  reason       TEXT
) STRICT;
CREATE INDEX outbox_pending ON outbox (state, created_at);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`;
