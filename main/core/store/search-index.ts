/**
 * Indexes queued submissions for search (migration 0008 queues each new or re-worded row, since indexing
 * it from its own trigger made every insert five times slower). Every write that adds submissions ends by
 * calling this in its transaction: insertSubmission for one row, the sync page applier for a page. Opening
 * the store indexes whatever a crash left queued.
 */
import type { Db } from './open.ts';
import { stmt } from './statements.ts';

export function indexQueued(db: Db): void {
  stmt(
    db,
    `INSERT INTO submissions_fts (rowid, folded)
     SELECT s.seq, bd_fold(s.subject || ' ' || s.body) FROM submissions_fts_queue q JOIN submissions s ON s.seq = q.seq`,
  ).run();
  stmt(db, 'DELETE FROM submissions_fts_queue').run();
}
