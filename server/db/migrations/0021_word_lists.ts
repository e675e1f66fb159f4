/**
 * 0021: the banned and suspect word lists become rows every desk holding comments syncs (the `moderation_word`
 * entity), so directors keep them from the app. Each entry's id is computed from its folded form
 * (common/node/word-ids.ts does the same), so one word added on two desks offline is one entry; a removed
 * word stays as a mark so every desk lets it go.
 */
export default /* sql */ `
ALTER TABLE moderation_words ADD COLUMN id text;
UPDATE moderation_words SET id = md5(word_key)::uuid::text;
ALTER TABLE moderation_words ALTER COLUMN id SET NOT NULL;
ALTER TABLE moderation_words ADD CONSTRAINT moderation_words_id UNIQUE (id);
ALTER TABLE moderation_words ADD COLUMN removed boolean NOT NULL DEFAULT false;
ALTER TABLE moderation_words ADD COLUMN seq bigint;
CREATE TRIGGER moderation_words_seq BEFORE INSERT OR UPDATE ON moderation_words FOR EACH ROW EXECUTE FUNCTION bump_seq();
UPDATE moderation_words SET updated_at = updated_at;
ALTER TABLE moderation_words ALTER COLUMN seq SET NOT NULL;
CREATE INDEX moderation_words_by_seq ON moderation_words (seq);
`;
