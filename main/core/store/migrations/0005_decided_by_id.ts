/**
 * 0005: the organisation's staff directory reaches the desk. A comment's decision names the person who made
 * it by id, as assignments and events do, now that everyone has the same id on every desk (`decided_by`
 * keeps the name shown then). An account carries the directory's version, so a director's change made on
 * a version someone else has changed since is refused rather than overwriting it, and whether its password
 * is a one-time password that must be changed at the next sign-in.
 */
export default /* sql */ `
ALTER TABLE comments ADD COLUMN decided_by_id TEXT REFERENCES staff(id);
ALTER TABLE staff ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE staff ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));
`;
