/**
 * 0025: customers' requests about their data as an inbox with legal clocks (the hub's 0026): four types, the
 * channel and who logged a request taken by email or phone, a third party's part, the acknowledgement, the one
 * extension with its reason, the outcome. SQLite cannot change a CHECK, so the table is made again.
 */
export default /* sql */ `
CREATE TABLE account_requests_new (
  id               TEXT PRIMARY KEY,
  customer_id      TEXT NOT NULL REFERENCES customers(id),
  type             TEXT NOT NULL CHECK (type IN ('profile_change', 'deletion', 'consent_withdrawal', 'data_copy')),
  changes          TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(changes)),
  requested_at     INTEGER NOT NULL,
  status           TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'acknowledged', 'completed', 'rejected')),
  channel          TEXT NOT NULL DEFAULT 'website' CHECK (channel IN ('website', 'email', 'phone', 'in_person')),
  note             TEXT,
  logged_by        TEXT,
  third_party      INTEGER NOT NULL DEFAULT 0 CHECK (third_party IN (0, 1)),
  acknowledged_by  TEXT,
  acknowledged_at  INTEGER,
  extension_days   INTEGER CHECK (extension_days BETWEEN 1 AND 15),
  extension_reason TEXT,
  extended_by      TEXT,
  extended_at      INTEGER,
  decided_by       TEXT,
  decided_at       INTEGER,
  decision_reason  TEXT
) STRICT;
INSERT INTO account_requests_new (id, customer_id, type, changes, requested_at, status)
  SELECT id, customer_id, type, changes, requested_at,
         CASE WHEN status IN ('pending', 'acknowledged', 'completed', 'rejected') THEN status ELSE 'pending' END
  FROM account_requests;
DROP TABLE account_requests;
ALTER TABLE account_requests_new RENAME TO account_requests;
CREATE INDEX account_requests_customer ON account_requests (customer_id);
CREATE INDEX account_requests_by_status ON account_requests (status, requested_at);
`;
