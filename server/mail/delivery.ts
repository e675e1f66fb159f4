/**
 * What the hub runs for email while it serves: the SMTP sender when SMTP_URL is configured; otherwise a
 * marker that writes "email is not configured on the hub" into every waiting reply, so desks can say why
 * a reply is not leaving instead of showing "queued" forever. Once SMTP is configured the sender takes the
 * same rows and their state moves on to sending and sent.
 */
import type { Delivery } from '../../common/protocol/delivery.ts';
import type { HubDb } from '../db/connect.ts';
import { takeWriteLock } from '../db/write-lock.ts';
import { runRounds } from '../rounds.ts';
import { withDelivery } from './queue.ts';
import { REQUEST_MAIL_DELIVERY } from '../requests/request-mail.ts';
import { MailSender, type MailConfig } from './sender.ts';

const NOT_CONFIGURED: Delivery = { delivery: 'queued', notConfigured: true };
const WAITING_UNMARKED = `SELECT m.reply_id FROM mail_outbox m JOIN submission_events e ON e.id = m.reply_id
  WHERE m.state IN ('queued', 'sending') AND NOT e.data @> '{"notConfigured": true}'`;

/** A request's emails waiting likewise (server/requests/request-mail.ts), their state in the request's `mails`. */
const REQUESTS_WAITING_UNMARKED = `SELECT m.reply_id AS id FROM mail_outbox m JOIN account_requests r ON r.id = m.request_id
  WHERE m.state IN ('queued', 'sending') AND NOT (r.mails->m.reply_id->'delivery') @> '{"notConfigured": true}'`;

/** Marks the replies (and request emails) waiting for a sender that does not exist; returns how many replies were marked. */
export async function markNotConfigured(db: HubDb): Promise<number> {
  // Checked without the write lock first: most rounds find nothing and must not hold up intake or push.
  if ((await db.query(`${WAITING_UNMARKED} UNION ALL ${REQUESTS_WAITING_UNMARKED} LIMIT 1`)).rows.length === 0) return 0;
  return db.transaction(async (tx) => {
    await takeWriteLock(tx); // the events' seq changes: desks pull the new state
    const marked = await tx.query(
      `UPDATE submission_events SET data = ${withDelivery('data')} WHERE id IN (${WAITING_UNMARKED}) RETURNING id`,
      [JSON.stringify(NOT_CONFIGURED)],
    );
    for (const m of (await tx.query<{ id: string }>(REQUESTS_WAITING_UNMARKED)).rows)
      await tx.query(REQUEST_MAIL_DELIVERY, [JSON.stringify(NOT_CONFIGURED), m.id]);
    return marked.rows.length;
  });
}

export interface MailDelivery {
  stop(): Promise<void>;
}

/** Runs a round every intervalMs until stopped (server/rounds.ts). */
export function startMailDelivery(db: HubDb, config: MailConfig | null, intervalMs = 2000): MailDelivery {
  const sender = config ? new MailSender(db, config) : null;
  // An SMTP error quotes addresses: rounds.ts logs the message only.
  const rounds = runRounds('mail', async () => void (await (sender ? sender.runOnce() : markNotConfigured(db))), intervalMs);
  return {
    async stop() {
      await rounds.stop();
      await sender?.close();
    },
  };
}
