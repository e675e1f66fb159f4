/**
 * The search index of submissions (migration 0008): what is queued gets indexed, and what a person types
 * becomes an index query that stays fast at a million rows.
 *
 * Indexing: migration 0008 queues each new or re-worded row, since indexing it from its own trigger made
 * every insert five times slower (FTS5 writes a segment at each statement savepoint). Every write that adds
 * submissions ends by calling indexQueued in its transaction: insertSubmission for one row, the sync page
 * applier for a page; opening the store indexes whatever a crash left queued.
 *
 * Querying: FTS5 answers a whole word lazily, newest first, stopping after a page (well under a millisecond
 * for a word in every row), but a prefix (`thoa*`) makes it merge the hit lists of every word with that
 * prefix before the first row comes out (60 ms for a common word at a million rows). So the words of the
 * index are kept in `search_terms`, and the last, unfinished word typed is expanded into the whole words it
 * begins, looked up there. The words before it are whole words already.
 */
import { fold } from '../../../common/text/fold.ts';
import type { Db } from './open.ts';
import { stmt } from './statements.ts';

/** Word characters as FTS5's unicode61 tokenizer sees them: letters, digits and private-use characters. */
const WORD = /[\p{L}\p{N}\p{Co}]+/gu;
/** A prefix matching more words than this (one or two letters) is left to FTS5's own prefix search. */
const MAX_EXPANSION = 200;

export function indexQueued(db: Db): void {
  const queued = stmt(
    db,
    `SELECT s.seq, s.subject || ' ' || s.body AS text FROM submissions_fts_queue q JOIN submissions s ON s.seq = q.seq`,
  )
    .safeIntegers(true)
    .all() as { seq: bigint; text: string }[];
  if (queued.length === 0) return;
  const words = new Set<string>();
  for (const { seq, text } of queued) {
    const folded = fold(text);
    for (const w of folded.match(WORD) ?? []) words.add(w);
    stmt(db, 'INSERT INTO submissions_fts (rowid, folded) VALUES (?, ?)').run(seq, folded);
  }
  for (const w of words) stmt(db, 'INSERT OR IGNORE INTO search_terms (term) VALUES (?)').run(w);
  stmt(db, 'DELETE FROM submissions_fts_queue').run();
}

/**
 * After a purge: the words no remaining row holds leave the word list too, so what a purge removed is not
 * left behind as a list of the words it contained.
 */
export function pruneTerms(db: Db): void {
  stmt(
    db,
    `DELETE FROM search_terms WHERE NOT EXISTS (SELECT 1 FROM submissions_fts WHERE submissions_fts MATCH '"' || term || '"')`,
  ).run();
}

/**
 * What a person typed as an FTS5 query, or null when it has no word: every word must match, the last one as
 * the beginning of a word. Each word is quoted, so FTS5 operators typed by the person are plain text.
 */
export function searchQuery(db: Db, typed: string): string | null {
  const words = fold(typed).match(WORD);
  if (!words) return null;
  const last = words.pop()!;
  const expanded = stmt(db, `SELECT term FROM search_terms WHERE term >= ? AND term < ? ORDER BY term LIMIT ${MAX_EXPANSION + 1}`)
    .pluck()
    .all(last, `${last}\u{10FFFF}`) as string[];
  const lastQuery =
    expanded.length > MAX_EXPANSION
      ? `"${last}"*`
      : expanded.length === 0
        ? `"${last}"`
        : `(${expanded.map((w) => `"${w}"`).join(' OR ')})`;
  return [...words.map((w) => `"${w}"`), lastQuery].join(' AND ');
}
