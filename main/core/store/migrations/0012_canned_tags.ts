/**
 * 0012: canned replies and tags, pulled from the hub and kept by directors through the outbox.
 *
 * - `canned_replies` (common/replies/canned.ts): for one inbox (`kind`) or every inbox (null).
 * - `tags` (common/protocol/tags.ts). A name is one tag whatever its case and marks, but that is the hub's to
 *   keep (as for SKUs, migration 0010): a pulled row must never fail to apply because a local one has its name.
 * - `submission_tags`: which submission has which tag, with a copy of the submission's list keys (kind, seq,
 *   status, assignee, urgency, due rank) that the triggers below keep, so an inbox filtered by one tag is, for
 *   every sort and filter, one walk down an index of this table in the list's order, as migration 0008 made the
 *   inbox without it: a first page reads a page, however many submissions there are. The primary key is the
 *   time walk (and the end of every other index); counts per tag are kept like the inbox's, for exact totals.
 *   No reference to `tags`: a submission may name a tag whose row comes later in the feed.
 * - `tags_change` events on a submission's timeline (the events table is rebuilt with the longer CHECK list,
 *   as in 0009; dropping the old table drops 0011's trigger that queues a service clock, so it is made again).
 */
export default /* sql */ `
CREATE TABLE canned_replies (
  id         TEXT PRIMARY KEY,
  title      TEXT NOT NULL,
  body       TEXT NOT NULL,
  kind       TEXT CHECK (kind IN ('complaint', 'question', 'trade_contact', 'warranty', 'feedback')),
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version    INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE tags (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  color      TEXT NOT NULL CHECK (color IN ('gray', 'red', 'orange', 'yellow', 'green', 'teal', 'blue', 'purple', 'pink')),
  archived   INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  version    INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE submission_tags (
  tag_id        TEXT NOT NULL,
  kind          TEXT NOT NULL,
  seq           INTEGER NOT NULL,
  submission_id TEXT NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  status        TEXT NOT NULL,
  assignee_id   TEXT,
  urgency       INTEGER NOT NULL,
  due_rank      INTEGER NOT NULL,
  PRIMARY KEY (tag_id, kind, seq)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX submission_tags_of ON submission_tags (submission_id, tag_id);
-- Every index of a table without rowid ends in its primary key, so each of these ends in seq, like 0008's.
-- Newest (and, walked forwards, oldest) first: the primary key, and
CREATE INDEX submission_tags_by_time_status ON submission_tags (tag_id, kind, status);
CREATE INDEX submission_tags_by_time_assignee ON submission_tags (tag_id, kind, assignee_id);
CREATE INDEX submission_tags_by_time_assignee_status ON submission_tags (tag_id, kind, assignee_id, status);
-- Most urgent first.
CREATE INDEX submission_tags_by_urgency ON submission_tags (tag_id, kind, urgency);
CREATE INDEX submission_tags_by_urgency_status ON submission_tags (tag_id, kind, status, urgency);
CREATE INDEX submission_tags_by_urgency_assignee ON submission_tags (tag_id, kind, assignee_id, urgency);
CREATE INDEX submission_tags_by_urgency_assignee_status ON submission_tags (tag_id, kind, assignee_id, status, urgency);
-- Soonest due first.
CREATE INDEX submission_tags_by_due ON submission_tags (tag_id, kind, due_rank);
CREATE INDEX submission_tags_by_due_status ON submission_tags (tag_id, kind, status, due_rank);
CREATE INDEX submission_tags_by_due_assignee ON submission_tags (tag_id, kind, assignee_id, due_rank);
CREATE INDEX submission_tags_by_due_assignee_status ON submission_tags (tag_id, kind, assignee_id, status, due_rank);

-- The copies follow the submission (a kind and a seq never change).
CREATE TRIGGER submission_tags_follow AFTER UPDATE OF status, assignee_id, priority, due_at ON submissions
WHEN NEW.status IS NOT OLD.status OR NEW.assignee_id IS NOT OLD.assignee_id OR NEW.priority IS NOT OLD.priority
  OR NEW.due_at IS NOT OLD.due_at BEGIN
  UPDATE submission_tags SET status = NEW.status, assignee_id = NEW.assignee_id, urgency = NEW.urgency, due_rank = NEW.due_rank
  WHERE submission_id = NEW.id;
END;

CREATE TABLE submission_tag_counts (
  tag_id   TEXT NOT NULL,
  kind     TEXT NOT NULL,
  status   TEXT NOT NULL,
  -- '' for unassigned, as in submission_counts.
  assignee TEXT NOT NULL,
  n        INTEGER NOT NULL,
  PRIMARY KEY (tag_id, kind, status, assignee)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER submission_tags_count_insert AFTER INSERT ON submission_tags BEGIN
  INSERT INTO submission_tag_counts (tag_id, kind, status, assignee, n) VALUES (NEW.tag_id, NEW.kind, NEW.status, ifnull(NEW.assignee_id, ''), 1)
  ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER submission_tags_count_delete AFTER DELETE ON submission_tags BEGIN
  UPDATE submission_tag_counts SET n = n - 1
  WHERE tag_id = OLD.tag_id AND kind = OLD.kind AND status = OLD.status AND assignee = ifnull(OLD.assignee_id, '');
END;
CREATE TRIGGER submission_tags_count_update AFTER UPDATE OF status, assignee_id ON submission_tags
WHEN NEW.status IS NOT OLD.status OR NEW.assignee_id IS NOT OLD.assignee_id BEGIN
  UPDATE submission_tag_counts SET n = n - 1
  WHERE tag_id = OLD.tag_id AND kind = OLD.kind AND status = OLD.status AND assignee = ifnull(OLD.assignee_id, '');
  INSERT INTO submission_tag_counts (tag_id, kind, status, assignee, n) VALUES (NEW.tag_id, NEW.kind, NEW.status, ifnull(NEW.assignee_id, ''), 1)
  ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TABLE submission_events_new (
  id            TEXT PRIMARY KEY,
  submission_id TEXT NOT NULL REFERENCES submissions(id),
  type          TEXT NOT NULL CHECK (type IN ('created', 'note', 'reply', 'status_change', 'assignment', 'details_change', 'warranty_step', 'notice', 'tags_change')),
  actor_id      TEXT REFERENCES staff(id),
  body          TEXT,
  data          TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data)),
  created_at    INTEGER NOT NULL,
  actor_name    TEXT
) STRICT;
INSERT INTO submission_events_new (id, submission_id, type, actor_id, body, data, created_at, actor_name)
SELECT id, submission_id, type, actor_id, body, data, created_at, actor_name FROM submission_events;
DROP TABLE submission_events;
ALTER TABLE submission_events_new RENAME TO submission_events;
CREATE INDEX submission_events_timeline ON submission_events (submission_id, created_at, id);
CREATE TRIGGER clock_on_event AFTER INSERT ON submission_events
  WHEN NEW.type IN ('created', 'reply', 'status_change', 'warranty_step')
  BEGIN INSERT OR IGNORE INTO clock_queue (submission_id) VALUES (NEW.submission_id); END;
`;
