/**
 * 0022: what comment moderators keep besides decisions, as the hub's 0021 and 0022: the banned and suspect word
 * lists (a removed word is deleted here; the hub keeps its mark), and each author's standing with the notes
 * moderators wrote about them, by the customer's id.
 */
export default /* sql */ `
CREATE TABLE moderation_words (
  id         TEXT PRIMARY KEY,
  word       TEXT NOT NULL,
  level      TEXT NOT NULL CHECK (level IN ('banned', 'suspect')),
  updated_at INTEGER NOT NULL
);
CREATE TABLE comment_authors (
  id          TEXT PRIMARY KEY,
  premoderate INTEGER NOT NULL DEFAULT 0 CHECK (premoderate IN (0, 1)),
  banned      INTEGER NOT NULL DEFAULT 0 CHECK (banned IN (0, 1)),
  ban_reason  TEXT,
  changed_by  TEXT,
  changed_at  INTEGER,
  notes       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(notes)),
  updated_at  INTEGER NOT NULL
);
`;
