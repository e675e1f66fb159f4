/**
 * 0009: staff may correct a submission's own fields (a warranty claim's serial, a trade contact's tax code;
 * common/protocol/submission-details.ts), and each correction is a `details_change` event on its timeline,
 * with the values before and after; a warranty claim's steps (common/warranty/stages.ts) are `warranty_step`
 * events, and the emails the hub sends the customer about them `notice` events. SQLite cannot change a CHECK in place, so the events table is rebuilt with the longer list; its
 * rows, ids and index are kept as they were.
 */
export default /* sql */ `
CREATE TABLE submission_events_new (
  id            TEXT PRIMARY KEY,
  submission_id TEXT NOT NULL REFERENCES submissions(id),
  type          TEXT NOT NULL CHECK (type IN ('created', 'note', 'reply', 'status_change', 'assignment', 'details_change', 'warranty_step', 'notice')),
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
`;
