/**
 * 0017: saved views (common/protocol/saved-views.ts), each one person's filters of one inbox, so every desk
 * where that person may sign in holds them. A deleted view stays as a mark (`deleted`) that the feed carries to
 * the desks that hold it. `name_key` is the name folded: the person's live views have one name each.
 */
export default /* sql */ `
CREATE TABLE saved_views (
  id         text PRIMARY KEY,
  person_id  text NOT NULL REFERENCES staff(id),
  name       text NOT NULL,
  name_key   text NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('complaint', 'question', 'trade_contact', 'warranty', 'feedback')),
  filters    jsonb NOT NULL CHECK (jsonb_typeof(filters) = 'object'),
  deleted    boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  seq        bigint NOT NULL
);
CREATE UNIQUE INDEX saved_views_name ON saved_views (person_id, name_key) WHERE NOT deleted;
CREATE TRIGGER saved_views_seq BEFORE INSERT OR UPDATE ON saved_views FOR EACH ROW EXECUTE FUNCTION bump_seq();
CREATE INDEX saved_views_by_seq ON saved_views (seq);
`;
