/**
 * 0008: inboxes that stay instant at a million submissions (domain/submission-list.ts).
 *
 * - `seq`, the table's INTEGER PRIMARY KEY, follows time: created_at in milliseconds times 2^20, plus a
 *   counter for rows made in the same millisecond (SEQ_OF below). Newest-first is then the table's own order,
 *   every index ends in it, and a page goes on from the last row's key (keyset) instead of counting past
 *   OFFSET rows. It also keeps search rowids stable: an implicit rowid may be renumbered by VACUUM, seq never.
 * - Priority and due order are virtual columns that sort descending like seq, so each sort is one backward
 *   index walk; every filter the inbox offers (status, assignee, both) has its index per sort.
 * - The search index holds no copy of the text (contentless; nothing reads it back) and is keyed by seq, so
 *   search results come newest first straight from the index and stop after one page. Rows are indexed a
 *   batch at a time, with a list of the index's words (search-index.ts).
 * - Counts per kind, status and assignee are kept by triggers, so a filter's exact total is a sum over a
 *   handful of rows, not a count of a quarter of a million.
 * The table is rebuilt (SQLite cannot change a primary key in place), with foreign keys checked after the
 * rebuild as migrate() does for every migration.
 */
export default /* sql */ `
CREATE TABLE submissions_new (
  seq           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  kind          TEXT NOT NULL CHECK (kind IN ('complaint', 'question', 'trade_contact', 'warranty', 'feedback')),
  customer_id   TEXT NOT NULL REFERENCES customers(id),
  subject       TEXT NOT NULL,
  body          TEXT NOT NULL,
  details       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details)),
  status        TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'open', 'waiting', 'closed')),
  priority      TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  assignee_id   TEXT REFERENCES staff(id),
  assignee_name TEXT,
  due_at        INTEGER,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL,
  version       INTEGER NOT NULL DEFAULT 1,
  -- Most urgent first is the largest first, like newest first.
  urgency       INTEGER GENERATED ALWAYS AS (CASE priority WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END) VIRTUAL,
  -- Soonest due first is the largest first; no due time sorts after every due time.
  due_rank      INTEGER GENERATED ALWAYS AS (-ifnull(due_at, 9007199254740991)) VIRTUAL
) STRICT;

INSERT INTO submissions_new (seq, id, kind, customer_id, subject, body, details, status, priority, assignee_id, assignee_name,
                             due_at, created_at, updated_at, version)
SELECT created_at * 1048576 + row_number() OVER (PARTITION BY created_at ORDER BY id) - 1,
       id, kind, customer_id, subject, body, details, status, priority, assignee_id, assignee_name, due_at, created_at, updated_at, version
FROM submissions;

DROP TABLE submissions_fts;
DROP TABLE submissions;
ALTER TABLE submissions_new RENAME TO submissions;

-- Newest (and, walked forwards, oldest) first.
CREATE INDEX submissions_by_time ON submissions (kind);
CREATE INDEX submissions_by_time_status ON submissions (kind, status);
CREATE INDEX submissions_by_time_assignee ON submissions (kind, assignee_id);
CREATE INDEX submissions_by_time_assignee_status ON submissions (kind, assignee_id, status);
-- Most urgent first.
CREATE INDEX submissions_by_urgency ON submissions (kind, urgency);
CREATE INDEX submissions_by_urgency_status ON submissions (kind, status, urgency);
CREATE INDEX submissions_by_urgency_assignee ON submissions (kind, assignee_id, urgency);
CREATE INDEX submissions_by_urgency_assignee_status ON submissions (kind, assignee_id, status, urgency);
-- Soonest due first.
CREATE INDEX submissions_by_due ON submissions (kind, due_rank);
CREATE INDEX submissions_by_due_status ON submissions (kind, status, due_rank);
CREATE INDEX submissions_by_due_assignee ON submissions (kind, assignee_id, due_rank);
CREATE INDEX submissions_by_due_assignee_status ON submissions (kind, assignee_id, status, due_rank);
CREATE INDEX submissions_customer ON submissions (customer_id);

-- Contentless: FTS5 then removes a row's words when told which words they were ('delete' with the row's
-- text, which the triggers below take from the submission). contentless_delete=1 would not need the text,
-- but it only marks rows deleted and keeps their words in the index pages, which a purge must not.
CREATE VIRTUAL TABLE submissions_fts USING fts5 (folded, content = '', tokenize = 'unicode61 remove_diacritics 0');
INSERT INTO submissions_fts (submissions_fts, rank) VALUES ('secure-delete', 1);
-- The words of the index, for completing the last word typed without a prefix search (search-index.ts).
CREATE TABLE search_terms (term TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;

-- FTS5 writes its pending words out to a new index segment at every statement savepoint, and an insert
-- trigger runs inside one per row: indexing a row from a trigger cost 5 times the insert itself. So a new
-- row's seq is queued, and search-index.ts indexes the queue at the end of each write (a pulled page, a
-- batch, one insert). The queue outlives a crash and is indexed at the next open.
CREATE TABLE submissions_fts_queue (seq INTEGER PRIMARY KEY) STRICT;
-- Every row there is now, indexed when the store opens after this migration.
INSERT INTO submissions_fts_queue (seq) SELECT seq FROM submissions;
CREATE TRIGGER submissions_fts_insert AFTER INSERT ON submissions BEGIN
  INSERT INTO submissions_fts_queue (seq) VALUES (NEW.seq);
END;
-- A pulled row is written whole each time it changes; its words are re-indexed only when they changed. A row
-- still queued has no words in the index to remove.
CREATE TRIGGER submissions_fts_update AFTER UPDATE OF subject, body ON submissions
WHEN NEW.subject IS NOT OLD.subject OR NEW.body IS NOT OLD.body BEGIN
  INSERT INTO submissions_fts (submissions_fts, rowid, folded)
  SELECT 'delete', OLD.seq, bd_fold(OLD.subject || ' ' || OLD.body) WHERE NOT EXISTS (SELECT 1 FROM submissions_fts_queue WHERE seq = OLD.seq);
  INSERT OR IGNORE INTO submissions_fts_queue (seq) VALUES (NEW.seq);
END;
CREATE TRIGGER submissions_fts_delete AFTER DELETE ON submissions BEGIN
  INSERT INTO submissions_fts (submissions_fts, rowid, folded)
  SELECT 'delete', OLD.seq, bd_fold(OLD.subject || ' ' || OLD.body) WHERE NOT EXISTS (SELECT 1 FROM submissions_fts_queue WHERE seq = OLD.seq);
  DELETE FROM submissions_fts_queue WHERE seq = OLD.seq;
END;

CREATE TABLE submission_counts (
  kind     TEXT NOT NULL,
  status   TEXT NOT NULL,
  -- '' for unassigned, so the key has no NULL in it.
  assignee TEXT NOT NULL,
  n        INTEGER NOT NULL,
  PRIMARY KEY (kind, status, assignee)
) STRICT, WITHOUT ROWID;

INSERT INTO submission_counts (kind, status, assignee, n)
SELECT kind, status, ifnull(assignee_id, ''), count(*) FROM submissions GROUP BY 1, 2, 3;

CREATE TRIGGER submissions_count_insert AFTER INSERT ON submissions BEGIN
  INSERT INTO submission_counts (kind, status, assignee, n) VALUES (NEW.kind, NEW.status, ifnull(NEW.assignee_id, ''), 1)
  ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER submissions_count_delete AFTER DELETE ON submissions BEGIN
  UPDATE submission_counts SET n = n - 1 WHERE kind = OLD.kind AND status = OLD.status AND assignee = ifnull(OLD.assignee_id, '');
END;
CREATE TRIGGER submissions_count_update AFTER UPDATE OF kind, status, assignee_id ON submissions
WHEN NEW.kind IS NOT OLD.kind OR NEW.status IS NOT OLD.status OR NEW.assignee_id IS NOT OLD.assignee_id BEGIN
  UPDATE submission_counts SET n = n - 1 WHERE kind = OLD.kind AND status = OLD.status AND assignee = ifnull(OLD.assignee_id, '');
  INSERT INTO submission_counts (kind, status, assignee, n) VALUES (NEW.kind, NEW.status, ifnull(NEW.assignee_id, ''), 1)
  ON CONFLICT DO UPDATE SET n = n + 1;
END;
`;
