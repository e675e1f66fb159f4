/**
 * A refused change to a row this desk changed ahead of the hub without a version (a listed word, an author's
 * standing or note, a customer's request): the hub sends the row as it holds it (server/moderation/held-rows.ts), which is put back here,
 * since the hub's row did not change and no pull would bring it. A refused ban that rejected the author's pending
 * comments here puts them back to waiting too.
 */
import { AccountRequestRow, CommentAuthorRow, ModerationWordRow } from '../../../common/protocol/sync.ts';
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';
import { applyChange } from './apply.ts';

const ROWS = {
  comment_author: { table: 'comment_authors', schema: CommentAuthorRow },
  moderation_word: { table: 'moderation_words', schema: ModerationWordRow },
  account_request: { table: 'account_requests', schema: AccountRequestRow },
} as const;

export function putBackRefused(db: Db, outboxId: string): void {
  const o = stmt(
    db,
    `SELECT mutation, entity_type AS entityType, entity_id AS entityId, payload, current, actor_id AS actorId, created_at AS createdAt
     FROM outbox WHERE id = ? AND state = 'rejected'`,
  ).get(outboxId) as
    | {
        mutation: string;
        entityType: string;
        entityId: string;
        payload: string;
        current: string | null;
        actorId: string;
        createdAt: number;
      }
    | undefined;
  const kept = o && ROWS[o.entityType as keyof typeof ROWS];
  if (!o || !kept) return;
  const held = (o.current ? (JSON.parse(o.current) as { row?: unknown }) : {}).row;
  // Nothing to go by (a hub from before it sent the row): the desk's row stays until the hub's changes.
  if (held === undefined) return;
  // A change forced into the outbox about a row this desk never held (out of its scope) has nothing to put back.
  const here = stmt(db, `SELECT 1 FROM ${kept.table} WHERE id = ?`).get(o.entityId) !== undefined;
  if (held === null) stmt(db, `DELETE FROM ${kept.table} WHERE id = ?`).run(o.entityId);
  else if (here) {
    const row = kept.schema.safeParse(held);
    if (row.success) applyChange(db, { entity: o.entityType, seq: 0, row: row.data } as Parameters<typeof applyChange>[1]);
  }
  if (o.mutation === 'author.standing' && (JSON.parse(o.payload) as { rejectPending?: boolean }).rejectPending) {
    // The comments that ban rejected here, and only those: rejected by its author at its very time, not decided since.
    stmt(
      db,
      `UPDATE comments SET status = 'pending', decided_by = NULL, decided_by_id = NULL, decided_at = NULL
       WHERE customer_id = ? AND status = 'rejected' AND decided_by_id = ? AND decided_at = ?
         AND NOT EXISTS (SELECT 1 FROM outbox WHERE entity_id = comments.id AND state = 'pending')`,
    ).run(o.entityId, o.actorId, o.createdAt);
  }
}
