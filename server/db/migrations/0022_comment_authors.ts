/**
 * 0022: comment authors' standing (common/moderation/authors.ts), one row per author once a moderator has set
 * anything about them, synced to every desk holding comments (the `comment_author` entity; its id is the
 * customer's). Notes are kept in the row, in the order they reached the hub. The website feed tells the website
 * of bans and pre-moderation.
 */
export default /* sql */ `
CREATE TABLE comment_authors (
  id            text PRIMARY KEY REFERENCES customers(id),
  premoderate   boolean NOT NULL DEFAULT false,
  banned        boolean NOT NULL DEFAULT false,
  ban_reason    text,
  changed_by    text,
  changed_by_id text,
  changed_at    timestamptz,
  notes         jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(notes) = 'array'),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  seq           bigint NOT NULL,
  CHECK (banned OR ban_reason IS NULL)
);
CREATE TRIGGER comment_authors_seq BEFORE INSERT OR UPDATE ON comment_authors FOR EACH ROW EXECUTE FUNCTION bump_seq();
CREATE INDEX comment_authors_by_seq ON comment_authors (seq);

ALTER TABLE website_changes DROP CONSTRAINT website_changes_type_check;
ALTER TABLE website_changes ADD CONSTRAINT website_changes_type_check
  CHECK (type IN ('comment.publish', 'comment.hide', 'author.ban', 'author.unban', 'author.premoderate'));
`;
