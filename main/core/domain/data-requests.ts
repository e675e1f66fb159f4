/**
 * Customers' requests about their own data on this desk (common/requests/requests.ts), which only directors
 * handle: listed with their legal clocks (common/requests/clocks.ts), logged when taken by email or phone,
 * acknowledged, extended once, completed or refused. Each action is recorded here at once and pushed through the
 * outbox; the hub carries it out (a profile change reaches every desk with the customer's row) and refuses one
 * that no longer fits, whose row it then sends back (sync/refused-rows.ts).
 */
import { newId } from '../../../common/ids.ts';
import { needsAction, requestClock, type RequestClock } from '../../../common/requests/clocks.ts';
import { REQUEST_REFUSALS, requestRefusalWords } from '../../../common/requests/refusals.ts';
import {
  isOpen,
  PROFILE_FIELDS,
  type Extension,
  type LoggedRequest,
  type ProfileChanges,
  type ProfileField,
  type RequestChannel,
  type RequestDecision,
  type RequestStatus,
  type RequestType,
  type Verification,
  BY_EMAIL_CODE,
} from '../../../common/requests/requests.ts';
import type { RequestLetter } from '../../../common/requests/letters.ts';
import type { Delivery } from '../../../common/protocol/delivery.ts';
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';
import { DomainError } from './errors.ts';
import { contactWhere } from './find.ts';
import { maskAddress, maskEmail, maskName, maskPhone } from './masking.ts';
import { enqueue } from './outbox.ts';
import { inForce } from './sla.ts';

interface Row {
  id: string;
  customer_id: string;
  type: RequestType;
  changes: string;
  requested_at: number;
  status: RequestStatus;
  channel: RequestChannel;
  note: string | null;
  logged_by: string | null;
  third_party: number;
  acknowledged_by: string | null;
  acknowledged_at: number | null;
  extension_days: number | null;
  extension_reason: string | null;
  extended_by: string | null;
  extended_at: number | null;
  decided_by: string | null;
  decided_at: number | null;
  decision_reason: string | null;
  verified_by: string | null;
  verified_at: number | null;
  verification: string | null;
  mails: string;
  full_name: string;
  erased_at: number | null;
}

export interface RequestSummary {
  id: string;
  type: RequestType;
  channel: RequestChannel;
  status: RequestStatus;
  customerId: string;
  customerName: string;
  requestedAt: number;
  thirdParty: boolean;
  extensionDays: number | null;
  /** A deletion's requester shown to own the account (always false for the other types). */
  verified: boolean;
  /** Its emails' delivery states, oldest first: a change here has the open detail read again. */
  mailStates: Delivery['delivery'][];
  clock: RequestClock;
}

const load = (db: Db, id: string): Row => {
  const r = stmt(
    db,
    'SELECT r.*, c.full_name, c.erased_at FROM account_requests r JOIN customers c ON c.id = r.customer_id WHERE r.id = ?',
  ).get(id) as Row | undefined;
  if (!r) throw new DomainError('not_found', `no request with id ${id}`);
  return r;
};

const mailsOf = (r: Row) =>
  Object.entries(JSON.parse(r.mails) as Record<string, { what: RequestLetter; at: string; delivery: Delivery }>)
    .map(([id, m]) => ({ id, what: m.what, at: Date.parse(m.at), delivery: m.delivery }))
    .sort((a, b) => a.at - b.at);

function summary(r: Row, clockOf: (r: Row) => RequestClock): RequestSummary {
  return {
    id: r.id,
    type: r.type,
    channel: r.channel,
    status: r.status,
    customerId: r.customer_id,
    // An erased customer's name is the placeholder, nothing to mask.
    customerName: r.erased_at === null ? maskName(r.full_name) : r.full_name,
    requestedAt: r.requested_at,
    thirdParty: r.third_party === 1,
    extensionDays: r.extension_days,
    verified: r.verified_at !== null,
    mailStates: mailsOf(r).map((m) => m.delivery.delivery),
    clock: clockOf(r),
  };
}

const clocks = (db: Db, now: number) => {
  const { hours } = inForce(db);
  return (r: Row) =>
    requestClock(
      hours,
      {
        requestedAt: r.requested_at,
        status: r.status,
        thirdParty: r.third_party === 1,
        extensionDays: r.extension_days,
        acknowledgedAt: r.acknowledged_at,
        decidedAt: r.decided_at,
      },
      now,
    );
};

/**
 * Open requests, the one due soonest first (an overdue one is at the top: escalated to whoever opens the inbox,
 * all of whom are directors), or those decided, the latest first; or every request of one customer, newest first.
 */
export function listRequests(
  db: Db,
  filter: 'open' | 'closed' | 'all',
  now = Date.now(),
  customerId: string | null = null,
): RequestSummary[] {
  const rows = stmt(
    db,
    `SELECT r.*, c.full_name, c.erased_at FROM account_requests r JOIN customers c ON c.id = r.customer_id
     WHERE (@filter = 'all' OR (r.status IN ('pending', 'acknowledged')) = (@filter = 'open')) AND (@customer IS NULL OR r.customer_id = @customer)
     ORDER BY coalesce(r.decided_at, 0) DESC, r.requested_at DESC LIMIT 1000`,
  ).all({ filter, customer: customerId }) as Row[];
  const clockOf = clocks(db, now);
  const list = rows.map((r) => summary(r, clockOf));
  // Due the same day: the one that arrived first first.
  return filter === 'open' ? list.sort((a, b) => a.clock.completionDueAt - b.clock.completionDueAt || a.requestedAt - b.requestedAt) : list;
}

