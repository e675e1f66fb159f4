/**
 * Pull: the changes since a cursor, in seq order, in pages. A page also carries the current state of the
 * rows its rows refer to (an event's submission, a submission's customer), so a desk can apply any page
 * on its own even when the referenced row changed later and sits further on in the feed.
 */
import type { Queryable } from '../db/connect.ts';

export const ENTITIES = {
  customer: 'customers',
  submission: 'submissions',
  event: 'submission_events',
  comment: 'comments',
  consent: 'consents',
  account_request: 'account_requests',
} as const;
export type Entity = keyof typeof ENTITIES;

export interface Change {
  entity: Entity;
  seq: number;
  row: Record<string, unknown>;
}

const feed = (where: string) =>
  Object.entries(ENTITIES)
    .map(([entity, table]) => `SELECT '${entity}' AS entity, seq, to_jsonb(t) AS row FROM ${table} t WHERE ${where}`)
    .join(' UNION ALL ');

export async function pullPage(db: Queryable, cursor: number, limit: number): Promise<{ changes: Change[]; cursor: number; remaining: number }> {
  const page = (await db.query<Change>(`SELECT entity, seq::float8 AS seq, row FROM (${feed('seq > $1')}) f ORDER BY seq LIMIT $2`, [cursor, limit])).rows;
  const next = page.length ? page[page.length - 1]!.seq : cursor;
  const { n } = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${feed('seq > $1')}) f`, [next])).rows[0]!;
  return { changes: await withReferences(db, page), cursor: next, remaining: n };
}

/** Puts the current rows that page rows point to in front of them (applying a row twice is harmless). */
async function withReferences(db: Queryable, page: Change[]): Promise<Change[]> {
  const submissionIds = new Set(page.filter((c) => c.entity === 'event').map((c) => String(c.row.submission_id)));
  const submissions = submissionIds.size
    ? (await db.query<Change>(`SELECT 'submission' AS entity, seq::float8 AS seq, to_jsonb(t) AS row FROM submissions t WHERE id = ANY($1)`, [[...submissionIds]])).rows
    : [];
  const customerIds = new Set([...submissions, ...page].map((c) => c.row.customer_id).filter((id): id is string => typeof id === 'string'));
  const customers = customerIds.size
    ? (await db.query<Change>(`SELECT 'customer' AS entity, seq::float8 AS seq, to_jsonb(t) AS row FROM customers t WHERE id = ANY($1)`, [[...customerIds]])).rows
    : [];
  return [...customers, ...submissions, ...page];
}
