/**
 * 0011: service clocks (common/sla/). Each submission keeps its clock, replayed from its timeline: when it
 * was first replied to, the business time its resolution clock used before it last stopped, and when it last
 * started (null while it waits on the customer or is closed). `due_at`, which the due-order index already
 * sorts, becomes the earliest open target computed from them, and `due_what` says which target that is.
 *
 * The clock needs the business calendar, which SQL does not have, so triggers only queue a submission that
 * arrived, changed status, or whose timeline moved the clock, and every write settles the queue in its transaction (domain/sla.ts), as the
 * search index does. Every submission still open is queued here, so the first open computes their clocks.
 *
 * The calendar and the targets directors set (common/sla/clock.ts ServiceSettings) are one row, pulled
 * from the hub; without it the defaults apply.
 */
export default /* sql */ `
ALTER TABLE submissions ADD COLUMN first_reply_at INTEGER;
ALTER TABLE submissions ADD COLUMN clock_used INTEGER NOT NULL DEFAULT 0;
ALTER TABLE submissions ADD COLUMN clock_since INTEGER;
ALTER TABLE submissions ADD COLUMN due_what TEXT CHECK (due_what IN ('first_response', 'resolution'));

CREATE TABLE clock_queue (submission_id TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TRIGGER clock_on_event AFTER INSERT ON submission_events
  WHEN NEW.type IN ('created', 'reply', 'status_change', 'warranty_step')
  BEGIN INSERT OR IGNORE INTO clock_queue (submission_id) VALUES (NEW.submission_id); END;
CREATE TRIGGER clock_on_insert AFTER INSERT ON submissions
  BEGIN INSERT OR IGNORE INTO clock_queue (submission_id) VALUES (NEW.id); END;
CREATE TRIGGER clock_on_status AFTER UPDATE OF status ON submissions WHEN OLD.status IS NOT NEW.status
  BEGIN INSERT OR IGNORE INTO clock_queue (submission_id) VALUES (NEW.id); END;
INSERT INTO clock_queue (submission_id) SELECT id FROM submissions WHERE status <> 'closed';

CREATE TABLE service_settings (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  settings   TEXT NOT NULL,
  version    INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
`;
