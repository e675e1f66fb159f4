/**
 * The consent ledger on this desk (common/requests/consents.ts): a customer's records, oldest first, each
 * purpose's standing (its latest record), one-click withdrawal by staff, and the list of those who may be sent a
 * promotion on a channel, computed from the ledger alone (a latest record that gives consent, data not erased).
 * Only the list's export holds the contacts themselves, for directors (the API says who may call it).
 */
import Papa from 'papaparse';
import { newId } from '../../../common/ids.ts';
import {
  CONSENT_CHANNELS,
  WITHDRAWN_BY_STAFF,
  type ConsentChannel,
  type ConsentSource,
  type ConsentWithdrawal,
} from '../../../common/requests/consents.ts';
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';
import { DomainError } from './errors.ts';
import { maskEmail, maskName, maskPhone } from './masking.ts';
import { enqueue } from './outbox.ts';

export interface ConsentRecord {
  id: string;
  channel: ConsentChannel;
  optedIn: boolean;
  wording: string;
  source: ConsentSource;
  pageUrl: string | null;
  recordedBy: string | null;
  at: number;
}

export function consentLedger(db: Db, customerId: string): { records: ConsentRecord[]; active: Record<ConsentChannel, boolean> } {
  const records = (
    stmt(
      db,
      `SELECT id, channel, opted_in AS optedIn, wording, source, page_url AS pageUrl, recorded_by AS recordedBy, recorded_at AS at
       FROM consents WHERE customer_id = ? ORDER BY recorded_at, id`,
    ).all(customerId) as (Omit<ConsentRecord, 'optedIn'> & { optedIn: number })[]
  ).map((r) => ({ ...r, optedIn: r.optedIn === 1 }));
  const active = Object.fromEntries(CONSENT_CHANNELS.map((c) => [c, records.filter((r) => r.channel === c).at(-1)?.optedIn ?? false]));
  return { records, active: active as Record<ConsentChannel, boolean> };
}

/** Records a withdrawal taken by staff; withdrawing on a channel without consent is refused as stale (nothing to withdraw). */
export function withdrawConsent(db: Db, actor: { id: string; name: string }, w: ConsentWithdrawal, now = Date.now()): { id: string } {
  return db.transaction(() => {
    if (!stmt(db, 'SELECT 1 FROM customers WHERE id = ?').get(w.customerId)) throw new DomainError('not_found', 'no such customer');
    if (!consentLedger(db, w.customerId).active[w.channel]) throw new DomainError('stale', `no consent for ${w.channel} to withdraw`);
    const id = newId();
    stmt(
      db,
      `INSERT INTO consents (id, customer_id, opted_in, channel, wording, recorded_at, source, recorded_by) VALUES (?, ?, 0, ?, ?, ?, ?, ?)`,
    ).run(id, w.customerId, w.channel, WITHDRAWN_BY_STAFF[w.source], now, w.source, actor.name);
    enqueue(db, { mutation: 'consent.withdraw', entityType: 'consent', entityId: id, payload: w, actorId: actor.id }, now);
    return { id };
  })();
}

/** The customers whose latest record for the channel gives consent, and whose data is not erased. */
const ALLOWED = `SELECT c.id, c.full_name, c.email, c.phone, l.recorded_at AS since FROM customers c
  JOIN consents l ON l.customer_id = c.id AND l.channel = @channel
  WHERE c.erased_at IS NULL AND l.opted_in = 1
    AND NOT EXISTS (SELECT 1 FROM consents n WHERE n.customer_id = c.id AND n.channel = @channel
                    AND (n.recorded_at, n.id) > (l.recorded_at, l.id))`;

interface Allowed {
  id: string;
  full_name: string;
  email: string | null;
  phone: string | null;
  since: number;
}

const contactOf = (channel: ConsentChannel, r: Allowed) => (channel === 'email' ? r.email : r.phone);

/** The list as staff see it: masked, newest consent first, with how many there are. */
export function promotionList(db: Db, channel: ConsentChannel, limit = 200) {
  const rows = stmt(db, `${ALLOWED} ORDER BY since DESC, c.id LIMIT @limit`).all({ channel, limit }) as Allowed[];
  const { n } = stmt(db, `SELECT count(*) AS n FROM (${ALLOWED})`).get({ channel }) as { n: number };
  return {
    total: n,
    rows: rows.map((r) => {
      const contact = contactOf(channel, r);
      return {
        customerId: r.id,
        name: maskName(r.full_name),
        contact: contact === null ? null : channel === 'email' ? maskEmail(contact) : maskPhone(contact),
        since: r.since,
      };
    }),
  };
}

/** The list whole, as CSV (name and the channel's contact), for a director's export; those without a contact are left out. */
export function exportPromotionList(db: Db, channel: ConsentChannel): { csv: string; count: number } {
  const rows = (stmt(db, `${ALLOWED} ORDER BY c.full_name, c.id`).all({ channel }) as Allowed[]).filter((r) => contactOf(channel, r));
  // escapeFormulae: a name starting with = + - @ opens as text in a spreadsheet, never as a formula.
  const csv = Papa.unparse(
    {
      fields: ['ho_ten', channel === 'email' ? 'email' : 'dien_thoai', 'dong_y_tu'],
      data: rows.map((r) => [r.full_name, contactOf(channel, r), new Date(r.since).toISOString()]),
    },
    { escapeFormulae: true },
  );
  return { csv, count: rows.length };
}
