/**
 * The command palette's lookups: a submission by its reference, and a customer by their email or phone
 * number, each among the inboxes the person works. A customer is found only whole (an email or a number as
 * typed, not a part of one): the palette jumps to someone the person was told about, it does not browse
 * customers. What it answers is masked like the customer card.
 */
import { REFERENCE_PREFIXES, type Status, type SubmissionKind } from '../../../common/vocabulary/submissions.ts';
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';
import { maskName } from './masking.ts';

export interface FoundSubmission {
  id: string;
  kind: SubmissionKind;
  subject: string;
  status: Status;
}
export interface FoundCustomer {
  id: string;
  /** Masked, as on the customer card. */
  name: string;
  /** Their newest submission in the person's inboxes: where the palette opens them. */
  latest: { id: string; kind: SubmissionKind };
  submissionCount: number;
}

const PREFIXES = Object.values(REFERENCE_PREFIXES).join('|');
const REFERENCE = new RegExp(`^(?:(${PREFIXES})-?)?([0-9a-f]{8})$`, 'i');
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const PHONE = /^\+?[\d\s.-]{8,20}$/;

/** Where a customer is looked up by what was typed: the keyed hash of a whole email or phone number (store/contact-keys.ts). */
export function contactWhere(typed: string, alias = 'c'): string | null {
  if (EMAIL.test(typed)) return `bd_contact('email', ${alias}.email) = bd_contact('email', @typed)`;
  if (PHONE.test(typed)) return `bd_contact('phone', ${alias}.phone) = bd_contact('phone', @typed)`;
  return null;
}

export function findSubmissions(db: Db, text: string, kinds: readonly SubmissionKind[]): FoundSubmission[] {
  const ref = REFERENCE.exec(text.trim());
  if (!ref) return [];
  const kind = ref[1] ? (Object.entries(REFERENCE_PREFIXES).find(([, p]) => p === ref[1]!.toUpperCase())![0] as SubmissionKind) : null;
  const allowed = kinds.filter((k) => kind === null || k === kind);
  return stmt(
    db,
    `SELECT id, kind, subject, status FROM submissions
     WHERE substr(id, -8) = ? AND kind IN (SELECT value FROM json_each(?)) ORDER BY seq DESC LIMIT 10`,
  ).all(ref[2]!.toLowerCase(), JSON.stringify(allowed)) as FoundSubmission[];
}

export function findCustomers(db: Db, text: string, kinds: readonly SubmissionKind[]): FoundCustomer[] {
  const typed = text.trim();
  const where = contactWhere(typed);
  if (!where || kinds.length === 0) return [];
  const rows = stmt(
    db,
    `SELECT c.id, c.full_name AS fullName,
            (SELECT count(*) FROM submissions s WHERE s.customer_id = c.id AND s.kind IN (SELECT value FROM json_each(@kinds))) AS n,
            (SELECT s.id || ' ' || s.kind FROM submissions s WHERE s.customer_id = c.id AND s.kind IN (SELECT value FROM json_each(@kinds))
             ORDER BY s.seq DESC LIMIT 1) AS latest
     FROM customers c
     WHERE ${where} AND EXISTS (SELECT 1 FROM submissions s WHERE s.customer_id = c.id AND s.kind IN (SELECT value FROM json_each(@kinds)))
     LIMIT 10`,
  ).all({ typed, kinds: JSON.stringify(kinds) }) as {
    id: string;
    fullName: string;
    n: number;
    latest: string | null;
  }[];
  // Only customers with something in the person's inboxes are found (the query's EXISTS): each has a newest one.
  return rows.flatMap((r) => {
    if (!r.latest) return [];
    const [id, kind] = r.latest.split(' ') as [string, SubmissionKind];
    return [{ id: r.id, name: maskName(r.fullName), latest: { id, kind }, submissionCount: r.n }];
  });
}
