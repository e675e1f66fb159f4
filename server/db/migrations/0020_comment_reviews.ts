/**
 * 0020: a comment is decided again when it must be. `version` counts its decisions (as a submission's counts its
 * edits): a decision names the version it was made on, so the first of two made on the same version wins, and a
 * moderator may undo theirs while no one else has decided since. Readers' reports are kept one per row; a
 * published comment that is reported comes back to the queue (`review`) until a moderator decides again.
 */
export default /* sql */ `
ALTER TABLE comments ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0);
ALTER TABLE comments ADD COLUMN review boolean NOT NULL DEFAULT false;

CREATE TABLE comment_reports (
  id          text PRIMARY KEY,
  comment_id  text NOT NULL REFERENCES comments(id),
  reason      text NOT NULL CHECK (reason IN ('offensive', 'spam', 'other')),
  note        text,
  reported_at timestamptz NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX comment_reports_by_comment ON comment_reports (comment_id);
`;
