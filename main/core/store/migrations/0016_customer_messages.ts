/**
 * 0016: `customer_message` events on a submission's timeline (the customer wrote again, through the website).
 * The events table is rebuilt with the longer CHECK list, as in 0012, and its index and 0011's trigger that
 * queues a service clock are made again.
 */
export default /* sql */ `
CREATE TABLE submission_events_new (
  id            TEXT PRIMARY KEY,
  submission_id TEXT NOT NULL REFERENCES submissions(id),
  type          TEXT NOT NULL CHECK (type IN ('created', 'note', 'reply', 'status_change', 'assignment', 'details_change', 'warranty_step', 'notice', 'tags_change', 'customer_message')),
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
