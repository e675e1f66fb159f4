/**
 * 0021: a comment is decided again when it must be (as the hub's migration 0020). `version` counts its decisions:
 * a decision names the version it was made on. `review` is a published comment readers reported, back in the
 * queue. `prior` is what the comment was before a decision made here that has not left for the hub yet, so
 * undoing that decision puts it back exactly as it was.
 */
export default /* sql */ `
ALTER TABLE comments ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version > 0);
ALTER TABLE comments ADD COLUMN review INTEGER NOT NULL DEFAULT 0 CHECK (review IN (0, 1));
ALTER TABLE comments ADD COLUMN prior TEXT CHECK (prior IS NULL OR json_valid(prior));
CREATE INDEX comments_reported ON comments (posted_at DESC) WHERE review = 1;
`;
