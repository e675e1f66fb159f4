/**
 * A listed word's id, the same on every desk and on the hub (migration 0021 computes it in SQL as
 * `md5(word_key)::uuid`): two directors adding one word offline change one entry, not two. An MD5 of
 * the folded word names it; nothing here needs it to be secret or unforgeable.
 */
import { createHash } from 'node:crypto';
import { wordKey } from '../moderation/word-lists.ts';

export function wordId(word: string): string {
  const h = createHash('md5').update(wordKey(word)).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
