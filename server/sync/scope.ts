/**
 * What a desk may hold of the feed (its scope, common/roles.ts) and which rows of each entity lie in a scope.
 * A desk's scope follows the people who may sign in there: its seat list (no list: the whole directory),
 * active accounts only. It is computed from the directory as it is at the moment of each pull, so a grant
 * removed, a seat list narrowed or an account disabled takes effect at the desk's next pull.
 */
import { scopeOf, type Inbox, type Role, type Scope } from '../../common/roles.ts';
import type { Entity } from '../../common/protocol/sync.ts';
import { SUBMISSION_KINDS } from '../../common/vocabulary/submissions.ts';
import type { Queryable } from '../db/connect.ts';

export async function deviceScope(db: Queryable, deviceId: string): Promise<Scope[]> {
  const people = await db.query<{ role: Role; grants: Inbox[] }>(
    `SELECT role, grants FROM staff s
     WHERE active AND NOT EXISTS (SELECT 1 FROM device_seats d WHERE d.id = $1 AND d.staff_ids IS NOT NULL AND NOT d.staff_ids @> jsonb_build_array(s.id))`,
    [deviceId],
  );
  return scopeOf(people.rows);
}

/** The parameters of one query, numbered as they are added. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

const kindsIn = (scope: Scope[]) => SUBMISSION_KINDS.filter((k) => scope.includes(k));

/** `kind` within the scope's submission kinds; no condition when the scope has them all. */
function kindCondition(column: string, scope: Scope[], p: Params): string {
  const kinds = kindsIn(scope);
  return kinds.length === SUBMISSION_KINDS.length ? 'true' : `${column} = ANY(${p.add(kinds)}::text[])`;
}

/** The tables whose rows name a customer, and the scope each row is in. */
const REFERRERS = [
  { table: 'submissions', inScope: (scope: Scope[]) => kindsIn(scope).length > 0, kind: true },
  { table: 'comments', inScope: (scope: Scope[]) => scope.includes('comment'), kind: false },
  { table: 'consents', inScope: (scope: Scope[]) => scope.includes('promotion'), kind: false },
  { table: 'account_requests', inScope: (scope: Scope[]) => scope.includes('account_request'), kind: false },
];

/**
 * Whether a row of the scope names the customer `id` (an SQL expression); with `upTo`, a row at or before that
 * seq. Null when no row of the scope can name anyone. A customer is in a scope only through such a row: a
 * customer who only commented is nothing to a warranty desk.
 */
export function namedInScope(id: string, scope: Scope[], p: Params, upTo?: string): string | null {
  const refs = REFERRERS.filter((r) => r.inScope(scope)).map(
    (r) =>
      `EXISTS (SELECT 1 FROM ${r.table} r WHERE r.customer_id = ${id}${r.kind ? ` AND ${kindCondition('r.kind', scope, p)}` : ''}${
        upTo ? ` AND r.seq <= ${upTo}` : ''
      })`,
  );
  return refs.length ? `(${refs.join(' OR ')})` : null;
}

/**
 * The condition on a row `t` of an entity for it to lie in the scope, or null when no row of it does. The
 * directory and the seat list are not scoped (the feed decides whether a page carries them at all).
 */
export function entityInScope(entity: Entity, scope: Scope[], p: Params): string | null {
  switch (entity) {
    case 'customer':
      return namedInScope('t.id', scope, p);
    case 'submission':
      return kindsIn(scope).length ? kindCondition('t.kind', scope, p) : null;
    case 'event':
      if (!kindsIn(scope).length) return null;
      if (kindsIn(scope).length === SUBMISSION_KINDS.length) return 'true';
      return `EXISTS (SELECT 1 FROM submissions s WHERE s.id = t.submission_id AND ${kindCondition('s.kind', scope, p)})`;
    case 'comment':
      return scope.includes('comment') ? 'true' : null;
    case 'consent':
      return scope.includes('promotion') ? 'true' : null;
    case 'account_request':
      return scope.includes('account_request') ? 'true' : null;
    case 'staff':
    case 'seats':
      return 'true';
  }
}
