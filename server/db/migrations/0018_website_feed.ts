/**
 * 0018: the website feed (server/website/feed.ts), what the website must act on, in commit order: comments to
 * publish or hide now, and whatever later issues add (bans, approved profile changes, deleted accounts). Each
 * change is written in the transaction of the decision that causes it, under the write lock, so `seq` is
 * handed out in commit order and a website reading "seq > cursor" never misses one that committed late. It
 * names only the website's own references, never personal data.
 */
export default /* sql */ `
CREATE SEQUENCE website_change_seq;
CREATE TABLE website_changes (
  seq        bigint PRIMARY KEY DEFAULT nextval('website_change_seq'),
  id         text NOT NULL UNIQUE,
  type       text NOT NULL CHECK (type IN ('comment.publish', 'comment.hide')),
  data       jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object'),
  created_at timestamptz NOT NULL DEFAULT now()
);
`;
