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
    `SELECT role, grants FROM staff s WHERE active AND ${seatedAt('$1', 's.id')}`,
    [deviceId],
  );
  return scopeOf(people.rows);
}

/** Whether the person `personId` (an SQL expression) may sign in at the desk `deviceId` (a parameter): no seat list is everyone. */
export const seatedAt = (deviceId: string, personId: string) =>
  `NOT EXISTS (SELECT 1 FROM device_seats d WHERE d.id = ${deviceId} AND d.staff_ids IS NOT NULL AND NOT d.staff_ids @> jsonb_build_array(${personId}))`;

/** The parameters of one query, numbered as they are added. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

const kindsIn = (scope: Scope[]) => SUBMISSION_KINDS.filter((k) => scope.includes(k));
const allKinds = (scope: Scope[]) => kindsIn(scope).length === SUBMISSION_KINDS.length;

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
 * customer who only commented is nothing to a warranty desk. Each lookup is a value (true, or null when no row
 * names them), never EXISTS: see `rowByRow`.
 */
export function namedInScope(id: string, scope: Scope[], p: Params, upTo?: number): string | null {
  // Parameters are added only where they are used: one the statement never uses has no type.
  const kinds = () => (allKinds(scope) ? '' : ` AND r.kind = ANY(${p.add(kindsIn(scope))}::text[])`);
  // A customer merged into another (server/customers/merges.ts) has no rows of their own left: they are in the scope
  // their target is in, so a desk that holds the target learns of the merge, of its undoing and of an erasure.
  const ref = (r: (typeof REFERRERS)[number], who: string) =>
    `(SELECT true FROM ${r.table} r WHERE r.customer_id = ${who}${r.kind ? kinds() : ''}${upTo === undefined ? '' : ` AND r.seq <= ${p.add(upTo)}`} LIMIT 1)`;
  const refs = REFERRERS.filter((r) => r.inScope(scope)).flatMap((r) => [
    ref(r, id),
    ref(r, `(SELECT mc.merged_into FROM customers mc WHERE mc.id = ${id})`),
  ]);
  return refs.length ? rowByRow(refs.join(' OR ')) : null;
}

/**
 * A condition made of values looked up for each row (scalar subqueries) and tested with IS TRUE: PostgreSQL
 * checks it row by row as a page walks an entity's seq index in order, and stops once it has enough rows. An
 * EXISTS it would turn into a join with, or a hash of, every row of the other table; a bare comparison it would
 * guess rarely true, and read and sort every row after the cursor instead. For every page, both.
 */
const rowByRow = (condition: string) => `(${condition}) IS TRUE`;

/**
 * The conditions on a row `t` of an entity for it to lie in the scope, one for each part of the feed a page
 * reads on its own: none when no row of it does. Submissions are read kind by kind, each from its own index
 * range (0010), whatever PostgreSQL guesses of their numbers. The directory, the seat list, the tags, the
 * canned replies and the saved views are not scoped by inbox (pull.ts decides whether a page carries all but the
 * canned replies at all, and which seat list and whose views).
 */
export function entityInScope(entity: Entity, scope: Scope[], p: Params): string[] {
  const kinds = kindsIn(scope);
  switch (entity) {
    case 'customer': {
      const named = namedInScope('t.id', scope, p);
      return named ? [named] : [];
    }
    case 'submission':
      return allKinds(scope) ? ['true'] : kinds.map((k) => `t.kind = ${p.add(k)}`);
    case 'event':
      if (allKinds(scope)) return ['true'];
      return kinds.length ? [rowByRow(`SELECT s.kind = ANY(${p.add(kinds)}::text[]) FROM submissions s WHERE s.id = t.submission_id`)] : [];
    // The word lists and the authors' standing are the comment moderators' to read.
    case 'comment':
    case 'moderation_word':
    case 'comment_author':
      return scope.includes('comment') ? ['true'] : [];
    case 'consent':
      return scope.includes('promotion') ? ['true'] : [];
    case 'account_request':
      return scope.includes('account_request') ? ['true'] : [];
    // Canned replies are the organisation's wording, no one's personal data: every desk holds all of them, so
    // one moved to another inbox moves on every desk too; a desk offers each person those of the inboxes they hold.
    case 'staff':
    case 'seats':
    case 'service_settings':
    case 'tag':
    case 'canned_reply':
    case 'saved_view':
      return ['true'];
    case 'product':
    case 'notice_template':
      return scope.includes('warranty') ? ['true'] : [];
  }
}