/** How many open requests are past a clock, for the inbox's badge. */
export function requestCounts(db: Db, now = Date.now()): { open: number; late: number } {
  const open = listRequests(db, 'open', now);
  return { open: open.length, late: open.filter((r) => needsAction(r.status, r.clock)).length };
}

const MASKS: Record<ProfileField, (v: string) => string> = { fullName: maskName, email: maskEmail, phone: maskPhone, address: maskAddress };

export interface RequestDetail extends RequestSummary {
  note: string | null;
  loggedBy: string | null;
  acknowledgedBy: string | null;
  acknowledgedAt: number | null;
  extensionReason: string | null;
  extendedBy: string | null;
  extendedAt: number | null;
  decidedBy: string | null;
  decidedAt: number | null;
  decisionReason: string | null;
  verifiedBy: string | null;
  verifiedAt: number | null;
  verification: string | null;
  /** The emails sent about it, oldest first, each with its delivery state as the hub last said. */
  mails: { id: string; what: RequestLetter; at: number; delivery: Delivery }[];
  reason: string | null;
  /** A profile change, field by field, masked: what the store holds now and what the customer asks for. */
  changes: { field: ProfileField; current: string | null; requested: string }[];
}

function customerValues(db: Db, customerId: string): Record<ProfileField, string | null> {
  return stmt(db, 'SELECT full_name AS fullName, email, phone, address FROM customers WHERE id = ?').get(customerId) as Record<
    ProfileField,
    string | null
  >;
}

const requested = (r: Row) => JSON.parse(r.changes) as ProfileChanges & { reason?: string | null };

export function requestDetail(db: Db, id: string, now = Date.now()): RequestDetail {
  const r = load(db, id);
  const asked = requested(r);
  const current = customerValues(db, r.customer_id);
  const changes =
    r.type === 'profile_change'
      ? PROFILE_FIELDS.filter((f) => asked[f] !== undefined).map((field) => ({
          field,
          current: current[field] === null ? null : MASKS[field](current[field]),
          requested: MASKS[field](asked[field]!),
        }))
      : [];
  return {
    ...summary(r, clocks(db, now)),
    note: r.note,
    loggedBy: r.logged_by,
    acknowledgedBy: r.acknowledged_by,
    acknowledgedAt: r.acknowledged_at,
    extensionReason: r.extension_reason,
    extendedBy: r.extended_by,
    extendedAt: r.extended_at,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    decisionReason: r.decision_reason,
    verifiedBy: r.verified_by,
    verifiedAt: r.verified_at,
    verification: r.verification,
    mails: mailsOf(r),
    reason: r.type === 'profile_change' ? null : (asked.reason ?? null),
    changes,
  };
}

/** A request's type, for the audit of what was decided on it. */
export const requestTypeOf = (db: Db, id: string): RequestType => load(db, id).type;

/** One field of a profile change in full, current and requested (the API audits each reveal). */
export function revealChange(db: Db, id: string, field: ProfileField): { current: string | null; requested: string } {
  const r = load(db, id);
  const asked = requested(r)[field];
  if (r.type !== 'profile_change' || asked === undefined) throw new DomainError('not_found', `the request does not change ${field}`);
  return { current: customerValues(db, r.customer_id)[field], requested: asked };
}

interface Actor {
  id: string;
  name: string;
}

const push = (db: Db, actor: Actor, id: string, mutation: string, payload: Record<string, unknown>, now: number) =>
  enqueue(db, { mutation, entityType: 'account_request', entityId: id, payload, actorId: actor.id }, now);

