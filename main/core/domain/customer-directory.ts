/**
 * The Customers screen: finding a customer by their name (folded: case, marks and đ do not matter) or by their
 * whole email or phone number (through keyed hashes, store/contact-keys.ts), and their page: the masked card, what
 * they sent across the inboxes the person holds, their consents (with the promotion inbox) and requests about
 * their data (directors). A person finds only customers something in their inboxes names; anyone else is "not
 * found", as if the desk did not hold them.
 */
import { fold } from '../../../common/text/fold.ts';
import { mayUseInbox, submissionKindsOf, type Person } from '../../../common/roles.ts';
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';
import { consentLedger } from './consents.ts';
import { customerCard } from './customers.ts';
import { listRequests } from './data-requests.ts';
import { mergedInto } from './customer-merges.ts';
import { DomainError } from './errors.ts';
import { contactWhere } from './find.ts';
import { maskEmail, maskName, maskPhone } from './masking.ts';

type Viewer = Pick<Person, 'role' | 'grants'>;

/** What names a customer for this person: their submissions in the person's inboxes, comments, consents, requests. */
function namedBy(person: Viewer): { sql: string; kinds: string } {
  const parts = [`EXISTS (SELECT 1 FROM submissions s WHERE s.customer_id = c.id AND s.kind IN (SELECT value FROM json_each(@kinds)))`];
  if (mayUseInbox(person, 'comment')) parts.push('EXISTS (SELECT 1 FROM comments m WHERE m.customer_id = c.id)');
  if (mayUseInbox(person, 'promotion')) parts.push('EXISTS (SELECT 1 FROM consents n WHERE n.customer_id = c.id)');
  if (person.role === 'director') parts.push('EXISTS (SELECT 1 FROM account_requests r WHERE r.customer_id = c.id)');
  return { sql: `(${parts.join(' OR ')})`, kinds: JSON.stringify(submissionKindsOf(person)) };
}

export interface FoundCustomer {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  erased: boolean;
  since: number;
}

const NAME_MIN = 2;
export const SEARCH_LIMIT = 50;

/**
 * Customers by whole email or phone number, else by a part of their folded name (at least two letters). A name
 * is matched row by row, in the customers this desk holds (thousands, not millions: those its people's inboxes name).
 */
export function searchCustomers(db: Db, person: Viewer, text: string): FoundCustomer[] {
  const typed = text.trim();
  const named = namedBy(person);
  const byContact = contactWhere(typed);
  const folded = fold(typed);
  if (!byContact && folded.replace(/\s/g, '').length < NAME_MIN) return [];
  const where = byContact ?? 'instr(bd_fold(c.full_name), @folded) > 0';
  const rows = stmt(
    db,
    `SELECT c.id, c.full_name, c.email, c.phone, c.erased_at, c.created_at FROM customers c
     WHERE ${where} AND c.merged_into IS NULL AND ${named.sql} ORDER BY c.created_at DESC, c.id LIMIT ${SEARCH_LIMIT}`,
  ).all({ typed, folded, kinds: named.kinds }) as {
    id: string;
    full_name: string;
    email: string | null;
    phone: string | null;
    erased_at: number | null;
    created_at: number;
  }[];
  return rows.map((c) => ({
    id: c.id,
    name: c.erased_at === null ? maskName(c.full_name) : c.full_name,
    email: c.email === null ? null : maskEmail(c.email),
    phone: c.phone === null ? null : maskPhone(c.phone),
    erased: c.erased_at !== null,
    since: c.created_at,
  }));
}

/** Refused as not found for a customer nothing in the person's inboxes names. */
export function assertVisible(db: Db, person: Viewer, id: string): void {
  const named = namedBy(person);
  if (!stmt(db, `SELECT 1 FROM customers c WHERE c.id = @id AND ${named.sql}`).get({ id, kinds: named.kinds }))
    throw new DomainError('not_found', `no customer with id ${id}`);
}

export function customerPage(db: Db, person: Viewer, id: string) {
  assertVisible(db, person, id);
  return {
    card: customerCard(db, id, submissionKindsOf(person)),
    consents: mayUseInbox(person, 'promotion') ? consentLedger(db, id) : null,
    requests: person.role === 'director' ? listRequests(db, 'all', Date.now(), id) : null,
    mergedFrom: person.role === 'director' ? mergedInto(db, id) : null,
  };
}
