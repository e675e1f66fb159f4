/**
 * Pull: the changes since a cursor, in seq order, in pages. A page also carries the current state of the
 * rows its rows refer to (an event's submission, a submission's customer), so a desk can apply any page
 * on its own even when the referenced row changed later and sits further on in the feed.
 */
import type { Entity } from '../../common/protocol/sync.ts';
import type { Queryable } from '../db/connect.ts';

/** The table behind each entity of the feed (the rows' shapes are in common/protocol/sync.ts). */
const ENTITIES: Record<Entity, string> = {
  customer: 'customers',
  submission: 'submissions',
  event: 'submission_events',
  comment: 'comments',
  consent: 'consents',
  account_request: 'account_requests',
  staff: 'staff',
  seats: 'device_seats',
};

/** A feed row as PostgreSQL returns it; the desk parses it with the protocol's schema. */
interface FeedRow {
  entity: Entity;
  seq: number;
  row: Record<string, unknown>;
}

/** `device` is the parameter holding the pulling desk's id: a seat list goes to its own desk only. */
const feed = (where: string, device: string) =>
  Object.entries(ENTITIES)
    .map(
      ([entity, table]) =>
        `SELECT '${entity}' AS entity, seq, id FROM ${table} WHERE ${where}${entity === 'seats' ? ` AND id = ${device}` : ''}`,
    )
    .join(' UNION ALL ');

// The page's rows are chosen from the seq indexes alone; only those rows are then turned into JSON.
const rowOf = `CASE p.entity ${Object.entries(ENTITIES)
  .map(([entity, table]) => `WHEN '${entity}' THEN (SELECT to_jsonb(t) FROM ${table} t WHERE t.id = p.id)`)
  .join(' ')} END`;

/**
 * One page of changes after `cursor`. `more` says whether another page follows. The number of rows still
 * to come is counted only when asked (a desk asks on the first page of a pull, for its progress bar):
 * counting on every page would make a long pull quadratic.
 */
export async function pullPage(db: Queryable, deviceId: string, cursor: number, limit: number, count: boolean) {
  const page = (
    await db.query<FeedRow>(
      `WITH p AS (SELECT entity, seq, id FROM (${feed('seq > $1', '$3')}) f ORDER BY f.seq LIMIT $2)
       SELECT p.entity, p.seq::float8 AS seq, ${rowOf} AS row FROM p ORDER BY p.seq`,
      [cursor, limit, deviceId],
    )
  ).rows;
  const next = page.length ? page[page.length - 1]!.seq : cursor;
  const remaining = count
    ? (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${feed('seq > $1', '$2')}) f`, [next, deviceId])).rows[0]!.n
    : undefined;
  return {
    changes: await withReferences(db, page, cursor),
    cursor: next,
    more: page.length === limit,
    ...(remaining !== undefined && { remaining }),
  };
}

/**
 * Puts in front of the page the current rows its rows point to that the desk may not have yet (a
 * submission's customer, an event's submission, the people named by id): those past
 * the cursor the page started from (everything up to it was delivered by earlier pages). A row that is
 * also in the page is applied twice, which is harmless.
 */
async function withReferences(db: Queryable, page: FeedRow[], cursor: number): Promise<FeedRow[]> {
  const undelivered = async (entity: 'submission' | 'customer' | 'staff', table: string, ids: Set<string>) =>
    ids.size === 0
      ? []
      : (
          await db.query<FeedRow>(
            `SELECT '${entity}' AS entity, seq::float8 AS seq, to_jsonb(t) AS row FROM ${table} t WHERE id = ANY($1) AND seq > $2`,
            [[...ids], cursor],
          )
        ).rows;
  const idsIn = (changes: FeedRow[], field: string) =>
    new Set(changes.map((c) => c.row[field]).filter((id): id is string => typeof id === 'string'));
  const submissions = await undelivered(
    'submission',
    'submissions',
    idsIn(
      page.filter((c) => c.entity === 'event'),
      'submission_id',
    ),
  );
  const customers = await undelivered('customer', 'customers', idsIn([...submissions, ...page], 'customer_id'));
  const rows = [...submissions, ...page];
  const people = new Set(['assignee_id', 'actor_id', 'decided_by_id'].flatMap((field) => [...idsIn(rows, field)]));
  const staff = await undelivered('staff', 'staff', people);
  return [...staff, ...customers, ...submissions, ...page];
}
