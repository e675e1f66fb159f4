/**
 * Customers' requests about their own data on the hub (migration 0026; common/requests/requests.ts), which only
 * directors handle: a request taken by email or phone is logged from a desk; acknowledging, the one extension and
 * the outcome each count once, whichever desk sends them first, and a later one that no longer fits is refused
 * naming who acted. Completing a profile change applies it to the customer here, so every desk gets the new
 * details with the customer's row; completing a verified deletion erases the customer (erasure.ts); the website
 * learns every outcome from its feed.
 */
import {
  BY_EMAIL_CODE,
  type Acknowledgement,
  type Extension,
  type LoggedRequest,
  type ProfileChanges,
  type RequestDecision,
  type Verification,
} from '../../common/requests/requests.ts';
import type { Queryable } from '../db/connect.ts';
import { requestRefusalWords, type RefusalNames, type RequestRefusal } from '../../common/requests/refusals.ts';
import { directorThen, DirectoryRefusal } from '../directory/staff.ts';
import { recordWebsiteChange } from '../website/feed.ts';
import { eraseCustomer } from './erasure.ts';
import { queueRequestMail } from './request-mail.ts';
import { dataCopy } from './data-copy.ts';
import { createHash, randomInt } from 'node:crypto';

interface Change<P> {
  actorId: string;
  actorName: string;
  entityId: string;
  createdAt: number;
  payload: P;
}

interface Held {
  type: LoggedRequest['type'];
  status: string;
  customer_id: string;
  changes: Record<string, unknown>;
  acknowledged_by: string | null;
  extended_by: string | null;
  decided_by: string | null;
  verified_at: Date | null;
  channel: string;
}

const at = (ms: number) => new Date(ms).toISOString();

async function director(tx: Queryable, m: Change<unknown>): Promise<void> {
  if (!(await directorThen(tx, m.actorId, new Date(m.createdAt)))) throw refusal('not_director');
}

async function held(tx: Queryable, m: Change<unknown>): Promise<Held> {
  await director(tx, m);
  const r = (
    await tx.query<Held>(
      'SELECT type, status, customer_id, changes, acknowledged_by, extended_by, decided_by, verified_at, channel FROM account_requests WHERE id = $1 FOR UPDATE',
      [m.entityId],
    )
  ).rows[0];
  if (!r) throw refusal('no_request');
  return r;
}

/** A refusal with its code and the names its words need, which the desk words in the person's language. */
const refusal = (code: RequestRefusal, names: RefusalNames = {}) =>
  DirectoryRefusal.coded(code, requestRefusalWords(code, names), { ...names });
const decidedRefusal = (r: Held) => refusal('decided', { status: r.status, by: r.decided_by });

/** A request a director took by email, phone or in person; the same mutation twice logs it once. */
export async function logRequest(tx: Queryable, m: Change<LoggedRequest>): Promise<void> {
  await director(tx, m);
  const r = m.payload;
  if (!(await tx.query('SELECT 1 FROM customers WHERE id = $1', [r.customerId])).rows.length) throw refusal('no_customer');
  await tx.query(
    `INSERT INTO account_requests (id, customer_id, type, changes, requested_at, channel, note, third_party, logged_by, logged_by_id, seq)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0) ON CONFLICT (id) DO NOTHING`,
    [
      m.entityId,
      r.customerId,
      r.type,
      JSON.stringify(r.changes ?? {}),
      at(m.createdAt),
      r.channel,
      r.note ?? null,
      r.thirdParty,
      m.actorName,
      m.actorId,
    ],
  );
}

/**
 * Acknowledged once, with the acknowledgement letter when asked for; a second acknowledgement, or one of a request
 * already decided, changes nothing.
 */
export async function acknowledgeRequest(tx: Queryable, m: Change<Acknowledgement>): Promise<void> {
  const r = await held(tx, m);
  if (r.status !== 'pending') return;
  await tx.query(`UPDATE account_requests SET status = 'acknowledged', acknowledged_by = $2, acknowledged_at = $3 WHERE id = $1`, [
    m.entityId,
    m.actorName,
    at(m.createdAt),
  ]);
  if (m.payload.email) await queueRequestMail(tx, m.entityId, 'acknowledgement', at(m.createdAt));
}

const hasEmail = async (tx: Queryable, customerId: string) =>
  (await tx.query('SELECT 1 FROM customers WHERE id = $1 AND email IS NOT NULL', [customerId])).rows.length > 0;

const CODE_VALID_MS = 24 * 3_600_000;
const codeHash = (requestId: string, code: string) => createHash('sha256').update(`${requestId}:${code}`).digest('hex');

/** Emails a new code to the account's address (the last one sent is the one that counts); its hash stays here. */
export async function sendVerificationCode(tx: Queryable, m: Change<Record<string, never>>): Promise<void> {
  const r = await held(tx, m);
  if (r.type !== 'deletion') throw refusal('not_deletion');
  if (r.decided_by) throw decidedRefusal(r);
  if (r.verified_at) throw refusal('verified');
  if (!(await hasEmail(tx, r.customer_id))) throw refusal('no_email_to_verify');
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await tx.query(
    `INSERT INTO request_codes (request_id, code_hash, expires_at) VALUES ($1, $2, $3)
     ON CONFLICT (request_id) DO UPDATE SET code_hash = excluded.code_hash, expires_at = excluded.expires_at`,
    [m.entityId, codeHash(m.entityId, code), new Date(m.createdAt + CODE_VALID_MS).toISOString()],
  );
  await queueRequestMail(tx, m.entityId, 'verification_code', at(m.createdAt), { code });
}

