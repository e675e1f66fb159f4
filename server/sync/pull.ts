/**
 * Pull: the changes since a cursor, in seq order, in pages, within what the pulling desk may hold (its scope,
 * scope.ts). A page also carries the current state of the rows its rows refer to that the desk may not hold
 * yet (an event's submission, a submission's customer, the people named), so a desk can apply any page on
 * its own. The hub keeps nothing per desk: the desk says what it holds, and every page is cut to what the
 * desk's people may see now, whatever it says.
 */
import { SCOPES, type Scope } from '../../common/roles.ts';
import type { Entity } from '../../common/protocol/sync.ts';
import type { Queryable } from '../db/connect.ts';
import { deviceScope, entityInScope, namedInScope, Params, seatedAt } from './scope.ts';

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
  product: 'products',
  notice_template: 'notice_templates',
  service_settings: 'service_settings',
  canned_reply: 'canned_replies',
  tag: 'tags',
  saved_view: 'saved_views',
  moderation_word: 'moderation_words',
  comment_author: 'comment_authors',
};

/**
 * What every desk gets on its normal pages, whatever its scope, and never on a backfill page (it has them). Of
 * the seat lists, only the desk's own; of the saved views, those of the people who may sign in there.
 */
const UNSCOPED: readonly Entity[] = ['staff', 'seats', 'tag', 'saved_view'];

/** A feed row as PostgreSQL returns it; the desk parses it with the protocol's schema. */
interface FeedRow {
  entity: Entity;
  seq: number;
  row: Record<string, unknown>;
}

export interface PullRequest {
  cursor: number;
  limit: number;
  count: boolean;
  /** What the desk holds every row of up to `cursor`. */
  held: Scope[];
  /** A backfill page instead: the rows of these scopes after `from`, up to `cursor`. */
  backfill?: { scopes: Scope[]; from: number };
}

/**
 * The part of the feed a page is taken from: the rows of `scope` after `after` (up to `upTo`), and the
 * directory with the desk's own seat list and the tags when `directory` is set (they are never scoped; a
 * backfill leaves them out, the desk has them up to its cursor).
 */
interface Window {
  scope: Scope[];
  after: number;
  upTo?: number;
  directory: boolean;
}

/**
 * The feed's (entity, seq, id) within the window, or null when nothing can be in it; `deviceId` is the pulling
 * desk. With `first`, only each entity's first rows in seq order, as many as that parameter says: a page
 * takes its rows among those. PostgreSQL does not merge the entities' seq indexes in order once each has a
 * condition, and would otherwise read and sort every row after the cursor for every page.
 */
function feed(w: Window, deviceId: string, p: Params, first?: string): string | null {
  const bounds = `t.seq > ${p.add(w.after)}${w.upTo === undefined ? '' : ` AND t.seq <= ${p.add(w.upTo)}`}`;
  const branches = Object.entries(ENTITIES).flatMap(([entity, table]) => {
    const unscoped = UNSCOPED.includes(entity as Entity);
    const conditions = unscoped && !w.directory ? [] : entityInScope(entity as Entity, w.scope, p);
    return conditions.map((condition) => {
      // (A parameter is added only where it is used: unused, it has no type.)
      const own =
        entity === 'seats'
          ? ` AND t.id = ${p.add(deviceId)}`
          : entity === 'saved_view'
            ? ` AND ${seatedAt(p.add(deviceId), 't.person_id')}`
            : '';
      const rows = `SELECT '${entity}' AS entity, t.seq, t.id FROM ${table} t WHERE ${bounds} AND ${condition}${own}`;
      return first ? `(${rows} ORDER BY t.seq LIMIT ${first})` : rows;
    });
  });
  return branches.length ? branches.join(' UNION ALL ') : null;
}

// The page's rows are chosen from the seq indexes alone; only those rows are then turned into JSON.
const rowOf = `CASE p.entity ${Object.entries(ENTITIES)
  .map(([entity, table]) => `WHEN '${entity}' THEN (SELECT to_jsonb(t) FROM ${table} t WHERE t.id = p.id)`)
  .join(' ')} END`;

/**
 * The highest seq among all the feed's rows in the window's range, in scope or not: how far a page that is
 * not full has read. Asked in the page's own statement, so of the rows that page saw. Writers take seqs under
 * one lock and commit in seq order (server/db/write-lock.ts), so every row yet to commit gets a higher one:
 * the desk's cursor may pass the rows out of its scope, and its next pull does not read them again.
 */
