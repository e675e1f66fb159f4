/**
 * The banned and suspect word lists on the hub (migration 0021), which markers.ts reads at intake. Only directors
 * keep them; an entry is named by its folded form (common/node/word-ids.ts), so a change names the entry it is
 * about whatever desk made it, and the last change to reach the hub stands.
 */
import { wordKey, type ModerationWordFields } from '../../common/moderation/word-lists.ts';
import { wordId } from '../../common/node/word-ids.ts';
import type { Queryable } from '../db/connect.ts';
import { directorThen, DirectoryRefusal } from '../directory/staff.ts';

export async function saveWord(
  tx: Queryable,
  m: { actorId: string; entityId: string; createdAt: number; payload: ModerationWordFields },
): Promise<void> {
  const { word, level, removed } = m.payload;
  if (!(await directorThen(tx, m.actorId, new Date(m.createdAt)))) throw new DirectoryRefusal('only a director may change the word lists');
  if (m.entityId !== wordId(word)) throw new DirectoryRefusal(`the entry for “${word}” has another id`);
  await tx.query(
    `INSERT INTO moderation_words (id, word_key, word, level, removed, seq) VALUES ($1, $2, $3, $4, $5, 0)
     ON CONFLICT (word_key) DO UPDATE SET word = excluded.word, level = excluded.level, removed = excluded.removed, updated_at = now()`,
    [m.entityId, wordKey(word), word, level, removed],
  );
}
