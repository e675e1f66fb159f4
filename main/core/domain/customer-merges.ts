/**
 * Duplicate customers and their merge, on this desk (common/customers/merge.ts): directors are shown the customers
 * who share an email or a phone number (by their keyed hashes, store/contact-keys.ts), preview a merge field by
 * field (masked), and send it; the hub carries it out and every desk gets the moved rows and both customers'
 * new rows. Undone from the target's page while nothing changed the target since.
 */
import { newId } from '../../../common/ids.ts';
import {
  MERGE_REFUSALS,
  mergeRefusal,
  mergedFields,
  type Merge,
  type MergeChoice,
  type MergeRefusal,
  type MergeSide,
} from '../../../common/customers/merge.ts';
import { PROFILE_FIELDS, type ProfileField } from '../../../common/requests/requests.ts';
import type { Gender } from '../../../common/vocabulary/customers.ts';
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';
import { DomainError } from './errors.ts';
import { maskAddress, maskEmail, maskName, maskPhone } from './masking.ts';
import { enqueue } from './outbox.ts';

const MASKS: Record<ProfileField, (v: string) => string> = { fullName: maskName, email: maskEmail, phone: maskPhone, address: maskAddress };
const mask = (f: ProfileField, v: string | null) => (v === null ? null : MASKS[f](v));

interface Row {
  id: string;
  username: string | null;
  gender: Gender | null;
  full_name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  erased_at: number | null;
  merged_into: string | null;
  created_at: number;
}

const load = (db: Db, id: string): Row => {
  const r = stmt(db, 'SELECT * FROM customers WHERE id = ?').get(id) as Row | undefined;
  if (!r) throw new DomainError('not_found', `no customer with id ${id}`);
  return r;
};
const sideOf = (db: Db, r: Row): MergeSide => ({
  username: r.username,
  gender: r.gender,
  erased: r.erased_at !== null,
  mergedInto: r.merged_into,
  hasMerged: stmt(db, 'SELECT 1 FROM customers WHERE merged_into = ? LIMIT 1').get(r.id) !== undefined,
  fields: { fullName: r.full_name, email: r.email, phone: r.phone, address: r.address },
});

/** How much of the customer's history a merge moves (what this desk holds of it). */
function history(db: Db, id: string) {
  const count = (table: string) => (stmt(db, `SELECT count(*) AS n FROM ${table} WHERE customer_id = ?`).get(id) as { n: number }).n;
  return {
    submissions: count('submissions'),
    comments: count('comments'),
    consents: count('consents'),
    requests: count('account_requests'),
  };
}

type Contact = 'email' | 'phone';

export interface DuplicateGroup {
  /** What its customers share, through one another: customers A and B sharing an email and B and C a phone are one group. */
  shared: Contact[];
  customers: { id: string; name: string; username: string | null; since: number; submissions: number }[];
}

/**
 * Customers who share an email or a phone number, neither erased nor merged, as one group per set of customers linked
 * by what they share (so a pair sharing both is suggested once); the largest groups first, then the one with the newest
 * customer, so a director finds the same order each time.
 */