const readTo = (w: Window, p: Params) =>
  `SELECT max(m) FROM (${Object.values(ENTITIES)
    .map((table) => `SELECT max(seq) AS m FROM ${table}${w.upTo === undefined ? '' : ` WHERE seq <= ${p.add(w.upTo)}`}`)
    .join(' UNION ALL ')}) r`;

/**
 * One page. The desk's scope is read first, from the directory as it is now, so a change to the directory
 * that this page (or a later one) carries has already narrowed or widened what it sends. `purge` names what
 * the desk said it holds and may no longer hold; `more` says whether another page follows. The number of
 * rows still to come is counted only when asked (a desk asks on the first page of a pull, for its progress
 * bar): counting on every page would make a long pull quadratic.
 */
export async function pullPage(db: Queryable, deviceId: string, req: PullRequest) {
  const scope = await deviceScope(db, deviceId);
  const said = [...req.held, ...(req.backfill?.scopes ?? [])];
  const purge = SCOPES.filter((s) => said.includes(s) && !scope.includes(s));
  const mayHold = (scopes: Scope[]) => scope.filter((s) => scopes.includes(s));
  const w: Window = req.backfill
    ? { scope: mayHold(req.backfill.scopes), after: req.backfill.from, upTo: req.cursor, directory: false }
    : { scope: mayHold(req.held), after: req.cursor, directory: true };

  const p = new Params();
  const limit = p.add(req.limit);
  const rows = feed(w, deviceId, p, limit);
  // One row even for an empty page, which carries how far the feed was read.
  const answer = rows
    ? (
        await db.query<FeedRow & { read: number | null }>(
          `WITH p AS (SELECT entity, seq, id FROM (${rows}) f ORDER BY f.seq LIMIT ${limit})
           SELECT p.entity, p.seq::float8 AS seq, ${rowOf} AS row, (${readTo(w, p)})::float8 AS read
           FROM (SELECT 1) one LEFT JOIN p ON true ORDER BY p.seq`,
          p.values,
        )
      ).rows
    : [];
  const page: FeedRow[] = answer.filter((r) => r.entity !== null).map(({ entity, seq, row }) => ({ entity, seq, row }));
  const more = page.length === req.limit;
  const next = more ? page[page.length - 1]!.seq : Math.max(w.after, answer[0]?.read ?? w.after);
  return {
    changes: await withReferences(db, page, w, req.cursor),
    cursor: next,
    more,
    ...(req.count && { remaining: await count(db, deviceId, { ...w, after: next }) }),
    scope,
    purge,
  };
}

async function count(db: Queryable, deviceId: string, w: Window): Promise<number> {
  const p = new Params();
  const rows = feed(w, deviceId, p);
  return rows ? (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${rows}) f`, p.values)).rows[0]!.n : 0;
}

/**
 * Puts in front of the page the current rows its rows point to that the desk may not hold yet: an event's
 * submission past the window's start (those before it came with the window already), a customer no row of
 * the window at or before its start names (the only way the desk can hold one), and the people named past
 * `directoryCursor`, how far the desk has the directory. All of them lie in the window's scope, since the
 * rows naming them do. A row also in the page is applied twice, which is harmless.
 */
async function withReferences(db: Queryable, page: FeedRow[], w: Window, directoryCursor: number): Promise<FeedRow[]> {
  const current = async (entity: Entity, ids: Set<string>, condition: (p: Params) => string) => {
    if (ids.size === 0) return [];
    const p = new Params();
    const named = `t.id = ANY(${p.add([...ids])})`;
    return (
      await db.query<FeedRow>(
        `SELECT '${entity}' AS entity, seq::float8 AS seq, to_jsonb(t) AS row FROM ${ENTITIES[entity]} t WHERE ${named} AND ${condition(p)}`,
        p.values,
      )
    ).rows;
  };
  const idsIn = (changes: FeedRow[], field: string) =>
    new Set(changes.map((c) => c.row[field]).filter((id): id is string => typeof id === 'string'));

  const events = page.filter((c) => c.entity === 'event');
  const submissions = await current('submission', idsIn(events, 'submission_id'), (p) => `t.seq > ${p.add(w.after)}`);
  const customers = await current('customer', idsIn([...submissions, ...page], 'customer_id'), (p) => {
    const held = namedInScope('t.id', w.scope, p, w.after);
    return held ? `NOT (${held})` : 'true';
  });
  const rows = [...submissions, ...page];
  const people = new Set(['assignee_id', 'actor_id', 'decided_by_id', 'person_id'].flatMap((field) => [...idsIn(rows, field)]));
  const staff = await current('staff', people, (p) => `t.seq > ${p.add(directoryCursor)}`);
  return [...staff, ...customers, ...submissions, ...page];
}
