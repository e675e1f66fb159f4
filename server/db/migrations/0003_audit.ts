/**
 * 0003: the hub's copy of every desk's audit log, append-only like the original. A desk whose own log was
 * rewritten (even with its hashes recomputed) no longer matches this copy.
 */
export default /* sql */ `
CREATE TABLE audit_copies (
  device_id text NOT NULL REFERENCES devices(id),
  seq       bigint NOT NULL,
  id        text NOT NULL,
  prev_hash text NOT NULL,
  hash      text NOT NULL,
  row       jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (device_id, seq)
);
CREATE FUNCTION audit_copies_append_only() RETURNS trigger AS $$
BEGIN RAISE EXCEPTION 'the audit copy is append-only'; END $$ LANGUAGE plpgsql;
CREATE TRIGGER audit_copies_no_change BEFORE UPDATE OR DELETE ON audit_copies FOR EACH ROW EXECUTE FUNCTION audit_copies_append_only();
`;
