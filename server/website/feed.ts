/**
 * The website feed (common/protocol/website-feed.ts): each change is recorded in the transaction of the decision
 * that causes it, which holds the write lock (server/db/write-lock.ts), so `seq` follows commit order and a page
 * read after a later commit never skips one. Read-only otherwise: the hub keeps no cursor per website, and a page
 * asked again is the same page.
 */
import { newId } from '../../common/ids.ts';
import type { WebsiteChange, WebsiteChangeData, WebsiteChangesPage } from '../../common/protocol/website-feed.ts';
import type { Queryable } from '../db/connect.ts';

export async function recordWebsiteChange(tx: Queryable, change: WebsiteChangeData): Promise<void> {
  const { type, ...data } = change;
  await tx.query('INSERT INTO website_changes (id, type, data) VALUES ($1, $2, $3)', [newId(), type, JSON.stringify(data)]);
}

export async function websiteChanges(db: Queryable, cursor: number, limit: number): Promise<WebsiteChangesPage> {
  // seq read as text, which both drivers hand back alike (a bigint comes as a string from one, a BigInt from the other).
  const { rows } = await db.query<{ position: string; id: string; type: WebsiteChange['type']; data: object; created_at: Date }>(
    'SELECT seq::text AS position, id, type, data, created_at FROM website_changes WHERE seq > $1 ORDER BY seq LIMIT $2',
    [cursor, limit + 1],
  );
  const changes = rows
    .slice(0, limit)
    .map((r) => ({ seq: Number(r.position), id: r.id, at: r.created_at.toISOString(), type: r.type, ...r.data }) as WebsiteChange);
  return { changes, cursor: changes.at(-1)?.seq ?? cursor, more: rows.length > limit };
}
