/**
 * 0006: people sign what they do. An account carries its current signing key as the directory holds it (the
 * private half only wrapped under a key derived from the person's password); each outbox row and each audit
 * row carries its author's signature, made while they were signed in; and the hub's verdict on the signature
 * of its copy of each audit row is kept for the director's audit view.
 */
export default /* sql */ `
ALTER TABLE staff ADD COLUMN key_id TEXT;
ALTER TABLE staff ADD COLUMN public_key TEXT;
ALTER TABLE staff ADD COLUMN wrapped_key TEXT CHECK (wrapped_key IS NULL OR json_valid(wrapped_key));
ALTER TABLE outbox ADD COLUMN key_id TEXT;
ALTER TABLE outbox ADD COLUMN signature TEXT;
ALTER TABLE audit_log ADD COLUMN key_id TEXT;
ALTER TABLE audit_log ADD COLUMN signature TEXT;
CREATE TABLE audit_hub_verdicts (
  seq       INTEGER PRIMARY KEY REFERENCES audit_log(seq),
  signature TEXT NOT NULL CHECK (signature IN ('verified', 'unsigned', 'invalid'))
) STRICT;
`;
