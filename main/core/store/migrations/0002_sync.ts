/**
 * 0002: what sync with the hub needs. Rows made on other desks name their actor and assignee as text
 * (staff accounts are per desk); comments, consents and account requests arrive from the website;
 * a rejected outbox mutation keeps the hub's current state beside its reason.
 */
export default /* sql */ `
ALTER TABLE submission_events ADD COLUMN actor_name TEXT;
ALTER TABLE submissions ADD COLUMN assignee_name TEXT;
ALTER TABLE outbox ADD COLUMN current TEXT CHECK (current IS NULL OR json_valid(current));
ALTER TABLE outbox ADD COLUMN dismissed INTEGER NOT NULL DEFAULT 0 CHECK (dismissed IN (0, 1));
-- Applying a pulled row asks whether a local change to it is still waiting; the outbox keeps every row
-- it ever held, so that question must not scan it.
CREATE INDEX outbox_pending_entity ON outbox (entity_id) WHERE state = 'pending';

CREATE TABLE comments (
  id          TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  page_url    TEXT NOT NULL,
  body        TEXT NOT NULL,
  posted_at   INTEGER NOT NULL,
  status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'spam')),
  decided_by  TEXT,
  decided_at  INTEGER
) STRICT;
CREATE INDEX comments_queue ON comments (status, posted_at DESC);

CREATE TABLE consents (
  id          TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  opted_in    INTEGER NOT NULL CHECK (opted_in IN (0, 1)),
  channel     TEXT NOT NULL,
  wording     TEXT NOT NULL,
  recorded_at INTEGER NOT NULL
) STRICT;

CREATE TABLE account_requests (
  id           TEXT PRIMARY KEY,
  customer_id  TEXT NOT NULL REFERENCES customers(id),
  type         TEXT NOT NULL CHECK (type IN ('profile_change', 'deletion')),
  changes      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(changes)),
  requested_at INTEGER NOT NULL,
  status       TEXT NOT NULL DEFAULT 'pending'
) STRICT;
`;
