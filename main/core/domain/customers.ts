/** Customers and their card: personal fields masked until a person reveals one (which is audited by the API). */
import { newId } from '../../../common/ids.ts';
import type { SubmissionKind } from '../../../common/vocabulary/submissions.ts';
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';
import { DomainError } from './errors.ts';
import { maskAddress, maskEmail, maskName, maskPhone } from './masking.ts';

import type { Gender } from '../../../common/vocabulary/customers.ts';
import type { RevealableField } from '../../../common/vocabulary/revealable.ts';

interface CustomerRow {
  id: string;
  username: string | null;
  gender: Gender | null;
  full_name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  created_at: number;
  erased_at: number | null;
}

export interface CustomerCard {
  id: string;
  username: string | null;
  gender: Gender | null;
  fullName: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  since: number;
  submissionCount: number;
  /** When their data was erased at their request; null while it is held. */
  erasedAt: number | null;
}

function load(db: Db, id: string): CustomerRow {
  const row = stmt(db, 'SELECT * FROM customers WHERE id = ?').get(id) as CustomerRow | undefined;
  if (!row) throw new DomainError('not_found', `no customer with id ${id}`);
  return row;
}

const mask = <T extends string | null>(v: T, f: (s: string) => string) => (v === null ? null : f(v));

/** The card as a person who holds these inboxes sees it: the count is of their submissions in those inboxes only. */
export function customerCard(db: Db, id: string, kinds: readonly SubmissionKind[]): CustomerCard {
  const c = load(db, id);
  const { n } = stmt(db, 'SELECT count(*) AS n FROM submissions WHERE customer_id = ? AND kind IN (SELECT value FROM json_each(?))').get(
    id,
    JSON.stringify(kinds),
  ) as { n: number };
  return {
    id: c.id,
    username: c.username,
    gender: c.gender,
    fullName: maskName(c.full_name),
    email: mask(c.email, maskEmail),
    phone: mask(c.phone, maskPhone),
    address: mask(c.address, maskAddress),
    since: c.created_at,
    submissionCount: n,
    erasedAt: c.erased_at,
  };
}

const COLUMN: Record<RevealableField, keyof CustomerRow> = { fullName: 'full_name', email: 'email', phone: 'phone', address: 'address' };

export function revealField(db: Db, id: string, field: RevealableField): string | null {
  return load(db, id)[COLUMN[field]] as string | null;
}

export interface NewCustomer {
  username?: string | null;
  gender?: Gender | null;
  fullName: string;
  email?: string | null;
  phone?: string | null;
  address?: string | null;
  createdAt: number;
}

export function insertCustomer(db: Db, c: NewCustomer): string {
  const id = newId();
  stmt(
    db,
    'INSERT INTO customers (id, username, gender, full_name, email, phone, address, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    id,
    c.username ?? null,
    c.gender ?? null,
    c.fullName,
    c.email ?? null,
    c.phone ?? null,
    c.address ?? null,
    c.createdAt,
    c.createdAt,
  );
  return id;
}
