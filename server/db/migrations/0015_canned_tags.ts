/**
 * 0015: canned replies and tags, kept by directors for the whole organisation.
 *
 * - `canned_replies` (common/replies/canned.ts): for one inbox (`kind`) or every inbox (null); each desk pulls
 *   those of the inboxes in its scope and those for every inbox.
 * - `tags` (common/protocol/tags.ts): `name_key` is the name folded (case, Vietnamese marks, spaces), so one name
 *   is one tag; every desk pulls them all.
 * - A submission's tags are a list of tag ids on its row, sent with it in the pull; `tags_change` events record
 *   who put which on and took which off.
 */
export default /* sql */ `
CREATE TABLE canned_replies (
  id         text PRIMARY KEY,
  title      text NOT NULL,
  body       text NOT NULL,
  kind       text CHECK (kind IN ('complaint', 'question', 'trade_contact', 'warranty', 'feedback')),
  active     boolean NOT NULL DEFAULT true,
  version    integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  seq        bigint NOT NULL
);
CREATE TRIGGER canned_replies_seq BEFORE INSERT OR UPDATE ON canned_replies FOR EACH ROW EXECUTE FUNCTION bump_seq();
CREATE INDEX canned_replies_by_seq ON canned_replies (seq);

CREATE TABLE tags (
  id         text PRIMARY KEY,
  name       text NOT NULL,
  name_key   text NOT NULL,
  color      text NOT NULL CHECK (color IN ('gray', 'red', 'orange', 'yellow', 'green', 'teal', 'blue', 'purple', 'pink')),
  archived   boolean NOT NULL DEFAULT false,
  version    integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  seq        bigint NOT NULL
);
CREATE UNIQUE INDEX tags_name_key ON tags (name_key);
CREATE TRIGGER tags_seq BEFORE INSERT OR UPDATE ON tags FOR EACH ROW EXECUTE FUNCTION bump_seq();
CREATE INDEX tags_by_seq ON tags (seq);

ALTER TABLE submissions ADD COLUMN tags jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(tags) = 'array');

ALTER TABLE submission_events DROP CONSTRAINT submission_events_type_check;
ALTER TABLE submission_events ADD CONSTRAINT submission_events_type_check
  CHECK (type IN ('created', 'note', 'reply', 'status_change', 'assignment', 'details_change', 'warranty_step', 'notice', 'tags_change'));
`;
