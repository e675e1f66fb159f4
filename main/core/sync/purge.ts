/**
 * Purging what the desk may no longer hold, when its people's scope shrinks (a grant removed, someone taken
 * off the seat list or disabled): the submissions of those inboxes with their timelines, their tags and their
 * folded search text, the comments (with the authors' standing and the word lists), consents or account requests, and then every customer nothing the desk
 * still holds names. Canned replies stay: every desk holds all of them (they name no one). It runs in the
 * transaction of the page that said so, with the scope the desk stores.
 * The outbox is never touched: a change someone made here to a row that has gone is still pushed, judged by
 * the hub, and its refusal still shown to them.
 */
import type { Scope } from '../../../common/roles.ts';
import { SUBMISSION_KINDS } from '../../../common/vocabulary/submissions.ts';
import type { Db } from '../store/open.ts';
import { pruneTerms } from '../store/search-index.ts';
import { stmt } from '../store/statements.ts';

/** The table each scope that is not a submission kind holds. */
const TABLES: Partial<Record<Scope, string>> = { comment: 'comments', promotion: 'consents', account_request: 'account_requests' };

export function purge(db: Db, scopes: Scope[]): void {
  if (scopes.length === 0) return;
  // What leaves is overwritten, not just unlinked: freed pages are zeroed (on this connection, from now on).
  db.pragma('secure_delete = ON');
  const kinds = JSON.stringify(SUBMISSION_KINDS.filter((k) => scopes.includes(k)));
  const ofKinds = `SELECT id FROM submissions WHERE kind IN (SELECT value FROM json_each(?))`;
  stmt(db, `DELETE FROM submission_events WHERE submission_id IN (${ofKinds})`).run(kinds);
  // Its trigger takes each one out of the search index too (secure-delete, migration 0007: its words go with it).
  // Their tags go with them (migration 0011: ON DELETE CASCADE).
  stmt(db, `DELETE FROM submissions WHERE id IN (${ofKinds})`).run(kinds);
  pruneTerms(db);
  for (const scope of scopes) if (TABLES[scope]) stmt(db, `DELETE FROM ${TABLES[scope]}`).run();
  // The authors' standing and notes name customers; the word lists are the moderators' alone.
  if (scopes.includes('comment')) for (const table of ['comment_authors', 'moderation_words']) stmt(db, `DELETE FROM ${table}`).run();
  stmt(
    db,
    `DELETE FROM customers WHERE ${['submissions', ...Object.values(TABLES)]
      .map((t) => `NOT EXISTS (SELECT 1 FROM ${t} r WHERE r.customer_id = customers.id)`)
      .join(' AND ')}`,
  ).run();
}
