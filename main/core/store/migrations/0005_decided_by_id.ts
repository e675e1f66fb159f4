/**
 * 0005: a comment's decision names the person who made it by id, as assignments and events do, now that the
 * organisation's directory gives everyone the same id on every desk. `decided_by` keeps the name shown then.
 */
export default /* sql */ `
ALTER TABLE comments ADD COLUMN decided_by_id TEXT REFERENCES staff(id);
`;
