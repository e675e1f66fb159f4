/**
 * The banned and suspect word lists on this desk (common/moderation/word-lists.ts): read by comment moderators,
 * kept by directors. A change is saved here at once and pushed; the hub marks comments with the lists it holds.
 */
import { wordKey, type ModerationWord, type ModerationWordFields, type WordLevel } from '../../../common/moderation/word-lists.ts';
import { wordId } from '../../../common/node/word-ids.ts';
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';
import { enqueue } from './outbox.ts';

interface WordRow {
  id: string;
  word: string;
  level: WordLevel;
  updated_at: number;
}

export function listWords(db: Db): ModerationWord[] {
  const rows = stmt(db, 'SELECT * FROM moderation_words').all() as WordRow[];
  return rows
    .map((r) => ({ id: r.id, word: r.word, level: r.level, removed: false, updatedAt: r.updated_at }))
    .sort((a, b) => a.level.localeCompare(b.level) || wordKey(a.word).localeCompare(wordKey(b.word)));
}

/** Writes an entry, or deletes it when removed: as changed here or as the hub holds it (sync/apply.ts). */
export function putWord(db: Db, id: string, w: { word: string; level: WordLevel; removed: boolean }, updatedAt: number): void {
  if (w.removed) stmt(db, 'DELETE FROM moderation_words WHERE id = ?').run(id);
  else
    stmt(
      db,
      `INSERT INTO moderation_words (id, word, level, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET word = excluded.word, level = excluded.level, updated_at = excluded.updated_at`,
    ).run(id, w.word, w.level, updatedAt);
}

/** Adds a word (or moves it to the other list, or rewrites it) or removes it; one entry per folded form. */
export function saveWord(db: Db, actorId: string, fields: ModerationWordFields, now = Date.now()): { id: string } {
  return db.transaction(() => {
    const id = wordId(fields.word);
    putWord(db, id, fields, now);
    enqueue(db, { mutation: 'word.save', entityType: 'moderation_word', entityId: id, payload: fields, actorId }, now);
    return { id };
  })();
}
