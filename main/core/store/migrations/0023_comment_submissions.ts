/**
 * 0023: a comment turned into a submission and that submission name each other (the hub's 0024). The comment
 * names it, with its kind, as soon as it is turned here; the submission arrives with the next pull once the hub has made it.
 */
export default /* sql */ `
ALTER TABLE comments ADD COLUMN submission_id TEXT;
ALTER TABLE comments ADD COLUMN submission_kind TEXT CHECK (submission_kind IN ('question', 'complaint', 'feedback'));
ALTER TABLE submissions ADD COLUMN comment_id TEXT;
`;
