/**
 * A customer's data erased on this desk, when the hub's erased row of them arrives (server/requests/erasure.ts
 * erased it there): the hub's placeholders come with each of their rows, and this removes what only the desk
 * keeps besides, in the page's transaction: the text of changes still waiting in the outbox (refused: nothing is
 * added to what was erased) and of those sent, its search index words, a note written here and not yet pushed.
 * Freed pages are overwritten (secure_delete), and once the page commits the WAL is checkpointed and truncated,
 * so no file of the desk keeps the old values.
 */
import { ERASED_TEXT, KEPT_EVENT_DATA } from '../../../common/requests/erasure.ts';
import type { Db } from '../store/open.ts';
import { pruneTerms } from '../store/search-index.ts';
import { stmt } from '../store/statements.ts';

const REFUSED = 'the customer’s data was erased at their request';

/** Connections that erased in their last transaction: they checkpoint once it has committed. */
const checkpointDue = new WeakSet<Db>();

export function eraseHere(db: Db, customerId: string): void {
  db.pragma('secure_delete = ON');
  const subs = 'SELECT id FROM submissions WHERE customer_id = @id';
  const theirs = `SELECT id FROM submissions WHERE customer_id = @id
    UNION ALL SELECT id FROM submission_events WHERE submission_id IN (${subs})
    UNION ALL SELECT id FROM comments WHERE customer_id = @id
    UNION ALL SELECT id FROM account_requests WHERE customer_id = @id
    UNION ALL SELECT @id`;
  const params = { id: customerId, erased: ERASED_TEXT, kept: JSON.stringify(KEPT_EVENT_DATA), refused: REFUSED };
  stmt(
    db,
    `UPDATE outbox SET payload = '{}', current = NULL,
       state = CASE WHEN state = 'pending' THEN 'rejected' ELSE state END,
       reason = CASE WHEN state = 'pending' THEN @refused ELSE reason END
     WHERE entity_id IN (${theirs})`,
  ).run(params);
  stmt(
    db,
    `UPDATE submission_events SET body = CASE WHEN body IS NULL THEN NULL ELSE @erased END,
       data = CASE WHEN type IN (SELECT value FROM json_each(@kept)) THEN data ELSE '{}' END
     WHERE submission_id IN (${subs})`,
  ).run(params);
  stmt(db, `UPDATE submissions SET subject = @erased, body = @erased, details = '{}' WHERE customer_id = @id`).run(params);
  stmt(db, `UPDATE comments SET body = @erased, markers = '[]' WHERE customer_id = @id`).run(params);
  stmt(db, `UPDATE comment_authors SET notes = '[]', ban_reason = NULL WHERE id = @id`).run(params);
  stmt(db, `UPDATE account_requests SET changes = '{}', note = NULL WHERE customer_id = @id`).run(params);
  pruneTerms(db);
  checkpointDue.add(db);
}

/** After the transaction that erased commits: the WAL's frames go into the file and the WAL is emptied. */
export function checkpointAfterErasure(db: Db): void {
  if (!checkpointDue.has(db)) return;
  checkpointDue.delete(db);
  db.pragma('wal_checkpoint(TRUNCATE)');
}