export function logRequest(db: Db, actor: Actor, r: LoggedRequest, now = Date.now()): { id: string } {
  return db.transaction(() => {
    if (!stmt(db, 'SELECT 1 FROM customers WHERE id = ?').get(r.customerId)) throw new DomainError('not_found', 'no such customer');
    const id = newId();
    stmt(
      db,
      `INSERT INTO account_requests (id, customer_id, type, changes, requested_at, channel, note, logged_by, third_party)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, r.customerId, r.type, JSON.stringify(r.changes ?? {}), now, r.channel, r.note ?? null, actor.name, r.thirdParty ? 1 : 0);
    push(db, actor, id, 'request.log', r, now);
    return { id };
  })();
}

/** Acknowledged once, the customer emailed the acknowledgement if asked; acknowledging again, or a request already decided, changes nothing. */
export function acknowledgeRequest(db: Db, actor: Actor, id: string, email: boolean, now = Date.now()): { changed: boolean } {
  return db.transaction(() => {
    if (load(db, id).status !== 'pending') return { changed: false };
    stmt(db, `UPDATE account_requests SET status = 'acknowledged', acknowledged_by = ?, acknowledged_at = ? WHERE id = ?`).run(
      actor.name,
      now,
      id,
    );
    push(db, actor, id, 'request.acknowledge', { email }, now);
    return { changed: true };
  })();
}

const hasEmail = (db: Db, customerId: string) =>
  stmt(db, 'SELECT 1 FROM customers WHERE id = ? AND email IS NOT NULL').get(customerId) !== undefined;

/** Has the hub email a verification code to the account's address (the desk never sees the code). */
/** Refused as stale once the request was decided, here or by a sync. */
function assertOpen(r: { status: RequestStatus; decided_by: string | null }): void {
  if (!isOpen(r.status)) throw new DomainError('stale', requestRefusalWords('decided', { status: r.status, by: r.decided_by }));
}

export function sendVerificationCode(db: Db, actor: Actor, id: string, now = Date.now()): void {
  db.transaction(() => {
    const r = load(db, id);
    if (r.type !== 'deletion') throw new DomainError('invalid', REQUEST_REFUSALS.not_deletion);
    assertOpen(r);
    if (r.verified_by) throw new DomainError('stale', requestRefusalWords('verified', { by: r.verified_by }));
    if (!hasEmail(db, r.customer_id)) throw new DomainError('invalid', REQUEST_REFUSALS.no_email_to_verify);
    push(db, actor, id, 'request.sendCode', {}, now);
  })();
}

export function extendRequest(db: Db, actor: Actor, id: string, e: Extension, now = Date.now()): void {
  db.transaction(() => {
    const r = load(db, id);
    assertOpen(r);
    if (r.extended_by) throw new DomainError('stale', requestRefusalWords('extended', { by: r.extended_by }));
    stmt(db, 'UPDATE account_requests SET extension_days = ?, extension_reason = ?, extended_by = ?, extended_at = ? WHERE id = ?').run(
      e.days,
      e.reason,
      actor.name,
      now,
      id,
    );
    push(db, actor, id, 'request.extend', e, now);
  })();
}

/**
 * Completes a request or refuses it with a reason. A profile change is applied by the hub, which sends the
 * customer's new row to every desk; until this desk has pushed and pulled, the customer's card shows the old values.
 * A deletion, once its requester is verified, is erased by the hub, and here when its erased row comes back.
 */
export function decideRequest(db: Db, actor: Actor, id: string, d: RequestDecision, now = Date.now()): void {
  db.transaction(() => {
    const r = load(db, id);
    assertOpen(r);
    if (d.outcome === 'completed' && r.type === 'data_copy' && !hasEmail(db, r.customer_id))
      throw new DomainError('invalid', REQUEST_REFUSALS.no_email_for_copy);
    if (d.outcome === 'completed' && r.type === 'deletion' && r.verified_at === null)
      throw new DomainError('invalid', REQUEST_REFUSALS.not_verified);
    stmt(
      db,
      `UPDATE account_requests SET status = ?, decided_by = ?, decided_at = ?, decision_reason = ?,
         acknowledged_by = coalesce(acknowledged_by, ?), acknowledged_at = coalesce(acknowledged_at, ?) WHERE id = ?`,
    ).run(d.outcome, actor.name, now, d.outcome === 'rejected' ? d.reason : null, actor.name, now, id);
    push(db, actor, id, 'request.decide', d, now);
  })();
}

/** Records how the requester of a deletion was verified as the account's owner; once. */
export function verifyRequest(db: Db, actor: Actor, id: string, v: Verification, now = Date.now()): void {
  db.transaction(() => {
    const r = load(db, id);
    if (r.type !== 'deletion') throw new DomainError('invalid', REQUEST_REFUSALS.not_deletion);
    assertOpen(r);
    if (r.verified_by) throw new DomainError('stale', requestRefusalWords('verified', { by: r.verified_by }));
    // A code is checked by the hub, which refuses a wrong one: this desk then puts back the hub's row (unverified).
    const how = v.method === 'email_code' ? BY_EMAIL_CODE : v.how;
    stmt(db, 'UPDATE account_requests SET verified_by = ?, verified_at = ?, verification = ? WHERE id = ?').run(actor.name, now, how, id);
    push(db, actor, id, 'request.verify', v, now);
  })();
}

/**
 * The customer a request taken by email or phone is about, found by their whole email or phone number (in any of
 * its forms: +84, 84 or 0), masked; whatever they have sent, since a request may come from anyone the store holds.
 */
export function customersByContact(db: Db, text: string): { id: string; name: string; email: string | null; phone: string | null }[] {
  const typed = text.trim();
  const where = contactWhere(typed);
  if (!where) return [];
  const rows = stmt(db, `SELECT c.id, c.full_name, c.email, c.phone FROM customers c WHERE ${where} LIMIT 10`).all({ typed }) as {
    id: string;
    full_name: string;
    email: string | null;
    phone: string | null;
  }[];
  return rows.map((c) => ({
    id: c.id,
    name: maskName(c.full_name),
    email: c.email === null ? null : maskEmail(c.email),
    phone: c.phone === null ? null : maskPhone(c.phone),
  }));
}
