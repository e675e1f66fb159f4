/**
 * 0013: saved views, a person's own filters of one inbox (status, assignee, tag, search, sort), kept on this
 * desk. `name_key` is the name folded (common/text/fold.ts), so a person has one view per name whatever its
 * case and marks.
 */
export default /* sql */ `
CREATE TABLE saved_views (
  id         TEXT PRIMARY KEY,
  person_id  TEXT NOT NULL REFERENCES staff(id),
  name       TEXT NOT NULL,
  name_key   TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('complaint', 'question', 'trade_contact', 'warranty', 'feedback')),
  filters    TEXT NOT NULL CHECK (json_valid(filters)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX saved_views_name ON saved_views (person_id, name_key);
`;
