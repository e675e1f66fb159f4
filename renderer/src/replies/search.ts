/**
 * Finding a canned reply or a tag by what a person types, without regard to case or Vietnamese marks ("tra hang"
 * finds "Trả hàng": common/text/fold.ts, the same folding the inbox search uses). Forgiving on purpose: each word
 * typed must be in the title or the body, or (for a hurried "trhg") its letters in order in the title. Plain
 * TypeScript, no zod, so the reply box in the main bundle can use it.
 */
import { fold } from '../../../common/text/fold.ts';

export interface Searchable {
  title: string;
  body?: string;
}

/** The letters of `needle` appear in `hay` in order (not necessarily side by side). */
function inOrder(needle: string, hay: string): boolean {
  let at = 0;
  for (const ch of needle) {
    at = hay.indexOf(ch, at);
    if (at < 0) return false;
    at += 1;
  }
  return true;
}

/**
 * How well an item matches the words typed: higher is better, null for no match. A title that starts with the
 * query ranks first, then titles holding every word, then bodies holding them, then letters in order in the title.
 */
export function matchScore(query: string, item: Searchable): number | null {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return 0;
  const title = fold(item.title);
  const body = fold(item.body ?? '');
  if (title.startsWith(words.join(' '))) return 4;
  if (words.every((w) => title.includes(w))) return 3;
  if (words.every((w) => title.includes(w) || body.includes(w))) return 2;
  if (inOrder(words.join(''), title.replace(/\s+/g, ''))) return 1;
  return null;
}

/** The items that match, best first; items that match alike keep their order (by title, as the API lists them). */
export function search<T extends Searchable>(query: string, items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i, score: matchScore(query, item) }))
    .filter((m): m is { item: T; i: number; score: number } => m.score !== null)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((m) => m.item);
}
