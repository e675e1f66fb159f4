/**
 * 0020: why a comment waits (common/moderation/markers.ts), as the hub marked it at intake, and where it was
 * posted: the page's title beside its address, and the comment it answers (by id; shown when this desk holds it).
 */
export default /* sql */ `
ALTER TABLE comments ADD COLUMN page_title TEXT;
ALTER TABLE comments ADD COLUMN reply_to TEXT;
ALTER TABLE comments ADD COLUMN markers TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(markers) AND json_type(markers) = 'array');
`;