/** The law allows one extension: a second is refused, naming who extended it. */
export async function extendRequest(tx: Queryable, m: Change<Extension>): Promise<void> {
  const r = await held(tx, m);
  if (r.decided_by) throw decidedRefusal(r);
  if (r.extended_by) throw refusal('extended', { by: r.extended_by });
  await tx.query(
    `UPDATE account_requests SET extension_days = $2, extension_reason = $3, extended_by = $4, extended_at = $5 WHERE id = $1`,
    [m.entityId, m.payload.days, m.payload.reason, m.actorName, at(m.createdAt)],
  );
}

const COLUMN: Record<keyof ProfileChanges, string> = { fullName: 'full_name', email: 'email', phone: 'phone', address: 'address' };

/** Carries out a request, or refuses it with the reason the customer is given; the first outcome stands. */
export async function decideRequest(tx: Queryable, m: Change<RequestDecision>): Promise<void> {
  const r = await held(tx, m);
  const d = m.payload;
  if (r.decided_by) {
    if (r.status === d.outcome) return;
    throw decidedRefusal(r);
  }
  if (d.outcome === 'completed' && r.type === 'data_copy' && !(await hasEmail(tx, r.customer_id))) throw refusal('no_email_for_copy');
  if (d.outcome === 'completed' && r.type === 'deletion' && !r.verified_at) throw refusal('not_verified');
  const changes = r.type === 'profile_change' && d.outcome === 'completed' ? (r.changes as ProfileChanges) : undefined;
  if (changes && Object.keys(changes).length > 0) {
    const fields = Object.keys(changes) as (keyof ProfileChanges)[];
    await tx.query(
      `UPDATE customers SET ${fields.map((f, i) => `${COLUMN[f]} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`,
      [r.customer_id, ...fields.map((f) => changes[f])],
    );
  }
  if (r.type === 'consent_withdrawal' && d.outcome === 'completed') await withdrawConsents(tx, r, m);
  await tx.query(
    `UPDATE account_requests SET status = $2, decided_by = $3, decided_by_id = $4, decided_at = $5, decision_reason = $6,
       acknowledged_by = coalesce(acknowledged_by, $3), acknowledged_at = coalesce(acknowledged_at, $5) WHERE id = $1`,
    [m.entityId, d.outcome, m.actorName, m.actorId, at(m.createdAt), d.outcome === 'rejected' ? d.reason : null],
  );
  const { ref } = (await tx.query<{ ref: string }>('SELECT website_ref AS ref FROM customers WHERE id = $1', [r.customer_id])).rows[0]!;
  await recordWebsiteChange(tx, {
    type: 'request.decided',
    request: { id: m.entityId, type: r.type },
    customer: { ref },
    outcome: d.outcome,
    ...(changes && { changes }),
    ...(d.outcome === 'rejected' && { reason: d.reason }),
  });
  if (d.outcome === 'rejected') await queueRequestMail(tx, m.entityId, 'rejection', at(m.createdAt), { reason: d.reason });
  // The copy goes to the account's own address; the queue keeps it only until it has gone.
  if (r.type === 'data_copy' && d.outcome === 'completed')
    await queueRequestMail(tx, m.entityId, 'data_copy', at(m.createdAt), { attachments: await dataCopy(tx, r.customer_id) }, true);
  if (r.type === 'deletion' && d.outcome === 'completed') {
    // Told before the address goes; the queue forgets it once the letter has gone (request-mail.ts).
    await queueRequestMail(tx, m.entityId, 'erasure_confirmation', at(m.createdAt), {}, true);
    await eraseCustomer(tx, r.customer_id);
  }
}

/** How the requester of a deletion was verified as the account's owner; the first verification stands. */
export async function verifyRequest(tx: Queryable, m: Change<Verification>): Promise<void> {
  const r = await held(tx, m);
  if (r.type !== 'deletion') throw refusal('not_deletion');
  if (r.decided_by) throw decidedRefusal(r);
  if (r.verified_at) return;
  const v = m.payload;
  if (v.method === 'email_code') {
    const sent = (
      await tx.query<{ code_hash: string; expires_at: Date }>('SELECT code_hash, expires_at FROM request_codes WHERE request_id = $1', [
        m.entityId,
      ])
    ).rows[0];
    if (!sent) throw refusal('no_code');
    if (sent.expires_at.getTime() < m.createdAt) throw refusal('code_expired');
    if (sent.code_hash !== codeHash(m.entityId, v.code)) throw refusal('code_mismatch');
    await tx.query('DELETE FROM request_codes WHERE request_id = $1', [m.entityId]);
  }
  await tx.query(`UPDATE account_requests SET verified_by = $2, verified_at = $3, verification = $4 WHERE id = $1`, [
    m.entityId,
    m.actorName,
    at(m.createdAt),
    v.method === 'email_code' ? BY_EMAIL_CODE : v.how,
  ]);
}

/**
 * An opt-out recorded for each channel whose latest record is consent, in the words of the request it carries out,
 * as coming from where the request came, by the director who completed it.
 */
async function withdrawConsents(tx: Queryable, r: Held, m: Change<unknown>): Promise<void> {
  await tx.query(
    `INSERT INTO consents (id, customer_id, opted_in, channel, wording, recorded_at, source, recorded_by, recorded_by_id, seq)
     SELECT md5($3 || c.channel)::uuid::text, $1, false, c.channel, $4, $2, $5, $6, $7, 0 FROM (
       SELECT DISTINCT ON (channel) channel, opted_in FROM consents WHERE customer_id = $1 ORDER BY channel, recorded_at DESC, id DESC
     ) c WHERE c.opted_in ON CONFLICT (id) DO NOTHING`,
    [r.customer_id, at(m.createdAt), m.entityId, `Rút lại theo yêu cầu của khách hàng (${m.entityId})`, r.channel, m.actorName, m.actorId],
  );
}
