/**
 * What the hub holds of the row a refused change was about, for the rows a desk changes ahead of the hub without
 * versions (a listed word, an author's standing and notes, a customer's request): the desk puts it back (main/core/sync/refused-rows.ts),
 * since the hub's row did not change and no pull would bring it. `row` is null when the hub has none.
 */
import type { Mutation } from '../../common/protocol/sync.ts';
import type { Queryable } from '../db/connect.ts';

const TABLES: Partial<Record<Mutation['entityType'], string>> = {
  comment_author: 'comment_authors',
  moderation_word: 'moderation_words',
  account_request: 'account_requests',
};

export async function heldRow(tx: Queryable, m: Mutation): Promise<{ row: unknown } | undefined> {
  const table = TABLES[m.entityType];
  if (!table) return undefined;
  const r = (await tx.query<{ row: unknown }>(`SELECT to_jsonb(t) AS row FROM ${table} t WHERE id = $1`, [m.entityId])).rows[0];
  return { row: r?.row ?? null };
}