export function duplicateGroups(db: Db, limit = 100): DuplicateGroup[] {
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    const p = parent.get(id) ?? id;
    if (p === id) return id;
    const r = root(p);
    parent.set(id, r);
    return r;
  };
  // What each customer shares with another; a group shares what its customers do.
  const shares = new Map<string, Set<Contact>>();
  for (const by of ['email', 'phone'] as const) {
    // The keyed-hash expression index (store/contact-keys.ts) answers both the grouping and the members.
    const keys = stmt(
      db,
      `SELECT bd_contact('${by}', ${by}) AS k FROM customers
       WHERE ${by} IS NOT NULL AND erased_at IS NULL AND merged_into IS NULL GROUP BY k HAVING count(*) > 1`,
    )
      .pluck()
      .all() as string[];
    for (const k of keys) {
      const ids = stmt(db, `SELECT id FROM customers WHERE bd_contact('${by}', ${by}) = ? AND erased_at IS NULL AND merged_into IS NULL`)
        .pluck()
        .all(k) as string[];
      for (const id of ids) shares.set(id, (shares.get(id) ?? new Set()).add(by));
      for (const id of ids.slice(1)) parent.set(root(id), root(ids[0]!));
    }
  }
  const members = new Map<string, string[]>();
  for (const id of shares.keys()) {
    const r = root(id);
    if (!members.has(r)) members.set(r, []);
    members.get(r)!.push(id);
  }
  const customer = stmt(
    db,
    `SELECT c.id, c.full_name, c.username, c.created_at, (SELECT count(*) FROM submissions s WHERE s.customer_id = c.id) AS n
     FROM customers c WHERE c.id = ?`,
  );
  const groups = [...members.values()].map((ids) => {
    const rows = ids
      .map((id) => customer.get(id) as { id: string; full_name: string; username: string | null; created_at: number; n: number })
      .sort((a, b) => a.created_at - b.created_at || a.id.localeCompare(b.id));
    return {
      shared: (['email', 'phone'] as const).filter((by) => ids.some((id) => shares.get(id)!.has(by))),
      customers: rows.map((c) => ({ id: c.id, name: maskName(c.full_name), username: c.username, since: c.created_at, submissions: c.n })),
    };
  });
  const newest = (g: DuplicateGroup) => g.customers[g.customers.length - 1]!;
  groups.sort(
    (a, b) => b.customers.length - a.customers.length || newest(b).since - newest(a).since || newest(a).id.localeCompare(newest(b).id),
  );
  return groups.slice(0, limit);
}

/** What a merge would make of the target, field by field (masked), what it moves, or why it cannot be done. */
export function mergePreview(db: Db, sourceId: string, targetId: string, choose: MergeChoice) {
  const target = load(db, targetId);
  const [from, into] = [sideOf(db, load(db, sourceId)), sideOf(db, target)];
  const result = mergedFields(from, into, choose);
  return {
    refused: (sourceId === targetId ? 'self' : mergeRefusal(from, into)) satisfies MergeRefusal | null,
    // Never changed by a merge: the target keeps its own.
    username: target.username,
    gender: target.gender,
    fields: PROFILE_FIELDS.map((field) => ({
      field,
      target: mask(field, into.fields[field]),
      source: mask(field, from.fields[field]),
      result: mask(field, result[field]),
      choice: choose[field] ?? 'target',
    })),
    moves: history(db, sourceId),
  };
}

/** Sends the merge to the hub, which carries it out; refused here already when the preview says it cannot be done. */
export function mergeCustomers(db: Db, actorId: string, m: Merge, now = Date.now()): { id: string } {
  return db.transaction(() => {
    const refused = mergePreview(db, m.sourceId, m.targetId, m.choose).refused;
    if (refused) throw new DomainError('invalid', MERGE_REFUSALS[refused]);
    if (
      stmt(
        db,
        `SELECT 1 FROM outbox WHERE mutation = 'customer.merge' AND state = 'pending' AND json_extract(payload, '$.sourceId') = ?`,
      ).get(m.sourceId)
    )
      throw new DomainError('stale', 'this customer’s merge is already waiting to be sent');
    const id = newId();
    enqueue(db, { mutation: 'customer.merge', entityType: 'customer', entityId: id, payload: m, actorId }, now);
    return { id };
  })();
}

/** The customers merged into this one, for its page (and the undo). */
export function mergedInto(db: Db, targetId: string) {
  return (
    stmt(db, 'SELECT id, full_name, merged_at FROM customers WHERE merged_into = ? ORDER BY merged_at').all(targetId) as {
      id: string;
      full_name: string;
      merged_at: number;
    }[]
  ).map((r) => ({ id: r.id, name: maskName(r.full_name), mergedAt: r.merged_at }));
}

export function unmergeCustomer(db: Db, actorId: string, sourceId: string, now = Date.now()): void {
  db.transaction(() => {
    if (!load(db, sourceId).merged_into) throw new DomainError('stale', MERGE_REFUSALS.not_merged);
    enqueue(db, { mutation: 'customer.unmerge', entityType: 'customer', entityId: sourceId, payload: { sourceId }, actorId }, now);
  })();
}
